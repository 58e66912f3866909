"""One incident told from first notice to post-incident report, and one maintenance from announcement to
completion, as a user does it from the command line: real processes, the real keyring, a real SMTP
server with STARTTLS and AUTH, the settings file as the Settings window writes it. What is checked is
what left the machine (the bytes the server received) and the incident file on disk."""
from __future__ import annotations

import email
import email.policy
import json
from datetime import datetime, timedelta, timezone

import icalendar
import pytest
from send_helpers import add_account, ow

pytestmark = pytest.mark.integration

AUTHOR, REVIEWER = "Jana Novák", "Petr Svoboda"
SETTINGS = {
    "user_name": AUTHOR,
    "components": ["Card payments", "Dashboard", "Payouts"],
    "audiences": [
        {"name": "EMEA customers", "zone": "Europe/Berlin", "hours": "08:00-18:00", "days": "Mon-Fri",
         "bcc": "emea-customers@acme.example"},
        {"name": "US customers", "zone": "America/New_York", "hours": "09:00-17:00", "days": "Mon-Fri",
         "bcc": "us-customers@acme.example"},
    ],
}


def _promise(minutes: int) -> str:
    """A next-update time `minutes` from now, in Berlin's zone, as a writer types it."""
    when = datetime.now(timezone.utc) + timedelta(minutes=minutes)
    return when.strftime("%Y-%m-%dT%H:%M+00:00") + "[Europe/Berlin]"


def _ok(proc):
    assert proc.returncode == 0, proc.stderr
    return proc


def _approve_and_send(env, path, account) -> None:
    """The author asks for review; the reviewer approves on their own machine (their own settings); the
    author sends."""
    _ok(ow(env, "request-review", path))
    _ok(ow(env["reviewer"], "approve", path, "--reviewer", REVIEWER))
    _ok(ow(env, "send", path, "--account", account, "--yes"))


def _parsed(received):
    return email.message_from_bytes(received.data, policy=email.policy.default)


def _text(message) -> str:
    return message.get_body(preferencelist=("plain",)).get_content()


@pytest.fixture
def story_env(cli_env, config_dir, smtp_server, account_name, real_keyring):
    config_dir.mkdir(parents=True, exist_ok=True)
    (config_dir / "settings.json").write_text(json.dumps(SETTINGS), encoding="utf-8")
    add_account(cli_env, smtp_server, account_name)
    reviewer_config = config_dir.parent / "reviewer-config"
    reviewer_config.mkdir()
    (reviewer_config / "settings.json").write_text(json.dumps({"user_name": REVIEWER}), encoding="utf-8")
    return Env(cli_env, reviewer=dict(cli_env, OUTAGEWRITER_CONFIG_DIR=str(reviewer_config)))


class Env(dict):
    """The author's environment, with the reviewer's beside it under ["reviewer"]."""

    def __init__(self, author: dict, reviewer: dict):
        super().__init__(author)
        self.reviewer = reviewer

    def __getitem__(self, key):
        return self.reviewer if key == "reviewer" else super().__getitem__(key)


def test_an_incident_from_first_notice_to_post_incident_report(story_env, smtp_server, account_name, tmp_path):
    env, path = story_env, tmp_path / "card-payments.outage"
    _ok(ow(env, "new", path, "--title", "Card payments failing", "--service", "Acme Pay"))
    _ok(ow(env, "set", path,
           "summary=Card payments fail for about a third of customers in Europe. Please retry failed payments "
           "after the next update.",
           "impact=Card payments fail with an error message.", "data_loss=none",
           "contact_name=Jana Novák", "contact_email=jana.novak@acme.example",
           "components=Card payments = major-outage; Dashboard = degraded-performance", "impact_level=major",
           "audiences=EMEA customers, US customers", f"next_update={_promise(60)}",
           "started=2026-11-27T09:42+01:00[Europe/Berlin]"))
    stored = json.loads(path.read_text("utf-8"))["notices"][0]["fields"]
    assert "emea-customers@acme.example" in stored["bcc"] and "us-customers@acme.example" in stored["bcc"]
    _approve_and_send(env, path, account_name)

    first = smtp_server.received[-1]
    assert b"Subject: Major outage" in first.data  # the worst component status leads the subject
    assert sorted(first.rcpt_tos) == ["emea-customers@acme.example", "us-customers@acme.example"]
    text = _text(_parsed(first))
    assert "Card payments" in text and "Major outage" in text and "Degraded performance" in text
    assert "US customers" in text  # the promise in the US audience's own time

    due = ow(env, "due", path)
    assert due.returncode == 0 and "Card payments failing" in due.stdout  # promised, not overdue

    added = _ok(ow(env, "add", path, "--kind", "update"))
    assert "carried" in added.stdout.lower()
    _ok(ow(env, "set", path, "status=monitoring", f"next_update={_promise(90)}",
           "summary=A fix is in place and card payments succeed again; we are watching them closely.",
           "components=Card payments = degraded-performance; Dashboard = operational"))
    _approve_and_send(env, path, account_name)
    update = smtp_server.received[-1]
    first_id = _parsed(first)["Message-ID"]
    assert f"In-Reply-To: {first_id}".encode() in update.data  # one thread in the readers' mail clients

    _ok(ow(env, "add", path, "--kind", "resolution"))
    _ok(ow(env, "set", path,
           "summary=Card payments work normally again for every customer.",
           "done=We rolled back the faulty configuration of the payment gateway.",
           "remaining=Payments that failed between 09:42 and 11:05 CET must be retried.",
           "impact=Card payments failed for a third of customers in Europe.",
           "workaround=Retry the payment; contact us if it still fails.",
           "components=Card payments = operational; Dashboard = operational",
           "mitigated=2026-11-27T10:50+01:00[Europe/Berlin]", "resolved=2026-11-27T11:05+01:00[Europe/Berlin]",
           "next_update=on-change"))
    _approve_and_send(env, path, account_name)
    resolution = _text(_parsed(smtp_server.received[-1]))
    assert "What we did" in resolution and "We rolled back" in resolution
    assert "What remains to be done" in resolution and "Mitigated" in resolution

    _ok(ow(env, "add", path, "--kind", "post-incident"))
    _ok(ow(env, "set", path,
           "summary=On 27 November card payments failed for a third of customers in Europe for 83 minutes.",
           "root_cause=A configuration change sent payments to a gateway pool that was not ready.",
           "events=09:42 First failed payments\n09:48 Alert to the on-call engineer\n10:50 Change rolled back",
           "actions=Check gateway pools before a change | Platform team | 2026-12-15\n"
           "Alert on failed payments within two minutes | Operations | 2026-12-08",
           "action_details=shown"))
    _approve_and_send(env, path, account_name)
    report = _text(_parsed(smtp_server.received[-1]))
    for heading in ("Root cause", "Timeline of events", "What we are changing"):
        assert heading in report
    assert "Platform team" in report and "2026-12-15" in report
    assert "We rolled back" not in report  # "What we did" belongs to the resolution, not to this report

    timeline = _ok(ow(env, "timeline", path)).stdout
    assert timeline.count("sent") >= 4 and "post-incident" in timeline
    exported = _ok(ow(env, "export", path, "--format", "md")).stdout
    assert exported.index("Card payments fail for about a third") < exported.index("Root cause")
    assert ow(env, "due", path).returncode == 0  # the report closes the incident: nothing is owed


def test_a_maintenance_from_announcement_to_completion(story_env, smtp_server, account_name, tmp_path):
    env, path = story_env, tmp_path / "database-upgrade.outage"
    _ok(ow(env, "new", path, "--title", "Database upgrade", "--service", "Acme Pay", "--kind", "maintenance"))
    _ok(ow(env, "set", path,
           "summary=We will upgrade the payments database on Saturday night; payments pause for up to an hour.",
           "window_start=2026-12-05T23:00+01:00[Europe/Berlin]", "window_end=2026-12-06T00:00+01:00[Europe/Berlin]",
           "unavailable=Card payments and payouts.", "prepare=Schedule payouts before 22:30 CET.",
           "data_loss=none", "contact_name=Jana Novák", "audiences=EMEA customers", "next_update=on-change"))
    _approve_and_send(env, path, account_name)
    sequences = []
    for stage in ("reminder", "in-progress", "extended", "completed"):
        _ok(ow(env, "add", path, "--kind", "maintenance"))
        values = [f"status={stage}"]
        if stage == "extended":
            values.append("window_end=2026-12-06T00:30+01:00[Europe/Berlin]")
        _ok(ow(env, "set", path, *values))
        _approve_and_send(env, path, account_name)
    subjects, calendars = [], []
    for received in smtp_server.received:
        message = _parsed(received)
        subjects.append(message["Subject"])
        assert b"Content-Type: text/calendar" in received.data
        part = next(p for p in message.walk() if p.get_content_type() == "text/calendar")
        calendars.append(icalendar.Calendar.from_ical(part.get_content()))
    assert subjects[0].startswith("Scheduled maintenance") and subjects[-1].startswith("Maintenance completed")
    assert any(s.startswith("Maintenance extended") for s in subjects)
    events = [next(iter(c.walk("VEVENT"))) for c in calendars]
    assert len({str(e["UID"]) for e in events}) == 1  # one calendar entry, moved by each notice
    sequences = [int(e["SEQUENCE"]) for e in events]
    assert sequences == sorted(sequences) and len(set(sequences)) == len(sequences)
    extended = events[subjects.index(next(s for s in subjects if s.startswith("Maintenance extended")))]
    assert extended.decoded("DTEND") == datetime(2026, 12, 5, 23, 30, tzinfo=timezone.utc)
