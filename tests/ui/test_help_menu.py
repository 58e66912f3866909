"""Help menu: the guide to a good notice, the keyboard shortcuts read from the actions, and About."""
from __future__ import annotations

import dataclasses
import json
import platform
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import PySide6
import pytest
from PySide6.QtCore import qVersion
from PySide6.QtGui import QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QPushButton, QTextBrowser

from menu_clicks import choose
from outagewriter import __version__


def _window_named(window, name) -> QDialog:
    dialog = window.findChild(QDialog, name)
    assert dialog is not None and dialog.isVisible()
    return dialog


def test_the_guide_gives_each_rule_with_its_sources_as_links(make_window, qtbot):
    window = make_window()
    choose(window, qtbot, "Help", "Writing a good notice")
    browser = _window_named(window, "guide_window").findChild(QTextBrowser)
    text = browser.toPlainText()
    for rule in ("Summary first", "Neutral tone", "Promise only what is certain", "A named contact"):
        assert rule in text
    html = browser.toHtml()
    for source in ("https://support.atlassian.com/statuspage/docs/incident-communication-tips/",
                   "https://response.pagerduty.com/training/customer_liaison/",
                   "https://response.pagerduty.com/during/external_communication_guidelines/",
                   "https://sre.google/sre-book/postmortem-culture/"):
        assert f'href="{source}"' in html
    assert browser.openExternalLinks()  # a click opens the source in the browser
    assert not window.findChild(QDialog, "guide_window").isModal()  # it may stay open beside the form


def test_f1_opens_the_guide_once(make_window, qtbot):
    window = make_window()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=3000)
    for _ in range(2):
        QTest.keyClick(window.form.editors["summary"], QKeySequence("F1")[0].key())
    qtbot.waitUntil(lambda: window.findChild(QDialog, "guide_window") is not None)
    assert len([d for d in window.findChildren(QDialog) if d.objectName() == "guide_window"]) == 1


def test_keyboard_shortcuts_are_read_from_the_window_s_actions(make_window, qtbot):
    window = make_window()
    choose(window, qtbot, "Help", "Keyboard shortcuts")
    text = _window_named(window, "shortcuts_window").findChild(QTextBrowser).toPlainText()
    native = QKeySequence.SequenceFormat.NativeText
    for key in ("save", "send", "find", "find_next", "copy", "next_finding", "guide"):
        action = window.actions_by_key[key]
        assert action.text().replace("&", "").rstrip("…") in text
        assert action.shortcut().toString(native) in text
    assert "Esc" in text  # the find bar's own keys

    window.actions_by_key["refresh"].setShortcut(QKeySequence("Ctrl+Alt+F5"))  # a key changes ...
    choose(window, qtbot, "Help", "Keyboard shortcuts")
    text = _window_named(window, "shortcuts_window").findChild(QTextBrowser).toPlainText()
    assert QKeySequence("Ctrl+Alt+F5").toString(native) in text  # ... and the list follows


def _about(window, qtbot) -> QDialog:
    choose(window, qtbot, "Help", "About OutageWriter")
    return _window_named(window, "about_window")


def _label(dialog, name):
    from PySide6.QtWidgets import QLabel

    return dialog.findChild(QLabel, f"about_{name}").text()


def test_about_names_every_version_and_says_when_grammar_is_not_set_up(make_window, qtbot):
    window = make_window()
    dialog = _about(window, qtbot)
    assert _label(dialog, "outagewriter") == __version__
    assert _label(dialog, "qt") == qVersion()
    assert _label(dialog, "pyside6") == PySide6.__version__
    assert _label(dialog, "python") == platform.python_version()
    assert _label(dialog, "languagetool").startswith("not set up")
    dialog.findChild(QPushButton, "about_copy").click()
    assert f"Qt: {qVersion()}" in QApplication.clipboard().text()


def _settings(dirs, grammar: dict) -> None:
    config = dirs[1]
    config.mkdir(parents=True, exist_ok=True)
    (config / "settings.json").write_text(json.dumps({"grammar": grammar}), encoding="utf-8")


def _jar_folder(tmp_path):
    jars = tmp_path / "languagetool"
    jars.mkdir()
    (jars / "languagetool-server-6.8.jar").write_bytes(b"")
    return jars


def test_about_reads_the_languagetool_version_from_its_jar(make_window, qtbot, dirs, tmp_path):
    jars = _jar_folder(tmp_path)
    _settings(dirs, {"mode": "jars", "jar_folder": str(jars)})
    dialog = _about(make_window(), qtbot)
    qtbot.waitUntil(lambda: _label(dialog, "languagetool").startswith("6.8"))
    assert str(jars) in _label(dialog, "languagetool")


def test_about_follows_grammar_settings_changed_while_the_app_runs(make_window, qtbot, tmp_path):
    window = make_window()
    dialog = _about(window, qtbot)
    assert _label(dialog, "languagetool").startswith("not set up")
    dialog.close()
    jars = _jar_folder(tmp_path)
    services = window.context.services
    services.save_settings(dataclasses.replace(services.settings, grammar_mode="jars", grammar_jar_folder=str(jars)))
    assert _about(window, qtbot) is dialog  # the same window, brought back ...
    qtbot.waitUntil(lambda: _label(dialog, "languagetool").startswith("6.8"))  # ... with today's answer


@pytest.fixture
def slow_languagetool():
    """A LanguageTool-shaped server that takes a second to answer a check, like a busy one."""
    release = threading.Event()

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self):  # noqa: N802
            release.wait(5)
            body = json.dumps({"software": {"name": "LanguageTool", "version": "6.9"}, "matches": []}).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}", release
    release.set()
    server.shutdown()


def test_about_asks_a_languagetool_server_without_blocking_the_window(make_window, qtbot, dirs, slow_languagetool):
    url, release = slow_languagetool
    _settings(dirs, {"mode": "server", "server_url": url})
    window = make_window()
    dialog = _about(window, qtbot)
    assert _label(dialog, "languagetool") == "looking…"  # the window is shown while the server thinks
    release.set()
    qtbot.waitUntil(lambda: _label(dialog, "languagetool") == f"6.9 (server at {url})")


def test_about_says_plainly_when_the_languagetool_server_does_not_answer(make_window, qtbot, dirs):
    import socket

    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        url = f"http://127.0.0.1:{probe.getsockname()[1]}"
    _settings(dirs, {"mode": "server", "server_url": url})
    dialog = _about(make_window(), qtbot)
    qtbot.waitUntil(lambda: _label(dialog, "languagetool") != "looking…", timeout=10000)
    assert _label(dialog, "languagetool") == f"unknown: the server at {url} did not answer within 5 s"
