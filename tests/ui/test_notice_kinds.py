"""The form shows each notice kind's own fields under its email's headings, and marks carried text."""
import pytest
from PySide6.QtTest import QTest

from outagewriter.core.incident.fields import fields_of
from outagewriter.core.incident.model import Incident
from outagewriter.core.incident.records import SentRecord
from outagewriter.core.storage import fileformat


@pytest.fixture
def sent_file(incident_file):
    """The usual first notice, with what to expect later, sent."""
    incident = fileformat.loads(incident_file.read_text("utf-8"))
    incident.notices[-1].set("later_impact", "Settlement reports will arrive a few hours late.")
    incident.notices[-1].sent = SentRecord(time="2026-11-27T09:00Z")
    fileformat.save(incident, incident_file)
    return incident_file


def _shown(form):
    return {name for name, editor in form.editors.items() if editor.isVisible()}


def _add(window, qtbot, key):
    window.actions_by_key[key].trigger()
    qtbot.waitUntil(lambda: window.notice.kind == key.removeprefix("add_"))


def test_a_post_incident_report_shows_its_own_fields_under_its_headings(make_window, qtbot, sent_file):
    window = make_window(sent_file)
    _add(window, qtbot, "add_post-incident")
    form = window.form
    assert _shown(form) == {name for name in fields_of("post-incident") if name in form.editors}
    assert {"root_cause", "events", "actions", "action_details"} <= _shown(form)
    assert not form.editors["later_impact"].isVisible() and not form.labels["later_impact"].isVisible()
    assert form.labels["impact"].text() == "What was affected"
    assert form.editors["impact"].accessibleName() == "What was affected"
    assert form.single_sections["appendix"].heading.text() == "Technical details"
    assert form.single_sections["next_update"].heading.text() == "Further update by"
    assert form.single_sections["actions"].heading.text() == "What we are changing"
    assert not form.sections["window"].isVisible()


def test_a_resolution_shows_what_was_done_and_what_remains(make_window, qtbot, sent_file):
    window = make_window(sent_file)
    _add(window, qtbot, "add_resolution")
    form = window.form
    assert {"done", "remaining"} <= _shown(form)
    assert not ({"later_impact", "root_cause", "events", "actions", "window_start", "unavailable"} & _shown(form))
    assert form.single_sections["workaround"].heading.text() == "If you still see problems"
    assert form.single_sections["done"].heading.text() == "What we did"
    assert form.time_editors["mitigated"].known.text() == "Mitigated"


def test_a_maintenance_notice_shows_its_window_and_preparations(make_window, qtbot, tmp_path):
    incident = Incident.create("Database upgrade", "Portal", kind="maintenance")
    path = tmp_path / "upgrade.outage"
    fileformat.save(incident, path)
    window = make_window(path)
    form = window.form
    assert {"window_start", "window_end", "unavailable", "prepare", "later_impact"} <= _shown(form)
    assert not ({"impact", "workaround", "done", "root_cause"} & _shown(form))
    assert form.labels["later_impact"].text() == "Afterwards"
    assert not form.sections["timeline"].isVisible()  # the window has taken the incident times' place
    form.editors["window_start"].known.click()  # the writer sets the start
    window.flush()
    assert window.notice.fields["window_start"] != ""


def test_carried_text_is_marked_until_edited(make_window, qtbot, sent_file):
    window = make_window(sent_file)
    _add(window, qtbot, "add_update")
    form = window.form
    marked = {name for name, mark in form.carried_marks.items() if mark.isVisible()}
    assert marked == {"summary", "impact", "later_impact"}
    assert form.carried_marks["impact"].text() == "Unchanged since notice 1 was sent"
    editor = form.editors["impact"]
    editor.setFocus()
    editor.moveCursor(editor.textCursor().MoveOperation.End)
    QTest.keyClicks(editor, " It affects refunds too.")
    assert not form.carried_marks["impact"].isVisible()
    assert form.carried_marks["summary"].isVisible()
    window.show_notice(0)  # a sent notice carries nothing
    assert not any(mark.isVisible() for mark in form.carried_marks.values())




def test_a_maintenance_continues_with_its_next_stage(make_window, qtbot, tmp_path):
    incident = Incident.create("Database upgrade", "Portal", kind="maintenance")
    incident.notices[-1].set("window_start", "2026-12-01T22:00[Europe/Berlin]")
    incident.notices[-1].sent = SentRecord(time="2026-11-27T09:00Z")
    path = tmp_path / "upgrade.outage"
    fileformat.save(incident, path)
    window = make_window(path)
    actions = window.actions_by_key
    assert actions["add_maintenance"].isEnabled() and not actions["add_update"].isEnabled()
    _add(window, qtbot, "add_maintenance")
    assert window.form.editors["status"].currentText() == "Reminder"
    qtbot.waitUntil(lambda: window.preview.subject.text().startswith(
        "Reminder: maintenance starts Tuesday 1 December 2026, 22:00 CET: Database upgrade"), timeout=3000)


def test_a_finding_names_its_field_as_the_kind_labels_it(make_window, qtbot, sent_file):
    """In a resolution the impact field reads "What was affected": so does the finding about it."""
    window = make_window(sent_file)
    _add(window, qtbot, "add_resolution")
    window.form.editors["impact"].setFocus()
    window.form.editors["impact"].selectAll()
    QTest.keyClicks(window.form.editors["impact"], "Our vendor caused the outage.")

    def card():
        return next((c for c in window.findings.active.cards
                     if c.finding.field == "impact" and c.finding.category == "blame"), None)

    qtbot.waitUntil(lambda: card() is not None, timeout=5000)
    assert card().accessibleName().startswith("Blame in What was affected:")


def test_a_field_hints_at_what_belongs_there_in_each_kind(make_window, qtbot, sent_file):
    window = make_window(sent_file)
    first_hint = window.form.editors["workaround"].placeholderText()
    _add(window, qtbot, "add_resolution")
    assert window.form.editors["workaround"].placeholderText() == "What to do if something still does not work."
    window.show_notice(0)
    assert window.form.editors["workaround"].placeholderText() == first_hint
