"""Notice ▸ Start from…: the real dialog lists the starting texts for the notice's kind with a preview,
and using one fills the form; typed text is replaced only after the writer agrees."""
from __future__ import annotations

import pytest
from window_fakes import ScriptedDialogs
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from menu_clicks import choose, item_states
from outagewriter.core.checks.findings import TONE_CATEGORIES
from outagewriter.core.incident.model import Incident
from outagewriter.core.incident.records import SentRecord
from outagewriter.core.session import starters as starters_module
from outagewriter.core.session.starters import load_library
from outagewriter.core.storage import fileformat


class PickingDialogs(ScriptedDialogs):
    """Opens the real Start from dialog, clicks the starter named in `pick` as a person would, and
    remembers what the dialog showed."""

    pick: str | None = None
    shown: dict = {}

    def choose_starter(self, parent, starters, kind, problems=()):
        from outagewriter.ui.starter_dialog import StarterDialog

        self.asked.append("choose_starter")
        dialog = StarterDialog(starters, kind, problems, parent)
        rows = {dialog.list.item(r).data(Qt.ItemDataRole.UserRole): r for r in range(dialog.list.count())}
        self.shown = {"names": [name for name in rows if name], "problems": dialog.problems.text()}
        if self.pick is not None:
            item = dialog.list.item(rows[self.pick])
            QTest.mouseClick(dialog.list.viewport(), Qt.MouseButton.LeftButton,
                             pos=dialog.list.visualItemRect(item).center())
            self.shown.update(preview=dialog.preview.toPlainText(), fills=dialog.fills.text())
            QTest.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
        else:
            dialog.reject()
        dialog.close()
        return dialog.chosen() if dialog.result() else None


@pytest.fixture
def dialogs():
    return PickingDialogs()


def test_start_from_lists_the_kinds_starters_and_fills_the_empty_fields(make_window, qtbot, dialogs, dirs, tmp_path):
    (dirs[1] / "starters").mkdir(parents=True)
    (dirs[1] / "starters" / "broken.json").write_text("{nope", encoding="utf-8")
    path = tmp_path / "logins.outage"
    fileformat.save(Incident.create("Logins failing", "Portal"), path)
    window = make_window(path)
    assert item_states(window, qtbot, "Notice")["Start from"] is True

    dialogs.pick = "full-outage"
    choose(window, qtbot, "Notice", "Start from")
    starter = load_library().get("full-outage")
    assert dialogs.shown["names"] == [s.name for s in load_library().for_kind("initial")]
    assert dialogs.shown["preview"] == starter.summary
    assert dialogs.shown["fills"].startswith("Fills: Summary, What does not work now")
    assert dialogs.shown["problems"].startswith("starting texts broken.json: not valid JSON")
    assert window.form.value("summary") == starter.summary
    assert window.form.value("workaround") == starter.fields["workaround"]
    assert window.notice.fields["impact"] == starter.fields["impact"]
    assert "confirm" not in dialogs.asked  # nothing typed was replaced, so nothing was asked
    assert window.isWindowModified()
    qtbot.waitUntil(lambda: any(f.rule == "structure.placeholder-left" for f in window.current_findings()))


def test_typed_text_is_replaced_only_when_the_writer_agrees(make_window, qtbot, dialogs, incident_file):
    window = make_window(incident_file)
    summary = window.form.editors["summary"]
    typed = summary.toPlainText()
    dialogs.pick = "partial-outage"
    dialogs.answers["confirm"] = False
    choose(window, qtbot, "Notice", "Start from")
    assert dialogs.messages[-1].startswith("Replace your text?: “Partial outage” has its own text for Summary, "
                                           "What does not work now")
    assert summary.toPlainText() == typed
    assert window.notice.fields["later_impact"] == ""  # declined: nothing at all was used

    dialogs.answers["confirm"] = True
    choose(window, qtbot, "Notice", "Start from")
    starter = load_library().get("partial-outage")
    assert summary.toPlainText() == starter.summary
    assert window.notice.fields["later_impact"] == starter.fields["later_impact"]
    assert window.notice.fields["contact_name"] == "Jana Novák"  # not part of any starting text


def test_start_from_is_greyed_on_a_sent_notice(make_window, qtbot, dialogs, incident_file):
    incident = fileformat.load(incident_file)
    incident.notices[-1].sent = SentRecord(time="2026-11-27T10:02+00:00", message_id="<x@example.com>")
    fileformat.save(incident, incident_file)
    window = make_window(incident_file)
    assert item_states(window, qtbot, "Notice")["Start from"] is False


def test_start_from_on_a_japanese_incident_offers_and_fills_the_japanese_texts(make_window, qtbot, dialogs, tmp_path):
    path = tmp_path / "login.outage"
    fileformat.save(Incident.create("ログイン障害", "会員ポータル", language="ja"), path)
    window = make_window(path)

    dialogs.pick = "investigating"
    choose(window, qtbot, "Notice", "Start from")
    starter = load_library("ja").get("investigating")
    assert dialogs.shown["names"] == [s.name for s in load_library("ja").for_kind("initial")]
    assert dialogs.shown["preview"] == starter.summary
    assert window.form.value("summary") == starter.summary
    assert window.notice.fields["impact"] == starter.fields["impact"]
    qtbot.waitUntil(lambda: any(f.rule == "structure.placeholder-left" and f.match == "［時刻］"
                                for f in window.current_findings()))
    assert not [f for f in window.current_findings() if f.category in TONE_CATEGORIES]


def test_a_language_without_starting_texts_is_one_clear_line_and_the_notice_is_untouched(
        make_window, qtbot, dialogs, tmp_path, monkeypatch):
    shipped = tmp_path / "shipped"
    (shipped / "starters").mkdir(parents=True)  # a package whose Japanese starters are missing
    monkeypatch.setattr(starters_module, "resource", lambda *parts: shipped.joinpath(*parts))
    path = tmp_path / "login.outage"
    fileformat.save(Incident.create("ログイン障害", "会員ポータル", language="ja"), path)
    window = make_window(path)
    before = dict(window.notice.fields)

    choose(window, qtbot, "Notice", "Start from")
    assert dialogs.errors == ["Starting texts are not available: there are no starting texts for notices in Japanese"]
    assert "choose_starter" not in dialogs.asked
    assert window.notice.fields == before and not window.isWindowModified()
