"""The published status page in a real browser (Debian's headless Chromium): the front page, an incident's
page and the history page, in light and dark, on a desktop and on a phone. Each is screenshotted into the
test's folder, must not need sideways scrolling on a phone, must pass axe-core's WCAG 2.1 AA and
best-practice rules in both colour schemes, and carries no script (the page works without JavaScript).
"""
from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from PySide6.QtGui import QImage
from selenium.webdriver.common.by import By

import headless_chromium as chromium
from sample_site import PAGES, publish_sample

SCHEMES = ("light", "dark")
VIEWPORTS = (chromium.DESKTOP, chromium.PHONE)


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> dict[str, str]:
    """Page name → file:// URL of the published sample status page."""
    return publish_sample(tmp_path_factory.mktemp("site"))


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


@pytest.mark.parametrize("viewport", VIEWPORTS, ids=lambda v: v.name)
@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("page", PAGES)
def test_page_is_drawn_in_the_readers_colour_scheme(browser, site, tmp_path, page, scheme, viewport):
    chromium.show(browser, site[page], viewport, scheme)
    png = chromium.screenshot(browser, viewport)
    (tmp_path / f"{page}-{scheme}-{viewport.name}.png").write_bytes(png)

    seen = colours(png)
    assert len(seen) >= 8, f"the {page} page looks blank in {scheme} on a {viewport.name}: {len(seen)} colours"
    background = luminance(seen.most_common(1)[0][0])
    if scheme == "dark":
        assert background < 0.2, f"the {page} page ignores a reader's dark scheme (background {background:.2f})"
    else:
        assert background > 0.6, f"the {page} page is not light in the light scheme (background {background:.2f})"


@pytest.mark.parametrize("page", PAGES)
def test_page_fits_a_phone_without_sideways_scrolling(browser, site, page):
    chromium.show(browser, site[page], chromium.PHONE, "light")
    document, window = chromium.horizontal_overflow(browser)
    # Without <meta name="viewport" content="width=device-width"> a phone lays the page out 980 pixels wide
    # and shrinks it: nothing scrolls, but nothing can be read either.
    assert window == chromium.PHONE.width, f"the {page} page is laid out {window} pixels wide on a phone"
    assert document <= window, f"the {page} page is {document} pixels wide on a {window}-pixel phone"


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("page", PAGES)
def test_page_passes_axe_accessibility_rules(browser, axe, site, page, scheme):
    chromium.show(browser, site[page], chromium.DESKTOP, scheme)
    violations = chromium.axe_violations(browser, axe)
    assert not violations, f"axe-core on the {page} page in {scheme}:\n{chromium.describe(violations)}"


@pytest.mark.parametrize("page", PAGES)
def test_page_has_no_script(browser, site, page):
    chromium.show(browser, site[page], chromium.DESKTOP, "light")
    scripts = browser.find_elements(By.TAG_NAME, "script")
    assert not scripts, f"the {page} page carries {len(scripts)} script element(s); it must work without JavaScript"


def test_published_folder_holds_no_javascript(site):
    folder = Path(site["front"].removeprefix("file://")).parent
    assert not [p for p in folder.rglob("*") if p.suffix in (".js", ".mjs")]
