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

from ..safe_text import visible
from .model import Incident
from .times import TimeError, ZonedTime, parse_next_update

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
        raise PromiseError(f"notice {sent[-1]}: next update {text!r}: {exc}") from None
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
    """'12 min', '2 h 5 min', '3 d 4 h'."""
    if minutes < 60:
        return f"{minutes} min"
    hours, rest = divmod(minutes, 60)
    if hours < 24:
        return f"{hours} h {rest} min" if rest else f"{hours} h"
    days, hours = divmod(hours, 24)
    return f"{days} d {hours} h" if hours else f"{days} d"


def promised_time_text(when: ZonedTime, now: datetime, *, with_utc: bool = True) -> str:
    """'15:00 CET (14:00 UTC)'; with the day ('Tue 1 Dec 15:00 CET …') when it is not today there."""
    local = when.moment
    day = "" if local.date() == now.astimezone(local.tzinfo).date() else f"{local:%a} {local.day} {local:%b} "
    text = f"{day}{local:%H:%M} {when.zone_label()}"
    if with_utc and local.utcoffset():
        text += f" ({when.utc:%H:%M} UTC)"
    return text


def reminder_sentence(reminder: Reminder, now: datetime) -> str:
    """What the banner and the desktop notification say."""
    promise = reminder.promise
    title = promise.title or "this incident"
    what = {"update": f"Update {promise.next_update_number} for {title}",
            "post-incident": f"The post-incident report for {title}"}.get(promise.next_kind, f"The next notice for {title}")
    at = promised_time_text(promise.when, now, with_utc=False)
    if reminder.state == OVERDUE:
        late = duration_text(reminder.minutes) if reminder.minutes else "less than a minute"
        return f"{what} was due at {at}: overdue by {late}."
    return f"{what} is due at {at} (in {duration_text(reminder.minutes)})."


def next_notice_label(promise: Promise) -> str:
    """The button that starts the promised notice."""
    if promise.next_kind == "post-incident":
        return "Start the post-incident report"
    if promise.next_kind == "update":
        return f"Start update {promise.next_update_number}"
    return f"Start notice {promise.next_number}"


def reminder_line(reminder: Reminder, now: datetime, where: str) -> str:
    """One line of `outagewriter due`:
    'OVERDUE 12 min  Card payments failing  notice 3 promised 15:00 CET (14:00 UTC)  /path'."""
    amount = duration_text(reminder.minutes)
    head = f"OVERDUE {amount}" if reminder.state == OVERDUE else f"{reminder.state.upper()} in {amount}"
    promise = reminder.promise
    return (f"{head}  {promise.title or '(untitled)'}  notice {promise.number} promised "
            f"{promised_time_text(promise.when, now)}  {visible(where)}")


def reminder_data(reminder: Reminder, where: str) -> dict:
    """`outagewriter due --json`: one object per promise."""
    promise = reminder.promise
    return {"file": where, "incident": promise.incident_id, "title": promise.title, "notice": promise.number,
            "next_notice": promise.next_number, "promised": promise.when.canonical,
            "promised_utc": promise.when.utc.isoformat().replace("+00:00", "Z"),
            "state": reminder.state, "minutes": reminder.minutes}
