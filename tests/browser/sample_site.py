"""The status page the browser tests and scripts/status-page-screenshots look at: every example incident
(examples/, really sent) published together — one open with an unsent draft, a resolved one with its
post-incident report, a completed maintenance, and a resolved one from an earlier month."""
from __future__ import annotations

import shutil
from html.parser import HTMLParser
from pathlib import Path

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"

# The organisation of the examples (scripts/story-examples' settings), with the page's address and name.
SETTINGS = {
    "own_names": ["Acme", "Acme Pay"],
    "components": ["Card payments", "Dashboard", "Payouts"],
    "status_page": {"url": "https://status.acme.example/", "title": "Acme Pay status"},
}


def publish_examples(work: Path) -> Path:
    """Copies the examples into `work` (publishing leaves them as they are, but a test never risks the
    originals) and publishes them into `work`/site, as `outagewriter publish` does; returns that folder."""
    from outagewriter.core.session.publishing import publish_status_page
    from outagewriter.core.settings import parse_settings

    incidents = work / "incidents"
    shutil.copytree(EXAMPLES, incidents)
    settings = parse_settings(SETTINGS)
    result = publish_status_page([incidents], work / "site", settings)
    if settings.problems or result.problems:
        raise RuntimeError("\n".join(settings.problems + result.problems))
    return result.folder


class _Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.hrefs: list[str] = []

    def handle_starttag(self, tag, attrs):
        href = dict(attrs).get("href")
        if tag == "a" and href:
            self.hrefs.append(href)


def _first_link(page: Path, into: str) -> Path:
    """The first page that `page` links to inside the folder `into`, as a reader would follow it."""
    links = _Links()
    links.feed(page.read_text(encoding="utf-8"))
    for href in links.hrefs:
        target = (page.parent / href.split("#")[0]).resolve()
        if target.parent.name == into and target.suffix == ".html" and target != page.resolve():
            return target
    raise LookupError(f"{page} links to no page in {into}/")


def pages(folder: Path) -> dict[str, list[Path]]:
    """Every page of the published folder by kind: the front page, each incident's page, the history,
    and each month of it."""
    found = {"front": [folder / "index.html"], "incident": sorted((folder / "incidents").glob("*.html")),
             "history": [folder / "history" / "index.html"],
             "month": sorted(p for p in (folder / "history").glob("*.html") if p.name != "index.html")}
    missing = [kind for kind, paths in found.items() if not paths or not all(p.is_file() for p in paths)]
    if missing:
        raise LookupError(f"{folder} has no {' and no '.join(missing)} page")
    return found


def first_incident(folder: Path) -> Path:
    """The incident page a reader reaches first from the front page (the open incident, when one is)."""
    return _first_link(folder / "index.html", "incidents")
