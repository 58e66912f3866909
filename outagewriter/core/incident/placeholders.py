"""Placeholders such as `[service]` or `[start time]`: the gaps a starting text leaves for the writer.

They are written in square brackets, lower case after the first letter, so they stand out in the form and in a preview, and
the structure checks report every one still in a field before the notice can go out unnoticed.
Zone names in times ("[Europe/Berlin]") hold a slash and "[TEST]" capitals, so neither matches.
"""
from __future__ import annotations

import re
from collections.abc import Iterator

PLACEHOLDER = re.compile(r"\[[A-Za-z][a-z0-9 ,.:'-]*[a-z]\]")


def placeholders(text: str) -> Iterator[re.Match[str]]:
    """Every placeholder in `text`, in order."""
    return PLACEHOLDER.finditer(text)
