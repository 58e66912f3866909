"""One headless Chromium for the browser tests, and the status page they look at."""
from __future__ import annotations

import pytest

import headless_chromium


@pytest.fixture(scope="module")  # not the session: Chromium's few hundred megabytes go when these tests end
def browser():
    driver = headless_chromium.start()
    yield driver
    driver.quit()


@pytest.fixture(scope="session")
def axe() -> str:
    return headless_chromium.axe_source()
