"""Light, dark or the system's choice for the whole application.

`apply(app, appearance)` is the one entry point: app.py calls it at start with `Settings.appearance`,
and the Settings dialog calls it again when the user picks another appearance. Every open window
follows at once: the palette reaches every widget, `tint`ed labels take their scheme's colour, and
the preview and the review panel re-render on their palette change.

Both schemes are designed palettes on the Fusion style, so text, quiet text, banners and the
edges of fields, radio buttons and check boxes pass WCAG AA (4.5:1 text, 3:1 component edges)
whatever the desktop's own theme; tests/ui/test_dark_mode.py measures them from grabbed pixels.
"""
from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QWidget

from ..core.settings import APPEARANCES  # "system" | "light" | "dark"
from .framed_style import FramedStyle


@dataclass(frozen=True)
class Scheme:
    name: str  # "light" | "dark"
    window: str
    text: str
    base: str  # fields, cards, lists
    alternate_base: str  # banners
    button: str
    quiet: str  # captions, counts: still 4.5:1 on window and base
    disabled: str
    highlight: str
    link: str
    boundary: str  # edges of fields, buttons, radio buttons and check boxes: 3:1 on window and base
    error: str
    warning: str
    good: str
    info: str
    note_rule: str  # the bar beside a reviewer's comment
    deleted: tuple[str, str]  # review diff: (text, background)
    inserted: tuple[str, str]


LIGHT = Scheme(
    name="light", window="#f2f3f5", text="#1d2433", base="#ffffff", alternate_base="#e8edf5",
    button="#f7f8fa", quiet="#5b6372", disabled="#8a909a", highlight="#2f62c9", link="#1d4fbf",
    boundary="#7b8290", error="#b42318", warning="#93370d", good="#067647", info="#175cd3",
    note_rule="#f79009", deleted=("#912018", "#fde2e1"), inserted=("#085d3a", "#d3f8df"),
)
DARK = Scheme(
    name="dark", window="#1f2329", text="#e6e8eb", base="#16191d", alternate_base="#2a3038",
    button="#2a2f36", quiet="#9aa1ab", disabled="#80868f", highlight="#2f62c9", link="#84adff",
    boundary="#6f7783", error="#f97066", warning="#fdb022", good="#47cd89", info="#84adff",
    note_rule="#f79009", deleted=("#fecdca", "#55160c"), inserted=("#abefc6", "#053321"),
)


def palette(scheme: Scheme) -> QPalette:
    role = QPalette.ColorRole
    colours = {
        role.Window: scheme.window, role.WindowText: scheme.text, role.Base: scheme.base,
        role.AlternateBase: scheme.alternate_base, role.Text: scheme.text, role.Button: scheme.button,
        role.ButtonText: scheme.text, role.BrightText: "#ffffff", role.Highlight: scheme.highlight,
        role.HighlightedText: "#ffffff", role.ToolTipBase: scheme.alternate_base, role.ToolTipText: scheme.text,
        role.PlaceholderText: scheme.quiet, role.Link: scheme.link, role.LinkVisited: scheme.link,
        role.Mid: scheme.boundary, role.Accent: scheme.highlight,
        role.Light: QColor(scheme.button).lighter(115).name(), role.Midlight: QColor(scheme.button).lighter(107).name(),
        role.Dark: QColor(scheme.window).darker(130).name(), role.Shadow: QColor(scheme.window).darker(160).name(),
    }
    result = QPalette()
    for colour_role, colour in colours.items():
        result.setColor(colour_role, QColor(colour))
    for colour_role in (role.Text, role.WindowText, role.ButtonText, role.PlaceholderText):
        result.setColor(QPalette.ColorGroup.Disabled, colour_role, QColor(scheme.disabled))
    result.setColor(QPalette.ColorGroup.Disabled, role.Highlight, QColor(scheme.boundary))
    return result


def scheme_of(pal: QPalette) -> Scheme:
    """The scheme a palette belongs to, by its window's lightness (works for a system palette too)."""
    return DARK if pal.color(QPalette.ColorRole.Window).lightness() < 128 else LIGHT


def current() -> Scheme:
    return scheme_of(QApplication.palette())


def resolve(appearance: str, system: Qt.ColorScheme) -> Scheme:
    """The scheme to show; with "system", the desktop's (light when the desktop does not say)."""
    if appearance == "dark" or (appearance == "system" and system == Qt.ColorScheme.Dark):
        return DARK
    return LIGHT


class _Follower(QObject):
    """Keeps the chosen appearance and follows the desktop's scheme while it is "system"."""

    NAME = "outagewriter_theme"

    def __init__(self, app: QApplication):
        super().__init__(app)
        self.setObjectName(self.NAME)
        self.appearance = "system"
        app.styleHints().colorSchemeChanged.connect(self._system_changed)

    def _system_changed(self, system: Qt.ColorScheme) -> None:
        if self.appearance == "system":
            _set_scheme(QApplication.instance(), resolve("system", system))


def apply(app: QApplication, appearance: str) -> str:
    """Shows every window in `appearance` ("system" | "light" | "dark") at once; returns the
    scheme now shown ("light" | "dark"). An unknown value counts as "system"."""
    if appearance not in APPEARANCES:
        appearance = "system"
    follower = app.findChild(_Follower, _Follower.NAME) or _Follower(app)
    follower.appearance = appearance
    if app.style().objectName() != FramedStyle.NAME:
        app.setStyle(FramedStyle())  # before the palette: a new style resets the application palette
    scheme = resolve(appearance, QGuiApplication.styleHints().colorScheme())
    _set_scheme(app, scheme)
    return scheme.name


def _set_scheme(app: QApplication, scheme: Scheme) -> None:
    app.setPalette(palette(scheme))
    for widget in app.allWidgets():
        if widget.property("tone") is not None:
            _paint(widget)
        elif widget.styleSheet():
            # Qt leaves a widget that has its own style sheet on the palette it had; polishing it
            # again takes the new one.
            widget.style().unpolish(widget)
            widget.style().polish(widget)


# Text in a colour that means something; each follows the scheme.
TONES = {
    "error": "color: {s.error};",
    "warning": "color: {s.warning};",
    "good": "color: {s.good};",
    "info": "color: {s.info};",
    "note": "QLabel {{ color: {s.warning}; border-left: 3px solid {s.note_rule}; padding-left: 6px; }}",
    # A toggle whose "on" is a filled chip that stands apart from "off" in either scheme (3:1).
    "toggle": ("QToolButton {{ padding: 2px 8px; border-radius: 3px; }}"
               "QToolButton:checked {{ background: {s.info}; color: {s.base}; }}"),
}


def tint(widget: QWidget, tone: str | None) -> None:
    """Colours `widget`'s text by `tone` (a key of TONES; None for the plain text colour), now and
    whenever `apply` switches between light and dark."""
    widget.setProperty("tone", tone or "")
    _paint(widget)


def _paint(widget: QWidget) -> None:
    tone = widget.property("tone")
    sheet = TONES[tone].format(s=current()) if tone else ""
    if widget.styleSheet() != sheet:
        widget.setStyleSheet(sheet)
