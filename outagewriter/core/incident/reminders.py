"""The promised next update of an incident, and how close it is: the reminders' rules.

Every notice promises its next update. The promise that counts is the one in the newest SENT notice:
a later sent notice replaces it, a draft does not (until it is sent, readers only have the old one).
"When the situation changes" and an empty promise set no time, so nothing can fall due; a resolution
without a post-incident date is where an incident ends. Everything here is derived from the incident
alone and the clock is passed in, so the window, the command line and a restart all agree.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import datetime, timedelta

from ..i18n import _, active_language
from ..safe_text import visible
from .model import Incident
from .times import TimeError, ZonedTime, month_day_ja, parse_next_update

UPCOMING, DUE_SOON, OVERDUE = "upcoming", "due-soon", "overdue"
STATES = (UPCOMING, DUE_SOON, OVERDUE)
# States the user is told about (banner, desktop notification); an upcoming promise is only listed.
REMINDED = (DUE_SOON, OVERDUE)
NEXT_KIND = {"resolution": "post-incident", "post-incident": "post-incident", "maintenance": "maintenance"}


@dataclass(frozen=True)
class Promise:
    """A sent notice's timed next-update promise."""

    incident_id: str
    title: str
    number: int  # the notice that made the promise, 1 is the first
    notice_id: str
    when: ZonedTime
    kind: str = "update"  # the promising notice's kind
    updates_sent: int = 0  # update notices up to the promising one: the subject numbers updates alone

    @property
    def next_number(self) -> int:
        """The number the promised notice will have in the notice list."""
        return self.number + 1

    @property
    def next_update_number(self) -> int:
        """"Update N" as the promised update's subject will say it."""
        return self.updates_sent + 1

    @property
    def next_kind(self) -> str:
        """What the promised notice is: a resolution promises the post-incident report, a maintenance
        notice the next stage of the maintenance, anything else an update."""
        return NEXT_KIND.get(self.kind, "update")


@dataclass(frozen=True)
class Reminder:
    promise: Promise
    state: str  # UPCOMING, DUE_SOON or OVERDUE
    minutes: int  # until the promised time (UPCOMING, DUE_SOON, rounded up) or since it (OVERDUE, rounded down)

    @property
    def key(self) -> tuple[str, str, str]:
        """What a reminder is told once for: this promise in this state."""
        return (self.promise.incident_id, self.promise.notice_id, self.state)


class PromiseError(ValueError):
    """A sent notice's promise that cannot be read (a file written elsewhere); the message says why."""


def promise_of(incident: Incident) -> Promise | None:
    """The newest sent notice's timed promise; None when nothing was sent or it set no time."""
    sent = [number for number, notice in enumerate(incident.notices, start=1) if notice.is_sent]
    if not sent:
        return None
    notice = incident.notices[sent[-1] - 1]
    text = notice.fields.get("next_update", "").strip()
    if not text:
        return None
    try:
        promise = parse_next_update(text)
    except TimeError as exc:
        raise PromiseError(_("notice {number}: next update {text!r}: {problem}").format(
            number=sent[-1], text=text, problem=exc)) from None
    if promise.on_change:
        return None
    updates = sum(1 for earlier in incident.notices[: sent[-1]] if earlier.kind == "update")
    return Promise(incident.id, incident.title, sent[-1], notice.id, promise.when, notice.kind, updates)


def state_at(promise: Promise, now: datetime, before_minutes: float) -> Reminder:
    """How the promise stands at `now` (aware): OVERDUE from the promised minute on, DUE_SOON within
    `before_minutes` of it, UPCOMING before that."""
    left = promise.when.utc - now
    if left <= timedelta(0):
        return Reminder(promise, OVERDUE, int(-left.total_seconds() // 60))
    minutes = math.ceil(left.total_seconds() / 60)
    state = DUE_SOON if left <= timedelta(minutes=before_minutes) else UPCOMING
    return Reminder(promise, state, minutes)


def reminder_for(incident: Incident, now: datetime, before_minutes: float) -> Reminder | None:
    promise = promise_of(incident)
    return None if promise is None else state_at(promise, now, before_minutes)


# ---- in words -------------------------------------------------------------------------------

def duration_text(minutes: int) -> str:
    """'12 min', '2 h 5 min', '3 d 4 h'; in Japanese '12分', '2時間5分', '3日4時間'."""
    if minutes < 60:
        return _("{minutes} min").format(minutes=minutes)
    hours, rest = divmod(minutes, 60)
    if hours < 24:
        return (_("{hours} h {minutes} min").format(hours=hours, minutes=rest) if rest
                else _("{hours} h").format(hours=hours))
    days, hours = divmod(hours, 24)
    return _("{days} d {hours} h").format(days=days, hours=hours) if hours else _("{days} d").format(days=days)


def promised_time_text(when: ZonedTime, now: datetime, *, with_utc: bool = True) -> str:
    """'15:00 CET (14:00 UTC)'; with the day ('Tue 1 Dec 15:00 CET …') when it is not today there.
    In Japanese as times.format_zoned_ja writes times: '15:00 CET（14:00 UTC）', '12月1日（火）15:00 CET'."""
    local = when.moment
    other_day = local.date() != now.astimezone(local.tzinfo).date()
    if active_language() == "ja":
        text = f"{month_day_ja(local) if other_day else ''}{local:%H:%M} {when.zone_label()}"
        if with_utc and local.utcoffset():
            utc = when.utc
            text += f"（{'' if utc.date() == local.date() else month_day_ja(utc)}{utc:%H:%M} UTC）"
        return text
    day = f"{local:%a} {local.day} {local:%b} " if other_day else ""
    text = f"{day}{local:%H:%M} {when.zone_label()}"
    if with_utc and local.utcoffset():
        text += f" ({when.utc:%H:%M} UTC)"
    return text


def _promised_notice(promise: Promise) -> str:
    """'Update 2 for Card payments failing', as the reminder's sentence begins."""
    title = promise.title
    if promise.next_kind == "update":
        number = promise.next_update_number
        return (_("Update {number} for {title}").format(number=number, title=title) if title
                else _("Update {number} for this incident").format(number=number))
    if promise.next_kind == "post-incident":
        return (_("The post-incident report for {title}").format(title=title) if title
                else _("The post-incident report for this incident"))
    return _("The next notice for {title}").format(title=title) if title else _("The next notice for this incident")


def reminder_sentence(reminder: Reminder, now: datetime) -> str:
    """What the banner and the desktop notification say."""
    what = _promised_notice(reminder.promise)
    at = promised_time_text(reminder.promise.when, now, with_utc=False)
    if reminder.state == OVERDUE and not reminder.minutes:
        return _("{what} was due at {time}: overdue by less than a minute.").format(what=what, time=at)
    if reminder.state == OVERDUE:
        return _("{what} was due at {time}: overdue by {late}.").format(
            what=what, time=at, late=duration_text(reminder.minutes))
    return _("{what} is due at {time} (in {duration}).").format(
        what=what, time=at, duration=duration_text(reminder.minutes))


def next_notice_label(promise: Promise) -> str:
    """The button that starts the promised notice."""
    if promise.next_kind == "post-incident":
        return _("Start the post-incident report")
    if promise.next_kind == "update":
        return _("Start update {number}").format(number=promise.next_update_number)
    return _("Start notice {number}").format(number=promise.next_number)


def reminder_line(reminder: Reminder, now: datetime, where: str) -> str:
    """One line of `outagewriter due`:
    'OVERDUE 12 min  Card payments failing  notice 3 promised 15:00 CET (14:00 UTC)  /path'."""
    amount = duration_text(reminder.minutes)
    head = {OVERDUE: _("OVERDUE {duration}"), DUE_SOON: _("DUE-SOON in {duration}")}.get(
        reminder.state, _("UPCOMING in {duration}")).format(duration=amount)
    promise = reminder.promise
    return _("{state}  {title}  notice {number} promised {time}  {file}").format(
        state=head, title=promise.title or _("(untitled)"), number=promise.number,
        time=promised_time_text(promise.when, now), file=visible(where))


def reminder_data(reminder: Reminder, where: str) -> dict:
    """`outagewriter due --json`: one object per promise."""
    promise = reminder.promise
    return {"file": where, "incident": promise.incident_id, "title": promise.title, "notice": promise.number,
            "next_notice": promise.next_number, "promised": promise.when.canonical,
            "promised_utc": promise.when.utc.isoformat().replace("+00:00", "Z"),
            "state": reminder.state, "minutes": reminder.minutes}
