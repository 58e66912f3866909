"""A mistyped address in the window: marked under its field with the reason, and nothing else stops."""
from __future__ import annotations

from PySide6.QtWidgets import QWidget


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
