"""Small remembered lists in the state folder: recently opened files and recently used contacts."""
from __future__ import annotations

import json
import os
from pathlib import Path

from .atomic import atomic_write_text

MAX_RECENT_FILES = 10
MAX_CONTACTS = 20


def _read_list(file: Path) -> list:
    try:
        data = json.loads(file.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return []
    return data if isinstance(data, list) else []


def _write_list(file: Path, items: list) -> None:
    file.parent.mkdir(parents=True, exist_ok=True)
    atomic_write_text(file, json.dumps(items, ensure_ascii=False, indent=1) + "\n")


class RecentFiles:
    def __init__(self, folder: str | os.PathLike):
        self.file = Path(folder) / "recent-files.json"

    def list(self) -> list[str]:
        return [p for p in _read_list(self.file) if isinstance(p, str) and Path(p).exists()]

    def used(self) -> bool:
        """True once any incident file was opened or saved here, even if it is gone now."""
        return bool(_read_list(self.file))

    def add(self, path: str | os.PathLike) -> None:
        path = str(Path(path).resolve())
        items = [p for p in self.list() if p != path]
        _write_list(self.file, [path, *items][:MAX_RECENT_FILES])


class RecentContacts:
    """Contacts used in earlier notices: (name, email, phone), most recent first."""

    def __init__(self, folder: str | os.PathLike):
        self.file = Path(folder) / "recent-contacts.json"

    def list(self) -> list[dict[str, str]]:
        out = []
        for item in _read_list(self.file):
            if isinstance(item, dict) and isinstance(item.get("name"), str) and item["name"].strip():
                out.append({k: str(item.get(k, "")) for k in ("name", "email", "phone")})
        return out

    def add(self, name: str, email: str = "", phone: str = "") -> None:
        name = name.strip()
        if not name:
            return
        entry = {"name": name, "email": email.strip(), "phone": phone.strip()}
        items = [c for c in self.list() if c["name"].casefold() != name.casefold()]
        _write_list(self.file, [entry, *items][:MAX_CONTACTS])
