"""Findings about text carried forward from the last sent notice, and about a maintenance window.

A new notice starts as a copy of the last one sent (see incident/carry.py). Text left as it was can
say nothing new, or stand under a heading that now means something else: "What does not work now"
becomes "What was affected" in a resolution.
"""
from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import datetime

from ..incident.carry import last_sent_before
from ..i18n import _
from ..incident.fields import KIND_LAYOUT, SPECS, display_label, fields_of, label_for
from ..incident.model import Incident, Notice
from ..incident.window import maintenance_window
from .findings import Finding

# Headings that change their words between kinds but not their meaning.
SAME_MEANING = ("appendix",)
MIN_WORDS = 3  # "None." or "Not yet." under two headings is no cause for a finding


def _finding(rule: str, severity: str, field: str, text: str, start: int, end: int, message: str) -> Finding:
    return Finding(rule=f"structure.{rule}", category="structure", severity=severity, field=field,
                   start=start, end=end, match=text[start:end], message=message)


def _paragraphs(text: str) -> list[tuple[int, int, str]]:
    """(start, end, words normalised) of each paragraph."""
    return [(m.start(), m.end(), " ".join(m.group().split()))
            for m in re.finditer(r"\S(?:.|\n(?![ \t]*\n))*", text)]


def check_carried(incident: Incident, notice: Notice, f: Mapping[str, str]) -> list[Finding]:
    sent = last_sent_before(incident, notice)
    if sent is None:
        return []
    number = incident.number(sent)
    findings = []
    summary = f.get("summary", "")
    if summary.strip() and summary.strip() == sent.fields["summary"].strip():
        findings.append(_finding(
            "summary-unchanged", "warning", "summary", summary, 0, len(summary),
            _("The summary says nothing new: it is word for word the summary of notice {number} as sent. "
              "Say what changed since then.").format(number=number)))
    # Where each paragraph of the sent notice stood, under the heading its readers saw.
    sent_under: dict[str, str] = {}
    for name in fields_of(sent.kind):
        if SPECS[name].kind == "text" and name not in SAME_MEANING:
            for _start, _end, words in _paragraphs(sent.fields[name]):
                sent_under.setdefault(words, name)
    for name, heading in KIND_LAYOUT[notice.kind]:
        if SPECS[name].kind != "text" or name in SAME_MEANING:
            continue
        text = f.get(name, "")
        for start, end, words in _paragraphs(text):
            source = sent_under.get(words)
            if source is None or len(words.split()) < MIN_WORDS or label_for(sent.kind, source) == heading:
                continue
            findings.append(_finding(
                "carried-heading-changed", "warning", name, text, start, end,
                _("This text was sent under “{before}” in notice {number}; here it stands under “{now}”. "
                  "Check it still says the right thing there.").format(
                    before=display_label(sent.kind, source), number=number, now=_(heading))))
            break  # one finding per field is enough to send the writer to it
    return findings


def check_window(incident: Incident, notice: Notice, f: Mapping[str, str], now: datetime) -> list[Finding]:
    start, end = maintenance_window(incident, f)
    findings = []
    end_text = f.get("window_end", "")
    if start and end and end.utc <= start.utc:
        findings.append(_finding("window-end-before-start", "error", "window_end", end_text, 0, len(end_text),
                                 _("The maintenance window ends before it starts.")))
    start_text = f.get("window_start", "")
    if f.get("status") == "scheduled" and start and start.utc <= now:
        findings.append(_finding("window-in-past", "error", "window_start", start_text, 0, len(start_text),
                                 _("The announced window starts in the past. Announce the new start, or choose "
                                   "the stage the maintenance is in now.")))
    sent = last_sent_before(incident, notice)
    if f.get("status") == "extended":
        before = maintenance_window(incident, sent.fields)[1] if sent is not None else None
        if end is None or (before is not None and end.utc <= before.utc):
            findings.append(_finding("extended-without-new-end", "error", "window_end", end_text, 0, len(end_text),
                                     _("An extension must say when the maintenance now ends: set a window end "
                                       "later than the one announced before.")))
    return findings
