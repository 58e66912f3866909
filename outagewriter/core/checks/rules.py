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
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path

from ..i18n import _
from .. import os_errors
from ..shipped import resource
from . import screen, wordlists
from .findings import CATEGORIES, SEVERITIES
from .folding import JAPANESE_LETTERS

TONE_CATEGORIES = ("blame", "guilt", "overpromise", "speculation", "jargon")
WHERE = ("before", "after", "sentence", "match")
# The fields a rule looks at when it names none: every field a recipient reads as prose.
PROSE_FIELDS = (
    "title", "subject", "summary", "impact", "later_impact", "data_loss_details", "workaround",
    "done", "remaining", "root_cause", "events", "actions", "unavailable", "prepare", "appendix",
)
# Text with no known field (e.g. `outagewriter check -` reading stdin) is checked by every rule.
FREE_TEXT_FIELD = "text"

# A match may not start or end inside a word: no letter or digit just before or after it.
WORD_BEFORE = r"(?<!\w)"
WORD_AFTER = r"(?!\w)"
# Languages written without spaces between words: there kana and kanji next to a match do not make it
# part of a longer word (必ず in 必ず復旧します is a match). Only their packs use these bounds: compiling
# the class costs ~5 ms a pattern, which English rules (hundreds of patterns) would pay at every start.
SPACELESS_LANGUAGES = frozenset({"ja"})
SPACELESS_BEFORE = rf"(?<![^\W{JAPANESE_LETTERS}])"
SPACELESS_AFTER = rf"(?![^\W{JAPANESE_LETTERS}])"


def word_bounds(spaceless: bool) -> tuple[str, str]:
    return (SPACELESS_BEFORE, SPACELESS_AFTER) if spaceless else (WORD_BEFORE, WORD_AFTER)

_ID = re.compile(r"^[a-z0-9][a-z0-9_.-]*$")
_RULE_KEYS = {
    "id", "category", "severity", "patterns", "exceptions", "message", "suggestion", "fields",
    "allow", "examples", "source", "swap",
}
_EXCEPTION_KEYS = {"where", "pattern", "within", "why"}
_PACK_KEYS = {"$schema", "language", "version", "description", "lists", "rules", "disabled"}


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
    spaceless: bool = False  # its language has no spaces between words (SPACELESS_LANGUAGES)
    # Substitution rules: (phrase regex, replacement) pairs; a match gets its own rewrite.
    swap: tuple[tuple[re.Pattern, str], ...] = field(default=(), compare=False, repr=False)

    @cached_property
    def cased(self) -> tuple[bool, ...]:
        """Per pattern: has a case-sensitive part (then it runs with IGNORECASE on the folded text;
        the others run lower-cased on lower-cased text, ~3x faster)."""
        return tuple("(?-i:" in p for p in self.patterns)

    @cached_property
    def screens(self) -> tuple:
        """Per pattern, RE2's linear-time test whether it can match a lower-cased text at all (None:
        always run). Case-sensitive parts are lower-cased too, which only widens them there."""
        return tuple(screen.screen([_lower_pattern(p).replace("(?-i:", "(?:")]) for p in self.patterns)

    def replacement(self, matched: str) -> str | None:
        """The substitution for `matched` when this is a substitution rule."""
        return next((new for phrase, new in self.swap if phrase.fullmatch(matched)), None)

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
    lists: dict = field(default_factory=dict, compare=False)  # NAME -> phrases, shipped plus the user's
    problem_files: tuple[str, ...] = ()  # the user's packs that `problems` are about, in name order

    def get(self, rule_id: str) -> Rule | None:
        return next((r for r in self.rules if r.id == rule_id), None)


def default_user_rules_dir() -> Path:
    """`<user config dir>/rules` (platformdirs; OUTAGEWRITER_CONFIG_DIR moves it). The folder is optional."""
    from ..paths import config_dir

    return config_dir() / "rules"


def shipped_pack_path(language: str = "en") -> Path:
    return resource("rules", f"{language}.json")


def shipped_languages() -> tuple[str, ...]:
    """The languages with a shipped rule pack, e.g. ("en",)."""
    return tuple(sorted(item.name[:-5] for item in resource("rules").iterdir()
                        if item.name.endswith(".json") and not item.name.endswith(".schema.json")))


def compile_pattern(pattern: str, spaceless: bool = False) -> re.Pattern:
    """Case-insensitive and word-bounded: a pattern never matches inside a longer word."""
    before, after = word_bounds(spaceless)
    return re.compile(rf"{before}(?:{pattern}){after}", re.IGNORECASE)


@lru_cache(maxsize=None)
def compiled(pattern: str, on_lowered: bool, spaceless: bool = False) -> re.Pattern:
    """One pattern, compiled when a text first passes its screen: for lower-cased text (lowered,
    without IGNORECASE) or for the folded text (IGNORECASE)."""
    if on_lowered:
        before, after = word_bounds(spaceless)
        return re.compile(rf"{before}(?:{_lower_pattern(pattern)}){after}")
    return compile_pattern(pattern, spaceless)


# An escaped backslash or an escaped capital (\\W, \\S, \\D) is kept; escapes of lower-case letters and
# punctuation need no match at all, which keeps this quick on patterns made of long word lists.
_UPPER_OUTSIDE_ESCAPES = re.compile(r"(\\[\\A-Z]|\(\?P[<=])|([A-Z]+)")


def _lower_pattern(pattern: str) -> str:
    """Lower-case a pattern's literal letters, leaving escapes such as \\W, \\S, \\D alone."""
    return _UPPER_OUTSIDE_ESCAPES.sub(lambda m: m.group(1) or m.group(2).lower(), pattern)


def _problem(where: str, text: str) -> ValueError:
    return ValueError(_("{where}: {problem}").format(where=where, problem=text))


def _missing(where: str, key: str, wanted: str) -> ValueError:
    """A key the rule must have is not there: say so, rather than show Python's None as its value."""
    return _problem(where, _("'{key}' is missing; give {wanted}").format(key=key, wanted=wanted))


def _string_list(value, where: str, what: str, *, allow_empty: bool = False) -> tuple[str, ...]:
    if value is None and not allow_empty:
        raise _missing(where, what, _("a list of non-empty texts"))
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        raise _problem(where, _("'{key}' should be a list of non-empty texts").format(key=what))
    if not value and not allow_empty:
        raise _problem(where, _("'{key}' should not be empty").format(key=what))
    return tuple(value)


def _text(raw: dict, key: str, where: str, *, required: bool) -> str:
    if required and key not in raw:
        raise _missing(where, key, _("a non-empty text"))
    value = raw.get(key, "")
    if not isinstance(value, str) or (required and not value.strip()):
        raise _problem(where, (_("'{key}' should be a non-empty text") if required else
                               _("'{key}' should be text")).format(key=key))
    return value


def _regex(pattern: str, where: str, spaceless: bool = False, written: str | None = None) -> re.Pattern:
    """`pattern` compiled; a ValueError about the pattern as the user wrote it (`written`, before its
    {LISTS} were expanded) when it is not a regular expression. The position is in `written`, counted
    from 1: not in the word bounds the program puts around it (they differ by language, so one mistake
    read as two)."""
    try:
        return compile_pattern(pattern, spaceless)
    except re.error as failed:
        written = pattern if written is None else written
        # Placed in what the user wrote: a list reference becomes literal letters of the same length
        # (valid, and positions stay the user's). Only a failed pattern pays for this second compile.
        try:
            re.compile(wordlists.blank_references(written))
        except re.error as exc:
            raise _problem(where, _("{pattern!r} is not a valid regular expression: {reason} (at character "
                                    "{position})").format(pattern=written, reason=exc.msg,
                                                          position=(exc.pos or 0) + 1)) from None
        raise _problem(where, _("{pattern!r} is not a valid regular expression: {reason}").format(
            pattern=written, reason=failed.msg)) from None


def _swap(raw, where: str) -> tuple[tuple[str, str], ...]:
    swap = raw.get("swap", {})
    if not isinstance(swap, dict) or not all(isinstance(k, str) and k.strip() and isinstance(v, str) and v.strip()
                                             for k, v in swap.items()):
        raise _problem(where, _("'swap' should be an object of phrase: replacement texts"))
    return tuple(swap.items())


def _expanded(patterns: tuple[str, ...], lists: dict, where: str) -> tuple[str, ...]:
    unknown = sorted({name for p in patterns for name in wordlists.references(p)} - set(lists))
    if unknown:
        raise _problem(where, _("refers to word list(s) that do not exist: {names}").format(names=", ".join(unknown)))
    return tuple(wordlists.expand(p, lists) for p in patterns)


def build_rule(raw, origin: str, lists: dict | None = None, *, compile_now: bool = True,
               language: str = "en") -> Rule:
    """Validate one rule object; raises ValueError whose message says what is wrong in plain words.

    `compile_now=False` (the shipped pack, checked by the tests) leaves the regular expressions to be
    compiled when a text first passes the rule's screen: start-up then costs no compiling."""
    if not isinstance(raw, dict):
        raise ValueError(_("each rule should be an object with an 'id'"))
    rule_id = raw.get("id")
    if rule_id is None:
        raise ValueError(_("a rule has no 'id'; give each rule one (lower-case letters, digits, '.', '-' or '_')"))
    if not isinstance(rule_id, str) or not _ID.match(rule_id):
        raise ValueError(_("rule id {id!r} should be lower-case letters, digits, '.', '-' or '_'").format(id=rule_id))
    where = _("rule '{id}'").format(id=rule_id)
    unknown = sorted(set(raw) - _RULE_KEYS)
    if unknown:
        raise _problem(where, _("unknown key(s) {names}; keys are {keys}").format(
            names=", ".join(unknown), keys=", ".join(sorted(_RULE_KEYS))))
    if "category" not in raw:
        raise _missing(where, "category", _("one of {choices}").format(choices=", ".join(TONE_CATEGORIES)))
    category = raw.get("category")
    if category not in TONE_CATEGORIES:
        raise _problem(where, _("'category' should be one of {choices} (found {value!r})").format(
            choices=", ".join(TONE_CATEGORIES), value=category))
    assert category in CATEGORIES
    if "severity" not in raw:
        raise _missing(where, "severity", _("one of {choices}").format(choices=", ".join(SEVERITIES)))
    severity = raw.get("severity")
    if severity not in SEVERITIES:
        raise _problem(where, _("'severity' should be one of {choices} (found {value!r})").format(
            choices=", ".join(SEVERITIES), value=severity))
    swap = _swap(raw, where)
    written = list(raw.get("patterns", [])) if swap and isinstance(raw.get("patterns", []), list) else raw.get("patterns")
    if swap:
        written += [wordlists.phrase_pattern(phrase) for phrase, _ in swap]  # {NAME} kept: expanded below
    as_written = _string_list(written, where, "patterns")
    patterns = _expanded(as_written, lists or {}, where)
    spaceless = language in SPACELESS_LANGUAGES
    if compile_now:
        _validate(patterns, where, spaceless, as_written)
    exceptions = []
    for number, exc in enumerate(raw.get("exceptions", []) if isinstance(raw.get("exceptions", []), list) else [None], 1):
        ewhere = _("{rule} exception {number}").format(rule=where, number=number)
        if not isinstance(exc, dict) or not isinstance(exc.get("pattern"), str):
            raise _problem(ewhere, _("should be an object with a 'pattern'"))
        bad_keys = sorted(set(exc) - _EXCEPTION_KEYS)
        if bad_keys:
            raise _problem(ewhere, _("unknown key(s) {names}").format(names=", ".join(bad_keys)))
        where_to_look = exc.get("where", "sentence")
        if where_to_look not in WHERE:
            raise _problem(ewhere, _("'where' should be one of {choices}").format(choices=", ".join(WHERE)))
        within = exc.get("within")
        if within is not None and (not isinstance(within, int) or isinstance(within, bool) or within < 1):
            raise _problem(ewhere, _("'within' should be a positive number of characters"))
        [pattern] = _expanded((exc["pattern"],), lists or {}, ewhere)
        exceptions.append(Unless(where_to_look, _regex(pattern, ewhere, spaceless, exc["pattern"]), within,
                                 str(exc.get("why", ""))))
    fields = raw.get("fields")
    if fields is not None:
        fields = frozenset(_string_list(fields, where, "fields"))
    allow = raw.get("allow", 0)
    if not isinstance(allow, int) or isinstance(allow, bool) or allow < 0:
        raise _problem(where, _("'allow' should be a whole number, 0 or more"))
    examples = raw.get("examples", {})
    if not isinstance(examples, dict) or set(examples) - {"good", "bad"}:
        raise _problem(where, _("'examples' should be an object with 'good' and 'bad' lists"))
    good = _string_list(examples.get("good", []), where, "examples.good", allow_empty=True)
    bad = _string_list(examples.get("bad", []), where, "examples.bad", allow_empty=True)
    rule = Rule(
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
        spaceless=spaceless,
        swap=tuple((re.compile(p, re.IGNORECASE), new)
                   for p, (_, new) in zip(_expanded(tuple(wordlists.phrase_pattern(old) for old, _ in swap),
                                                    lists or {}, where), swap)),
    )
    return rule


def _validate(patterns: tuple[str, ...], where: str, spaceless: bool = False,
              written: tuple[str, ...] | None = None) -> None:
    for number, pattern in enumerate(patterns, 1):
        regex = _regex(pattern, _("{rule} pattern {number}").format(rule=where, number=number), spaceless,
                       written[number - 1] if written else None)
        if regex.search("") is not None or ("(?-i:" not in pattern and compiled(pattern, True, spaceless).search("")):
            raise _problem(where, _("a pattern matches empty text; it would flag everything"))


def _read_pack(path: Path) -> dict:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise RulePackError(_("{file}: cannot be read ({reason})").format(
            file=path.name, reason=os_errors.reason(exc))) from None
    except UnicodeDecodeError:
        raise RulePackError(_("{file}: is not UTF-8 text").format(file=path.name)) from None
    except json.JSONDecodeError as exc:
        raise RulePackError(_("{file}: not valid JSON at line {line}, column {column}: {reason}").format(
            file=path.name, line=exc.lineno, column=exc.colno, reason=exc.msg)) from None
    if not isinstance(data, dict):
        raise RulePackError(_("{file}: should hold a JSON object with 'rules' and/or 'disabled'").format(
            file=path.name))
    unknown = sorted(set(data) - _PACK_KEYS)
    if unknown:
        raise RulePackError(_("{file}: unknown key(s) {names}").format(file=path.name, names=", ".join(unknown)))
    for key in ("rules", "disabled"):
        if key in data and not isinstance(data[key], list):
            raise RulePackError(_("{file}: '{key}' should be a list").format(file=path.name, key=key))
    return data


def _shipped_data(language: str) -> tuple[Path, dict, dict]:
    path = shipped_pack_path(language)
    if not path.is_file():
        raise RulePackError(f"no rule pack for language {language!r} ({path.name} is missing)")
    data = _read_pack(path)
    try:
        lists = wordlists.validate(data.get("lists", {}), path.name)
    except ValueError as exc:
        raise RulePackError(str(exc)) from None
    return path, data, lists


def _build_shipped(path, data: dict, lists: dict, language: str) -> tuple[Rule, ...]:
    rules = []
    for raw in data.get("rules", []):
        try:
            rules.append(build_rule(raw, path.name, lists, compile_now=False, language=language))
        except ValueError as exc:
            raise RulePackError(f"{path.name}: {exc}") from None
    ids = [r.id for r in rules]
    if len(ids) != len(set(ids)):
        raise RulePackError(f"{path.name}: a rule id is used twice")
    return tuple(rules)


def load_shipped(language: str = "en") -> tuple[Rule, ...]:
    """The shipped pack; any problem in it is a bug and raises RulePackError."""
    return _build_shipped(*_shipped_data(language), language)


class _Problems:
    """What is wrong with the user's packs: each line, and the files they are about."""

    def __init__(self):
        self.lines: list[str] = []
        self.files: list[str] = []

    def add(self, file: str, line: str) -> None:
        self.lines.append(line)
        if file not in self.files:
            self.files.append(file)


def _user_packs(folder: Path | None, language: str, problems: _Problems) -> list[tuple[str, dict]]:
    """(file name, data) of the readable user packs for `language`, in name order."""
    files = sorted(folder.glob("*.json")) if folder is not None and folder.is_dir() else []
    packs = []
    for path in files:
        try:
            data = _read_pack(path)
        except RulePackError as exc:
            problems.add(path.name, _("{problem} — the file was ignored").format(problem=exc))
            continue
        wanted = data.get("language", language)
        if "language" in data and wanted not in shipped_languages():  # it would be skipped for every language
            problems.add(path.name, _("{file}: 'language' is {value!r}, but OutageWriter has tone rules only for "
                                      "{languages}, so this pack is not used").format(
                file=path.name, value=wanted, languages=", ".join(shipped_languages())))
            continue
        if wanted == language:
            packs.append((path.name, data))
    return packs


def _unused_lists(name: str, data: dict, packs: list[tuple[str, dict]], language: str) -> list[str]:
    """A list in the pack `name` that no rule refers to (a misspelt SUPPLIERS for SUPPLIER): its phrases
    change nothing, which the user must be told. One line each, naming the closest list the rules use."""
    lists = data.get("lists", {})
    if not isinstance(lists, dict) or not lists:
        return []
    # A pack for every language may extend a list only another language's rules use.
    languages = (language,) if "language" in data else shipped_languages()
    known: set[str] = set()
    referred: set[str] = set()
    for code in languages:
        known |= set(_shipped_data(code)[2])
    for _pack_name, pack in packs:  # the user's own rules may use a list of their own
        referred |= set(wordlists.references(json.dumps(pack.get("rules", []), ensure_ascii=False)))
    lines = []
    for list_name in lists:
        if not isinstance(list_name, str) or list_name in known or list_name in referred:
            continue
        import difflib  # only when a pack names a list no rule uses

        close = difflib.get_close_matches(list_name, sorted(known), n=1, cutoff=0.6)
        if close:
            lines.append(_("{file}: no rule uses a list named {name}, so its phrases change nothing; did you mean "
                           "{close}?").format(file=name, name=list_name, close=close[0]))
        else:
            lines.append(_("{file}: no rule uses a list named {name}, so its phrases change nothing (the lists "
                           "the rules use: {names})").format(file=name, name=list_name, names=", ".join(sorted(known))))
    return lines


def load_rules(language: str = "en", user_dir: str | Path | None = None, *,
               examples: Callable[[Rule], list[str]] | None = None) -> RuleSet:
    """The shipped rules for `language`, changed by the user packs in `user_dir` (if given).

    User packs first extend the shipped word lists (so a vendor added to SUPPLIER reaches every
    rule that uses it), then add, override and turn off rules.
    Pass `default_user_rules_dir()` in the app and CLI; tests pass a temporary folder.
    """
    path, shipped, lists = _shipped_data(language)
    problems = _Problems()
    packs = _user_packs(Path(user_dir) if user_dir is not None else None, language, problems)
    for name, data in packs:
        try:
            lists = wordlists.merge(lists, wordlists.validate(data.get("lists", {}), name))
        except ValueError as exc:
            problems.add(name, _("{problem} — those lists were ignored").format(problem=exc))
            continue
        for line in _unused_lists(name, data, packs, language):
            problems.add(name, line)
    rules = {r.id: r for r in _build_shipped(path, shipped, lists, language)}
    raw_by_id = {raw["id"]: raw for raw in shipped.get("rules", [])}
    disabled: set[str] = set()
    disabled_in: dict[str, list[str]] = {}
    for name, data in packs:
        try:
            for rule_id in _string_list(data.get("disabled", []), name, "disabled", allow_empty=True):
                disabled.add(rule_id)
                disabled_in.setdefault(name, []).append(rule_id)
        except ValueError as exc:
            problems.add(name, str(exc))
        for raw in data.get("rules", []):
            merged = {**raw_by_id[raw["id"]], **raw} if isinstance(raw, dict) and raw.get("id") in raw_by_id else raw
            try:
                rule = build_rule(merged, name, lists, language=language)
            except ValueError as exc:
                problems.add(name, _("{file}: {problem} — that rule was ignored").format(file=name, problem=exc))
                continue
            rules[rule.id] = rule
            raw_by_id[rule.id] = merged
            if examples is not None:  # the user's own examples, run through a checker (tone.py)
                for line in examples(rule):
                    problems.add(name, f"{name}: {line}")
    # Structure and grammar findings can be turned off by id too; check_notice drops those.
    pack_data = dict(packs)
    for name, ids in disabled_in.items():
        unknown = [d for d in ids if d not in rules and not d.startswith(("structure.", "grammar."))]
        if unknown and "language" not in pack_data[name]:  # a pack for every language: another's ids are fine
            elsewhere = {rule.id for other in shipped_languages() if other != language for rule in load_shipped(other)}
            unknown = [d for d in unknown if d not in elsewhere]
        if unknown:
            problems.add(name, _("{file}: 'disabled' names rules that do not exist: {ids}").format(
                file=name, ids=", ".join(unknown)))
    active = tuple(r for r in rules.values() if r.id not in disabled)
    return RuleSet(active, frozenset(disabled), tuple(problems.lines), lists,
                   problem_files=tuple(sorted(problems.files)))
