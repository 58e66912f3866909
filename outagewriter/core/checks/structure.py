"""Structure checks: does the notice hold what a good notice must hold?

Each finding names the field concerned; its span is the whole text of that field (0..0 when empty).
Category "structure"; rule ids start with "structure.".
"""
from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import datetime

from ..i18n import _
from ..incident.fields import TEXT_FIELDS, fields_of
from ..incident.model import Incident, Notice
from ..incident.placeholders import placeholders
from ..incident.times import MissingZone, TimeError, now_utc, parse_next_update
from .component_checks import check_components
from .carried import check_carried, check_window
from .findings import Finding

SUMMARY_MAX_WORDS = 80  # an executive reads the first paragraph in one go


SUMMARY_MAX_CHARS_JA = 200  # Japanese has no spaces to count words by; 80 English words read like ~200 characters


def word_count(text: str) -> int:
    """Words as a reader counts them: '09:42' and 'e-mail' are one word each (the form shows the same count)."""
    return len(re.findall(r"\w\S*", text))


def summary_size(text: str, language: str = "en") -> tuple[int, int]:
    """(size, limit) of a summary as its readers count it: words in English, characters (spaces left out)
    in Japanese, which writes words without spaces between them."""
    if language == "ja":
        return len(re.sub(r"\s", "", text)), SUMMARY_MAX_CHARS_JA
    return word_count(text), SUMMARY_MAX_WORDS


def _finding(rule: str, severity: str, field: str, text: str, message: str, suggestion: str = "") -> Finding:
    return Finding(
        rule=f"structure.{rule}",
        category="structure",
        severity=severity,
        field=field,
        start=0,
        end=len(text),
        match=text,
        message=message,
        suggestions=(suggestion,) if suggestion else (),
    )


def check_next_update(text: str, *, now: datetime) -> list[Finding]:
    """The one promise every notice makes: a zoned time in the future, or 'when the situation changes'.

    `text` may be the stored (canonical) value or raw text straight from the form.
    """
    if not text.strip():
        return [_finding("next-update-missing", "error", "next_update", text,
                         _("The notice does not say when the next update comes. Every notice promises one thing: "
                           "the next update, at a time with its time zone or 'when the situation changes'."),
                         "on-change")]
    try:
        promise = parse_next_update(text)
    except TimeError as exc:
        no_zone = isinstance(exc, MissingZone)
        rule = "next-update-no-zone" if no_zone else "next-update-unreadable"
        why = (_("The next-update time has no time zone: recipients in other zones cannot tell when it is. "
                 "Add an offset (+01:00, Z) or a zone such as [Europe/Berlin].") if no_zone else
               _("The next-update time cannot be read: {problem}.").format(problem=exc))
        return [_finding(rule, "error", "next_update", text, why)]
    if promise.when is not None and promise.when.utc <= now:
        return [_finding("next-update-past", "error", "next_update", text,
                         _("The promised next update is in the past. Promise a new time, or 'when the situation "
                           "changes'."))]
    return []


def check_placeholders(kind: str, fields: Mapping[str, str]) -> list[Finding]:
    """One finding per placeholder (`[service]`) left in a text field the notice sends: a starting
    text's gap must be filled before recipients read it."""
    findings = []
    for name in (n for n in fields_of(kind) if n in TEXT_FIELDS):
        for gap in placeholders(fields.get(name, "")):
            findings.append(Finding(
                rule="structure.placeholder-left", category="structure", severity="error", field=name,
                start=gap.start(), end=gap.end(), match=gap.group(),
                message=_("{placeholder} is a placeholder from a starting text: replace it with what recipients "
                          "should read, or remove it.").format(placeholder=gap.group())))
    return findings


def _missing_times(missing: list[str]) -> str:
    if len(missing) > 1:
        return _("A resolution notice should give the timings of the incident; the started and resolved times "
                 "are not set.")
    return (_("A resolution notice should give the timings of the incident; the started time is not set.")
            if missing == ["started"] else
            _("A resolution notice should give the timings of the incident; the resolved time is not set."))


def check_structure(incident: Incident, notice: Notice, *, now: datetime | None = None,
                    fields: Mapping[str, str] | None = None) -> list[Finding]:
    """Structure findings for one notice. `fields` overrides notice.fields (e.g. raw form text)."""
    now = now or now_utc()
    f = dict(notice.fields)
    if fields:
        f.update(fields)
    kind = notice.kind
    findings: list[Finding] = []
    summary = f.get("summary", "")
    size, limit = summary_size(summary, incident.language)
    if not summary.strip():
        findings.append(_finding("summary-missing", "error", "summary", summary,
                                 _("The summary is empty. Its first paragraph alone must tell an executive what is "
                                   "broken, who is affected, what to do and when the next update comes.")))
    elif size > limit:
        message = (_("The summary has {chars} characters; keep it under {limit} so an executive reads it in one "
                     "go. Move detail to the consequences or the technical appendix.")
                   if incident.language == "ja" else
                   _("The summary has {words} words; keep it under {limit} so an executive reads it "
                     "in one go. Move detail to the consequences or the technical appendix."))
        findings.append(_finding("summary-too-long", "warning", "summary", summary,
                                 message.format(words=size, chars=size, limit=limit)))
    if kind != "post-incident" and "impact" in fields_of(kind) and not f.get("impact", "").strip():
        findings.append(_finding("impact-missing", "error", "impact", f.get("impact", ""),
                                 _("The notice does not say what does not work now. Customers need the consequences "
                                   "first.")))
    if not f.get("data_loss", "").strip():
        findings.append(_finding("data-loss-unanswered", "error", "data_loss", "",
                                 _("The notice does not say whether any data is lost. Answer it explicitly: none, "
                                   "possible, confirmed or unknown.")))
    name = f.get("contact_name", "").strip()
    reach = f.get("contact_email", "").strip() or f.get("contact_phone", "").strip()
    if not name or not reach:
        missing_field = "contact_name" if not name else "contact_email"
        findings.append(_finding("contact-missing", "error", missing_field, f.get(missing_field, ""),
                                 _("The notice needs a contact: a named person and an email address or phone "
                                   "number.")))
    if kind not in ("resolution", "post-incident"):
        findings.extend(check_next_update(f.get("next_update", ""), now=now))
    elif f.get("next_update", "").strip():  # optional after resolution, but a promise made must hold
        findings.extend(check_next_update(f["next_update"], now=now))
    if kind == "resolution":
        missing = [t for t in ("started", "resolved") if not incident.times.get(t)]
        if missing:
            findings.append(_finding("resolution-timings", "warning", "summary", summary,
                                     _missing_times(missing)))
        if not f.get("data_loss", "").strip() or (
            f.get("data_loss") in ("possible", "confirmed") and not f.get("data_loss_details", "").strip()
        ):
            findings.append(_finding("resolution-data-loss", "error", "data_loss_details", f.get("data_loss_details", ""),
                                     _("A resolution notice must state what happened to customers' data: none, or "
                                       "what was lost and what happens to it.")))
    findings.extend(check_carried(incident, notice, f))
    if kind == "maintenance":
        findings.extend(check_window(incident, notice, f, now))
    findings.extend(check_components(kind, f.get("components", "")))
    subject = f.get("subject", "")
    title = f.get("title", "").strip()
    if subject.strip() and title and title.casefold() not in subject.casefold():
        findings.append(_finding("subject-without-title", "warning", "subject", subject,
                                 _("The subject replaces the generated one but leaves out the incident title, so "
                                   "recipients cannot match this notice to the earlier ones."), f"{subject} – {title}"))
    findings.extend(check_placeholders(kind, f))
    return findings
