"""Light and dark appearance: the window is grabbed and contrast is measured from its pixels
(WCAG AA: 4.5:1 for text, 3:1 for the edges of fields, radio buttons and check boxes)."""
from __future__ import annotations

import json

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QCheckBox, QRadioButton, QStyle, QStyleOptionButton, QWidget

from outagewriter.app import build_context, first_window
from outagewriter.core.incident.records import SentRecord
from outagewriter.ui import theme

from pixels import Shot, contrast, luminance, scrolled_into_view, words_rect

TEXT, EDGE = 4.5, 3.0


@pytest.fixture
def appearance(qapp):
    """theme.apply for one test; the application's style and palette come back afterwards."""
    style, palette = qapp.style().name(), QPalette(qapp.palette())

    def apply(name: str) -> str:
        shown = theme.apply(qapp, name)
        qapp.processEvents()  # Qt hands the new palette to the windows through the event loop
        return shown

    yield apply
    qapp.setStyle(style)
    qapp.setPalette(palette)


def _type(qtbot, editor, text: str) -> None:
    editor.setFocus()
    qtbot.keyClicks(editor, text)


@pytest.fixture
def busy_window(make_window, qtbot, dirs, incident_file):
    """An update after a sent notice, with a finding, a mistyped address, a changed summary (a diff
    with deletions and insertions) and a settings banner: every kind of coloured text at once."""
    dirs[1].mkdir(parents=True, exist_ok=True)
    (dirs[1] / "settings.json").write_text(json.dumps({"appearance": "purple"}), encoding="utf-8")
    window = make_window(incident_file)
    window.resize(1400, 1000)
    window.incident.notices[-1].sent = SentRecord(time="2026-11-27T10:00:00Z", recipients={})  # as if sent
    window.add_notice("update")
    summary = window.form.editors["summary"]
    summary.set_value("Card payments work again for all customers since 10:20 CET. We guarantee it. It was "
                      "probably a power fault. The vendor's mistake caused it. We are deeply sorry.")
    window.form.field_edited.emit("summary")
    impact = window.form.editors["impact"]
    impact.set_value(impact.value() + " Checkout answers HTTP 502.")
    window.form.field_edited.emit("impact")
    email = window.form.editors["contact_email"]
    email.selectAll()
    _type(qtbot, email, "jana@example..com")
    qtbot.waitUntil(window.findChild(QWidget, "contact_email_error").isVisible, timeout=3000)
    window.live.run_now()
    window.findings.setFocus()  # no field keeps the focus ring
    return window


def _indicator(button) -> QRect:
    option = QStyleOptionButton()
    button.initStyleOption(option)
    element = (QStyle.SubElement.SE_RadioButtonIndicator if isinstance(button, QRadioButton)
               else QStyle.SubElement.SE_CheckBoxIndicator)
    return button.style().subElementRect(element, option, button)


def _edge_contrast(shot: Shot, button) -> float:
    """The indicator's outer edge (its leftmost pixels, half-way down) against the window."""
    box = _indicator(button)
    edge = QRect(box.left(), box.center().y() - 1, 2, 3)
    return shot.strongest(button, shot.background(button), edge, at_least=1)


def _centre(shot: Shot, button):
    return shot.background(button, QRect(_indicator(button).center(), _indicator(button).center()))


def _diff_contrast(shot: Shot, browser, words: str, scheme: str) -> float:
    """Changed words against their marking; in dark, the marking is dark too (no pale patches)."""
    rect = words_rect(browser, words)
    marking = shot.background(browser.viewport(), rect)
    assert (luminance(marking) < 0.1) == (scheme == "dark"), marking
    return shot.text_contrast(browser.viewport(), rect)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_text_edges_diffs_and_cards_pass_wcag_aa_in_light_and_dark(busy_window, appearance, qtbot, scheme):
    assert appearance(scheme) == scheme
    window = busy_window
    data_loss = window.form.editors["data_loss"]
    checked, unchecked = data_loss.buttons["none"], data_loss.buttons["possible"]
    checked.setChecked(True)
    scrolled_into_view(data_loss)
    qtbot.wait(50)
    shot = Shot(window)
    find = window.findChild

    assert shot.text_contrast(find(QWidget, "title_label")) >= TEXT
    assert shot.text_contrast(find(QWidget, "summary_words")) >= TEXT  # quiet text
    assert shot.text_contrast(find(QWidget, "contact_email_error")) >= TEXT
    assert shot.text_contrast(window.settings_banner.label) >= TEXT
    title = window.form.editors["title"]
    assert shot.strongest(title, shot.background(window.form), QRect(0, title.height() // 2, 1, 1), 1) >= EDGE
    assert _edge_contrast(shot, unchecked) >= EDGE
    assert contrast(_centre(shot, checked), _centre(shot, unchecked)) >= EDGE  # the dot that says "chosen"

    cards = window.findings.cards
    assert {"overpromise", "speculation", "blame", "guilt", "jargon"} <= {c.finding.category for c in cards}
    for card in cards:
        shot = Shot(scrolled_into_view(card).window())
        stripe = card.layout().itemAt(0).widget()
        assert contrast(shot.background(stripe), shot.background(card)) >= EDGE, card.finding.category
        assert shot.text_contrast(card.findChild(QWidget, "finding_message")) >= TEXT

    preview = window.preview.html
    page = shot.background(preview.viewport(), words_rect(preview, "work again"))
    assert (luminance(page) < 0.05) == (scheme == "dark")  # the email as dark-mode clients show it
    assert shot.text_contrast(preview.viewport(), words_rect(preview, "work again")) >= TEXT

    window.show_review()
    qtbot.wait(50)
    shot = Shot(window)
    diff = window.review_panel.previous
    assert _diff_contrast(shot, diff, "work again", scheme) >= TEXT  # inserted
    assert _diff_contrast(shot, diff, "09:40", scheme) >= TEXT  # deleted

    timeline = window.form.sections["timeline"]
    timeline.set_expanded(True)
    started = timeline.findChildren(QCheckBox)[0]
    scrolled_into_view(started)
    qtbot.wait(50)
    assert _edge_contrast(Shot(window), started) >= EDGE


def test_switching_appearance_recolours_the_open_window(busy_window, appearance, qtbot):
    window = busy_window
    window.show_review()
    error = window.findChild(QWidget, "contact_email_error")
    preview = window.preview.html
    appearance("light")
    light_error, light_email = error.styleSheet(), preview.toHtml()

    appearance("dark")
    shot = Shot(window)
    assert error.styleSheet() != light_error and shot.text_contrast(error) >= TEXT
    assert preview.toHtml() != light_email  # re-rendered dark without an edit
    assert luminance(shot.background(preview.viewport(), words_rect(preview, "work again"))) < 0.05
    assert "#053321" in window.review_panel.previous.toHtml()  # the diff's dark insertion colour

    appearance("light")
    assert error.styleSheet() == light_error and preview.toHtml() == light_email


def test_system_appearance_follows_the_desktop(busy_window, appearance, qapp):
    window = busy_window
    assert appearance("system") == "light"  # the offscreen desktop says nothing: light
    qapp.styleHints().colorSchemeChanged.emit(Qt.ColorScheme.Dark)
    qapp.processEvents()
    assert theme.scheme_of(window.palette()) is theme.DARK
    appearance("light")
    qapp.styleHints().colorSchemeChanged.emit(Qt.ColorScheme.Dark)  # chosen light: the desktop is not followed
    assert theme.scheme_of(window.palette()) is theme.LIGHT


def test_a_start_shows_the_saved_appearance(qapp, qtbot, dirs, dialogs, incident_file, appearance):
    dirs[1].mkdir(parents=True, exist_ok=True)
    (dirs[1] / "settings.json").write_text(json.dumps({"appearance": "dark"}), encoding="utf-8")
    context = build_context(state_dir=dirs[0], config_dir=dirs[1], dialogs=dialogs)
    window = first_window(qapp, incident_file, context)
    qtbot.addWidget(window)
    window.show()
    window.live.run_now()
    qapp.processEvents()
    assert theme.scheme_of(window.palette()) is theme.DARK
    preview = window.preview.html
    assert luminance(Shot(window).background(preview.viewport(), words_rect(preview, "Card payments fail"))) < 0.05
    context.tasks.wait()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_field_with_the_focus_is_marked(make_window, appearance, qtbot, scheme):
    window = make_window()
    appearance(scheme)
    summary = window.form.editors["summary"]
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=3000)

    def edge() -> str:
        image = summary.grab().toImage()
        return image.pixelColor(0, image.height() // 2).name()

    window.form.editors["title"].setFocus()
    qtbot.waitUntil(lambda: not summary.hasFocus(), timeout=3000)
    unfocused = edge()
    summary.setFocus()
    qtbot.waitUntil(summary.hasFocus, timeout=3000)
    ring = summary.palette().color(QPalette.ColorRole.Link).name()
    assert edge() == ring != unfocused
    image = summary.grab().toImage()
    inside = image.pixelColor(image.width() // 2, image.height() // 2)
    colour = QColor(ring)
    assert contrast((colour.red(), colour.green(), colour.blue()),
                    (inside.red(), inside.green(), inside.blue())) >= 3.0  # WCAG 1.4.11 against the field


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_compact_toggle_shows_on_and_off_apart(make_window, appearance, qtbot, scheme):
    window = make_window()
    appearance(scheme)
    toggle = window.findChild(QWidget, "findings_compact")

    def fill():
        image = toggle.grab().toImage()
        colour = image.pixelColor(3, image.height() // 2)  # inside the chip, left of the text
        return colour.red(), colour.green(), colour.blue()

    window.findings.set_compact(False)
    off = fill()
    window.findings.set_compact(True)
    assert contrast(fill(), off) >= 3.0  # a state change, like a component boundary (WCAG 1.4.11)
