"""Counts per class and relation, and the most central actors (competency question 10).

Centrality is computed with networkx on the actor network: people, countries and
organizations, joined when a fact links them directly or through a shared event or agreement
(undirected; the same in either events mode). Degree counts distinct neighbours;
betweenness is normalised (0..1), exact up to ``EXACT_LIMIT`` nodes and estimated from a
fixed sample of pivots above it.

>>> from kg.store import OxigraphStore
>>> compute_stats(OxigraphStore()).nodes
0
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Optional

from kg.projection import Projection, ViewOptions, project

ACTOR_CLASSES = ("Person", "Country", "Organization")
EXACT_LIMIT = 2000
SAMPLE = 500


@dataclass
class Actor:
    label: str
    cls: str
    iri: str
    degree: int
    betweenness: float


@dataclass
class Stats:
    nodes: int = 0
    edges: int = 0
    classes: dict[str, int] = field(default_factory=dict)
    relations: dict[str, int] = field(default_factory=dict)
    by_degree: list[Actor] = field(default_factory=list)
    by_betweenness: list[Actor] = field(default_factory=list)

    def as_dict(self) -> dict:
        def actors(items: list[Actor]) -> list[dict]:
            return [{"label": a.label, "class": a.cls, "iri": a.iri, "degree": a.degree,
                     "betweenness": round(a.betweenness, 4)} for a in items]
        return {"nodes": self.nodes, "edges": self.edges, "classes": self.classes, "relations": self.relations,
                "top_degree": actors(self.by_degree), "top_betweenness": actors(self.by_betweenness)}


def actor_graph(proj: Projection):
    """The undirected actor network: actors linked directly, or through an event or agreement."""
    import networkx as nx

    kinds = {n.id: n for n in proj.nodes}
    graph = nx.Graph()
    for n in proj.nodes:
        if n.cls in ACTOR_CLASSES:
            graph.add_node(n.id)
    hubs: dict[str, set[str]] = {}
    for e in proj.edges:
        a, b = kinds[e.source], kinds[e.target]
        if a.cls in ACTOR_CLASSES and b.cls in ACTOR_CLASSES:
            graph.add_edge(a.id, b.id)
        else:
            for actor, hub in ((a, b), (b, a)):
                if actor.cls in ACTOR_CLASSES and hub.cls not in ACTOR_CLASSES:
                    hubs.setdefault(hub.id, set()).add(actor.id)
    for members in hubs.values():
        ordered = sorted(members)
        graph.add_edges_from((x, y) for i, x in enumerate(ordered) for y in ordered[i + 1:])
    return graph


def compute_stats(store, options: Optional[ViewOptions] = None, top: int = 10) -> Stats:
    import networkx as nx

    options = options or ViewOptions()
    proj = project(store, options)
    stats = Stats(nodes=len(proj.nodes), edges=len(proj.edges))
    stats.classes = dict(sorted(Counter(n.cls for n in proj.nodes).items()))
    stats.relations = dict(sorted(Counter(e.relation for e in proj.edges).items()))
    graph = actor_graph(proj)
    if graph.number_of_nodes() == 0:
        return stats
    if graph.number_of_nodes() <= EXACT_LIMIT:
        between = nx.betweenness_centrality(graph, normalized=True)
    else:
        between = nx.betweenness_centrality(graph, k=SAMPLE, normalized=True, seed=7)
    labels = {n.id: n for n in proj.nodes}
    actors = [Actor(labels[i].label, labels[i].cls, i, graph.degree(i), between.get(i, 0.0)) for i in graph.nodes]
    stats.by_degree = sorted(actors, key=lambda a: (-a.degree, -a.betweenness, a.label))[:top]
    stats.by_betweenness = sorted(actors, key=lambda a: (-a.betweenness, -a.degree, a.label))[:top]
    return stats


def format_table(stats: Stats) -> str:
    lines = [f"{stats.nodes} nodes, {stats.edges} edges", "", "Class            Count"]
    lines += [f"{name:<16} {count:>5}" for name, count in stats.classes.items()]
    lines += ["", "Relation         Count"]
    lines += [f"{name:<16} {count:>5}" for name, count in stats.relations.items()]
    for title, items in (("Most central actors by degree", stats.by_degree),
                         ("Most central actors by betweenness", stats.by_betweenness)):
        lines += ["", title, f"{'#':>2}  {'Actor':<32} {'Class':<13} {'Degree':>6} {'Betweenness':>11}"]
        lines += [f"{i:>2}  {a.label[:32]:<32} {a.cls:<13} {a.degree:>6} {a.betweenness:>11.4f}"
                  for i, a in enumerate(items, 1)]
    return "\n".join(lines)
