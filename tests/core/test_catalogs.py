"""The gettext catalogs: every message translated, with the same placeholders as the English."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

LOCALE = Path(__file__).resolve().parents[2] / "outagewriter" / "locale"
CATALOGS = sorted(LOCALE.glob("*/LC_MESSAGES/outagewriter.po"))
# {name}, {count:,}, {name!r}; %s, %r, %(name)s
PLACEHOLDER = re.compile(r"\{[^{}]*\}|%\([a-z_]+\)[sdr]|%[sdr]")


def _messages(path: Path):
    with path.open("rb") as file:
        return [m for m in read_po(file) if m.id]


def _forms(message) -> list[str]:
    return list(message.id) if isinstance(message.id, tuple) else [message.id]


def _strings(message) -> list[str]:
    return list(message.string) if isinstance(message.string, tuple) else [message.string]


def test_there_is_a_japanese_catalog():
    assert LOCALE / "ja" / "LC_MESSAGES" / "outagewriter.po" in CATALOGS


@pytest.mark.parametrize("path", CATALOGS, ids=lambda p: p.parts[-3])
def test_every_message_is_translated(path):
    untranslated = [m.id for m in _messages(path) if not all(_strings(m)) or m.fuzzy]
    assert untranslated == []


@pytest.mark.parametrize("path", CATALOGS, ids=lambda p: p.parts[-3])
def test_placeholders_match(path):
    wrong = []
    for message in _messages(path):
        expected = sorted(PLACEHOLDER.findall(_forms(message)[-1]))
        for string in _strings(message):
            if sorted(PLACEHOLDER.findall(string)) != expected:
                wrong.append((message.id, string))
    assert wrong == []
