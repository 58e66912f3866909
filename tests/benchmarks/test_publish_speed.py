"""Publishing the status page from 40 incidents (the README's four examples, 10 times over, each copy its
own incident): every file read, every sent notice checked against its archived message and rendered,
the HTML, feeds and JSON written into a new folder and swapped in; then the same publish again, which
finds nothing changed and writes nothing.
Run with `--benchmark-enable` for timings.
"""
from __future__ import annotations

import itertools
import json
import shutil
import uuid
from pathlib import Path

import pytest

from outagewriter.core.render.renderer import Renderer
from outagewriter.core.session.publishing import publish_status_page
from outagewriter.core.settings import Settings

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
COPIES = 10
SETTINGS = Settings(components=("Card payments", "Dashboard", "Payouts"), status_page_url="https://status.acme.example/")


@pytest.fixture(scope="module")
def incident_folders(tmp_path_factory) -> list[Path]:
    """10 folders each holding the four examples with their archives, under fresh incident ids."""
    root = tmp_path_factory.mktemp("incidents")
    sent = [source for source in sorted(EXAMPLES.glob("*.outage")) if source.with_suffix(".sent").is_dir()]
    folders = []
    for copy in range(COPIES):
        folder = root / f"team{copy:02d}"
        folder.mkdir()
        for source in sent:
            data = json.loads(source.read_text(encoding="utf-8"))
            data["incident"]["id"] = uuid.uuid5(uuid.NAMESPACE_URL, f"{folder.name}/{source.name}").hex
            (folder / source.name).write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
            shutil.copytree(source.with_suffix(".sent"), folder / source.with_suffix(".sent").name)
        folders.append(folder)
    return folders


def test_publish_40_incidents_time(benchmark, incident_folders, tmp_path):
    counter = itertools.count()
    renderer = Renderer()

    def setup():
        return (tmp_path / f"site{next(counter)}",), {}

    result = benchmark.pedantic(
        lambda site: publish_status_page(incident_folders, site, SETTINGS, renderer=renderer),
        setup=setup, rounds=3, iterations=1)
    assert result.incidents == COPIES * 4 and result.changed and not result.problems


def test_republish_unchanged_40_incidents_time(benchmark, incident_folders, tmp_path):
    site = tmp_path / "site"
    renderer = Renderer()
    publish_status_page(incident_folders, site, SETTINGS, renderer=renderer)
    result = benchmark.pedantic(lambda: publish_status_page(incident_folders, site, SETTINGS, renderer=renderer),
                                rounds=3, iterations=1)
    assert result.incidents == COPIES * 4 and not result.changed
