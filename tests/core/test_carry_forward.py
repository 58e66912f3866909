"""A new notice starts from the last sent one, without the fields its kind does not show."""
from outagewriter.core.incident.carry import Carried, carried_fields, cleared_by
from outagewriter.core.incident.fields import fields_of
from outagewriter.core.incident.records import SentRecord


def _send(notice):
    notice.sent = SentRecord(time="2026-11-27T09:00Z")


def test_a_new_notice_takes_only_the_fields_of_its_kind(incident):
    first = incident.notices[-1]
    _send(first)
    resolution = incident.add_notice("resolution")
    assert resolution.fields["impact"] == first.fields["impact"]  # "What was affected" starts from it
    assert resolution.fields["later_impact"] == ""  # a resolution has no "What to expect later"
    assert resolution.fields["next_update"] == "" and resolution.fields["subject"] == ""
    assert resolution.fields["to"] == first.fields["to"]
    assert cleared_by(first, "resolution") == ("later_impact", "next_update")
    assert all(resolution.fields[name] == "" for name in resolution.fields if name not in fields_of("resolution"))


def test_fields_unchanged_since_the_last_sent_notice_are_named(incident):
    _send(incident.notices[-1])
    update = incident.add_notice("update")
    assert carried_fields(incident, update) == Carried(1, ("summary", "impact", "later_impact", "workaround",
                                                          "appendix"))
    update.set("summary", "Card payments work again for most customers.")
    assert "summary" not in carried_fields(incident, update).names
    update.set("summary", incident.notices[0].fields["summary"])  # typed back: unchanged again
    assert "summary" in carried_fields(incident, update).names


def test_the_first_notice_and_a_sent_one_carry_nothing(incident):
    assert carried_fields(incident, incident.notices[-1]) is None
    _send(incident.notices[-1])
    update = incident.add_notice("update")
    _send(update)
    assert carried_fields(incident, update) is None


def test_a_maintenance_goes_on_stage_by_stage_and_keeps_its_window():
    from outagewriter.core.incident.model import Incident

    incident = Incident.create("Database upgrade", "Portal", kind="maintenance")
    incident.notices[-1].update({"window_start": "2026-12-01T22:00[Europe/Berlin]",
                                 "window_end": "2026-12-02T00:30[Europe/Berlin]"})
    stages = [incident.notices[-1].fields["status"]]
    for _ in range(3):
        _send(incident.notices[-1])
        stages.append(incident.add_notice("maintenance").fields["status"])
    assert stages == ["scheduled", "reminder", "in-progress", "completed"]
    assert incident.notices[-1].fields["window_end"] == "2026-12-02T00:30+01:00[Europe/Berlin]"
