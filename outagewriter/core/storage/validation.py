"""Checking parsed JSON against a shipped JSON Schema, with the first problem told in plain words.

jsonschema finds what is wrong; this module says where and what in one line a user can act on:
"notice 2, field 'to': expected text, got a number", never a JSON dump of the offending value.
"""
from __future__ import annotations

from functools import cache

from jsonschema import Draft202012Validator
from jsonschema.exceptions import ValidationError, best_match

from .. import safe_text
from ..shipped import schema

_TYPE_WORDS = {"string": "text", "object": "an object", "array": "a list", "integer": "a whole number",
               "number": "a number", "boolean": "true or false", "null": "null"}


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
        return "a number"
    if isinstance(value, str):
        return f"the text {_shown(value)}" if value else "empty text"
    if isinstance(value, dict):
        return "an object"
    return "a list" if value else "an empty list"


def place(path) -> str:
    """Where in an incident file: "notice 2, field 'to'", "log entry 1, 'who'", "'incident.kind'"."""
    steps = list(path)
    head = ""
    if len(steps) >= 2 and steps[0] in ("notices", "log") and isinstance(steps[1], int):
        head = f"{'notice' if steps[0] == 'notices' else 'log entry'} {steps[1] + 1}"
        steps = steps[2:]
        if len(steps) == 2 and steps[0] == "fields":
            return f"{head}, field {_shown(steps[1])}"
    dotted = ".".join(safe_text.visible(str(s))[:40] for s in steps)
    if not dotted:
        return head or "the file"
    return f"{head}, '{dotted}'" if head else f"'{dotted}'"


def describe(error: ValidationError) -> str:
    where, value, rule, said = place(error.absolute_path), error.instance, error.validator, error.validator_value
    if rule == "required":
        missing = [key for key in said if key not in value]
        return f"{where}: '{missing[0]}' is missing"
    if rule == "additionalProperties":
        known = set(error.schema.get("properties", {}))
        extra = ", ".join(sorted(safe_text.visible(k)[:40] for k in value if k not in known))
        path = list(error.absolute_path)
        if path[-1:] == ["fields"]:
            return f"{place(path[:-1])} has unknown fields: {extra}"
        return f"{where} has unknown keys: {extra}"
    if "x-expected" in error.schema:
        expected = error.schema["x-expected"]
    elif rule == "type":
        kinds = [said] if isinstance(said, str) else said
        expected = " or ".join(_TYPE_WORDS[k] for k in kinds)
    elif rule == "enum":
        expected = "one of " + ", ".join(str(v) for v in said)
    elif rule == "const":
        expected = repr(said)
    else:  # every other rule in a shipped schema carries x-expected (tests/core/test_fileformat.py)
        expected = "a value this file format allows"
    return f"{where}: expected {expected}, got {_got(value)}"


def problem(data, name: str) -> str | None:
    """The first thing wrong with `data` by the schema `name` (e.g. "incident"), in one line; None if nothing."""
    error = best_match(validator(name).iter_errors(data))
    return describe(error) if error is not None else None
