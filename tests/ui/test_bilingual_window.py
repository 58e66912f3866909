"""Bilingual notices in the window, as a person uses them: create one, type in both languages, see
findings in the right editor, change the languages later."""
from __future__ import annotations

import json

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QComboBox, QLineEdit

from outagewriter.core.storage import fileformat

from window_fakes import FakeGrammar


def _type_japanese(widget, text: str) -> None:
    """Japanese arrives as an input method commits it (QTest.keyClicks knows only Latin keys)."""
    widget.setFocus()
    event = QInputMethodEvent("", [])
    event.setCommitString(text)
    QApplication.sendEvent(widget.focusProxy() or widget, event)


def _in_dialog(window, action: str, boxes: tuple[str, str], languages: tuple[str, str], texts=()) -> None:
    """Trigger `action` and fill in its dialog as a person would: line edits by name, the two language
    boxes, then OK."""

    def fill_in():
        dialog = QApplication.activeModalWidget()
        try:
            for name, text in texts:
                dialog.findChild(QLineEdit, name).setText(text)
            for name, code in zip(boxes, languages):
                box = dialog.findChild(QComboBox, name)
                box.setCurrentIndex(box.findData(code))
        except AttributeError:  # a box missing: close the dialog, and let the test's checks fail
            dialog.reject()
            return
        dialog.accept()

    QTimer.singleShot(0, fill_in)
    window.actions_by_key[action].trigger()


def _create(window, qtbot, first: str, second: str) -> None:
    """File → New incident…: title, service and both language boxes."""
    _in_dialog(window, "new", ("newIncidentLanguage", "newIncidentSecondLanguage"), (first, second),
               (("new_title", "カード決済の障害"), ("new_service", "Acme Pay")))


def test_create_a_japanese_incident_with_english_below(make_window, qtbot):
    window = make_window()
    _create(window, qtbot, "ja", "en")
    assert window.incident.languages == ("ja", "en") and window.incident.title == "カード決済の障害"
    form = window.form
    assert form.translations.rows["summary"].isVisibleTo(form)
    assert form.translations.captions["summary"].text() == "Summary — English"
    assert form.translations.editors["title"].accessibleName() == "Title in English"


def test_type_in_both_languages_and_see_findings_in_each_editor(make_window, qtbot, tmp_path):
    grammar = FakeGrammar({"teh": "the", "お客さま": "お客様"})
    try:
        _type_in_both(make_window(grammar=grammar), qtbot, tmp_path)
    finally:
        grammar.close()


def _type_in_both(window, qtbot, tmp_path):
    _create(window, qtbot, "en", "ja")
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=3000)
    form = window.form
    first, second = form.editors["summary"], form.translations.editors["summary"]
    assert second.objectName() == "summary_translation"
    first.setFocus()
    QTest.keyClicks(first, "Card payments fail for teh customers.")
    QTest.keyClick(first, Qt.Key.Key_Tab)  # Tab goes from the first text to its translation
    assert second.hasFocus()
    _type_japanese(second, "一部のお客さまでカード決済ができません。")
    window.flush()
    notice = window.notice
    assert notice.fields["summary"] == "Card payments fail for teh customers."
    assert notice.translation["summary"] == "一部のお客さまでカード決済ができません。"

    # Each finding is painted in the editor of the text it is about.
    qtbot.waitUntil(lambda: {"summary", "summary@ja"} <= {f.where for f in window.current_findings()
                                                         if f.category == "spelling"}, timeout=5000)
    assert [f.match for _, _, f in form.highlighters["summary"]._spans] == ["teh"]
    assert [f.match for _, _, f in form.translations.highlighters["summary"]._spans] == ["お客さま"]
    # A field typed in English only: its Japanese text is missing, an error on the second editor.
    QTest.keyClicks(form.editors["impact"], "Card payments fail with an error message.")
    qtbot.waitUntil(lambda: any(f.where == "impact@ja" and f.rule == "structure.translation-missing"
                                for f in window.current_findings()), timeout=5000)
    card = next(c for c in window.findings.cards if c.finding.where == "impact@ja")
    assert card.finding.severity == "error"

    # Undo works in each editor on its own.
    second.undo()
    window.flush()
    assert notice.translation["summary"] == "" and notice.fields["summary"] == "Card payments fail for teh customers."
    _type_japanese(second, "カード決済ができません。")

    window.context.dialogs.save_as = str(tmp_path / "bilingual.outage")
    window.save_as()
    saved = fileformat.load(tmp_path / "bilingual.outage")
    assert saved.second_language == "ja" and saved.notices[0].translation["summary"] == "カード決済ができません。"


def test_applying_a_suggestion_in_the_second_text(make_window, qtbot, fake_grammar):
    window = make_window(grammar=fake_grammar)
    _create(window, qtbot, "ja", "en")
    second = window.form.translations.editors["summary"]
    QTest.keyClicks(second, "Payments fail for teh customers.")
    qtbot.waitUntil(lambda: any(f.where == "summary@en" for f in window.current_findings()), timeout=5000)
    finding = next(f for f in window.current_findings() if f.where == "summary@en")
    window.apply_suggestion(finding, "the")
    window.flush()
    assert window.notice.translation["summary"] == "Payments fail for the customers."
    assert window.notice.fields["summary"] == ""


def test_a_one_language_incident_shows_no_second_editors(make_window, qtbot, incident_file):
    window = make_window(incident_file)
    assert not any(row.isVisibleTo(window.form) for row in window.form.translations.rows.values())


def _choose_languages(window, first: str, second: str) -> None:
    """Incident → Languages…"""
    _in_dialog(window, "languages", ("incidentLanguage", "incidentSecondLanguage"), (first, second))


def test_languages_later_from_the_incident_menu(make_window, qtbot, incident_file, dialogs):
    window = make_window(incident_file)
    _choose_languages(window, "en", "ja")
    form = window.form
    assert window.incident.second_language == "ja" and form.translations.rows["summary"].isVisibleTo(form)
    _type_japanese(form.translations.editors["summary"], "一部のお客様でカード決済ができません。")
    window.flush()

    # Removing Japanese would drop what was typed: the window asks first; "no" keeps everything.
    dialogs.answers["confirm"] = False
    _choose_languages(window, "en", "")
    assert "confirm" in dialogs.asked and "the Japanese text of Summary" in dialogs.messages[-1]
    assert window.notice.translation["summary"] == "一部のお客様でカード決済ができません。"
    dialogs.answers["confirm"] = True
    _choose_languages(window, "en", "")
    assert window.incident.second_language == "" and not form.translations.rows["summary"].isVisibleTo(form)


def test_autosave_keeps_the_second_text(make_window, qtbot, incident_file):
    window = make_window(incident_file)
    _choose_languages(window, "en", "ja")
    _type_japanese(window.form.translations.editors["impact"], "カード決済がエラーになります。")

    def in_a_recovery_copy() -> bool:
        copies = window.context.recovery.folder.glob("*.recovery.json")
        return any("カード決済がエラーになります。" in str(json.loads(p.read_text("utf-8"))) for p in copies)

    qtbot.waitUntil(in_a_recovery_copy, timeout=5000)
