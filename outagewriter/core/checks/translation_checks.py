"""A bilingual notice's second-language text: is every field there in both languages, and does the
translation still say what the first text says?

Findings about the second text carry its language (Finding.language), so the window marks the second
editor and `check` prints "summary@en".
"""
from __future__ import annotations

from ..i18n import _
from ..incident.bilingual import language_label
from ..incident.carry import last_sent_before
from ..incident.fields import TRANSLATED_FIELDS, display_label, fields_of
from ..incident.model import Incident, Notice
from .findings import Finding


def translated(first_fields: dict[str, str], notice: Notice) -> dict[str, str]:
    """The second-language text of the fields in `first_fields` (tone_fields), in the same order."""
    return {name: notice.translation[name] for name in first_fields if name in TRANSLATED_FIELDS}


def _translated_shown(notice: Notice) -> list[str]:
    return [name for name in fields_of(notice.kind) if name in TRANSLATED_FIELDS]


def check_translations(incident: Incident, notice: Notice) -> list[Finding]:
    """An error for each field the notice sends with first-language text and no second-language text;
    a warning for each whose first text changed since the last sent notice while its translation did not."""
    second = incident.second_language
    if not second:
        return []
    findings = []
    sent = last_sent_before(incident, notice)
    for name in _translated_shown(notice):
        first, translated = notice.fields[name], notice.translation[name]
        label, language = display_label(notice.kind, name), language_label(second)
        if first.strip() and not translated.strip():
            findings.append(Finding(
                rule="structure.translation-missing", category="structure", severity="error", field=name,
                start=0, end=0, match="", language=second,
                message=_("The {language} text of {label} is missing: recipients reading {language} would not "
                          "get it.").format(language=language, label=label)))
        elif (sent is not None and translated.strip() and first.strip() != sent.fields[name].strip()
              and translated.strip() == sent.translation[name].strip()):
            findings.append(Finding(
                rule="structure.translation-stale", category="structure", severity="warning", field=name,
                start=0, end=len(translated), match=translated, language=second,
                message=_("{label} changed since notice {number} was sent, but its {language} text did not: the "
                          "two languages may now say different things.").format(
                              label=label, number=incident.number(sent), language=language)))
    return findings

