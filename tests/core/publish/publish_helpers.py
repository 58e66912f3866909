"""The status page's tests: real incident files (the shipped examples with their sent archives), the
command run as a user runs it, and the tree as written on disk, parsed."""
from __future__ import annotations

import json
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest

from outagewriter import cli

EXAMPLES = Path(__file__).resolve().parents[3] / "examples"
STORY, MAINTENANCE = "card-payments-story", "database-upgrade"


def copy_example(name: str, folder: Path) -> Path:
    """The example incident and its .sent archive, copied into `folder`."""
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copy(EXAMPLES / f"{name}.outage", folder)
    shutil.copytree(EXAMPLES / f"{name}.sent", folder / f"{name}.sent")
    return folder / f"{name}.outage"


def edit_file(path: Path, change) -> None:
    """Change an incident file's JSON as another tool (or a hand) would."""
    data = json.loads(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")


def open_incident(folder: Path, name: str = "open-payments") -> Path:
    """An incident still open: the story's first two sent notices (initial, update) under a new id."""
    source = copy_example(STORY, folder / "_source")
    path = folder / f"{name}.outage"
    shutil.copytree(folder / "_source" / f"{STORY}.sent", folder / f"{name}.sent")
    data = json.loads(source.read_text(encoding="utf-8"))
    data["notices"] = data["notices"][:2]
    data["incident"]["id"] = name
    data["incident"]["times"] = {k: v for k, v in data["incident"]["times"].items() if k in ("started", "detected")}
    for notice in data["notices"]:
        notice["sent"]["archive"] = notice["sent"]["archive"].replace(f"{STORY}.sent/", f"{name}.sent/")
    data["log"] = []
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
    shutil.rmtree(folder / "_source")
    return path


@pytest.fixture
def incidents(tmp_path) -> Path:
    """A folder holding the two example incidents (a resolved incident, a completed maintenance)."""
    folder = tmp_path / "incidents"
    copy_example(STORY, folder)
    copy_example(MAINTENANCE, folder)
    return folder


@pytest.fixture
def config(tmp_path, monkeypatch) -> Path:
    """The user's configuration folder, with the organisation's components and name."""
    folder = tmp_path / "config"
    folder.mkdir()
    (folder / "settings.json").write_text(json.dumps(
        {"own_names": ["Acme"], "components": ["Card payments", "Dashboard", "Payouts", "API"]}), encoding="utf-8")
    monkeypatch.setenv("OUTAGEWRITER_CONFIG_DIR", str(folder))
    return folder


@pytest.fixture
def publish(config, capsys):
    """`outagewriter publish ARGS...` through the command line's main(): (exit code, stdout, stderr)."""
    def run(*args):
        code = cli.main(["publish", *map(str, args)])
        out = capsys.readouterr()
        return code, out.out, out.err
    return run


def tree(folder: Path) -> dict[str, bytes]:
    """Every file under `folder` (relative POSIX path -> bytes)."""
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


class Page(HTMLParser):
    """A page as a reader's tools see it: its elements in order, and its visible text."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict]] = []
        self.texts: list[str] = []
        self.feed(html)
        self.close()

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, dict(attrs)))

    def handle_data(self, data):
        self.texts.append(data)

    @property
    def text(self) -> str:
        return " ".join(" ".join(self.texts).split())

    def all(self, tag: str, **attrs) -> list[dict]:
        return [a for t, a in self.elements if t == tag and all(a.get(k) == v for k, v in attrs.items())]

    def headings(self) -> list[int]:
        return [int(t[1]) for t, _a in self.elements if len(t) == 2 and t[0] == "h" and t[1].isdigit()]
