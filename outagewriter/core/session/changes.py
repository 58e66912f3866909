"""What an operation changed, so each view redraws only what it shows (the model is Anki's OpChanges)."""
from __future__ import annotations

from dataclasses import dataclass, fields


@dataclass(frozen=True)
class Changes:
    content: bool = False  # fields or times of a notice: the form, the preview and the checks
    notices: bool = False  # notices added, or their status or state changed: the notice list
    review: bool = False  # review state, approval, change requests, audit log: the review tab
    file: bool = False  # path, saved or modified state, lock: the title and the actions
    incident: bool = False  # a different incident altogether (opened, reloaded, restored): everything
    shown: int | None = None  # the index of the notice to show now, when the operation chose one
    message: str = ""  # one line for the status bar ("Approved by Ana.")

    def __or__(self, other: "Changes") -> "Changes":
        merged = {f.name: getattr(self, f.name) or getattr(other, f.name) for f in fields(self)}
        merged["shown"] = other.shown if other.shown is not None else self.shown
        merged["message"] = other.message or self.message
        return Changes(**merged)


NOTHING = Changes()
EVERYTHING = Changes(content=True, notices=True, review=True, file=True, incident=True)
