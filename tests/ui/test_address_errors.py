"""A mistyped address in the window: marked under its field with the reason, and nothing else stops."""
from __future__ import annotations

from PySide6.QtWidgets import QWidget

from outagewriter.core.incident.records import SentRecord


def _flat(text: str) -> str:
    return " ".join(text.split())


def _type_into(qtbot, editor, text: str) -> None:
    editor.setFocus()
    qtbot.keyClicks(editor, text)


def test_a_mistyped_address_is_marked_and_the_preview_keeps_rendering(make_window, qtbot, incident_file):
    window = make_window(incident_file)
    for name in ("to", "cc", "bcc", "contact_email"):
        editor = window.form.editors[name]
        editor.selectAll()
        _type_into(qtbot, editor, "a@example..com")
        error = window.findChild(QWidget, f"{name}_error")
        qtbot.waitUntil(error.isVisible, timeout=3000)
        assert "not an email address: 'a@example..com'" in error.text()
        assert "two periods in a row" in error.text()
        assert editor.property("invalid") is True
    # Refreshes go on: the preview follows the next edit, and the findings are there.
    summary = window.form.editors["summary"]
    summary.moveCursor(summary.textCursor().MoveOperation.End)
    _type_into(qtbot, summary, " Refunds are not affected.")
    html = window.findChild(QWidget, "preview_html")
    qtbot.waitUntil(lambda: "Refunds are not affected." in _flat(html.toPlainText()), timeout=3000)
    assert window.notice.fields["summary"].endswith("Refunds are not affected.")


def test_a_pasted_list_names_every_bad_address(make_window, qtbot, incident_file):
    window = make_window(incident_file)
    to = window.form.editors["to"]
    to.selectAll()
    _type_into(qtbot, to, "ops@example.com, a@example..com, b@@example.com")
    error = window.findChild(QWidget, "to_error")
    qtbot.waitUntil(lambda: "2 entries" in error.text(), timeout=3000)
    assert "'a@example..com'" in error.text() and "'b@@example.com'" in error.text()
    assert error.isVisible()


def test_saving_with_a_mistyped_address_refuses_and_loses_nothing(make_window, qtbot, incident_file, dialogs):
    from PySide6.QtGui import QKeySequence

    from outagewriter.core.storage import fileformat

    before = incident_file.read_bytes()
    window = make_window(incident_file)
    to = window.form.editors["to"]
    to.moveCursor(to.textCursor().MoveOperation.End)
    _type_into(qtbot, to, "ops@customer.example, a@example..com, b@customer.example")
    window.activateWindow()  # shortcuts reach the active window, as when a person presses them
    qtbot.waitUntil(window.isActiveWindow, timeout=3000)
    save = QKeySequence.keyBindings(QKeySequence.StandardKey.Save)[0][0]
    qtbot.keyClick(to, save.key(), save.keyboardModifiers())
    assert len(dialogs.errors) == 1 and dialogs.errors[0].startswith("Not saved: to: not an email address")
    assert incident_file.read_bytes() == before  # nothing written, nothing half-written
    assert window.doc.modified and to.value().endswith("b@customer.example")  # what was typed is still there

    # Closing asks, and its Save refuses the same way rather than dropping the typing.
    from outagewriter.ui.dialogs import SAVE
    dialogs.answers["unsaved_changes"] = SAVE
    window.close()
    assert window.isVisible() and len(dialogs.errors) == 2

    to.selectAll()
    _type_into(qtbot, to, "ops@customer.example, a@example.com, b@customer.example")
    qtbot.keyClick(to, save.key(), save.keyboardModifiers())
    assert len(dialogs.errors) == 2 and not window.doc.modified
    assert fileformat.load(incident_file).notices[-1].fields["to"] == \
        "ops@customer.example, a@example.com, b@customer.example"


def test_another_notice_is_shown_only_once_the_mistyped_address_is_corrected(make_window, qtbot, tmp_path, dialogs):
    from outagewriter.core.incident.model import Incident
    from outagewriter.core.storage import fileformat

    incident = Incident.create("Card payments failing", "Checkout")
    incident.notices[-1].update({"summary": "Payments fail.", "data_loss": "none"})
    incident.notices[-1].sent = SentRecord(time="2026-11-27T10:02+00:00", message_id="<x@example.com>")
    incident.add_notice("update")
    path = tmp_path / "two.outage"
    fileformat.save(incident, path)
    window = make_window(path)
    to = window.form.editors["to"]
    _type_into(qtbot, to, "a@example..com")
    window.notices.list.setCurrentRow(0)  # the person clicks the first notice
    assert dialogs.errors and dialogs.errors[0].startswith("Correct this notice first: to: not an email address")
    qtbot.waitUntil(lambda: window.notices.list.currentRow() == 1, timeout=3000)
    assert window.notice is window.incident.notices[1] and to.value() == "a@example..com"
    to.selectAll()
    _type_into(qtbot, to, "a@example.com")
    window.notices.list.setCurrentRow(0)
    assert window.notice is window.incident.notices[0] and len(dialogs.errors) == 1
