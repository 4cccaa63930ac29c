"""The network page in headless Chromium, offline: it draws, holds the graph, and runs no data."""
from __future__ import annotations

import pytest
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By

from kg.viz import write_network_html

from conftest import XSS_STRINGS

pytestmark = pytest.mark.browser

SEED_LABELS = ["Zakir Hasanov", "Zakaria Yalcin", "Azerbaijan", "Turkey", "Shusha Declaration on Allied Relations"]


def foreign_requests(page, path) -> list[str]:
    own = path.resolve().as_uri()
    return [u for u in page.requests() if u != own and not u.startswith("data:")]


def test_viz_browser_seed_page_loads_offline(curated_seed_store, page, tmp_path):
    path = tmp_path / "graph.html"
    write_network_html(curated_seed_store, path)
    page.open(path)
    errors = [e for e in page.console() if e["level"] in ("SEVERE", "ERROR")]
    assert errors == []
    assert foreign_requests(page, path) == []
    labels = page.js("return window.kg.nodes.get().map(function (n) { return n.label; })")
    assert set(SEED_LABELS) <= set(labels)
    assert page.js("return window.kg.network.physics.options.enabled") is False
    legend = page.driver.find_element(By.ID, "legend-list").text
    assert "Person" in legend and "Country" in legend and "Agreement" in legend
    assert page.driver.find_element(By.ID, "search").is_displayed()


def test_viz_browser_search_focuses_entity(curated_seed_store, page, tmp_path):
    path = tmp_path / "graph.html"
    write_network_html(curated_seed_store, path)
    page.open(path)
    box = page.driver.find_element(By.ID, "search")
    box.send_keys("yalçın")                          # accents and case do not matter
    results = page.driver.find_element(By.ID, "search-results").text
    assert "Zakaria Yalcin" in results
    box.send_keys("\n")
    selected = page.js("return window.kg.network.getSelectedNodes().map(function (i) { return window.kg.nodes.get(i).label; })")
    assert selected == ["Zakaria Yalcin"]
    details = page.driver.find_element(By.ID, "details").text
    assert "Military Attaché of Turkey, accredited to Azerbaijan" in details


def test_viz_browser_filters_hide_classes(curated_seed_store, page, tmp_path):
    path = tmp_path / "graph.html"
    write_network_html(curated_seed_store, path)
    page.open(path)
    before = page.js("return window.kg.nodeView.length")
    page.driver.find_element(By.CSS_SELECTOR, '#legend-list input[data-name="Person"]').click()
    after = page.js("return window.kg.nodeView.length")
    assert after == before - 4
    page.driver.find_element(By.ID, "reset").click()
    assert page.js("return window.kg.nodeView.length") == before


def test_viz_browser_crafted_labels_run_nothing(xss_store, page, tmp_path):
    path = tmp_path / "xss.html"
    write_network_html(xss_store, path)
    page.open(path)
    assert page.js("return window.__kgReady > 0")
    # Hover every node with the real mouse, then open every node's and edge's details.
    canvas = page.driver.find_element(By.CSS_SELECTOR, "#network canvas")
    positions = page.js("""
        var net = window.kg.network, out = [];
        window.kg.nodes.getIds().forEach(function (id) {
          var p = net.canvasToDOM(net.getPositions([id])[id]); out.push([id, p.x, p.y]); });
        return out;""")
    hovered = []
    width, height = canvas.size["width"], canvas.size["height"]
    for node_id, x, y in positions:
        ActionChains(page.driver).move_to_element_with_offset(canvas, int(x - width / 2), int(y - height / 2)).perform()
        hovered.append(page.driver.find_element(By.ID, "tooltip").text)
    assert any(XSS_STRINGS[0] in text for text in hovered), hovered
    shown = []
    for node_id, _, _ in positions:
        page.js("window.kg.focus(arguments[0])", node_id)
        shown.append(page.driver.find_element(By.ID, "details").text)
    for edge_id in page.js("return window.kg.edges.getIds()"):
        page.js("window.kg.network.emit('hoverEdge', {edge: arguments[0], pointer: {DOM: {x: 5, y: 5}}})", edge_id)
        shown.append(page.driver.find_element(By.ID, "tooltip").text)
    assert page.js("return window.kg.search('<img')") == [XSS_STRINGS[0]]
    assert page.js("return window.kg.search('javascript:')")
    text = "\n".join(shown)
    for bad in XSS_STRINGS:
        assert bad in text                                   # shown as text...
    assert page.js("return typeof window.__pwned") == "undefined"   # ...and never run
    assert page.js("return document.querySelectorAll('img, #details script, #tooltip script').length") == 0
    assert foreign_requests(page, path) == []
