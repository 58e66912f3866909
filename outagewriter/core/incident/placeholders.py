"""Placeholders such as `[service]` or `[start time]`: the gaps a starting text leaves for the writer.

They are written in square brackets, lower case after the first letter, so they stand out in the form and in a preview, and
the structure checks report every one still in a field before the notice can go out unnoticed.
Zone names in times ("[Europe/Berlin]") hold a slash and "[TEST]" capitals, so neither matches.
Japanese starting texts write theirs as `［時刻］` (full-width brackets, as Japanese forms do) or `[時刻]`:
any bracket holding kana or kanji and no slash. A label such as 【重要】 uses other brackets and is left alone.
"""
from __future__ import annotations

import re
from collections.abc import Iterator

_ENGLISH = r"\[[A-Za-z][a-z0-9 ,.:'-]*[a-z]\]"
_JAPANESE_CHAR = "\u3041-\u30ff\u3400-\u4dbf\u4e00-\u9fff"  # hiragana, katakana, kanji
_INSIDE = r"[^\[\]［］/\n]*"
_JAPANESE = rf"[\[［]{_INSIDE}[{_JAPANESE_CHAR}]{_INSIDE}[\]］]"
PLACEHOLDER = re.compile(f"{_ENGLISH}|{_JAPANESE}")


def placeholders(text: str) -> Iterator[re.Match[str]]:
    """Every placeholder in `text`, in order."""
    return PLACEHOLDER.finditer(text)
