"""Rule packs: the tone rules as data, loaded, validated and compiled once.

A rule pack is a JSON file (documented in resources/rules/rulepack.schema.json). The shipped pack
is `resources/rules/<language>.json`; user packs in `<config dir>/rules/*.json` add rules, override
shipped rules by id (only the keys they give), and turn rules off with `"disabled": [ids]`.

Loading never raises for a user pack: every problem becomes one line in plain words naming the
file, and the shipped rules keep working. A broken *shipped* pack is a bug and raises RulePackError.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib.resources.abc import Traversable
from pathlib import Path

from ..shipped import resource
from .findings import CATEGORIES, SEVERITIES

TONE_CATEGORIES = ("blame", "guilt", "overpromise", "speculation", "jargon")
WHERE = ("before", "after", "sentence", "match")
# The fields a rule looks at when it names none: every field a recipient reads as prose.
PROSE_FIELDS = (
    "title", "subject", "summary", "impact", "later_impact", "data_loss_details", "workaround",
    "appendix",
)
# Text with no known field (e.g. `outagewriter check -` reading stdin) is checked by every rule.
FREE_TEXT_FIELD = "text"

_ID = re.compile(r"^[a-z0-9][a-z0-9_.-]*$")
_RULE_KEYS = {
    "id", "category", "severity", "patterns", "exceptions", "message", "suggestion", "fields",
    "allow", "examples", "source",
}
_EXCEPTION_KEYS = {"where", "pattern", "within", "why"}
_PACK_KEYS = {"$schema", "language", "version", "description", "rules", "disabled"}


class RulePackError(Exception):
    """A rule pack that cannot be used; the message names the file and the problem."""


@dataclass(frozen=True)
class Unless:
    """An exception: the match is left alone when `pattern` occurs in the text around it."""

    where: str  # before | after | sentence | match
    pattern: re.Pattern
    within: int | None  # at most this many characters from the match (None: the whole sentence)
    why: str = ""


@dataclass(frozen=True)
class Rule:
    id: str
    category: str
    severity: str
    patterns: tuple[str, ...]
    message: str
    suggestion: str = ""
    fields: frozenset[str] | None = None  # None: PROSE_FIELDS
    exceptions: tuple[Unless, ...] = ()
    allow: int = 0  # matches tolerated per notice before the rule speaks (one plain apology: 1)
    good: tuple[str, ...] = ()
    bad: tuple[str, ...] = ()
    source: str = ""
    origin: str = ""  # the file the rule came from
    regex: re.Pattern = field(default=None, compare=False, repr=False)  # type: ignore[assignment]
    # Speed (see tone.py): patterns without a case-sensitive part run lower-cased on lower-cased text,
    # which is ~3x faster than IGNORECASE; `plain` is their IGNORECASE fallback, `cased` the others.
    fast: re.Pattern | None = field(default=None, compare=False, repr=False)
    plain: re.Pattern | None = field(default=None, compare=False, repr=False)
    cased: re.Pattern | None = field(default=None, compare=False, repr=False)
    # Literal prefilters (see required_literals): per pattern of `fast` / `cased`, the lowered pattern
    # text and what the lowered text must contain for that pattern to be able to match at all.
    fast_parts: tuple = field(default=(), compare=False, repr=False)
    cased_parts: tuple = field(default=(), compare=False, repr=False)

    def applies_to(self, field_name: str) -> bool:
        if field_name == FREE_TEXT_FIELD:
            return True
        return field_name in (self.fields if self.fields is not None else PROSE_FIELDS)


@dataclass(frozen=True)
class RuleSet:
    """The rules in force, in pack order, plus what was wrong with the user's packs."""

    rules: tuple[Rule, ...]
    disabled: frozenset[str] = frozenset()
    problems: tuple[str, ...] = ()

    def get(self, rule_id: str) -> Rule | None:
        return next((r for r in self.rules if r.id == rule_id), None)


def default_user_rules_dir() -> Path:
    """`<user config dir>/rules` (platformdirs; OUTAGEWRITER_CONFIG_DIR moves it). The folder is optional."""
    from ..paths import config_dir

    return config_dir() / "rules"


def shipped_pack_path(language: str = "en") -> Traversable:
    return resource("rules", f"{language}.json")


def compile_pattern(pattern: str) -> re.Pattern:
    """Case-insensitive and word-bounded: a pattern never matches inside a longer word."""
    return re.compile(rf"(?<!\w)(?:{pattern})(?!\w)", re.IGNORECASE)


def _combine(patterns, flags: int = re.IGNORECASE) -> re.Pattern | None:
    if not patterns:
        return None
    return re.compile(r"(?<!\w)(?:" + "|".join(f"(?:{p})" for p in patterns) + r")(?!\w)", flags)


_UPPER_OUTSIDE_ESCAPES = re.compile(r"(\\.)|([A-Z]+)")


def _lower_pattern(pattern: str) -> str:
    """Lower-case a pattern's literal letters, leaving escapes such as \\W, \\S, \\D alone."""
    return _UPPER_OUTSIDE_ESCAPES.sub(lambda m: m.group(1) or m.group(2).lower(), pattern)


@lru_cache(maxsize=2048)
def combine_subset(patterns: tuple[str, ...], flags: int) -> re.Pattern | None:
    """`_combine` for the patterns of a rule that can match a given text (see tone.py), cached."""
    return _combine(patterns, flags)


# --- Literal prefilters ----------------------------------------------------------------------------
# Most rules cannot match most texts: a pattern such as "(?:caused by|due to) ..." needs "caused by"
# or "due to" somewhere in the text. `required_literals` reads that off the parsed pattern, so the
# checker can leave out a pattern (or a whole rule) whose literals are all absent: `in` on the
# lowered text costs microseconds, a regex scan of a long notice a fraction of a millisecond. Leaving
# out an alternative that cannot match anywhere in the text never changes what the others match.
#
# A requirement is a tuple of sets of lower-case ASCII strings: every match of the pattern contains
# (case-insensitively) at least one string of *each* set. None: nothing derivable, no prefilter.
# Soundness: literals are only taken from parts every match must go through (not optional, not in
# look-arounds, not under a repeat that may run zero times); under IGNORECASE, only ASCII letters
# whose case-insensitive matches are exactly their two ASCII cases are used ("i" also matches "ı",
# "s" matches "ſ", so they end a literal; "k" matches the Kelvin sign, whose lower case is "k").
try:
    from re import _constants as _C
    from re import _parser as _P
except ImportError:  # pragma: no cover - Python < 3.11
    try:
        import sre_constants as _C  # type: ignore[no-redef]
        import sre_parse as _P  # type: ignore[no-redef]
    except ImportError:
        _C = _P = None  # type: ignore[assignment]

_NOT_ONLY_ASCII_CASES = frozenset("is")  # the ASCII letters IGNORECASE also matches with other letters
_MAX_LITERALS = 48  # more alternatives than this in one set: not worth the `in` calls


def _literal_sets(seq, ignorecase: bool) -> list[frozenset[str]] | None:
    """Sets of strings, at least one of each set in every match of `seq`; None when none are known."""
    candidates: list[frozenset[str]] = []
    run: list[str] = []

    def flush():
        if run:
            candidates.append(frozenset(["".join(run)]))
            run.clear()

    for op, av in seq:
        if op is _C.LITERAL:
            ch = chr(av)
            if ch.isascii() and not (ignorecase and ch.lower() in _NOT_ONLY_ASCII_CASES):
                run.append(ch.lower())
            else:
                flush()
            continue
        flush()
        found = None
        if op is _C.SUBPATTERN:
            _group, add_flags, del_flags, inner = av
            if not add_flags and del_flags in (0, _C.SRE_FLAG_IGNORECASE):
                found = _best(_literal_sets(inner, ignorecase and not del_flags))
        elif op is _C.BRANCH:
            parts = [_best(_literal_sets(alternative, ignorecase)) for alternative in av[1]]
            if parts and all(parts):
                found = frozenset().union(*parts)
        elif op in (_C.MAX_REPEAT, _C.MIN_REPEAT, getattr(_C, "POSSESSIVE_REPEAT", None)):
            low, _high, item = av
            if low >= 1:
                found = _best(_literal_sets(item, ignorecase))
        elif op is getattr(_C, "ATOMIC_GROUP", None):
            found = _best(_literal_sets(av, ignorecase))
        if found and len(found) <= _MAX_LITERALS:
            candidates.append(found)
    flush()
    return candidates or None


def _strength(literals: frozenset[str]) -> tuple[int, int]:
    return min(map(len, literals)), -len(literals)


def _best(sets: list[frozenset[str]] | None) -> frozenset[str] | None:
    return max(sets, key=_strength) if sets else None


def required_literals(pattern: str, *, ignorecase: bool, keep: int = 3) -> tuple[frozenset[str], ...] | None:
    """What the lowered text must contain for `pattern` to match (see above); None when unknown.

    `pattern` is as compiled: for the fast path the lowered pattern without IGNORECASE, for the cased
    path the pattern with IGNORECASE. Keeps the `keep` most selective sets of at least 3 characters.
    """
    if _P is None:
        return None
    try:
        parsed = _P.parse(pattern, re.IGNORECASE if ignorecase else 0)
        if (parsed.state.flags & re.IGNORECASE) != (re.IGNORECASE if ignorecase else 0):
            return None  # a global inline flag such as "(?i)"
        sets = _literal_sets(parsed, ignorecase)
    except Exception:  # an unexpected parse tree (another Python): no prefilter, never a wrong one
        return None
    useful = sorted((s for s in sets or () if _strength(s)[0] >= 3), key=_strength, reverse=True)
    return tuple(useful[:keep]) or None


def _prefilters(patterns: list[str], *, ignorecase: bool) -> tuple:
    """(pattern, requirement) pairs; none at all when a pattern refers to a group by number or name,
    since leaving out another pattern would renumber the groups of the combined expression."""
    if any(re.search(r"\\[1-9]|\(\?P=|\(\?\(", p) for p in patterns):
        return tuple((p, None) for p in patterns)
    return tuple((p, required_literals(p, ignorecase=ignorecase)) for p in patterns)


def _split_compile(patterns: tuple[str, ...]) -> dict:
    plain = [p for p in patterns if "(?-i:" not in p]
    cased = [p for p in patterns if "(?-i:" in p]
    lowered = [_lower_pattern(p) for p in plain]
    return {
        "fast": _combine(lowered, 0),
        "plain": _combine(plain),
        "cased": _combine(cased),
        "fast_parts": _prefilters(lowered, ignorecase=False),
        "cased_parts": _prefilters(cased, ignorecase=True),
    }


def _problem(where: str, text: str) -> ValueError:
    return ValueError(f"{where}: {text}")


def _string_list(value, where: str, what: str, *, allow_empty: bool = False) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        raise _problem(where, f"'{what}' should be a list of non-empty texts")
    if not value and not allow_empty:
        raise _problem(where, f"'{what}' should not be empty")
    return tuple(value)


def _text(raw: dict, key: str, where: str, *, required: bool) -> str:
    value = raw.get(key, "")
    if not isinstance(value, str) or (required and not value.strip()):
        raise _problem(where, f"'{key}' should be {'a non-empty ' if required else ''}text")
    return value


def _regex(pattern: str, where: str) -> re.Pattern:
    try:
        return compile_pattern(pattern)
    except re.error as exc:
        raise _problem(where, f"{pattern!r} is not a valid regular expression ({exc})") from None


def build_rule(raw, origin: str) -> Rule:
    """Validate one rule object; raises ValueError whose message says what is wrong in plain words."""
    if not isinstance(raw, dict):
        raise ValueError("each rule should be an object with an 'id'")
    rule_id = raw.get("id")
    if not isinstance(rule_id, str) or not _ID.match(rule_id):
        raise ValueError(
            f"rule id {rule_id!r} should be lower-case letters, digits, '.', '-' or '_'"
        )
    where = f"rule '{rule_id}'"
    unknown = sorted(set(raw) - _RULE_KEYS)
    if unknown:
        raise _problem(where, f"unknown key(s) {', '.join(unknown)}; keys are {', '.join(sorted(_RULE_KEYS))}")
    category = raw.get("category")
    if category not in TONE_CATEGORIES:
        raise _problem(where, f"'category' should be one of {', '.join(TONE_CATEGORIES)} (found {category!r})")
    assert category in CATEGORIES
    severity = raw.get("severity")
    if severity not in SEVERITIES:
        raise _problem(where, f"'severity' should be one of {', '.join(SEVERITIES)} (found {severity!r})")
    patterns = _string_list(raw.get("patterns"), where, "patterns")
    for number, pattern in enumerate(patterns, 1):
        _regex(pattern, f"{where} pattern {number}")
    combined = _combine(patterns)
    if combined.search("") is not None:
        raise _problem(where, "a pattern matches empty text; it would flag everything")
    exceptions = []
    for number, exc in enumerate(raw.get("exceptions", []) if isinstance(raw.get("exceptions", []), list) else [None], 1):
        ewhere = f"{where} exception {number}"
        if not isinstance(exc, dict) or not isinstance(exc.get("pattern"), str):
            raise _problem(ewhere, "should be an object with a 'pattern'")
        bad_keys = sorted(set(exc) - _EXCEPTION_KEYS)
        if bad_keys:
            raise _problem(ewhere, f"unknown key(s) {', '.join(bad_keys)}")
        where_to_look = exc.get("where", "sentence")
        if where_to_look not in WHERE:
            raise _problem(ewhere, f"'where' should be one of {', '.join(WHERE)}")
        within = exc.get("within")
        if within is not None and (not isinstance(within, int) or isinstance(within, bool) or within < 1):
            raise _problem(ewhere, "'within' should be a positive number of characters")
        exceptions.append(Unless(where_to_look, _regex(exc["pattern"], ewhere), within, str(exc.get("why", ""))))
    fields = raw.get("fields")
    if fields is not None:
        fields = frozenset(_string_list(fields, where, "fields"))
    allow = raw.get("allow", 0)
    if not isinstance(allow, int) or isinstance(allow, bool) or allow < 0:
        raise _problem(where, "'allow' should be a whole number, 0 or more")
    examples = raw.get("examples", {})
    if not isinstance(examples, dict) or set(examples) - {"good", "bad"}:
        raise _problem(where, "'examples' should be an object with 'good' and 'bad' lists")
    good = _string_list(examples.get("good", []), where, "examples.good", allow_empty=True)
    bad = _string_list(examples.get("bad", []), where, "examples.bad", allow_empty=True)
    return Rule(
        id=rule_id,
        category=category,
        severity=severity,
        patterns=patterns,
        message=_text(raw, "message", where, required=True),
        suggestion=_text(raw, "suggestion", where, required=False),
        fields=fields,
        exceptions=tuple(exceptions),
        allow=allow,
        good=good,
        bad=bad,
        source=_text(raw, "source", where, required=False),
        origin=origin,
        regex=combined,
        **_split_compile(patterns),
    )


def _read_pack(path: Path | Traversable) -> dict:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise RulePackError(f"{path.name}: cannot be read ({exc.strerror or exc})") from None
    except UnicodeDecodeError:
        raise RulePackError(f"{path.name}: is not UTF-8 text") from None
    except json.JSONDecodeError as exc:
        raise RulePackError(
            f"{path.name}: not valid JSON at line {exc.lineno}, column {exc.colno}: {exc.msg}"
        ) from None
    if not isinstance(data, dict):
        raise RulePackError(f"{path.name}: should hold a JSON object with 'rules' and/or 'disabled'")
    unknown = sorted(set(data) - _PACK_KEYS)
    if unknown:
        raise RulePackError(f"{path.name}: unknown key(s) {', '.join(unknown)}")
    for key in ("rules", "disabled"):
        if key in data and not isinstance(data[key], list):
            raise RulePackError(f"{path.name}: '{key}' should be a list")
    return data


def load_shipped(language: str = "en") -> tuple[Rule, ...]:
    """The shipped pack; any problem in it is a bug and raises RulePackError."""
    path = shipped_pack_path(language)
    if not path.is_file():
        raise RulePackError(f"no rule pack for language {language!r} ({path.name} is missing)")
    data = _read_pack(path)
    rules = []
    for raw in data.get("rules", []):
        try:
            rules.append(build_rule(raw, path.name))
        except ValueError as exc:
            raise RulePackError(f"{path.name}: {exc}") from None
    ids = [r.id for r in rules]
    if len(ids) != len(set(ids)):
        raise RulePackError(f"{path.name}: a rule id is used twice")
    return tuple(rules)


def load_rules(language: str = "en", user_dir: str | Path | None = None) -> RuleSet:
    """The shipped rules for `language`, changed by the user packs in `user_dir` (if given).

    Pass `default_user_rules_dir()` in the app and CLI; tests pass a temporary folder.
    """
    rules = {r.id: r for r in load_shipped(language)}
    raw_by_id: dict[str, dict] | None = None
    disabled: set[str] = set()
    disabled_in: dict[str, list[str]] = {}
    problems: list[str] = []
    folder = Path(user_dir) if user_dir is not None else None
    files = sorted(folder.glob("*.json")) if folder is not None and folder.is_dir() else []
    for path in files:
        try:
            data = _read_pack(path)
        except RulePackError as exc:
            problems.append(f"{exc} — the file was ignored")
            continue
        pack_language = data.get("language", language)
        if pack_language != language:
            continue
        try:
            for rule_id in _string_list(data.get("disabled", []), path.name, "disabled", allow_empty=True):
                disabled.add(rule_id)
                disabled_in.setdefault(path.name, []).append(rule_id)
        except ValueError as exc:
            problems.append(str(exc))
        for raw in data.get("rules", []):
            if isinstance(raw, dict) and raw.get("id") in rules:
                if raw_by_id is None:
                    raw_by_id = _shipped_raw(language)
                merged = {**raw_by_id.get(raw["id"], {}), **raw}
            else:
                merged = raw
            try:
                rule = build_rule(merged, path.name)
            except ValueError as exc:
                problems.append(f"{path.name}: {exc} — that rule was ignored")
                continue
            rules[rule.id] = rule
            if raw_by_id is not None:
                raw_by_id[rule.id] = merged
            problems.extend(f"{path.name}: {p}" for p in example_problems(rule))
    # Structure and grammar findings can be turned off by id too; check_notice drops those.
    for name, ids in disabled_in.items():
        unknown = [d for d in ids if d not in rules and not d.startswith(("structure.", "grammar."))]
        if unknown:
            problems.append(f"{name}: 'disabled' names rules that do not exist: {', '.join(unknown)}")
    active = tuple(r for r in rules.values() if r.id not in disabled)
    return RuleSet(active, frozenset(disabled), tuple(problems))


def _shipped_raw(language: str) -> dict[str, dict]:
    data = _read_pack(shipped_pack_path(language))
    return {raw["id"]: raw for raw in data.get("rules", []) if isinstance(raw, dict) and "id" in raw}


def example_problems(rule: Rule) -> list[str]:
    """Where a rule's own examples disagree with it: each bad one must be flagged, no good one."""
    from .tone import ToneChecker

    checker = ToneChecker(RuleSet((rule,)))
    out = []
    for text in rule.bad:
        if not any(f.rule == rule.id for f in checker.check_text(FREE_TEXT_FIELD, text)):
            out.append(f"rule '{rule.id}': bad example not flagged: {text!r}")
    for text in rule.good:
        if any(f.rule == rule.id for f in checker.check_text(FREE_TEXT_FIELD, text)):
            out.append(f"rule '{rule.id}': good example flagged: {text!r}")
    return out
