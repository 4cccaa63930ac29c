"""The network projection for desktop tools: GraphML (Cytoscape, yEd) and GEXF (Gephi), via networkx.

Nodes carry ``label`` (the name), ``class`` (Person, Country, Meeting...) and ``group``
("Event" for every event type); edges carry ``relation`` and ``label``. Dates are ISO strings
in ``start`` and ``end``; in GEXF they also become the node's and edge's time interval
(``mode="dynamic"``, ``timeformat="date"``), so Gephi's timeline can play the network. A
partial date covers its whole period ("1992" runs from 1992-01-01 to 1992-12-31); an open
end (a post still held) has no ``end``.
"""
from __future__ import annotations

import io
from typing import IO, Optional

from kg.errors import OutputError
from kg.projection import Projection, ViewOptions, date_bounds, project

NETWORK_FORMATS = ("graphml", "gexf")


def _interval(start: str, end: str) -> dict[str, str]:
    out = {}
    try:
        if start:
            out["start"] = date_bounds(start)[0]
        if end:
            out["end"] = date_bounds(end)[1]
    except ValueError:
        return {}
    return out


def to_graph(proj: Projection, fmt: str):
    """A networkx MultiDiGraph of the projection, with attributes the format can hold."""
    import networkx as nx

    graph = nx.MultiDiGraph(name="ddkg network")
    for n in proj.nodes:
        attrs = {"label": n.label, "class": n.cls, "group": n.group}
        if fmt == "gexf":
            attrs.update(_interval(n.start, n.end))
        else:
            attrs.update(start=n.start, end=n.end)
        graph.add_node(n.id, **attrs)
    for i, e in enumerate(proj.edges):
        attrs = {"relation": e.relation, "label": e.label, "directed": e.directed}
        if e.evidence:
            attrs["evidence"] = e.evidence[0].sentence
            attrs["article"] = e.evidence[0].article
        if fmt == "gexf":
            attrs.update(_interval(e.start, e.end))
        else:
            attrs.update(start=e.start, end=e.end)
        graph.add_edge(e.source, e.target, key=f"e{i}", id=f"e{i}", **attrs)
    if fmt == "gexf":
        graph.graph["mode"] = "dynamic"
    return graph


def write_network(store, out: IO[bytes], fmt: str, options: Optional[ViewOptions] = None) -> Projection:
    """Write the projection of ``store`` to the binary file ``out`` as GraphML or GEXF."""
    import networkx as nx

    if fmt not in NETWORK_FORMATS:
        raise OutputError(f"unknown network format {fmt!r}; choose one of {', '.join(NETWORK_FORMATS)}")
    proj = project(store, options or ViewOptions())
    graph = to_graph(proj, fmt)
    buffer = io.BytesIO()
    if fmt == "graphml":
        nx.write_graphml(graph, buffer, encoding="utf-8", prettyprint=True)
    else:
        nx.write_gexf(graph, buffer, encoding="utf-8", prettyprint=True, version="1.2draft")
    out.write(buffer.getvalue())
    return proj
