"""Settings › Status page, driven as a person would: typed values are saved, shown again, and a bad
address is refused in one line with nothing written."""
from __future__ import annotations

import json

from PySide6.QtWidgets import QLabel
from test_settings_dialog import click, open_settings, press, saved, type_into


def test_status_page_settings_are_saved_and_shown_again(make_window, qtbot, dirs, tmp_path):
    window = make_window()
    dialog = open_settings(qtbot, window, "Status page")
    page = dialog.status_page
    assert page.isVisible()
    type_into(qtbot, page.folder, str(tmp_path / "site"))
    type_into(qtbot, page.incidents, str(tmp_path / "incidents"))
    type_into(qtbot, page.url, "https://status.acme.example/")
    type_into(qtbot, page.title, "Acme  status")
    click(qtbot, page.publish_after_send)
    press(qtbot, dialog, "settings_ok")
    assert saved(dirs)["status_page"] == {"folder": str(tmp_path / "site"), "incidents": str(tmp_path / "incidents"),
                                          "url": "https://status.acme.example/", "title": "Acme status",
                                          "publish_after_send": True}
    assert window.context.settings.status_page_url == "https://status.acme.example/"
    again = open_settings(qtbot, window, "Status page").status_page
    assert (again.folder.text(), again.url.text(), again.title.text()) == (
        str(tmp_path / "site"), "https://status.acme.example/", "Acme status")
    assert again.publish_after_send.isChecked()


def test_an_address_that_is_not_a_web_address_is_refused_in_one_line(make_window, qtbot, dirs):
    dirs[1].mkdir(parents=True)
    (dirs[1] / "settings.json").write_text(json.dumps({"status_page": {"url": "https://status.acme.example/"}}),
                                           encoding="utf-8")
    window = make_window()
    dialog = open_settings(qtbot, window, "Status page")
    type_into(qtbot, dialog.status_page.url, "status.acme.example")
    press(qtbot, dialog, "settings_apply")
    error = dialog.findChild(QLabel, "settings_error")
    assert error.isVisible()
    assert error.text() == ("Not saved: Status page: 'status.acme.example' is not a usable web address "
                            "(http:// or https://).")
    assert saved(dirs)["status_page"]["url"] == "https://status.acme.example/"
