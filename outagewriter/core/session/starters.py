"""Starting texts: calm, specific first drafts per status, common failure and maintenance stage.

The library ships as resources/starters/<language>.json (schema: resources/starters.schema.json); the
user's own files in `<config dir>/starters/*.json` are listed after it. A bad user file is reported
in one line and ignored; a bad shipped file is a bug and raises StarterError.

Applying a starter fills the notice's empty fields and returns the fields holding typed text it would
replace, so the caller asks first. It never touches recipients, audiences or components (the schema
does not allow them).
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from ..i18n import _
from .. import os_errors
from ..incident.bilingual import IN_ENGLISH, language_label
from ..incident.fields import FieldError, display_label, fields_of, kind_label, normalise, statuses_for
from ..incident.model import Notice
from ..shipped import resource
from ..storage.validation import problem

SCHEMA = "starters"
# The status is the point of a status starter ("Monitoring"), not typed text: choosing one sets it.
ALWAYS_SET = ("status",)


class StarterError(FieldError):
    """A starter that does not exist, does not fit the notice, or a broken shipped library."""


def _kinds_text(kinds) -> str:
    """Notice kinds as the program's language names them: "initial and update", "第一報・続報"."""
    return _(" and ").join(kind_label(kind) for kind in kinds)


@dataclass(frozen=True)
class Starter:
    name: str
    title: str
    group: str
    kinds: tuple[str, ...]
    fields: dict[str, str]
    origin: str  # "shipped" or the user's file name

    @property
    def summary(self) -> str:
        return self.fields.get("summary", "")


@dataclass(frozen=True)
class Library:
    starters: tuple[Starter, ...]
    problems: tuple[str, ...] = ()  # one line per user file that was ignored

    def for_kind(self, kind: str) -> list[Starter]:
        return [s for s in self.starters if kind in s.kinds]

    def get(self, name: str, kind: str | None = None) -> Starter:
        """The starter called `name` (fitting a notice of `kind` when given), else StarterError in one line."""
        found = next((s for s in self.starters if s.name == name), None)
        if found is None:
            raise StarterError(_("there is no starting text {name!r}; available: {names}").format(
                name=name, names=", ".join(s.name for s in self.starters)))
        if kind is not None and kind not in found.kinds:
            fitting = ", ".join(s.name for s in self.for_kind(kind)) or _("none")
            raise StarterError(_("the starting text {name!r} is for {kinds} notices, not {kind}; for {kind} "
                                 "notices: {names}").format(name=name, kinds=_kinds_text(found.kinds),
                                                            kind=kind_label(kind), names=fitting))
        return found


def _starters(data, origin: str, language: str) -> list[Starter]:
    """The starters in one parsed file; ValueError in one line when anything in it is wrong."""
    wrong = problem(data, SCHEMA)
    if wrong is not None:
        raise ValueError(wrong)
    if data.get("language", language) != language:
        return []
    made = []
    for raw in data["starters"]:
        name = raw["name"]
        values = {}
        for key, value in raw["fields"].items():
            try:
                values[key] = normalise(key, value)
            except FieldError as exc:
                raise ValueError(_("starter {name!r}: {problem}").format(name=name, problem=exc)) from None
        for kind in raw["kinds"]:
            unused = [key for key in values if key not in fields_of(kind)]
            if unused:
                raise ValueError(_("starter {name!r}: a {kind} notice has no {fields} field").format(
                    name=name, kind=kind_label(kind), fields=", ".join(unused)))
            if values.get("status", statuses_for(kind)[0]) not in statuses_for(kind):
                raise ValueError(_("starter {name!r}: status {status!r} does not fit a {kind} notice").format(
                    name=name, status=values["status"], kind=kind_label(kind)))
        made.append(Starter(name, raw["title"], raw.get("group", "Your own"), tuple(raw["kinds"]), values, origin))
    return made


def _read(path: Path) -> object:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except UnicodeDecodeError:
        raise ValueError(_("not UTF-8 text")) from None
    except json.JSONDecodeError as exc:
        raise ValueError(_("not valid JSON (line {line}, column {column}: {reason})").format(
            line=exc.lineno, column=exc.colno, reason=exc.msg)) from None


def load_library(language: str = "en", user_dir: str | Path | None = None) -> Library:
    """The shipped starters for `language`, then those of each user file in `user_dir` in name order.
    A language with no shipped file and no user starters is StarterError in one line."""
    shipped_file = resource("starters", f"{language}.json")
    try:
        shipped = _starters(json.loads(shipped_file.read_text(encoding="utf-8")), "shipped", language) \
            if shipped_file.is_file() else []
    except (OSError, ValueError) as exc:
        raise StarterError(_("the shipped starting texts cannot be used: {problem}").format(problem=exc)) from None
    starters, problems = list(shipped), []
    folder = Path(user_dir) if user_dir is not None else None
    for path in sorted(folder.glob("*.json")) if folder is not None and folder.is_dir() else []:
        try:
            mine = _starters(_read(path), path.name, language)
            taken = sorted({s.name for s in mine} & {s.name for s in starters})
            if taken:
                raise ValueError(_("the name {name!r} is already used by another starting text").format(name=taken[0]))
        except (OSError, ValueError) as exc:
            problems.append(_("starting texts {file}: {problem} — the file was ignored").format(
                file=path.name, problem=os_errors.reason(exc) if isinstance(exc, OSError) else exc))
            continue
        starters.extend(mine)
    if not starters:
        name = language_label(language) if language in IN_ENGLISH else language
        raise StarterError(_("there are no starting texts for notices in {language}").format(language=name))
    return Library(tuple(starters), tuple(problems))


@dataclass(frozen=True)
class StarterPlan:
    """What applying a starter does to a notice: `fill` goes into empty fields (and sets the status);
    `replace` would overwrite text the writer typed, so it is applied only when the writer agrees."""

    starter: Starter
    fill: dict[str, str] = field(default_factory=dict)
    replace: dict[str, str] = field(default_factory=dict)

    def values(self, overwrite: bool = False) -> dict[str, str]:
        return {**self.fill, **(self.replace if overwrite else {})}

    def replaced_labels(self, kind: str) -> list[str]:
        return [display_label(kind, name) for name in self.replace]


def plan(notice: Notice, starter: Starter) -> StarterPlan:
    """How `starter` would change `notice` (StarterError when it is not for the notice's kind)."""
    if notice.kind not in starter.kinds:
        raise StarterError(_("the starting text {name!r} is for {kinds} notices, not {kind}").format(
            name=starter.name, kinds=_kinds_text(starter.kinds), kind=kind_label(notice.kind)))
    fill, replace = {}, {}
    for name, value in starter.fields.items():
        current = notice.fields[name]
        if current == value:
            continue
        empty = not current.strip()
        (fill if empty or name in ALWAYS_SET else replace)[name] = value
    return StarterPlan(starter, fill, replace)
