"""Placeholder network page; replaced by the full viewer (issue 4)."""
from __future__ import annotations

import html
from pathlib import Path

from kg.store import OxigraphStore


def write_network_html(store: OxigraphStore, path: Path) -> None:
    rows = store.raw.query(
        "SELECT ?s ?label WHERE { ?s <http://www.w3.org/2000/01/rdf-schema#label> ?label } ORDER BY ?label",
        use_default_graph_as_union=True)
    items = "".join(f"<li>{html.escape(r[1].value)}</li>" for r in rows)
    path.write_text(f"<!doctype html><meta charset=utf-8><title>graph</title><ul>{items}</ul>", encoding="utf-8")
