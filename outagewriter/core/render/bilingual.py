"""The second language of a bilingual notice: its fields, and the marker for text not translated yet.

The second half of a notice shows the second language's text of every prose field. A field written in
the first language with no second-language text yet shows a marker in the second language's words,
as an unanswered question does, so nothing silently goes missing from the half a reader relies on.
"""
from __future__ import annotations

from markupsafe import Markup, escape

from ..incident.fields import TRANSLATED_FIELDS, label_for
from ..incident.model import Notice

MARKER_TEXT = {"en": "[{label}: not translated yet]", "ja": "［{label}：未翻訳］"}
# The same look as an unanswered question (phrases.txt `unanswered`), dark-mode class included.
_MARKER_HTML = Markup(
    '<span class="ow-unanswered" style="display:inline-block;padding:0 6px;border:2px dashed #dc6803;'
    'border-radius:4px;background:#fef0c7;color:#7a2e0e;font-weight:700;">{}</span>')


class Untranslated(str):
    """The marker as text; escaped into HTML (`escape`, Jinja's autoescape) it becomes the marked span."""

    def __html__(self) -> Markup:
        return _MARKER_HTML.format(escape(str(self)))


def untranslated(kind: str, name: str, language: str) -> Untranslated:
    return Untranslated(MARKER_TEXT[language].format(label=label_for(kind, name, language)))


def second_language_fields(notice: Notice, fields: dict[str, str], language: str) -> dict[str, str]:
    """`fields` (the first language's, as shown) with the prose taken from the notice's translation."""
    second = dict(fields)
    for name in TRANSLATED_FIELDS:
        if not fields.get(name):
            continue  # nothing to translate, or a field this kind does not show
        text = notice.translation.get(name, "")
        second[name] = text if text.strip() else untranslated(notice.kind, name, language)
    return second
