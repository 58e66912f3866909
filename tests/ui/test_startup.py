"""What a start opens: the file asked for, else the incident used last, else a blank one; and on the
very first start a welcome page, with an example that is the user's own copy."""
from __future__ import annotations

import pytest
from menu_clicks import choose
from PySide6.QtCore import QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit, QPushButton

from outagewriter.app import build_context, start_window
from outagewriter.core.incident.model import Incident
from outagewriter.core.shipped import resource
from outagewriter.core.storage import fileformat
from outagewriter.ui.welcome import WelcomePage


@pytest.fixture
def start(qtbot, dirs, dialogs):
    """Starts the app as `outagewriter [path]` does, on the test's state folder."""
    contexts = []

    def run(path=None):
        context = build_context(state_dir=dirs[0], config_dir=dirs[1], dialogs=dialogs)
        contexts.append(context)
        window = start_window(path, context, offer_recovery=False)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        return window

    yield run
    for context in contexts:
        context.tasks.wait()


def _saved(tmp_path, title: str):
    path = tmp_path / f"{title.split()[0].lower()}.outage"
    fileformat.save(Incident.create(title, "Checkout"), path)
    return path


def test_a_start_without_a_file_reopens_the_last_incident(start, tmp_path):
    older, newer = _saved(tmp_path, "Payments failing"), _saved(tmp_path, "Logins slow")
    first = start(older)
    first.open_path(str(newer))  # the user opens another incident, then quits
    first.close()
    window = start()
    assert window.doc.path == str(newer.resolve())
    assert window.incident.title == "Logins slow"


def test_a_last_incident_that_is_gone_gives_a_blank_one_without_a_word(start, tmp_path, dialogs):
    path = _saved(tmp_path, "Payments failing")
    start(path).close()
    path.unlink()
    window = start()
    assert window.doc.path is None and window.incident.title == ""
    assert dialogs.errors == [] and dialogs.asked == []
    assert window.findChild(WelcomePage) is None  # not a first start: the plain blank form


def test_a_file_asked_for_wins_over_the_last_one(start, tmp_path):
    older, newer = _saved(tmp_path, "Payments failing"), _saved(tmp_path, "Logins slow")
    start(newer).close()
    assert start(older).incident.title == "Payments failing"


# ---- the first start -------------------------------------------------------------------------

SHIPPED = resource("examples", "payments-outage.outage")


def _welcome(window) -> WelcomePage | None:
    page = window.findChild(WelcomePage)
    return page if page is not None and page.isVisible() else None


def _click(window, name: str) -> None:
    _welcome(window).findChild(QPushButton, name).click()


def test_the_first_start_offers_the_example_a_new_incident_and_a_mail_account(start):
    window = start()
    page = _welcome(window)
    assert page is not None and not window.form.isVisible()
    names = {b.accessibleName() for b in page.findChildren(QPushButton)}
    assert {"Open the example incident", "Create a new incident", "Set up a mail account"} <= names


def test_the_example_opens_as_a_copy_and_the_shipped_file_is_never_written(start, dirs, qtbot):
    shipped = SHIPPED.read_bytes()
    window = start()
    _click(window, "welcome_example")
    assert _welcome(window) is None and window.form.isVisible()
    first = window.doc.path
    assert first.startswith(str(dirs[0])) and first != str(SHIPPED)
    assert window.incident.title == "Card payments failing at checkout"
    window.refresh()
    assert window.current_findings() == []  # a good notice: nothing for the checks to say

    QTest.keyClicks(window.form.editors["workaround"], "Edited. ")
    window.save()
    choose(window, qtbot, "Help", "Open the example incident")  # again, from the menu
    second = window.doc.path
    assert second != first and "Edited" not in window.notice.fields["workaround"]
    assert "Edited. " in fileformat.load(first).notices[0].fields["workaround"]  # the first copy is kept
    assert fileformat.load(first).id != fileformat.load(second).id
    assert SHIPPED.read_bytes() == shipped


def test_create_a_new_incident_from_the_welcome_page(start):
    window = start()

    def fill_in():
        dialog = QApplication.activeModalWidget()
        dialog.findChild(QLineEdit, "new_title").setText("Logins slow")
        dialog.findChild(QLineEdit, "new_service").setText("Accounts")
        dialog.accept()

    QTimer.singleShot(0, fill_in)
    _click(window, "welcome_new")
    assert window.incident.title == "Logins slow"
    assert _welcome(window) is None and window.form.isVisible()


def test_cancelling_a_new_incident_stays_on_the_welcome_page(start):
    window = start()
    QTimer.singleShot(0, lambda: QApplication.activeModalWidget().reject())
    _click(window, "welcome_new")
    assert _welcome(window) is not None


def test_set_up_a_mail_account_opens_mail_accounts_and_stays(start, dialogs):
    window = start()
    _click(window, "welcome_accounts")
    assert dialogs.asked == ["accounts"]
    assert _welcome(window) is not None


def test_no_welcome_page_once_an_incident_was_opened(start, tmp_path):
    path = _saved(tmp_path, "Payments failing")
    window = start(path)  # a file asked for: no welcome page
    assert _welcome(window) is None and window.form.isVisible()
    window.close()
    assert _welcome(start()) is None  # restarting reopens it


def test_the_welcome_page_offers_no_save_send_or_review_of_the_blank_incident_behind_it(start, qtbot):
    window = start()
    acting_on_a_notice = ("save", "save_as", "send", "send_test", "request_review", "review_by_email", "find")
    assert not any(window.actions_by_key[key].isEnabled() for key in acting_on_a_notice)
    assert all(window.actions_by_key[key].isEnabled() for key in ("new", "open", "settings", "accounts"))
    window.settings_applied()  # settings saved meanwhile do not bring them back
    assert not window.actions_by_key["send"].isEnabled()
    _click(window, "welcome_example")
    assert all(window.actions_by_key[key].isEnabled() for key in ("save", "save_as", "request_review", "find"))
