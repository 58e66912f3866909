"""The Help menu's windows: the guide to a good notice, the keyboard shortcuts, About.

They are ordinary windows, not modal dialogs, so the guide can stay open beside the form.
Each is made once per main window and brought to the front when asked for again.
"""
from __future__ import annotations

import html
import platform

import PySide6
from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, qVersion
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QTextBrowser,
    QVBoxLayout,
)

from .. import __version__
from ..core.checks.grammar import GrammarSettings
from ..core.checks.languagetool_version import NOT_SET_UP, languagetool_version
from ..core.shipped import resource
from .find_bar import FIND_BAR_KEYS
from .language import translate, without_access_key
from .tr_args import args
from .tasks import TaskRunner

ASKING = QT_TRANSLATE_NOOP("Help", "looking…")


def _help_window(parent, name: str, title: str, width: int, height: int) -> tuple[QDialog, bool]:
    """(the window, whether it is new); an existing one is raised instead of made twice."""
    existing = parent.findChild(QDialog, name)
    if existing is not None:
        existing.show()
        existing.raise_()
        existing.activateWindow()
        return existing, False
    dialog = QDialog(parent)
    dialog.setObjectName(name)
    dialog.setWindowTitle(title)
    dialog.setAccessibleName(title)
    dialog.resize(width, height)
    dialog.setLayout(QVBoxLayout())
    return dialog, True


def _browser(dialog: QDialog, name: str, content: str) -> QTextBrowser:
    browser = QTextBrowser(dialog)
    browser.setObjectName(name)
    browser.setAccessibleName(dialog.windowTitle())
    browser.setOpenExternalLinks(True)
    browser.document().setDocumentMargin(14)
    browser.setHtml(content)
    dialog.layout().addWidget(browser)
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, dialog)
    buttons.rejected.connect(dialog.close)
    dialog.layout().addWidget(buttons)
    return browser


def show_guide(window) -> QDialog:
    dialog, new = _help_window(window, "guide_window", translate("Help", "Writing a good notice"), 640, 720)
    if new:
        # The translation names the guide written in its language.
        _browser(dialog, "guide_text", resource(translate("Help", "guide.html")).read_text(encoding="utf-8"))
        dialog.show()
    return dialog


# ---- keyboard shortcuts ---------------------------------------------------------------------

def _plain(text: str) -> str:
    return without_access_key(text)


def shortcuts_html(window) -> str:
    """Every command of the window's menus that has a key, menu by menu, read from the actions."""
    sections = []
    for menu_action in window.menuBar().actions():
        menu = menu_action.menu()
        rows = [(_plain(action.text()), action.shortcut()) for action in (menu.actions() if menu else [])
                if not action.shortcut().isEmpty() and action.isVisible()]
        if rows:
            sections.append((_plain(menu.title()), rows))
    sections.append((translate("Help", "Find bar"),
                     [(translate("FindBar", what), QKeySequence(key)) for what, key in FIND_BAR_KEYS]))
    native = QKeySequence.SequenceFormat.NativeText
    body = "".join(
        f'<tr><td colspan="2"><h3>{html.escape(title)}</h3></td></tr>'
        + "".join(f"<tr><td>{html.escape(what)}</td><td><b>{html.escape(key.toString(native))}</b></td></tr>"
                  for what, key in rows)
        for title, rows in sections)
    # One table, so the keys line up from menu to menu; each command shows its main key.
    return (f"<h2>{translate('Help', 'Keyboard shortcuts')}</h2>"
            f'<table cellspacing="0" cellpadding="3" width="100%">{body}</table>'
            "<p>" + translate("Help", "In the fields, your platform's usual text-editing keys work as well.") + "</p>")


def show_shortcuts(window) -> QDialog:
    dialog, new = _help_window(window, "shortcuts_window", translate("Help", "Keyboard shortcuts"), 520, 640)
    if new:
        _browser(dialog, "shortcuts_text", "")
        dialog.show()
    dialog.findChild(QTextBrowser, "shortcuts_text").setHtml(shortcuts_html(window))  # always today's keys
    return dialog


# ---- about ----------------------------------------------------------------------------------

def versions(languagetool: str) -> list[tuple[str, str]]:
    return [("OutageWriter", __version__), ("Qt", qVersion()), ("PySide6", PySide6.__version__),
            ("Python", platform.python_version()), ("LanguageTool", languagetool)]


def show_about(window) -> QDialog:
    dialog, new = _help_window(window, "about_window", translate("Help", "About OutageWriter"), 460, 0)
    settings = GrammarSettings.from_settings(window.context.settings)  # as they are now: settings change
    if not new:
        _show_languagetool(window.context.tasks, settings, dialog.findChild(QLabel, "about_languagetool"))
        return dialog
    layout = dialog.layout()
    layout.setContentsMargins(22, 20, 22, 14)
    heading = QLabel("<h2>OutageWriter</h2><p>" + translate("Help", "Write calm, truthful outage notices, have them "
                                                            "reviewed,<br>and send them from your own mailbox.")
                     + "</p>", dialog)
    layout.addWidget(heading)
    form = QFormLayout()
    form.setHorizontalSpacing(18)
    form.setVerticalSpacing(6)
    labels = {}
    for name, value in versions(""):
        label = QLabel(value, dialog)
        label.setObjectName(f"about_{name.lower()}")
        label.setAccessibleName(args(translate("Help", "%1 version"), name))
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form.addRow(f"{name}:", label)
        labels[name] = label
    layout.addLayout(form)
    layout.addSpacing(8)
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, dialog)
    copy = buttons.addButton(translate("Help", "Copy versions"), QDialogButtonBox.ButtonRole.ActionRole)
    copy.setObjectName("about_copy")
    copy.clicked.connect(lambda: QApplication.clipboard().setText(
        "\n".join(f"{name}: {label.text()}" for name, label in labels.items())))
    buttons.rejected.connect(dialog.close)
    layout.addWidget(buttons)
    _show_languagetool(window.context.tasks, settings, labels["LanguageTool"])
    dialog.show()
    return dialog


def _show_languagetool(tasks: TaskRunner, settings: GrammarSettings, label: QLabel) -> None:
    """Asked off the GUI thread: a server may take seconds to answer (or never)."""
    if settings.mode == "off":
        label.setText(NOT_SET_UP)
        return
    label.setText(translate("Help", ASKING))

    def done(result, error):
        try:
            label.setText(result if error is None else args(translate("Help", "unknown (%1)"), error))
        except RuntimeError:
            pass  # the window was closed meanwhile

    tasks.run(lambda: languagetool_version(settings), done, lane=TaskRunner.NETWORK)
