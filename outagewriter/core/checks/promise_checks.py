"""Structure findings about the next-update promise as each audience reads it: unknown audiences,
a promise in someone's night, a clock change before the promise, and the update rhythm.
(A promise in the past is `structure.next-update-past`, in structure.py.)
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import datetime, timedelta

from ..incident.audience_recipients import audience_names, unknown_audiences
from ..incident.audiences import Audience
from ..incident.model import Incident
from ..incident.promise import cadence_advice, clock_change, minutes_outside_hours
from ..incident.times import TimeError, month_day_ja, parse_next_update, parse_zoned
from ..i18n import _, active_language, ngettext
from .findings import Finding
from .structure import _finding

FAR_OUTSIDE_MINUTES = 120  # two hours past closing is the evening; beyond that, people are asleep
CADENCE_KINDS = ("initial", "update")  # an outage in progress, with readers waiting for news


def check_promise(incident: Incident, kind: str, fields: Mapping[str, str], audiences: Iterable[Audience], *,
                  now: datetime) -> list[Finding]:
    known = tuple(audiences)
    findings: list[Finding] = []
    chosen_text = fields.get("audiences", "")
    unknown = unknown_audiences(chosen_text, known)
    if unknown:
        findings.append(_finding(
            "audience-unknown", "error", "audiences", chosen_text,
            ngettext("{names} is not an audience in your settings, so the notice cannot know their recipients "
                     "or time zone. Add it under Settings › Audiences, or remove it.",
                     "{names} are not audiences in your settings, so the notice cannot know their recipients "
                     "or time zone. Add them under Settings › Audiences, or remove them.", len(unknown)).format(
                names=", ".join(repr(n) for n in unknown))))
    text = fields.get("next_update", "")
    try:
        promise = parse_next_update(text).when if text.strip() else None
    except TimeError:
        return findings  # structure.py reports an unreadable promise
    if promise is None or promise.utc <= now:
        return findings
    names = {n.casefold() for n in audience_names(chosen_text)}
    chosen = [a for a in known if a.name.casefold() in names]
    night = [a for a in chosen if minutes_outside_hours(a, promise.utc) > FAR_OUTSIDE_MINUTES]
    if night:
        at = ", ".join(_("{time} for {audience}").format(time=f"{promise.utc.astimezone(a.tz):%H:%M}", audience=a.name)
                       for a in night)
        findings.append(_finding(
            "promise-outside-hours", "warning", "next_update", text,
            _("The next update falls far outside office hours ({times}). Nobody may read it then; promise a time "
              "when they are at work, or 'when the situation changes'.").format(times=at)))
    for audience in chosen:
        change = clock_change(audience, now, promise.utc)
        if change:
            then = promise.utc.astimezone(audience.tz)
            day = (month_day_ja(change.on) if active_language() == "ja"
                   else f"{change.on:%a} {change.on.day} {change.on:%b}")
            findings.append(_finding(
                "promise-crosses-dst", "warning", "next_update", text,
                _("The clocks change for {audience} ({zone}, {before} to {after}) on {day}, before the promised "
                  "update: it comes at {time} {after} for them. Check that this is the time you mean.").format(
                    audience=audience.name, zone=audience.zone, before=change.before, after=change.after, day=day,
                    time=f"{then:%H:%M}")))
    findings.extend(_cadence(incident, kind, text, promise.utc, now))
    return findings


def _cadence(incident: Incident, kind: str, text: str, promise: datetime, now: datetime) -> list[Finding]:
    if kind not in CADENCE_KINDS:
        return []
    started = incident.times.get("started", "") or incident.times.get("detected", "")
    try:
        begin = parse_zoned(started).utc if started else datetime.fromisoformat(incident.created)
    except (TimeError, ValueError):
        return []
    advice = cadence_advice(max(now - begin, timedelta(0)), promise - now)
    return [_finding("cadence", "suggestion", "next_update", text, advice)] if advice else []
