"""Broken or crafted curated Turtle through `kg build`: the file and line, or the node, path and
rule, are named; the last good build stays as it was."""
from __future__ import annotations

from pathlib import Path

PREFIXES = ("@prefix ddkg: <https://w3id.org/ddkg/ontology#> .\n"
            "@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .\n")
R = "https://w3id.org/ddkg/resource/"


def build_with(kg_cli, ws: Path, name: str, turtle: str) -> tuple[int, str, str]:
    (ws / "seeds" / "curated" / name).write_text(PREFIXES + turtle, encoding="utf-8")
    code, out, err = kg_cli("build", "-w", str(ws), "-q", "--no-extract")
    assert "Traceback" not in out + err
    return code, out, err


def test_hostile_turtle_syntax_error(kg_cli, assert_build_intact, hostile_ws):
    code, _, err = build_with(kg_cli, hostile_ws, "zz-syntax.ttl",
                              f"\n<{R}person/a> ddkg:rank \"x\" ;\n    ddkg:citizenOf <{R}country/AZE>\n"
                              f"<{R}person/b> a ddkg:Person .\n")
    assert code == 2
    assert "zz-syntax.ttl" in err and "line 6" in err and "dot is expected" in err, err
    assert_build_intact(hostile_ws)


def test_hostile_turtle_invalid_date_literal(kg_cli, assert_build_intact, hostile_ws):
    code, _, err = build_with(kg_cli, hostile_ws, "zz-date.ttl",
                              f"<{R}agreement/x> a ddkg:Agreement ;\n    ddkg:date \"2021-13-45\"^^xsd:date .\n")
    assert code == 2
    assert "zz-date.ttl, line 4" in err and '"2021-13-45" is not a valid xsd:date' in err, err
    assert_build_intact(hostile_ws)


def test_hostile_turtle_iri_with_space(kg_cli, assert_build_intact, hostile_ws):
    code, _, err = build_with(kg_cli, hostile_ws, "zz-iri.ttl", f"<{R}person/zakir hasanov> a ddkg:Person .\n")
    assert code == 2
    assert "zz-iri.ttl" in err and "line 3" in err and "Invalid IRI code point ' '" in err, err
    assert_build_intact(hostile_ws)


def test_hostile_turtle_unknown_ontology_term(kg_cli, assert_build_intact, hostile_ws):
    code, _, err = build_with(kg_cli, hostile_ws, "zz-typo.ttl",
                              f"<{R}person/zakir-hasanov> ddkg:recieved <{R}person/zakaria-yalcin> .\n")
    assert code == 1
    assert "res:person/zakir-hasanov: uses ddkg:recieved, which the ontology does not declare" in err, err
    assert "graph:curated/zz-typo" in err and "not published" in err
    assert "ddkg:recieved" in (hostile_ws / "build" / "validation.txt").read_text(encoding="utf-8")
    assert_build_intact(hostile_ws)


def test_hostile_turtle_breaks_shacl_shape(kg_cli, assert_build_intact, hostile_ws):
    code, _, err = build_with(kg_cli, hostile_ws, "zz-shape.ttl",
                              f"<{R}event/lonely> a ddkg:Meeting ;\n    ddkg:date \"2021-10-08\"^^xsd:date ;\n"
                              f"    ddkg:participant <{R}person/zakir-hasanov> .\n")
    assert code == 1
    line = [x for x in err.splitlines() if "ddkg:participant" in x][0]
    # node, path, rule, and the file's graph
    assert line.startswith("violation: res:event/lonely ddkg:participant: ") and "two participants" in line, err
    assert "[sh:MinCountConstraintComponent]" in line and "graph:curated/zz-shape" in line
    assert (hostile_ws / "build" / "rejected" / "kg.ttl").is_file()  # the rejected graph, for a look
    assert_build_intact(hostile_ws)
