"""Derive the short edges and materialised types from the event, post and relationship nodes.

The rules are SPARQL ``CONSTRUCT`` files in ``ontology/rules/`` (an analyst can add one), run
over the union of the graphs until nothing new appears, their results kept in the ``derived``
named graph. Targeted rules like these cost a fraction of a full OWL closure (see
``shared/MEASUREMENTS.md``: owlrl took 171 s at 100k triples, SPARQL rules 0.68 s).
"""
from __future__ import annotations

from pathlib import Path
from typing import Sequence

import pyoxigraph as ox

from kg import iris
from kg.errors import QueryError
from kg.store import OxigraphStore

DERIVED_GRAPH = iris.graph_iri("derived")
MAX_ROUNDS = 10


def derive(store: OxigraphStore, rule_files: Sequence[Path]) -> int:
    """Run the rules to a fixpoint; returns how many triples the derived graph holds."""
    rules = []
    for path in rule_files:
        text = path.read_text(encoding="utf-8")
        if "CONSTRUCT" not in text.upper():
            raise QueryError(f"{path}: a rule must be a SPARQL CONSTRUCT query")
        rules.append((path, text))
    graph = ox.NamedNode(DERIVED_GRAPH)
    raw = store.raw
    for _ in range(MAX_ROUNDS):
        added = 0
        for path, text in rules:
            try:
                triples = list(raw.query(text, use_default_graph_as_union=True))
            except SyntaxError as exc:
                raise QueryError(f"{path}: SPARQL syntax error: {exc}") from None
            for triple in triples:
                quad = ox.Quad(triple.subject, triple.predicate, triple.object, graph)
                if not _contains_anywhere(raw, triple):
                    raw.add(quad)
                    added += 1
        if added == 0:
            break
    return store.count(DERIVED_GRAPH)


def _contains_anywhere(raw: ox.Store, triple: ox.Triple) -> bool:
    """True when some graph already states the triple: derived edges never repeat given ones."""
    return next(iter(raw.quads_for_pattern(triple.subject, triple.predicate, triple.object, None)), None) is not None
