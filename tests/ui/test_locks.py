"""Edit locks on shared folders and save conflicts, from the window."""
from __future__ import annotations

import socket

from outagewriter.core.storage import fileformat
from outagewriter.core.storage.locks import EditLock, LockInfo, lock_path_for, read_lock
from outagewriter.ui.context import Timings
from outagewriter.ui.dialogs import CANCEL, READ_ONLY, RELOAD, SAVE_COPY, TAKE_OVER


def someone_else_holds(path, *, host="pc-17", refreshed="2026-11-27T09:00:00Z", pid=4242):
    info = LockInfo("Petr Svoboda", host, pid, refreshed, refreshed, "theirs")
    lock_path_for(path).write_text(info.to_json(), encoding="utf-8")


def test_opening_locks_and_closing_releases(make_window, incident_file):
    window = make_window(incident_file)
    holder = read_lock(incident_file)
    assert holder is not None and holder.pid > 0
    assert window.doc.lock.held
    window.close()
    assert read_lock(incident_file) is None


def test_locked_by_someone_else_opens_read_only(make_window, incident_file, dialogs):
    other = EditLock(incident_file, user="Petr Svoboda")
    other.acquire()
    try:
        dialogs.answers["file_locked"] = READ_ONLY
        window = make_window(incident_file)
        assert dialogs.asked == ["file_locked"]
        assert "locked by Petr Svoboda" in dialogs.messages[0]
        assert window.doc.read_only
        assert window.read_only_banner.isVisible() and "read-only" in window.read_only_banner.label.text()
        assert window.form.editors["summary"].isReadOnly()
        assert not window.actions_by_key["save"].isEnabled()
        assert not window.actions_by_key["send"].isEnabled()
        assert not window.save()
        window.close()
        assert read_lock(incident_file).user == "Petr Svoboda"  # theirs stays
    finally:
        other.release()


def test_cancel_leaves_the_file_closed(make_window, incident_file, dialogs):
    someone_else_holds(incident_file, refreshed="2099-01-01T00:00:00Z")
    dialogs.answers["file_locked"] = CANCEL
    window = make_window(incident_file)
    assert window.doc.path is None


def test_a_stale_lock_can_be_taken_over(make_window, incident_file, dialogs):
    someone_else_holds(incident_file)  # not refreshed for hours
    dialogs.answers["file_locked"] = TAKE_OVER
    window = make_window(incident_file)
    assert dialogs.asked == ["file_locked"]
    assert not window.doc.read_only
    assert read_lock(incident_file).token == window.doc.lock.info.token


def test_a_lock_left_by_our_own_crash_is_taken_over_without_asking(make_window, incident_file, dialogs):
    from outagewriter.core.settings import current_user

    info = LockInfo(current_user(), socket.gethostname(), 2 ** 22 + 12345, "2099-01-01T00:00:00Z",
                    "2099-01-01T00:00:00Z", "crashed")
    lock_path_for(incident_file).write_text(info.to_json(), encoding="utf-8")
    window = make_window(incident_file)
    assert dialogs.asked == []
    assert window.doc.lock.held


def test_the_lock_is_refreshed_and_a_lost_lock_is_told(make_window, incident_file, qtbot):
    window = make_window(incident_file, timings=Timings(autosave_ms=400, autosave_max_ms=2000, lock_refresh_ms=100))
    first = read_lock(incident_file).refreshed
    qtbot.waitUntil(lambda: read_lock(incident_file).refreshed != first, timeout=5000)
    lock_path_for(incident_file).unlink()
    qtbot.waitUntil(window.disk_banner.isVisible, timeout=5000)
    assert "edit lock was removed" in window.disk_banner.label.text()


def _their_save(path):
    theirs = fileformat.load(path)
    theirs.notices[-1].set("title", "Changed by a colleague")
    fileformat.save(theirs, path)


def _mine(window, text=" Mine."):
    editor = window.form.editors["summary"]
    editor.set_value(editor.value() + text)
    window.form.field_edited.emit("summary")


def test_conflict_save_a_copy_keeps_both(make_window, incident_file, dialogs):
    window = make_window(incident_file)
    _their_save(incident_file)
    _mine(window)
    dialogs.answers["save_conflict"] = SAVE_COPY
    assert window.save()
    assert fileformat.load(incident_file).notices[-1].fields["title"] == "Changed by a colleague"
    copy = window.doc.path
    assert copy != str(incident_file) and "copy" in copy
    assert fileformat.load(copy).notices[-1].fields["summary"].endswith("Mine.")
    assert read_lock(copy) is not None and read_lock(incident_file) is None
    assert any("Saved as a copy" in m for m in dialogs.messages)


def test_conflict_reload_shows_theirs(make_window, incident_file, dialogs):
    window = make_window(incident_file)
    _their_save(incident_file)
    _mine(window)
    dialogs.answers["save_conflict"] = RELOAD
    assert not window.save()
    assert window.form.editors["title"].text() == "Changed by a colleague"
    assert window.doc.lock.held  # reloading keeps our lock
    assert not window.doc.modified



def test_the_lock_question_says_who_and_since_when_once_in_local_time(make_window, incident_file, dialogs, qtbot,
                                                                      in_prague):
    import types

    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    from outagewriter.ui.dialogs import Dialogs

    lock_path_for(incident_file).write_text(
        LockInfo("Petr Svoboda", "pc-17", 4242, "2026-11-27T09:00:00Z", "2099-01-01T00:00:00Z", "theirs").to_json(),
        encoding="utf-8")
    dialogs.file_locked = types.MethodType(Dialogs.file_locked, dialogs)  # the real question box
    shown = []

    def answer():
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, answer)
            return
        shown.append((box.text(), box.informativeText()))
        next(b for b in box.buttons() if b.text() == "Open read-only").click()

    QTimer.singleShot(0, answer)
    window = make_window(incident_file)
    (text, advice), = shown
    assert text.startswith("payments.outage is locked by Petr Svoboda on host pc-17 since Fri 27 Nov")
    assert "10:00 CET" in text and "2026-11-27T" not in text
    assert (text + " " + advice).lower().count("read-only") == 1  # what to do is said once
    assert advice == "Open it read-only to look at it, or ask them to close it."
    assert window.doc.read_only and "since Fri 27 Nov" in window.read_only_banner.label.text()
