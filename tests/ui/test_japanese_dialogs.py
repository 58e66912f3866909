"""The dialogs and Settings pages in Japanese: opened with ui_language "ja" and the translations built
from the committed .ts sources, every visible text, title, tooltip, placeholder and accessible name is
Japanese; English left anywhere fails with the widget's objectName."""
from __future__ import annotations

import json
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QLibraryInfo, Qt, QTimer, QTranslator
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QWidget,
)

import outagewriter.ui
from outagewriter.core.incident.chat_destinations import SERVICE_LABELS
from outagewriter.core.incident.fields import FIELD_NAMES, NOTICE_KINDS, label_for
from outagewriter.core.mail.accounts import PRESETS, Account
from outagewriter.ui.dialogs import Dialogs
from outagewriter.ui.new_incident_dialog import NewIncidentDialog
from outagewriter.ui.publish_dialog import PublishDialog
from outagewriter.ui.review_dialogs import ApproveDialog, ChangesDialog, ReviewEmailDialog
from outagewriter.ui.send_dialog import SendDialog
from outagewriter.ui.settings_dialog import PAGES, SettingsDialog
from outagewriter.ui.starter_dialog import StarterDialog

TRANSLATIONS = Path(outagewriter.ui.__file__).parent / "translations"
BIN = Path(sys.executable).parent

# Names, protocols and syntax that stay as they are in Japanese (GLOSSARY.md), and example values.
KEPT = {"OutageWriter", "LanguageTool", "SMTP", "STARTTLS", "TLS", "URL", "Webhook", "HTML", "JSON", "PEM", "Java",
        "JAVA_HOME", "PATH", "README", "To", "Bcc", "UTC", "API", "OK", "Markdown", "jar", "min", "Acme", "Mon",
        "Wed", "Fri", "TEST", "English", "GB", "MB", "Web",
        "Language"}  # Settings › Appearance names the language choice in both languages: "Language / 言語"
# Text the core gives (field labels, outside products' names: translated there, with gettext, or kept as
# they are), and the core's default status page title ("Acme status"): not the window's to translate.
CORE = sorted({label_for(kind, name) for kind in NOTICE_KINDS for name in FIELD_NAMES} | set(SERVICE_LABELS.values())
              | {preset.label for preset in PRESETS.values()} | {"status"}, key=len, reverse=True)
ZONE_LISTS = {"audience_zone"}  # the IANA names of time zones (Asia/Tokyo), as typed and saved
LINK = re.compile(r"\S+://\S*|/[\w/.-]+|\S+@\S+|\S*[\w-]+\.(?:jar|com|internal|pem|crt|cer|md|html|outage)\S*|\[[^]]*]")


def english(text: str, data=()) -> list[str]:
    """The English words in `text`, leaving out links, addresses, file names, KEPT words, what the core
    gives and `data` (the user's or the computer's values, the notice's own content)."""
    text = re.sub(r"<[^>]+>", " ", text).replace("&", "")
    for given in (*sorted(data, key=len, reverse=True), *CORE):  # whole words only: not "Language" in LanguageTool
        text = re.sub(rf"(?<![A-Za-z]){re.escape(given)}(?![A-Za-z])", " ", text)
    return [w for w in re.findall(r"[A-Za-z][A-Za-z_]+", LINK.sub(" ", text)) if w not in KEPT]


def shown_texts(top: QWidget):
    """(objectName, text) for everything a person or a screen reader meets in `top` as it is now."""
    for widget in [top, *(w for w in top.findChildren(QWidget) if w.isVisibleTo(top))]:
        name = widget.objectName() or f"{type(widget).__name__} in {top.objectName() or type(top).__name__}"
        texts = [widget.accessibleName(), widget.toolTip()]
        if widget.isWindow():
            texts.append(widget.windowTitle())
        if isinstance(widget, (QLabel, QAbstractButton)):
            texts.append(widget.text())
        if isinstance(widget, QGroupBox):
            texts.append(widget.title())
        if isinstance(widget, (QLineEdit, QPlainTextEdit)):
            texts.append(widget.placeholderText())
        if isinstance(widget, QComboBox) and widget.objectName() not in ZONE_LISTS:
            texts += [widget.itemText(i) for i in range(widget.count())]
        if isinstance(widget, QListWidget):
            texts += [widget.item(i).text() for i in range(widget.count())]
        for text in texts:
            yield name, text


def untranslated(top: QWidget, data=()) -> list[str]:
    return [f"{name}: {text!r}" for name, text in shown_texts(top) if english(text, data)]


def report(left: list[str]) -> str:
    return "English left in the Japanese window:\n" + "\n".join(left)


@pytest.fixture
def japanese(qapp, tmp_path, dirs):
    """The settings say ui_language "ja"; OutageWriter's translations (built here from every ja_*.ts with
    pyside6-lrelease, as the install does) and Qt's own are installed."""
    dirs[1].mkdir(parents=True, exist_ok=True)
    (dirs[1] / "settings.json").write_text(json.dumps({"ui_language": "ja"}), encoding="utf-8")
    catalog = tmp_path / "outagewriter_ja.qm"
    subprocess.run([str(BIN / "pyside6-lrelease"), "-silent", *map(str, sorted(TRANSLATIONS.glob("ja_*.ts"))),
                    "-qm", str(catalog)], check=True)
    ours, qt_own = QTranslator(), QTranslator()
    assert ours.load(str(catalog))
    assert qt_own.load("qtbase_ja", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
    for translator in (ours, qt_own):
        qapp.installTranslator(translator)
    yield
    for translator in (ours, qt_own):
        qapp.removeTranslator(translator)


def account() -> Account:
    return Account(name="本番", sender_address="ops@example.com", sender_name="Acme運用チーム",
                   host="smtp.example.com", port=587, security="starttls", username="ops@example.com")


def machine(context) -> tuple[str, ...]:
    """What this computer says: the user's login name (offered as their name), the keyring's name."""
    return context.settings.identity(), context.secrets.describe()


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
               SendDialog([account()], "…", True, (), window), PublishDialog(window)]
    # The starting texts are written in the notice's language (this one is English): content, not the window.
    left, data = [], (*machine(window.context), *(s.title for s in starters), *(s.group for s in starters))
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
