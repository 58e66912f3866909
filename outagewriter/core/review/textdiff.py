"""Word-level differences between two canonical contents, for telling a reviewer or a sender what
changed since an approval."""
from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

from ..i18n import _, pgettext
from ..incident.fields import format_address
from .content import CONTENT_PARTS, RECIPIENT_PARTS


@dataclass(frozen=True)
class PartDiff:
    """How one part (subject, to, cc, bcc, text, html) changed: chunks of (op, text) in order,
    op being "equal", "delete" or "insert"; joining the equal+delete texts gives the old value,
    equal+insert the new one."""

    part: str
    chunks: tuple[tuple[str, str], ...]

    def old(self) -> str:
        return "".join(t for op, t in self.chunks if op != "insert")

    def new(self) -> str:
        return "".join(t for op, t in self.chunks if op != "delete")

    def shown(self, context_words: int = 6) -> list[tuple[str, str]]:
        """The chunks as a reader sees them: changes with their words (or "(line break)"), and
        unchanged stretches cut to a few words of context around each change ("…" where cut)."""
        n = context_words
        out = []
        last = len(self.chunks) - 1
        for index, (op, text) in enumerate(self.chunks):
            if op != "equal":
                out.append((op, _visible(text)))
                continue
            words = text.split()
            if index == 0 and len(words) > n:
                words = ["…"] + words[-n:]
            elif index == last and len(words) > n:
                words = words[:n] + ["…"]
            elif 0 < index < last and len(words) > 2 * n:
                words = words[:n] + ["…"] + words[-n:]
            out.append((op, " ".join(words)))
        return out

    def format(self, context_words: int = 6) -> str:
        """'text: … payments fail for [-some-] {+all+} customers in …' with a little context."""
        marks = {"delete": "[-{}-]", "insert": "{{+{}+}}", "equal": "{}"}
        pieces = [marks[op].format(text) for op, text in self.shown(context_words) if text]
        return f"{part_label(self.part)}: " + " ".join(pieces)


def part_label(part: str) -> str:
    """A part of the approved content ("text", "html", "to"…) as the program's language names it; the
    English names are the stored ones (an approval's void comment keeps them: audit.CHANGED)."""
    labels = {
        "subject": pgettext("content part", "subject"),
        "to": pgettext("content part", "to"),
        "cc": pgettext("content part", "cc"),
        "bcc": pgettext("content part", "bcc"),
        "audiences": pgettext("content part", "audiences"),
        "text": pgettext("content part", "text"),
        "html": pgettext("content part", "html"),
        "calendar": pgettext("content part", "calendar"),
        "chat": pgettext("content part", "chat"),
    }
    return labels.get(part, part)


def _visible(text: str) -> str:
    if text.strip():
        return " ".join(text.split())
    return _("(line break)") if "\n" in text else _("(space)")


_TOKEN = re.compile(r"\S+|\s+")


def word_diff(old: str, new: str) -> tuple[tuple[str, str], ...]:
    """difflib over words (whitespace kept as its own tokens, so nothing is lost)."""
    a, b = _TOKEN.findall(old), _TOKEN.findall(new)
    chunks: list[tuple[str, str]] = []

    def add(op: str, text: str) -> None:
        if not text:
            return
        if chunks and chunks[-1][0] == op:
            chunks[-1] = (op, chunks[-1][1] + text)
        else:
            chunks.append((op, text))

    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "equal":
            add("equal", "".join(a[i1:i2]))
        else:
            add("delete", "".join(a[i1:i2]))
            add("insert", "".join(b[j1:j2]))
    return tuple(chunks)


def _part_text(content: dict, part: str) -> str:
    value = content.get(part, "")
    if part in RECIPIENT_PARTS:
        return ", ".join(format_address(name, addr) for name, addr in value or [])
    if part == "audiences":
        return ", ".join(value or [])
    if part == "chat":  # the post's text, then where it goes
        value = value if isinstance(value, dict) else {}
        return f"{value.get('text', '')} (to {', '.join(value.get('to', []))})" if value else ""
    return value if isinstance(value, str) else ""


def content_diff(old: dict, new: dict) -> tuple[PartDiff, ...]:
    """Word-level differences between two canonical contents; only the parts that changed."""
    diffs = []
    for part in CONTENT_PARTS:
        before, after = _part_text(old, part), _part_text(new, part)
        if before != after:
            diffs.append(PartDiff(part, word_diff(before, after)))
    return tuple(diffs)


def format_diff(diffs: tuple[PartDiff, ...] | list[PartDiff], context_words: int = 6) -> str:
    """Lines for a terminal or a message box. The HTML diff is left out when the plain text shows
    the change already (HTML source word diffs are noisy); its change is still mentioned."""
    parts = {d.part for d in diffs}
    lines = []
    for d in diffs:
        if d.part == "html" and parts - {"html"}:
            lines.append(_("{part}: changed as well").format(part=part_label("html")))
        else:
            lines.append(d.format(context_words))
    return "\n".join(lines)
