"""Wrapping Japanese (and mixed Japanese and English) plain text by display columns.

A terminal or a mail client in a fixed-width font gives East Asian wide characters two columns, so
widths are counted with `wcwidth`. Lines break between BudouX's phrases (Google's segmenter: breaks
where a Japanese reader pauses, not in the middle of a word), Latin words are never split, and the
Japanese line-breaking rules (kinsoku) hold: no line starts with closing brackets, 。、 or small kana,
no line ends with an opening bracket.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

import budoux
from wcwidth import wcswidth, wcwidth

# JIS X 4051's characters that may not start a line: closing brackets, punctuation, the prolonged
# sound mark, iteration marks and small kana.
NO_LINE_START = frozenset(
    "、。，．,.・：；:;？！?!‼⁇⁈⁉ー―‐゠–〜～…‥々〻ゝゞヽヾ"
    "）」』】〕〉》］｝〙〗〟’”)]}｠»"
    "ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶㇰㇱㇲㇳㇴㇵㇶㇷㇸㇹㇺㇻㇼㇽㇾㇿ%％"
)
# …and the characters that may not end one: opening brackets.
NO_LINE_END = frozenset("（「『【〔〈《［｛〘〖〝‘“([{｟«")

_RUNS = re.compile(r"\S+")
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
_LONGEST_PHRASED = 5000  # BudouX takes ~16 µs a character: 80 ms for this, 1.6 s for a 100,000-character field
_LATIN = re.compile(r"[\x21-\x7e]+")  # a Latin word, number or URL: never broken inside
_PIECE = re.compile(r"[\x21-\x7e]+|.", re.DOTALL)


def display_width(text: str) -> int:
    """Columns `text` takes in a fixed-width font: wide and fullwidth characters take two."""
    width = wcswidth(text)
    if width >= 0:
        return width
    return sum(max(wcwidth(char), 0) for char in text)  # a control character (a tab) counts as nothing


def has_wide(text: str) -> bool:
    """True when `text` holds a character that takes two columns: it needs the Japanese wrapping."""
    return any(unicodedata.east_asian_width(char) in "WF" for char in _NON_ASCII.findall(text))


@lru_cache(maxsize=1)
def _parser():
    return budoux.load_default_japanese_parser()


@lru_cache(maxsize=4096)  # the preview re-renders on every keystroke; most runs have not changed
def _phrases(run: str) -> tuple[str, ...]:
    """A run of text without spaces cut into phrases; a run without wide characters is one word."""
    if not has_wide(run):
        return (run,)
    if len(run) > _LONGEST_PHRASED:  # no sentence is this long: broken by characters, kinsoku still applies
        return (run,)
    phrases: list[str] = []
    for phrase in _parser().parse(run):
        # BudouX may cut inside a Latin word or URL written against Japanese ("（https://…）が"): rejoin it.
        if phrases and _LATIN.fullmatch(phrases[-1][-1]) and _LATIN.fullmatch(phrase[0]):
            phrases[-1] += phrase
        else:
            phrases.append(phrase)
    return tuple(phrases)


def _units(text: str) -> list[tuple[bool, str]]:
    """(space before, piece) pieces no line may break inside, with kinsoku applied: a piece that may
    not start a line joins the one before it, a piece ending in an opening bracket the one after."""
    units: list[tuple[bool, str]] = []
    for match in _RUNS.finditer(text):
        spaced = match.start() > 0 and text[match.start() - 1].isspace()
        for i, phrase in enumerate(_phrases(match.group())):
            joins = units and (i > 0 or not spaced) and (
                phrase[0] in NO_LINE_START or units[-1][1][-1] in NO_LINE_END)
            if joins:
                before, piece = units[-1]
                units[-1] = (before, piece + phrase)
            else:
                units.append((spaced and i == 0, phrase))
    return units


def _split_wide(piece: str, room: int, width: int) -> list[str]:
    """A piece wider than a whole line cut between characters (Latin words kept whole): the first
    chunk fits `room`, the others `width`. A chunk never ends with an opening bracket, and the next
    never starts with a closing mark or small kana: the character before it moves down with it."""
    chunks, current, limit = [], [], room
    for token in _PIECE.findall(piece):
        if current and display_width("".join(current) + token) > limit:
            carry = [token]
            while current and (carry[0][0] in NO_LINE_START or current[-1][-1] in NO_LINE_END):
                carry.insert(0, current.pop())
            if current:
                chunks.append("".join(current))
                limit = width
            # else nothing could go before the break: a URL wider than the line keeps its brackets
            current = carry
            continue
        current.append(token)
    return chunks + ["".join(current)]


def wrap_wide(text: str, width: int, initial_indent: str = "", subsequent_indent: str = "") -> list[str]:
    """`textwrap.wrap` for text holding Japanese: width in display columns, breaks between phrases and at
    spaces, kinsoku respected, Latin words and URLs kept whole (a longer one gets a line of its own)."""
    lines: list[str] = []
    line, used = initial_indent, display_width(initial_indent)
    fresh = True  # nothing but the indent on this line yet
    for spaced, piece in _units(text):
        gap = " " if spaced and not fresh else ""
        need = display_width(gap + piece)
        if used + need <= width:
            line, used, fresh = line + gap + piece, used + need, False
            continue
        if not fresh:
            lines.append(line)
            line, used, fresh = subsequent_indent, display_width(subsequent_indent), True
            need = display_width(piece)
        if used + need > width and has_wide(piece):
            *full, last = _split_wide(piece, width - used, width - display_width(subsequent_indent))
            for chunk in full:
                lines.append(line + chunk)
                line, used = subsequent_indent, display_width(subsequent_indent)
            piece, need = last, display_width(last)
        line, used, fresh = line + piece, used + need, False
    if not fresh:
        lines.append(line)
    return lines


def fit_columns(text: str, columns: int) -> str:
    """`text` cut at a character so that it and an ellipsis take at most `columns` display columns."""
    if display_width(text) <= columns:
        return text
    while text and display_width(text) > columns - 1:
        text = text[:-1]
    return text.rstrip() + "…"
