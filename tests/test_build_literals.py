"""The load phase of `kg build`: typed literals checked from the file while the store loads it
(kg/literals.py), the evidence completion and the label reconciliation found by cheaper queries.

A bad literal must still stop the build with the file and line, whichever store, however deep
in a large file; a good file must load exactly the quads it holds."""
from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pyoxigraph as ox
import pytest

from kg import iris
from kg.build import BuildOptions, build
from kg.errors import TurtleError
from kg.literals import find_invalid_literals, literals_checked_while
from kg.reconcile import reconcile_labels
from kg.store import OxigraphStore
from kg.workspace import Workspace

REPO = Path(__file__).resolve().parents[1]
PREFIXES = ("@prefix ddkg: <https://w3id.org/ddkg/ontology#> .\n"
            "@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .\n")
XSD = "http://www.w3.org/2001/XMLSchema#"
R = "https://w3id.org/ddkg/resource/"


def bare_workspace(root: Path) -> Path:
    """A workspace with the ontology and queries and no seeds: only what a test writes is loaded."""
    for part in ("ontology", "queries"):
        shutil.copytree(REPO / part, root / part)
    (root / "seeds" / "curated").mkdir(parents=True)
    (root / "seeds" / "articles").mkdir()
    return root


def large_file(path: Path, triples: int, bad_at: int | None = None) -> int:
    """``triples`` dated facts, one a line; the one numbered ``bad_at`` has "2021-13-45". Returns its line."""
    lines = [PREFIXES]
    for i in range(triples):
        day = "2021-13-45" if i == bad_at else f"20{10 + i % 12}-{1 + i % 12:02d}-{1 + i % 28:02d}"
        lines.append(f"<{R}event/e{i}> ddkg:date \"{day}\"^^xsd:date .\n")
    path.write_text("".join(lines), encoding="utf-8")
    return 2 + bad_at + 1 if bad_at is not None else 0


@pytest.mark.parametrize("store_kind", ["disk", "memory"])
def test_bad_date_deep_in_a_large_file_names_file_and_line(tmp_path, store_kind):
    ws = bare_workspace(tmp_path / "ws")
    line = large_file(ws / "seeds" / "curated" / "big.ttl", 120_000, bad_at=97_531)
    with pytest.raises(TurtleError) as caught:
        build(Workspace(ws), BuildOptions(store_kind=store_kind, extract=False, validate=False, html=False))
    message = str(caught.value)
    assert f"big.ttl, line {line}: \"2021-13-45\" is not a valid xsd:date literal" in message, message
    assert not (ws / "build" / "store").exists() and not (ws / "build" / "kg.ttl").exists()


def test_good_large_file_loads_exactly_its_quads(tmp_path):
    sys.path.insert(0, str(REPO / "benchmarks"))
    from generate_graph import generate

    ws = bare_workspace(tmp_path / "ws")
    source = ws / "seeds" / "curated" / "synthetic.ttl"
    with open(source, "w", encoding="utf-8") as out:
        generate(out, 30_000)
    build(Workspace(ws), BuildOptions(extract=False, validate=False, html=False))
    graph = ox.NamedNode(iris.graph_iri("curated", "synthetic"))
    expected = {ox.Quad(q.subject, q.predicate, q.object, graph)
                for q in ox.parse(path=str(source), format=ox.RdfFormat.TURTLE)}
    store = OxigraphStore((ws / "build" / "store").resolve(), read_only=True)
    loaded = set(store.raw.quads_for_pattern(None, None, None, graph))
    assert len(expected) > 25_000 and loaded == expected


GOOD = {"date": ["2021-10-08", "2020-02-29", "2021-10-08Z", "-0044-03-15"],
        "dateTime": ["2021-10-08T10:00:00", "2021-10-08T10:00:00.5+04:00"],
        "integer": ["42", "-7", "+3", "007"], "decimal": ["1.5", "-0.25", "3", ".5"],
        "boolean": ["true", "false", "1", "0"], "double": ["1e3", "1.5E-2", "INF", "NaN"],
        "float": ["1.5", "-INF"], "gYear": ["2021", "-0500", "2021Z"], "gYearMonth": ["2021-06", "2021-12+04:00"]}
BAD = {"date": ["2021-13-45", "2021-02-29", "2021-10-8", "08/10/2021", ""],
       "dateTime": ["2021-10-08 10:00:00", "2021-10-08"], "integer": ["1.5", "x", ""],
       "decimal": ["1,5", "1e3"], "boolean": ["yes", "TRUE"], "double": ["1,5", "x"], "float": ["one"],
       "gYear": ["21", "2021-06"], "gYearMonth": ["2021-13", "2021"]}


def test_each_checked_datatype_rejects_exactly_the_ill_formed(tmp_path):
    path = tmp_path / "mixed.ttl"
    lines, bad = [PREFIXES], []
    for kind, values in (("good", GOOD), ("bad", BAD)):
        for name, forms in values.items():
            for i, form in enumerate(forms):
                lines.append(f"<{R}x/{kind}-{name}-{i}> ddkg:value \"{form}\"^^xsd:{name} .\n")
                if kind == "bad":
                    bad.append(ox.Literal(form, datatype=ox.NamedNode(XSD + name)))
    lines.append(f"<{R}x/other> ddkg:value \"2021-13-45\", \"x\"@en, \"x\"^^<http://example.org/dt> .\n")
    path.write_text("".join(lines), encoding="utf-8")
    assert find_invalid_literals(path) == bad  # in the order of the file; unchecked datatypes pass


def test_literal_found_however_it_is_written(tmp_path):
    cases = [  # (statement body, the ill-formed lexical form, its datatype)
        ('ddkg:date "2021-13-45"^^xsd:date', "2021-13-45", "xsd:date"),
        ("ddkg:date '2021-02-30'^^xsd:date", "2021-02-30", "xsd:date"),
        ('ddkg:date """2021-04-31"""^^xsd:date', "2021-04-31", "xsd:date"),
        (f'ddkg:date "2021-06-31"^^<{XSD}date>', "2021-06-31", "xsd:date"),
        ('ddkg:date "\\u0032021-09-31"^^xsd:date', "2021-09-31", "xsd:date"),  # an escape in the file
        ('ddkg:agent [ ddkg:date "2021-11-31"^^xsd:date ]', "2021-11-31", "xsd:date"),
        ('ddkg:rank ( "1"^^xsd:integer\n    "one"^^xsd:integer )', "one", "xsd:integer"),
    ]
    for i, (body, value, datatype) in enumerate(cases):
        path = tmp_path / f"case{i}.ttl"
        # the same text in a comment and as a plain string, before the statement: not it
        path.write_text(PREFIXES + f"# a comment: \"{value}\"^^xsd:date is not data\n\n"
                        f"<{R}x/a> ddkg:note \"{value}\" .\n<{R}x/b>\n    {body} .\n", encoding="utf-8")
        line = 7 + body.count("\n")
        store = OxigraphStore()
        with pytest.raises(TurtleError) as caught:
            with literals_checked_while(path):
                store.load_file(path, "http://g/x")
        message = str(caught.value)
        assert f"case{i}.ttl, line {line}: \"{value}\" is not a valid {datatype}" in message, (body, message)


def test_syntax_error_wins_over_a_bad_literal_and_stops_the_check(tmp_path):
    path = tmp_path / "broken.ttl"
    path.write_text(PREFIXES + f"<{R}x/a> ddkg:date \"2021-13-45\"^^xsd:date .\n<{R}x/b> ddkg:date .\n",
                    encoding="utf-8")
    store = OxigraphStore(tmp_path / "store")
    with pytest.raises(TurtleError) as caught:
        with literals_checked_while(path):
            store.load_file(path, "http://g/x", bulk=True)
    assert "broken.ttl" in str(caught.value) and "line 4" in str(caught.value)
    assert "xsd:date" not in str(caught.value)


def test_the_body_error_wins_and_the_check_is_stopped(tmp_path):
    path = tmp_path / "big.ttl"
    large_file(path, 50_000, bad_at=10)
    with pytest.raises(KeyError):
        with literals_checked_while(path):
            raise KeyError("the load failed")


def test_several_bad_literals_report_the_first_and_count_the_rest(tmp_path):
    path = tmp_path / "two.ttl"
    path.write_text(PREFIXES + f"<{R}x/a> ddkg:date \"2021-02-30\"^^xsd:date .\n"
                    f"<{R}x/b> ddkg:date \"2021-13-45\"^^xsd:date ; ddkg:rank \"x\"^^xsd:integer .\n",
                    encoding="utf-8")
    with pytest.raises(TurtleError, match=r"two\.ttl, line 3: \"2021-02-30\" is not a valid xsd:date .*"
                                          r"2 more ill-formed literal"):
        with literals_checked_while(path):
            pass


def test_reconcile_labels_keeps_the_curated_label_and_moves_the_others():
    store = OxigraphStore()
    label, alt = ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label"), \
        ox.NamedNode("http://www.w3.org/2004/02/skos/core#altLabel")
    curated, article = ox.NamedNode(iris.graph_iri("curated", "c")), ox.NamedNode(iris.graph_iri("extracted", "a"))
    other = ox.NamedNode(iris.graph_iri("extracted", "b"))
    x, same, one, tagged = (ox.NamedNode(f"{R}x/{n}") for n in ("x", "same", "one", "tagged"))
    store.add_quads([
        ox.Quad(x, label, ox.Literal("Azerbaijan"), curated), ox.Quad(x, label, ox.Literal("Azerbaijan"), article),
        ox.Quad(x, label, ox.Literal("Azerbaycan"), other),
        ox.Quad(same, label, ox.Literal("Turkey"), article), ox.Quad(same, label, ox.Literal("Turkey"), other),
        ox.Quad(one, label, ox.Literal("Georgia"), article),
        ox.Quad(tagged, label, ox.Literal("Türkiye", language="tr"), article),
        ox.Quad(tagged, label, ox.Literal("Türkiye"), other),
    ])
    assert reconcile_labels(store) == 3
    labels = {(q.subject.value, q.object, q.graph_name) for q in store.raw.quads_for_pattern(None, label, None, None)}
    assert labels == {(x.value, ox.Literal("Azerbaijan"), curated), (same.value, ox.Literal("Turkey"), article),
                      (same.value, ox.Literal("Turkey"), other), (one.value, ox.Literal("Georgia"), article),
                      (tagged.value, ox.Literal("Türkiye", language="tr"), article)}
    alts = {(q.subject.value, q.object, q.graph_name) for q in store.raw.quads_for_pattern(None, alt, None, None)}
    # a spelling only the language tag tells apart is dropped, not kept as an altLabel
    assert alts == {(x.value, ox.Literal("Azerbaycan"), other)}
