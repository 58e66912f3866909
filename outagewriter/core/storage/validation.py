"""Checking parsed JSON against a shipped JSON Schema, with the first problem told in plain words.

jsonschema finds what is wrong; this module says where and what in one line a user can act on:
"notice 2, field 'to': expected text, got a number", never a JSON dump of the offending value.
The line is in the program's language; so are the schemas' `x-expected` texts, which are listed in
EXPECTED below for the catalog (tests/core/test_fileformat.py checks that every one of them is).
"""
from __future__ import annotations

from functools import cache

from jsonschema import Draft202012Validator
from jsonschema.exceptions import ValidationError, best_match

from .. import safe_text
from ..i18n import N_, _
from ..shipped import schema

_TYPE_WORDS = {"string": N_("text"), "object": N_("an object"), "array": N_("a list"), "integer": N_("a whole number"),
               "number": N_("a number"), "boolean": N_("true or false"), "null": "null"}
# The shipped schemas' "x-expected" texts (incident.schema.json, starters.schema.json), marked for the
# catalog: JSON is not searched for messages. A new x-expected text goes here too.
EXPECTED = (
    N_("a name of 1 to 100 characters"),
    N_("at least one notice"),
    N_("a UTC time like 2026-11-27T10:15:02Z"),
    N_("a time with its offset like 2026-11-27T15:00+01:00[Europe/Berlin]"),
    N_("a message id of the form <id@domain>"),
    N_("an id (letters, digits, '.', '_' and '-', at most 64)"),
    N_("64 lower-case hex digits"),
    N_("text of at most 16,000 characters, or null"),
    N_("a whole number from 1"),
    N_("lower-case letters, digits and '-', e.g. 'full-outage'"),
    N_("a non-empty title"),
    N_("a list of notice kinds: initial, update, resolution, post-incident, maintenance"),
    N_("an object of field: text"),
    N_("a field a starting text may fill (never recipients, audiences or components)"),
)


@cache
def validator(name: str) -> Draft202012Validator:
    return Draft202012Validator(schema(name))


def _shown(value) -> str:
    return repr(safe_text.visible(str(value))[:40])


def _got(value) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return _("a number")
    if isinstance(value, str):
        return _("the text {text}").format(text=_shown(value)) if value else _("empty text")
    if isinstance(value, dict):
        return _("an object")
    return _("a list") if value else _("an empty list")


def place(path) -> str:
    """Where in an incident file: "notice 2, field 'to'", "log entry 1, 'who'", "'incident.kind'"."""
    steps = list(path)
    head = ""
    if len(steps) >= 2 and steps[0] in ("notices", "log") and isinstance(steps[1], int):
        head = (_("notice {number}") if steps[0] == "notices" else _("log entry {number}")).format(number=steps[1] + 1)
        steps = steps[2:]
        if len(steps) == 2 and steps[0] == "fields":
            return _("{place}, field {name}").format(place=head, name=_shown(steps[1]))
    dotted = ".".join(safe_text.visible(str(s))[:40] for s in steps)
    if not dotted:
        return head or _("the file")
    return _("{place}, '{path}'").format(place=head, path=dotted) if head else f"'{dotted}'"


def describe(error: ValidationError) -> str:
    where, value, rule, said = place(error.absolute_path), error.instance, error.validator, error.validator_value
    if rule == "required":
        missing = [key for key in said if key not in value]
        return _("{place}: '{key}' is missing").format(place=where, key=missing[0])
    if rule == "additionalProperties":
        known = set(error.schema.get("properties", {}))
        extra = ", ".join(sorted(safe_text.visible(k)[:40] for k in value if k not in known))
        path = list(error.absolute_path)
        if path[-1:] == ["fields"]:
            return _("{place} has unknown fields: {names}").format(place=place(path[:-1]), names=extra)
        return _("{place} has unknown keys: {names}").format(place=where, names=extra)
    if "x-expected" in error.schema:
        expected = _(error.schema["x-expected"])  # listed in EXPECTED
    elif rule == "type":
        kinds = [said] if isinstance(said, str) else said
        expected = _(" or ").join(_(_TYPE_WORDS[k]) for k in kinds)
    elif rule == "enum":
        expected = _("one of {values}").format(values=", ".join(str(v) for v in said))
    elif rule == "const":
        expected = repr(said)
    else:  # every other rule in a shipped schema carries x-expected (tests/core/test_fileformat.py)
        expected = _("a value this file format allows")
    return _("{place}: expected {expected}, got {value}").format(place=where, expected=expected, value=_got(value))


def problem(data, name: str) -> str | None:
    """The first thing wrong with `data` by the schema `name` (e.g. "incident"), in one line; None if nothing."""
    error = best_match(validator(name).iter_errors(data))
    return describe(error) if error is not None else None
