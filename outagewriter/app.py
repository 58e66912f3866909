"""Builds the application context and the main window.

`create_window` needs an existing QApplication and does not enter the event loop: tests and
benchmarks use it. `main` is what `outagewriter` (no arguments, or a file) runs.
"""
from __future__ import annotations

import sys
from pathlib import Path

from .core import i18n, paths

APP_ID = "outagewriter"


LAYOUT_FILE = "window.ini"  # window geometry and splitters, in the state folder (not a setting)


def build_context(*, state_dir=None, config_dir=None, dialogs=None, grammar=None, check=None, timings=None,
                  settings=None, secrets=None, clock=None):
    """The one application context. Every argument overrides a default (tests configure, not patch)."""
    from PySide6.QtCore import QSettings

    from .core.session.services import Services
    from .core.storage.history import RecentContacts, RecentFiles
    from .core.storage.recovery import RecoveryStore
    from .ui.context import AppContext, TaskRunner, Timings
    from .ui.dialogs import Dialogs

    state = Path(state_dir) if state_dir else paths.state_dir()
    services = Services.load(config_dir=config_dir, settings=settings, secrets=secrets)
    layout = QSettings(str(state / LAYOUT_FILE), QSettings.Format.IniFormat)
    problem = ""
    if check is None:
        check, problem = services.fast_checker()
    return AppContext(
        services=services,
        layout=layout,
        check=check,
        grammar=grammar if grammar is not None else services.grammar(),
        tasks=TaskRunner(),
        dialogs=dialogs or Dialogs(),
        state_dir=state,
        recovery=RecoveryStore(state / "recovery"),
        recent_files=RecentFiles(state),
        recent_contacts=RecentContacts(state),
        timings=timings or Timings(),
        check_problem=problem,
        **({"clock": clock} if clock is not None else {}),
    )


def app_icon():
    from PySide6.QtGui import QIcon, QPixmap

    from .core.shipped import resource

    pixmap = QPixmap()
    pixmap.loadFromData(resource("outagewriter.svg").read_bytes(), "SVG")
    return QIcon(pixmap)


def file_to_open(path, context) -> str | None:
    """What a start opens: the file asked for, else the incident used last (if it still exists),
    else nothing, which is a blank incident."""
    if path:
        return str(path)
    recent = context.recent_files.list()  # files that no longer exist are left out
    return recent[0] if recent else None


def start_window(path, context, offer_recovery: bool = True):
    """The window a start shows: `path`, else the incident used last; the first start ever (nothing
    to reopen, no incident opened before) shows the welcome page in front of an empty form."""
    target = file_to_open(path, context)
    window = create_window(target, context, offer_recovery)
    if target is None and not context.recent_files.used():
        from .ui.welcome import show_welcome

        show_welcome(window)
    return window


def create_window(path=None, context=None, offer_recovery: bool = True):
    """The main window on `path` (or a new incident), for an existing QApplication."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from .ui import wheel
    from .ui.main_window import MainWindow

    wheel.install(QApplication.instance())
    context = context or build_context()
    window = MainWindow(context, None)
    window.setWindowIcon(app_icon())
    if path:
        window.open_path(str(path))  # asks (through context.dialogs) if it is locked or unreadable
    if offer_recovery:
        QTimer.singleShot(0, window.offer_recovery)
    return window


def first_window(app, path, context):
    """What a start shows: the chosen language and saved appearance (light, dark or the system's),
    then `start_window`."""
    from .ui import theme

    apply_language(app, context.settings)
    theme.apply(app, context.settings.appearance)
    return start_window(path, context)


def apply_language(app, settings) -> str:
    """The window and core's messages speak the language the settings choose (else the system's);
    returns it."""
    from .ui import language

    chosen = i18n.chosen_language(settings.ui_language)
    i18n.use_language(chosen)
    language.install(app, chosen)
    return chosen


def _quit_on_sigint(window) -> None:
    """Ctrl+C in the terminal closes the windows the normal way (asking about unsaved changes)."""
    import signal

    from PySide6.QtCore import QTimer

    signal.signal(signal.SIGINT, lambda *_: QTimer.singleShot(0, window.quit_all))
    ticker = QTimer(window)  # Python runs signal handlers only when the interpreter gets a turn
    ticker.timeout.connect(lambda: None)
    ticker.start(250)


def _warm_up_in_background() -> None:
    """Libraries a later preview may need, imported on a worker thread once the window is up (the short
    post's counter: twitter-text compiles its expressions on import, ~0.6 s). Not earlier: the import is
    Python work that would compete with building the first window."""
    import threading

    from PySide6.QtCore import QTimer

    from .core.render import post_length

    QTimer.singleShot(2000, lambda: threading.Thread(target=post_length.warm_up, name="outagewriter-warm-up",
                                                     daemon=True).start())


def main(path=None) -> int:
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtWidgets import QApplication

    from . import __version__
    from .qt_compat import check_running_pair

    problem = check_running_pair()
    if problem:
        print(problem, file=sys.stderr)
        return 2
    QGuiApplication.setHighDpiScaleFactorRoundingPolicy(Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("OutageWriter")
    app.setApplicationDisplayName("OutageWriter")
    app.setOrganizationName("OutageWriter")
    app.setApplicationVersion(__version__)
    app.setDesktopFileName(APP_ID)
    app.setWindowIcon(app_icon())
    context = build_context()
    window = first_window(app, path, context)
    window.show()
    _warm_up_in_background()
    _quit_on_sigint(window)
    try:
        return app.exec()
    finally:
        context.close()
