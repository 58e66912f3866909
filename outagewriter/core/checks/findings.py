"""Findings: what a check reports about a span of one field's text.

Every check (structure, tone, grammar, spelling) returns plain `Finding` objects, so the
command line, the findings panel and the highlighter all speak the same language.
Offsets are Python string indices into the field's text (code points, not UTF-16 units).
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field

SEVERITIES = ("error", "warning", "suggestion")
CATEGORIES = (
    "structure",
    "blame",
    "guilt",
    "overpromise",
    "speculation",
    "jargon",
    "grammar",
    "spelling",
)


@dataclass(frozen=True)
class Finding:
    rule: str
    category: str
    severity: str
    field: str
    start: int
    end: int
    match: str
    message: str
    suggestions: tuple[str, ...] = field(default=())

    def __post_init__(self) -> None:
        if self.severity not in SEVERITIES:
            raise ValueError(f"unknown severity {self.severity!r}")
        if self.category not in CATEGORIES:
            raise ValueError(f"unknown category {self.category!r}")
        if not 0 <= self.start <= self.end:
            raise ValueError(f"bad span {self.start}..{self.end}")

    @property
    def key(self) -> str:
        """A stable identity for dismissing this finding; survives edits elsewhere in the field."""
        return f"{self.rule}|{self.field}|{self.match}"

    def to_dict(self) -> dict:
        data = asdict(self)
        data["suggestions"] = list(self.suggestions)
        return data
