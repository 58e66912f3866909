"""The incident's timeline: times, notices and audit events in order, in the incident's zone and UTC."""
from outagewriter.core.incident.model import Incident
from outagewriter.core.incident.records import SentRecord
from outagewriter.core.review import audit, timeline


def _incident() -> Incident:
    incident = Incident.create("Card payments failing", "Acme Pay")
    first = incident.notices[0]
    first.created = "2026-11-27T08:50:00Z"
    first.update({"to": "a@acme.example, b@acme.example", "bcc": "audit@acme.example", "audiences": "EMEA customers"})
    # New York in November is UTC-5: 03:40 EST is 08:40 UTC
    incident.set_times({"started": "2026-11-27T03:40[America/New_York]", "resolved": "2026-11-27T07:05[America/New_York]"})
    audit.append(incident, audit.APPROVED, first, "Petr", when="2026-11-27T09:05:00Z", comment="fine")
    first.sent = SentRecord(time="2026-11-27T09:10:00Z", addressed=["a@acme.example", "b@acme.example",
                                                                   "audit@acme.example", "x@acme.example"])
    audit.append(incident, audit.SENT, first, "Jana", when="2026-11-27T09:10:02Z")
    second = incident.add_notice("update")
    second.created = "2026-11-27T10:00:00Z"
    second.update({"to": "a@acme.example"})
    return incident


def test_entries_come_in_time_order_across_kinds():
    texts = [e.text for e in timeline.timeline(_incident())]
    assert texts == [
        "Incident started",
        'Notice 1: approved by Petr: "fine"',
        "Notice 1 · initial · investigating · sent to 4 recipients · audiences: EMEA customers",
        "Notice 1: sent by Jana",
        "Notice 2 · update · investigating · draft, not sent (addressed to 2 recipients) · audiences: EMEA customers",
        "Incident resolved",
    ]


def test_each_time_is_shown_in_the_incidents_zone_and_in_utc():
    entries = timeline.timeline(_incident())
    started, approved, sent = entries[0], entries[1], entries[2]
    assert (started.local, started.utc) == ("2026-11-27 03:40 EST", "2026-11-27 08:40 UTC")
    assert (approved.local, approved.utc) == ("2026-11-27 04:05 EST", "2026-11-27 09:05 UTC")
    assert sent.line().startswith("2026-11-27 04:10 EST (09:10 UTC)  Notice 1")
    assert entries[4].draft and not sent.draft and sent.number == 1


def test_the_local_date_is_given_in_full_when_utc_is_on_another_day():
    incident = Incident.create("Late outage", "Acme Pay")
    incident.set_time("started", "2026-11-27T22:30[America/Los_Angeles]")
    started, = [e for e in timeline.timeline(incident) if e.what == timeline.TIME]
    assert started.when == "2026-11-27 22:30 PST (2026-11-28 06:30 UTC)"


def test_a_time_only_given_as_an_offset_is_shown_with_that_offset():
    incident = Incident.create("Outage", "Acme Pay")
    incident.set_time("started", "2026-11-27T15:00+05:30")
    started, = [e for e in timeline.timeline(incident) if e.what == timeline.TIME]
    assert started.when == "2026-11-27 15:00 UTC+05:30 (09:30 UTC)"


def test_without_a_zone_times_are_shown_in_utc_only():
    incident = Incident.create("Outage", "Acme Pay")
    incident.notices[0].created = "2026-11-27T09:00:00Z"
    entry, = timeline.timeline(incident)
    assert entry.line() == ("2026-11-27 09:00 UTC  Notice 1 · initial · investigating · "
                            "draft, not sent (addressed to 0 recipients)")


def test_an_unreadable_time_in_the_file_is_kept_and_listed_last():
    incident = _incident()
    incident.log.append({"event": "approved", "notice": incident.notices[0].id, "who": "Eve", "when": "yesterday"})
    last = timeline.timeline(incident)[-1]
    assert last.moment is None and last.line() == "time unknown (yesterday)  Notice 1: approved by Eve"
