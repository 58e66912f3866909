"""Every string a person can see or hear in a window: widget texts, titles, tooltips, placeholders,
accessible names, tab and column titles, list and combo-box entries, menus and their actions.

`english_words` names what is still English in them (beyond product names and protocols), so a test
can fail on an untranslated string with the widget's objectName."""
from __future__ import annotations

import re

from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QDialog,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QMenu,
    QPlainTextEdit,
    QTabBar,
    QTextBrowser,
    QTextEdit,
    QTreeWidget,
    QWidget,
)

# Names that stay as they are in any language (GLOSSARY.md), and keys printed on keyboards.
KEPT = {
    "OutageWriter", "SMTP", "URL", "HTML", "Slack", "Teams", "Markdown", "UTC", "JST", "CET", "TLS", "LanguageTool",
    "Cc", "Bcc", "OK", "Ctrl", "Shift", "Enter", "Return", "Esc", "TEST", "Qt", "PySide", "Python", "Atom", "RSS", "English",
    "Atlassian", "Statuspage", "PagerDuty", "Google", "SRE",  # the guide's sources
}
_LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]+")
# What the user typed or the computer named: addresses, links, files, zones (Europe/Prague), key chords.
_NOT_WORDS = re.compile(r"\S+@\S+|https?://\S+|\S+\.outage\b|[A-Za-z_]+/[A-Za-z_/+-]+|<[^>]+>|&(?=\w)")
CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uff00-\uffef]")


def english_words(text: str, typed: tuple[str, ...] = ()) -> list[str]:
    for value in typed:  # whole words only: a label "To" leaves "Tokyo" alone
        text = re.sub(rf"(?<![A-Za-z]){re.escape(value)}(?![A-Za-z])", " ", text)
    text = _NOT_WORDS.sub(" ", text)
    return [w for w in _LATIN_WORD.findall(text) if w not in KEPT]


def texts(root: QWidget, skip: set[str] = frozenset()) -> list[tuple[str, str, str]]:
    """(objectName of the widget or its nearest named parent, what, text) for `root` and every
    visible widget in it, and every action of its menus."""
    out: list[tuple[str, str, str]] = []
    for widget in [root, *root.findChildren(QWidget)]:
        if not widget.isVisible() or _name(widget) in skip:
            continue
        _widget_texts(widget, out.append)
    for menu in root.findChildren(QMenu):
        out.append((_name(menu), "menu title", menu.title()))
        for action in menu.actions():
            _action_texts(action, out.append)
    for action in root.actions():
        _action_texts(action, out.append)
    return [entry for entry in out if entry[2].strip()]


def _widget_texts(widget: QWidget, add) -> None:
    name = _name(widget)
    if widget.isWindow() or isinstance(widget, QDialog):
        add((name, "window title", widget.windowTitle()))
    add((name, "tooltip", widget.toolTip()))
    add((name, "accessible name", widget.accessibleName()))
    if isinstance(widget, (QLabel, QAbstractButton)):
        add((name, "text", widget.text()))
    if isinstance(widget, QGroupBox):
        add((name, "title", widget.title()))
    if isinstance(widget, (QLineEdit, QPlainTextEdit, QTextEdit)):
        add((name, "placeholder", widget.placeholderText()))
    if isinstance(widget, QTextBrowser):
        add((name, "text", widget.toPlainText()))
    if isinstance(widget, QTabBar):
        for index in range(widget.count()):
            add((name, "tab", widget.tabText(index)))
            add((name, "tab tooltip", widget.tabToolTip(index)))
    if isinstance(widget, QComboBox) and not widget.isEditable():
        for index in range(widget.count()):
            add((name, "choice", widget.itemText(index)))
    if isinstance(widget, QListWidget):
        for row in range(widget.count()):
            add((name, "entry", widget.item(row).text()))
            add((name, "entry tooltip", widget.item(row).toolTip()))
    if isinstance(widget, QTreeWidget):
        header = widget.headerItem()
        for column in range(header.columnCount()):
            add((name, "column", header.text(column)))
    if isinstance(widget, QHeaderView):
        return


def _action_texts(action, add) -> None:
    if action.isSeparator():
        return
    name = action.objectName() or "(action)"
    add((name, "action", action.text()))
    add((name, "action tooltip", action.toolTip() if action.toolTip() != action.text().replace("&", "") else ""))
    add((name, "status tip", action.statusTip()))


def _name(widget) -> str:
    """The widget's objectName, else its nearest named parent's with the class beside it."""
    node = widget
    while node is not None and not node.objectName():
        node = node.parent()
    base = node.objectName() if node is not None else "?"
    return base if node is widget else f"{base}>{type(widget).__name__}"
