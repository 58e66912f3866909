"""Stored times (UTC ISO) as people read them: their own zone, a weekday, no ISO letters."""
from __future__ import annotations

from datetime import datetime, timezone
from zoneinfo import ZoneInfo

import pytest

from outagewriter.core.incident.times import format_stored

NOW = datetime(2026, 11, 30, 12, 0, tzinfo=timezone.utc)


@pytest.mark.parametrize("stored, zone, shown", [
    ("2026-11-30T10:00:00+00:00", "Europe/Prague", "Mon 30 Nov, 11:00 CET"),
    ("2026-11-30T10:00:00Z", "Europe/Prague", "Mon 30 Nov, 11:00 CET"),
    ("2026-07-01T10:00:00Z", "Europe/Prague", "Wed 1 Jul, 12:00 CEST"),
    ("2026-11-30T10:00:00Z", "Asia/Kolkata", "Mon 30 Nov, 15:30 IST"),
    ("2026-11-30T23:30:00Z", "America/New_York", "Mon 30 Nov, 18:30 EST"),
    ("2026-11-30T10:00:00Z", "Asia/Kathmandu", "Mon 30 Nov, 15:45 UTC+05:45"),  # zoneinfo says "+0545"
    ("2025-11-30T10:00:00Z", "UTC", "Sun 30 Nov 2025, 10:00 UTC"),  # another year: said
])
def test_a_stored_time_is_shown_in_the_reader_s_zone(stored, zone, shown):
    assert format_stored(stored, ZoneInfo(zone), now=NOW) == shown


def test_an_aware_datetime_and_text_that_is_no_time():
    assert format_stored(NOW, ZoneInfo("Europe/Prague"), now=NOW) == "Mon 30 Nov, 13:00 CET"
    assert format_stored("(unknown)") == "(unknown)"  # shown as it is rather than hidden


def test_without_a_zone_the_computer_s_own_is_used(in_prague):
    assert format_stored("2026-11-30T10:00:00Z", now=NOW) == "Mon 30 Nov, 11:00 CET"
