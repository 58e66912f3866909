"""Incident → Publish status page…, driven as a person would: the dialog says where the page goes,
Publish writes the site off the GUI thread and shows what it did; a failure is one line; without a
folder the dialog says what to set and opens the Settings page for it."""
from __future__ import annotations

import json
import shutil
import threading
from pathlib import Path

from menu_clicks import choose
from PySide6.QtCore import Qt
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QDialog, QLabel, QPushButton
from test_settings_dialog import open_settings, type_into
from test_settings_dialog import press as settings_press

from outagewriter.core.session import publishing
from outagewriter.core.session.publishing import publish_status_page

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def story_folder(tmp_path) -> Path:
    """A folder of incident files with their archives of sent messages, as a team keeps them."""
    folder = tmp_path / "incidents"
    folder.mkdir()
    shutil.copy(EXAMPLES / "card-payments-story.outage", folder)
    shutil.copytree(EXAMPLES / "card-payments-story.sent", folder / "card-payments-story.sent")
    return folder


def write_settings(dirs, **status_page):
    dirs[1].mkdir(parents=True, exist_ok=True)
    (dirs[1] / "settings.json").write_text(json.dumps({"status_page": status_page}), encoding="utf-8")


def open_publish(qtbot, window) -> QDialog:
    choose(window, qtbot, "Incident", "Publish status page")
    dialog = window.findChild(QDialog, "publish_dialog")
    qtbot.waitExposed(dialog)
    return dialog


def press(qtbot, dialog, name):
    button = dialog.findChild(QPushButton, name)
    assert button.isEnabled()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def text_of(dialog, name) -> str:
    return dialog.findChild(QLabel, name).text()


def test_publish_writes_the_site_and_shows_what_it_did(make_window, qtbot, dirs, tmp_path, monkeypatch):
    incidents, site = story_folder(tmp_path), tmp_path / "site"
    write_settings(dirs, folder=str(site), incidents=str(incidents), url="https://status.acme.example/")
    window = make_window(str(incidents / "card-payments-story.outage"))
    dialog = open_publish(qtbot, window)
    assert not dialog.findChild(QLabel, "publish_not_set_up").isVisible()
    assert text_of(dialog, "publish_folder") == str(site)
    assert text_of(dialog, "publish_incidents") == str(incidents)
    assert text_of(dialog, "publish_url") == "https://status.acme.example/"
    assert not dialog.findChild(QPushButton, "publish_open").isEnabled()  # nothing published yet
    press(qtbot, dialog, "publish_run")
    qtbot.waitUntil(lambda: not dialog.running, timeout=30000)
    again = publish_status_page([incidents], site, window.context.settings)
    assert not again.changed  # the window wrote what the core writes for these files
    assert text_of(dialog, "publish_result").startswith(f"Status page published to {site} (1 incident, 4 notices")
    assert (site / "index.html").is_file()
    assert "Card payments" in (site / "index.html").read_text(encoding="utf-8")
    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toLocalFile()) or True)
    press(qtbot, dialog, "publish_open")
    assert opened == [str(site / "index.html")]


def test_a_failure_is_told_in_one_line(make_window, qtbot, dirs, tmp_path):
    incidents = story_folder(tmp_path)
    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder", encoding="utf-8")
    write_settings(dirs, folder=str(blocked), incidents=str(incidents))
    window = make_window(str(incidents / "card-payments-story.outage"))
    dialog = open_publish(qtbot, window)
    press(qtbot, dialog, "publish_run")
    qtbot.waitUntil(lambda: not dialog.running, timeout=30000)
    said = text_of(dialog, "publish_result")
    assert said.startswith("Not published: ") and "\n" not in said
    assert str(blocked) in said
    assert blocked.read_text(encoding="utf-8") == "not a folder"
    assert dialog.findChild(QPushButton, "publish_run").isEnabled()  # fix it and try again


def test_notices_whose_archives_are_gone_publish_nothing_and_the_dialog_says_why(make_window, qtbot, dirs, tmp_path):
    incidents, site = story_folder(tmp_path), tmp_path / "site"
    shutil.rmtree(incidents / "card-payments-story.sent")
    write_settings(dirs, folder=str(site), incidents=str(incidents))
    window = make_window(str(incidents / "card-payments-story.outage"))
    dialog = open_publish(qtbot, window)
    press(qtbot, dialog, "publish_run")
    qtbot.waitUntil(lambda: not dialog.running, timeout=30000)
    said = text_of(dialog, "publish_result")
    assert said == (f"Not published: none of the notices that went out could be read as sent (the reasons are "
                    f"below), so the page in {site} is left as it was")
    problems = dialog.findChild(QLabel, "publish_problems")
    assert problems.isVisible()
    assert problems.text() == ("card-payments-story.outage: notices 1, 2, 3, 4 were left out: the archive folder "
                               f"{incidents / 'card-payments-story.sent'} is missing or is a link")
    assert not site.exists()


def test_without_a_folder_the_dialog_says_what_to_set_and_opens_its_settings(make_window, qtbot, dirs, dialogs,
                                                                            tmp_path, incident_file):
    window = make_window(incident_file)
    dialog = open_publish(qtbot, window)
    assert dialog.findChild(QLabel, "publish_not_set_up").isVisible()
    assert not dialog.findChild(QPushButton, "publish_run").isEnabled()

    def choose_folder(settings_dialog):
        settings_dialog.status_page.folder.setText(str(tmp_path / "site"))
        settings_dialog.status_page.incidents.setText(str(tmp_path))

    dialogs.answers["settings"] = choose_folder
    press(qtbot, dialog, "publish_settings")
    assert dialogs.asked[-1] == "settings:Status page"
    assert not dialog.findChild(QLabel, "publish_not_set_up").isVisible()
    assert text_of(dialog, "publish_folder") == str(tmp_path / "site")
    assert dialog.findChild(QPushButton, "publish_run").isEnabled()


def test_the_window_keeps_working_while_the_page_is_published(make_window, qtbot, dirs, tmp_path, monkeypatch):
    incidents, site = story_folder(tmp_path), tmp_path / "site"
    write_settings(dirs, folder=str(site), incidents=str(incidents))
    window = make_window(str(incidents / "card-payments-story.outage"))
    release = threading.Event()

    def slow_publish(*args, **kwargs):  # a slow shared drive: the publish waits until the test lets it go
        assert release.wait(20)
        return publish_status_page(*args, **kwargs)

    monkeypatch.setattr(publishing, "publish_status_page", slow_publish)
    dialog = open_publish(qtbot, window)
    press(qtbot, dialog, "publish_run")
    assert text_of(dialog, "publish_result") == "Publishing…"
    assert not dialog.findChild(QPushButton, "publish_run").isEnabled()  # one publish at a time
    choose(window, qtbot, "Incident", "Timeline")  # the window answers while the page is written
    assert window.findChild(QDialog, "timeline_dialog").isVisible()
    release.set()
    qtbot.waitUntil(lambda: not dialog.running, timeout=30000)
    assert text_of(dialog, "publish_result").startswith(f"Status page published to {site}")


def test_the_dialog_follows_settings_saved_while_it_is_open(make_window, qtbot, dirs, tmp_path, incident_file):
    window = make_window(incident_file)
    dialog = open_publish(qtbot, window)
    assert text_of(dialog, "publish_folder") == "not set"
    settings = open_settings(qtbot, window, "Status page")  # from the Settings menu, not the dialog
    type_into(qtbot, settings.status_page.folder, str(tmp_path / "site"))
    type_into(qtbot, settings.status_page.url, "https://status.acme.example/")
    settings_press(qtbot, settings, "settings_ok")
    assert text_of(dialog, "publish_folder") == str(tmp_path / "site")
    assert not dialog.findChild(QPushButton, "publish_run").isEnabled()  # which incidents it shows is not set
    settings = open_settings(qtbot, window, "Status page")
    type_into(qtbot, settings.status_page.incidents, str(tmp_path))
    settings_press(qtbot, settings, "settings_ok")
    assert text_of(dialog, "publish_incidents") == str(tmp_path)
    assert text_of(dialog, "publish_url") == "https://status.acme.example/"
    assert dialog.findChild(QPushButton, "publish_run").isEnabled()
