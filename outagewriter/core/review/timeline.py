"""The incident's story in order: its times, every notice (draft or sent) and every audit event.

Each moment is shown in the incident's own zone (`Incident.zone`) and in UTC, so a reader in
another zone and the records agree on when things happened. A time the file holds that cannot be
read is kept, shown as written, and listed last: nothing in the file is hidden.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, tzinfo
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from ..i18n import N_, _, ngettext
from ..incident.fields import FieldError, kind_label, parse_addresses, status_label
from ..incident.model import TIME_NAMES, Incident, Notice
from ..incident.times import TimeError, ZonedTime, parse_zoned
from . import audit

TIME = "time"
NOTICE = "notice"
EVENT = "event"
TIME_EVENTS = {"started": N_("Incident started"), "detected": N_("Incident detected"),
               "mitigated": N_("Incident mitigated"), "resolved": N_("Incident resolved")}


@dataclass(frozen=True)
class Entry:
    what: str  # TIME, NOTICE or EVENT
    moment: datetime | None  # UTC; None when the file's time cannot be read
    local: str  # '2026-11-27 10:15 CET' in the incident's zone; '' when the incident has none
    utc: str  # '2026-11-27 09:15 UTC', or the stored text when it cannot be read
    text: str  # what happened, without the time
    number: int | None = None  # the notice it is about
    draft: bool = False  # a notice not sent yet

    @property
    def when(self) -> str:
        """'2026-11-27 10:15 CET (09:15 UTC)', or only the UTC time when no zone is known."""
        if not self.local or self.local == self.utc:
            return self.utc
        same_day = self.local[:10] == self.utc[:10]
        return _("{local} ({utc})").format(local=self.local, utc=self.utc[11:] if same_day else self.utc)

    def line(self) -> str:
        return f"{self.when}  {self.text}"


def zone_of(incident: Incident) -> tzinfo | None:
    """The incident's zone as a tzinfo: its IANA zone, or the fixed offset its times were written with."""
    name = incident.zone
    if name is None:
        return None
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):  # an offset label, 'UTC+05:30' (ZonedTime.zone)
        return parse_zoned(f"2000-01-01T00:00{name.removeprefix('UTC')}").moment.tzinfo


def _read(stored: str) -> datetime | None:
    try:
        return parse_zoned(stored).utc if stored.strip() else None
    except TimeError:
        return None


def _entry(what: str, stored: str, zone: tzinfo | None, zone_name: str | None, text: str, **kw) -> Entry:
    moment = _read(stored)
    if moment is None:
        return Entry(what, None, "", _("time unknown ({stored})").format(stored=stored or _("none recorded")), text, **kw)
    local = ""
    if zone is not None:
        zoned = ZonedTime(moment.astimezone(zone), zone_name)
        local = f"{zoned.moment:%Y-%m-%d %H:%M} {zoned.zone_label()}"
    return Entry(what, moment, local, f"{moment:%Y-%m-%d %H:%M} UTC", text, **kw)


def recipient_count(notice: Notice) -> int:
    """Whom a sent notice was addressed to when it went out; whom a draft is addressed to now."""
    if notice.sent is not None and notice.sent.addressed:
        return len(notice.sent.addressed)
    try:
        return len({addr for name in ("to", "cc", "bcc") for _name, addr in parse_addresses(notice.fields[name])})
    except FieldError:
        return 0  # an address the form reports as wrong reaches nobody yet


def describe_notice(incident: Incident, notice: Notice) -> str:
    """'Notice 2 · update · monitoring · sent to 3 recipients · audiences: EMEA customers'."""
    count = recipient_count(notice)
    state = (ngettext("sent to {count} recipient", "sent to {count} recipients", count) if notice.is_sent else
             ngettext("draft, not sent (addressed to {count} recipient)",
                      "draft, not sent (addressed to {count} recipients)", count)).format(count=count)
    status = notice.fields["status"]
    parts = [_("Notice {number}").format(number=incident.number(notice)), kind_label(notice.kind),
             status_label(status) if status else _("no status"), state]
    if notice.fields["audiences"]:
        parts.append(_("audiences: {names}").format(names=notice.fields["audiences"]))
    return " · ".join(parts)


def notice_time(notice: Notice) -> str:
    """When a notice counts as told: when it went out, or for a draft when it was started."""
    return notice.sent.time if notice.sent is not None and notice.sent.time else notice.created


def timeline(incident: Incident) -> list[Entry]:
    """Every time, notice and audit event of the incident, oldest first (unreadable times last)."""
    zone = zone_of(incident)
    zone_name = incident.zone if isinstance(zone, ZoneInfo) else None
    entries = [_entry(TIME, incident.times[name], zone, zone_name, _(TIME_EVENTS[name]))
               for name in TIME_NAMES if incident.times.get(name)]
    for notice in incident.notices:
        entries.append(_entry(NOTICE, notice_time(notice), zone, zone_name, describe_notice(incident, notice),
                              number=incident.number(notice), draft=not notice.is_sent))
    for event in audit.timeline(incident):
        entries.append(_entry(EVENT, event.when, zone, zone_name, event.describe(with_time=False),
                              number=event.number))
    known = sorted((e for e in entries if e.moment is not None), key=lambda e: e.moment)  # stable: ties keep order
    return known + [e for e in entries if e.moment is None]

