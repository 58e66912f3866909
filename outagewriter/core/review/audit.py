"""The incident's audit trail: every change of review state, appended to `incident.log`, kept in the file.

One entry per event, oldest first, never edited or removed by the app:

    {"event": "approved", "notice": "<notice id>", "who": "Petr Svoboda",
     "when": "2026-11-27T10:15:02Z", "hash": "<sha256 of the approved content>" | null,
     "comment": "fine to go" | null, "field": "summary" | null}

`hash` is the content hash (see review.content_hash) of what the event was about: what was approved,
what was in review, what was sent, what the notice had become when an approval was voided.
Pure data, no I/O; the file's JSON Schema checks the entries' shape when it is loaded.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ..i18n import N_, _
from ..incident.model import Incident, Notice
from ..incident.times import isoformat_utc, now_utc
from .textdiff import part_label

REVIEW_REQUESTED = "review-requested"
APPROVED = "approved"
VOIDED = "voided"
CHANGES_REQUESTED = "changes-requested"
SENT = "sent"
SELF_APPROVED = "self-approved"  # beside "approved" when the author approved their own notice
EVENTS = (REVIEW_REQUESTED, APPROVED, VOIDED, CHANGES_REQUESTED, SENT, SELF_APPROVED)

_WORDS = {  # translated where shown (describe)
    REVIEW_REQUESTED: N_("review requested by {who}"),
    APPROVED: N_("approved by {who}"),
    VOIDED: N_("approval void (changed after approval), noticed by {who}"),
    CHANGES_REQUESTED: N_("changes requested by {who}"),
    SENT: N_("sent by {who}"),
    SELF_APPROVED: N_("approved by its own author, {who}: self-approval is allowed in their settings"),
}
# A voided approval's comment, stored in English as written here (workflow.note_changes); translated where shown.
CHANGED = N_("changed: {parts}")
WHOLE_RECORD = N_("the approval record")  # what changed when no part of the notice did
# A voided approval's comment when an overwrite replaced the approval saved in the file (session.py).
REPLACED_IN_FILE = N_("the approval saved in the file was replaced when the file was overwritten")


@dataclass(frozen=True)
class LogEntry:
    event: str
    notice: str  # notice id
    who: str
    when: str  # UTC ISO 8601
    hash: str | None = None
    comment: str | None = None
    field: str | None = None
    number: int | None = None  # 1-based notice number in the incident, for display; not stored

    def describe(self, show_time: Callable[[str], str] = str, *, with_time: bool = True) -> str:
        """One line for a timeline: 'Notice 2: approved by Petr (2026-11-27T10:15:02Z): "fine"';
        `show_time` turns the stored UTC time into what the reader sees (the window: their zone).
        Without the time when the caller shows it itself (the incident timeline)."""
        words = _(_WORDS.get(self.event, self.event + " by {who}")).format(who=self.who)
        head = _("Notice {number}: ").format(number=self.number) if self.number else ""
        where = _(" on {field}").format(field=self.field) if self.field else ""
        said = _(': "{comment}"').format(comment=self._comment_shown()) if self.comment else ""
        when = _(" ({time})").format(time=show_time(self.when)) if with_time else ""
        return f"{head}{words}{where}{when}{said}"

    def _comment_shown(self) -> str:
        """The comment as typed; the program's own comment on a voided approval in the program's language."""
        prefix = CHANGED.split("{", 1)[0]
        if self.event == VOIDED and self.comment == REPLACED_IN_FILE:
            return _(REPLACED_IN_FILE)
        if self.event == VOIDED and self.comment.startswith(prefix):
            parts = self.comment[len(prefix):]
            if parts == WHOLE_RECORD:
                return _(CHANGED).format(parts=_(WHOLE_RECORD))
            return _(CHANGED).format(parts=_(", ").join(part_label(part) for part in parts.split(", ")))
        return self.comment

    def to_dict(self) -> dict:
        return {"event": self.event, "notice": self.notice, "who": self.who, "when": self.when,
                "hash": self.hash, "comment": self.comment, "field": self.field}


def append(incident: Incident, event: str, notice: Notice, who: str, *, hash: str | None = None,
           comment: str | None = None, field: str | None = None, when: str | None = None) -> LogEntry:
    if event not in EVENTS:
        raise ValueError(f"unknown audit event {event!r}")
    entry = LogEntry(event, notice.id, who, when or isoformat_utc(now_utc()), hash, comment or None, field)
    incident.log.append(entry.to_dict())
    return entry


def timeline(incident: Incident, notice: Notice | None = None) -> list[LogEntry]:
    """The log as entries, oldest first; only one notice's when given. Unknown keys are ignored."""
    numbers = {n.id: i for i, n in enumerate(incident.notices, start=1)}
    entries = []
    for raw in incident.log:
        if notice is not None and raw.get("notice") != notice.id:
            continue
        entries.append(LogEntry(
            event=raw.get("event", ""), notice=raw.get("notice", ""), who=raw.get("who", ""),
            when=raw.get("when", ""), hash=raw.get("hash"), comment=raw.get("comment"),
            field=raw.get("field"), number=numbers.get(raw.get("notice", "")),
        ))
    return entries
