"""A person's typing session in the real window, run as its own process by test_typing_soak.py.

    python window_typing_session.py INCIDENT.outage CHARACTERS

Starts the app's own window on INCIDENT, then from inside the running event loop types CHARACTERS
characters spread over every text field, a burst at a time with real key events, and waits after
each burst until the preview has been brought up to date. Finally it saves through the window and
quits the event loop the normal way. Prints one summary line; any crash shows as the exit code.
"""
from __future__ import annotations

import sys
import time

from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from outagewriter.app import build_context, create_window
from outagewriter.ui.context import Timings
from outagewriter.ui.dialogs import Dialogs
from outagewriter.ui.editors import AddressEditor, LineEditor, TextEditor

BURST = 40  # characters typed between two waits for the preview
PROSE = ("Card payments are slower than usual for some customers in Europe; "
         "we are moving traffic to the second site.\n")
ADDRESSES = ", ops{n}@customer.example"  # after what the field holds (Enter leaves an address field)


class ReportingDialogs(Dialogs):
    """A message box would wait for a click nobody makes: say it on stderr instead."""

    def error(self, parent, title, text):
        print(f"ERROR {title}: {text}", file=sys.stderr, flush=True)

    def info(self, parent, title, text):
        print(f"INFO {title}: {text}", flush=True)


def text_fields(window) -> list[tuple[str, object]]:
    """The text fields a person sees for this notice's kind (the form hides the other kinds' fields)."""
    return [(name, editor) for name, editor in window.form.editors.items()
            if isinstance(editor, (LineEditor, TextEditor)) and not name.startswith("contact_email")
            and editor.isVisibleTo(window.form)]


def material(name: str, editor, length: int) -> str:
    if isinstance(editor, AddressEditor):
        text = "".join(ADDRESSES.format(n=n) for n in range(length // 20 + 1))
    else:
        text = PROSE * (length // len(PROSE) + 1)
        if isinstance(editor, LineEditor):
            text = text.replace("\n", " ")
    return text[:length]


class Session:
    def __init__(self, app: QApplication, window, total: int):
        self.app, self.window, self.total = app, window, total
        fields = text_fields(window)
        shares = [total // len(fields) + (i < total % len(fields)) for i in range(len(fields))]
        self.plan = [(editor, material(name, editor, share)) for (name, editor), share in zip(fields, shares)]
        self.typed = 0
        self.refreshes = 0
        self.waiting = False
        window.live.rendered.connect(self._rendered)

    def start(self) -> None:
        QTimer.singleShot(0, self._burst)

    def _burst(self) -> None:
        while self.plan and not self.plan[0][1]:
            self.plan.pop(0)
        if not self.plan:
            self._finish()
            return
        editor, text = self.plan[0]
        chunk, self.plan[0] = text[:BURST], (editor, text[BURST:])
        editor.setFocus()
        if isinstance(editor, LineEditor):  # a person clicks after what the field holds, then types
            editor.end(False)
        else:
            editor.moveCursor(editor.textCursor().MoveOperation.End)
        for index, line in enumerate(chunk.split("\n")):
            if index:  # keyClicks only takes printable characters; a line break is its own key
                QTest.keyClick(editor, Qt.Key.Key_Return)
            QTest.keyClicks(editor, line)
        self.typed += len(chunk)
        self.waiting = True  # the next burst starts when the preview shows this one

    def _rendered(self, _rendered) -> None:
        self.refreshes += 1
        if self.waiting:
            self.waiting = False
            QTimer.singleShot(0, self._burst)

    def _finish(self) -> None:
        if not self.window.save():
            print("SAVE FAILED", flush=True)
            self.app.exit(3)
            return
        self.window.close()
        self.app.quit()


def main() -> int:
    path, total = sys.argv[1], int(sys.argv[2])
    app = QApplication(sys.argv[:1])
    context = build_context(timings=Timings(preview_ms=10, autosave_ms=500), dialogs=ReportingDialogs())
    window = create_window(path, context, offer_recovery=False)
    window.show()
    session = Session(app, window, total)
    started = time.perf_counter()
    session.start()
    code = app.exec()
    context.close()
    print(f"typed {session.typed} characters, {session.refreshes} preview refreshes, "
          f"{time.perf_counter() - started:.1f} s, exit {code}", flush=True)
    return code


if __name__ == "__main__":
    sys.exit(main())
