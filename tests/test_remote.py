"""Remote stores: push the seed graph into a real Oxigraph server and query it there.

The server tests start ``oxigraph serve`` (from the ``server`` extra) on a free loopback port
and stop it at the end; they run in CI, they do not skip.
"""
from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox
import pytest

from conftest import copy_workspace
from kg.errors import StoreError
from kg.remote import RemoteStore, _chunks, endpoints_for, parse_response, query_form, store_graphs

SEPARATORS = re.compile(r"; | \+ ")
MEETING = "https://w3id.org/ddkg/resource/event/2021-10-08-meeting-zakaria-yalcin--zakir-hasanov"
NON_DEFAULT = [("facts-by-source", {"type": "Meeting"}), ("posts", {"country": "Azerbaijan"}),
               ("timeline", {"a": "", "b": "Turkey"}), ("timeline", {"a": "", "b": ""}),
               ("cooperation-areas", {"a": "", "b": ""})]


# -- without a server ----------------------------------------------------------------------------

def test_remote_endpoints_guessed_for_oxigraph_fuseki_and_dataset_urls():
    assert endpoints_for("http://h:7878/query") == endpoints_for("http://h:7878")
    ox_e = endpoints_for("http://h:7878/query")
    assert (ox_e.update, ox_e.graph_store) == ("http://h:7878/update", "http://h:7878/store")
    fuseki = endpoints_for("http://h:3030/ds/sparql")
    assert (fuseki.update, fuseki.graph_store) == ("http://h:3030/ds/update", "http://h:3030/ds/data")
    dataset = endpoints_for("http://h:3030/ds")
    assert dataset.update == dataset.graph_store == "http://h:3030/ds"
    assert endpoints_for("http://h/q", update="http://h/u").update == "http://h/u"


def test_remote_rejects_a_url_that_is_not_http():
    with pytest.raises(StoreError, match="not an http"):
        RemoteStore("localhost:7878")


def test_remote_query_form_read_by_the_parser():
    assert query_form("# SELECT in a comment\nASK { ?s ?p ?o }") == "ASK"
    assert query_form("PREFIX s: <http://e/select#> CONSTRUCT WHERE { ?s ?p ?o }") == "CONSTRUCT"
    assert query_form("SELECT * WHERE { ?s ?p ?o }") == "SELECT"


def test_remote_blank_nodes_stay_in_one_batch():
    b = ox.BlankNode()
    triples = [ox.Triple(ox.NamedNode(f"http://e/{i}"), ox.NamedNode("http://e/p"), ox.Literal(str(i)))
               for i in range(10)]
    triples.insert(7, ox.Triple(ox.NamedNode("http://e/x"), ox.NamedNode("http://e/p"), b))
    triples.insert(9, ox.Triple(b, ox.NamedNode("http://e/p"), ox.Literal("in")))
    chunks = list(_chunks(triples, 4))
    assert sum(len(c) for c in chunks) == 12
    assert sum(b in (t.subject, t.object) for t in chunks[0]) == 2
    assert not any(b in (t.subject, t.object) for chunk in chunks[1:] for t in chunk)


@pytest.mark.parametrize("content_type, body", [
    ("application/sparql-results+json",
     b'{"head":{"vars":["x"]},"results":{"bindings":[{"x":{"type":"literal","value":"1",'
     b'"datatype":"http://www.w3.org/2001/XMLSchema#integer"}}]}}'),
    ("application/sparql-results+xml",
     b'<?xml version="1.0"?><sparql xmlns="http://www.w3.org/2005/sparql-results#"><head>'
     b'<variable name="x"/></head><results><result><binding name="x"><literal '
     b'datatype="http://www.w3.org/2001/XMLSchema#integer">1</literal></binding></result></results></sparql>'),
    ("text/tab-separated-values; charset=utf-8", b"?x\n1\n"),
])
def test_remote_results_parsed_as_pyoxigraph_terms(content_type, body):
    result = parse_response(body, content_type, "SELECT", "http://h/query")
    assert result.variables == ["x"]
    assert list(result.rows) == [(ox.Literal("1", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer")),)]


def test_remote_truncated_answer_is_a_clear_error():
    with pytest.raises(StoreError, match="not valid SPARQL results"):
        parse_response(b'{"head":{"vars":["x"]},"results":{"bindings":[', "application/sparql-results+json",
                       "SELECT", "http://h/query")


def test_remote_unreachable_endpoint_names_the_url():
    from kg.serve import free_port

    url = f"http://127.0.0.1:{free_port()}/query"
    with pytest.raises(StoreError, match=f"cannot reach the SPARQL endpoint {url}"):
        RemoteStore(url, timeout=5).query("ASK { ?s ?p ?o }")


# -- against a real Oxigraph server -----------------------------------------------------------------

@pytest.fixture(scope="module")
def seed_workspace(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seed workspace built into an on-disk store (SHACL findings do not matter here)."""
    from kg.build import BuildOptions, build
    from kg.workspace import Workspace

    root = copy_workspace(tmp_path_factory.mktemp("remote") / "ws")
    build(Workspace(root), BuildOptions(html=False))
    return root


@pytest.fixture(scope="module")
def embedded(seed_workspace: Path):
    from kg.build import open_built_store
    from kg.workspace import Workspace

    return open_built_store(Workspace(seed_workspace))


@pytest.fixture(scope="module")
def empty_server():
    """An empty, writable, in-memory Oxigraph server on a free loopback port, stopped at the end."""
    from kg.serve import OxigraphServer, ServeOptions, free_port

    server = OxigraphServer(ServeOptions(None, port=free_port(), writable=True, timeout=30)).start()
    yield server
    server.stop()
    assert server.process.poll() is not None


def canned_texts(workspace: Path, store) -> dict[str, str]:
    """Every canned query with its defaults bound, names looked up in ``store`` (the evidence
    query gets the seed meeting)."""
    from kg.queries import bind, load_catalogue

    catalogue = load_catalogue(workspace / "queries")
    texts = {}
    for name, query in catalogue.items():
        given = {p.name: f"<{MEETING}>" for p in query.parameters if p.default is None}
        texts[name] = bind(query, given, store)
    for name, given in NON_DEFAULT:  # the other forms of the queries that have several
        texts[f"{name} {given}"] = bind(catalogue[name], given, store)
    return texts


def normalised(rows) -> list[tuple]:
    """Rows as comparable values. GROUP_CONCAT has no defined order in SPARQL 1.1, and two stores
    may concatenate the same values in another order: strings joined by the canned queries'
    separators ("; ", " + ") are compared as sorted lists."""
    def value(term):
        if isinstance(term, ox.Literal) and SEPARATORS.search(term.value):
            return ("concat", tuple(sorted(SEPARATORS.split(term.value))), str(term.datatype), term.language)
        return ("term", str(term))
    return sorted(tuple(value(t) for t in row) for row in rows)


@pytest.mark.server
def test_remote_push_then_every_canned_query_gives_the_embedded_rows(seed_workspace, embedded, empty_server):
    remote = RemoteStore(empty_server.query_url)
    report = remote.push(store_graphs(embedded))
    assert report.method == "gsp"
    assert report.triples == embedded.count()
    assert remote.named_graphs() == embedded.named_graphs()
    for graph in embedded.named_graphs():
        assert remote.count(graph) == embedded.count(graph), graph
    texts = canned_texts(seed_workspace, embedded)
    remote_texts = canned_texts(seed_workspace, remote)  # names looked up on the remote store
    assert remote_texts == texts
    assert len(texts) >= 10
    nonempty = 0
    for name, text in texts.items():
        here = embedded.query(text)
        there = remote.query(text)
        assert there.variables == here.variables, name
        here_rows, there_rows = list(here.rows), list(there.rows)
        assert normalised(there_rows) == normalised(here_rows), name
        nonempty += bool(here_rows)
    assert nonempty >= 8  # the seed graph answers nearly every canned question


@pytest.mark.server
def test_remote_push_twice_replaces_graphs_and_update_fallback_matches(embedded, empty_server):
    remote = RemoteStore(empty_server.query_url)
    remote.push(store_graphs(embedded))
    remote.push(store_graphs(embedded))
    assert remote.count() == embedded.count()
    report = remote.push(store_graphs(embedded), method="update")
    assert report.method == "update"
    assert remote.count() == embedded.count()
    assert remote.named_graphs() == embedded.named_graphs()


@pytest.mark.server
def test_remote_graph_store_absent_falls_back_to_update(embedded, empty_server):
    remote = RemoteStore(empty_server.query_url, graph_store_url=empty_server.base_url + "/no-such-thing")
    messages: list[str] = []
    report = remote.push(store_graphs(embedded), progress=messages.append)
    assert report.method == "update"
    assert any("has no Graph Store Protocol (HTTP 404)" in m for m in messages)
    assert remote.count() == embedded.count()


@pytest.mark.server
def test_remote_http_error_names_url_and_status(empty_server):
    remote = RemoteStore(empty_server.query_url)
    with pytest.raises(StoreError, match=r"the update at http://127\.0\.0\.1:\d+/update failed: HTTP 400"):
        remote.update("INSERT DATA { <http://e/a> <http://e/p> }")
    missing = RemoteStore(empty_server.base_url + "/nowhere/query")
    with pytest.raises(StoreError, match=r"/nowhere/query failed: HTTP 404"):
        missing.query("ASK { ?s ?p ?o }")


@pytest.mark.server
def test_remote_cli_push_and_query_endpoint(seed_workspace, empty_server, embedded):
    kg = [str(Path(sys.executable).parent / "kg")]
    pushed = subprocess.run(kg + ["push", "-w", str(seed_workspace), "--endpoint", empty_server.query_url],
                            capture_output=True, text=True, timeout=120)
    assert pushed.returncode == 0, pushed.stderr
    assert f"Pushed {embedded.count()} triples" in pushed.stdout
    here = subprocess.run(kg + ["query", "allies-of-country", "-w", str(seed_workspace), "-f", "csv"],
                          capture_output=True, text=True, timeout=60)
    there = subprocess.run(kg + ["query", "allies-of-country", "-w", str(seed_workspace), "-f", "csv",
                                 "--endpoint", empty_server.query_url], capture_output=True, text=True, timeout=60)
    assert there.returncode == 0, there.stderr
    assert there.stdout == here.stdout
    assert "Azerbaijan" in there.stdout


def test_remote_cli_push_to_nothing_fails_clearly(seed_workspace):
    from kg.serve import free_port

    kg = [str(Path(sys.executable).parent / "kg")]
    url = f"http://127.0.0.1:{free_port()}/query"
    done = subprocess.run(kg + ["push", "-w", str(seed_workspace), "--endpoint", url, "-q"],
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 2
    assert "cannot reach the SPARQL endpoint http://127.0.0.1:" in done.stderr
