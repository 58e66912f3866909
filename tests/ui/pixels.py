"""Colours read from a grabbed image of the window, and their WCAG 2 contrast ratio."""
from __future__ import annotations

from collections import Counter

from PySide6.QtCore import QPoint, QRect
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QScrollArea, QWidget

Rgb = tuple[int, int, int]


def luminance(rgb: Rgb) -> float:
    """WCAG 2 relative luminance."""
    def linear(c: int) -> float:
        s = c / 255
        return s / 12.92 if s <= 0.04045 else ((s + 0.055) / 1.055) ** 2.4
    r, g, b = (linear(c) for c in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: Rgb, b: Rgb) -> float:
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


class Shot:
    """One grab of a window; regions of it are asked for by widget, in that widget's coordinates."""

    def __init__(self, window: QWidget):
        self.window = window
        self.image = window.grab().toImage().convertToFormat(QImage.Format.Format_RGB888)
        self.scale = self.image.devicePixelRatio()

    def colours(self, widget: QWidget, rect: QRect | None = None) -> Counter:
        rect = (rect if rect is not None else widget.rect()).intersected(widget.visibleRegion().boundingRect())
        assert rect.width() > 0 and rect.height() > 0, f"{widget.objectName() or widget} is not in sight"
        top_left = widget.mapTo(self.window, rect.topLeft())
        found: Counter = Counter()
        for y in range(round(top_left.y() * self.scale), round((top_left.y() + rect.height()) * self.scale)):
            for x in range(round(top_left.x() * self.scale), round((top_left.x() + rect.width()) * self.scale)):
                colour = self.image.pixelColor(x, y)
                found[(colour.red(), colour.green(), colour.blue())] += 1
        return found

    def background(self, widget: QWidget, rect: QRect | None = None) -> Rgb:
        return self.colours(widget, rect).most_common(1)[0][0]

    def strongest(self, widget: QWidget, against: Rgb, rect: QRect | None = None, at_least: int = 2) -> float:
        """The highest contrast to `against` of any colour drawn at least `at_least` times: the
        full-strength pixels of text or of an edge (antialiased edges only come closer)."""
        return max(contrast(rgb, against) for rgb, n in self.colours(widget, rect).items() if n >= at_least)

    def text_contrast(self, widget: QWidget, rect: QRect | None = None) -> float:
        """Text against the background it is drawn on (the commonest colour of the region)."""
        rect = rect if rect is not None else widget.contentsRect()
        return self.strongest(widget, self.background(widget, rect), rect)


def scrolled_into_view(widget: QWidget) -> QWidget:
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QScrollArea):
            parent.ensureWidgetVisible(widget, 0, 0)
        parent = parent.parentWidget()
    return widget


def words_rect(browser, words: str) -> QRect:
    """Where `words` are drawn in a QTextBrowser (which must show them), in its viewport's coordinates."""
    found = browser.document().find(words)
    assert not found.isNull(), f"{words!r} is not shown"
    caret = browser.textCursor()  # a copy: the browser's own selection is left alone (it would paint)
    caret.setPosition(found.selectionStart())
    start = browser.cursorRect(caret)
    caret.setPosition(found.selectionEnd())
    end = browser.cursorRect(caret)
    assert start.top() == end.top(), f"{words!r} is broken across lines"
    return QRect(QPoint(start.right() + 1, start.top()), QPoint(end.left() - 1, end.bottom()))
