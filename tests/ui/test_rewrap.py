"""Long prose opened from a file wraps at the editor's own width: no sideways scrolling, nothing hidden."""
from __future__ import annotations

from outagewriter.core.storage import fileformat

LONG = "We are working with the card gateway provider to restore full capacity. " * 40


def _no_sideways_scroll(editor) -> bool:
    return editor.horizontalScrollBar().maximum() == 0


def test_a_long_summary_opened_from_a_file_wraps_inside_the_editor(make_window, qtbot, incident_file):
    incident = fileformat.load(incident_file)
    incident.notices[-1].update({"summary": LONG, "impact": LONG})
    fileformat.save(incident, incident_file)
    window = make_window(incident_file)
    window.resize(1400, 900)
    for name in ("summary", "impact"):
        editor = window.form.editors[name]
        qtbot.waitUntil(lambda: editor.verticalScrollBar().isVisible(), timeout=3000)
        qtbot.waitUntil(lambda: _no_sideways_scroll(editor), timeout=3000)

    window.open_path(str(incident_file))  # the same long text shown again in the visible editor
    editor = window.form.editors["summary"]
    qtbot.waitUntil(lambda: _no_sideways_scroll(editor), timeout=3000)
