"""The store behind the graph: Oxigraph, embedded (in memory or on disk) by default.

Callers see RDF terms from pyoxigraph (``NamedNode``, ``Literal``) and a small interface
(load, query, update, dump), so the backend can be swapped for a remote SPARQL endpoint
(``kg.remote``) without touching queries or the build. Figures behind the choice of Oxigraph
are in the README ("The store") and docs/store.md.
"""
from __future__ import annotations

import itertools
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Iterable, Iterator, Optional, Sequence, Union

import pyoxigraph as ox

from kg.errors import QueryError, StoreError, TurtleError
from kg.file_split import Piece, read_piece, split_statements
from kg.namespace import PREFIXES

Term = Union[ox.NamedNode, ox.BlankNode, ox.Literal, ox.Triple]

RDF_FORMATS = {
    "turtle": ox.RdfFormat.TURTLE,
    "ntriples": ox.RdfFormat.N_TRIPLES,
    "nquads": ox.RdfFormat.N_QUADS,
    "trig": ox.RdfFormat.TRIG,
    "jsonld": ox.RdfFormat.JSON_LD,
    "rdfxml": ox.RdfFormat.RDF_XML,
}
DATASET_FORMATS = {"nquads", "trig", "jsonld"}


@dataclass
class QueryResult:
    """What a query gives back: ``kind`` is "select", "ask" or "graph"."""

    kind: str
    variables: list[str] = field(default_factory=list)
    rows: Iterable[tuple[Optional[Term], ...]] = ()
    boolean: Optional[bool] = None
    triples: Iterable[ox.Triple] = ()


def format_for(path_or_name: str) -> ox.RdfFormat:
    """The RDF format of a file, from its extension (``.ttl``, ``.nt``, ``.nq``, ``.trig``...)."""
    fmt = ox.RdfFormat.from_extension(Path(path_or_name).suffix.lstrip(".") or "ttl")
    if fmt is None:
        raise TurtleError(f"{path_or_name}: unknown RDF file extension; use .ttl, .nt, .nq, .trig, .jsonld or .rdf")
    return fmt


def syntax_error_message(where: str, exc: SyntaxError) -> str:
    """Oxigraph's parser message, led by the file name; the message already holds line and column."""
    return f"{where}: {exc.msg if hasattr(exc, 'msg') and exc.msg else exc}"


class OxigraphStore:
    """An Oxigraph store in memory (``path=None``) or on disk.

    >>> store = OxigraphStore()
    >>> store.load_bytes(b'<http://e/a> <http://e/p> "x" .', ox.RdfFormat.N_TRIPLES, "http://e/g", "inline")
    >>> store.count()
    1
    """

    def __init__(self, path: Optional[Path] = None, read_only: bool = False) -> None:
        self.path = path
        self.lease: Optional[object] = None  # whatever must live as long as the store (kg.published.Lease)
        try:
            if path is None:
                self._store = ox.Store()
            elif read_only:
                self._store = ox.Store.read_only(str(path))
            else:
                self._store = ox.Store(str(path))
        except OSError as exc:
            raise StoreError(f"cannot open the store at {path}: {exc}") from None

    @property
    def raw(self) -> ox.Store:
        return self._store

    def load_file(self, path: Path, graph: Optional[str], bulk: bool = False, threads: int = 1) -> None:
        """Parse one RDF file into a named graph; a syntax error names the file, line and column.

        ``bulk`` uses Oxigraph's bulk loader: it streams the file and writes sorted files
        straight into the store, 3-4x faster on large files, but it is not transactional (a
        syntax error leaves the triples before it loaded). The build uses it on its staging
        store, which is thrown away when the build fails. With ``threads`` > 1 a large file is
        cut into pieces loaded side by side (``kg.file_split``).
        """
        fmt = format_for(str(path))
        if bulk:
            self.bulk_load_file(path, fmt, graph, threads)
            return
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise TurtleError(f"{path}: cannot read ({exc.strerror or exc})") from None
        self.load_bytes(data, fmt, graph, str(path))

    def bulk_load_file(self, path: Path, fmt: ox.RdfFormat, graph: Optional[str], threads: int = 1) -> None:
        target = ox.NamedNode(graph) if graph and not fmt.supports_datasets else None
        try:
            with open(path, "rb"):
                pass
            pieces = split_statements(path, fmt, threads) if threads > 1 else None
        except OSError as exc:
            raise TurtleError(f"{path}: cannot read ({exc.strerror or exc})") from None
        if pieces and self._bulk_load_pieces(path, fmt, target, pieces, threads):
            return
        # one loader over the whole file: also after a piece failed, so that a syntax error is
        # reported with the file's own line numbers (what the pieces loaded is loaded again: a set)
        try:
            self._store.bulk_load(path=str(path), format=fmt, to_graph=target)
        except SyntaxError as exc:
            raise TurtleError(syntax_error_message(str(path), exc)) from None
        except OSError:
            raise  # the store's own files (a full disk): not the data's fault; the caller reports it
        except ValueError as exc:
            raise TurtleError(f"{path}: {exc}") from None

    def _bulk_load_pieces(self, path: Path, fmt: ox.RdfFormat, target: Optional[ox.NamedNode],
                          pieces: Sequence[Piece], threads: int) -> bool:
        """Load the pieces on ``threads`` threads; False if any failed to parse (then the caller
        loads the whole file). Oxigraph's loader releases the GIL, so the threads run in parallel;
        each holds one piece in memory at a time."""

        def load(piece: Piece) -> Optional[BaseException]:
            try:
                self._store.bulk_load(read_piece(path, piece), format=fmt, to_graph=target)
            except (SyntaxError, ValueError) as exc:
                return exc
            return None

        with ThreadPoolExecutor(max_workers=threads, thread_name_prefix="kg-load") as pool:
            failures = [failure for failure in pool.map(load, pieces) if failure is not None]
        return not failures

    def load_bytes(self, data: bytes, fmt: ox.RdfFormat, graph: Optional[str], where: str) -> None:
        target = ox.NamedNode(graph) if graph and not fmt.supports_datasets else None
        try:
            if target is not None:
                self._store.load(data, format=fmt, to_graph=target)
            else:
                self._store.load(data, format=fmt)
        except SyntaxError as exc:
            raise TurtleError(syntax_error_message(where, exc)) from None
        except OSError:
            raise  # the store's own files (a full disk): not the data's fault; the caller reports it
        except ValueError as exc:
            raise TurtleError(f"{where}: {exc}") from None

    def add_quads(self, quads: Iterable[ox.Quad]) -> None:
        self._store.extend(quads)

    def query(self, sparql: str, union: bool = True) -> QueryResult:
        """Run SPARQL; with ``union`` the default graph is the union of every named graph."""
        try:
            result = self._store.query(sparql, use_default_graph_as_union=union)
        except SyntaxError as exc:
            raise QueryError(f"SPARQL syntax error: {exc}") from None
        if isinstance(result, ox.QueryBoolean):
            return QueryResult("ask", boolean=bool(result))
        if isinstance(result, ox.QuerySolutions):
            names = [v.value for v in result.variables]
            return QueryResult("select", variables=names,
                               rows=(tuple(sol[i] for i in range(len(names))) for sol in result))
        return QueryResult("graph", triples=result)

    def named_graphs(self) -> list[str]:
        return sorted(g.value for g in self._store.named_graphs() if isinstance(g, ox.NamedNode))

    def count(self, graph: Optional[str] = None) -> int:
        if graph is None:
            return len(self._store)
        return sum(1 for _ in self._store.quads_for_pattern(None, None, None, ox.NamedNode(graph)))

    def quads(self, graphs: Optional[Sequence[str]] = None) -> Iterator[ox.Quad]:
        if graphs is None:
            yield from self._store.quads_for_pattern(None, None, None, None)
            return
        for graph in graphs:
            yield from self._store.quads_for_pattern(None, None, None, ox.NamedNode(graph))

    def dump(self, output: Union[IO[bytes], Path], fmt: str, graphs: Optional[Sequence[str]] = None) -> None:
        """Write the graphs (all by default) in ``fmt``, the same bytes for the same graph.

        Triple formats get the union, de-duplicated; dataset formats keep the named graphs.
        Determinism without holding the graph in Python:

        - an on-disk store is streamed in its own index order (subject, predicate, object as
          Oxigraph encodes them; graph by graph for dataset formats). That order depends only on
          the stored terms, not on the order they were inserted in (checked: the same 157k quads
          inserted in three orders give identical bytes), so nothing is sorted in Python;
        - an in-memory store iterates in insertion order, which is not a property of the graph,
          so its quads are sorted in Python, as before (memory stores are small: tests, ``--store
          memory`` builds);
        - quads that mention a blank node are relabelled by RDFC-1.0 and written after the rest,
          sorted. RDFC-1.0 hashes a blank node from the quads that mention blank nodes only, so
          canonicalising that subset alone gives the labels the whole graph would get.
        """
        if fmt not in RDF_FORMATS:
            raise StoreError(f"unknown export format {fmt!r}; choose one of {', '.join(sorted(RDF_FORMATS))}")
        rdf_format = RDF_FORMATS[fmt]
        dataset = fmt in DATASET_FORMATS
        prefixes = PREFIXES if fmt in (("trig",) if dataset else ("turtle", "rdfxml")) else None
        if self.path is None:  # in memory: insertion order, so sort
            statements = set(self.quads(graphs)) if dataset else {q.triple for q in self.quads(graphs)}
            ox.serialize(_canonical_sorted(statements, dataset), output, rdf_format, prefixes=prefixes)
            return
        blank: set = set()
        if dataset:
            names = sorted(set(graphs)) if graphs is not None else self.named_graphs()
            stream = _without_blank(self._graph_quads(names, default=graphs is None), blank)
        else:
            stream = _without_blank(self._union_triples(graphs), blank)
        # the blank-node statements are read lazily, once the stream before them has filled ``blank``
        ox.serialize(itertools.chain(stream, _lazily(blank, dataset)), output, rdf_format, prefixes=prefixes)

    def _graph_quads(self, names: Sequence[str], default: bool) -> Iterator[ox.Quad]:
        """Each named graph in turn (sorted names), in the store's index order; then the default graph."""
        for name in names:
            yield from self._store.quads_for_pattern(None, None, None, ox.NamedNode(name))
        if default:
            yield from self._store.quads_for_pattern(None, None, None, ox.DefaultGraph())

    def _union_triples(self, graphs: Optional[Sequence[str]]) -> Iterator[ox.Triple]:
        """The distinct triples of the graphs, in the store's index order (Oxigraph does the work)."""
        if graphs is None:
            query, union = "CONSTRUCT { ?s ?p ?o } WHERE { SELECT DISTINCT ?s ?p ?o WHERE { ?s ?p ?o } }", True
        else:
            names = sorted(set(graphs))
            if not names:
                return iter(())
            sources = " ".join(f"FROM <{g}>" for g in names)
            query = f"CONSTRUCT {{ ?s ?p ?o }} {sources} WHERE {{ SELECT DISTINCT ?s ?p ?o WHERE {{ ?s ?p ?o }} }}"
            union = False
        return iter(self._store.query(query, use_default_graph_as_union=union))

    def flush(self) -> None:
        if self.path is not None:
            self._store.flush()

    def optimize(self) -> None:
        """Compact an on-disk store once it is written (RocksDB rewrites the files that the bulk
        load and the derivation's batches left into fewer, sorted ones).

        Why: every index lookup then opens fewer files. The canned queries make thousands of
        lookups; on the 1M-triple benchmark graph they took 10-30 % less time on the compacted
        store, and compacting it took about 2 s of a 100 s build (docs/store.md). A memory store
        has nothing to compact.
        """
        if self.path is not None:
            self._store.optimize()


def _canonical(quads: set[ox.Quad]) -> Iterable[ox.Quad]:
    """Blank nodes (OWL unions, lists) relabelled by RDFC-1.0, so the same graph writes the same bytes."""
    if not any(isinstance(t, ox.BlankNode) for q in quads for t in (q.subject, q.object, q.graph_name)):
        return quads
    dataset = ox.Dataset(quads)
    dataset.canonicalize(ox.CanonicalizationAlgorithm.RDFC_1_0)
    return list(dataset)


def _has_blank(statement: Union[ox.Triple, ox.Quad]) -> bool:
    return isinstance(statement.subject, (ox.BlankNode, ox.Triple)) or isinstance(
        statement.object, (ox.BlankNode, ox.Triple)) or isinstance(getattr(statement, "graph_name", None), ox.BlankNode)


def _without_blank(statements: Iterable, blank: set) -> Iterator:
    """The statements without a blank node; those with one go into ``blank``."""
    for statement in statements:
        if _has_blank(statement):
            blank.add(statement)
        else:
            yield statement


def _canonical_sorted(statements: set, dataset: bool) -> list:
    """Quads (``dataset``) or triples with any blank nodes relabelled by RDFC-1.0, then sorted."""
    if dataset:
        return sorted(_canonical(statements), key=_quad_key)
    union = {ox.Quad(t.subject, t.predicate, t.object) for t in statements}
    return sorted((q.triple for q in _canonical(union)), key=_triple_key)


def _lazily(statements: set, dataset: bool) -> Iterator:
    """:func:`_canonical_sorted`, computed only when iteration reaches it."""
    yield from _canonical_sorted(statements, dataset)


def _triple_key(triple: ox.Triple) -> tuple[str, str, str]:
    return (str(triple.subject), str(triple.predicate), str(triple.object))


def _quad_key(quad: ox.Quad) -> tuple[str, str, str, str]:
    return (str(quad.graph_name), str(quad.subject), str(quad.predicate), str(quad.object))


def to_term(value: str, kind: str = "literal") -> Term:
    """A parameter value as an RDF term: an IRI (``<...>`` or ``kind="iri"``) or a literal."""
    if kind == "iri" or (value.startswith("<") and value.endswith(">")):
        iri = value[1:-1] if value.startswith("<") else value
        try:
            return ox.NamedNode(iri)
        except ValueError as exc:
            raise StoreError(f"{value!r} is not a valid IRI: {exc}") from None
    if kind == "integer":
        return ox.Literal(value, datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer"))
    if kind == "date":
        return ox.Literal(value, datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#date"))
    return ox.Literal(value)

