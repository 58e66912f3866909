"""Debian's Chromium, headless, driven through its own chromedriver: pages shown at a given width and colour
scheme, screenshots, and axe-core's accessibility check. Used by the browser tests and by
scripts/status-page-screenshots, so the README's pictures are taken exactly as the tests look at the page.

Selenium is always handed Debian's chromedriver and Chromium by path, so Selenium Manager never runs (it
would download a browser, and the CI machine reaches only PyPI, Debian, Maven Central and npm).
"""
from __future__ import annotations

import base64
import json
import re
from dataclasses import dataclass
from pathlib import Path

from selenium import webdriver
from selenium.webdriver.chrome.service import Service

REPO = Path(__file__).resolve().parents[2]
CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
INSTALL_HINT = "run scripts/install-system-packages test (Debian's chromium and chromium-driver)"
AXE_TAGS = ("wcag2a", "wcag2aa", "wcag21aa", "best-practice")


@dataclass(frozen=True)
class Viewport:
    name: str
    width: int
    height: int
    scale: float
    mobile: bool


DESKTOP = Viewport("desktop", 1280, 900, 1, False)
PHONE = Viewport("phone", 375, 812, 2, True)


def start() -> webdriver.Chrome:
    """A headless Chromium; fails with what to install when Debian's packages are missing."""
    missing = [str(p) for p in (CHROMIUM, CHROMEDRIVER) if not p.is_file()]
    if missing:
        raise RuntimeError(f"{' and '.join(missing)} not found: {INSTALL_HINT}")
    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    # --no-sandbox: the tests may run as root in a container, where Chromium's sandbox cannot start.
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                     "--hide-scrollbars", "--force-color-profile=srgb", "--lang=en-GB"):
        options.add_argument(argument)
    driver = webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=options)
    driver.set_script_timeout(120)  # axe-core takes a few seconds on a busy two-core machine
    return driver


def show(driver: webdriver.Chrome, url: str, viewport: Viewport, scheme: str) -> None:
    """Open `url` as a reader on `viewport` whose system prefers the `scheme` ("light" or "dark")."""
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
        "width": viewport.width, "height": viewport.height,
        "deviceScaleFactor": viewport.scale, "mobile": viewport.mobile})
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {
        "media": "screen", "features": [{"name": "prefers-color-scheme", "value": scheme}]})
    driver.get(url)


def screenshot(driver: webdriver.Chrome, viewport: Viewport, max_height: int | None = None) -> bytes:
    """The whole page as a PNG (at most `max_height` CSS pixels of it), at the viewport's width."""
    height = driver.execute_script("return document.documentElement.scrollHeight")
    if max_height:
        height = min(height, max_height)
    shot = driver.execute_cdp_cmd("Page.captureScreenshot", {
        "format": "png", "captureBeyondViewport": True,
        "clip": {"x": 0, "y": 0, "width": viewport.width, "height": height, "scale": 1}})
    return base64.b64decode(shot["data"])


def horizontal_overflow(driver: webdriver.Chrome) -> tuple[int, int]:
    """(document width, window width): a reader scrolls sideways when the first is larger."""
    return tuple(driver.execute_script(
        "return [document.documentElement.scrollWidth, window.innerWidth]"))


def axe_version() -> str:
    """The version scripts/fetch-axe pins, so tests and script can never disagree on it."""
    script = (REPO / "scripts" / "fetch-axe").read_text(encoding="utf-8")
    return re.search(r"^version=(\S+)$", script, re.MULTILINE).group(1)


def axe_source() -> str:
    path = REPO / ".cache" / "axe-core" / axe_version() / "axe.min.js"
    if not path.is_file():
        raise RuntimeError(f"{path} not found: run scripts/fetch-axe (scripts/test does)")
    return path.read_text(encoding="utf-8")


def axe_violations(driver: webdriver.Chrome, source: str) -> list[dict]:
    """axe-core's violations on the page as shown now (colour scheme and width included)."""
    run = (source + "\n;const done = arguments[arguments.length - 1];"
           "axe.run(document, {runOnly: {type: 'tag', values: %s}, resultTypes: ['violations']})"
           ".then(r => done(JSON.stringify(r.violations)), e => done(JSON.stringify({error: String(e)})));"
           % json.dumps(list(AXE_TAGS)))
    result = json.loads(driver.execute_async_script(run))
    if isinstance(result, dict):
        raise RuntimeError(f"axe-core failed: {result['error']}")
    return result


def describe(violations: list[dict]) -> str:
    """One block per rule: its id, impact and help, then each offending element's selector and why."""
    lines = []
    for v in violations:
        lines.append(f"{v['id']} ({v.get('impact')}): {v['help']} — {v['helpUrl']}")
        for node in v["nodes"]:
            target = " ".join(json.dumps(t) if not isinstance(t, str) else t for t in node["target"])
            summary = " ".join(node.get("failureSummary", "").split())
            lines.append(f"    {target}: {summary}")
    return "\n".join(lines)


def too_wide(driver: webdriver.Chrome, width: int) -> str:
    """The outermost elements reaching past `width` CSS pixels, named by tag, class and text."""
    return driver.execute_script("""
        const found = [];
        for (const e of document.body.querySelectorAll('*')) {
          if (e.getBoundingClientRect().right <= arguments[0] + 0.5) continue;
          if (found.some(f => f.contains(e))) continue;
          found.push(e);
        }
        return found.slice(0, 5).map(e => e.tagName.toLowerCase() + (e.className ? '.' + e.className : '')
          + ' "' + e.textContent.trim().replace(/\\s+/g, ' ').slice(0, 40) + '"').join(', ');""", width)
