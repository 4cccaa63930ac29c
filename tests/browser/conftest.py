"""Headless Chromium (Debian's /usr/bin/chromium) driven by Selenium, with the network cut off.

These tests must run in CI: a missing browser fails them with a message, it does not skip them.
"""
from __future__ import annotations

import json
import tempfile
import time
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
ARGS = ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run", "--disable-sync", "--window-size=1400,900")


class Page:
    """One browser tab that loads local pages offline and records every request it makes."""

    def __init__(self, driver) -> None:
        self.driver = driver

    def open(self, path: Path, timeout: float = 20.0) -> None:
        self.driver.get_log("performance")          # drop what came before
        self.driver.get(path.resolve().as_uri())
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.js("return window.__kgReady || window.__kgError || null"):
                return
            time.sleep(0.05)
        raise AssertionError(f"{path} did not draw within {timeout} s; console: {self.console()}")

    def js(self, script: str, *args):
        return self.driver.execute_script(script, *args)

    def console(self) -> list[dict]:
        return self.driver.get_log("browser")

    def requests(self) -> list[str]:
        urls = []
        for entry in self.driver.get_log("performance"):
            message = json.loads(entry["message"])["message"]
            if message.get("method") == "Network.requestWillBeSent":
                urls.append(message["params"]["request"]["url"])
        return urls


@pytest.fixture(scope="session")
def chromium():
    if not CHROMIUM.exists() or not CHROMEDRIVER.exists():
        pytest.fail(f"browser tests need {CHROMIUM} and {CHROMEDRIVER}: "
                    "apt-get install -y chromium chromium-driver (.ci/run does)", pytrace=False)
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    profile = tempfile.mkdtemp(prefix="kg-chromium-")
    for arg in ARGS + (f"--user-data-dir={profile}",):
        options.add_argument(arg)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
    driver = webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=options)
    driver.execute_cdp_cmd("Network.enable", {})
    driver.execute_cdp_cmd("Network.emulateNetworkConditions", {
        "offline": True, "latency": 0, "downloadThroughput": 0, "uploadThroughput": 0})
    yield driver
    driver.quit()


@pytest.fixture
def page(chromium) -> Page:
    return Page(chromium)
