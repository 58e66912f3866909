"""Data shipped inside the package: templates, rule packs, JSON schemas, icon, translations.

The package is always installed as files (a wheel, an editable install or a checkout; gettext and Qt
need real paths to their catalogs anyway), so the data is found beside this module rather than through
importlib.resources, whose import alone costs ~25 ms: a tenth of `outagewriter check` on a short text.
"""
from __future__ import annotations

import json
from pathlib import Path

PACKAGE = "outagewriter"
PACKAGE_DIR = Path(__file__).resolve().parent.parent
TEMPLATES = "templates"  # a folder of the package, read by jinja2.PackageLoader


def package_path(*parts: str) -> Path:
    """A file or folder of the package, e.g. package_path("locale")."""
    return PACKAGE_DIR.joinpath(*parts)


def resource(*parts: str) -> Path:
    """A file under outagewriter/resources, e.g. resource("rules", "en.json")."""
    return package_path("resources", *parts)


def schema(name: str) -> dict:
    """A JSON Schema shipped in resources, e.g. schema("incident") for incident.schema.json."""
    return json.loads(resource(f"{name}.schema.json").read_text(encoding="utf-8"))
