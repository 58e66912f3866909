"""Refuse, at start-up and in one line, a Python and PySide6 pair known to crash the window.

PySide6 6.12.0 drops a reference to True/False/None on every signal delivered to a Python slot and
on every call that returns nothing. Python 3.12 and newer make those objects immortal; on 3.11 the
count reaches zero after about 1,500 typed characters and the interpreter aborts
("Fatal Python error: bool_dealloc"), taking unsaved typing with it. pyproject.toml keeps pip from
installing this pair; this check covers an environment put together some other way.
"""
from __future__ import annotations

import sys

# (PySide6 version, first Python that survives it); tests/soak/test_typing_soak.py finds new ones.
CRASHING = {"6.12.0": (3, 12)}
SAFE_PYSIDE = "6.11.3"


def refusal(python: tuple[int, ...], pyside: str) -> str | None:
    """Why this pair cannot run the window, in one line; None when it is not known to crash."""
    fixed_in = CRASHING.get(pyside)
    if fixed_in is None or tuple(python[:2]) >= fixed_in:
        return None
    here = ".".join(str(part) for part in python[:2])
    return (f"outagewriter: PySide6 {pyside} crashes Python {here} while you type; install "
            f"PySide6-Essentials {SAFE_PYSIDE} (pip install 'PySide6-Essentials=={SAFE_PYSIDE}') "
            f"or use Python {'.'.join(map(str, fixed_in))} or newer.")


def check_running_pair() -> str | None:
    import PySide6

    return refusal(sys.version_info, PySide6.__version__)
