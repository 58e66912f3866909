"""Rebuilding the translations never touches the catalogs programs have open.

A Japanese window maps outagewriter_ja.qm into memory (QTranslator); a catalog rewritten in place
under it is truncated for a moment, and the window dies with SIGBUS at its next translated string.
That killed a test worker while another rebuilt the catalogs, and would kill a user's open window
during a reinstall. scripts/build-translations writes each catalog beside its place and renames it over.
"""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from outagewriter.core.i18n import locale_dir
from outagewriter.ui.language import compiled_catalog

REPO = Path(__file__).resolve().parents[2]


def test_a_rebuild_replaces_the_catalogs_and_leaves_the_open_ones_whole():
    catalogs = [Path(compiled_catalog("ja")), locale_dir() / "ja" / "LC_MESSAGES" / "outagewriter.mo"]
    held = [path.open("rb") for path in catalogs]  # as a running window and a running command hold them
    try:
        before = [handle.read() for handle in held]
        subprocess.run([str(REPO / "scripts" / "build-translations")], check=True,
                       env={**os.environ, "PYTHON": sys.executable})
        for path, handle, content in zip(catalogs, held, before):
            assert os.fstat(handle.fileno()).st_ino != path.stat().st_ino, f"{path.name} was rewritten in place"
            handle.seek(0)
            assert handle.read() == content, f"the open {path.name} changed under its reader"
            assert path.read_bytes() == content  # the same sources compile to the same catalog
    finally:
        for handle in held:
            handle.close()
    leftovers = [p.name for folder in {p.parent for p in catalogs} for p in folder.iterdir() if ".new-" in p.name]
    assert leftovers == []
