"""The Settings window, driven as a person would: each page, and its effect on the open window at once."""
from __future__ import annotations

import json

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication, QPushButton

from outagewriter.core.review import audit
from outagewriter.core.review import workflow as review
from outagewriter.core.storage import fileformat
from outagewriter.ui import theme
from outagewriter.ui.settings_dialog import PAGES, SettingsDialog

BLAME = "Fastly is experiencing errors in Europe."


def open_settings(qtbot, window, page):
    dialog = SettingsDialog(window.context, window, page)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def press(qtbot, dialog, name):
    qtbot.mouseClick(dialog.findChild(QPushButton, name), Qt.MouseButton.LeftButton)


def type_into(qtbot, editor, text):
    editor.setFocus()
    editor.selectAll()
    for number, line in enumerate(text.split("\n")):
        if number:
            qtbot.keyClick(editor, Qt.Key.Key_Return)
        qtbot.keyClicks(editor, line)


def click(qtbot, button):
    """Where a person clicks a radio button or check box: on its indicator, not the empty row beside it."""
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton, pos=QPoint(8, button.height() // 2))


def saved(dirs) -> dict:
    return json.loads((dirs[1] / "settings.json").read_text(encoding="utf-8"))


def findings_of(window, category):
    window.live.run_now()
    return [f for f in window.current_findings() if f.category == category]


def set_summary(qtbot, window, text):
    type_into(qtbot, window.form.editors["summary"], text)
    window.live.run_now()


def test_the_settings_action_opens_the_window_on_writing_checks(make_window, dialogs, monkeypatch):
    window = make_window()
    opened = []
    monkeypatch.setattr(type(dialogs), "settings", lambda self, parent, context, page: opened.append(page),
                        raising=False)
    window.actions_by_key["settings"].trigger()
    assert opened == ["Writing checks"]
    assert window.actions_by_key["settings"].shortcut().toString()  # the platform's key, or Ctrl+,


def test_own_names_apply_to_the_open_window_at_once(make_window, qtbot, dirs, incident_file):
    window = make_window(incident_file)
    set_summary(qtbot, window, BLAME)
    assert findings_of(window, "blame")
    dialog = open_settings(qtbot, window, "Tone rules")
    type_into(qtbot, dialog.tone.own_names, "Fastly")
    press(qtbot, dialog, "settings_ok")
    assert saved(dirs)["own_names"] == ["Fastly"]
    assert findings_of(window, "blame") == []


def test_a_tone_rule_switched_off_stops_at_once_and_comes_back(make_window, qtbot, dirs, incident_file):
    window = make_window(incident_file)
    set_summary(qtbot, window, BLAME)
    rule = findings_of(window, "blame")[0].rule
    dialog = open_settings(qtbot, window, "Tone rules")
    item = dialog.tone.rule_items[rule]
    dialog.tone.rules.setCurrentItem(item)
    assert "Flags:" in dialog.tone.rule_detail.text()  # the rule's own examples are shown
    item.setCheckState(0, Qt.CheckState.Unchecked)
    press(qtbot, dialog, "settings_apply")
    assert rule not in {f.rule for f in findings_of(window, "blame")}
    item.setCheckState(0, Qt.CheckState.Checked)
    press(qtbot, dialog, "settings_ok")
    assert rule in {f.rule for f in findings_of(window, "blame")}


def test_custom_words_and_server_address_are_saved(make_window, qtbot, dirs):
    window = make_window()
    dialog = open_settings(qtbot, window, "Writing checks")
    click(qtbot, dialog.writing.mode_buttons["server"])
    type_into(qtbot, dialog.writing.server_url, "http://127.0.0.1:9")
    type_into(qtbot, dialog.writing.custom_words, "Zorbly\nPayGate\nZorbly")
    press(qtbot, dialog, "settings_ok")
    grammar = saved(dirs)["grammar"]
    assert (grammar["mode"], grammar["server_url"], grammar["custom_words"]) == (
        "server", "http://127.0.0.1:9", ["Zorbly", "PayGate"])
    assert window.context.grammar.settings.server_url == "http://127.0.0.1:9"  # rebuilt, no restart
    qtbot.waitUntil(lambda: "did not answer" in window.statusBar().currentMessage(), timeout=20000)


def test_a_refused_value_is_told_in_one_line_and_nothing_is_written(make_window, qtbot, dirs):
    window = make_window()
    dirs[1].mkdir(parents=True, exist_ok=True)
    (dirs[1] / "settings.json").write_text('{"user_name": "Jana"}', encoding="utf-8")
    dialog = open_settings(qtbot, window, "You")
    type_into(qtbot, dialog.you.email, "jana at example")
    press(qtbot, dialog, "settings_ok")
    assert dialog.isVisible()
    assert dialog.error.text() == "Not saved: You: 'jana at example' is not a usable email address."
    assert dialog.focusWidget() is dialog.you.email  # the field to correct
    type_into(qtbot, dialog.you.email, "jana@example.com")
    assert not dialog.error.isVisible()  # corrected: the refusal goes
    assert (dirs[1] / "settings.json").read_text(encoding="utf-8") == '{"user_name": "Jana"}'


def test_your_name_is_the_author_recorded_by_the_next_step(make_window, qtbot, dirs, dialogs, incident_file):
    window = make_window(incident_file)
    dialog = open_settings(qtbot, window, "You")
    type_into(qtbot, dialog.you.name, "Ana  Lima")
    type_into(qtbot, dialog.you.email, "ana@example.com")
    press(qtbot, dialog, "settings_ok")
    assert (saved(dirs)["user_name"], saved(dirs)["user_email"]) == ("Ana Lima", "ana@example.com")
    window.request_review()
    window.save()
    assert review.author_of(fileformat.load(incident_file).notices[-1]) == "Ana Lima"


def test_self_approval_is_off_by_default_and_logged_when_allowed(make_window, qtbot, dirs, dialogs, incident_file):
    window = make_window(incident_file)
    window.request_review()
    dialogs.answers["approve"] = "Fine."
    window.approve()
    assert dialogs.errors and "approval must come from someone else" in dialogs.errors[-1]
    dialog = open_settings(qtbot, window, "Review")
    assert not dialog.review.self_approval.isChecked()
    click(qtbot, dialog.review.self_approval)
    press(qtbot, dialog, "settings_ok")
    assert saved(dirs)["review"]["approver_must_differ"] is False
    window.approve()
    window.save()
    events = [e.event for e in audit.timeline(fileformat.load(incident_file))]
    assert events[-2:] == [audit.APPROVED, audit.SELF_APPROVED]


def test_dark_appearance_turns_the_window_and_the_preview_dark_at_once(make_window, qtbot, dirs, incident_file):
    app = QApplication.instance()
    style, palette = app.style().name(), QPalette(app.palette())
    window = make_window(incident_file)
    window.live.run_now()
    light_email = window.preview.html.toHtml()
    dialog = open_settings(qtbot, window, "Appearance")
    assert dialog.appearance.buttons["system"].isChecked()
    click(qtbot, dialog.appearance.buttons["dark"])
    press(qtbot, dialog, "settings_ok")
    try:
        assert saved(dirs)["appearance"] == "dark"
        qtbot.waitUntil(lambda: theme.scheme_of(window.palette()) is theme.DARK, timeout=3000)
        assert window.preview.html.toHtml() != light_email  # the email's own dark style, no edit needed
    finally:
        app.setStyle(style)  # the next test starts as this one did
        app.setPalette(palette)


def test_the_mail_accounts_page_is_the_accounts_dialog(make_window, qtbot):
    window = make_window()
    dialog = open_settings(qtbot, window, "Mail accounts")
    assert dialog.stack.currentIndex() == PAGES.index("Mail accounts") and dialog.accounts.isVisible()
    assert not dialog.findChild(QPushButton, "accounts_close").isVisible()  # the Settings window's own buttons


def test_unknown_keys_survive_a_save_from_the_window(make_window, qtbot, dirs):
    dirs[1].mkdir(parents=True, exist_ok=True)
    (dirs[1] / "settings.json").write_text(json.dumps({"team_plugin": {"keep": True}}), encoding="utf-8")
    window = make_window()
    dialog = open_settings(qtbot, window, "You")
    press(qtbot, dialog, "settings_ok")
    assert saved(dirs)["team_plugin"] == {"keep": True}


def test_the_tone_rules_page_names_the_packs_in_use(make_window, qtbot, dirs):
    rules = dirs[1] / "rules"
    rules.mkdir(parents=True)
    (rules / "team.json").write_text(json.dumps({"lists": {"SUPPLIER": ["PayGate"]}}), encoding="utf-8")
    window = make_window()
    dialog = open_settings(qtbot, window, "Tone rules")
    assert "team.json" in dialog.tone.packs.text() and str(rules) in dialog.tone.packs.text()
    assert not dialog.tone.pack_problems.isVisible()  # nothing wrong in it: nothing said


def test_the_tone_rules_page_says_which_packs_are_broken_and_how(make_window, qtbot, dirs):
    rules = dirs[1] / "rules"
    rules.mkdir(parents=True)
    (rules / "badre.json").write_text(json.dumps({"rules": [{"id": "my.re", "category": "blame", "severity": "warning",
                                                            "patterns": ["(abc"], "message": "m"}]}), encoding="utf-8")
    (rules / "broken.json").write_text(json.dumps({"rules": [{"id": "my.rule", "category": "blame",
                                                             "patterns": ["foo"], "message": "m"}]}), encoding="utf-8")
    (rules / "team.json").write_text(json.dumps({"lists": {"SUPPLIER": ["PayGate"]}}), encoding="utf-8")
    window = make_window()
    dialog = open_settings(qtbot, window, "Tone rules")
    assert "badre.json" in dialog.tone.packs.text() and "broken.json" in dialog.tone.packs.text()
    shown = dialog.tone.pack_problems
    assert shown.isVisible() and shown.property("tone") == "warning"
    lines = shown.text().splitlines()
    assert lines[0] == ("Parts of badre.json, broken.json cannot be used and are left out; the other rules work. "
                        "What is wrong:")
    assert lines[1:] == [
        "badre.json: rule 'my.re' pattern 1: '(abc' is not a valid regular expression: missing ), unterminated "
        "subpattern (at character 1) — that rule was ignored",
        "broken.json: rule 'my.rule': 'severity' is missing; give one of error, warning, suggestion — that rule "
        "was ignored"]
    dialog.tone.show_language("ja")  # the packs are for every language: the Japanese rules say the same
    assert shown.isVisible() and shown.text().splitlines()[1:] == lines[1:]


def test_settings_that_leave_grammar_alone_keep_its_findings_on_screen(make_window, qtbot, incident_file,
                                                                        fake_grammar):
    window = make_window(incident_file, grammar=fake_grammar)
    set_summary(qtbot, window, "Payments fail for teh customers.")
    qtbot.waitUntil(lambda: bool(findings_of(window, "spelling")), timeout=5000)
    calls = fake_grammar.calls
    dialog = open_settings(qtbot, window, "You")
    type_into(qtbot, dialog.you.name, "Ana Lima")
    press(qtbot, dialog, "settings_ok")
    assert [f.match for f in window.current_findings() if f.category == "spelling"] == ["teh"]  # not wiped
    assert window.context.grammar is fake_grammar and fake_grammar.calls == calls  # no restart, no recheck


def test_new_words_for_grammar_keep_the_running_languagetool(make_window, qtbot, dirs):
    window = make_window()
    dialog = open_settings(qtbot, window, "Writing checks")
    click(qtbot, dialog.writing.mode_buttons["server"])
    type_into(qtbot, dialog.writing.server_url, "http://127.0.0.1:9")
    press(qtbot, dialog, "settings_ok")
    checker = window.context.grammar
    dialog = open_settings(qtbot, window, "Writing checks")
    type_into(qtbot, dialog.writing.custom_words, "PayGate")
    press(qtbot, dialog, "settings_ok")
    dialog = open_settings(qtbot, window, "Tone rules")
    type_into(qtbot, dialog.tone.own_names, "Northwind")
    press(qtbot, dialog, "settings_ok")
    assert window.context.grammar is checker  # no second start: the words are applied to its answers
    assert {"PayGate", "Northwind"} <= set(checker.settings.custom_words)


def test_testing_grammar_works_while_another_page_holds_a_value_it_would_refuse(make_window, qtbot, dirs):
    """Test needs only the grammar settings: an unusable value on another page (office hours, a chat
    webhook URL) is for OK to refuse, not for the Test button to trip over."""
    window = make_window()
    dialog = open_settings(qtbot, window, "Audiences")
    press(qtbot, dialog, "audience_add")
    type_into(qtbot, dialog.audiences.hours, "9-17")
    dialog.show_page("Writing checks")
    click(qtbot, dialog.writing.mode_buttons["server"])
    type_into(qtbot, dialog.writing.server_url, "http://127.0.0.1:9")
    press(qtbot, dialog, "grammar_test")
    result = dialog.writing.test_result
    qtbot.waitUntil(lambda: bool(result.text()) and not result.text().startswith("Testing"), timeout=20000)
    assert "9-17" not in result.text()  # the answer is about the server, not the audience


def test_a_japanese_tone_rule_is_switched_off_from_the_window(make_window, qtbot, dirs, tmp_path):
    """Each shipped pack's rules have their switches: a Japanese notice's rule turned off in Settings stops
    flagging that notice, and the English pack keeps its own."""
    from outagewriter.core.incident.model import Incident

    incident = Incident.create("ログイン障害", "会員サイト", language="ja")
    incident.notices[-1].update({"summary": "委託先の不手際により、ログインできない状態です。", "next_update": "on-change"})
    path = tmp_path / "login.outage"
    fileformat.save(incident, path)
    window = make_window(path)
    qtbot.waitUntil(lambda: bool(findings_of(window, "blame")), timeout=5000)
    rule = findings_of(window, "blame")[0].rule
    dialog = open_settings(qtbot, window, "Tone rules")
    assert dialog.tone.language.currentData() == "en"  # an English window opens on the English pack
    dialog.tone.show_language("ja")
    assert "日本語" not in dialog.tone.packs.text() and "Japanese" in dialog.tone.packs.text()
    item = dialog.tone.rule_items[rule]
    dialog.tone.rules.setCurrentItem(item)
    assert "委託先" in dialog.tone.rule_detail.text()  # the Japanese pack's own examples
    item.setCheckState(0, Qt.CheckState.Unchecked)
    press(qtbot, dialog, "settings_ok")
    assert rule not in {f.rule for f in findings_of(window, "blame")}
    switches = json.loads((dirs[1] / "rules" / "zz-settings-ja.json").read_text(encoding="utf-8"))
    assert switches["disabled"] == [rule]
    assert not (dirs[1] / "rules" / "zz-settings-en.json").exists()  # nothing turned off in English
