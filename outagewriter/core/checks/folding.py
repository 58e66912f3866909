"""Text as the tone rules read it: variant forms folded to one, and split into sentences.

Folding maps curly quotes to straight ones ("we’re" matches a pattern written "we're"), fullwidth
letters and digits to ASCII (Ｄ Ｎ Ｓ to DNS) and halfwidth katakana to the usual kana (ﾃﾞﾌﾟﾛｲ to
デプロイ), as NFKC does, so a pattern is written once. All of it is one code point for one except a
halfwidth kana with its voicing mark (ﾃﾞ becomes デ); then the folded text comes with a map back to
the original offsets, so findings still highlight the characters the writer typed.
"""
from __future__ import annotations

import re
import unicodedata

_ONE_FOR_ONE = {
    "\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u2032": "'",
    "\u201c": '"', "\u201d": '"',
    "\u00a0": " ", "\u202f": " ", "\u2009": " ",
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-",
}
# Fullwidth 0-9 A-Z a-z (not the fullwidth punctuation: ！？ end Japanese sentences as they are).
for _first, _last in ((0xFF10, 0xFF19), (0xFF21, 0xFF3A), (0xFF41, 0xFF5A)):
    _ONE_FOR_ONE.update({chr(c): chr(c - 0xFEE0) for c in range(_first, _last + 1)})
# Halfwidth Japanese punctuation and katakana (｡ ｢ ｣ ､ ･ ｦ-ﾝ) and the voicing marks on their own.
_ONE_FOR_ONE.update({chr(c): unicodedata.normalize("NFKC", chr(c)) for c in range(0xFF61, 0xFFA0)
                     if len(unicodedata.normalize("NFKC", chr(c))) == 1})
_TABLE = str.maketrans(_ONE_FOR_ONE)
_FOLDABLE = re.compile("[" + "".join(re.escape(c) for c in _ONE_FOR_ONE) + "]")
_VOICED = re.compile("[\uff66-\uff9d][\uff9e\uff9f]")  # ｶﾞ ﾊﾟ: two halfwidth code points, one kana

# Kana, kanji and the iteration marks: Japanese is written without spaces between words, so one of
# these next to a match does not make it part of a longer word.
JAPANESE_LETTERS = "\u3005\u3006\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff66-\uff9f"
# A sentence ends at . ! ? (with closing quotes or brackets) followed by white space, at 。！？ (or
# ! ? after Japanese) with any closing 」』）】 after them, or at a line break.
_SENTENCE_END = re.compile(
    r"""[.!?]+["')\]]*(?=\s|$)"""
    rf"""|(?:[。！？]|(?<=[{JAPANESE_LETTERS}])[!?])[。！？!?]*[」』）)\]】〕"']*"""
    r"""|\n""")


def fold(text: str) -> tuple[str, tuple[int, ...] | None]:
    """(folded text, map): map[i] is the offset in `text` of folded character i (and map[len] is
    len(text)); None when the offsets are the same."""
    # str.translate walks every character in Python; most notices have nothing to fold.
    if not _FOLDABLE.search(text):
        return text, None
    if not _VOICED.search(text):
        return text.translate(_TABLE), None
    pieces, origin, last = [], [], 0
    for match in _VOICED.finditer(text):
        joined = unicodedata.normalize("NFKC", match.group())
        if len(joined) != 1:
            continue
        pieces += [text[last:match.start()], joined]
        origin += [*range(last, match.start()), match.start()]
        last = match.end()
    pieces.append(text[last:])
    origin += [*range(last, len(text) + 1)]
    return "".join(pieces).translate(_TABLE), tuple(origin)


def sentence_bounds(folded: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence; together they cover the whole text."""
    bounds, start = [], 0
    for match in _SENTENCE_END.finditer(folded):
        bounds.append((start, match.end()))
        start = match.end()
    if start < len(folded) or not bounds:
        bounds.append((start, len(folded)))
    return bounds
