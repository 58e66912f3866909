"""The layers of docs/architecture.md are contracts in pyproject.toml; a broken one fails here."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_import_contracts_are_kept():
    result = subprocess.run([sys.executable, "-c", "from importlinter.cli import lint_imports_command; "
                             "lint_imports_command()", "--no-cache"],
                            cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
    assert "Contracts: 5 kept, 0 broken." in result.stdout  # every contract of pyproject.toml was read


def test_the_architecture_page_names_every_core_domain():
    page = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
    domains = sorted(p.name for p in (ROOT / "outagewriter" / "core").iterdir()
                     if p.is_dir() and (p / "__init__.py").exists())
    assert domains == ["chat", "checks", "incident", "mail", "publish", "render", "review", "session", "storage"]
    assert all(f"core/{name}/" in page for name in domains)
