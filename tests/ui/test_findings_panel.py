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
