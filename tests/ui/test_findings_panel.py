"""Finding cards are exactly as tall as their wrapped text, at any panel width."""
from __future__ import annotations

from PySide6.QtWidgets import QLabel

from outagewriter.core.checks.findings import Finding
from outagewriter.ui.findings_panel import FindingsPanel

LONG = ("A guarantee is an absolute promise; outages are exactly when absolutes fail. Describe what you "
        "are doing and what you expect, not what you guarantee. (Promise only what is certain; PagerDuty "
        "external communication guidelines.)")


def _findings():
    return [
        Finding("tone.overpromise", "overpromise", "warning", "summary", 0, 9, "guarantee", LONG,
                ("Describe the measure and what you expect from it.",)),
        Finding("spell", "spelling", "error", "summary", 0, 3, "teh", "Possible spelling mistake found.", ("the",)),
        Finding("tone.blame", "blame", "warning", "summary", 0, 16, "payment provider", "Short.", ()),
    ]


def _assert_snug(panel):
    for card in panel.cards:
        width = card.width()
        assert abs(card.height() - card.heightForWidth(width)) <= 1, (width, card.height(), card.heightForWidth(width))
        for label in card.findChildren(QLabel):
            # a wrapped label no taller than its text needs at its width (no gap above or below it)
            assert label.height() <= label.heightForWidth(label.width()) + 1, (label.objectName(), width)


def test_cards_are_as_tall_as_their_content_at_any_width(qtbot):
    panel = FindingsPanel()
    qtbot.addWidget(panel)
    panel.set_findings(_findings())
    panel.resize(600, 900)
    panel.show()
    qtbot.waitExposed(panel)
    for width in (600, 320, 800, 450):
        panel.resize(width, 900)
        qtbot.waitUntil(lambda w=width: panel.cards[0].width() > w - 30 and panel.cards[0].width() <= w)
        qtbot.wait(20)
        _assert_snug(panel)
    card = next(c for c in panel.cards if c.finding.message == LONG)
    message = card.findChild(QLabel, "finding_message")
    assert message.height() > message.fontMetrics().height()  # the long message really wraps here


def _many(count: int, severity: str = "warning") -> list[Finding]:
    return [Finding("tone.blame", "blame", severity, "impact", i * 10, i * 10 + 5, f"w{i:03d}", "Short.", ())
            for i in range(count)]


def _shown_panel(qtbot, findings) -> FindingsPanel:
    panel = FindingsPanel()
    qtbot.addWidget(panel)
    panel.resize(500, 400)
    panel.set_findings(findings)
    panel.show()
    qtbot.waitExposed(panel)
    return panel


def test_cards_keep_their_width_when_the_list_grows_past_the_view(qtbot):
    panel = _shown_panel(qtbot, _many(1))
    card = panel.cards[0]
    qtbot.wait(20)
    width = card.width()
    panel.set_findings(_many(12))  # now taller than the view
    qtbot.wait(20)
    assert panel.cards[0] is card and card.width() == width  # no scroll bar arriving to narrow and reflow it


def test_the_finding_at_the_top_of_the_view_stays_there_when_findings_arrive_above_it(qtbot):
    findings = _many(30)
    panel = _shown_panel(qtbot, findings)
    qtbot.wait(20)
    bar = panel.active.verticalScrollBar()
    card = panel.cards[15]
    bar.setValue(card.y())
    before = card.mapTo(panel, card.rect().topLeft())
    error = Finding("structure.summary-missing", "structure", "error", "summary", 0, 0, "", "The summary is empty.")
    panel.set_findings([error, *findings[:3], *findings[5:]])  # one above, two fewer above
    qtbot.wait(20)
    assert panel.cards[14] is card and card.mapTo(panel, card.rect().topLeft()) == before


def test_a_whitespace_fix_shows_the_spaces_it_is_about(qtbot):
    from PySide6.QtWidgets import QPushButton

    double = Finding("languagetool/WHITESPACE_RULE", "grammar", "suggestion", "summary", 12, 14, "  ",
                     "Possible typo: you repeated a whitespace", (" ",))
    panel = _shown_panel(qtbot, [double])
    [button] = [b for b in panel.cards[0].findChildren(QPushButton) if b.objectName() == "finding_apply"]
    assert button.text() == "Use “␣”" and button.accessibleName() == "Replace with one space"
    assert any("“␣␣”" in label.text() for label in panel.cards[0].findChildren(QLabel))
