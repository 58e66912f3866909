"""The findings panel in the window, for long notices: merged, stable, compact, restorable, remembered."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone

from PySide6.QtCore import QRect, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLabel, QWidget

from findings_notice import long_notice_file
from outagewriter.core.incident.records import SentRecord
from outagewriter.core.storage import fileformat

# A real sentence from the tone corpus: the blame rule flags the clause, and LanguageTool (6.x,
# en-US) flags both names in it as misspellings. Three findings on the same words.
CONTABO = "Contabo's Duesseldorf data center is down and our server is there."


def _grammar_done(window, grammar, qtbot, calls):
    qtbot.waitUntil(lambda: grammar.calls >= calls and not window.live._grammar_in_flight, timeout=5000)
    qtbot.wait(50)


def _in(window, field):
    return [c for c in window.findings.cards if c.finding.field == field]


def test_one_card_for_three_overlapping_findings(make_window, qtbot, incident_file, recorded_grammar):
    grammar = recorded_grammar
    window = make_window(incident_file, grammar=grammar)
    window.form.editors["impact"].setPlainText(CONTABO)
    _grammar_done(window, grammar, qtbot, 1)
    qtbot.waitUntil(lambda: any(c.finding.also for c in _in(window, "impact")), timeout=5000)
    [card] = _in(window, "impact")
    assert card.finding.category == "blame"
    assert sorted(f.match for f in card.finding.also) == ["Contabo", "Duesseldorf"]
    also = " ".join(label.text() for label in card.findChildren(QLabel, "finding_also"))
    assert "“Contabo”" in also and "“Duesseldorf”" in also
    qtbot.mouseClick(card.findChild(QWidget, "finding_ignore"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not _in(window, "impact"), timeout=3000)  # one Ignore for the three of them


def test_cards_stay_while_results_arrive(make_window, qtbot, incident_file, recorded_grammar):
    grammar = recorded_grammar
    window = make_window(incident_file, grammar=grammar)
    summary = window.form.editors["summary"]
    summary.setPlainText("We guarantee a fix by noon. Payments fail for teh customers and teh merchants.")
    _grammar_done(window, grammar, qtbot, 1)
    qtbot.waitUntil(lambda: sum(c.finding.match == "teh" for c in window.findings.cards) == 2, timeout=5000)
    promise = next(c for c in window.findings.cards if c.finding.match == "guarantee")
    first, second = (c for c in window.findings.cards if c.finding.match == "teh")
    where = promise.geometry()
    seen = []
    window.live.findings.connect(lambda _p: seen.append((list(window.findings.cards), promise.geometry())))

    window.form.editors["workaround"].setPlainText("Pay by bank transfer meanwhile.")  # nothing about a card
    qtbot.waitUntil(lambda: bool(seen), timeout=3000)
    qtbot.mouseClick(first.findChild(QWidget, "finding_apply"), Qt.MouseButton.LeftButton)  # a grammar fix
    _grammar_done(window, grammar, qtbot, 2)
    assert len(seen) >= 3  # typing, the fix, the grammar results after it
    for cards, geometry in seen:
        assert promise in cards and second in cards and geometry == where
    assert first not in window.findings.cards and second.finding.start == summary.toPlainText().index("teh")


def _visible_rows(window) -> int:
    viewport = window.findings.active.viewport()
    inside = QRect(0, 0, viewport.width(), viewport.height())
    return sum(inside.contains(QRect(c.mapTo(viewport, c.rect().topLeft()), c.size())) and c.isVisible()
               for c in window.findings.cards)


def test_compact_list_shows_twenty_findings_of_a_long_notice(make_window, qtbot, tmp_path):
    window = make_window(long_notice_file(tmp_path / "long.outage"))
    assert (window.width(), window.height()) == (1400, 900)
    qtbot.waitUntil(lambda: len(window.findings.cards) >= 30, timeout=5000)
    cards_shown = _visible_rows(window)
    qtbot.mouseClick(window.findChild(QWidget, "findings_compact"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: _visible_rows(window) >= 20, timeout=3000)
    assert cards_shown < 20
    row = window.findings.cards[0]
    assert row.height() <= 2 * row.fontMetrics().height()  # one line each
    assert row.finding.message in row.toolTip()


def _step(window, key, modifier=Qt.KeyboardModifier.NoModifier):
    QTest.keyClick(window, key, modifier)
    return window.form.editors["impact"].textCursor().selectedText()


def test_f8_and_shift_f8_walk_the_findings_in_both_modes(make_window, qtbot, incident_file):
    window = make_window(incident_file)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=3000)
    impact = window.form.editors["impact"]
    impact.setPlainText("We guarantee a fix. The outage was entirely outside our control. We are so sorry.")
    qtbot.waitUntil(lambda: len(_in(window, "impact")) == 3, timeout=3000)
    # no structure finding: a promise ahead, at the rhythm a young incident keeps
    soon = (datetime.now(timezone.utc) + timedelta(minutes=45)).isoformat(timespec="minutes")
    window.form.editors["next_update"].set_value(soon)
    window.form.field_edited.emit("next_update")
    qtbot.waitUntil(lambda: len(window.findings.cards) == 3, timeout=3000)
    matches = [c.finding.match for c in window.findings.cards]
    window.form.editors["title"].setFocus()
    assert [_step(window, Qt.Key.Key_F8) for _ in range(3)] == matches  # on from the one selected
    assert _step(window, Qt.Key.Key_F8, Qt.KeyboardModifier.ShiftModifier) == matches[1]
    window.findings.set_compact(True)
    assert [_step(window, Qt.Key.Key_F8) for _ in range(3)] == [matches[2], matches[0], matches[1]]
    assert _step(window, Qt.Key.Key_F8, Qt.KeyboardModifier.ShiftModifier) == matches[0]
    assert window.findings.cards[0].current and not window.findings.cards[1].current


def test_ignored_findings_are_listed_and_restored(make_window, qtbot, incident_file):
    window = make_window(incident_file)
    window.form.editors["summary"].setPlainText("Payments fail. We guarantee a fix by noon.")
    qtbot.waitUntil(lambda: len(_in(window, "summary")) == 1, timeout=3000)
    [card] = _in(window, "summary")
    toggle = window.findChild(QWidget, "findings_ignored_toggle")
    assert toggle.text() == "Ignored (0)" and not toggle.isEnabled()
    qtbot.mouseClick(card.findChild(QWidget, "finding_ignore"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: toggle.text() == "Ignored (1)", timeout=3000)
    qtbot.mouseClick(toggle, Qt.MouseButton.LeftButton)
    [ignored] = window.findings.ignored_cards
    assert ignored.isVisible() and ignored.finding.match == "guarantee"
    qtbot.mouseClick(ignored.findChild(QWidget, "finding_restore"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(_in(window, "summary")) == 1, timeout=3000)
    assert window.notice.dismissed == [] and window.isWindowModified()
    assert toggle.text() == "Ignored (0)" and not toggle.isChecked()  # back to the findings
    assert window.findings.cards[0].isVisible()


def test_a_sent_notice_shows_its_ignored_findings_without_restore(make_window, qtbot, incident_file):
    incident = fileformat.load(incident_file)
    notice = incident.notices[-1]
    notice.set("summary", "Payments fail. We guarantee a fix by noon.")
    notice.dismissed.append("overpromise.guarantee|summary|guarantee")
    notice.sent = SentRecord(time="2026-11-27T10:00:00Z")
    fileformat.save(incident, incident_file)
    window = make_window(incident_file)
    qtbot.waitUntil(lambda: len(window.findings.ignored_cards) == 1, timeout=3000)
    [ignored] = window.findings.ignored_cards
    assert ignored.finding.key in notice.dismissed
    assert not ignored.findChild(QWidget, "finding_restore").isEnabled()
    assert all(not b.isEnabled() for c in window.findings.cards for b in c.buttons)


def test_tab_title_counts_each_kind(make_window, qtbot, incident_file, fake_grammar):
    window = make_window(incident_file, grammar=fake_grammar)
    tabs = window.side_tabs
    window.form.editors["summary"].setPlainText("We guarantee a fix for teh customers. We are so sorry.")
    qtbot.waitUntil(lambda: "spelling" in tabs.tabText(0), timeout=5000)
    assert tabs.tabText(0) == "Findings · 1 structure · 2 tone · 1 spelling"
    window.form.editors["summary"].setPlainText("Payments fail for some customers.")
    qtbot.waitUntil(lambda: tabs.tabText(0) == "Findings · 1 structure", timeout=5000)


def test_the_panel_can_be_made_large_and_keeps_its_size_and_mode(make_window, qtbot, incident_file):
    window = make_window(incident_file)
    window.resize(780, 760)  # within the test screen, so the window itself comes back at this size
    splitter = window.right_splitter
    total = sum(splitter.sizes())
    splitter.setSizes([total - 700, 700])
    assert splitter.sizes()[1] >= 0.7 * total  # most of the column, if the writer wants
    window.findings.set_compact(True)
    window.close()
    again = make_window(incident_file)
    assert abs(again.right_splitter.sizes()[1] - splitter.sizes()[1]) <= 2
    assert again.findings.compact and again.findings.compact_toggle.isChecked()


def test_next_update_findings_use_the_forms_words(make_window, qtbot, incident_file):
    window = make_window(incident_file)  # its next update, 27 November 2026 11:00, is in the past
    qtbot.waitUntil(lambda: bool(_in(window, "next_update")), timeout=3000)
    [card] = _in(window, "next_update")
    head = card.findChild(QWidget, "finding_head").text()
    assert "27 November 2026, 11:00 CET" in head and "[Europe/Prague]" not in head
    window.form.editors["next_update"].set_value("")
    window.form.field_edited.emit("next_update")
    qtbot.waitUntil(lambda: any(c.finding.rule == "structure.next-update-missing" for c in window.findings.cards),
                    timeout=3000)
    [card] = _in(window, "next_update")
    assert card.findChild(QWidget, "finding_advice").text() == "Try: when the situation changes"



def test_grammar_rules_turned_off_in_a_rule_pack_stay_off_in_the_window(make_window, qtbot, incident_file, dirs,
                                                                        fake_grammar):
    rules = dirs[1] / "rules"
    rules.mkdir(parents=True)
    (rules / "off.json").write_text('{"disabled": ["languagetool/MORFOLOGIK_RULE_EN_US"]}', encoding="utf-8")
    window = make_window(incident_file, grammar=fake_grammar)
    window.form.editors["summary"].setPlainText("Payments fail for teh customers. We guarantee a fix.")
    _grammar_done(window, fake_grammar, qtbot, 1)
    qtbot.waitUntil(lambda: bool(_in(window, "summary")), timeout=3000)
    assert [c.finding.match for c in _in(window, "summary")] == ["guarantee"]  # as `outagewriter check` says


def _in_view(window, card) -> bool:
    viewport = window.findings.active.viewport()
    return QRect(0, 0, viewport.width(), viewport.height()).contains(
        QRect(card.mapTo(viewport, card.rect().topLeft()), card.size())) and card.isVisible()


def test_switching_compact_keeps_the_selected_finding_in_view(make_window, qtbot, tmp_path):
    window = make_window(long_notice_file(tmp_path / "long.outage"))
    qtbot.waitUntil(lambda: len(window.findings.cards) >= 30, timeout=5000)
    for _ in range(25):
        window.step_finding(1)
    chosen = window.findings.current
    assert chosen is window.findings.cards[24] and _in_view(window, chosen)
    toggle = window.findChild(QWidget, "findings_compact")
    for _ in range(2):  # on, then off again
        qtbot.mouseClick(toggle, Qt.MouseButton.LeftButton)
        qtbot.wait(50)
        assert window.findings.current is chosen and _in_view(window, chosen)


def test_a_structure_finding_keeps_its_card_while_its_field_is_typed_in(make_window, qtbot, tmp_path):
    window = make_window(long_notice_file(tmp_path / "long.outage"))
    summary = window.form.editors["summary"]
    summary.set_value(" ".join(["Card payments fail for some customers."] * 20))  # far too long a summary
    window.form.field_edited.emit("summary")
    window.live.run_now()
    [card] = [c for c in window.findings.cards if c.finding.rule == "structure.summary-too-long"]
    summary.moveCursor(summary.textCursor().MoveOperation.End)
    for word in (" More", " words", " here."):
        summary.insertPlainText(word)
        window.live.run_now()
        assert [c for c in window.findings.cards if c.finding.rule == "structure.summary-too-long"] == [card]


def test_compact_off_gives_the_preview_its_room_back(make_window, qtbot, incident_file):
    window = make_window(incident_file)
    before = window.right_splitter.sizes()
    toggle = window.findChild(QWidget, "findings_compact")
    qtbot.mouseClick(toggle, Qt.MouseButton.LeftButton)
    assert window.right_splitter.sizes()[1] > before[1]  # room for the list
    qtbot.mouseClick(toggle, Qt.MouseButton.LeftButton)
    assert window.right_splitter.sizes() == before
