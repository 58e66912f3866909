"""The shipped templates' compiled code is kept in the cache folder between runs, and a cache that
is damaged or cannot be written changes nothing but the time taken."""
from __future__ import annotations

import shutil

import jinja2
import pytest

from outagewriter.core.render.renderer import Renderer


@pytest.fixture
def state(tmp_path, monkeypatch):
    monkeypatch.setenv("OUTAGEWRITER_STATE_DIR", str(tmp_path / "state"))
    return tmp_path / "state"


@pytest.fixture
def compiles(monkeypatch):
    """How many templates Jinja compiled from source."""
    count = []
    original = jinja2.Environment.compile

    def counting(self, *args, **kwargs):
        count.append(args[1] if len(args) > 1 else kwargs.get("name"))
        return original(self, *args, **kwargs)

    monkeypatch.setattr(jinja2.Environment, "compile", counting)
    return count


def test_a_second_process_reuses_the_compiled_templates(state, incident, compiles):
    first = Renderer().render(incident, incident.notices[-1])
    assert compiles, "the first render compiled nothing"
    assert list((state / "cache" / "templates").iterdir())
    compiles.clear()
    again = Renderer().render(incident, incident.notices[-1])  # a new environment, as a new process has
    assert compiles == []
    assert again == first


def test_a_damaged_cache_is_compiled_again(state, incident, compiles):
    expected = Renderer().render(incident, incident.notices[-1])
    for entry in (state / "cache" / "templates").iterdir():
        entry.write_bytes(b"not bytecode")
    compiles.clear()
    assert Renderer().render(incident, incident.notices[-1]) == expected
    assert compiles


def test_a_cache_folder_that_cannot_be_made_costs_only_time(state, incident):
    state.mkdir(parents=True)
    (state / "cache").write_text("a file where the folder should be")
    rendered = Renderer().render(incident, incident.notices[-1])
    assert "Card payments" in rendered.text


def test_a_cache_that_cannot_be_written_costs_only_time(state, incident):
    renderer = Renderer()
    shutil.rmtree(state / "cache")  # taken away after start-up (a cleaner, another program)
    rendered = renderer.render(incident, incident.notices[-1])
    assert "Card payments" in rendered.text


def test_a_cache_folder_others_can_write_to_is_not_used(state, incident, compiles):
    """Compiled templates are run as code: a folder open to the group or the world is not trusted."""
    folder = state / "cache" / "templates"
    folder.mkdir(parents=True)
    folder.chmod(0o777)
    Renderer().render(incident, incident.notices[-1])
    assert list(folder.iterdir()) == []
    compiles.clear()
    Renderer().render(incident, incident.notices[-1])
    assert compiles  # compiled again, not read from the open folder
