"""Publishing the static status page: from incident files to a folder, in one call for the window,
the command line and publish-after-send.

Collecting (core/publish/collect.py) reads what went out; the site, the feeds and the JSON summary are
made from that one `StatusPage`, and the tree is swapped in whole (core/publish/tree.py).
"""
from __future__ import annotations

import json
import os
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from ..i18n import _, ngettext
from .. import os_errors
from ..mail.archive import archive_folder
from ..publish.collect import CollectError, collect, incident_files
from ..publish.feeds import feed_files
from ..publish.site import site_files
from ..publish.summary import summary_files
from ..publish.tree import TreeError, write_tree
from ..render.renderer import Renderer
from ..settings import Settings


class PublishError(Exception):
    """Publishing did not happen (the old page stays as it was); one plain line, and `details` (lines)
    when there is more to say, such as why each notice was left out."""

    def __init__(self, message: str, details: Sequence[str] = ()):
        super().__init__(message)
        self.details = tuple(details)


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
        what = ngettext("{count} incident", "{count} incidents", self.incidents).format(count=self.incidents) + \
            _(", ") + ngettext("{count} notice", "{count} notices", self.notices).format(count=self.notices)
        if self.newest is not None:
            what += _(", newest {time} UTC").format(time=f"{self.newest:%Y-%m-%d %H:%M}")
        line = (_("Status page published to {folder} ({what}).") if self.changed else
                _("Status page already up to date in {folder} ({what}).")).format(folder=self.folder, what=what)
        if self.problems:
            line += "\n" + ngettext("{count} thing to know, below.", "{count} things to know, below.",
                                     len(self.problems)).format(count=len(self.problems))
        return line


def sources_for(settings: Settings, open_incident: Path | None = None) -> list[Path]:
    """Where the page's incidents come from: the settings' incidents folder, and only that. Not the open
    incident's folder: a page published from one folder would drop every incident kept in another.
    (`open_incident` is accepted for the callers that have one; it does not widen the choice.)"""
    if settings.status_page_incidents.strip():
        return [Path(settings.status_page_incidents).expanduser()]
    return []


def _shown_now(target: Path) -> dict[str, str]:
    """Id -> name of the open incidents and the upcoming or active maintenance the page in `target` shows
    now (its api/v2/summary.json); {} when there is no page, or one that cannot be read."""
    try:
        summary = json.loads((target / "api" / "v2" / "summary.json").read_text(encoding="utf-8"))
        entries = list(summary.get("incidents", [])) + list(summary.get("scheduled_maintenances", []))
        return {str(e["id"]): str(e.get("name", "")) for e in entries if isinstance(e, dict) and "id" in e}
    except (OSError, ValueError, TypeError, AttributeError, KeyError):
        return {}


def _refuse_dropping_open(target: Path, published_ids: set[str]) -> None:
    """Customers who see an open incident on the page must never see it vanish because the page was
    published from another set of files: that reads as "it never happened"."""
    missing = {i: name for i, name in _shown_now(target).items() if i not in published_ids}
    if missing:
        names = ", ".join(repr(name) for name in list(missing.values())[:3])
        more = _(" and {count} more").format(count=len(missing) - 3) if len(missing) > 3 else ""
        raise PublishError(_("the page in {folder} shows {names}, still open, which none of the incident files "
                             "given holds; publish from the folder that has it (Settings → Status page → incidents "
                             "folder), or pass --allow-removing if it should go").format(
                                 folder=target, names=names + more))


def _inside(path: Path, folder: Path) -> bool:
    return path == folder or folder in path.parents


def _refuse_unsafe_target(target: Path, sources: Sequence[Path], files: Sequence[Path]) -> None:
    """The page must never replace incident files or their sent archives."""
    for source in sources:
        if source.is_dir() and target == source.resolve():
            raise PublishError(_("cannot publish into {folder}: it is the folder of the incident files").format(
                folder=target))
    for file in files:
        file = file.resolve()
        if _inside(file, target):
            raise PublishError(_("cannot publish into {folder}: it holds the incident file {file}").format(
                folder=target, file=file.name))
        if _inside(target, archive_folder(file)):
            raise PublishError(_("cannot publish into {folder}: it is inside the sent archive of {file}").format(
                folder=target, file=file.name))


def publish_status_page(sources: Sequence[str | Path], folder: str | Path, settings: Settings, *,
                        url: str | None = None, title: str | None = None,
                        renderer: Renderer | None = None, allow_removing: bool = False) -> PublishResult:
    """Write the status page of the incident files in `sources` (files or folders of them) into `folder`.
    `url`/`title` override the settings'. `renderer`: the user's (Services.renderer), so notices sent with
    their own templates are recognised as unchanged; default the shipped templates.
    An open incident or maintenance the page shows now but no file given holds is refused unless
    `allow_removing`. PublishError (one line) leaves the old page as it was."""
    if not str(folder).strip():
        raise PublishError(_("no status page folder given, and none is set in the settings"))
    if not sources:
        raise PublishError(_("no incident files given, and no incidents folder is set in the settings "
                             "(Settings → Status page, or status_page.incidents)"))
    target = Path(os.path.abspath(Path(folder).expanduser())).resolve()
    paths = [Path(s).expanduser() for s in sources]
    try:
        files = incident_files(paths)
        _refuse_unsafe_target(target, paths, files)
        page, problems = collect(files, settings, renderer or Renderer(audiences=settings.audiences),
                                 url=url or "", title=title or "")
        if not page.incidents and problems:
            # Notices went out, and not one can be published (their archives are missing, say): an empty
            # page would tell readers nothing happened. The reasons follow the one line.
            raise PublishError(_("none of the notices that went out could be read as sent (the reasons are "
                                 "below), so the page in {folder} is left as it was").format(folder=target),
                               details=problems)
        if not allow_removing:
            _refuse_dropping_open(target, {incident.id for incident in page.incidents})
        tree = {**site_files(page), **feed_files(page), **summary_files(page)}
        changed = write_tree(target, tree)
    except (CollectError, TreeError) as exc:
        raise PublishError(str(exc)) from None
    except OSError as exc:
        raise PublishError(_("cannot publish into {folder}: {reason}").format(
            folder=target, reason=os_errors.reason(exc))) from None
    if not page.incidents:  # an empty page is allowed (a new team), but never without a word
        problems = [_empty_page(paths, files), *problems]
    return PublishResult(folder=target, incidents=len(page.incidents),
                         notices=sum(len(i.updates) for i in page.incidents), newest=page.newest,
                         files=len(tree) + 1, changed=changed, problems=tuple(problems))


def _empty_page(paths: Sequence[Path], files: Sequence[Path]) -> str:
    """Why the page shows no incident, when nothing went wrong: no incident files, or nothing sent yet."""
    if not files:
        return _("there are no incident files (.outage) in {where}, so the page shows no incident").format(
            where=_(", ").join(str(p) for p in paths))
    return ngettext("none of the {count} incident file given has a notice that went out, so the page shows no "
                    "incident",
                    "none of the {count} incident files given has a notice that went out, so the page shows no "
                    "incident", len(files)).format(count=len(files))


def publish_after_send(settings: Settings, incident_path: str | os.PathLike | None,
                       renderer: Renderer | None = None) -> list[str]:
    """After a notice went out to someone: publish the page again when the settings ask for it. The
    lines to add to what the send reports; a publish that fails is told there and never fails the send."""
    if not (settings.publish_after_send and settings.status_page_folder.strip() and incident_path):
        return []
    try:
        result = publish_status_page(sources_for(settings, Path(incident_path)), settings.status_page_folder,
                                     settings, renderer=renderer)
    except PublishError as exc:
        return [_("The status page was not published: {reason}").format(reason=exc), *exc.details]
    except Exception as exc:  # noqa: BLE001 - the notice went out; a page that failed must not hide that
        return [_("The status page was not published: {reason}").format(reason=f"{type(exc).__name__}: {exc}")]
    return [result.summary(), *result.problems]
