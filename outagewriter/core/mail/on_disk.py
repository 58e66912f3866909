"""Recording a send in the incident file as it is on disk now, never over anyone else's changes.

A send runs for a while; meanwhile others may change the file (the next update drafted with `add`,
a comment). Saving the sender's whole in-memory copy after each batch would erase that, so each
save reloads the file, puts in only what the send changed (the notice's `sent` record and the
send's own log entries), and saves only if the file is still as just read (`save_checked`);
if someone saved in between, it reads again.
"""
from __future__ import annotations

import copy
import time
from pathlib import Path

from ..i18n import _
from ..incident.model import Incident, Notice
from ..storage import conflicts, fileformat

ROUNDS = 50  # a competing save takes milliseconds; this many clashes in a row means something is wrong


class RecordNotSaved(Exception):
    """The send's record could not be put into the file; the message names a copy that holds it."""


def merge_send_record(path: str | Path, incident: Incident, notice: Notice, new_log: list[dict]) -> tuple[Incident, str | None]:
    """Put `notice.sent` and `new_log` into the file on disk; returns the saved incident and, if the
    notice itself was edited on disk meanwhile, a note naming the copy that keeps that edit."""
    path = Path(path)
    for _round in range(ROUNDS):
        try:
            disk, stamp = conflicts.load_with_stamp(path)
        except fileformat.IncidentFileError as exc:
            kept = conflicts.save_copy(incident, path, _("send record"))
            raise RecordNotSaved(_("{problem}; the record of who got the notice was saved as {copy}: put that "
                                   "file in its place before sending again").format(problem=exc, copy=kept.name)) from None
        twin = next((n for n in disk.notices if n.id == notice.id), None)
        note = None
        if twin is None:
            disk.notices.append(twin := copy.deepcopy(notice))
        elif twin.fields != notice.fields:  # edited before the send was recorded: the file keeps what went out
            kept = conflicts.save_copy(disk, path, _("edited while sending"))
            note = _("The notice was edited while it was being sent; that edited version was saved as {copy}.").format(
                copy=kept.name)
            twin.fields, twin.review = dict(notice.fields), copy.deepcopy(notice.review)
        twin.sent = copy.deepcopy(notice.sent)
        for entry in new_log:
            if entry not in disk.log:
                disk.log.append(dict(entry))
        try:
            conflicts.save_checked(disk, path, stamp)
            return disk, note
        except conflicts.ConflictError:
            time.sleep(0.02)
    kept = conflicts.save_copy(incident, path, _("send record"))
    raise RecordNotSaved(_("{file} kept changing while the send was being recorded; the record of who got the "
                           "notice was saved as {copy}: put that file in its place before sending again").format(
                               file=path.name, copy=kept.name))
