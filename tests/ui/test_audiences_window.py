"""Audiences in the window, driven as a person would: the Settings page, the picker in the Email
section, suggested next-update moments and the promise in each audience's time."""
from __future__ import annotations

import json
from datetime import datetime, timezone

import pytest
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtWidgets import QAbstractButton, QCheckBox, QLabel, QMenu, QStyle
from test_settings_dialog import open_settings, press

AUDIENCES = [
    {"name": "EMEA customers", "zone": "Europe/Berlin", "to": "emea@acme.example", "bcc": "list-emea@acme.example",
     "hours": "08:00-18:00", "days": "Mon-Fri"},
    {"name": "US customers", "zone": "America/New_York", "to": "", "bcc": "list-us@acme.example",
     "hours": "09:00-17:00", "days": "Mon-Fri"},
]


def with_audiences(dirs, audiences=AUDIENCES):
    dirs[1].mkdir(parents=True, exist_ok=True)
    (dirs[1] / "settings.json").write_text(json.dumps({"audiences": audiences}), encoding="utf-8")


def tick(qtbot, window, name):
    box = next(b for b in window.findChildren(QCheckBox) if b.text() == name)
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))


def type_into(qtbot, editor, text):
    editor.setFocus()
    editor.selectAll()
    qtbot.keyClicks(editor, text)


def test_an_audience_added_in_settings_is_saved_and_offered_in_the_email_section(make_window, qtbot, dirs,
                                                                                 incident_file):
    window = make_window(incident_file)
    assert window.findChild(QLabel, "audience_picker_empty").isVisible()
    dialog = open_settings(qtbot, window, "Audiences")
    press(qtbot, dialog, "audience_add")
    page = dialog.audiences
    type_into(qtbot, page.name, "US customers")
    type_into(qtbot, page.bcc, "list-us@acme.example")
    type_into(qtbot, page.zone.lineEdit(), "America/New_York")
    type_into(qtbot, page.hours, "09:00-17:00")
    type_into(qtbot, page.days, "Mon-Fri")
    assert page.list.item(0).text() == "US customers"
    press(qtbot, dialog, "settings_ok")
    saved = json.loads((dirs[1] / "settings.json").read_text(encoding="utf-8"))
    assert saved["audiences"] == [{"name": "US customers", "zone": "America/New_York", "to": "",
                                   "bcc": "list-us@acme.example", "hours": "09:00-17:00", "days": "Mon-Fri"}]
    box = next(b for b in window.findChildren(QCheckBox) if b.text() == "US customers")
    assert box.isVisible() and not box.isChecked()
    assert not window.findChild(QLabel, "audience_picker_empty").isVisible()
    tick(qtbot, window, "US customers")  # the email follows the new audience without a restart
    window.preview.tabs.setCurrentWidget(window.preview.text)
    window.live.run_now()
    qtbot.waitUntil(lambda: "that is 05:00 EST for US customers" in " ".join(window.preview.text.toPlainText().split()))


@pytest.mark.parametrize("editor, typed, refusal", [
    ("hours", "9-17", "office hours '9-17' are not like 08:00-18:00"),
    ("name", "emea customers", "the name 'emea customers' is used twice"),
])
def test_an_unusable_audience_is_refused_in_one_line_and_nothing_is_saved(make_window, qtbot, dirs, incident_file,
                                                                          editor, typed, refusal):
    with_audiences(dirs)
    window = make_window(incident_file)
    dialog = open_settings(qtbot, window, "Audiences")
    dialog.audiences.list.setCurrentRow(1)
    type_into(qtbot, getattr(dialog.audiences, editor), typed)
    press(qtbot, dialog, "settings_apply")
    error = dialog.findChild(QLabel, "settings_error")
    assert error.isVisible()
    assert error.text() == f"Not saved: Audiences: {refusal}"
    assert json.loads((dirs[1] / "settings.json").read_text(encoding="utf-8"))["audiences"] == AUDIENCES
    assert getattr(dialog.audiences, editor).text() == typed  # what was typed stays, to be corrected


def test_the_zone_box_finds_a_zone_by_part_of_its_name(make_window, qtbot, dirs, incident_file):
    with_audiences(dirs)
    window = make_window(incident_file)
    dialog = open_settings(qtbot, window, "Audiences")
    completer = dialog.audiences.zone.completer()
    completer.setCompletionPrefix("new_y")
    assert completer.currentCompletion() == "America/New_York"


def test_ticking_audiences_fills_to_and_bcc_and_unticking_takes_only_theirs(make_window, qtbot, dirs, incident_file):
    with_audiences(dirs)
    window = make_window(incident_file)
    type_into(qtbot, window.form.editors["to"], "jana@acme.example")
    tick(qtbot, window, "EMEA customers")
    tick(qtbot, window, "US customers")
    notice = window.notice
    assert notice.fields["audiences"] == "EMEA customers [Europe/Berlin], US customers [America/New_York]"
    assert window.form.value("to") == "jana@acme.example, emea@acme.example"
    assert window.form.value("bcc") == "list-emea@acme.example, list-us@acme.example"
    tick(qtbot, window, "EMEA customers")
    assert notice.fields["audiences"] == "US customers [America/New_York]"
    assert window.form.value("to") == "jana@acme.example"
    assert window.form.value("bcc") == "list-us@acme.example"
    assert window.isWindowModified()


def test_the_promise_is_shown_in_utc_and_each_chosen_audiences_time(make_window, qtbot, dirs, incident_file):
    with_audiences(dirs)
    window = make_window(incident_file)  # the promise: 2026-11-27 11:00 in Prague
    line = window.findChild(QLabel, "promise_in_zones")
    assert line.text() == "Fri 27 Nov, 11:00 CET (10:00 UTC)"
    tick(qtbot, window, "US customers")
    assert line.text() == "Fri 27 Nov, 11:00 CET (10:00 UTC) · 05:00 EST for US customers"
    window.preview.tabs.setCurrentWidget(window.preview.text)
    window.live.run_now()
    qtbot.waitUntil(lambda: "that is 05:00 EST for US customers" in " ".join(window.preview.text.toPlainText().split()))


def test_a_suggested_moment_fills_the_next_update(make_window, qtbot, dirs, incident_file):
    with_audiences(dirs)
    window = make_window(incident_file)
    tick(qtbot, window, "EMEA customers")
    window.audience_hooks.now = lambda: datetime(2026, 11, 27, 15, 7, tzinfo=timezone.utc)  # Friday 16:07 in Prague
    offered = []

    def choose():
        menu = window.findChild(QMenu, "next_update_suggestions")
        offered.extend(a.text() for a in menu.actions())
        action = next(a for a in menu.actions() if a.text().startswith("Before the office closes"))
        menu.hide()
        action.trigger()

    QTimer.singleShot(200, choose)
    qtbot.mouseClick(window.findChild(QAbstractButton, "next_update_suggest"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(offered))
    assert [text.split(" — ")[0] for text in offered] == [
        "In 30 minutes", "In an hour", "Before the office closes for EMEA customers",
        "Shortly after the office opens for EMEA customers"]
    window.flush()
    assert window.notice.fields["next_update"] == "2026-11-27T17:30+01:00[Europe/Prague]"
    assert window.findChild(QLabel, "promise_in_zones").text() == "Fri 27 Nov, 17:30 CET (16:30 UTC)"



def test_audiences_missing_from_the_settings_do_not_push_the_form_wider_than_its_column(make_window, qtbot,
                                                                                        tmp_path):
    """A file from a colleague names audiences this user has not saved: the form says so, and still fits."""
    from outagewriter.core.incident.model import Incident
    from outagewriter.core.storage import fileformat

    incident = Incident.create("Card payments failing in Europe", "Acme Pay")
    incident.notices[-1].update({"audiences": "EMEA customers, US customers, APAC enterprise customers"})
    path = tmp_path / "from-a-colleague.outage"
    fileformat.save(incident, path)
    window = make_window(path)
    window.resize(1400, 900)
    qtbot.waitUntil(lambda: window.findChild(QLabel, "audience_unknown").isVisible())
    assert "APAC enterprise customers" in window.findChild(QLabel, "audience_unknown").text()
    sideways = window.form_scroll.horizontalScrollBar()
    qtbot.waitUntil(lambda: not sideways.isVisible(), timeout=2000)  # the layout settles; nothing is cut off


def test_ticking_audiences_fills_chat_posts_and_unticking_takes_only_theirs(make_window, qtbot, dirs, incident_file):
    follows = [dict(AUDIENCES[0], chats=["Status channel"]), dict(AUDIENCES[1], chats=["Ops", "Status channel"])]
    dirs[1].mkdir(parents=True, exist_ok=True)
    (dirs[1] / "settings.json").write_text(json.dumps({
        "audiences": follows, "chat_destinations": [{"name": "Status channel", "service": "slack"},
                                                    {"name": "Ops", "service": "discord"}]}), encoding="utf-8")
    window = make_window(incident_file)
    tick(qtbot, window, "EMEA customers")
    tick(qtbot, window, "US customers")
    assert window.form.value("chats") == "Status channel, Ops"
    tick(qtbot, window, "US customers")
    assert window.form.value("chats") == "Status channel"
    assert window.notice.fields["chats"] == "Status channel"


def test_the_suggest_button_has_room_for_its_words_and_its_arrow(make_window, qtbot, incident_file):
    """Its menu arrow was drawn over the last character (候補 read as 候補.): the button must be as wide as
    its text, its margins and the arrow together."""
    window = make_window(incident_file)
    window.resize(1400, 900)
    window.show()
    qtbot.waitExposed(window)
    button = window.findChild(QAbstractButton, "next_update_suggest")
    style = button.style()
    arrow = style.pixelMetric(QStyle.PixelMetric.PM_MenuButtonIndicator, None, button)
    text = button.fontMetrics().horizontalAdvance(button.text())
    assert button.width() >= text + arrow + 2 * style.pixelMetric(QStyle.PixelMetric.PM_ButtonMargin, None, button)
