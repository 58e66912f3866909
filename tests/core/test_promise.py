"""The next-update promise across audiences' time zones: suggestions, local times, findings."""
from datetime import datetime, timedelta, timezone

import pytest

from outagewriter.core.checks import fast_findings
from outagewriter.core.checks.tone import ToneChecker
from outagewriter.core.incident.audiences import parse_audience
from outagewriter.core.incident.model import Incident
from outagewriter.core.incident.promise import promise_line, suggestions
from outagewriter.core.incident.times import parse_zoned

EMEA = parse_audience({"name": "EMEA customers", "zone": "Europe/Berlin", "hours": "08:00-18:00", "days": "Mon-Fri"})
US = parse_audience({"name": "US customers", "zone": "America/New_York", "hours": "09:00-17:00", "days": "Mon-Fri"})
APAC = parse_audience({"name": "APAC customers", "zone": "Asia/Tokyo", "hours": "09:00-18:00", "days": "Mon-Fri"})


def utc(*args):
    return datetime(*args, tzinfo=timezone.utc)


def picked(now, audiences, zone="Europe/Berlin"):
    return [(s.label, s.canonical) for s in suggestions(now, audiences, zone)]


def test_suggestions_round_up_and_follow_office_hours():
    # Friday 27 Nov 2026, 15:07 UTC = 16:07 in Berlin, 10:07 in New York
    assert picked(utc(2026, 11, 27, 15, 7), (EMEA, US)) == [
        ("In 30 minutes", "2026-11-27T16:40+01:00[Europe/Berlin]"),
        ("In an hour", "2026-11-27T17:15+01:00[Europe/Berlin]"),
        ("Before the office closes for EMEA customers", "2026-11-27T17:30+01:00[Europe/Berlin]"),
        # the next office to open is EMEA's on Monday: the weekend is skipped
        ("Shortly after the office opens for EMEA customers", "2026-11-30T08:15+01:00[Europe/Berlin]"),
    ]


def test_no_closing_suggestion_once_every_office_has_closed_today():
    # 17:50 in Berlin: closing at 18:00 is too close; New York closes later and is the earliest still ahead
    labels = picked(utc(2026, 11, 27, 16, 50), (EMEA, US), zone="America/New_York")
    assert ("Before the office closes for US customers", "2026-11-27T16:30-05:00[America/New_York]") in labels
    assert not any("closes for EMEA" in label for label, _ in labels)


def test_next_opening_is_the_soonest_across_zones():
    # Sunday evening UTC: Tokyo's Monday morning comes first
    labels = picked(utc(2026, 11, 29, 20, 0), (EMEA, US, APAC), zone="UTC")
    assert ("Shortly after the office opens for APAC customers", "2026-11-30T00:15+00:00[UTC]") in labels


def test_the_promise_in_utc_and_each_audiences_local_time():
    promise = parse_zoned("2026-11-27T16:00[Europe/Berlin]")
    assert promise_line(promise, (EMEA, US, APAC)) == (
        "Fri 27 Nov, 16:00 CET (15:00 UTC) · 10:00 EST for US customers · Sat 00:00 JST for APAC customers")


def structure(notice_fields, now, audiences=(EMEA, US), started=None):
    incident = Incident.create("Card payments failing", "Acme Pay")
    if started:
        incident.set_time("started", started)
    incident.notices[-1].update(notice_fields)
    found = fast_findings(incident, incident.notices[-1], tone=ToneChecker(), now=now, audiences=audiences)
    return {f.rule: f.message for f in found if f.rule.startswith("structure.")}


@pytest.mark.parametrize("promise, now, who, change", [
    # the US switches on 8 March 2026, Europe only on 29 March: a promise on 9 March crosses the US change only
    ("2026-03-09T15:00[Europe/Berlin]", utc(2026, 3, 6, 12), "US customers", "EST to EDT"),
    # Europe switches back on 25 October 2026, the US only on 1 November
    ("2026-10-26T10:00[America/New_York]", utc(2026, 10, 23, 12), "EMEA customers", "CEST to CET"),
])
def test_a_promise_across_a_clock_change_is_flagged_for_that_audience_only(promise, now, who, change):
    found = structure({"next_update": promise, "audiences": "EMEA customers, US customers"}, now)
    message = found["structure.promise-crosses-dst"]
    assert who in message and change in message
    other = ({"EMEA customers", "US customers"} - {who}).pop()
    assert other not in message


def test_no_clock_change_finding_when_both_sides_share_the_offset():
    found = structure({"next_update": "2026-03-30T15:00[Europe/Berlin]", "audiences": "EMEA customers, US customers"},
                      utc(2026, 3, 29, 12))
    assert "structure.promise-crosses-dst" not in found


def test_a_promise_in_an_audiences_night_is_flagged():
    # 16:00 in Berlin is 00:00 in Tokyo, 10:00 in New York
    found = structure({"next_update": "2026-11-27T16:00[Europe/Berlin]",
                       "audiences": "EMEA customers, US customers, APAC customers"},
                      utc(2026, 11, 27, 14), audiences=(EMEA, US, APAC))
    message = found["structure.promise-outside-hours"]
    assert "00:00 for APAC customers" in message and "US customers" not in message


def test_a_promise_in_the_evening_is_not_far_outside_hours():
    found = structure({"next_update": "2026-11-27T19:30[Europe/Berlin]", "audiences": "EMEA customers"},
                      utc(2026, 11, 27, 14))
    assert "structure.promise-outside-hours" not in found


def test_an_audience_not_in_the_settings_is_reported():
    found = structure({"audiences": "EMEA customers, Board"}, utc(2026, 11, 27, 14))
    assert "'Board' is not an audience" in found["structure.audience-unknown"]


def test_a_promise_in_the_past_is_an_error():
    found = structure({"next_update": "2026-11-27T10:00[Europe/Berlin]"}, utc(2026, 11, 27, 14))
    assert "structure.next-update-past" in found


@pytest.mark.parametrize("age, gap, hint", [
    (timedelta(minutes=20), timedelta(hours=3), "about every 30 minutes"),
    (timedelta(minutes=20), timedelta(minutes=30), None),
    (timedelta(hours=6), timedelta(minutes=15), "every hour or less often"),
    (timedelta(hours=6), timedelta(hours=2), None),
])
def test_cadence_hint_from_the_incidents_age(age, gap, hint):
    now = utc(2026, 11, 27, 14)
    promise = (now + gap).isoformat(timespec="minutes").replace("+00:00", "Z")
    found = structure({"next_update": promise}, now, started=(now - age).isoformat(timespec="minutes"))
    message = found.get("structure.cadence")
    if hint is None:
        assert message is None
    else:
        assert hint in message and "news" in message  # it asks for news, never for an update without any


def test_a_far_promise_early_on_is_said_in_days_not_hundreds_of_hours():
    now = utc(2026, 11, 27, 14)
    found = structure({"next_update": "2026-12-23T14:40Z"}, now, started="2026-11-27T13:59Z")
    assert found["structure.cadence"].startswith(
        "This incident is a minute old and the next update is 26 days away. Early on, readers expect news")


@pytest.fixture
def japanese():
    from outagewriter.core import i18n

    assert i18n.use_language("ja") == "ja"  # the conftest's autouse fixture turns English back on


def test_promise_findings_follow_the_programs_language_as_every_finding_does(japanese):
    now = utc(2026, 11, 27, 14)
    found = structure({"next_update": "2026-12-23T14:40Z"}, now, started="2026-11-27T13:59Z")
    assert found["structure.cadence"].startswith(
        "インシデントの発生から1分で、次回の通知は26日後です。初期の段階では、読み手はおよそ30分ごとの続報を待っています。")
    assert "structure.cadence" in structure({"next_update": "2026-11-27T14:10Z"}, now, started="2026-11-27T08:00Z")
    assert structure({"next_update": "2026-11-27T14:10Z"}, now, started="2026-11-27T08:00Z")[
        "structure.cadence"].startswith("インシデントの発生から6時間が経ちました。")
    dst = structure({"next_update": "2026-03-09T15:00[Europe/Berlin]", "audiences": "EMEA customers, US customers"},
                    utc(2026, 3, 6, 12))["structure.promise-crosses-dst"]
    assert dst == ("US customers（America/New_York）では、お約束した次回の通知より前の3月8日（日）に時刻が切り替わります"
                   "（ESTからEDTへ）。次回の通知は現地時刻で10:00 EDTになります。意図した時刻かどうか確認してください。")


def test_the_pickers_suggestions_and_the_promise_line_are_japanese(japanese):
    assert picked(utc(2026, 11, 27, 15, 7), (EMEA, US)) == [
        ("30分後", "2026-11-27T16:40+01:00[Europe/Berlin]"),
        ("1時間後", "2026-11-27T17:15+01:00[Europe/Berlin]"),
        ("EMEA customersの業務終了前", "2026-11-27T17:30+01:00[Europe/Berlin]"),
        ("EMEA customersの業務開始直後", "2026-11-30T08:15+01:00[Europe/Berlin]"),
    ]
    promise = parse_zoned("2026-11-27T16:00[Europe/Berlin]")
    assert promise_line(promise, (EMEA, US, APAC)) == (
        "2026年11月27日（金）16:00 CET（15:00 UTC） · US customers：10:00 EST · APAC customers：11月28日（土）00:00 JST")
