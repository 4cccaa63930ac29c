"""The HTML page, read as text: self-contained, and every data string escaped."""
from __future__ import annotations

import json
import re

from kg.viz import render_page, script_json, write_network_html
from kg.projection import project

from conftest import XSS_STRINGS


def graph_data(page: str) -> dict:
    match = re.search(r'<script type="application/json" id="graph-data">(.*?)</script>', page, re.S)
    assert match, "no graph-data element"
    return json.loads(match.group(1))


def test_viz_page_is_self_contained(curated_seed_store, tmp_path):
    path = tmp_path / "graph.html"
    write_network_html(curated_seed_store, path)
    page = path.read_text(encoding="utf-8")
    assert not re.search(r"""(?:src|href)\s*=\s*["']?\s*(?:https?:)?//""", page, re.I)
    assert "<link" not in page.lower()
    assert "Content-Security-Policy" in page and "default-src 'none'" in page
    assert "new vis.Network" in page and "vis-network" in page.lower()
    data = graph_data(page)
    assert {"Zakir Hasanov", "Azerbaijan", "Shusha Declaration on Allied Relations"} <= {n["l"] for n in data["nodes"]}
    assert all("x" in n and "y" in n for n in data["nodes"])


def test_viz_page_escapes_every_data_string(xss_store):
    page = render_page(project(xss_store))
    data_text = re.search(r'id="graph-data">(.*?)</script>', page, re.S).group(1)
    assert "<" not in data_text and ">" not in data_text and "&" not in data_text
    for bad in XSS_STRINGS[:2]:
        assert bad not in page
    assert page.count("</script>") == 3          # the data, vis-network and the app
    data = graph_data(page)
    shown = {n["l"] for n in data["nodes"]}
    assert set(XSS_STRINGS) <= shown | {a for n in data["nodes"] for a in n.get("a", [])}


def test_viz_page_app_never_uses_inner_html():
    from importlib import resources
    app = (resources.files("kg.viz") / "page.js").read_text(encoding="utf-8")
    assert "innerHTML" not in app and "insertAdjacentHTML" not in app and "document.write" not in app


def test_viz_page_script_json_escapes_separators():
    text = script_json({"a": "<x>&\u2028\u2029"})
    assert text == '{"a":"\\u003cx\\u003e\\u0026\\u2028\\u2029"}'
    assert json.loads(text) == {"a": "<x>&\u2028\u2029"}
