"""The parts of a post-incident report written one per line: the events and the action items.

The form keeps them as plain text (easy to paste, easy to diff); the templates show them as lists.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

_BULLET = re.compile(r"^\s*(?:[-*•]|\d+[.)])\s+")


@dataclass(frozen=True)
class ActionItem:
    what: str
    owner: str = ""
    target: str = ""  # the target date as the writer typed it


def lines_of(text: str) -> list[str]:
    """Non-empty lines without a typed bullet: the templates add their own."""
    return [_BULLET.sub("", line).strip() for line in text.splitlines() if line.strip()]


def parse_actions(text: str) -> list[ActionItem]:
    """One action per line, `what | owner | target date`; owner and date may be left out."""
    items = []
    for line in lines_of(text):
        what, owner, target = ([part.strip() for part in line.split("|", 2)] + ["", ""])[:3]
        items.append(ActionItem(what or line, owner, target))
    return items
