"""The incident's own time zone: where new times start when nobody has written one yet."""
from outagewriter.core.incident.model import Incident
from outagewriter.core.incident.records import SentRecord


def test_no_time_no_zone():
    assert Incident.create("Card payments failing", "Checkout").zone is None


def test_the_first_known_incident_time_gives_the_zone():
    incident = Incident.create("Card payments failing", "Checkout")
    incident.notices[-1].set("next_update", "2026-11-27T11:00[Asia/Tokyo]")
    incident.set_times({"detected": "2026-11-27T09:50[America/Chicago]", "started": "2026-11-27T09:40+05:30"})
    assert incident.zone == "UTC+05:30"
    incident.set_time("started", "")
    assert incident.zone == "America/Chicago"


def test_else_the_newest_promised_update_gives_the_zone():
    incident = Incident.create("Card payments failing", "Checkout")
    incident.notices[-1].set("next_update", "2026-11-27T11:00[Pacific/Auckland]")
    incident.notices[-1].sent = SentRecord(time="2026-11-27T10:00Z")
    incident.add_notice("update").set("next_update", "on-change")
    assert incident.zone == "Pacific/Auckland"


def test_a_maintenance_window_gives_the_zone():
    incident = Incident.create("Database upgrade", "Portal", kind="maintenance")
    incident.notices[-1].set("window_start", "2026-12-01T22:00[Europe/Berlin]")
    assert incident.zone == "Europe/Berlin"
