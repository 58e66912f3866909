"""The status page published from the example incidents, in a real browser (Debian's headless Chromium):
the front page, the open incident's page, the history and one month of it, in light and dark, on a desktop
and on a phone. Each is screenshotted into the test's folder, must not need sideways scrolling on a phone,
must pass axe-core's WCAG 2.1 AA and best-practice rules in both colour schemes, and carries no script
(the page works without JavaScript).
"""
from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from PySide6.QtGui import QImage
from selenium.webdriver.common.by import By

import headless_chromium as chromium
import sample_site

SCHEMES = ("light", "dark")
VIEWPORTS = (chromium.DESKTOP, chromium.PHONE)
PAGES = ("front", "incident", "history", "month")


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> dict[str, Path]:
    """Page name → its file in the published folder."""
    return sample_site.pages(sample_site.publish_examples(tmp_path_factory.mktemp("status-page")))


def colours(png: bytes) -> Counter:
    """How often each colour occurs, on a grid of about 10,000 points of the picture."""
    image = QImage.fromData(png, "PNG")
    assert not image.isNull(), "the screenshot is not a PNG"
    step = max(1, int((image.width() * image.height() / 10_000) ** 0.5))
    return Counter(image.pixel(x, y) & 0xFFFFFF
                   for y in range(0, image.height(), step) for x in range(0, image.width(), step))


def luminance(rgb: int) -> float:
    """WCAG 2 relative luminance of a 0xRRGGBB colour."""
    def linear(c: int) -> float:
        s = c / 255
        return s / 12.92 if s <= 0.04045 else ((s + 0.055) / 1.055) ** 2.4
    return 0.2126 * linear(rgb >> 16 & 255) + 0.7152 * linear(rgb >> 8 & 255) + 0.0722 * linear(rgb & 255)


def problems(browser, paths: list[Path], viewport: chromium.Viewport, scheme: str, look) -> str:
    """Shows each page in turn and asks `look(path)` what is wrong with it (None: nothing); one line each."""
    found = []
    for path in paths:
        chromium.show(browser, path.as_uri(), viewport, scheme)
        problem = look(path)
        if problem:
            found.append(f"{path.parent.name}/{path.name}: {problem}")
    return "\n".join(found)


@pytest.mark.parametrize("viewport", VIEWPORTS, ids=lambda v: v.name)
@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("kind", PAGES)
def test_pages_are_drawn_in_the_readers_colour_scheme(browser, site, tmp_path, kind, scheme, viewport):
    def look(path):
        png = chromium.screenshot(browser, viewport)
        (tmp_path / f"{path.parent.name}-{path.stem}-{scheme}-{viewport.name}.png").write_bytes(png)
        seen = colours(png)
        background = luminance(seen.most_common(1)[0][0])
        if len(seen) < 8:
            return f"looks blank: {len(seen)} colours"
        if (background < 0.2) != (scheme == "dark"):
            return f"is not {scheme} (background luminance {background:.2f})"
        return None

    wrong = problems(browser, site[kind], viewport, scheme, look)
    assert not wrong, f"in {scheme} on a {viewport.name}:\n{wrong}"


@pytest.mark.parametrize("kind", PAGES)
def test_pages_fit_a_phone_without_sideways_scrolling(browser, site, kind):
    def look(path):
        document, window = chromium.horizontal_overflow(browser)
        # Without <meta name="viewport" content="width=device-width"> a phone lays the page out 980 pixels
        # wide and shrinks it; with something too wide in it, it zooms out to fit. Either way: tiny text.
        if window != chromium.PHONE.width or document > window:
            return (f"laid out {max(document, window)} pixels wide; too wide: "
                    + chromium.too_wide(browser, chromium.PHONE.width))
        return None

    wrong = problems(browser, site[kind], chromium.PHONE, "light", look)
    assert not wrong, f"on a {chromium.PHONE.width}-pixel phone:\n{wrong}"


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("kind", PAGES)
def test_pages_pass_axe_accessibility_rules(browser, axe, site, kind, scheme):
    def look(path):
        violations = chromium.axe_violations(browser, axe)
        return "\n" + chromium.describe(violations) if violations else None

    found = problems(browser, site[kind], chromium.DESKTOP, scheme, look)
    assert not found, f"axe-core in {scheme}:\n{found}"


@pytest.mark.parametrize("kind", PAGES)
def test_pages_have_no_script(browser, site, kind):
    def look(path):
        scripts = browser.find_elements(By.TAG_NAME, "script")
        return f"{len(scripts)} script element(s); the page must work without JavaScript" if scripts else None

    assert not problems(browser, site[kind], chromium.DESKTOP, "light", look)


def test_published_folder_holds_no_javascript(site):
    folder = site["front"][0].parent
    assert not [p for p in folder.rglob("*") if p.suffix in (".js", ".mjs")]


BADGES = """return [...document.querySelectorAll('.incident-link')].map(line => {
  const [title, badge] = [line.querySelector('a'), line.querySelector('.state')].map(e => e.getBoundingClientRect());
  return {title: line.querySelector('a').textContent, line: line.getBoundingClientRect().left,
          titleRight: title.right, titleBottom: title.bottom, badgeLeft: badge.left, badgeTop: badge.top};
});"""


@pytest.mark.parametrize("kind", ("front", "month"))
def test_a_state_badge_sits_beside_its_title_or_at_the_start_of_the_next_line(browser, site, kind):
    def look(path):
        wrong = []
        for entry in browser.execute_script(BADGES):
            beside = entry["badgeTop"] < entry["titleBottom"] and entry["badgeLeft"] >= entry["titleRight"]
            if not beside and abs(entry["badgeLeft"] - entry["line"]) > 0.5:
                wrong.append(f"{entry['title']}: badge {entry['badgeLeft'] - entry['line']:.1f} pixels in")
        return "; ".join(wrong) or None

    wrong = problems(browser, site[kind], chromium.PHONE, "light", look)
    assert not wrong, f"on a {chromium.PHONE.width}-pixel phone:\n{wrong}"
