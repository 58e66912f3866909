"""Which parts of core may import which: the incident is the bottom, storage knows only the incident
and plain helpers, and the review never reaches into mail (mail builds on the review instead)."""
import ast
from pathlib import Path

import pytest

CORE = Path(__file__).parents[2] / "outagewriter" / "core"
HELPERS = {"safe_text", "paths", "shipped"}  # leaf modules that import nothing from core


def core_imports(package: str) -> set[str]:
    """The other parts of core that modules of `package` import, at any level of the code."""
    found = set()
    for path in (CORE / package).rglob("*.py"):
        depth = len(path.relative_to(CORE).parts)  # core/<package>/<module>.py: 2
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.level >= depth:
                found.add((node.module or node.names[0].name).split(".")[0])
            elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith("outagewriter.core."):
                found.add(node.module.split(".")[2])
    return found - {package}


def test_the_helpers_are_leaves():
    for name in HELPERS:
        tree = ast.parse((CORE / f"{name}.py").read_text("utf-8"))
        assert not [n for n in ast.walk(tree) if isinstance(n, ast.ImportFrom) and n.level], name


@pytest.mark.parametrize("package, allowed", [
    ("incident", HELPERS),
    ("storage", {"incident", "settings"} | HELPERS),
    ("review", {"incident", "render", "settings"} | HELPERS),
])
def test_core_packages_import_only_what_lies_below_them(package, allowed):
    assert core_imports(package) <= allowed


def test_the_review_does_not_import_mail_nor_storage_the_review():
    assert "mail" not in core_imports("review")
    assert not {"review", "mail"} & core_imports("storage")
