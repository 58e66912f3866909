"""What a start without a file opens: the incident used last, else a blank one."""
from __future__ import annotations

import pytest

from outagewriter.app import build_context, create_window, file_to_open
from outagewriter.core.incident.model import Incident
from outagewriter.core.storage import fileformat


@pytest.fixture
def start(qtbot, dirs, dialogs):
    """Starts the app as `outagewriter [path]` does, on the test's state folder."""
    contexts = []

    def run(path=None):
        context = build_context(state_dir=dirs[0], config_dir=dirs[1], dialogs=dialogs)
        contexts.append(context)
        window = create_window(file_to_open(path, context), context, offer_recovery=False)
        qtbot.addWidget(window)
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


def test_a_file_asked_for_wins_over_the_last_one(start, tmp_path):
    older, newer = _saved(tmp_path, "Payments failing"), _saved(tmp_path, "Logins slow")
    start(newer).close()
    assert start(older).incident.title == "Payments failing"
