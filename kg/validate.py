"""Validation: terms the ontology does not declare, then the SHACL shapes (pySHACL).

Each problem comes back as a ``Violation`` naming the focus node, the path and the rule, so an
analyst can find the faulty triple in the Turtle file named by its graph.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Optional

import pyoxigraph as ox
import rdflib
from rdflib.namespace import RDF, SH

from kg import iris
from kg.errors import TurtleError
from kg.results import compact
from kg.store import OxigraphStore

ONTOLOGY_GRAPH = iris.graph_iri("ontology")


@dataclass(frozen=True)
class Violation:
    focus: str
    path: str
    message: str
    rule: str
    graph: str = ""

    def __str__(self) -> str:
        where = f" (in {compact(self.graph)})" if self.graph else ""
        path = f" {self.path}" if self.path else ""
        return f"{self.focus}{path}: {self.message} [{self.rule}]{where}"


def undeclared_terms(store: OxigraphStore) -> list[Violation]:
    """Ontology and concept IRIs used in the data that the ontology does not declare (typos)."""
    query = f"""
    SELECT DISTINCT ?term ?g ?s WHERE {{
      GRAPH ?g {{ {{ ?s ?term ?o }} UNION {{ ?s a ?term }} UNION {{ ?s ?p ?term . FILTER(isIRI(?term)) }} }}
      FILTER(?g != <{ONTOLOGY_GRAPH}>)
      FILTER(STRSTARTS(STR(?term), "{iris.ONTOLOGY_NS}") || STRSTARTS(STR(?term), "{iris.CONCEPT_BASE}"))
      FILTER NOT EXISTS {{ GRAPH <{ONTOLOGY_GRAPH}> {{ ?term ?anyP ?anyO }} }}
    }} ORDER BY ?term ?g ?s"""
    seen: dict[str, Violation] = {}
    for term, graph, subject in store.raw.query(query):
        if term.value in seen:
            continue
        seen[term.value] = Violation(
            compact(subject.value), "", f"uses {compact(term.value)}, which the ontology does not declare "
            "(a typo? see ontology/ddkg.ttl and ontology/concepts.ttl)", "undeclared term", graph.value)
    return list(seen.values())


def to_rdflib(store: OxigraphStore, exclude: Iterable[str] = ()) -> rdflib.Graph:
    """The union of the store's graphs (less ``exclude``) as an rdflib graph, for pySHACL."""
    excluded = {ox.NamedNode(g) for g in exclude}
    triples = {q.triple for q in store.quads() if q.graph_name not in excluded}
    data = ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES)
    graph = rdflib.Graph()
    # rdflib logs a traceback for each literal it cannot convert ("2021-13-45"^^xsd:date);
    # the literal stays as written and SHACL reports it, so the log would only alarm users.
    term_log = logging.getLogger("rdflib.term")
    level = term_log.level
    term_log.setLevel(logging.CRITICAL)
    try:
        graph.parse(data=data, format="nt")
    finally:
        term_log.setLevel(level)
    return graph


def shacl_violations(store: OxigraphStore, shapes_file: Path) -> list[Violation]:
    """Run the shapes over the data (the ontology mixed in so concept types are known)."""
    import pyshacl

    shapes = rdflib.Graph()
    try:
        shapes.parse(shapes_file, format="turtle")
    except Exception as exc:  # rdflib raises several parser exception types
        raise TurtleError(f"{shapes_file}: {exc}") from None
    # The concepts (post types, areas) must be in the data graph for sh:class skos:Concept, and
    # the build has already materialised superclass types, so no inference is needed here.
    data = to_rdflib(store)
    conforms, report, _ = pyshacl.validate(
        data, shacl_graph=shapes, inference="none", advanced=True, allow_warnings=True)
    if conforms:
        return []
    located = _graphs_of_subjects(store)
    violations = []
    for result in report.subjects(RDF.type, SH.ValidationResult):
        severity = report.value(result, SH.resultSeverity)
        if severity is not None and severity != SH.Violation:
            continue
        focus = report.value(result, SH.focusNode)
        path = report.value(result, SH.resultPath)
        message = report.value(result, SH.resultMessage)
        shape = report.value(result, SH.sourceShape)
        component = report.value(result, SH.sourceConstraintComponent)
        value = report.value(result, SH.value)
        if component == SH.MaxCountConstraintComponent and isinstance(focus, rdflib.URIRef) \
                and isinstance(path, rdflib.URIRef) and _sources_disagree(store, str(focus), str(path)):
            continue  # each source states one value: a disagreement (kg query disagreements), not an error
        rule = compact(str(shape)) if isinstance(shape, rdflib.URIRef) else compact(str(component))
        text = str(message) if message else compact(str(component))
        if value is not None:
            text += f" (value: {value})"
        violations.append(Violation(compact(str(focus)), compact(str(path)) if path is not None else "",
                                    text, rule, located.get(str(focus), "")))
    return sorted(violations, key=lambda v: (v.focus, v.path, v.message))


def _sources_disagree(store: OxigraphStore, focus: str, path: str) -> bool:
    """True when no single named graph gives ``focus`` more than one ``path`` value.

    Curated and extracted facts (or two articles) may disagree on a date or a place; both
    stay, each in its own graph, and the union then holds two values. That is what the
    ``disagreements`` query shows; only a source contradicting itself breaks a max-count shape.
    """
    counts = store.raw.query(
        f"SELECT (MAX(?n) AS ?most) WHERE {{ SELECT ?g (COUNT(DISTINCT ?v) AS ?n) "
        f"WHERE {{ GRAPH ?g {{ <{focus}> <{path}> ?v }} }} GROUP BY ?g }}")
    most = next(iter(counts), None)
    return most is not None and most[0] is not None and int(most[0].value) <= 1


def _graphs_of_subjects(store: OxigraphStore) -> dict[str, str]:
    located: dict[str, str] = {}
    for quad in store.quads():
        if isinstance(quad.subject, ox.NamedNode) and isinstance(quad.graph_name, ox.NamedNode):
            located.setdefault(quad.subject.value, quad.graph_name.value)
    return located


def validate(store: OxigraphStore, shapes_file: Optional[Path]) -> list[Violation]:
    violations = undeclared_terms(store)
    if shapes_file is not None and shapes_file.is_file():
        violations += shacl_violations(store, shapes_file)
    return violations
