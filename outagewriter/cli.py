"""The `outagewriter` command: no arguments or a file opens the window; a subcommand works in the terminal.

Each group of subcommands lives in a module of `outagewriter.commands` with
`register(subparsers)`; a registered parser sets `func(args) -> int` as its default.
Exit codes: 0 success, 1 a check or delivery did not fully pass, 2 usage or bad input.
"""
from __future__ import annotations

import argparse
import importlib
import os
import sys
from pathlib import Path

from . import __version__
from .commands.base import EXIT_OK, EXIT_USAGE, UsageError, start_command
from .core import i18n
from .core import os_errors
from .core.i18n import _

COMMAND_MODULES = (
    "outagewriter.commands.incident",
    "outagewriter.commands.languages",
    "outagewriter.commands.review",
    "outagewriter.commands.mail",
    "outagewriter.commands.chat",
    "outagewriter.commands.check",
    "outagewriter.commands.records",
    "outagewriter.commands.due",
    "outagewriter.commands.starters",
    "outagewriter.commands.publish",
)

# Subcommands that live alone in their module: run as `outagewriter check`, only that module is
# imported (editors and scripts run `check` on every save; the others import mail, keyring, jinja2).
STANDALONE = {"check": "outagewriter.commands.check"}

# argparse writes its own words ("usage:", "options", "invalid choice: ...") through gettext names it
# imported; pointing them at ours makes them follow the program's language with the same catalog.
argparse._ = i18n._  # type: ignore[attr-defined]
argparse.ngettext = i18n.ngettext  # type: ignore[attr-defined]


class _HelpFormatter(argparse.HelpFormatter):
    """argparse's help, with text that holds Japanese wrapped by its width on screen and where Japanese
    may break (argparse counts characters and breaks only at spaces: '（または--notice' / 'N）を送信します'),
    by the wrapping the plain-text notices use (core/render/linebreak.py)."""

    def _split_lines(self, text: str, width: int) -> list[str]:
        from .core.render.linebreak import has_wide, wrap_wide  # only for help text (budoux, wcwidth)

        flat = self._whitespace_matcher.sub(" ", text).strip()
        return wrap_wide(flat, width) if has_wide(flat) else super()._split_lines(text, width)

    def _fill_text(self, text: str, width: int, indent: str) -> str:
        from .core.render.linebreak import has_wide, wrap_wide

        flat = self._whitespace_matcher.sub(" ", text).strip()
        if not has_wide(flat):
            return super()._fill_text(text, width, indent)
        return "\n".join(wrap_wide(flat, width, indent, indent))


class _Parser(argparse.ArgumentParser):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("formatter_class", _HelpFormatter)
        super().__init__(*args, **kwargs)

    def error(self, message: str):  # argparse's own exit code is 2 as well; one line, as for bad input
        raise SystemExit(_("{prog}: {message} (see {prog} --help)").format(prog=self.prog, message=message)) from None


def use_program_language() -> str:
    """The language of every message from here on: settings.json "ui_language", else the locale."""
    from .core.settings import load_settings

    return i18n.use_language(i18n.chosen_language(load_settings().ui_language))


def build_parser(modules: tuple[str, ...] = COMMAND_MODULES) -> argparse.ArgumentParser:
    parser = _Parser(prog="outagewriter", description=_("Write, check and send outage notices."))
    parser.add_argument("--version", action="version", version=f"outagewriter {__version__}",
                        help=_("show program's version number and exit"))
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for name in modules:
        importlib.import_module(name).register(subparsers)
    return parser


def _wants_window(argv: list[str], commands: set[str]) -> bool:
    if not argv:
        return True
    first = argv[0]
    return not first.startswith("-") and first not in commands and len(argv) == 1 and _names_a_file(first)


def _names_a_file(word: str) -> bool:
    """`word` is a file to open, not a mistyped command: it exists, or it is written as a path (a folder
    in it, or an extension such as .outage: a new file the window offers to create or says it cannot read)."""
    path = Path(word)
    # The raw word, not path.parts: pathlib reads "./new-incident" as the one part "new-incident".
    return path.exists() or bool(path.suffix) or "/" in word or os.sep in word


def _unknown_command(word: str, commands: set[str]) -> str:
    """One line for a first word that is neither a command nor a file, naming the closest command."""
    import difflib  # only for a mistyped command

    close = difflib.get_close_matches(word, sorted(commands), n=1)
    if close:
        return _("outagewriter: {word!r} is not a command or a file; did you mean {command!r}? "
                 "(see outagewriter --help)").format(word=word, command=close[0])
    return _("outagewriter: {word!r} is not a command or a file (see outagewriter --help)").format(word=word)


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    use_program_language()
    parser = build_parser((STANDALONE[argv[0]],) if argv and argv[0] in STANDALONE else COMMAND_MODULES)
    commands = set(parser._subparsers._group_actions[0].choices)  # type: ignore[union-attr]
    if _wants_window(argv, commands):
        from .app import main as app_main

        return app_main(argv[0] if argv else None)
    if not argv[0].startswith("-") and argv[0] not in commands and not _names_a_file(argv[0]):
        print(_unknown_command(argv[0], commands), file=sys.stderr)
        return EXIT_USAGE
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:
        if isinstance(exc.code, str):
            print(exc.code, file=sys.stderr)
            return EXIT_USAGE
        return exc.code if isinstance(exc.code, int) else EXIT_USAGE
    start_command()
    try:
        return args.func(args)
    except UsageError as exc:
        print(f"outagewriter {args.command}: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except BrokenPipeError:  # `outagewriter render ... | head` is fine
        return EXIT_OK
    except OSError as exc:  # a folder that does not exist, a full disk, no permission: one line, not a traceback
        where = f"{exc.filename}: " if getattr(exc, "filename", None) else ""
        print(f"outagewriter {args.command}: {where}{os_errors.reason(exc)}", file=sys.stderr)
        return EXIT_USAGE
