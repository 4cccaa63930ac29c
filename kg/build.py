"""``kg build``: workspace in, graph and outputs out, all or nothing.

The new store and outputs are written in a staging folder under ``build/`` and moved into place
only when everything succeeded: a bad file, a crash or a kill midway leaves the last good
``build/`` as it was. A lock file keeps two builds of one workspace from interleaving.
"""
from __future__ import annotations

import json
import os
import shutil
import time
import traceback
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterator, Optional, Sequence

import pyoxigraph as ox

from kg import iris, published
from kg.articles import Article, read_article
from kg.derive import derive
from kg.literals import literals_checked_while
from kg.reconcile import reconcile_labels
from kg.errors import ArticleError, OutputError, StoreError
from kg.published import CURRENT_LINK, STORE_LINK, VERSIONS_DIR
from kg.store import OxigraphStore
from kg.results import compact
from kg.to_rdf import article_quads, decimal, extraction_quads, selector_triples, term
from kg.validate import ONTOLOGY_GRAPH, Violation, validate
from kg.workspace import Workspace

ARTICLES_GRAPH = iris.graph_iri("articles")
LEGACY_STORES_DIR = ".stores"       # where builds before .versions kept their stores
LOCK_FILE = ".lock"
REJECTED_DIR = "rejected"
REPORT_FILE = "validation.txt"      # the last build's report, published or not: a file of its own
OUTPUT_FILES = ("kg.ttl", "kg.trig", "graph.html", "summary.json", REPORT_FILE)
PUBLISHED = (STORE_LINK, "kg.ttl", "kg.trig", "graph.html", "summary.json")  # build/<name> -> current/<name>


def default_load_threads() -> int:
    """One bulk loader per usable core (each keeps about one core busy), at most four: only two
    cores were there to measure on (docs/store.md)."""
    return max(1, min(4, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1))


@dataclass
class BuildOptions:
    store_kind: str = "disk"          # "disk" or "memory"
    workers: int = 1
    validate: bool = True
    extract: bool = True
    html: bool = True
    lock_timeout: float = 30.0
    allow_violations: bool = False    # publish a graph that breaks its shapes (else keep the last good one)
    progress: Optional[Callable[[str], None]] = None
    load_threads: int = field(default_factory=default_load_threads)  # loaders per large curated file


@dataclass
class BuildSummary:
    triples: int = 0
    graphs: dict[str, int] = field(default_factory=dict)
    entities: dict[str, int] = field(default_factory=dict)
    events: dict[str, int] = field(default_factory=dict)
    relations: dict[str, int] = field(default_factory=dict)
    articles: int = 0
    duplicates: list[tuple[str, str]] = field(default_factory=list)
    set_aside: list[str] = field(default_factory=list)
    violations: list[Violation] = field(default_factory=list)
    outputs: list[str] = field(default_factory=list)
    seconds: float = 0.0

    def as_dict(self) -> dict:
        return {
            "triples": self.triples, "graphs": self.graphs, "entities": self.entities,
            "events": self.events, "relations": self.relations, "articles": self.articles,
            "duplicates": [{"file": a, "same_as": b} for a, b in self.duplicates],
            "set_aside": self.set_aside,
            "violations": [str(v) for v in self.violations], "outputs": self.outputs,
        }


def build(workspace: Workspace, options: Optional[BuildOptions] = None) -> BuildSummary:
    """Build the graph of ``workspace`` and swap it into ``build/`` only when all went well."""
    from filelock import FileLock, Timeout

    options = options or BuildOptions()
    started = time.perf_counter()
    build_dir = workspace.build_dir
    try:
        build_dir.mkdir(parents=True, exist_ok=True)
        lock = FileLock(str(build_dir / LOCK_FILE), timeout=options.lock_timeout)
        lock.acquire()
    except Timeout:
        raise StoreError(
            f"another kg build holds {build_dir / LOCK_FILE}; waited {options.lock_timeout:.0f} s. "
            "Wait for it to finish (or pass a longer --lock-timeout)") from None
    except OSError as exc:
        raise OutputError(f"cannot write to {build_dir}: {exc.strerror or exc}") from None
    staging = build_dir / f".staging-{os.getpid()}-{time.time_ns()}"
    try:
        with _output_errors(build_dir):
            _clean_stale(build_dir)
            staging.mkdir()
            published.create(staging)
        try:
            with _output_errors(build_dir):  # the staging store's writes: a full disk
                summary = _build_into(workspace, staging, options)
        except BaseException as exc:
            # Free the staging store (held by the traceback's frames) so that RocksDB closes
            # its files before the staging folder is removed below.
            traceback.clear_frames(exc.__traceback__)
            raise
        with _output_errors(build_dir):
            if summary.violations and not options.allow_violations:
                summary.outputs = _keep_rejected(staging, build_dir)
            else:
                summary.outputs = _swap_in(staging, build_dir)
        summary.seconds = time.perf_counter() - started
        return summary
    finally:
        shutil.rmtree(staging, ignore_errors=True)
        lock.release()


@contextmanager
def _output_errors(build_dir: Path) -> Iterator[None]:
    """A failed write (permissions, full disk) becomes an OutputError naming the file."""
    try:
        yield
    except OSError as exc:
        where = exc.filename or build_dir
        raise OutputError(f"cannot write {where}: {exc.strerror or exc}; "
                          f"the previous outputs in {build_dir} are unchanged") from None


def _say(options: BuildOptions, message: str) -> None:
    if options.progress:
        options.progress(message)


def _build_into(workspace: Workspace, staging: Path, options: BuildOptions) -> BuildSummary:
    store = OxigraphStore(staging / "store" if options.store_kind == "disk" else None)
    summary = BuildSummary()

    _say(options, "loading the ontology")
    bulk = options.store_kind == "disk"  # the staging store is discarded on failure: no transaction needed
    for path in workspace.ontology_files():
        store.load_file(path, ONTOLOGY_GRAPH, bulk=bulk)
    _say(options, "loading curated facts")
    for path in workspace.curated_files():
        with literals_checked_while(path):  # a second thread reads the file's typed literals meanwhile
            store.load_file(path, iris.graph_iri("curated", path.stem), bulk=bulk, threads=options.load_threads)

    articles, summary.duplicates = read_articles(workspace.article_files())
    summary.articles = len(articles)
    for article in articles:
        store.add_quads(article_quads(article, ARTICLES_GRAPH))
    problems = complete_curated_evidence(store, articles)

    if options.extract and articles:
        _say(options, f"extracting facts from {len(articles)} articles")
        from kg.extract.pipeline import extract_articles  # not needed by the commands that only open the store
        from kg.lexicon_graph import load_workspace_lexicon
        lexicon = load_workspace_lexicon(workspace.root)
        for article, extraction in zip(articles, extract_articles(articles, lexicon, options.workers)):
            graph = iris.graph_iri("extracted", article.id)
            store.add_quads(extraction_quads(extraction, article, graph, summary.set_aside))
    reconcile_labels(store)

    _say(options, "deriving short edges")
    derive(store, workspace.rule_files())
    if options.validate:
        _say(options, "validating")
        summary.violations = problems + validate(store, workspace.shapes_file)
    else:
        summary.violations = problems
    _count(store, summary)
    _say(options, "writing outputs")
    with _output_errors(workspace.build_dir):
        write_outputs(store, staging, summary, options)
    store.flush()
    store.optimize()  # compacted once, read many times: kg query's lookups get cheaper (kg/store.py)
    return summary


def read_articles(paths: Sequence[Path]) -> tuple[list[Article], list[tuple[str, str]]]:
    """Read every article; a second copy of the same body is set aside, not extracted twice."""
    articles: list[Article] = []
    duplicates: list[tuple[str, str]] = []
    seen: dict[str, Article] = {}
    for path in paths:
        article = read_article(path)
        if not article.date_stated:
            raise ArticleError(
                f"{path}: no date: open the file with a header line 'date: YYYY-MM-DD' (or 'date: unknown'), "
                "then a blank line, then the text; relative dates in the text resolve against it")
        first = seen.get(article.content_hash)
        if first is not None and article.body.strip():
            duplicates.append((str(path), str(first.source)))
            continue
        seen[article.content_hash] = article
        articles.append(article)
    return articles, duplicates


def complete_curated_evidence(store: OxigraphStore, articles: Sequence[Article]) -> list[Violation]:
    """Give each hand-written evidence its offsets, found by locating its sentence in the article.

    Analysts paste the sentence; the build adds the position and quote selectors and the curated
    provenance (rule "curated", confidence 1.0). A sentence not in its article is reported.
    """
    by_iri = {iris.article_iri(a.id): a for a in articles}
    # The evidence without a selector is found first, by MINUS (one hashed anti-join), and only
    # it is joined to its sentence and source: joining every sentence to its source and then
    # testing FILTER NOT EXISTS row by row took 1.1 s of the load at 1M triples (46k evidence
    # nodes, all with selectors); this takes about 0.1 s.
    query = f"""
    PREFIX ddkg: <{iris.ONTOLOGY_NS}>
    PREFIX oa: <http://www.w3.org/ns/oa#>
    SELECT ?g ?ev ?source ?sentence WHERE {{
      GRAPH ?g {{
        {{ SELECT DISTINCT ?ev WHERE {{ ?ev ddkg:sentence [] MINUS {{ ?ev oa:hasSelector [] }} }} }}
        ?ev ddkg:sentence ?sentence ; oa:hasSource ?source .
      }}
    }}"""
    problems: list[Violation] = []
    quads: list[ox.Quad] = []
    for graph, evidence, source, sentence in list(store.raw.query(query)):
        article = by_iri.get(source.value)
        if article is None:
            problems.append(Violation(compact(evidence.value), "oa:hasSource",
                                      f"the article {compact(source.value)} is not in seeds/articles/",
                                      "evidence source", graph.value))
            continue
        start = article.body.find(sentence.value)
        if start < 0:
            problems.append(Violation(compact(evidence.value), "ddkg:sentence",
                                      f"this sentence is not in {article.source}: {sentence.value[:80]!r}",
                                      "evidence sentence", graph.value))
            continue
        quads += [ox.Quad(s, p, o, graph) for s, p, o in
                  selector_triples(evidence.value, start, start + len(sentence.value), sentence.value)]
        existing = {q.predicate.value for q in store.raw.quads_for_pattern(evidence, None, None, graph)}
        defaults = ((term("rule"), ox.Literal("curated")), (term("confidence"), decimal(1.0)),
                    (term("assertedBy"), ox.Literal("curated")))
        for predicate, value in defaults:
            if predicate.value not in existing:
                quads.append(ox.Quad(evidence, predicate, value, graph))
    store.add_quads(quads)
    return problems


def _count(store: OxigraphStore, summary: BuildSummary) -> None:
    summary.triples = store.count()
    for graph in store.named_graphs():
        summary.graphs[graph] = store.count(graph)
    ns = iris.ONTOLOGY_NS
    classes = ("Person", "Country", "Organization", "Agreement", "Exercise", "Place", "Post", "Article")
    events = ("Meeting", "Visit", "AgreementSigning", "JointExercise", "Appointment", "Statement",
              "Interview", "Congratulation", "ArmedConflict")
    counts = {row[0].value: int(row[1].value) for row in store.raw.query(
        "SELECT ?c (COUNT(DISTINCT ?x) AS ?n) WHERE { ?x a ?c } GROUP BY ?c",
        use_default_graph_as_union=True)}
    summary.entities = {c: counts.get(ns + c, 0) for c in classes}
    summary.events = {c: counts.get(ns + c, 0) for c in events}
    relations = ("received", "metWith", "visited", "signed", "partyTo", "alliedWith", "cooperatesWith", "memberOf")
    rel_counts = {row[0].value: int(row[1].value) for row in store.raw.query(
        "SELECT ?p (COUNT(*) AS ?n) WHERE { ?s ?p ?o } GROUP BY ?p", use_default_graph_as_union=True)}
    summary.relations = {r: rel_counts.get(ns + r, 0) for r in relations}


def write_outputs(store: OxigraphStore, folder: Path, summary: BuildSummary, options: BuildOptions) -> None:
    with open(folder / "kg.ttl", "wb") as out:
        store.dump(out, "turtle")
    with open(folder / "kg.trig", "wb") as out:
        store.dump(out, "trig")
    if options.html:
        from kg.viz import write_network_html
        write_network_html(store, folder / "graph.html")
    (folder / "summary.json").write_text(json.dumps(summary.as_dict(), indent=2, ensure_ascii=False) + "\n",
                                         encoding="utf-8")
    (folder / "validation.txt").write_text(
        "".join(f"{v}\n" for v in summary.violations) or "conforms: 0 violations\n", encoding="utf-8")


def _swap_in(staging: Path, build_dir: Path) -> list[str]:
    """Publish the staged build with one atomic switch, so that readers and a kill see the old
    build or the new one whole, never a new store beside old files.

    The staging folder becomes ``build/.versions/build-*``; the link ``build/current`` is replaced
    by one pointing to it (a rename, atomic); ``build/store``, ``build/kg.ttl``... are fixed links
    through ``current``. Only the first build of a workspace (or the first after the layout with
    ``build/.stores``) creates those links one by one after the switch.
    """
    versions = build_dir / VERSIONS_DIR
    versions.mkdir(exist_ok=True)
    version = versions / staging.name.replace(".staging-", "build-")
    os.replace(staging, version)
    old = _link_target(build_dir / CURRENT_LINK)
    _point(build_dir / CURRENT_LINK, os.path.join(VERSIONS_DIR, version.name))
    written = [name for name in PUBLISHED if (version / name).exists()]
    for name in PUBLISHED:
        if name in written:
            _point(build_dir / name, os.path.join(CURRENT_LINK, name))
        elif (build_dir / name).is_symlink() or (build_dir / name).is_file():
            # not written by this build (a --store memory build has no store): a stale one would
            # answer `kg query` from a graph older than build/kg.trig
            (build_dir / name).unlink()
    report = build_dir / f".{REPORT_FILE}-{os.getpid()}"
    shutil.copyfile(version / REPORT_FILE, report)
    os.replace(report, build_dir / REPORT_FILE)
    if old and Path(old).name != version.name:
        # a version that `kg serve` or an open store still reads stays until a later build
        published.remove_unless_read(build_dir / old)
    _clean_legacy_stores(build_dir)
    return [str(build_dir / name) for name in written] + [str(build_dir / REPORT_FILE)]


def _point(link: Path, target: str) -> None:
    """Make ``link`` a symbolic link to ``target`` in one rename (nothing to do if it is one)."""
    if _link_target(link) == target:
        return
    temporary = link.with_name(f".link-{os.getpid()}-{link.name}")
    if temporary.is_symlink() or temporary.exists():
        temporary.unlink()
    os.symlink(target, temporary)
    os.replace(temporary, link)


def _link_target(path: Path) -> Optional[str]:
    return os.readlink(path) if path.is_symlink() else None


def _keep_rejected(staging: Path, build_dir: Path) -> list[str]:
    """A graph that breaks its shapes is not published: the last good build stays in place, the
    report goes to ``build/validation.txt`` and the rejected files to ``build/rejected/``."""
    rejected = build_dir / REJECTED_DIR
    shutil.rmtree(rejected, ignore_errors=True)
    rejected.mkdir()
    outputs = []
    for name in OUTPUT_FILES:
        if (staging / name).exists():
            os.replace(staging / name, rejected / name)
            outputs.append(str(rejected / name))
    os.replace(rejected / REPORT_FILE, build_dir / REPORT_FILE)
    return [str(build_dir / REPORT_FILE)] + [o for o in outputs if not o.endswith(REPORT_FILE)]


def _clean_stale(build_dir: Path) -> None:
    """Remove what killed builds left behind: staging folders, temporary links, and versions no
    ``current`` link points to and no reader holds (``kg.published``)."""
    for path in build_dir.glob(".staging-*"):
        shutil.rmtree(path, ignore_errors=True)
    for path in [*build_dir.glob(".link-*"), *build_dir.glob(".store-link-*")]:
        if path.is_symlink():
            path.unlink()
    current = _link_target(build_dir / CURRENT_LINK)
    versions = build_dir / VERSIONS_DIR
    if versions.is_dir():
        for path in versions.iterdir():
            if current is None or Path(current).name != path.name:
                published.remove_unless_read(path)
    _clean_legacy_stores(build_dir)


def _clean_legacy_stores(build_dir: Path) -> None:
    """The stores of the layout before ``.versions``, once ``build/store`` no longer points there."""
    legacy = build_dir / LEGACY_STORES_DIR
    if not legacy.is_dir():
        return
    store = _link_target(build_dir / STORE_LINK) or ""
    for path in legacy.iterdir():
        if Path(store).name != path.name or not store.startswith(LEGACY_STORES_DIR):
            shutil.rmtree(path, ignore_errors=True)


def open_built_store(workspace: Workspace, store_kind: str = "disk") -> OxigraphStore:
    """The last good build, opened read-only (disk) or loaded from ``build/kg.trig`` (memory)."""
    build_dir = workspace.build_dir
    if store_kind == "memory":
        trig = build_dir / "kg.trig"
        if not trig.is_file():
            raise StoreError(f"no built graph: {trig} does not exist; run `kg build` first")
        store = OxigraphStore()
        store.load_file(trig, None)
        return store
    location, lease = published.lease_current_store(build_dir)
    store = OxigraphStore(location, read_only=True)
    store.lease = lease  # held as long as the store: a later build keeps this version meanwhile
    return store
