"""The components editor and the impact choice in the form, driven by keyboard and mouse as a person would."""
from __future__ import annotations

import json

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox, QWidget

from outagewriter.core.incident.records import SentRecord
from outagewriter.core.storage import fileformat


def _window(make_window, qtbot, dirs, path, components=("API", "Dashboard", "Card payments")):
    dirs[1].mkdir(parents=True, exist_ok=True)
    (dirs[1] / "settings.json").write_text(json.dumps({"components": list(components)}), encoding="utf-8")
    window = make_window(path)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=3000)
    return window, window.form.editors["components"]


def _type_and_add(qtbot, editor, name):
    editor.add_name.setFocus()
    editor.add_name.lineEdit().selectAll()
    qtbot.keyClicks(editor.add_name.lineEdit(), name)
    qtbot.keyClick(editor.add_name.lineEdit(), Qt.Key.Key_Return)


def _row_status(editor, name) -> QComboBox:
    return next(w for w in editor.findChildren(QComboBox) if w.accessibleName() == f"Status of {name}")


def test_add_change_and_remove_components_write_the_field(make_window, qtbot, dirs, incident_file):
    window, editor = _window(make_window, qtbot, dirs, incident_file)
    offered = [editor.add_name.itemText(i) for i in range(editor.add_name.count())]
    assert offered == ["API", "Dashboard", "Card payments"]  # the organisation's list, from Settings

    _type_and_add(qtbot, editor, "Card payments")
    status = _row_status(editor, "Card payments")
    assert status.hasFocus()  # the status is chosen next, without reaching for the mouse
    qtbot.keyClick(status, Qt.Key.Key_Down)  # partial outage -> major outage
    _type_and_add(qtbot, editor, "API")
    _type_and_add(qtbot, editor, "Status page")  # not in the organisation's list: typed
    assert [editor.add_name.itemText(i) for i in range(editor.add_name.count())] == ["Dashboard"]

    remove = next(w for w in editor.findChildren(QWidget) if w.accessibleName() == "Remove API")
    qtbot.mouseClick(remove, Qt.MouseButton.LeftButton)
    window.flush()
    assert window.notice.fields["components"] == "Card payments = major-outage\nStatus page = partial-outage"
    assert window.save()
    saved = fileformat.load(incident_file).notices[-1].fields["components"]
    assert saved == "Card payments = major-outage\nStatus page = partial-outage"


def test_a_name_that_cannot_be_listed_is_one_line_and_changes_nothing(make_window, qtbot, dirs, incident_file):
    window, editor = _window(make_window, qtbot, dirs, incident_file)
    _type_and_add(qtbot, editor, "API")
    _type_and_add(qtbot, editor, "api")
    assert editor.problem.isVisible() and editor.problem.text() == "Not added: 'api' is listed already."
    _type_and_add(qtbot, editor, "Web; mobile")
    assert editor.problem.text() == "Not added: 'Web; mobile': a component's name cannot hold '=' or ';'."
    assert editor.add_name.currentText() == "Web; mobile"  # what was typed stays, to be corrected
    window.flush()
    assert window.notice.fields["components"] == "API = partial-outage"


def test_tab_reaches_every_row_in_order_and_each_control_is_named(make_window, qtbot, dirs, incident_file):
    window, editor = _window(make_window, qtbot, dirs, incident_file)
    for name in ("API", "Dashboard"):
        _type_and_add(qtbot, editor, name)
    window.form.editors["status"].setFocus()
    visited = []
    for _ in range(8):
        qtbot.keyClick(QWidget.focusWidget(window) or window, Qt.Key.Key_Tab)
        visited.append(window.focusWidget().accessibleName())
    assert visited[:7] == ["Status of API", "Remove API", "Status of Dashboard", "Remove Dashboard",
                           "Component to add", "Add component", "Impact"]
    unnamed = [w for w in editor.findChildren(QWidget) if w.isVisible() and w.focusPolicy() != Qt.FocusPolicy.NoFocus
               and not w.accessibleName()]
    assert unnamed == []


def test_the_impact_choice_writes_the_impact_level(make_window, qtbot, dirs, incident_file):
    window, _editor = _window(make_window, qtbot, dirs, incident_file)
    impact = window.form.editors["impact_level"]
    assert impact.currentText() == "Not said"
    impact.setFocus()
    qtbot.keyClick(impact, Qt.Key.Key_Down)
    qtbot.keyClick(impact, Qt.Key.Key_Down)
    qtbot.keyClick(impact, Qt.Key.Key_Down)
    window.flush()
    assert window.notice.fields["impact_level"] == "major"


def test_a_resolution_offers_to_set_every_component_back_to_operational(make_window, qtbot, dirs, incident_file):
    incident = fileformat.load(incident_file)
    incident.notices[-1].set("components", "Card payments = major-outage\nAPI = degraded-performance")
    incident.notices[-1].sent = SentRecord(time="2026-11-27T10:00:00Z")
    incident.add_notice("resolution")
    fileformat.save(incident, incident_file)
    window, editor = _window(make_window, qtbot, dirs, incident_file)
    window.live.run_now()
    assert "structure.resolution-components-not-operational" in [f.rule for f in window.current_findings()]
    assert editor.restore.isVisible()
    qtbot.mouseClick(editor.restore, Qt.MouseButton.LeftButton)
    window.flush()
    assert window.notice.fields["components"] == "Card payments = operational\nAPI = operational"
    assert not editor.restore.isVisible()
    window.live.run_now()
    assert "structure.resolution-components-not-operational" not in [f.rule for f in window.current_findings()]


def test_a_sent_notice_shows_its_components_read_only(make_window, qtbot, dirs, incident_file):
    incident = fileformat.load(incident_file)
    incident.notices[-1].set("components", "API = major-outage")
    incident.notices[-1].sent = SentRecord(time="2026-11-27T10:00:00Z")
    fileformat.save(incident, incident_file)
    _window_shown, editor = _window(make_window, qtbot, dirs, incident_file)
    assert not _row_status(editor, "API").isEnabled()
    assert not editor.add_name.isVisible() and not editor.findChild(QWidget, "component_remove_1").isVisible()


def test_typing_part_of_a_name_then_one_click_on_add_adds_it(make_window, qtbot, dirs, incident_file):
    """The suggestions that follow typing must not swallow the click on Add (it took two clicks)."""
    window, editor = _window(make_window, qtbot, dirs, incident_file)
    editor.add_name.setFocus()
    qtbot.keyClicks(editor.add_name.lineEdit(), "Card pay")
    qtbot.wait(50)
    assert QApplication.activePopupWidget() is None  # completed in the box, no list over the button
    assert editor.add_name.currentText() == "Card payments"
    qtbot.mouseClick(editor.add_button, Qt.MouseButton.LeftButton)
    window.flush()
    assert window.notice.fields["components"].startswith("Card payments = ")
