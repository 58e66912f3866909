"""Files: the unsaved-changes guard, changes made by someone else, drag and drop, sent notices."""
from __future__ import annotations

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QPushButton

from outagewriter.core.incident.model import Incident
from outagewriter.core.incident.records import SentRecord
from outagewriter.core.storage import fileformat
from outagewriter.ui.dialogs import CANCEL, DISCARD, OVERWRITE, SAVE


def _type_summary(window, qtbot, text):
    summary = window.form.editors["summary"]
    summary.setFocus()
    summary.moveCursor(summary.textCursor().MoveOperation.End)
    qtbot.keyClicks(summary, text)


def test_opening_a_file_leaves_it_unmodified(make_window, qtbot, incident_file):
    window = make_window(incident_file)
    qtbot.waitUntil(lambda: window.live.generation > 0, timeout=3000)
    qtbot.wait(300)
    assert not window.isWindowModified()
    assert window.windowTitle().startswith("payments.outage")


def test_close_guard_cancel_keeps_the_window(make_window, qtbot, incident_file, dialogs):
    window = make_window(incident_file)
    _type_summary(window, qtbot, " More.")
    dialogs.answers["unsaved_changes"] = CANCEL
    assert not window.close()
    assert window.isVisible() and dialogs.asked == ["unsaved_changes"]


def test_close_guard_save_writes_the_file_and_removes_the_recovery_copy(make_window, qtbot, incident_file, dialogs):
    window = make_window(incident_file)
    _type_summary(window, qtbot, " More.")
    qtbot.waitUntil(lambda: any(window.context.recovery.folder.glob("*.recovery.json")), timeout=5000)
    dialogs.answers["unsaved_changes"] = SAVE
    assert window.close()
    assert fileformat.load(incident_file).notices[-1].fields["summary"].endswith("since 09:40 CET. More.")
    assert not any(window.context.recovery.folder.glob("*.recovery.json"))


def test_close_guard_discard_drops_the_changes(make_window, qtbot, incident_file, dialogs):
    window = make_window(incident_file)
    _type_summary(window, qtbot, " More.")
    dialogs.answers["unsaved_changes"] = DISCARD
    assert window.close()
    assert not fileformat.load(incident_file).notices[-1].fields["summary"].endswith("More.")


def test_file_changed_on_disk_warns_and_save_asks(make_window, qtbot, incident_file, dialogs):
    window = make_window(incident_file)
    theirs = fileformat.load(incident_file)
    theirs.notices[-1].set("title", "Changed by a colleague")
    fileformat.save(theirs, incident_file)
    qtbot.waitUntil(window.disk_banner.isVisible, timeout=5000)
    _type_summary(window, qtbot, " Mine.")
    dialogs.answers["save_conflict"] = CANCEL
    assert not window.save()
    assert dialogs.asked == ["save_conflict"]
    assert fileformat.load(incident_file).notices[-1].fields["title"] == "Changed by a colleague"
    dialogs.answers["save_conflict"] = OVERWRITE
    assert window.save()
    assert fileformat.load(incident_file).notices[-1].fields["summary"].endswith("Mine.")
    # our own save is not someone else's change
    qtbot.wait(300)
    assert not window.disk_banner.isVisible()
    assert not window.doc.changed_since_read()


def test_reload_from_the_banner_shows_their_version(make_window, qtbot, incident_file):
    window = make_window(incident_file)
    theirs = fileformat.load(incident_file)
    theirs.notices[-1].set("title", "Changed by a colleague")
    fileformat.save(theirs, incident_file)
    qtbot.waitUntil(window.disk_banner.isVisible, timeout=5000)
    qtbot.mouseClick(window.disk_banner.findChild(QPushButton, "disk_reload"), Qt.MouseButton.LeftButton)
    assert window.form.editors["title"].text() == "Changed by a colleague"


@pytest.mark.filterwarnings("ignore:Function.*QDragEnterEvent:DeprecationWarning")
def test_drag_and_drop_opens_an_outage_file(make_window, qtbot, incident_file, tmp_path):
    window = make_window()
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(incident_file))])
    enter = QDragEnterEvent(QPoint(50, 50), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                            Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(window, enter)
    assert enter.isAccepted()
    drop = QDropEvent(QPointF(50, 50), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                      Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(window, drop)
    qtbot.waitUntil(lambda: window.doc.path == str(incident_file), timeout=3000)
    assert window.form.editors["title"].text() == "Card payments failing"
    assert str(incident_file) in window.context.recent_files.list()

    other = tmp_path / "notes.txt"
    other.write_text("not an incident")
    mime2 = QMimeData()
    mime2.setUrls([QUrl.fromLocalFile(str(other))])
    enter2 = QDragEnterEvent(QPoint(5, 5), Qt.DropAction.CopyAction, mime2, Qt.MouseButton.LeftButton,
                             Qt.KeyboardModifier.NoModifier)
    enter2.ignore()
    QApplication.sendEvent(window, enter2)
    assert not enter2.isAccepted()


def test_sent_notice_is_read_only_and_a_new_update_starts_from_it(make_window, qtbot, tmp_path):
    incident = Incident.create("Card payments failing", "Checkout")
    incident.notices[-1].update({"summary": "Payments fail.", "data_loss": "none"})
    incident.notices[-1].sent = SentRecord(time="2026-11-27T10:02+00:00", message_id="<x@example.com>")
    path = tmp_path / "sent.outage"
    fileformat.save(incident, path)
    window = make_window(path)
    assert window.read_only_banner.isVisible()
    assert window.form.editors["summary"].isReadOnly()
    assert "Sent" in window.notices.list.item(0).text()
    action = window.actions_by_key["add_update"]
    assert action.isEnabled()
    action.trigger()
    assert len(window.incident.notices) == 2 and window.notice.kind == "update"
    assert not window.form.editors["summary"].isReadOnly()
    assert window.form.editors["summary"].toPlainText() == "Payments fail."
    assert not window.actions_by_key["add_update"].isEnabled()
    window.notices.list.setCurrentRow(0)
    assert window.form.editors["summary"].isReadOnly()
    assert window.isWindowModified()


def test_save_as_for_a_new_incident(make_window, qtbot, tmp_path, dialogs):
    window = make_window()
    window.form.editors["title"].setFocus()
    qtbot.keyClicks(window.form.editors["title"], "Login slow")
    dialogs.save_as = str(tmp_path / "login.outage")
    assert window.save()
    assert fileformat.load(tmp_path / "login.outage").title == "Login slow"
    assert window.windowTitle().startswith("login.outage")
