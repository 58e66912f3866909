"""Text shaping for the templates: plain text wrapped at 72 columns (display columns, so Japanese
takes two each), HTML paragraphs.

These are Jinja filters; they take what the user typed and never trust it as markup.
"""
from __future__ import annotations

import re
import textwrap
from functools import lru_cache

from markupsafe import Markup, escape

from .bilingual import Untranslated
from .linebreak import display_width, has_wide, wrap_wide

WIDTH = 72
_BULLET = re.compile(r"^(\s*)([-*•]|\d+[.)])\s+")


def _paragraphs(text: str) -> list[list[str]]:
    blocks, current = [], []
    for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        if line.strip():
            current.append(line.rstrip())
        elif current:
            blocks.append(current)
            current = []
    if current:
        blocks.append(current)
    return blocks


def wrap(text: str, width: int = WIDTH, indent: str = "") -> str:
    """Wrap each paragraph; keep list items as items with a hanging indent; never split words or URLs."""
    out = []
    for block in _paragraphs(text or ""):
        items, current = [], ""
        for line in block:
            if _BULLET.match(line):
                if current:
                    items.append(current)
                current = line.strip()
            else:
                current = _join(current, line.strip()) if current else line.strip()
        if current:
            items.append(current)
        lines = []
        for item in items:
            bullet = _BULLET.match(item)
            hang = " " * len(bullet.group(0)) if bullet else ""
            lines.extend(_wrap_item(item, width, indent, indent + hang))
        out.append("\n".join(lines))
    return "\n\n".join(out)


def _join(before: str, after: str) -> str:
    """Two typed lines as one: a space between words, none between Japanese characters."""
    return before + after if has_wide(before[-1]) and has_wide(after[0]) else f"{before} {after}"


@lru_cache(maxsize=4096)  # the preview re-renders on every keystroke; most paragraphs have not changed
def _wrap_item(item: str, width: int, first: str, rest: str) -> tuple[str, ...]:
    # Japanese text is measured in display columns and broken by its own rules.
    if has_wide(item):
        return tuple(wrap_wide(item, width, first, rest))
    return tuple(textwrap.wrap(item, width=width, initial_indent=first, subsequent_indent=rest,
                               break_long_words=False, break_on_hyphens=False))


def verbatim(text: str, indent: str = "    ") -> str:
    """Technical text (logs, commands) as typed: indented, not re-wrapped."""
    lines = (text or "").replace("\r\n", "\n").replace("\r", "\n").strip("\n").split("\n")
    return "\n".join(indent + line if line.strip() else "" for line in lines)


def html_paragraphs(text: str, styled: bool = True) -> Markup:
    """Escape, then turn blank-line paragraphs into <p>, bullet lines into <ul>, newlines into <br>.
    `styled`: inline styles for email clients; a web page (styled=False) has its own stylesheet."""
    block_style = Markup(' style="margin:0 0 12px 0;padding:0 0 0 22px;"') if styled else Markup("")
    item_style = Markup(' style="margin:0 0 4px 0;"') if styled else Markup("")
    para_style = Markup(' style="margin:0 0 12px 0;"') if styled else Markup("")
    if isinstance(text, Untranslated):  # marked as missing, not as a paragraph of text
        return Markup(text.__html__())
    parts = []
    for block in _paragraphs(text or ""):
        if all(_BULLET.match(line) for line in block):
            items = (escape(_BULLET.sub("", line, count=1).strip()) for line in block)
            tag = "ol" if block[0].lstrip()[:1].isdigit() else "ul"
            parts.append(
                Markup(f"<{tag}") + block_style + Markup(">")
                + Markup("").join(Markup("<li") + item_style + Markup(">") + i + Markup("</li>") for i in items)
                + Markup(f"</{tag}>")
            )
            continue
        lines = [escape(line.strip()) for line in block]
        parts.append(Markup("<p") + para_style + Markup(">") + Markup("<br>\n").join(lines) + Markup("</p>"))
    return Markup("\n").join(parts)


def page_paragraphs(text: str) -> Markup:
    """`html_paragraphs` for a web page with its own stylesheet: no inline styles."""
    return html_paragraphs(text, styled=False)


def one_line(text: str) -> str:
    """Collapse whitespace, for subjects and short posts."""
    return " ".join((text or "").split())


def shorten(text: str, limit: int) -> str:
    """Cut at a word boundary so the result, with its ellipsis, fits in `limit` characters."""
    text = one_line(text)
    if len(text) <= limit:
        return text
    if limit <= 1:
        return "…"[:limit]
    cut = text[: limit - 1]
    space = cut.rfind(" ")
    if space > limit // 2:
        cut = cut[:space]
    return cut.rstrip(" ,;:.-") + "…"


def columns(rows, left: str, right: str, max_left: int = 40) -> str:
    """Two aligned columns from `rows` (mappings), e.g. a component and its status; a left value wider
    than `max_left` gets a line of its own, its right value under it in the column."""
    widths = [display_width(one_line(row[left])) for row in rows]
    width = max((w for w in widths if w <= max_left), default=0)
    lines = []
    for row, name_width in zip(rows, widths):
        name, value = one_line(row[left]), one_line(row[right])
        if name_width > width:
            lines += [name, f"{'':{width}}  {value}"]
        else:
            lines.append(f"{name}{' ' * (width - name_width)}  {value}")
    return "\n".join(lines)


def underline(heading: str, char: str = "-") -> str:
    """A rule as wide as the heading shows in a fixed-width font (a Japanese heading is twice as wide)."""
    return char * display_width(heading)
