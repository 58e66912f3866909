"""Data shipped inside the package (templates, rule packs, JSON schemas, icon), read through
importlib.resources so a checkout, an editable install and a wheel all find the same files."""
from __future__ import annotations

import json
from importlib.resources import files
from importlib.resources.abc import Traversable

PACKAGE = "outagewriter"
TEMPLATES = "templates"  # a folder of the package, read by jinja2.PackageLoader


def resource(*parts: str) -> Traversable:
    """A file under outagewriter/resources, e.g. resource("rules", "en.json")."""
    return files(PACKAGE).joinpath("resources", *parts)


def schema(name: str) -> dict:
    """A JSON Schema shipped in resources, e.g. schema("incident") for incident.schema.json."""
    return json.loads(resource(f"{name}.schema.json").read_text(encoding="utf-8"))
