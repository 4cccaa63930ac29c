"""One name per entity across sources.

Several sources may name one entity (curated "Azerbaijan"@en, an article's "Azerbaijan", another
article's "Zakaria Yalçın"). The shapes want one ``rdfs:label``, so the curated label wins, then
the first extracted one in graph order; every other spelling stays in its own graph as a
``skos:altLabel``, so no source loses what it said.
"""
from __future__ import annotations

import pyoxigraph as ox

from kg import iris
from kg.store import OxigraphStore

RDFS_LABEL = ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label")
SKOS_ALT = ox.NamedNode("http://www.w3.org/2004/02/skos/core#altLabel")
_CURATED = iris.graph_iri("curated") + "/"

# Subjects with two different labels (in one named graph or in two). Grouped rather than a
# self-join filtered by "?a != ?b": the join compared every pair of labels of a subject and took
# 0.6 s of the load at 1M triples (43k labels); grouping compares stored terms, about 0.06 s.
# Two labels count as different when they are different terms: the same as "!=" for plain and
# language-tagged labels (checked); only typed labels differ, which "!=" compared by value
# ("1"^^xsd:integer = "01"^^xsd:integer) or not at all (an unknown datatype: an error, skipped).
_DUPLICATE_LABELS = """
SELECT ?s WHERE {
  GRAPH ?g { ?s <http://www.w3.org/2000/01/rdf-schema#label> ?a }
} GROUP BY ?s HAVING (COUNT(DISTINCT ?a) > 1)"""


def reconcile_labels(store: OxigraphStore) -> int:
    """Keep one rdfs:label per subject; returns how many labels became altLabels."""
    raw = store.raw
    moved = 0
    for (subject,) in list(raw.query(_DUPLICATE_LABELS)):
        quads = sorted(raw.quads_for_pattern(subject, RDFS_LABEL, None, None),
                       key=lambda q: (not str(q.graph_name.value).startswith(_CURATED), str(q.graph_name), str(q.object)))
        keep = quads[0]
        for quad in quads[1:]:
            raw.remove(quad)
            if quad.object.value != keep.object.value:
                raw.add(ox.Quad(quad.subject, SKOS_ALT, quad.object, quad.graph_name))
            moved += 1
    return moved
