"""Labels, evidence and article titles holding script reach build/graph.html as text: a real
`kg build` on a workspace holding the payloads, then the page in headless Chromium."""
from __future__ import annotations

import json
import time

import pytest

PAYLOADS = [
    "<script>window.__pwned='script'</script>",
    "<img src=x onerror=\"window.__pwned='onerror'\">",
    "</script><script>window.__pwned='close-script'</script>",
    "<svg onload=\"window.__pwned='svg'\"></svg>",
    "javascript:window.__pwned='link'",
]
R = "https://w3id.org/ddkg/resource/"


def _turtle_string(text: str) -> str:
    return json.dumps(text)  # a JSON string is a valid Turtle string here (no \u escapes needed)


def write_hostile_workspace(ws) -> None:
    people = "".join(
        f"<{R}person/pwned-{i}> a <https://w3id.org/ddkg/ontology#Person> ;\n"
        f"    <http://www.w3.org/2000/01/rdf-schema#label> {_turtle_string('pwned ' + p)} ;\n"
        f"    <https://w3id.org/ddkg/ontology#citizenOf> <{R}country/AZE> .\n"
        for i, p in enumerate(PAYLOADS))
    (ws / "seeds" / "curated" / "zz-pwned.ttl").write_text(people, encoding="utf-8")
    (ws / "seeds" / "articles" / "zz-pwned.txt").write_text(
        f"date: 2021-10-09\ntitle: pwned {PAYLOADS[2]}\nurl: {PAYLOADS[4]}\n\n"
        f"Defence Minister Zakir Hasanov has received Turkey’s military attaché Major General Zakaria Yalcin "
        f"to discuss {PAYLOADS[1]} and {PAYLOADS[0]}.\n", encoding="utf-8")


@pytest.mark.browser
def test_hostile_html_payloads_shown_as_text(kg_cli, workspace_copy, tmp_path):
    from selenium import webdriver
    from selenium.webdriver.chrome.options import Options
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.by import By

    write_hostile_workspace(workspace_copy)
    code, out, err = kg_cli("build", "-w", str(workspace_copy), "-q", "--allow-violations")
    assert code in (0, 1) and "Traceback" not in out + err, err
    page = workspace_copy / "build" / "graph.html"
    html = page.read_text(encoding="utf-8")
    assert "window.__pwned" in html  # the payloads are in the page (as escaped data)
    options = Options()
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--no-first-run", f"--user-data-dir={tmp_path / 'chrome-profile'}"):
        options.add_argument(flag)
    options.binary_location = "/usr/bin/chromium"
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    try:
        driver.get(page.as_uri())
        deadline = time.monotonic() + 20
        while driver.execute_script("return window.__kgReady === undefined") and time.monotonic() < deadline:
            time.sleep(0.1)
        assert driver.execute_script("return window.__kgReady !== undefined"), "the page never drew"
        def find(index=None):
            search = driver.find_element(By.ID, "search")
            search.clear()
            search.send_keys("pwned")
            time.sleep(0.3)
            return driver.find_elements(By.CSS_SELECTOR, "#search-results li")
        results = find()
        shown = " ".join(r.text for r in results)
        for index in range(min(len(results), len(PAYLOADS))):
            find()[index].click()
            time.sleep(0.2)
            shown += " " + driver.find_element(By.ID, "details-body").text
        assert driver.execute_script("return typeof window.__pwned") == "undefined", \
            driver.execute_script("return window.__pwned")
        assert not driver.find_elements(By.CSS_SELECTOR, "#search-results img, #details-body img, "
                                                         "#details-body svg, a[href^='javascript:']")
        for payload in PAYLOADS[:4]:
            assert "pwned " + payload in shown, shown  # displayed as the very text, tags and all
    finally:
        driver.quit()
