"""The window follows the user's own templates as they are edited: what a template says around the
writer's text (its own apology) is read afresh for the tone checks, without a restart."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

STACKED = "guilt.stacked-apology"


def _stacked(window) -> bool:
    return any(f.rule == STACKED for f in window.current_findings())


def test_an_apology_removed_from_the_users_template_no_longer_counts(make_window, dirs, incident_file, qtbot):
    template = dirs[1] / "templates" / "en" / "initial" / "body.txt"
    template.parent.mkdir(parents=True)
    template.write_text("{{ summary }}\n\nWe apologise for the trouble this causes.\n", encoding="utf-8")
    window = make_window(incident_file)
    summary = window.form.editors["summary"]
    summary.setFocus()
    summary.moveCursor(summary.textCursor().MoveOperation.End)
    QTest.keyClicks(summary, " We are sorry for the disruption.")
    qtbot.waitUntil(lambda: _stacked(window), timeout=5000)  # the template apologised first

    template.write_text("{{ summary }}\n\nThank you for your patience.\n", encoding="utf-8")  # the user edits it
    QTest.keyClick(summary, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: not _stacked(window), timeout=5000)  # the writer's apology is the only one now
