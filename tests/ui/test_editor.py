"""The form, the live preview and the findings panel, driven the way a user drives them."""
from __future__ import annotations

from PySide6.QtCore import QMimeData, Qt
from PySide6.QtGui import QTextCharFormat
from PySide6.QtWidgets import QWidget

from outagewriter.core.incident.fields import FIELD_NAMES, label_for
from outagewriter.core.storage import fileformat


def _flat(text: str) -> str:
    return " ".join(text.split())  # the plain text is wrapped at 72 columns


def _cards(window):
    return window.findings.cards


def test_typing_updates_the_preview(make_window, qtbot, incident_file):
    window = make_window(incident_file)
    summary = window.form.editors["summary"]
    summary.setFocus()
    summary.moveCursor(summary.textCursor().MoveOperation.End)
    qtbot.keyClicks(summary, " Refunds are not affected.")
    html = window.findChild(QWidget, "preview_html")
    qtbot.waitUntil(lambda: "Refunds are not affected." in _flat(html.toPlainText()), timeout=3000)
    window.preview.tabs.setCurrentIndex(1)  # hidden tabs catch up when shown
    text = window.findChild(QWidget, "preview_text")
    assert "Refunds are not affected." in _flat(text.toPlainText())
    title = window.form.editors["title"]
    title.setFocus()
    title.end(False)
    qtbot.keyClicks(title, " in Europe")
    qtbot.waitUntil(lambda: "in Europe" in window.preview.subject.text(), timeout=3000)
    assert "in Europe" in _flat(text.toPlainText())
    window.preview.tabs.setCurrentIndex(2)
    short = window.findChild(QWidget, "preview_short")
    assert "in Europe" in _flat(short.toPlainText())
    assert window.isWindowModified()


def test_every_field_has_object_and_accessible_name_and_tab_order_follows_form(make_window):
    window = make_window()
    for name in FIELD_NAMES:
        editor = window.findChild(QWidget, name)
        assert editor is not None, name
        assert editor.accessibleName() == label_for(window.notice.kind, name)  # the email's heading
    for name in ("preview_html", "preview_text", "preview_short", "findings"):
        assert window.findChild(QWidget, name) is not None
    chain = window.form._focusables()
    window.form.editors["title"].setFocus()
    seen = [chain[0]]
    for _ in range(len(chain) - 1):
        seen.append(seen[-1].nextInFocusChain())
        while seen[-1] not in chain:  # skip inner parts such as a combo's line edit
            seen[-1] = seen[-1].nextInFocusChain()
    assert seen == chain


def test_findings_appear_click_selects_span_and_fields_are_underlined(make_window, qtbot, incident_file):
    window = make_window(incident_file)
    summary = window.form.editors["summary"]
    summary.setPlainText("Payments fail. We guarantee a fix by noon.")
    qtbot.waitUntil(lambda: any(c.finding.match == "guarantee" for c in _cards(window)), timeout=3000)
    card = next(c for c in _cards(window) if c.finding.match == "guarantee")
    assert card.finding.category == "overpromise"
    window.form.editors["title"].setFocus()
    qtbot.mouseClick(card, Qt.MouseButton.LeftButton)
    assert summary.hasFocus()
    assert summary.textCursor().selectedText() == "guarantee"
    formats = summary.document().firstBlock().layout().formats()
    underlined = [r for r in formats if r.format.underlineStyle() == QTextCharFormat.UnderlineStyle.SpellCheckUnderline]
    assert [(r.start, r.length) for r in underlined] == [(18, 9)]


def test_structure_findings_name_missing_parts(make_window, qtbot):
    window = make_window()
    qtbot.waitUntil(lambda: any(c.finding.rule.startswith("structure.") for c in _cards(window)), timeout=3000)
    card = next(c for c in _cards(window) if c.finding.field == "data_loss")
    qtbot.mouseClick(card, Qt.MouseButton.LeftButton)
    assert window.form.editors["data_loss"].isAncestorOf(window.focusWidget())


def test_ignore_dismisses_and_is_kept_in_the_file(make_window, qtbot, incident_file, dialogs):
    window = make_window(incident_file)
    window.form.editors["summary"].setPlainText("Payments fail. We guarantee a fix by noon.")
    qtbot.waitUntil(lambda: any(c.finding.match == "guarantee" for c in _cards(window)), timeout=3000)
    card = next(c for c in _cards(window) if c.finding.match == "guarantee")
    key = card.finding.key
    ignore = card.findChild(QWidget, "finding_ignore")
    qtbot.mouseClick(ignore, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: all(c.finding.key != key for c in _cards(window)), timeout=3000)
    assert key in window.notice.dismissed
    assert window.save()
    assert key in fileformat.load(incident_file).notices[-1].dismissed


def test_suggestion_applies_with_one_click_and_undoes(make_window, qtbot, incident_file, fake_grammar):
    window = make_window(incident_file, grammar=fake_grammar)
    summary = window.form.editors["summary"]
    summary.setPlainText("Payments fail for teh customers in Europe.")
    qtbot.waitUntil(lambda: any(c.finding.match == "teh" for c in _cards(window)), timeout=5000)
    card = next(c for c in _cards(window) if c.finding.match == "teh")
    apply = card.findChild(QWidget, "finding_apply")
    qtbot.mouseClick(apply, Qt.MouseButton.LeftButton)
    assert summary.toPlainText() == "Payments fail for the customers in Europe."
    qtbot.waitUntil(lambda: window.notice.fields["summary"] == summary.toPlainText(), timeout=3000)
    qtbot.waitUntil(lambda: not any(c.finding.match == "teh" for c in _cards(window)), timeout=5000)
    summary.undo()
    assert summary.toPlainText() == "Payments fail for teh customers in Europe."


def test_stale_grammar_results_are_dropped(make_window, qtbot, incident_file, fake_grammar):
    window = make_window(incident_file, grammar=fake_grammar)
    summary = window.form.editors["summary"]
    summary.setPlainText("Payments fail for teh customers.")
    qtbot.waitUntil(lambda: any(c.finding.match == "teh" for c in _cards(window)), timeout=5000)
    summary.setPlainText("Payments fail for the customers.")  # the old span no longer exists
    qtbot.waitUntil(lambda: window.notice.fields["summary"].endswith("the customers."), timeout=3000)
    assert not any(c.finding.match == "teh" for c in _cards(window))


def test_invalid_address_is_marked_with_the_core_message(make_window, qtbot, incident_file):
    window = make_window(incident_file)
    to = window.form.editors["to"]
    to.setFocus()
    qtbot.keyClicks(to, "ops@example.com, not an address")
    error = window.findChild(QWidget, "to_error")
    qtbot.waitUntil(error.isVisible, timeout=3000)
    assert "not an email address" in error.text() and "not an address" in error.text()
    assert to.property("invalid") is True
    assert window.notice.fields["to"] == ""  # the notice never holds an invalid value
    to.setPlainText("ops@example.com")
    qtbot.waitUntil(lambda: not error.isVisible(), timeout=3000)
    assert window.notice.fields["to"] == "ops@example.com"


def test_pasting_a_list_of_addresses(make_window, qtbot, incident_file):
    window = make_window(incident_file)
    to = window.form.editors["to"]
    mime = QMimeData()
    mime.setText("Ops <ops@example.com>\nsupport@example.com; billing@example.org\n")
    to.insertFromMimeData(mime)
    assert to.toPlainText() == "Ops <ops@example.com>, support@example.com, billing@example.org"
    qtbot.waitUntil(lambda: window.notice.fields["to"].count("@") == 3, timeout=3000)


def test_data_loss_has_no_silent_default_and_next_update_on_change(make_window, qtbot):
    window = make_window()
    data_loss = window.form.editors["data_loss"]
    assert data_loss.value() == "" and not any(b.isChecked() for b in data_loss.buttons.values())
    qtbot.mouseClick(data_loss.buttons["unknown"], Qt.MouseButton.LeftButton)
    next_update = window.form.editors["next_update"]
    assert next_update.value() == ""
    qtbot.mouseClick(next_update.on_change, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.notice.fields["next_update"] == "on-change", timeout=3000)
    assert window.notice.fields["data_loss"] == "unknown"
    next_update.at_time.click()
    next_update.when.zone.setCurrentText("Asia/Tokyo")
    qtbot.waitUntil(lambda: window.notice.fields["next_update"].endswith("[Asia/Tokyo]"), timeout=3000)


def test_summary_word_count_hint(make_window):
    window = make_window()
    window.form.editors["summary"].setPlainText("word " * 85)
    assert window.form.word_count.text().startswith("85 words")
    assert "~80 words" in window.form.word_count.text()


def test_incident_times_in_the_timeline(make_window, qtbot):
    window = make_window()
    started = window.form.time_editors["started"]
    window.form.sections["timeline"].set_expanded(True)
    started.known.click()
    started.when.zone.setCurrentText("Europe/Berlin")
    qtbot.waitUntil(lambda: window.incident.times.get("started", "").endswith("[Europe/Berlin]"), timeout=3000)


def test_findings_in_a_one_line_field_are_painted_and_selectable(make_window, qtbot, incident_file):
    window = make_window(incident_file)
    title = window.form.editors["title"]
    title.setFocus()
    title.end(False)
    qtbot.keyClicks(title, " guaranteed fixed")
    qtbot.waitUntil(lambda: any(c.finding.field == "title" for c in _cards(window)), timeout=3000)
    card = next(c for c in _cards(window) if c.finding.field == "title")
    assert card.finding.message in title.toolTip()
    window.form.editors["summary"].setFocus()
    qtbot.mouseClick(card, Qt.MouseButton.LeftButton)
    assert title.hasFocus() and title.selectedText() == card.finding.match


def test_non_bmp_text_keeps_spans_aligned(make_window, qtbot, incident_file):
    window = make_window(incident_file)
    summary = window.form.editors["summary"]
    summary.setPlainText("🔥🔥 Payments fail. We guarantee a fix.")
    qtbot.waitUntil(lambda: any(c.finding.match == "guarantee" for c in _cards(window)), timeout=3000)
    card = next(c for c in _cards(window) if c.finding.match == "guarantee")
    qtbot.mouseClick(card, Qt.MouseButton.LeftButton)
    assert summary.textCursor().selectedText() == "guarantee"


def test_frequent_actions_have_standard_shortcuts(make_window):
    from PySide6.QtGui import QKeySequence

    window = make_window()
    keys = window.actions_by_key
    for name, standard in (("save", QKeySequence.StandardKey.Save), ("open", QKeySequence.StandardKey.Open),
                           ("new", QKeySequence.StandardKey.New), ("save_as", QKeySequence.StandardKey.SaveAs)):
        assert keys[name].shortcuts() == QKeySequence.keyBindings(standard), name
    assert keys["next_finding"].shortcut().toString() == "F8"


def test_a_pause_in_typing_renders_the_notice_once(make_window, qtbot, incident_file):
    """Storing the typed text is itself an operation with changes; it must not schedule a second render."""
    window = make_window(incident_file)
    qtbot.wait(300)  # the first render of the opened file
    renders = []
    window.live.rendered.connect(lambda rendered: renders.append(rendered.subject))
    summary = window.form.editors["summary"]
    summary.setFocus()
    summary.moveCursor(summary.textCursor().MoveOperation.End)
    qtbot.keyClicks(summary, " Refunds are not affected.")
    qtbot.waitUntil(lambda: bool(renders), timeout=3000)
    qtbot.wait(600)  # several debounce intervals: a second render would have come by now
    assert len(renders) == 1
