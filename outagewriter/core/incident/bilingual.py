"""A bilingual incident's languages: naming a field's second-language text, and changing the languages.

A field's text in the second language is addressed as "summary@en" (the field, "@", the language), on
the command line (`set FILE summary@en=...`) and between the window's form and the session alike.

Changing the languages moves text rather than losing it where it can: swapping the order swaps each
unsent notice's texts; making the second language the first moves its text up. Text that has no place
in the new languages (the second language removed, or replaced by another) is dropped, which the caller
asks the user about first (`dropped`). Sent notices keep the text they were sent with.
"""
from __future__ import annotations

from dataclasses import dataclass

from ..i18n import N_, _
from .fields import SPECS, TRANSLATED_FIELDS, FieldError
from .model import Incident, Notice, check_languages

# Languages named in the program's own (English) sentences; LANGUAGE_NAMES names each in itself.
IN_ENGLISH = {"en": N_("English"), "ja": N_("Japanese")}


def language_label(code: str) -> str:
    """A notice language named in the program's language ("English", or 英語 in a Japanese window)."""
    return _(IN_ENGLISH[code])


def translated_name(name: str, language: str) -> str:
    return f"{name}@{language}"


def split_name(key: str) -> tuple[str, str]:
    """("summary", "en") for "summary@en"; ("summary", "") for a first-language field."""
    name, _, language = key.partition("@")
    return name, language


def check_translated_name(incident: Incident, key: str) -> str:
    """The field of a "name@language" key this incident can hold (FieldError in one line otherwise)."""
    name, language = split_name(key)
    if language != incident.second_language:
        if not incident.second_language:
            raise FieldError(_("{key}: this incident is written in {language} only; add a second language first")
                             .format(key=key, language=language_label(incident.language)))
        raise FieldError(_("{key}: this incident's second language is {second}, not {language!r}")
                         .format(key=key, second=incident.second_language, language=language))
    if name not in TRANSLATED_FIELDS:
        raise FieldError(_("{key}: {name!r} has no second-language text; those fields are: {fields}")
                         .format(key=key, name=name, fields=", ".join(TRANSLATED_FIELDS)))
    return name


@dataclass(frozen=True)
class Dropped:
    """Typed text a change of languages would drop: in which notice, which language, which fields."""

    number: int
    language: str
    fields: tuple[str, ...]

    def describe(self) -> str:
        labels = _(", ").join(SPECS[name].label for name in self.fields)
        return _("notice {number}: the {language} text of {labels}").format(
            number=self.number, language=language_label(self.language), labels=labels)


def _texts(incident: Incident, notice: Notice) -> dict[str, dict[str, str]]:
    """The unsent notice's prose by language."""
    texts = {incident.language: {name: notice.fields[name] for name in TRANSLATED_FIELDS}}
    if incident.second_language:
        texts[incident.second_language] = dict(notice.translation)
    return texts


def _sources(incident: Incident, first: str, second: str) -> tuple[str, str]:
    """Which current language's text becomes the new first and the new second text ("" for none).
    A new first language takes the text that was there (it is being relabelled), unless that text's
    language stays as the second one."""
    current = incident.languages
    if first in current:
        first_from = first
    else:
        first_from = "" if second == incident.language else incident.language
    second_from = second if second and second in current and second != first_from else ""
    return first_from, second_from


def dropped(incident: Incident, first: str, second: str = "") -> list[Dropped]:
    """What setting the languages to (first, second) would drop from the unsent notices."""
    check_languages(first, second)
    first_from, second_from = _sources(incident, first, second)
    lost = []
    for notice in incident.notices:
        if notice.is_sent:
            continue
        for language, text in _texts(incident, notice).items():
            if language not in (first_from, second_from):
                names = tuple(name for name, value in text.items() if value.strip())
                if names:
                    lost.append(Dropped(incident.number(notice), language, names))
    return lost


def set_languages(incident: Incident, first: str, second: str = "") -> bool:
    """Write the incident in `first` (and `second` below it, "" for one language): each unsent notice's
    texts move with their language; what has no place is dropped (see `dropped`). Returns whether
    anything changed. FieldError for languages that cannot be combined."""
    check_languages(first, second)
    if (first, second) == (incident.language, incident.second_language):
        return False
    first_from, second_from = _sources(incident, first, second)
    for notice in incident.notices:
        if notice.is_sent:
            continue
        texts = _texts(incident, notice)
        empty = dict.fromkeys(TRANSLATED_FIELDS, "")
        notice.fields.update(texts[first_from] if first_from else empty)
        notice.translation = dict(texts[second_from]) if second_from else empty
    incident.language, incident.second_language = first, second
    return True


class TextWouldBeDropped(FieldError):
    """Changing the languages would drop typed text; the caller asks, then changes them with force."""

    def __init__(self, lost: list[Dropped]):
        self.lost = lost
        super().__init__(_("this drops typed text ({lost})").format(lost=_("; ").join(d.describe() for d in lost)))


def set_value(incident: Incident, notice: Notice, key: str, value: str) -> bool:
    """Store a field ("summary") or its second-language text ("summary@en"); returns whether it changed."""
    if "@" in key:
        return notice.set_translation(check_translated_name(incident, key), value)
    return notice.set(key, value)


def text_of(notice: Notice, key: str) -> str:
    """The text of a field ("summary") or of its second-language text ("summary@en")."""
    name, language = split_name(key)
    return (notice.translation if language else notice.fields).get(name, "")
