"""`outagewriter WORD`: a file opens the window; a mistyped command is one line and exit 2, no window."""
from __future__ import annotations

import signal

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QTimer

from outagewriter.cli import main
from outagewriter.core.incident.model import Incident
from outagewriter.core.storage import fileformat
from outagewriter.ui.main_window import MainWindow


@pytest.fixture
def run_cli(qapp, dirs):
    """cli.main as `outagewriter ARGS` runs it; returns (exit code, titles of the windows and dialogs it
    showed). What it opens is looked at and closed the way the user would, so a run never hangs."""
    def run(*argv):
        shown = []

        def look_and_quit():
            modal = qapp.activeModalWidget()  # e.g. "cannot open": answered, so the window comes up
            if modal is not None:
                shown.append(f"dialog: {modal.windowTitle()}")
                modal.close()
                return
            windows = [w for w in qapp.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]
            if windows:
                shown.extend(w.incident.title for w in windows)
                windows[0].quit_all()

        watcher = QTimer()
        watcher.timeout.connect(look_and_quit)
        watcher.start(200)
        before = signal.getsignal(signal.SIGINT)  # the window's Ctrl+C handler stays with the run
        try:
            code = main(list(argv))
        finally:
            watcher.stop()
            signal.signal(signal.SIGINT, before)
            # Quitting posts a Quit event that would end the next test's dialogs the moment they open.
            QCoreApplication.removePostedEvents(None, QEvent.Type.Quit)
        return code, shown

    return run


def test_a_mistyped_command_names_the_closest_one_and_opens_no_window(run_cli, capsys):
    code, shown = run_cli("rendr")
    err = capsys.readouterr().err
    assert (code, shown) == (2, [])
    assert err.count("\n") == 1
    assert "'rendr' is not a command or a file; did you mean 'render'?" in err


def test_a_word_like_no_command_is_one_line_without_a_guess(run_cli, capsys):
    code, shown = run_cli("xyzzy")
    err = capsys.readouterr().err
    assert (code, shown) == (2, [])
    assert err == "outagewriter: 'xyzzy' is not a command or a file (see outagewriter --help)\n"


def test_an_incident_file_still_opens_the_window(run_cli, tmp_path):
    path = tmp_path / "incidents" / "payments.outage"
    path.parent.mkdir()
    fileformat.save(Incident.create("Card payments failing", "Acme Pay"), path)
    code, shown = run_cli(str(path))
    assert (code, shown) == (0, ["Card payments failing"])


def test_a_word_written_as_a_path_is_a_file_even_without_a_folder_or_extension(run_cli, tmp_path, monkeypatch):
    """pathlib reads "./new-incident" as one part; the user wrote a path, so it goes to the window."""
    monkeypatch.chdir(tmp_path)
    code, shown = run_cli("./new-incident")
    assert code == 0 and shown
