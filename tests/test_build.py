"""The end-to-end graph on the seed workspace: competency questions, exports, validation, failures."""
from __future__ import annotations

import io
from pathlib import Path

import pytest
import rdflib
from rdflib.compare import graph_diff, isomorphic, to_isomorphic

from kg.build import BuildOptions, build, open_built_store
from kg.errors import TurtleError
from kg.queries import bind, load_catalogue
from kg.store import OxigraphStore
from kg.workspace import Workspace

MEETING = "https://w3id.org/ddkg/resource/event/2021-10-08-meeting-zakaria-yalcin--zakir-hasanov"


def run(store: OxigraphStore, workspace: Path, name: str, **params: str) -> list[dict[str, str]]:
    query = load_catalogue(workspace / "queries")[name]
    result = store.query(bind(query, params, store))
    return [{v: (t.value if t is not None else None) for v, t in zip(result.variables, row)} for row in result.rows]


def test_build_hasanov_received_yalcin_with_topics(seed_store, built_workspace):
    rows = run(seed_store, built_workspace, "meetings-of-person", person="zakir hasanov")
    meeting = [r for r in rows if r["type"] == "Meeting"]
    assert meeting, rows
    row = meeting[0]
    assert (row["date"], row["role"], row["counterpart"]) == ("2021-10-08", "host", "Zakaria Yalcin")
    assert "Military Attaché" in row["counterpart_post"] and "Turkey" in row["counterpart_country"]
    for topic in ("military education", "military medicine", "regional security"):
        assert topic in row["topics"]


def test_build_turkey_is_allied_with_azerbaijan_via_shusha(seed_store, built_workspace):
    rows = run(seed_store, built_workspace, "allies-of-country", country="Turkey")
    assert {(r["ally"], r["agreement"], r["since"]) for r in rows} >= {
        ("Azerbaijan", "Shusha Declaration on Allied Relations", "2021-06-15")}


def test_build_timeline_of_azerbaijan_and_turkey(seed_store, built_workspace):
    rows = run(seed_store, built_workspace, "timeline", a="AZE", b="Türkiye")
    dated = [(r["date"], r["type"]) for r in rows]
    for expected in [("1992", "agreement signing"), ("2021-06-15", "agreement signing"),
                     ("2021-09-27", "interview"), ("2021-10-08", "meeting")]:
        assert expected in dated, dated
    dates = [d for d, _ in dated]
    assert dates == sorted(dates)


def test_build_timeline_with_a_country_or_none_left_empty_is_the_plain_join(seed_store, built_workspace):
    """The timeline's two forms (a country given: intersected lists; none: the events with two
    countries or more, joined whole) give the rows of the plain two-country join."""
    from kg.queries import inject_values, resolve_entity

    plain = """PREFIX ddkg: <https://w3id.org/ddkg/ontology#> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
      PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
      SELECT DISTINCT ?date ?type ?summary ?event WHERE {
        ?event ddkg:involves ?a , ?b . FILTER(?a != ?b)
        ?event ddkg:date ?date ; a ?class . ?class skos:inScheme ddkg:EventTypes ; skos:prefLabel ?type .
        OPTIONAL { ?event rdfs:label ?label } BIND(COALESCE(?label, "") AS ?summary) }"""
    for a, b in [("", ""), ("Azerbaijan", ""), ("", "Turkey"), ("Azerbaijan", "Turkey")]:
        terms = {"a": resolve_entity(seed_store, a, "country"), "b": resolve_entity(seed_store, b, "country")}
        expected = {tuple(t.value for t in row) for row in seed_store.query(inject_values(plain, terms)).rows}
        rows = run(seed_store, built_workspace, "timeline", a=a, b=b)
        assert len(rows) == len(expected) and {tuple(r.values()) for r in rows} == expected, (a, b)
        assert [r["date"] for r in rows] == sorted(r["date"] for r in rows)
    assert len(run(seed_store, built_workspace, "timeline", a="", b="")) > len(
        run(seed_store, built_workspace, "timeline", a="Azerbaijan", b="Turkey")) > 0


def test_build_cooperation_areas_with_countries_left_empty_are_the_plain_union(seed_store, built_workspace):
    """cooperation-areas' two forms (a country given; none: joined whole) count what the plain
    four-case union over every pair of countries counts."""
    from kg.queries import inject_values, resolve_entity

    plain = """PREFIX ddkg: <https://w3id.org/ddkg/ontology#> PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
      SELECT ?area (COUNT(DISTINCT ?fact) AS ?facts) (MIN(STR(?when)) AS ?first_named) WHERE {
        { ?fact ddkg:relationSubject ?a ; ddkg:relationObject ?b ; ddkg:area ?concept OPTIONAL { ?fact ddkg:since ?when } }
        UNION { ?fact ddkg:relationSubject ?b ; ddkg:relationObject ?a ; ddkg:area ?concept OPTIONAL { ?fact ddkg:since ?when } }
        UNION { ?a ddkg:partyTo ?fact . ?b ddkg:partyTo ?fact . ?fact ddkg:topic ?concept OPTIONAL { ?fact ddkg:date ?when } }
        UNION { ?fact ddkg:involves ?a , ?b ; ddkg:topic ?concept OPTIONAL { ?fact ddkg:date ?when } }
        FILTER(?a != ?b) ?concept skos:prefLabel ?area } GROUP BY ?area"""
    for a, b in [("", ""), ("Azerbaijan", ""), ("", "Turkey"), ("Azerbaijan", "Turkey")]:
        terms = {"a": resolve_entity(seed_store, a, "country"), "b": resolve_entity(seed_store, b, "country")}
        expected = {tuple(None if t is None else t.value for t in row)
                    for row in seed_store.query(inject_values(plain, terms)).rows}
        rows = run(seed_store, built_workspace, "cooperation-areas", a=a, b=b)
        assert expected and {tuple(r.values()) for r in rows} == expected and len(rows) == len(expected), (a, b)


def test_build_posts_with_accreditation(seed_store, built_workspace):
    rows = run(seed_store, built_workspace, "posts", country="Azerbaijan")
    yalcin = [r for r in rows if r["person"] == "Zakaria Yalcin"]
    assert yalcin and yalcin[0]["for_country"] == "Turkey" and yalcin[0]["accredited_to"] == "Azerbaijan"


def test_build_agreements_between_two_countries(seed_store, built_workspace):
    rows = run(seed_store, built_workspace, "agreements-between", a="Turkey", b="Azerbaijan")
    shusha = [r for r in rows if r["agreement"] == "Shusha Declaration on Allied Relations"][0]
    assert shusha["date"] == "2021-06-15" and shusha["place"] == "Shusha"
    assert set(shusha["signatories"].split("; ")) == {"Ilham Aliyev", "Recep Tayyip Erdogan"}
    assert any(r["date"] == "1992" for r in rows)


def test_build_evidence_sentence_of_the_reception(seed_store, built_workspace):
    rows = run(seed_store, built_workspace, "evidence", fact=f"<{MEETING}>")
    sentences = {r["sentence"] for r in rows}
    assert any(s.startswith("Defence Minister Zakir Hasanov has received") for s in sentences)
    first = [r for r in rows if r["sentence"].startswith("Defence Minister")][0]
    assert (first["start"], first["end"]) == ("0", str(len(first["sentence"])))


def test_build_facts_by_source_counts_per_class_and_lists_one_class(seed_store, built_workspace):
    """Without a class: a count per class and sources; each count is the length of that class's
    listing (same sources), and the sentences add up."""
    summary = run(seed_store, built_workspace, "facts-by-source")
    assert summary and all(r["fact"] is None and r["label"] is None for r in summary)
    assert {r["sources"] for r in summary} <= {"curated", "extracted", "curated + extracted"}
    assert ("Meeting", "curated + extracted") in {(r["class"], r["sources"]) for r in summary}
    listings = {}
    for row in summary:
        if row["class"] not in listings:
            listings[row["class"]] = run(seed_store, built_workspace, "facts-by-source", type=row["class"])
        listed = [r for r in listings[row["class"]] if r["sources"] == row["sources"]]
        assert int(row["facts"]) == len(listed) > 0, row
        assert int(row["sentences"]) == sum(int(r["sentences"]) for r in listed), row
    reception = [r for r in listings["Meeting"] if r["fact"] == MEETING]
    assert reception and reception[0]["sources"] == "curated + extracted" and int(reception[0]["sentences"]) >= 2
    assert reception[0]["label"] and all(r["facts"] is None for r in listings["Meeting"])
    assert run(seed_store, built_workspace, "facts-by-source", type="NoSuchClass") == []


def test_build_short_edges_are_derived(seed_store):
    ask = lambda q: seed_store.query("PREFIX ddkg: <https://w3id.org/ddkg/ontology#> "
                                     "PREFIX res: <https://w3id.org/ddkg/resource/> ASK { " + q + " }").boolean
    assert ask("<https://w3id.org/ddkg/resource/person/zakir-hasanov> ddkg:received <https://w3id.org/ddkg/resource/person/zakaria-yalcin>")
    assert ask("<https://w3id.org/ddkg/resource/country/TUR> ddkg:alliedWith <https://w3id.org/ddkg/resource/country/AZE>")
    assert ask("<https://w3id.org/ddkg/resource/country/AZE> ddkg:alliedWith <https://w3id.org/ddkg/resource/country/TUR>")


def _rdflib_graph(data: bytes, fmt: str) -> rdflib.Graph:
    graph = rdflib.Graph()
    graph.parse(data=data, format=fmt)
    return graph


def test_build_turtle_export_reparses_isomorphic_to_the_store(seed_store, built_workspace):
    turtle = (built_workspace / "build" / "kg.ttl").read_bytes()
    triples = io.BytesIO()
    seed_store.dump(triples, "ntriples")
    assert isomorphic(_rdflib_graph(turtle, "turtle"), _rdflib_graph(triples.getvalue(), "nt"))


def test_build_twice_gives_isomorphic_graphs(workspace_copy):
    ws = Workspace(workspace_copy)
    build(ws, BuildOptions(html=False))
    first = (workspace_copy / "build" / "kg.ttl").read_bytes()
    build(ws, BuildOptions(html=False))
    second = (workspace_copy / "build" / "kg.ttl").read_bytes()
    a, b = _rdflib_graph(first, "turtle"), _rdflib_graph(second, "turtle")
    if not isomorphic(a, b):
        _, only_first, only_second = graph_diff(to_isomorphic(a), to_isomorphic(b))
        pytest.fail(f"builds differ:\n{only_first.serialize(format='nt')}\n---\n{only_second.serialize(format='nt')}")
    assert first == second  # no blank nodes, sorted output: the very same bytes


def test_build_trig_keeps_one_named_graph_per_source(built_workspace):
    dataset = rdflib.Dataset()
    dataset.parse(built_workspace / "build" / "kg.trig", format="trig")
    names = {str(g.identifier) for g in dataset.graphs()}
    assert "https://w3id.org/ddkg/graph/curated/azernews-2021-10-08" in names
    assert "https://w3id.org/ddkg/graph/derived" in names


def test_build_broken_fact_is_caught_naming_node_and_rule(workspace_copy):
    (workspace_copy / "seeds" / "curated" / "broken.ttl").write_text(
        "@prefix ddkg: <https://w3id.org/ddkg/ontology#> .\n"
        "@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .\n"
        "<https://w3id.org/ddkg/resource/event/lonely> a ddkg:Meeting ;\n"
        "    ddkg:date \"2021-10-08\"^^xsd:date ;\n"
        "    ddkg:participant <https://w3id.org/ddkg/resource/person/zakir-hasanov> .\n", encoding="utf-8")
    summary = build(Workspace(workspace_copy), BuildOptions(html=False, extract=False))
    text = "\n".join(str(v) for v in summary.violations)
    assert "res:event/lonely" in text and "ddkg:participant" in text, text


def test_build_unknown_term_is_caught(workspace_copy):
    (workspace_copy / "seeds" / "curated" / "typo.ttl").write_text(
        "@prefix ddkg: <https://w3id.org/ddkg/ontology#> .\n"
        "<https://w3id.org/ddkg/resource/person/a> ddkg:recieved <https://w3id.org/ddkg/resource/person/b> .\n",
        encoding="utf-8")
    summary = build(Workspace(workspace_copy), BuildOptions(html=False, extract=False))
    assert any("ddkg:recieved" in str(v) and "typo" in str(v) for v in summary.violations)


def test_build_syntax_error_names_file_and_line_and_keeps_outputs(workspace_copy):
    ws = Workspace(workspace_copy)
    build(ws, BuildOptions(html=False, extract=False))
    before = {p.name: p.read_bytes() for p in (workspace_copy / "build").glob("*.t*")}
    (workspace_copy / "seeds" / "curated" / "bad.ttl").write_text(
        "@prefix ddkg: <https://w3id.org/ddkg/ontology#> .\n\n<a> ddkg:x \"unclosed .\n", encoding="utf-8")
    with pytest.raises(TurtleError, match=r"bad\.ttl.*line 3"):
        build(ws, BuildOptions(html=False, extract=False))
    after = {p.name: p.read_bytes() for p in (workspace_copy / "build").glob("*.t*")}
    assert after == before
    assert open_built_store(ws).count() > 0


def test_build_curated_sentence_not_in_article_is_reported(workspace_copy):
    curated = workspace_copy / "seeds" / "curated" / "azernews-2021-10-08.ttl"
    text = curated.read_text(encoding="utf-8")
    curated.write_text(text.replace("has received Turkey’s", "has welcomed Turkey’s"), encoding="utf-8")
    summary = build(Workspace(workspace_copy), BuildOptions(html=False, extract=False))
    assert any("sentence is not in" in str(v) for v in summary.violations)


def test_build_every_evaluation_article_together_conforms(workspace_copy):
    """Extraction from many styles of article never makes the build break its shapes."""
    from conftest import REPO
    articles = workspace_copy / "seeds" / "articles"
    for folder in ("gold", "dev", "dev2", "dev3"):
        for path in sorted((REPO / "tests" / folder).glob("*.txt")):
            (articles / f"{folder}-{path.name}").write_bytes(path.read_bytes())
    summary = build(Workspace(workspace_copy), BuildOptions(html=False))
    assert summary.violations == [], "\n".join(str(v) for v in summary.violations)
    assert summary.articles >= 40 and summary.events["Meeting"] >= 20
    assert len(summary.set_aside) < summary.events["Meeting"] // 4


def test_build_sources_that_disagree_are_kept_and_shown(workspace_copy):
    """An article and a curated file give the reception different dates: both stay, no violation."""
    (workspace_copy / "seeds" / "curated" / "other-date.ttl").write_text(
        "@prefix ddkg: <https://w3id.org/ddkg/ontology#> .\n"
        "@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .\n"
        f"<{MEETING}> ddkg:date \"2021-10-07\"^^xsd:date .\n", encoding="utf-8")
    ws = Workspace(workspace_copy)
    summary = build(ws, BuildOptions(html=False))
    assert summary.violations == [], "\n".join(str(v) for v in summary.violations)
    rows = run(open_built_store(ws), workspace_copy, "disagreements")
    dates = [r for r in rows if r["fact"] == MEETING and r["property"] == "date"]
    assert {(d["value_1"], d["value_2"]) for d in dates} >= {("2021-10-08", "2021-10-07")} or \
        {(d["value_2"], d["value_1"]) for d in dates} >= {("2021-10-08", "2021-10-07")}, rows


def test_build_compacts_the_store_it_writes(workspace_copy, monkeypatch):
    """The on-disk store is compacted once, at the end of the build (kg query reads it many times);
    compacting keeps every quad."""
    import pyoxigraph as ox

    calls: list = []
    original = OxigraphStore.optimize

    def spy(self: OxigraphStore) -> None:
        calls.append((self.path, self.count()))
        original(self)

    monkeypatch.setattr(OxigraphStore, "optimize", spy)
    ws = Workspace(workspace_copy)
    build(ws, BuildOptions(html=False, extract=False))
    assert len(calls) == 1 and calls[0][0] is not None
    assert open_built_store(ws).count() == calls[0][1] > 0
    store = OxigraphStore(workspace_copy / "other-store")
    store.add_quads([ox.Quad(ox.NamedNode(f"http://e/{i}"), ox.NamedNode("http://e/p"), ox.Literal(str(i)),
                             ox.NamedNode("http://e/g")) for i in range(1000)])
    store.optimize()
    assert store.count() == 1000
