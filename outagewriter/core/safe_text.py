"""Text from other people (a shared incident file, a template, a typed value) before it is trusted.

Control characters other than newline and tab have no place in a notice: an ESC sequence can hide a
sentence from a reviewer's terminal while it is still sent, U+0085 breaks mail headers, and a lone
surrogate (only a hand-made JSON file can hold one) cannot even be written back as UTF-8.
`problem` names the first such character; `visible` shows any that slipped through as escapes.
"""
from __future__ import annotations

import re
import unicodedata

from .i18n import _

# Unicode's control characters (Cc: U+0000-001F, U+007F-009F) but newline and tab, and surrogates (Cs).
_BAD = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")


def bad_character(value: str) -> str | None:
    """The first control character (other than newline and tab) or lone surrogate in `value`."""
    found = _BAD.search(value)
    return found.group() if found else None


def describe_character(char: str) -> str:
    """'the control character U+001B', in the program's language."""
    if unicodedata.category(char) == "Cs":
        return _("the lone surrogate U+{code}").format(code=f"{ord(char):04X}")
    return _("the control character U+{code}").format(code=f"{ord(char):04X}")


def problem(value: str) -> str | None:
    """'contains the control character U+001B, which is not allowed', or None when the text is clean."""
    char = bad_character(value)
    return None if char is None else _("contains {character}, which is not allowed").format(
        character=describe_character(char))


def visible(text: str) -> str:
    """The text with every control character but newline and tab written as an escape (\\x1b),
    so a terminal shows it instead of obeying it."""
    return _BAD.sub(lambda m: ascii(m.group())[1:-1], text)
