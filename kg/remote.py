"""A remote SPARQL 1.1 store: query it over the SPARQL 1.1 Protocol, push a graph into it.

``RemoteStore(url).query(text)`` gives back the same :class:`kg.store.QueryResult` with
pyoxigraph terms as the embedded store, so ``kg query --endpoint URL`` prints the same rows.
Results are requested as SPARQL JSON (SELECT/ASK) or N-Triples (CONSTRUCT/DESCRIBE) and parsed
by pyoxigraph's own parsers.

``RemoteStore(url).push(store)`` copies every named graph of a store into the remote one. It
uses the SPARQL 1.1 Graph Store Protocol (``PUT`` then ``POST`` of N-Triples, one named graph at
a time) when the server has it, and SPARQL 1.1 Update (``DROP SILENT GRAPH`` then
``INSERT DATA { GRAPH <g> { ... } }`` in batches) otherwise. Either way a pushed graph replaces
the remote graph of the same name, so pushing twice gives the same remote graph.

The canned queries read the default graph as the union of the named graphs (as the embedded
store does). Oxigraph does that with ``--union-default-graph`` (``kg serve`` sets it) or the
``union-default-graph`` URL parameter; Fuseki with ``tdb2:unionDefaultGraph``; GraphDB and
Virtuoso do it by default.

>>> endpoints_for("http://127.0.0.1:7878/query").update
'http://127.0.0.1:7878/update'
>>> endpoints_for("http://localhost:3030/ds/sparql").graph_store
'http://localhost:3030/ds/data'
"""
from __future__ import annotations

import re
import socket
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from typing import Callable, Iterable, Iterator, Optional, Sequence

import pyoxigraph as ox

from kg.errors import QueryError, RemoteHTTPError, StoreError
from kg.store import QueryResult

USER_AGENT = "kg (ddkg) SPARQL client"
RESULTS_JSON = "application/sparql-results+json"
N_TRIPLES = "application/n-triples"
GSP_BATCH = 200_000      # triples per Graph Store Protocol request
UPDATE_BATCH = 5_000     # triples per INSERT DATA request
CANCELLED = b"The SPARQL operation has been cancelled"


@dataclass(frozen=True)
class Endpoints:
    """The three URLs of a SPARQL 1.1 service: query, update and graph store."""

    query: str
    update: Optional[str]
    graph_store: Optional[str]


def endpoints_for(url: str, update: Optional[str] = None, graph_store: Optional[str] = None) -> Endpoints:
    """Guess the update and graph-store URLs from the query URL (Oxigraph, Fuseki, rdf4j...).

    ``.../query`` (Oxigraph) gives ``.../update`` and ``.../store``; ``.../sparql`` (Fuseki,
    Blazegraph, Virtuoso) gives ``.../update`` and ``.../data``; any other URL (a Fuseki
    dataset URL) serves all three. Explicit ``update``/``graph_store`` win.
    """
    parsed = urllib.parse.urlsplit(url)
    if parsed.scheme not in ("http", "https") or not parsed.netloc:
        raise StoreError(f"{url!r} is not an http(s) URL of a SPARQL endpoint, "
                         "e.g. http://127.0.0.1:7878/query")
    path = parsed.path.rstrip("/")
    base = urllib.parse.urlunsplit((parsed.scheme, parsed.netloc, "", "", ""))
    if path.endswith("/query"):
        stem = path[: -len("/query")]
        guess = (base + stem + "/update", base + stem + "/store")
    elif path.endswith("/sparql"):
        stem = path[: -len("/sparql")]
        guess = (base + stem + "/update", base + stem + "/data")
    elif path == "":
        guess = (base + "/update", base + "/store")
        url = base + "/query"
    else:
        guess = (url, url)
    return Endpoints(url, update or guess[0], graph_store or guess[1])


def query_form(text: str) -> str:
    """SELECT, ASK, CONSTRUCT or DESCRIBE, read by Oxigraph's parser (prefixes and comments do not fool it).

    >>> query_form("PREFIX a: <http://e/> # SELECT\\nASK { ?s ?p ?o }")
    'ASK'
    """
    try:
        result = ox.Store().query(text)  # an empty store answers at once: this parses the query
    except SyntaxError as exc:
        raise QueryError(f"SPARQL syntax error: {exc}") from None
    except Exception:  # noqa: BLE001 - e.g. SERVICE: fall back to the first keyword
        result = None
    if isinstance(result, ox.QueryBoolean):
        return "ASK"
    if isinstance(result, ox.QuerySolutions):
        return "SELECT"
    if isinstance(result, ox.QueryTriples):
        return "CONSTRUCT"
    match = re.search(r"\b(SELECT|ASK|CONSTRUCT|DESCRIBE)\b", text, re.IGNORECASE)
    return match.group(1).upper() if match else "SELECT"


class RemoteStore:
    """A SPARQL 1.1 service at ``url`` (its query endpoint).

    ``update_url`` and ``graph_store_url`` default to guesses from ``url`` (see
    :func:`endpoints_for`). ``union_default_graph`` adds Oxigraph's ``union-default-graph``
    parameter to queries (other servers ignore unknown parameters or need their own setting).
    """

    def __init__(self, url: str, update_url: Optional[str] = None, graph_store_url: Optional[str] = None,
                 union_default_graph: bool = False, timeout: float = 60.0,
                 headers: Optional[dict[str, str]] = None) -> None:
        self.endpoints = endpoints_for(url, update_url, graph_store_url)
        self.url = self.endpoints.query
        self.union_default_graph = union_default_graph
        self.timeout = timeout
        self.headers = dict(headers or {})

    # -- HTTP -------------------------------------------------------------------------------

    def _request(self, method: str, url: str, body: Optional[bytes], content_type: Optional[str],
                 accept: Optional[str], timeout: Optional[float], what: str) -> tuple[int, str, bytes]:
        headers = {"User-Agent": USER_AGENT, **self.headers}
        if content_type:
            headers["Content-Type"] = content_type
        if accept:
            headers["Accept"] = accept
        request = urllib.request.Request(url, data=body, method=method, headers=headers)
        limit = timeout if timeout is not None else self.timeout
        try:
            with urllib.request.urlopen(request, timeout=limit) as response:
                return response.status, response.headers.get("Content-Type", ""), response.read()
        except urllib.error.HTTPError as exc:
            detail = exc.read().decode("utf-8", errors="replace").strip()
            raise RemoteHTTPError(url, exc.code, detail, what) from None
        except (socket.timeout, TimeoutError):
            raise QueryError(f"{what} at {url}: no answer within the time limit of {limit:g} s; "
                             "narrow the query (a LIMIT, a parameter) or raise --timeout") from None
        except urllib.error.URLError as exc:
            reason = exc.reason
            if isinstance(reason, (socket.timeout, TimeoutError)):
                raise QueryError(f"{what} at {url}: no answer within the time limit of {limit:g} s") from None
            raise StoreError(f"cannot reach the SPARQL endpoint {url}: {reason}; "
                             "is the server running (kg serve) and the URL right?") from None
        except (ConnectionError, OSError) as exc:
            raise StoreError(f"cannot reach the SPARQL endpoint {url}: {exc}") from None

    # -- query ------------------------------------------------------------------------------

    def query(self, text: str, timeout: Optional[float] = None) -> QueryResult:
        """Run a query over the SPARQL 1.1 Protocol (POST, form-encoded); rows as pyoxigraph terms."""
        form = query_form(text)
        accept = RESULTS_JSON if form in ("SELECT", "ASK") else N_TRIPLES
        params = {"query": text}
        if self.union_default_graph:
            params["union-default-graph"] = ""
        body = urllib.parse.urlencode(params).encode("utf-8")
        status, content_type, data = self._request(
            "POST", self.url, body, "application/x-www-form-urlencoded", accept, timeout, "the query")
        return parse_response(data, content_type, form, self.url)

    def ask(self, text: str) -> bool:
        result = self.query(text)
        return bool(result.boolean)

    def update(self, text: str, timeout: Optional[float] = None) -> None:
        """Run SPARQL 1.1 Update (POST ``application/sparql-update``)."""
        if not self.endpoints.update:
            raise StoreError(f"no update endpoint known for {self.url}; pass --update-endpoint URL")
        self._request("POST", self.endpoints.update, text.encode("utf-8"),
                      "application/sparql-update; charset=utf-8", None, timeout, "the update")

    # -- push -------------------------------------------------------------------------------

    def push(self, quads_by_graph: Iterable[tuple[str, Sequence[ox.Triple]]], method: str = "auto",
             progress: Optional[Callable[[str], None]] = None) -> "PushReport":
        """Replace each named graph on the server with the given triples.

        ``method`` is "gsp" (Graph Store Protocol), "update" (SPARQL Update) or "auto" (GSP,
        falling back to Update when the server answers 404/405/415/501 to the first PUT).
        """
        if method not in ("auto", "gsp", "update"):
            raise StoreError(f"unknown push method {method!r}; choose auto, gsp or update")
        report = PushReport(method="gsp" if method in ("auto", "gsp") else "update")
        for graph, triples in quads_by_graph:
            if report.method == "gsp":
                try:
                    self._put_graph(graph, triples)
                except RemoteHTTPError as exc:
                    if method == "auto" and exc.status in (400, 404, 405, 415, 501) and not report.graphs:
                        if progress:
                            progress(f"{exc.url} has no Graph Store Protocol (HTTP {exc.status}); "
                                     "using SPARQL Update")
                        report.method = "update"
                    else:
                        raise
            if report.method == "update":
                self._insert_graph(graph, triples)
            report.graphs[graph] = len(triples)
            if progress:
                progress(f"pushed {len(triples)} triples to <{graph}> ({report.method})")
        return report

    def _gsp_url(self, graph: str) -> str:
        if not self.endpoints.graph_store:
            raise StoreError(f"no graph store endpoint known for {self.url}; pass --graph-store URL")
        return self.endpoints.graph_store + "?" + urllib.parse.urlencode({"graph": graph})

    def _put_graph(self, graph: str, triples: Sequence[ox.Triple]) -> None:
        url = self._gsp_url(graph)
        for number, chunk in enumerate(_chunks(triples, GSP_BATCH)):
            body = ox.serialize(chunk, format=ox.RdfFormat.N_TRIPLES) or b""
            # PUT replaces the graph; later chunks are appended with POST.
            self._request("PUT" if number == 0 else "POST", url, body, N_TRIPLES, None, None,
                          f"Graph Store Protocol {'PUT' if number == 0 else 'POST'} of <{graph}>")

    def _insert_graph(self, graph: str, triples: Sequence[ox.Triple]) -> None:
        iri = str(ox.NamedNode(graph))
        chunks = list(_chunks(triples, UPDATE_BATCH)) or [[]]
        for number, chunk in enumerate(chunks):
            data = (ox.serialize(chunk, format=ox.RdfFormat.N_TRIPLES) or b"").decode("utf-8")
            text = f"INSERT DATA {{ GRAPH {iri} {{\n{data}}} }}"
            if number == 0:
                text = f"DROP SILENT GRAPH {iri} ;\n" + text
            self.update(text)

    def named_graphs(self) -> list[str]:
        result = self.query("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }")
        return sorted(row[0].value for row in result.rows if isinstance(row[0], ox.NamedNode))

    def count(self, graph: Optional[str] = None) -> int:
        where = f"GRAPH {ox.NamedNode(graph)} {{ ?s ?p ?o }}" if graph else "GRAPH ?g { ?s ?p ?o }"
        rows = list(self.query(f"SELECT (COUNT(*) AS ?n) WHERE {{ {where} }}").rows)
        return int(rows[0][0].value) if rows and rows[0][0] is not None else 0


@dataclass
class PushReport:
    """How a push went: the method used and the triples sent per named graph."""

    method: str
    graphs: dict[str, int] = field(default_factory=dict)

    @property
    def triples(self) -> int:
        return sum(self.graphs.values())


def parse_response(data: bytes, content_type: str, form: str, url: str) -> QueryResult:
    """A SPARQL response body as a QueryResult, whatever standard format the server chose."""
    media = content_type.split(";")[0].strip().lower()
    if data.rstrip().endswith(CANCELLED):
        # Oxigraph sends 200 and the head before it evaluates; when its --timeout-s passes it
        # stops the query and ends the body with this line.
        raise QueryError(f"the server at {url} stopped the query at its time limit "
                         "(kg serve --timeout); narrow the query (a LIMIT, a parameter)")
    if form in ("SELECT", "ASK"):
        fmt = {
            "application/sparql-results+json": ox.QueryResultsFormat.JSON,
            "application/json": ox.QueryResultsFormat.JSON,
            "application/sparql-results+xml": ox.QueryResultsFormat.XML,
            "application/xml": ox.QueryResultsFormat.XML,
            "text/tab-separated-values": ox.QueryResultsFormat.TSV,
            "text/csv": ox.QueryResultsFormat.CSV,
        }.get(media, ox.QueryResultsFormat.JSON)
        try:
            parsed = ox.parse_query_results(data, fmt)
            if isinstance(parsed, ox.QueryBoolean):
                return QueryResult("ask", boolean=bool(parsed))
            names = [v.value for v in parsed.variables]
            rows = [tuple(solution[i] for i in range(len(names))) for solution in parsed]  # parsed lazily
        except (SyntaxError, ValueError) as exc:
            raise StoreError(f"the answer of {url} is not valid SPARQL results ({media or 'no type'}): {exc}") \
                from None
        return QueryResult("select", variables=names, rows=rows)
    rdf_format = ox.RdfFormat.from_media_type(media) if media else None
    try:
        triples = [q.triple for q in ox.parse(data, format=rdf_format or ox.RdfFormat.N_TRIPLES)]
    except (SyntaxError, ValueError) as exc:
        raise StoreError(f"the answer of {url} is not valid RDF ({media or 'no type'}): {exc}") from None
    return QueryResult("graph", triples=triples)


def store_graphs(store, graphs: Optional[Sequence[str]] = None) -> Iterator[tuple[str, list[ox.Triple]]]:
    """Each named graph of an embedded store with its triples, ready for :meth:`RemoteStore.push`."""
    for graph in graphs if graphs is not None else store.named_graphs():
        yield graph, [q.triple for q in store.quads([graph])]


def _chunks(items: Sequence[ox.Triple], size: int) -> Iterator[list[ox.Triple]]:
    """Batches of triples; every triple with a blank node goes in the first batch, so that a blank
    node keeps one identity (each request is its own blank-node scope)."""
    with_blank = [t for t in items if isinstance(t.subject, ox.BlankNode) or isinstance(t.object, ox.BlankNode)]
    rest = [t for t in items if not (isinstance(t.subject, ox.BlankNode) or isinstance(t.object, ox.BlankNode))]
    first = with_blank + rest[: max(0, size - len(with_blank))]
    if first:
        yield first
    rest = rest[max(0, size - len(with_blank)):]
    for start in range(0, len(rest), size):
        yield rest[start:start + size]
