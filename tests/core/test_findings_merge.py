"""Overlapping findings become one (the strongest speaks); dismissed ones are set apart and restorable."""
from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timezone

from outagewriter.core.checks import check_notice, merge_overlapping, present
from outagewriter.core.checks.findings import Finding, follow_edit
from outagewriter.core.incident.records import SentRecord
from outagewriter.core.session.changes import NOTHING
from outagewriter.core.session.services import Services
from outagewriter.core.session.session import Session
from outagewriter.core.settings import Settings

NOW = datetime(2026, 11, 27, 9, 0, tzinfo=timezone.utc)
# A real sentence from the tone corpus. The shipped blame rule flags the clause, and LanguageTool
# (6.x, en-US) flags both names in it as misspellings: three findings on the same words.
CONTABO = "Contabo's Duesseldorf data center is down and our server is there."


def spelling(text: str, word: str, field: str = "impact") -> Finding:
    start = text.index(word)
    return Finding("languagetool/MORFOLOGIK_RULE_EN_US", "spelling", "warning", field, start,
                   start + len(word), word, "Possible spelling mistake found.", ("Contact",))


class RecordedLanguageTool:
    """What a real LanguageTool server answered for CONTABO."""

    def check_fields(self, fields, language=None):
        text = fields.get("impact", "")
        return [spelling(text, w) for w in ("Contabo", "Duesseldorf") if w in text]


def _f(rule, category, severity, start, end, field="summary", text="x" * 80):
    return Finding(rule, category, severity, field, start, end, text[start:end], f"{rule} says so.")


def test_overlapping_findings_become_one_with_the_others_inside():
    blame = _f("blame.x", "blame", "warning", 0, 40)
    spell = _f("spell", "spelling", "warning", 0, 7)
    grammar = _f("gram", "grammar", "suggestion", 30, 45)
    elsewhere = _f("jargon.x", "jargon", "suggestion", 60, 70)
    [merged, other] = merge_overlapping([spell, blame, grammar, elsewhere])
    assert merged.rule == "blame.x" and other == elsewhere
    assert {f.rule for f in merged.also} == {"spell", "gram"}
    assert merged.keys == (merged.key, *(f.key for f in merged.also))


def test_severity_decides_first_then_tone_over_grammar():
    error = _f("gram.bad", "grammar", "error", 5, 8)
    tone = _f("blame.x", "blame", "warning", 0, 40)
    [merged] = merge_overlapping([tone, error])
    assert merged.rule == "gram.bad" and [f.rule for f in merged.also] == ["blame.x"]
    spell = _f("spell", "spelling", "warning", 0, 40)  # as wide as the tone finding: tone still speaks
    [merged] = merge_overlapping([spell, tone])
    assert merged.rule == "blame.x"


def test_structure_findings_are_never_merged():
    whole = _f("structure.summary-too-long", "structure", "warning", 0, 80)
    tone = _f("guilt.x", "guilt", "warning", 10, 20)
    assert merge_overlapping([whole, tone]) == [whole, tone]


def test_no_two_findings_left_overlap_and_merging_twice_changes_nothing():
    findings = [_f(f"r{i}", "grammar", "warning", i * 3, i * 3 + 5) for i in range(10)]
    merged = merge_overlapping(findings)
    for a in merged:
        for b in merged:
            assert a is b or a.end <= b.start or b.end <= a.start
    assert sum(1 + len(f.also) for f in merged) == 10
    assert merge_overlapping(merged) == merged


def test_present_sets_dismissed_apart_and_drops_rules_turned_off():
    tone = _f("blame.x", "blame", "warning", 0, 40)
    spell = _f("spell", "spelling", "warning", 0, 7)
    off = _f("jargon.off", "jargon", "suggestion", 60, 70)
    shown, ignored = present([tone, spell, off], dismissed=[tone.key], disabled=["jargon.off"])
    assert shown == [spell] and ignored == [tone]


def test_the_window_and_check_see_one_finding_for_the_contabo_sentence(incident):
    notice = incident.notices[-1]
    notice.set("impact", CONTABO)
    findings = [f for f in check_notice(incident, notice, now=NOW, grammar=RecordedLanguageTool())
                if f.field == "impact"]
    assert len(findings) == 1
    [finding] = findings
    assert finding.category == "blame" and finding.match.startswith("Contabo's Duesseldorf")
    assert sorted(f.match for f in finding.also) == ["Contabo", "Duesseldorf"]
    assert finding.to_dict()["also"][0]["category"] == "spelling"


def test_restore_brings_dismissed_findings_back(tmp_path, incident):
    services = Services.load(config_dir=tmp_path / "config", settings=Settings(user_name="Jana Novák"))
    session = Session(services, incident)
    notice = incident.notices[-1]
    notice.set("impact", CONTABO)
    [finding] = [f for f in services.check(incident, notice) if f.field == "impact"]
    changes = session.dismiss(notice, *finding.keys)
    assert changes.content and changes.file and session.modified
    assert not [f for f in services.check(incident, notice) if f.field == "impact"]
    session.modified = False
    changes = session.restore(notice, *finding.keys)
    assert changes.content and session.modified and notice.dismissed == []
    assert [f.rule for f in services.check(incident, notice) if f.field == "impact"] == [finding.rule]
    assert session.restore(notice, finding.key) == NOTHING  # nothing to restore


def test_a_sent_notice_keeps_its_dismissals(tmp_path, incident):
    services = Services.load(config_dir=tmp_path / "config", settings=Settings(user_name="Jana Novák"))
    session = Session(services, incident)
    notice = incident.notices[-1]
    notice.dismissed.append("blame.x|impact|y")
    notice.sent = SentRecord(time="2026-11-27T09:00:00Z")
    assert session.restore(notice, "blame.x|impact|y") == NOTHING
    assert session.dismiss(notice, "other|impact|z") == NOTHING
    assert notice.dismissed == ["blame.x|impact|y"]


def test_findings_follow_an_edit_elsewhere_in_the_field():
    before = "Payments fail for teh customers and teh merchants."
    after = "Payments fail for all the customers and teh merchants."
    first = spelling(before, "teh", "summary")
    second = replace(first, start=before.rindex("teh"), end=before.rindex("teh") + 3)
    [moved] = follow_edit([first, second], before, after)  # the edited words' finding is gone
    assert after[moved.start:moved.end] == "teh" and moved.start == after.rindex("teh")
    assert follow_edit([first], before, before) == [first]
