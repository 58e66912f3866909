"""The shipped templates' compiled code is kept between runs in Jinja's private cache folder; a cache
that is damaged, cannot be written or is not private changes nothing but the time taken, and code
compiled under other options is never run."""
from __future__ import annotations

import os
import shutil
import tempfile

import jinja2
import pytest

from outagewriter.core.render.renderer import Renderer
from outagewriter.core.render.template_cache import use_template_cache


@pytest.fixture
def temp(tmp_path, monkeypatch):
    """The system's temporary folder, where Jinja makes its private cache folder."""
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    return tmp_path / f"_jinja2-cache-{os.getuid()}"


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


def test_a_second_process_reuses_the_compiled_templates(temp, incident, compiles):
    first = Renderer().render(incident, incident.notices[-1])
    assert compiles, "the first render compiled nothing"
    assert [p.name for p in temp.iterdir()] and all(p.name.startswith("__outagewriter_") for p in temp.iterdir())
    assert oct(temp.stat().st_mode & 0o777) == "0o700"
    compiles.clear()
    again = Renderer().render(incident, incident.notices[-1])  # a new environment, as a new process has
    assert compiles == []
    assert again == first


def test_a_damaged_cache_is_compiled_again(temp, incident, compiles):
    expected = Renderer().render(incident, incident.notices[-1])
    for entry in temp.iterdir():
        entry.write_bytes(b"not bytecode")
    compiles.clear()
    assert Renderer().render(incident, incident.notices[-1]) == expected
    assert compiles


def test_a_cache_folder_that_is_a_link_is_not_used(temp, tmp_path, incident, compiles):
    """Compiled templates are run as code: Jinja trusts only a real folder of the user's, mode 0700."""
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    temp.symlink_to(elsewhere)
    Renderer().render(incident, incident.notices[-1])
    assert list(elsewhere.iterdir()) == []
    compiles.clear()
    Renderer().render(incident, incident.notices[-1])
    assert compiles  # compiled again, not read from behind the link


def test_a_cache_that_cannot_be_written_costs_only_time(temp, incident):
    renderer = Renderer()
    shutil.rmtree(temp)  # taken away after start-up (a cleaner, another program)
    rendered = renderer.render(incident, incident.notices[-1])
    assert "Card payments" in rendered.text


def test_code_compiled_under_other_options_is_not_run(temp, tmp_path):
    """The options are compiled into the code, not into Jinja's key: they are in the file's name."""
    (tmp_path / "t").mkdir()
    (tmp_path / "t" / "x.txt").write_text("{% if true %}\nyes\n{% endif %}\nend", encoding="utf-8")

    def render(trim: bool) -> str:
        env = jinja2.Environment(loader=jinja2.FileSystemLoader(tmp_path / "t"), trim_blocks=trim)
        use_template_cache(env)
        return env.get_template("x.txt").render()

    assert render(True) == "yes\nend"
    assert render(False) == "\nyes\n\nend"
