"""Publishing the static status page: from incident files to a folder, in one call for the window,
the command line and publish-after-send.

Collecting (core/publish/collect.py) reads what went out; the site, the feeds and the JSON summary are
made from that one `StatusPage`, and the tree is swapped in whole (core/publish/tree.py).
"""
from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from ..mail.archive import archive_folder
from ..publish.collect import CollectError, collect, incident_files
from ..publish.feeds import feed_files
from ..publish.site import site_files
from ..publish.summary import summary_files
from ..publish.tree import TreeError, write_tree
from ..render.renderer import Renderer
from ..settings import Settings


class PublishError(Exception):
    """Publishing did not happen (the old page stays as it was); one plain line."""


@dataclass(frozen=True)
class PublishResult:
    folder: Path
    incidents: int
    notices: int
    newest: datetime | None
    files: int
    changed: bool
    problems: tuple[str, ...]

    def summary(self) -> str:
        what = f"{self.incidents} incident{'s' if self.incidents != 1 else ''}, " \
               f"{self.notices} notice{'s' if self.notices != 1 else ''}"
        if self.newest is not None:
            what += f", newest {self.newest:%Y-%m-%d %H:%M} UTC"
        line = f"Status page {'published to' if self.changed else 'already up to date in'} {self.folder} ({what})."
        if self.problems:
            line += f"\n{len(self.problems)} notice{'s were' if len(self.problems) != 1 else ' was'} left out; see below."
        return line


def sources_for(settings: Settings, open_incident: Path | None) -> list[Path]:
    """Where the page's incidents come from: the settings' incidents folder, else the open incident's folder."""
    if settings.status_page_incidents.strip():
        return [Path(settings.status_page_incidents).expanduser()]
    if open_incident is not None:
        return [Path(open_incident).parent]
    return []


def _inside(path: Path, folder: Path) -> bool:
    return path == folder or folder in path.parents


def _refuse_unsafe_target(target: Path, sources: Sequence[Path], files: Sequence[Path]) -> None:
    """The page must never replace incident files or their sent archives."""
    for source in sources:
        if source.is_dir() and target == source.resolve():
            raise PublishError(f"cannot publish into {target}: it is the folder of the incident files")
    for file in files:
        file = file.resolve()
        if _inside(file, target):
            raise PublishError(f"cannot publish into {target}: it holds the incident file {file.name}")
        if _inside(target, archive_folder(file)):
            raise PublishError(f"cannot publish into {target}: it is inside the sent archive of {file.name}")


def publish_status_page(sources: Sequence[str | Path], folder: str | Path, settings: Settings, *,
                        url: str | None = None, title: str | None = None) -> PublishResult:
    """Write the status page of the incident files in `sources` (files or folders of them) into `folder`.
    `url`/`title` override the settings'. PublishError (one line) leaves the old page as it was."""
    if not str(folder).strip():
        raise PublishError("no status page folder given, and none is set in the settings")
    if not sources:
        raise PublishError("no incident files given, and no incidents folder is set in the settings")
    target = Path(os.path.abspath(Path(folder).expanduser())).resolve()
    paths = [Path(s).expanduser() for s in sources]
    try:
        files = incident_files(paths)
        _refuse_unsafe_target(target, paths, files)
        page, problems = collect(files, settings, Renderer(audiences=settings.audiences),
                                 url=url or "", title=title or "")
        tree = {**site_files(page), **feed_files(page), **summary_files(page)}
        changed = write_tree(target, tree)
    except (CollectError, TreeError) as exc:
        raise PublishError(str(exc)) from None
    except OSError as exc:
        raise PublishError(f"cannot publish into {target}: {exc.strerror or exc}") from None
    return PublishResult(folder=target, incidents=len(page.incidents),
                         notices=sum(len(i.updates) for i in page.incidents), newest=page.newest,
                         files=len(tree) + 1, changed=changed, problems=tuple(problems))


def publish_after_send(settings: Settings, incident_path: str | os.PathLike | None) -> list[str]:
    """After a notice went out to someone: publish the page again when the settings ask for it. The
    lines to add to what the send reports; a publish that fails is told there and never fails the send."""
    if not (settings.publish_after_send and settings.status_page_folder.strip() and incident_path):
        return []
    try:
        result = publish_status_page(sources_for(settings, Path(incident_path)), settings.status_page_folder,
                                     settings)
    except PublishError as exc:
        return [f"The status page was not published: {exc}"]
    except Exception as exc:  # noqa: BLE001 - the notice went out; a page that failed must not hide that
        return [f"The status page was not published: {type(exc).__name__}: {exc}"]
    return [result.summary(), *result.problems]
