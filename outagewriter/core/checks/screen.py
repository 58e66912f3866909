"""A linear-time screen for each rule, with RE2: can this rule match this sentence at all?

Python's `re` tries every pattern at every position: ~100 patterns over a 2,000-word notice take
~70 ms, and compiling them all ~0.5 s at start-up. RE2 (google-re2, the library proselint uses)
compiles in C++ and scans in linear time. Each rule gets an RE2 expression that matches a *superset*
of what its Python patterns match: look-arounds, word boundaries and ^ $ are dropped (removing a condition
only widens a match), and the classes \\w \\d \\s (ASCII-only in RE2, Unicode in Python) are widened
to take in every non-ASCII character. Only a rule that passes the screen is compiled and run by Python's `re`, which
gives the spans, the named groups and the look-arounds. A pattern RE2 cannot read (a back-reference)
leaves its rule unscreened: always run, never skipped.
"""
from __future__ import annotations

import re

import re2

# \w \d \s in Python's Unicode sense, widened to every non-ASCII character: a superset that RE2
# compiles in microseconds (exact Unicode classes under case folding cost ~10 ms per rule).
_ANY_NON_ASCII = r"\x{80}-\x{10FFFF}"
_CLASSES = {"w": r"0-9A-Za-z_" + _ANY_NON_ASCII, "d": r"0-9" + _ANY_NON_ASCII,
            "s": r"\t\n\x0b\f\r\x1c-\x20" + _ANY_NON_ASCII}
# Inside a negated class ([^\s、]) widening would narrow: there the ASCII-only class is the superset.
_ASCII_CLASSES = {"w": r"0-9A-Za-z_", "d": r"0-9", "s": r"\t\n\x0b\f\r\x1c-\x20"}
_NEGATED_CLASSES = {"W": r"[^0-9A-Za-z_]", "D": r"[^0-9]", "S": r"[^\t\n\x0b\f\r\x1c-\x20]"}
_REPEAT = re.compile(r"\{(\d*),?\d*\}")  # {m,n} {m,} {,n} {m}; without a digit it is a literal brace
_VERBATIM = re.compile(r"[^\\\[({^$]+")
_VERBATIM_IN_CLASS = re.compile(r"[^\\\]]+")
_LOOKAROUND = ("(?=", "(?!", "(?<=", "(?<!")
_WORD_GAP = r"[\s-]+"  # between the words of every list phrase (wordlists.phrase_pattern)
_WORD_GAP_RELAXED = "[" + _CLASSES["s"] + "-]+"
_OPTIONS = re2.Options()
_OPTIONS.case_sensitive = True  # screens run lower-cased patterns on lower-cased text, as `fast` does
_OPTIONS.max_mem = 64 << 20  # beyond this RE2 falls back to a slower scan, never to a wrong answer


def _group_end(pattern: str, start: int) -> int:
    """Index just past the group opening at `start` (escapes and character classes skipped)."""
    depth, i, in_class = 0, start, False
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\":
            i += 2
            continue
        if in_class:
            in_class = ch != "]"
        elif ch == "[":
            in_class = True
            if pattern[i + 1:i + 2] == "^":
                i += 1
            if pattern[i + 1:i + 2] == "]":
                i += 1  # a leading ] is a literal
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
            if depth == 0:
                return i + 1
        i += 1
    raise ValueError("unbalanced parentheses")


def _repeat(pattern: str, i: int) -> re.Match | None:
    found = _REPEAT.match(pattern, i)
    return found if found and any(c.isdigit() for c in found.group()) else None


def relax(pattern: str) -> str:
    """An RE2 expression matching every text `pattern` (Python syntax) matches, and perhaps more."""
    out, i, in_class, negated = [], 0, False, False
    while i < len(pattern):
        verbatim = (_VERBATIM_IN_CLASS if in_class else _VERBATIM).match(pattern, i)
        if verbatim:  # a run of characters RE2 reads as Python does (most of a word list)
            out.append(verbatim.group())
            i = verbatim.end()
            continue
        if not in_class and pattern.startswith(_WORD_GAP, i):  # the commonest class, in one step
            out.append(_WORD_GAP_RELAXED)
            i += len(_WORD_GAP)
            continue
        if not in_class and pattern.startswith(_LOOKAROUND, i):
            i = _group_end(pattern, i)
            continue
        ch = pattern[i]
        if ch == "\\" and i + 1 < len(pattern):
            letter = pattern[i + 1]
            i += 2
            if letter in "bBAZ":
                continue  # assertions: dropping one widens the match
            if letter in _CLASSES:
                out.append((_ASCII_CLASSES if negated else _CLASSES)[letter] if in_class else f"[{_CLASSES[letter]}]")
            elif letter in _NEGATED_CLASSES and not in_class:
                out.append(_NEGATED_CLASSES[letter])
            elif letter in _NEGATED_CLASSES:
                raise ValueError("negated class inside a class")
            elif letter.isdigit() and letter != "0":
                raise ValueError("back-reference")
            else:
                out.append("\\" + letter)
            continue
        if in_class:
            in_class = ch != "]"
        elif ch in "^$":  # start or end of the sentence; the screen reads the whole text: dropped, it widens
            i += 1
            continue
        elif ch == "{" and _repeat(pattern, i):
            # X{m,n} -> X* or X+: a superset, and RE2 need not unroll n copies of X.
            repeat = _repeat(pattern, i)
            out.append("*" if int(repeat.group(1) or 0) == 0 else "+")
            i = repeat.end()
            continue
        elif ch == "[":
            in_class = True
            negated = pattern[i + 1:i + 2] == "^"
            out.append(ch)
            i += 1
            for prefix in ("^", "]"):
                if pattern[i:i + 1] == prefix:
                    out.append(prefix)
                    i += 1
            continue
        out.append(ch)
        i += 1
    return "".join(out)


def screen(patterns) -> re2._Regexp | None:
    """One RE2 expression for a rule's patterns, or None when one of them cannot be screened."""
    if not patterns:
        return None
    try:
        return re2.compile("|".join(f"(?:{relax(p)})" for p in patterns), _OPTIONS)
    except (ValueError, re2.error):
        return None
