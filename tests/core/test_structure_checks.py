"""Structure checks and check_notice: what every notice must hold; dismissal and disabled rules."""
from __future__ import annotations

from datetime import datetime, timezone

import pytest

from outagewriter.core.checks import (
    ToneChecker,
    check_next_update,
    check_notice,
    check_structure,
    load_rules,
)
from outagewriter.core.incident.records import SentRecord

NOW = datetime(2026, 11, 27, 9, 0, tzinfo=timezone.utc)


def _rules(findings):
    return sorted(f.rule for f in findings)


def test_a_good_notice_has_no_findings(incident):
    assert check_notice(incident, incident.notices[-1], now=NOW) == []


def test_empty_notice_lists_what_is_missing():
    from outagewriter.core.incident.model import Incident

    incident = Incident.create("Logins failing", "Portal")
    rules = _rules(check_structure(incident, incident.notices[-1], now=NOW))
    assert rules == ["structure.contact-missing", "structure.data-loss-unanswered", "structure.impact-missing",
                     "structure.next-update-missing", "structure.summary-missing"]
    assert all(f.severity == "error" for f in check_structure(incident, incident.notices[-1], now=NOW))


def test_long_summary(incident):
    notice = incident.notices[-1]
    notice.set("summary", "word " * 81)
    [finding] = check_structure(incident, notice, now=NOW)
    assert (finding.rule, finding.field, finding.start, finding.end) == ("structure.summary-too-long", "summary", 0, len(notice.fields["summary"]))
    assert "81 words" in finding.message


def test_contact_needs_name_and_a_way_to_reach(incident):
    notice = incident.notices[-1]
    notice.update({"contact_email": "", "contact_phone": ""})
    assert _rules(check_structure(incident, notice, now=NOW)) == ["structure.contact-missing"]
    notice.update({"contact_phone": "+420 555 010 203", "contact_name": ""})
    [finding] = check_structure(incident, notice, now=NOW)
    assert finding.field == "contact_name"


@pytest.mark.parametrize(("value", "rule"), [
    ("", "structure.next-update-missing"),
    ("2026-11-27T08:00Z", "structure.next-update-past"),
    ("2026-11-27T15:00", "structure.next-update-no-zone"),
    ("tomorrow-ish", "structure.next-update-unreadable"),
])
def test_next_update_problems(value, rule):
    assert _rules(check_next_update(value, now=NOW)) == [rule]


@pytest.mark.parametrize("value", ["on-change", "on change",
                                   "2026-11-27T15:00[Europe/Berlin]", "2026-11-27T15:00+01:00"])
def test_next_update_fine(value):
    assert check_next_update(value, now=NOW) == []


def test_raw_form_text_without_zone_is_reported(incident):
    findings = check_structure(incident, incident.notices[-1], now=NOW, fields={"next_update": "2026-11-27T15:00"})
    assert _rules(findings) == ["structure.next-update-no-zone"]


def test_resolution_needs_timings_and_data_statement(incident):
    incident.notices[-1].sent = SentRecord(time="2026-11-27T09:00Z")
    notice = incident.add_notice("resolution")
    notice.update({"data_loss": "possible", "data_loss_details": "",  # the resolution's own words:
                   "summary": "Card payments work again since 11:20 CET.", "impact": "Card payments failed.",
                   "workaround": "Retry a payment that failed."})
    rules = _rules(check_structure(incident, notice, now=NOW))
    assert rules == ["structure.resolution-data-loss", "structure.resolution-timings"]
    incident.set_time("started", "2026-11-27T09:40[Europe/Prague]")
    incident.set_time("resolved", "2026-11-27T11:20[Europe/Prague]")
    notice.set("data_loss_details", "Twelve payments may need to be retried; we will email the owners.")
    assert check_structure(incident, notice, now=NOW) == []


def test_subject_override_must_keep_the_title(incident):
    notice = incident.notices[-1]
    notice.set("subject", "Payments problem")
    [finding] = check_structure(incident, notice, now=NOW)
    assert (finding.rule, finding.field) == ("structure.subject-without-title", "subject")
    notice.set("subject", "Update: card payments failing")
    assert check_structure(incident, notice, now=NOW) == []


def test_check_notice_combines_structure_and_tone_and_drops_dismissed(incident):
    notice = incident.notices[-1]
    notice.update({"impact": "Card payments fail. It was our vendor's fault.", "next_update": ""})
    findings = check_notice(incident, notice, now=NOW)
    assert _rules(findings) == ["blame.third-party", "structure.next-update-missing"]
    blame = next(f for f in findings if f.category == "blame")
    notice.dismissed.append(blame.key)
    assert _rules(check_notice(incident, notice, now=NOW)) == ["structure.next-update-missing"]
    # The dismissal survives edits elsewhere in the field.
    notice.set("impact", "Refunds are queued. Card payments fail. It was our vendor's fault.")
    assert _rules(check_notice(incident, notice, now=NOW)) == ["structure.next-update-missing"]


def test_check_notice_drops_disabled_rules(incident, tmp_path):
    notice = incident.notices[-1]
    notice.update({"summary": notice.fields["summary"] + " We are truly sorry.", "next_update": ""})
    (tmp_path / "off.json").write_text('{"disabled": ["structure.next-update-missing"]}', encoding="utf-8")
    tone = ToneChecker(load_rules("en", tmp_path))
    assert _rules(check_notice(incident, notice, now=NOW, tone=tone)) == ["guilt.intensified-apology"]
    assert check_notice(incident, notice, now=NOW, tone=tone, disabled=["guilt.intensified-apology"]) == []


def test_check_notice_runs_a_given_grammar_checker(incident):
    from outagewriter.core.checks.findings import Finding

    class OneFinding:  # a stand-in for GrammarChecker inside this unit test
        def check_fields(self, fields, language=None):
            assert language == "en"
            assert "summary" in fields and "to" not in fields
            return [Finding("grammar.X", "grammar", "suggestion", "summary", 0, 4, "Card", "m")]

    assert _rules(check_notice(incident, incident.notices[-1], now=NOW, grammar=OneFinding())) == ["grammar.X"]


def test_maintenance_must_answer_data_loss_too():
    from outagewriter.core.incident.model import Incident

    incident = Incident.create("Database upgrade", "Portal", kind="maintenance")
    rules = _rules(check_structure(incident, incident.notices[-1], now=NOW))
    assert "structure.data-loss-unanswered" in rules


def test_a_resolution_promise_in_the_past_is_reported(incident):
    incident.notices[-1].sent = SentRecord(time="2026-11-27T09:00Z")
    notice = incident.add_notice("resolution")
    assert "structure.next-update-missing" not in _rules(check_structure(incident, notice, now=NOW))  # optional
    notice.set("next_update", "2026-11-27T08:00Z")  # a post-incident report promised for the past
    assert "structure.next-update-past" in _rules(check_structure(incident, notice, now=NOW))


def test_words_are_counted_as_a_reader_counts_them():
    from outagewriter.core.checks.structure import word_count

    # Times and hyphenated words are one word each, dashes none: the form and the finding agree.
    assert word_count("Since 09:42 UK time — about one in three e-mail payments fail until 16:30.") == 13


# ---- carried text and the maintenance window ------------------------------------------------

def _sent_then(incident, kind):
    incident.notices[-1].sent = SentRecord(time="2026-11-27T09:00Z")
    return incident.add_notice(kind)


def test_an_update_whose_summary_is_unchanged_says_nothing_new(incident):
    notice = _sent_then(incident, "update")
    notice.set("next_update", "2026-11-27T12:00[Europe/Prague]")
    findings = check_structure(incident, notice, now=NOW)
    assert _rules(findings) == ["structure.summary-unchanged"]
    assert "nothing new" in findings[0].message and "notice 1" in findings[0].message
    notice.set("summary", notice.fields["summary"] + " Refunds are on their way.")
    assert check_structure(incident, notice, now=NOW) == []


def test_text_carried_under_a_heading_that_changed_meaning_is_flagged(incident):
    notice = _sent_then(incident, "resolution")
    notice.set("summary", "Card payments work again since 11:20 CET.")
    findings = {f.field: f for f in check_structure(incident, notice, now=NOW) if f.rule.endswith("heading-changed")}
    assert set(findings) == {"impact", "workaround"}
    assert findings["impact"].message.startswith(
        "This text was sent under “What does not work now” in notice 1; here it stands under “What was affected”.")
    # Text from "What to expect later", pasted under what remains to be done, is flagged too.
    notice.update({"impact": "Card payments failed.", "workaround": "",
                   "remaining": "Some background.\n\nSettlement reports for today will arrive a few hours late."})
    [finding] = [f for f in check_structure(incident, notice, now=NOW) if f.rule.endswith("heading-changed")]
    assert finding.field == "remaining" and "“What to expect later”" in finding.message
    assert finding.match == "Settlement reports for today will arrive a few hours late."


def test_text_under_the_same_heading_is_not_flagged(incident):
    notice = _sent_then(incident, "update")
    notice.update({"summary": "Still failing; a fix is being deployed.", "next_update": "on-change"})
    assert check_structure(incident, notice, now=NOW) == []


def _maintenance(status, start, end):
    from outagewriter.core.incident.model import Incident

    incident = Incident.create("Database upgrade", "Portal", kind="maintenance")
    notice = incident.notices[-1]
    notice.update({"summary": "The portal is down for an upgrade.", "data_loss": "none", "next_update": "on-change",
                   "contact_name": "Jana", "contact_email": "jana@acme.example",
                   "window_start": start, "window_end": end, "status": status})
    return incident, notice


def test_a_window_that_ends_before_it_starts():
    incident, notice = _maintenance("scheduled", "2026-12-01T22:00[Europe/Berlin]", "2026-12-01T21:00[Europe/Berlin]")
    assert _rules(check_structure(incident, notice, now=NOW)) == ["structure.window-end-before-start"]


def test_a_scheduled_window_in_the_past():
    incident, notice = _maintenance("scheduled", "2026-11-27T08:00[Europe/Berlin]", "2026-11-27T12:00[Europe/Berlin]")
    assert _rules(check_structure(incident, notice, now=NOW)) == ["structure.window-in-past"]
    notice.set("status", "in-progress")  # a started maintenance began in the past, rightly
    assert check_structure(incident, notice, now=NOW) == []


def test_an_extension_needs_a_new_end():
    incident, notice = _maintenance("in-progress", "2026-11-27T08:00[Europe/Berlin]", "2026-11-27T12:00[Europe/Berlin]")
    notice.sent = SentRecord(time="2026-11-27T09:00Z")
    extension = incident.add_notice("maintenance")
    extension.update({"status": "extended", "summary": "The upgrade takes longer than planned.",
                      "next_update": "on-change"})
    assert _rules(check_structure(incident, extension, now=NOW)) == ["structure.extended-without-new-end"]
    extension.set("window_end", "2026-11-27T13:00[Europe/Berlin]")
    assert check_structure(incident, extension, now=NOW) == []
