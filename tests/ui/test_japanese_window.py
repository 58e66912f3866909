"""The window in Japanese: started with ui_language "ja" on a Japanese incident, every visible
string of the main window, its menus, side panels, find bar and timeline is Japanese (product and
protocol names aside); the English window shows no Japanese."""
from __future__ import annotations

import json
import re
import subprocess
import sys
import time
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, Qt, QTranslator
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QComboBox, QLabel, QMenu, QPushButton
from menu_clicks import choose
from window_texts import CJK, english_words, texts

from outagewriter.app import build_context, first_window
from outagewriter.core.checks.languagetool_version import NOT_SET_UP
from outagewriter.core.checks.rules import shipped_pack_path
from outagewriter.core.incident.fields import SPECS
from outagewriter.core.incident.model import Incident, SentRecord
from outagewriter.core.render.post_length import post_length
from outagewriter.core.render.renderer import Renderer
from outagewriter.core.review import workflow as review
from outagewriter.core.storage import fileformat
from outagewriter.ui import language
from outagewriter.ui.help_windows import show_about, show_guide, show_shortcuts
from outagewriter.ui.settings_dialog import SettingsDialog
from outagewriter.ui.timeline_view import show_timeline
from outagewriter.ui.welcome import show_welcome

REPO = Path(__file__).resolve().parents[2]
# The notice itself, as rendered for its recipients: the templates' language, not the window's.
NOTICE_SHOWN = {"preview_subject", "preview_html", "preview_text", "preview_short", "preview_chat",
                "review_since_previous", "review_void_diff"}  # word diffs of the notice: only their labels count
TYPED = {
    "title": "カード決済の障害",
    "service": "決済ページ",
    "summary": "11月27日9時40分頃から、一部のお客様でカード決済ができない状態が続いております。",
    "impact": "カード決済時にエラーが表示されます。",
    "data_loss": "none",
    "contact_name": "山田 花子",
    "contact_email": "hanako.yamada@example.com",
    "to": "customers@example.com",
    "next_update": "2026-11-27T11:00[Asia/Tokyo]",
}


@pytest.fixture
def start(qtbot, dirs, dialogs):
    """Starts the window as the app does (first_window) with `ui_language` set; the app is back in
    English afterwards, for the other tests."""
    contexts = []

    def run(ui_language: str | None, incident: Incident):
        """None: with the settings as they are saved."""
        state, config = dirs
        config.mkdir(parents=True, exist_ok=True)
        if ui_language is not None:
            (config / "settings.json").write_text(json.dumps({"ui_language": ui_language}), encoding="utf-8")
        path = state.parent / f"incident-{len(contexts)}.outage"  # each window its own file (and lock)
        fileformat.save(incident, path)
        context = build_context(state_dir=state, config_dir=config, dialogs=dialogs, grammar=_Off())
        contexts.append(context)
        window = first_window(QApplication.instance(), str(path), context)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        return window

    yield run
    for context in contexts:
        context.tasks.wait()
    language.install(QApplication.instance(), "en")


class _Off:
    enabled = False


def japanese_incident(kind: str = "incident") -> Incident:
    incident = Incident.create(TYPED["title"], TYPED["service"], kind=kind, language="ja")
    incident.notices[-1].update({k: v for k, v in TYPED.items() if k not in ("title", "service")})
    return incident


def english_incident() -> Incident:
    incident = Incident.create("Card payments failing", "Checkout")
    incident.notices[-1].update({"summary": "Card payments fail for some customers.", "data_loss": "none",
                                 "contact_email": "jana@example.com", "to": "customers@example.com"})
    return incident


def everything_shown(window, qtbot) -> list[tuple[str, str, str]]:
    """Opens every menu, both side panels, the folded sections, the find bar and the timeline, and
    collects what each shows."""
    seen = []
    for menu in window.menuBar().findChildren(QMenu):
        menu.aboutToShow.emit()  # fills the recent-files menu as opening it does
    for section in window.form.sections.values():
        if section.toggle is not None:
            section.set_expanded(True)
    window.find_bar.open()
    for tab in range(window.side_tabs.count()):
        window.side_tabs.setCurrentIndex(tab)
        qtbot.wait(20)
        seen += texts(window, NOTICE_SHOWN)
    window.show_review()
    for diff in (window.review_panel.previous, window.review_panel.void_diff):
        seen += [(diff.objectName(), "part label", line.split(": ", 1)[0])
                 for line in diff.toPlainText().splitlines() if diff.isVisible() and ": " in line]
    for side_window in (show_timeline(window), show_guide(window), show_shortcuts(window), show_about(window)):
        qtbot.waitExposed(side_window)
        seen += texts(side_window)
        side_window.close()
    return seen


def core_words(incident: Incident) -> tuple[str, ...]:
    """What core writes, in the language core's own catalog (gettext, the command line's part) gives
    it: field labels and hints, the promise line, a missing rule pack. Core's tests check those; once
    core speaks Japanese these are Japanese too and leave nothing out."""
    said = {text for spec in SPECS.values() for text in (spec.label, spec.help)}
    said.add(NOT_SET_UP)  # About: LanguageTool's version when grammar checks are off
    if not shipped_pack_path("ja").is_file():
        said.add(f"no rule pack for language 'ja' ({shipped_pack_path('ja').name} is missing)")
    return tuple(sorted(said, key=len, reverse=True))  # longest first: "Next update time" before "Next update"


@pytest.mark.parametrize("kind", ["incident", "maintenance"])
def test_the_japanese_window_has_no_untranslated_string(start, qtbot, kind):
    incident = japanese_incident(kind)
    window = start("ja", incident)
    assert QLocale().language() == QLocale.Language.Japanese
    seen = everything_shown(window, qtbot)
    # Every later kind of notice shows its own sections, hints and headings.
    for later in ("maintenance",) if kind == "maintenance" else ("update", "resolution", "post-incident"):
        window.incident.notices[-1].sent = SentRecord(time="2026-11-27T10:00:00Z", recipients={})  # as if sent
        window.add_notice(later)
        assert window.notice.kind == later
        seen += everything_shown(window, qtbot)
    window.show_notice(0)  # a sent notice: read-only, under its banner
    assert window.read_only_banner.isVisible()
    seen += everything_shown(window, qtbot)
    show_welcome(window)  # the first start's page, in front of the form
    seen += texts(window, NOTICE_SHOWN)
    allowed = (*TYPED.values(), *core_words(incident))
    untranslated = sorted({f"{name} ({what}): {text!r}" for name, what, text in seen
                           if english_words(text, allowed)})
    assert not untranslated, "English in the Japanese window:\n" + "\n".join(untranslated)


def test_the_japanese_window_speaks_japanese_in_its_menus(start):
    window = start("ja", japanese_incident())
    titles = [action.text() for action in window.menuBar().actions()]
    assert titles[:2] == ["ファイル(&F)", "編集(&E)"]
    assert window.actions_by_key["save"].text() == "保存(&S)"


def test_the_english_window_shows_no_japanese(start, qtbot):
    window = start("en", english_incident())
    japanese = sorted({f"{name} ({what}): {text!r}" for name, what, text in everything_shown(window, qtbot)
                       if CJK.search(text)})
    assert not japanese, "Japanese in the English window:\n" + "\n".join(japanese)
    assert window.actions_by_key["save"].text() == "&Save"


def test_a_missing_catalog_leaves_the_window_in_english_with_one_line(qapp, tmp_path, monkeypatch, capfd):
    monkeypatch.setattr(language, "compiled_catalog", lambda lang: tmp_path / f"outagewriter_{lang}.qm")
    language.install(qapp, "ja")
    try:
        lines = capfd.readouterr().err.strip().splitlines()
        assert len(lines) == 1 and "scripts/build-translations" in lines[0]
        assert not qapp.findChildren(QTranslator, "outagewriter_translator")
        assert QLocale().language() == QLocale.Language.English
    finally:
        language.install(qapp, "en")


def test_the_language_chosen_in_settings_applies_at_the_next_start(start, qtbot, dirs):
    window = start("", english_incident())
    dialog = SettingsDialog(window.context, window, "Appearance")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    choice = dialog.findChild(QComboBox, "ui_language")
    assert [choice.itemText(i) for i in range(choice.count())] == ["System", "English", "日本語"]
    assert dialog.findChild(QLabel, "ui_language_note").isVisible()  # "applies when OutageWriter starts again"
    choice.setFocus()
    qtbot.keyClick(choice, Qt.Key.Key_Down)
    qtbot.keyClick(choice, Qt.Key.Key_Down)
    qtbot.mouseClick(dialog.findChild(QPushButton, "settings_ok"), Qt.MouseButton.LeftButton)
    saved = json.loads((dirs[1] / "settings.json").read_text(encoding="utf-8"))
    assert saved["ui_language"] == "ja"
    assert window.actions_by_key["save"].text() == "&Save"  # this window stays as it started
    again = start(None, english_incident())
    assert again.actions_by_key["save"].text() == "保存(&S)"


def test_dates_in_the_japanese_window_are_written_the_japanese_way(start, monkeypatch):
    monkeypatch.setenv("TZ", "Asia/Tokyo")  # the reader's zone: the list shows times in it
    time.tzset()
    try:
        incident = japanese_incident()
        incident.notices[-1].sent = SentRecord(time="2026-11-27T10:00:00Z", recipients={})
        incident.add_notice("update")
        window = start("ja", incident)
        first = window.notices.list.item(0).text()
        assert re.search(r"送信済み (2026年)?11月27日（金）19:00 JST$", first), first  # as the notices write it
    finally:
        monkeypatch.undo()
        time.tzset()


WINDOW_SOURCES = (
    "main_window.py", "actions.py", "form.py", "editors.py", "preview.py", "findings_panel.py", "finding_card.py",
    "highlight.py", "notice_list.py", "notice_kinds.py", "timeline_view.py", "banner.py", "welcome.py",
    "find_bar.py", "document.py", "edit_commands.py", "files.py", "autosave.py", "recovery_dialog.py",
    "live_update.py", "reminders.py", "zones.py", "components_editor.py", "context.py", "answers.py", "tasks.py",
    "wheel.py", "theme.py", "framed_style.py", "side_windows.py", "help_windows.py", "grammar_start.py",
    "review_panel.py", "language_choice.py", "words.py",
)


def test_every_string_of_the_window_has_its_japanese(tmp_path):
    """ja_window.ts holds every translate() string of the window's code as it is now, each translated:
    a string added or reworded without its Japanese fails here (the dialogs' own are in ja_dialogs.ts)."""
    folder = Path(language.__file__).parent
    fresh = tmp_path / "ja_window.ts"
    fresh.write_bytes((folder / "translations" / "ja_window.ts").read_bytes())
    subprocess.run([str(Path(sys.executable).parent / "pyside6-lupdate"), *(str(folder / n) for n in WINDOW_SOURCES),
                    "-ts", str(fresh), "-no-obsolete", "-locations", "none", "-silent"], check=True)
    dialogs = {c.findtext("name") for c in ET.parse(folder / "translations" / "ja_dialogs.ts").getroot().iter("context")}
    messages = [m for c in ET.parse(fresh).getroot().iter("context") if c.findtext("name") not in dialogs
                for m in c.iter("message")]
    untranslated = [m.findtext("source") for m in messages
                    if m.find("translation").get("type") is not None
                    or not "".join(m.find("translation").itertext()).strip()]
    assert len(messages) > 350 and untranslated == []


def test_the_review_panel_runs_japanese_sentences_on_without_spaces(start):
    window = start("ja", japanese_incident())
    window.show_review()
    detail = window.review_panel.detail.text()
    assert "承認を受けてください。現在" in detail and "。 " not in detail, detail


def test_the_short_post_is_counted_as_the_platforms_count_it(start, qtbot):
    window = start("ja", japanese_incident())
    window.preview.tabs.setCurrentIndex(2)
    qtbot.waitUntil(lambda: window.preview.short.toPlainText() != "")
    short = window.preview.short.toPlainText()
    # A Japanese character counts two on X: the counter shows the count the post is shortened by.
    assert post_length(short) > len(short)
    qtbot.waitUntil(lambda: str(post_length(short)) in window.preview.short_count.text())


def test_a_japanese_summary_fits_its_editor_without_scrolling(start, qtbot):
    window = start("ja", japanese_incident())
    window.resize(1280, 800)
    editor = window.form.editors["summary"]
    editor.setPlainText("オンラインショップのカード決済のおよそ3件に1件がエラーとなっております。" * 4)
    # Japanese is drawn in a taller fallback font: the editor grows by the lines as drawn, not by
    # its own font's line height, so the last line is not cut off under a scroll bar.
    qtbot.waitUntil(lambda: editor.verticalScrollBar().maximum() == 0, timeout=3000)


def test_the_status_bar_speaks_japanese_after_review_steps_and_saving(start, qtbot, dialogs):
    incident = japanese_incident()
    notice = incident.notices[-1]
    review.request_review(incident, notice, Renderer().render(incident, notice), "山田 花子")
    window = start("ja", incident)
    name = Path(window.doc.path).name
    window.show_review()
    said = []

    def click(key):
        qtbot.mouseClick(window.review_panel.buttons[key], Qt.MouseButton.LeftButton)
        said.append(window.statusBar().currentMessage())

    dialogs.answers["approve"] = ("Petr Svoboda", "")
    click("approve")
    editor = window.form.editors["impact"]
    editor.setFocus()
    editor.moveCursor(editor.textCursor().MoveOperation.End)
    typed = QInputMethodEvent("", [])  # Japanese arrives as an input method commits it
    typed.setCommitString("再読み込みで解消します。")  # an edit after the approval voids it
    QApplication.sendEvent(editor.focusProxy() or editor, typed)
    choose(window, qtbot, "ファイル(F)", "保存(S)")
    said.append(window.statusBar().currentMessage())
    dialogs.answers["request_review"] = "Petr Svoboda"
    click("request_review")
    assert dialogs.errors == []
    assert said == ["Petr Svoboda が承認しました。",
                    f"{name} を保存しました（通知1: 承認は無効です: 承認後に変更されました）",
                    "レビューを依頼しました。"]


def test_a_component_the_form_cannot_add_is_told_in_japanese(start, qtbot, dirs):
    """The core's refusal (core/incident/components.py) reaches the form's components editor in Japanese,
    with the name typed."""
    dirs[1].mkdir(parents=True, exist_ok=True)
    (dirs[1] / "settings.json").write_text(json.dumps({"ui_language": "ja", "components": ["API", "Dashboard"]}),
                                           encoding="utf-8")
    window = start(None, japanese_incident())
    editor = window.form.editors["components"]
    for name in ("API", "api", "Web; mobile"):
        editor.add_name.setFocus()
        editor.add_name.lineEdit().selectAll()
        qtbot.keyClicks(editor.add_name.lineEdit(), name)
        qtbot.keyClick(editor.add_name.lineEdit(), Qt.Key.Key_Return)
        if name == "api":
            assert editor.problem.text() == "追加できませんでした：'api' はすでに一覧にあります。"
    assert editor.problem.text() == "追加できませんでした：'Web; mobile': コンポーネント名に '=' や ';' は使えません。"
    window.flush()
    assert window.notice.fields["components"] == "API = partial-outage"


def test_a_status_reads_the_same_in_the_window_the_command_line_and_the_notice(start):
    """'identified' is 原因特定済み in the window (ui/words.py), in core's catalog (the command line, the
    export) and in the Japanese notice's subject (templates/ja/phrases.txt): one word, as the glossary says."""
    from outagewriter.core import i18n
    from outagewriter.core.incident.fields import status_label
    from outagewriter.ui.words import value_label
    incident = japanese_incident()
    incident.notices[-1].update({"status": "identified"})
    start("ja", incident)
    assert value_label("identified") == "原因特定済み"
    assert i18n.use_language("ja") == "ja" and status_label("identified") == "原因特定済み"
    assert "原因特定済み" in Renderer().render(incident, incident.notices[-1]).subject


def test_an_approval_withdrawn_by_its_reviewer_is_told_in_japanese(start):
    """The review panel says why an approval no longer counts in core's words (review.reason_label),
    though the file stores the reason in English."""
    from outagewriter.core.settings import Settings
    incident = japanese_incident()
    notice = incident.notices[-1]
    renderer = Renderer()
    review.request_review(incident, notice, renderer.render(incident, notice), "山田 花子")
    review.approve(incident, notice, renderer.render(incident, notice), "Petr Svoboda", Settings(user_name="Petr Svoboda"))
    review.request_changes(incident, notice, renderer.render(incident, notice), "Petr Svoboda", "復旧の見込みも書いてください。")
    assert notice.review.approval.voided.reason == "approval withdrawn: changes requested by Petr Svoboda"
    window = start("ja", incident)
    window.show_review()
    detail = window.review_panel.detail.text()
    assert "が、Petr Svobodaが修正を依頼しました。" in detail, detail
    assert "withdrawn" not in detail


def test_an_address_problem_and_a_voided_approval_are_told_in_japanese_in_the_window(start, qtbot):
    """email-validator's reason and the review history's void entry come from core in the program's
    language: the reason under the field, the editor (not a reviewer) named in the history."""
    from PySide6.QtWidgets import QWidget

    from outagewriter.core.settings import Settings
    incident = japanese_incident()
    notice = incident.notices[-1]
    renderer = Renderer()
    review.request_review(incident, notice, renderer.render(incident, notice), "山田 花子")
    review.approve(incident, notice, renderer.render(incident, notice), "Petr Svoboda", Settings(user_name="Petr Svoboda"))
    notice.update({"summary": TYPED["summary"] + "復旧の見込みは未定です。"})
    review.note_changes(incident, notice, renderer.render(incident, notice), "山田 花子")
    window = start("ja", incident)
    window.show_review()
    history = [window.review_panel.timeline.item(i).text() for i in range(window.review_panel.timeline.count())]
    assert any(line.startswith("通知1: 承認無効（承認後に山田 花子が変更）") and line.endswith("「変更箇所: 本文、HTML」")
               for line in history), history
    editor = window.form.editors["contact_email"]
    editor.setFocus()
    editor.selectAll()
    qtbot.keyClicks(editor, "hanako@example..com")
    error = window.findChild(QWidget, "contact_email_error")
    qtbot.waitUntil(error.isVisible, timeout=3000)
    assert "「.」を2つ続けて使うことはできません" in error.text() and "two periods" not in error.text()
