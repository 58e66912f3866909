"""Saving settings.json: the Settings window's changes, written without losing anyone's keys."""
from __future__ import annotations

import json
import os

from ..settings import SETTINGS_FILE, Settings, parse_settings, settings_file, to_data
from .atomic import atomic_write_bytes, atomic_write_text


class SettingsError(ValueError):
    """The settings cannot be saved; str() is one plain-words line."""


def save_settings(settings: Settings, folder: str | os.PathLike | None = None) -> Settings:
    """Write `settings` to settings.json and return what the file now says.

    Keys other modules keep in the file are left as they are. The merged file is checked before it is
    written, so a value this module would refuse on reading is refused here, and the file is untouched.
    An unreadable file is kept beside the new one (settings.json.unreadable) rather than lost.
    """
    file = settings_file(folder)
    try:
        existing = json.loads(file.read_text(encoding="utf-8-sig"))
    except FileNotFoundError:
        existing = {}
    except (OSError, ValueError):
        existing = None
    merged = dict(existing) if isinstance(existing, dict) else {}
    for key, value in to_data(settings).items():
        if isinstance(value, dict):
            section = merged.get(key)
            merged[key] = {**(section if isinstance(section, dict) else {}), **value}
        else:
            merged[key] = value
    causes: list[str] = []
    checked = parse_settings(merged, file, causes)
    if causes:
        raise SettingsError(causes[0])
    file.parent.mkdir(parents=True, exist_ok=True)
    if existing is None and file.exists():
        atomic_write_bytes(file.with_name(SETTINGS_FILE + ".unreadable"), file.read_bytes())
    atomic_write_text(file, json.dumps(merged, ensure_ascii=False, indent=2) + "\n")
    return checked


