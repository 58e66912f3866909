"""The dialogs and Settings pages in Japanese: opened with ui_language "ja" and the translations built
from the committed .ts sources, every visible text, title, tooltip, placeholder and accessible name is
Japanese; English left anywhere fails with the widget's objectName."""
from __future__ import annotations

import json
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from types import SimpleNamespace

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QComboBox, QLineEdit, QWidget
from window_texts import english_words, texts

import outagewriter.ui
from outagewriter.app import apply_language
from outagewriter.core.incident.chat_destinations import SERVICE_LABELS
from outagewriter.core.incident.fields import FIELD_NAMES, NOTICE_KINDS, label_for
from outagewriter.core.mail.accounts import PRESETS, Account
from outagewriter.core.settings import Settings, load_settings
from outagewriter.ui.dialogs import Dialogs
from outagewriter.ui.new_incident_dialog import NewIncidentDialog
from outagewriter.ui.publish_dialog import PublishDialog
from outagewriter.ui.recovery_dialog import RecoveryDialog
from outagewriter.ui.review_dialogs import (
    ApproveDialog,
    ChangesDialog,
    ReviewEmailDialog,
)
from outagewriter.ui.send_dialog import SendDialog
from outagewriter.ui.settings_dialog import PAGES, SettingsDialog
from outagewriter.ui.starter_dialog import StarterDialog

REPO = Path(__file__).resolve().parents[2]
TRANSLATIONS = Path(outagewriter.ui.__file__).parent / "translations"
BIN = Path(sys.executable).parent

# Beyond window_texts.KEPT: protocols, programs and syntax the dialogs name, and the examples they give.
KEPT = ("STARTTLS", "Webhook", "JSON", "PEM", "Java", "JAVA_HOME", "PATH", "README", "To", "API", "jar", "min",
        "GB", "MB", "Web", "Acme", "Mon-Fri", "Mon", "Wed", "Fri", "languagetool-server.jar", "smtp.example.com",
        "https://status.example.com/", "Language")  # the language choice names itself in both: "Language / 言語"
# Text the core gives (field labels, outside products' names: translated there, with gettext, or kept as
# they are), and the core's default status page title ("Acme status"): not the window's to translate.
CORE = (*{label_for(kind, name) for kind in NOTICE_KINDS for name in FIELD_NAMES}, *SERVICE_LABELS.values(),
        *(preset.label for preset in PRESETS.values()), "status")


def untranslated(top: QWidget, data=()) -> list[str]:
    """Each English text left in `top`, with its widget's objectName; `data` are the user's or the
    computer's values and the notice's own content, which stay as they are."""
    given = tuple(sorted({*data, *KEPT, *CORE}, key=len, reverse=True))
    return [f"{name} ({what}): {text!r}" for name, what, text in texts(top) if english_words(text, given)]


def report(left: list[str]) -> str:
    return "English left in the Japanese window:\n" + "\n".join(left)


@pytest.fixture
def japanese(qapp, dirs):
    """The settings say ui_language "ja" and the app speaks Japanese, as app.main sets it up; English after."""
    dirs[1].mkdir(parents=True, exist_ok=True)
    (dirs[1] / "settings.json").write_text(json.dumps({"ui_language": "ja"}), encoding="utf-8")
    apply_language(qapp, load_settings(dirs[1]))  # the window's translations and core's messages, as the app does
    yield
    apply_language(qapp, Settings(ui_language="en"))


def account() -> Account:
    return Account(name="本番", sender_address="ops@example.com", sender_name="Acme運用チーム",
                   host="smtp.example.com", port=587, security="starttls", username="ops@example.com")


def machine(context) -> tuple[str, ...]:
    """What this computer says: the user's login name (offered as their name), the keyring's name, the
    folder of the user's own rule packs."""
    return context.settings.identity(), context.secrets.describe(), str(context.services.rules_dir)


def test_every_settings_page_is_japanese(japanese, make_window, qtbot):
    window = make_window()
    dialog = SettingsDialog(window.context, window, PAGES[0])
    qtbot.addWidget(dialog)
    dialog.show()
    left, data = [], machine(window.context)
    for page in PAGES:
        dialog.show_page(page)
        qtbot.wait(10)
        left += untranslated(dialog, data)
    dialog.chat.add.click()  # a new chat destination and a new audience are named in Japanese too
    dialog.audiences.add.click()
    left += untranslated(dialog, data)
    assert not left, report(left)


def test_every_dialog_is_japanese(japanese, make_window, qtbot):
    window = make_window()
    kind = window.notice.kind
    starters = window.doc.session.services.starters(window.incident.language).for_kind(kind)
    dialogs = [NewIncidentDialog(window), StarterDialog(starters, kind, (), window),
               ApproveDialog("山田", "通知1", window), ChangesDialog("山田", [("summary", "概要")], window),
               ReviewEmailDialog([account()], window), SendDialog([account()], "…", False, ("障害連絡",), window),
               SendDialog([account()], "…", True, (), window), PublishDialog(window),
               RecoveryDialog([SimpleNamespace(title="決済障害", original_path="", saved_at="2026-11-27T06:00:00Z")],
                              window)]
    # The starting texts are written in the notice's language (this one is English): content, not the window.
    left, data = [], (*machine(window.context), *(s.title for s in starters), *(s.group for s in starters),
                  *(s.summary for s in starters))
    for dialog in dialogs:
        qtbot.addWidget(dialog)
        dialog.show()
        if isinstance(dialog, StarterDialog):
            dialog.list.setCurrentRow(1)  # one chosen: what it fills is said
        left += untranslated(dialog, data)
    assert not left, report(left)


@pytest.mark.parametrize("ask", [
    lambda d, w: d.unsaved_changes(w, "outage.outage"),
    lambda d, w: d.save_conflict(w, "…"),
    lambda d, w: d.file_locked(w, "…", True),
    lambda d, w: d.no_account(w, "…"),
    lambda d, w: d.password(w, account()),
    lambda d, w: d.request_review(w),
], ids=["unsaved_changes", "save_conflict", "file_locked", "no_account", "password", "request_review"])
def test_every_question_the_window_asks_is_japanese(japanese, make_window, qtbot, ask):
    window, seen = make_window(), []

    def look():
        box = QApplication.activeModalWidget()
        seen.extend(untranslated(box))
        seen.append("looked")
        box.reject()

    QTimer.singleShot(0, look)
    ask(Dialogs(), window)
    assert seen == ["looked"]


def new_incident(qtbot, window, language: str | None):
    """File ▸ New as a person does it: the dialog filled in, the language chosen (None: as offered)."""
    offered = []

    def fill_in():
        dialog = QApplication.activeModalWidget()
        box = dialog.findChild(QComboBox, "newIncidentLanguage")
        offered.extend([box.itemText(i) for i in range(box.count())] + [box.currentData()])
        if language is not None:
            box.setCurrentIndex(box.findData(language))
        dialog.findChild(QLineEdit, "new_title").setText("決済障害")  # typed through an input method
        dialog.findChild(QLineEdit, "new_service").setText("決済")
        QTest.keyClick(dialog, Qt.Key.Key_Return)

    QTimer.singleShot(0, fill_in)
    window.new_incident()
    return offered


def test_a_japanese_window_offers_japanese_notices_first(japanese, make_window, qtbot, tmp_path, dialogs):
    window = make_window()
    assert new_incident(qtbot, window, None) == ["English", "日本語", "ja"]
    assert (window.incident.title, window.incident.language) == ("決済障害", "ja")
    dialogs.save_as = str(tmp_path / "payments.outage")
    assert window.save()
    assert json.loads(Path(dialogs.save_as).read_text(encoding="utf-8"))["incident"]["language"] == "ja"


def test_an_english_window_writes_a_japanese_notice_when_chosen(make_window, qtbot):
    window = make_window()
    assert new_incident(qtbot, window, "ja") == ["English", "日本語", "en"]
    assert window.incident.language == "ja"
    assert new_incident(qtbot, window, None)[-1] == "en" and window.incident.language == "en"


DIALOG_SOURCES = ("accounts_dialog.py", "audiences_page.py", "audience_hooks.py", "chat_page.py",
                  "components_page.py", "dialogs.py", "new_incident_dialog.py", "publish_dialog.py",
                  "review_dialogs.py", "review_flow.py", "send_dialog.py", "sending.py", "settings_dialog.py",
                  "settings_pages.py", "starter_dialog.py", "starter_flow.py", "status_page_page.py", "reminders.py")


def test_every_string_of_the_dialogs_has_its_japanese(tmp_path):
    """ja_dialogs.ts holds every tr() string of the dialogs' code as it is now, each one translated:
    a string added or reworded without its Japanese fails here, not on a user's screen."""
    fresh = tmp_path / "ja_dialogs.ts"
    fresh.write_bytes((TRANSLATIONS / "ja_dialogs.ts").read_bytes())
    ui = Path(outagewriter.ui.__file__).parent
    subprocess.run([str(BIN / "pyside6-lupdate"), *(str(ui / name) for name in DIALOG_SOURCES), "-ts", str(fresh),
                    "-no-obsolete", "-locations", "none", "-silent"], check=True)
    # reminders.py also holds the main window's reminder banner, translated in ja_window.ts.
    window_contexts = {c.findtext("name") for c in ET.parse(TRANSLATIONS / "ja_window.ts").getroot().iter("context")}
    messages = [m for c in ET.parse(fresh).getroot().iter("context") if c.findtext("name") not in window_contexts
                for m in c.iter("message")]
    missing = [m.findtext("source") for m in messages
               if m.find("translation").get("type") is not None
               or not "".join(m.find("translation").itertext()).strip()]
    assert len(messages) > 300 and missing == []


def test_a_webhook_url_the_service_cannot_use_is_told_in_japanese(japanese, make_window, qtbot):
    """The core's check of a typed webhook URL (core/chat/destinations.py) speaks the window's language."""
    window = make_window()
    dialog = SettingsDialog(window.context, window, "Chat")
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.chat.add.click()
    assert dialog.chat.service.currentData() == "slack"
    dialog.chat.url.setFocus()
    qtbot.keyClicks(dialog.chat.url, "https://example.com/hooks/abc")
    assert dialog.chat.url_note.text() == "Slack のWebhook URLは https://hooks.slack.com/ で始まります"


def test_a_refused_chat_destination_is_told_in_japanese_with_the_page_name(japanese, make_window, qtbot):
    """A chat destination the Chat page refuses on Apply: the page's name and the core's reason are both
    Japanese, and the destination's name is kept."""
    window = make_window()
    dialog = SettingsDialog(window.context, window, "Chat")
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.chat.add.click()
    dialog.chat.name.setFocus()
    dialog.chat.name.selectAll()
    qtbot.keyClicks(dialog.chat.name, "Ops room")
    dialog.chat.url.setFocus()
    qtbot.keyClicks(dialog.chat.url, "https://example.com/hooks/abc")
    dialog.findChild(QWidget, "settings_apply").click()
    said = dialog.error.text()
    assert said == ("保存できませんでした: チャット: Ops room: "
                    "Slack のWebhook URLは https://hooks.slack.com/ で始まります"), said


def test_the_japanese_tone_rules_are_named_apart_shown_whole_and_their_sources_japanese(japanese, make_window, qtbot):
    from PySide6.QtWidgets import QTreeWidgetItemIterator

    window = make_window()
    dialog = SettingsDialog(window.context, window, "Tone rules")
    qtbot.addWidget(dialog)
    dialog.resize(760, 600)
    dialog.show()
    qtbot.waitExposed(dialog)
    page = dialog.tone
    page.show_language("ja")
    qtbot.wait(50)
    tree = page.rules
    leaves = []
    found = QTreeWidgetItemIterator(tree)
    while found.value():
        if found.value().parent() is not None:
            leaves.append(found.value())
        found += 1
    names = [item.text(0) for item in leaves]
    assert len(set(names)) == len(names) and not any("(jargon." in name for name in names), names
    assert tree.horizontalScrollBar().maximum() == 0
    metrics = tree.fontMetrics()
    for item in leaves:
        rect = tree.visualItemRect(item)
        assert rect.right() <= tree.viewport().width()
        one_line = metrics.horizontalAdvance(item.text(0)) + 2 * metrics.height() <= rect.width()
        assert one_line or rect.height() >= 2 * metrics.lineSpacing(), (item.text(0), rect)  # wrapped, not cut
    page.rule_items["jargon.technical-terms"].setSelected(True)
    tree.setCurrentItem(page.rule_items["jargon.technical-terms"])
    detail = page.rule_detail.text()
    assert "OutageWriterの通知の構成" in detail and "notice structure" not in detail


def test_the_tone_rules_page_tells_broken_packs_in_japanese(japanese, make_window, qtbot, dirs):
    """Settings > Tone rules names the user's packs that have problems, and what is wrong, in Japanese."""
    rules = dirs[1] / "rules"
    rules.mkdir(parents=True)
    (rules / "badre.json").write_text(json.dumps({"rules": [{"id": "my.re", "category": "blame", "severity": "warning",
                                                            "patterns": ["(abc"], "message": "m"}]}), encoding="utf-8")
    (rules / "suppliers.json").write_text(json.dumps({"lists": {"SUPPLIERS": ["Northwind"]}}), encoding="utf-8")
    window = make_window()
    dialog = SettingsDialog(window.context, window, "Tone rules")
    qtbot.addWidget(dialog)
    dialog.show()
    shown = dialog.tone.pack_problems
    assert shown.isVisible() and shown.accessibleName() == "ルールパックの問題"
    heading, lists, pattern = shown.text().splitlines()
    assert heading == "badre.json、suppliers.jsonの一部は使用できないため、除外しています。その他のルールは通常どおり使われます。問題点:"
    assert lists == ("suppliers.json: SUPPLIERSというリストを使うルールはないため、このリストの語句は何にも影響しません。"
                     "SUPPLIERのことですか？")
    assert pattern.startswith("badre.json: ルール 'my.re'のパターン1: '(abc' は正しい正規表現ではありません: ")
    assert pattern.endswith("（1文字目）。このルールは使用しません")
