"""Benchmark of the network page: generation time, file size and time to interactive.

Synthetic defence-diplomacy graphs (countries, people with citizenship, meetings with a host,
a guest, a date and an evidence sentence) of about 1,000 and 10,000 projected nodes are written
with ``kg.viz.write_network_html``; each page is then opened offline in headless Chromium
(/usr/bin/chromium), and the page itself reports ``performance.now()`` at vis-network's first
``afterDrawing`` (``window.__kgReady``): the time from navigation start until the graph is drawn
and the page answers input.

    python benchmarks/bench_viz.py [--sizes 1000,10000] [--runs 3]

Prints a table and writes benchmarks/results/viz.md and viz.json (medians of --runs).
"""
from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

import pyoxigraph as ox

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from kg.store import OxigraphStore  # noqa: E402
from kg.viz import write_network_html  # noqa: E402

NS = "https://w3id.org/ddkg/ontology#"
RES = "https://w3id.org/ddkg/resource/"
RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
LABEL = ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label")
SUBCLASS = ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#subClassOf")
XSD_DATE = ox.NamedNode("http://www.w3.org/2001/XMLSchema#date")
GRAPH = ox.NamedNode("https://w3id.org/ddkg/graph/bench")


def d(name: str) -> ox.NamedNode:
    return ox.NamedNode(NS + name)


def synthetic_store(nodes: int, seed: int = 1) -> OxigraphStore:
    """About ``nodes`` projected nodes: 5% countries, 40% people, the rest meetings."""
    rng = random.Random(seed)
    n_countries = max(10, nodes // 20)
    n_people = int(nodes * 0.4)
    n_meetings = nodes - n_countries - n_people
    quads = [ox.Quad(d("Meeting"), SUBCLASS, d("Event"), GRAPH)]
    countries = [ox.NamedNode(f"{RES}country/C{i:03d}") for i in range(n_countries)]
    for i, c in enumerate(countries):
        quads += [ox.Quad(c, RDF_TYPE, d("Country"), GRAPH), ox.Quad(c, LABEL, ox.Literal(f"Country {i}"), GRAPH)]
    people = [ox.NamedNode(f"{RES}person/p{i}") for i in range(n_people)]
    for i, p in enumerate(people):
        quads += [ox.Quad(p, RDF_TYPE, d("Person"), GRAPH),
                  ox.Quad(p, LABEL, ox.Literal(f"Person {i} Surname{i % 97}"), GRAPH),
                  ox.Quad(p, d("citizenOf"), countries[min(int(rng.paretovariate(1.2)) - 1, n_countries - 1)], GRAPH)]
    for i in range(n_meetings):
        m = ox.NamedNode(f"{RES}event/m{i}")
        ev = ox.NamedNode(f"{RES}evidence/m{i}")
        host, guest = rng.sample(people, 2)
        day = f"20{rng.randrange(10, 24)}-{rng.randrange(1, 13):02d}-{rng.randrange(1, 29):02d}"
        quads += [ox.Quad(m, RDF_TYPE, d("Meeting"), GRAPH), ox.Quad(m, RDF_TYPE, d("Event"), GRAPH),
                  ox.Quad(m, LABEL, ox.Literal(f"Meeting {i}"), GRAPH),
                  ox.Quad(m, d("date"), ox.Literal(day, datatype=XSD_DATE), GRAPH),
                  ox.Quad(m, d("host"), host, GRAPH), ox.Quad(m, d("guest"), guest, GRAPH),
                  ox.Quad(m, d("evidence"), ev, GRAPH),
                  ox.Quad(ev, d("sentence"), ox.Literal(f"The minister received his counterpart on {day} (meeting {i})."), GRAPH)]
    store = OxigraphStore()
    store.add_quads(quads)
    return store


def open_browser():
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--no-first-run", "--disable-sync", "--window-size=1400,900",
                f"--user-data-dir={tempfile.mkdtemp(prefix='kg-bench-')}"):
        options.add_argument(arg)
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    driver.execute_cdp_cmd("Network.enable", {})
    driver.execute_cdp_cmd("Network.emulateNetworkConditions",
                           {"offline": True, "latency": 0, "downloadThroughput": 0, "uploadThroughput": 0})
    return driver


def time_to_interactive(driver, path: Path, timeout: float = 120.0) -> tuple[float, float]:
    """(ms until the first draw, ms for one redraw after it), as the page measures them."""
    driver.get("about:blank")
    driver.get(path.resolve().as_uri())
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        ready = driver.execute_script("return window.__kgReady || null")
        if ready:
            redraw = driver.execute_script("""
                var net = window.kg.network, t = performance.now(); net.redraw(); return performance.now() - t;""")
            return float(ready), float(redraw)
        time.sleep(0.05)
    raise RuntimeError(f"{path} did not draw within {timeout} s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--no-browser", action="store_true")
    args = parser.parse_args()
    driver = None if args.no_browser else open_browser()
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for size in (int(s) for s in args.sizes.split(",")):
            store = synthetic_store(size)
            gen, ready, redraw = [], [], []
            for run in range(args.runs):
                path = Path(tmp) / f"graph-{size}.html"
                started = time.perf_counter()
                proj = write_network_html(store, path)
                gen.append(time.perf_counter() - started)
                if driver:
                    r, rd = time_to_interactive(driver, path)
                    ready.append(r)
                    redraw.append(rd)
            rows.append({"target_nodes": size, "nodes": len(proj.nodes), "edges": len(proj.edges),
                         "generation_s": round(statistics.median(gen), 2),
                         "file_mb": round(path.stat().st_size / 1e6, 2),
                         "interactive_ms": round(statistics.median(ready)) if ready else None,
                         "redraw_ms": round(statistics.median(redraw)) if redraw else None})
            print(rows[-1], file=sys.stderr)
    if driver:
        driver.quit()
    lines = ["| nodes | edges | generation (s) | file size (MB) | interactive in Chromium (ms) | one redraw (ms) |",
             "| ---: | ---: | ---: | ---: | ---: | ---: |"]
    lines += [f"| {r['nodes']:,} | {r['edges']:,} | {r['generation_s']} | {r['file_mb']} | "
              f"{r['interactive_ms'] if r['interactive_ms'] is not None else '—'} | "
              f"{r['redraw_ms'] if r['redraw_ms'] is not None else '—'} |" for r in rows]
    table = "\n".join(lines)
    print(table)
    out = ROOT / "benchmarks" / "results"
    out.mkdir(parents=True, exist_ok=True)
    command = f"python benchmarks/bench_viz.py --sizes {args.sizes} --runs {args.runs}"
    (out / "viz.md").write_text(f"# Network page benchmark\n\n`{command}` (medians of {args.runs} runs; "
                                "headless Chromium, software rendering, network off)\n\n" + table + "\n",
                                encoding="utf-8")
    (out / "viz.json").write_text(json.dumps({"command": command, "rows": rows}, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
