"""The interactive network page: one self-contained HTML file, safe to open offline or e-mail.

The page is our own small template (``kg/viz/page.html``, ``page.css``, ``page.js``) with
vis-network's JavaScript inlined from the installed pyvis package, so it makes no network
request. The graph goes in as JSON inside ``<script type="application/json">`` with ``<``,
``>``, ``&`` and the line separators escaped, and the page shows every string with DOM text
nodes: a name like ``<img src=x onerror=...>`` is displayed, never run. Positions are computed
in Python (``kg.viz.layout``) and physics is off, so a 10,000-node graph is usable at once.

Why not pyvis's own page: its "in_line" template still loads Bootstrap from a CDN, "local" and
"remote" load vis-network from one, and its popups put titles into innerHTML. We keep pyvis
as the supplier of vis-network and write the page ourselves.
"""
from __future__ import annotations

import json
import re
from importlib import resources
from pathlib import Path
from typing import Optional, Union

from kg.errors import OutputError
from kg.export import write_atomically
from kg.projection import Projection, ViewOptions, project

VIS_JS = ("lib", "vis-9.1.2", "vis-network.min.js")

# One shape and colour per class; events share a shape, each type its own colour.
CLASS_STYLES = {
    "Person": ("dot", "#1f77b4"),
    "Country": ("hexagon", "#2ca02c"),
    "Organization": ("triangle", "#9467bd"),
    "Agreement": ("square", "#ff7f0e"),
    "Place": ("triangleDown", "#8c564b"),
    "Exercise": ("star", "#e377c2"),
}
EVENT_SHAPE = "diamond"
EVENT_COLOURS = ("#17becf", "#bcbd22", "#d62728", "#7f7f7f", "#6b6ecf", "#e7969c", "#8ca252",
                 "#bd9e39", "#ad494a", "#a55194", "#637939", "#3182bd")
RELATION_COLOURS = ("#5b7083", "#c0392b", "#2e86c1", "#27ae60", "#8e44ad", "#d68910", "#16a085",
                    "#7f8c8d", "#a04000", "#1a5276", "#b03a2e", "#117a65", "#6c3483", "#9a7d0a")


def vis_network_js() -> str:
    """vis-network's standalone build as pyvis's wheel ships it."""
    try:
        lib = resources.files("pyvis")
        for part in VIS_JS:
            lib = lib / part
        return lib.read_text(encoding="utf-8")
    except (ModuleNotFoundError, FileNotFoundError, OSError) as exc:
        raise OutputError(f"cannot read vis-network from the pyvis package ({'/'.join(VIS_JS)}): {exc}; "
                          "reinstall pyvis>=0.3.2") from None


def _asset(name: str) -> str:
    return (resources.files("kg.viz") / name).read_text(encoding="utf-8")


def script_json(data: object) -> str:
    """JSON that is safe inside a <script> element: no "<", ">", "&" or line separator survives."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return (text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


def _evidence(items) -> list[list]:
    return [[e.sentence, e.article, e.article_date, e.asserted_by, e.confidence] for e in items]


def page_data(proj: Projection, title: str = "Defence-diplomacy network") -> dict:
    """The page's data: compact nodes and edges with positions, sizes, styles and tooltips."""
    from kg.viz.layout import layout

    ids = {n.id: i for i, n in enumerate(proj.nodes)}
    positions = layout(list(range(len(proj.nodes))), [(ids[e.source], ids[e.target]) for e in proj.edges])
    degree = proj.degree()
    classes: dict[str, dict] = {}
    event_types = sorted({n.cls for n in proj.nodes if n.group == "Event"})
    for n in proj.nodes:
        if n.cls in classes:
            continue
        if n.group == "Event":
            shape, colour = EVENT_SHAPE, EVENT_COLOURS[event_types.index(n.cls) % len(EVENT_COLOURS)]
        else:
            shape, colour = CLASS_STYLES.get(n.cls, ("ellipse", "#999999"))
        classes[n.cls] = {"name": n.cls, "group": n.group, "shape": shape, "color": colour, "count": 0}
    for n in proj.nodes:
        classes[n.cls]["count"] += 1
    relations: dict[str, dict] = {}
    for e in proj.edges:
        rel = relations.setdefault(e.relation, {"name": e.relation, "count": 0,
                                                "color": RELATION_COLOURS[len(relations) % len(RELATION_COLOURS)]})
        rel["count"] += 1
    nodes = []
    for n in proj.nodes:
        i = ids[n.id]
        x, y = positions[i]
        item: dict = {"id": i, "l": n.label, "c": n.cls, "x": round(x, 1), "y": round(y, 1),
                      "s": round(8 + 5 * degree.get(n.id, 0) ** 0.5, 1)}
        for key, value in (("d0", n.start), ("d1", n.end), ("t", n.summary), ("a", n.aliases),
                           ("p", n.posts), ("i", n.details), ("ev", _evidence(n.evidence))):
            if value:
                item[key] = value
        nodes.append(item)
    edges = []
    for k, e in enumerate(proj.edges):
        item = {"id": k, "f": ids[e.source], "t": ids[e.target], "r": e.relation}
        if e.label != e.relation:
            item["l"] = e.label
        if e.directed:
            item["dir"] = 1
        for key, value in (("d0", e.start), ("d1", e.end), ("i", e.details), ("ev", _evidence(e.evidence))):
            if value:
                item[key] = value
        edges.append(item)
    options = proj.options
    view = {k: v for k, v in (("focus", options.focus), ("depth", options.depth if options.focus else None),
                              ("country", options.country), ("from", options.date_from),
                              ("to", options.date_to), ("types", list(options.types)),
                              ("relations", list(options.relations)), ("events", options.events)) if v}
    return {"title": title, "view": view, "classes": list(classes.values()),
            "relations": sorted(relations.values(), key=lambda r: r["name"]), "nodes": nodes, "edges": edges}


def render_page(proj: Projection, title: str = "Defence-diplomacy network") -> str:
    """The whole HTML page as a string."""
    template = _asset("page.html")
    parts = {
        "/*KG:CSS*/": _asset("page.css"),
        "/*KG:VIS*/": vis_network_js(),
        "/*KG:APP*/": _asset("page.js"),
        "/*KG:DATA*/": script_json(page_data(proj, title)),
    }
    missing = [marker for marker in parts if marker not in template]
    if missing:
        raise OutputError(f"the page template kg/viz/page.html lacks {', '.join(missing)}")
    # One pass over the template only: inserted text is never searched for markers again.
    return re.sub(r"/\*KG:[A-Z]+\*/", lambda m: parts[m.group(0)], template)


def write_network_html(store, path: Union[str, Path], options: Optional[ViewOptions] = None) -> Projection:
    """Write the network page of ``store`` (as ``options`` narrows it) to ``path``."""
    proj = project(store, options or ViewOptions())
    data = render_page(proj).encode("utf-8")
    write_atomically(Path(path), lambda out: out.write(data))  # a failed write keeps the old page
    return proj
