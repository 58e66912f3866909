"""The first-run page, in place of the empty form: where a new user can start.

Shown only by a start that has nothing to reopen and no incident opened before. It leaves as soon
as the window shows an incident, however it came (this page, the menus, a dropped file, a restored
recovery copy), and does not come back in that window.
"""
from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QLabel, QPushButton, QSizePolicy, QStackedWidget, QVBoxLayout, QWidget

from .help_windows import show_guide
from .language import translate

CHOICES = (
    ("welcome_example", QT_TRANSLATE_NOOP("Welcome", "Open the example incident"),
     QT_TRANSLATE_NOOP("Welcome",
                       "A card-payments outage with a well-written first notice. You get your own copy to change.")),
    ("welcome_new", QT_TRANSLATE_NOOP("Welcome", "Create a new incident"),
     QT_TRANSLATE_NOOP("Welcome",
                       "An outage or a planned maintenance: name it and the service, then fill in the form.")),
    ("welcome_open", QT_TRANSLATE_NOOP("Welcome", "Open an incident file…"),
     QT_TRANSLATE_NOOP("Welcome", "A .outage file you saved before or a colleague shared with you.")),
    ("welcome_accounts", QT_TRANSLATE_NOOP("Welcome", "Set up a mail account"),
     QT_TRANSLATE_NOOP("Welcome",
                       "The account your notices are sent from. Its password stays in your system's keyring.")),
)


class ChoiceButton(QPushButton):
    """A large button: what it does in bold, one line under it (QCommandLinkButton clips that line
    in several styles). The lines do not wrap, so the button is always as wide as they need."""

    def __init__(self, title: str, description: str, parent=None):
        super().__init__(parent)
        self.setAccessibleName(title.rstrip("…"))
        self.setAccessibleDescription(description)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 10, 16, 10)
        layout.setSpacing(2)
        for text, bold in ((title, True), (description, False)):
            label = QLabel(text, self)
            label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)  # clicks go to the button
            if bold:
                font = QFont(label.font())
                font.setBold(True)
                font.setPointSizeF(font.pointSizeF() * 1.1)
                label.setFont(font)
            layout.addWidget(label)

    def sizeHint(self):  # noqa: N802 (Qt name) — a push button measures only its own text
        return self.layout().totalSizeHint()

    def minimumSizeHint(self):  # noqa: N802
        return self.layout().totalMinimumSize()


class WelcomePage(QWidget):
    def __init__(self, window):
        super().__init__(window)
        self.setObjectName("welcome")
        self.setAccessibleName(translate("Welcome", "Welcome"))
        outer = QVBoxLayout(self)
        outer.setContentsMargins(24, 24, 24, 24)
        column = QWidget(self)
        column.setMinimumWidth(560)
        layout = QVBoxLayout(column)
        layout.setSpacing(10)
        title = QLabel(translate("Welcome", "Welcome to OutageWriter"), column)
        font = QFont(title.font())
        font.setPointSizeF(font.pointSizeF() * 1.7)
        font.setBold(True)
        title.setFont(font)
        layout.addWidget(title)
        intro = QLabel(translate("Welcome", "Tell your customers what is going on: quickly, calmly and truthfully.<br>"
                                 "Where would you like to start?"), column)
        layout.addWidget(intro)
        layout.addSpacing(8)
        slots = {"welcome_example": window.open_example, "welcome_new": window.new_incident,
                 "welcome_open": window.open_dialog, "welcome_accounts": window.edit_accounts}
        self.buttons: dict[str, ChoiceButton] = {}
        for name, text, description in CHOICES:
            button = ChoiceButton(translate("Welcome", text), translate("Welcome", description), column)
            button.setObjectName(name)
            button.clicked.connect(slots[name])
            layout.addWidget(button)
            self.buttons[name] = button
        guide = QLabel(translate("Welcome", '<a href="guide">New to outage notices? Read <i>Writing a good '
                                 'notice</i></a> (Help menu, F1).'), column)
        guide.setObjectName("welcome_guide")
        guide.linkActivated.connect(lambda _link: show_guide(window))
        layout.addSpacing(6)
        layout.addWidget(guide)
        outer.addStretch(1)
        outer.addWidget(column, 0, Qt.AlignmentFlag.AlignHCenter)
        outer.addStretch(2)


# What the menus and toolbar still offer while the page is shown: the blank incident behind it is not
# the user's, so saving, sending or reviewing it would act on something they cannot see.
STILL_OFFERED = frozenset({"new", "open", "close", "quit", "accounts", "settings", "guide", "shortcuts",
                           "example", "about"})


def show_welcome(window) -> WelcomePage:
    """Puts the welcome page in front of the window's editor until an incident is shown."""
    page = WelcomePage(window)
    withheld = [action for key, action in window.actions_by_key.items()
                if key not in STILL_OFFERED and action.isEnabled()]
    for action in withheld:
        action.setEnabled(False)
    window.welcoming = True
    stack = QStackedWidget(window)
    stack.setObjectName("central_stack")
    editor = window.takeCentralWidget()
    stack.addWidget(page)
    stack.addWidget(editor)
    window.setCentralWidget(stack)

    def leave():
        stack.setCurrentWidget(editor)
        stack.removeWidget(page)
        page.deleteLater()
        window.document_set.disconnect(leave)
        window.welcoming = False
        for action in withheld:
            action.setEnabled(True)
        window.refresh_read_only()  # then the notice shown decides, as always

    window.document_set.connect(leave)
    return page
