from pathlib import Path

import pyoxigraph as ox
import pytest

from kg.errors import QueryError
from kg.queries import CannedQuery, Parameter, bind, inject_values, load_catalogue, parse_canned, resolve_query
from kg.store import OxigraphStore

from conftest import REPO

HOSTILE = 'Turkey" } ; DROP ALL ; #'


def test_queries_every_canned_query_has_a_header_and_parses():
    catalogue = load_catalogue(REPO / "queries")
    assert len(catalogue) >= 10
    store = OxigraphStore()
    for query in catalogue.values():
        assert query.title and query.description, query.name
        given = {p.name: "<https://example.org/x>" for p in query.parameters}
        store.query(bind(query, given, store))  # raises QueryError on a syntax error


def test_queries_cover_every_competency_question():
    tags = {t for q in load_catalogue(REPO / "queries").values() for t in q.tags}
    assert {f"cq{i}" for i in range(1, 11)} <= tags


def test_queries_hostile_parameter_stays_one_literal():
    store = OxigraphStore()
    store.add_quads([ox.Quad(ox.NamedNode("http://e/a"), ox.NamedNode("http://e/p"), ox.Literal(HOSTILE),
                             ox.NamedNode("http://e/g"))])
    query = CannedQuery("q", Path("-"), "t", "", "SELECT ?s WHERE { ?s ?p ?name }",
                        (Parameter("name"),))
    rows = list(store.query(bind(query, {"name": HOSTILE})).rows)
    assert [r[0].value for r in rows] == ["http://e/a"]
    assert store.count() == 1  # nothing was dropped


def test_queries_values_go_into_the_where_group_not_the_construct_template():
    text = inject_values("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }", {"o": ox.Literal("x")})
    assert text.startswith('CONSTRUCT { ?s ?p ?o } WHERE { VALUES (?o) { ("x") }')


def test_queries_braces_inside_strings_and_comments_are_skipped():
    text = inject_values('# a { comment\nSELECT * WHERE { ?s ?p "}" }', {"p": ox.NamedNode("http://e/p")})
    assert 'WHERE { VALUES (?p) { (<http://e/p>) }' in text


def test_queries_missing_parameter_names_it():
    query = parse_canned(REPO / "queries" / "evidence.rq")
    with pytest.raises(QueryError, match="--param fact="):
        bind(query, {})


def test_queries_extra_parameter_lists_the_valid_ones():
    query = parse_canned(REPO / "queries" / "timeline.rq")
    with pytest.raises(QueryError, match=r"no parameter c.*its parameters: a, b"):
        bind(query, {"a": "Azerbaijan", "c": "x"})


def test_queries_unknown_name_lists_the_available_ones():
    with pytest.raises(QueryError, match="available: .*timeline"):
        resolve_query("timelines", load_catalogue(REPO / "queries"))


def test_queries_syntax_error_reports_the_position():
    with pytest.raises(QueryError, match=r"1:\d+"):
        OxigraphStore().query("SELECT ?x WHERE { ?x ?y }")


def test_queries_bad_header_line_is_an_error(tmp_path):
    path = tmp_path / "bad.rq"
    path.write_text("# title: t\n# param: 9bad = x\nSELECT * {}\n")
    with pytest.raises(QueryError, match="bad.rq, line 2"):
        parse_canned(path)


def test_queries_entity_parameter_is_looked_up_by_name_alias_or_code(seed_store):
    from kg.queries import resolve_entity
    turkey = ["https://w3id.org/ddkg/resource/country/TUR"]
    for spelling in ("Turkey", "türkiye", "TUR", "tr", "Republic of Türkiye"):
        assert [t.value for t in resolve_entity(seed_store, spelling, "country", "c")] == turkey, spelling
    assert [t.value for t in resolve_entity(seed_store, "zakir hasanov", "person", "p")] == [
        "https://w3id.org/ddkg/resource/person/zakir-hasanov"]
    assert resolve_entity(seed_store, "", "country", "c") == []  # empty: any country


def test_queries_unknown_entity_suggests_close_names(seed_store):
    with pytest.raises(QueryError, match=r"--param person: no person named 'Hasanov'.*did you mean: Zakir Hasanov"):
        from kg.queries import resolve_entity
        resolve_entity(seed_store, "Hasanov", "person", "person")


def test_queries_entity_parameter_without_store_needs_an_iri():
    query = parse_canned(REPO / "queries" / "timeline.rq")
    with pytest.raises(QueryError, match="IRI"):
        bind(query, {"a": "Azerbaijan", "b": "Turkey"})
    assert "VALUES (?a ?b) { (<https://e/a> <https://e/b>) }" in bind(query, {"a": "<https://e/a>", "b": "<https://e/b>"})


def test_queries_unknown_parameter_kind_is_an_error(tmp_path):
    path = tmp_path / "k.rq"
    path.write_text("# title: t\n# param: x (nation) = y\nSELECT * {}\n")
    with pytest.raises(QueryError, match="k.rq, line 2: parameter kind 'nation'"):
        parse_canned(path)


def test_queries_parameters_share_one_values_block_with_every_combination():
    """One block (Oxigraph joins a second VALUES block last); several terms give the cross
    product, an empty one UNDEF, and the rows are those of a separate binding per parameter."""
    a1, a2, b = (ox.NamedNode(f"http://e/{n}") for n in ("a1", "a2", "b"))
    text = inject_values("SELECT ?a ?b WHERE { }", {"a": [a1, a2], "b": b})
    assert text.count("VALUES") == 1
    assert "VALUES (?a ?b) { (<http://e/a1> <http://e/b>) (<http://e/a2> <http://e/b>) }" in text
    assert "(<http://e/a1> UNDEF)" in inject_values("SELECT * WHERE { }", {"a": [a1], "b": []})
    store = OxigraphStore()
    p = ox.NamedNode("http://e/p")
    store.add_quads([ox.Quad(s, p, o, ox.NamedNode("http://e/g")) for s in (a1, a2) for o in (b, a1)])
    rows = store.query(inject_values("SELECT ?a ?b WHERE { ?a <http://e/p> ?b }", {"a": [a1, a2], "b": []})).rows
    assert sorted((r[0].value, r[1].value) for r in rows) == [
        ("http://e/a1", "http://e/a1"), ("http://e/a1", "http://e/b"), ("http://e/a2", "http://e/a1"),
        ("http://e/a2", "http://e/b")]


def test_queries_a_subselect_projecting_a_parameter_gets_its_own_block():
    """Oxigraph evaluates a sub-SELECT on its own: a parameter it projects is bound inside it too,
    so it lists the parameter's rows only; an alias ``(... AS ?a)``, a sub-SELECT that does not
    project the parameter, and SELECT in strings and comments are left alone."""
    a, b = ox.NamedNode("http://e/a"), ox.NamedNode("http://e/b")
    text = inject_values(
        '# { SELECT ?a WHERE {\n'
        'SELECT ?n WHERE {\n'
        '  { SELECT ?e ?a WHERE { ?e <http://e/p> ?a FILTER(?a != "{ SELECT ?b {") } }\n'
        '  { SELECT DISTINCT * WHERE { ?e <http://e/q> ?b } }\n'
        '  { SELECT (COUNT(*) AS ?a) ?e WHERE { ?e <http://e/r> ?z } GROUP BY ?e }\n'
        '  { SELECT ?e WHERE { ?e <http://e/s> ?a } }\n'
        '}', {"a": a, "b": [a, b]})
    assert "SELECT ?n WHERE { VALUES (?a ?b) { (<http://e/a> <http://e/a>) (<http://e/a> <http://e/b>) }" in text
    assert "{ SELECT ?e ?a WHERE { VALUES (?a) { (<http://e/a>) }  ?e <http://e/p> ?a" in text
    assert "{ SELECT DISTINCT * WHERE { VALUES (?b) { (<http://e/a>) (<http://e/b>) }  ?e <http://e/q> ?b" in text
    assert "GROUP BY ?e }" in text and text.count("VALUES") == 3
    assert "# { SELECT ?a WHERE {\n" in text


def test_queries_bound_subselects_give_the_rows_of_the_plain_join():
    """The pair intersection written with sub-SELECTs (how timeline and agreements-between list
    each country's rows apart) answers like the plain join, for one IRI, several, or any."""
    store = OxigraphStore()
    e = lambda n: ox.NamedNode(f"http://e/{n}")  # noqa: E731
    g = e("g")
    edges = [("x1", "A"), ("x1", "B"), ("x2", "A"), ("x3", "B"), ("x3", "C"), ("x4", "A"), ("x4", "C")]
    store.add_quads([ox.Quad(e(s), e("in"), e(o), g) for s, o in edges])
    plain = "SELECT DISTINCT ?x WHERE { ?x <http://e/in> ?a . ?x <http://e/in> ?b FILTER(?a != ?b) } ORDER BY ?x"
    split = ("SELECT DISTINCT ?x WHERE { { SELECT ?x ?a WHERE { ?x <http://e/in> ?a } } "
             "{ SELECT ?x ?b WHERE { ?x <http://e/in> ?b } } FILTER(?a != ?b) } ORDER BY ?x")
    for a, b in [([e("A")], [e("B")]), ([e("A"), e("C")], [e("B")]), ([], [e("C")]), ([], [])]:
        rows = [[r[0].value for r in store.query(inject_values(q, {"a": a, "b": b})).rows] for q in (plain, split)]
        assert rows[0] == rows[1], (a, b)
    assert [r[0].value for r in store.query(inject_values(split, {"a": [e("A")], "b": [e("B")]})).rows] == ["http://e/x1"]
