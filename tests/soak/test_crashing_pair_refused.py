"""A Python and PySide6 pair known to crash is refused at start-up in one line, before any window."""
from __future__ import annotations

import os
import subprocess
import sys
import textwrap

import pytest

from outagewriter.qt_compat import refusal


@pytest.mark.parametrize("python, pyside, refused", [
    ((3, 11, 7), "6.12.0", True),
    ((3, 11), "6.11.3", False),
    ((3, 12, 1), "6.12.0", False),
    ((3, 13, 0), "6.12.0", False),
    ((3, 11, 9), "6.13.0", False),
])
def test_known_crashing_pairs(python, pyside, refused):
    message = refusal(python, pyside)
    assert (message is not None) == refused
    if refused:
        assert "\n" not in message and "6.11.3" in message and "3.12" in message


@pytest.mark.skipif(sys.version_info >= (3, 12), reason="PySide6 6.12.0 is safe on Python 3.12+: nothing to refuse")
def test_the_app_refuses_before_it_opens_a_window(tmp_path):
    # The installed PySide6 is a safe one; the child reports the crashing version instead.
    script = textwrap.dedent("""
        import sys, PySide6
        PySide6.__version__ = "6.12.0"
        from outagewriter import cli
        sys.exit(cli.main([]))
    """)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", OUTAGEWRITER_STATE_DIR=str(tmp_path / "s"),
               OUTAGEWRITER_CONFIG_DIR=str(tmp_path / "c"))
    child = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True, timeout=60)
    assert child.returncode == 2, child.stderr
    assert child.stderr.strip().count("\n") == 0
    assert child.stderr.startswith("outagewriter: PySide6 6.12.0 crashes Python 3.11")
    assert not (tmp_path / "s").exists(), "the window started before the refusal"
