"""Compiled shipped templates kept between runs.

Jinja compiles a template to Python on first use: ~0.1–0.15 s for the parts of one notice, paid again by
every process (each `outagewriter check FILE`, every start of the window). Jinja's own bytecode cache
keeps the compiled code in the user's cache folder, keyed by the template and its source's checksum,
and refuses code from another Python or Jinja version. Only the shipped environment uses it: user
templates run in the sandbox and are compiled afresh. A cache that cannot be written only costs time;
one that others could write to (not the user's own, or open to the group or the world) is not used,
since what it holds is run as code.
"""
from __future__ import annotations

import os
import stat
from pathlib import Path

import jinja2

from ..paths import cache_dir


class _BestEffortCache(jinja2.FileSystemBytecodeCache):
    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        try:
            super().dump_bytecode(bucket)
        except OSError:  # a full disk or a folder taken away: the template was compiled all the same
            pass


def shipped_template_cache() -> jinja2.BytecodeCache | None:
    """The cache for the shipped templates, or None when its folder cannot be made."""
    folder = cache_dir() / "templates"
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        if not _private(folder):
            return None
    except OSError:
        return None
    return _BestEffortCache(str(folder))


def _private(folder: Path) -> bool:
    """Only the user can write there (POSIX; elsewhere the user's profile folder is private already)."""
    if not hasattr(os, "getuid"):
        return True
    info = folder.stat()
    return info.st_uid == os.getuid() and not info.st_mode & (stat.S_IWGRP | stat.S_IWOTH)
