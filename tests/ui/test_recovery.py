"""Autosave and crash recovery across a real process killed with SIGKILL."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time

from outagewriter.core.storage import fileformat

TYPED = " Typed just before the crash."

CHILD = textwrap.dedent("""
    import sys
    from PySide6.QtCore import QTimer
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    app = QApplication([])
    from outagewriter.app import create_window  # production context: state folder from the environment

    window = create_window(sys.argv[1], offer_recovery=False)
    window.show()
    summary = window.form.editors["summary"]
    summary.setFocus()
    summary.moveCursor(summary.textCursor().MoveOperation.End)
    QTest.keyClicks(summary, sys.argv[2])
    folder = window.context.recovery.folder

    def poll():
        copies = list(folder.glob("*.recovery.json"))
        if copies and sys.argv[2] in copies[0].read_text(encoding="utf-8"):
            print("AUTOSAVED", flush=True)  # the test kills us now, mid-session, without a clean close
        else:
            QTimer.singleShot(50, poll)

    QTimer.singleShot(50, poll)
    app.exec()
""")


def test_autosave_survives_sigkill_and_is_offered_on_next_start(make_window, qtbot, dirs, dialogs, incident_file):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", OUTAGEWRITER_STATE_DIR=str(dirs[0]),
               OUTAGEWRITER_CONFIG_DIR=str(dirs[1]))
    child = subprocess.Popen([sys.executable, "-c", CHILD, str(incident_file), TYPED], env=env,
                             stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    try:
        started = time.monotonic()
        line = child.stdout.readline()
        assert line.strip() == "AUTOSAVED", "the child never autosaved"
        # default timings: about 2 s after typing stopped, plus start-up
        assert time.monotonic() - started < 15
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait(10)
    assert child.returncode == -signal.SIGKILL
    # the file itself was never saved
    assert TYPED not in fileformat.load(incident_file).notices[-1].fields["summary"]

    window = make_window(incident_file, offer_recovery=True)
    summary = window.form.editors["summary"]
    qtbot.waitUntil(lambda: summary.toPlainText().endswith(TYPED), timeout=5000)
    assert dialogs.asked == ["choose_recovery"]
    assert window.isWindowModified() and window.doc.path == str(incident_file)
    assert window.save()
    assert fileformat.load(incident_file).notices[-1].fields["summary"].endswith(TYPED)
    assert not any(window.context.recovery.folder.glob("*.recovery.json"))


def test_recovery_of_a_never_saved_incident(make_window, qtbot, dialogs):
    first = make_window()
    title = first.form.editors["title"]
    title.setFocus()
    qtbot.keyClicks(title, "Login slow")
    qtbot.waitUntil(lambda: any(first.context.recovery.folder.glob("*.recovery.json")), timeout=5000)
    # simulate the crash: the copy stays, but it now belongs to no running process
    copy = next(first.context.recovery.folder.glob("*.recovery.json"))
    text = copy.read_text(encoding="utf-8").replace(f'"pid": {os.getpid()}', '"pid": 999999999')
    first.doc.set_modified(False)
    first.autosave._idle.stop()
    first.autosave._longest.stop()
    first.close()
    copy.write_text(text, encoding="utf-8")
    second = make_window(offer_recovery=True)
    qtbot.waitUntil(lambda: second.form.editors["title"].text() == "Login slow", timeout=5000)
    assert second.doc.path is None and second.isWindowModified()


def test_no_offer_when_nothing_crashed(make_window, qtbot, dialogs, incident_file):
    make_window(incident_file, offer_recovery=True)
    qtbot.wait(100)
    assert dialogs.asked == []


def test_the_recovery_list_wraps_long_paths_and_titles_instead_of_clipping_them(qtbot, tmp_path):
    from outagewriter.core.incident.model import Incident
    from outagewriter.core.storage.recovery import RecoveryCopy
    from outagewriter.ui.recovery_dialog import RecoveryDialog

    deep = tmp_path.joinpath(*["インシデント記録-2026年11月-決済基盤チーム"] * 4, "カード決済の障害について.outage")
    incident = Incident.create("カード決済の障害（一部のお客様で決済ができない状態）について", "決済ページ", language="ja")
    copies = [RecoveryCopy(tmp_path / "a.recovery.json", incident, str(deep), "2026-11-27T10:00:00Z", 1)]
    dialog = RecoveryDialog(copies)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    listed = dialog.list
    assert listed.horizontalScrollBar().maximum() == 0
    item = listed.item(0)
    rect = listed.visualItemRect(item)
    assert rect.right() <= listed.viewport().width()
    assert rect.height() >= 3 * listed.fontMetrics().lineSpacing()  # the two lines wrapped into more, all shown
    assert item.toolTip() == str(deep)
