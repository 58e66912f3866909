"""Compiled shipped templates kept between runs.

Jinja compiles a template to Python on first use: ~0.1–0.15 s for the parts of one notice, paid again by
every process (each `outagewriter check FILE`, every start of the window). Jinja's own bytecode cache
keeps the compiled code, keyed by the template's file and its source's checksum, in the folder Jinja
makes for it: `_jinja2-cache-<uid>` in the system's temporary folder, which Jinja refuses unless it is a
real folder owned by the user with mode 0700 (what it holds is run as code, so no folder others can write
to, or swap, is trusted; on Windows the per-user temporary folder). Each file's name carries a fingerprint
of what else is compiled into the code (OutageWriter's and Jinja's versions, the environment's options
and filters), so a release or an upgrade never runs code compiled for another. Only the shipped
environment uses it: user templates run in the sandbox and are compiled afresh. A cache that cannot be
made or written only costs time.
"""
from __future__ import annotations

import hashlib

import jinja2

from ... import __version__


class _BestEffortCache(jinja2.FileSystemBytecodeCache):
    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        try:
            super().dump_bytecode(bucket)
        except OSError:  # a full disk or a folder taken away: the template was compiled all the same
            pass


def fingerprint(env: jinja2.Environment) -> str:
    """What the compiled code depends on besides the template's source."""
    options = (__version__, jinja2.__version__, type(env).__name__, env.block_start_string, env.block_end_string,
               env.variable_start_string, env.variable_end_string, env.comment_start_string, env.comment_end_string,
               env.line_statement_prefix, env.line_comment_prefix, env.trim_blocks, env.lstrip_blocks,
               env.newline_sequence, env.keep_trailing_newline, env.optimized, sorted(env.filters), sorted(env.tests),
               sorted(env.globals), getattr(env.autoescape, "__qualname__", repr(env.autoescape)),
               [cell.cell_contents for cell in getattr(env.autoescape, "__closure__", None) or ()])
    return hashlib.sha256(repr(options).encode()).hexdigest()[:16]


def use_template_cache(env: jinja2.Environment) -> None:
    """Give `env` the bytecode cache, unless Jinja finds no private folder for it."""
    try:
        env.bytecode_cache = _BestEffortCache(pattern=f"__outagewriter_{fingerprint(env)}_%s.cache")
    except (OSError, RuntimeError):  # RuntimeError: Jinja found no safe folder; compile afresh then
        env.bytecode_cache = None
