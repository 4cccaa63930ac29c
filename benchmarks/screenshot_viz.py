"""Take docs/graph-seed.png: the seed graph's page in headless Chromium, offline.

    kg build && python benchmarks/screenshot_viz.py [build/graph.html] [docs/graph-seed.png]

Opens the page, selects "Zakir Hasanov" through the search box (so the details panel shows
his post and the evidence sentence), and saves a 1400x900 screenshot.
"""
from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_viz import open_browser  # noqa: E402


def main() -> None:
    page = Path(sys.argv[1] if len(sys.argv) > 1 else "build/graph.html")
    out = Path(sys.argv[2] if len(sys.argv) > 2 else "docs/graph-seed.png")
    driver = open_browser()
    try:
        driver.get(page.resolve().as_uri())
        for _ in range(200):
            if driver.execute_script("return window.__kgReady || null"):
                break
            time.sleep(0.05)
        driver.execute_script("window.kg.focus(window.kg.data.nodes.filter(function (n) {"
                              " return n.l === 'Zakir Hasanov'; })[0].id)")
        driver.execute_script("window.kg.network.fit({animation: false})")
        time.sleep(0.5)
        out.parent.mkdir(parents=True, exist_ok=True)
        driver.save_screenshot(str(out))
        print(f"wrote {out}")
    finally:
        driver.quit()


if __name__ == "__main__":
    main()
