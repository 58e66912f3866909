"""Starting texts: the shipped library, the user's own files, applying one to a notice, and the
placeholder finding that keeps a starting text's gaps from going out unnoticed."""
from __future__ import annotations

import json
from datetime import datetime, timezone

import pytest

from outagewriter.core.checks import check_structure
from outagewriter.core.checks.findings import TONE_CATEGORIES
from outagewriter.core.checks.rules import FREE_TEXT_FIELD
from outagewriter.core.incident.fields import fields_of
from outagewriter.core.incident.model import Incident
from outagewriter.core.session.services import Services
from outagewriter.core.session.session import Session
from outagewriter.core.session.starters import StarterError, load_library

NOW = datetime(2026, 11, 27, 9, 0, tzinfo=timezone.utc)
SHIPPED = {
    "investigating", "identified", "monitoring", "resolved",
    "degraded-performance", "partial-outage", "full-outage", "data-loss",
    "maintenance-announcement", "maintenance-reminder", "maintenance-start", "maintenance-extension",
    "maintenance-completion",
}
NEVER_FILLED = {"to", "cc", "bcc", "audiences", "components", "impact_level", "title", "service", "subject",
                "contact_name", "contact_email", "contact_phone", "next_update"}


@pytest.fixture
def services(tmp_path):
    return Services.load(config_dir=tmp_path / "config")


def _user_file(services, name: str, data) -> None:
    folder = services.config_dir / "starters"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_text(data if isinstance(data, str) else json.dumps(data), encoding="utf-8")


def _notice_of(kind: str, language: str = "en") -> tuple[Incident, object]:
    """A fresh notice of `kind`, reached the way a writer reaches it; the incident's times are known
    (a resolution asks for them, and no starting text holds them)."""
    incident = Incident.create("Logins failing", "Portal", kind="maintenance" if kind == "maintenance" else "incident",
                               language=language)
    incident.set_times({"started": "2026-11-27T07:40Z", "resolved": "2026-11-27T08:30Z"})
    if kind not in ("initial", "maintenance"):
        incident.notices[-1].sent = object()  # the first notice went out; the next one starts from it
        incident.add_notice(kind)
    return incident, incident.notices[-1]


@pytest.mark.parametrize("language", ["en", "ja"])
def test_the_shipped_library_loads_and_covers_every_status_failure_and_maintenance_stage(language):
    library = load_library(language)
    assert {s.name for s in library.starters} == SHIPPED
    assert library.problems == ()
    for starter in library.starters:
        assert starter.summary and starter.origin == "shipped"
        assert not set(starter.fields) & NEVER_FILLED
    for kind in ("initial", "update", "resolution", "maintenance"):
        assert library.for_kind(kind), kind
    assert [s.fields["status"] for s in library.for_kind("maintenance")] == [
        "scheduled", "reminder", "in-progress", "extended", "completed"]


@pytest.mark.parametrize("language", ["en", "ja"])
@pytest.mark.parametrize("name", sorted(SHIPPED))
def test_every_shipped_starter_is_tone_clean_and_leaves_only_placeholders_to_fix(services, name, language):
    starter = services.starters(language).get(name)
    tone = services.tone(language)
    for field_name, text in starter.fields.items():  # every text by every rule, whatever its field
        assert tone.check_fields({FREE_TEXT_FIELD: text}) == [], (field_name, text)
    for kind in starter.kinds:
        incident, notice = _notice_of(kind, language)
        Session(services, incident).apply_starter(notice, name)
        findings = services.check(incident, notice, now=NOW)
        assert [f for f in findings if f.category in TONE_CATEGORIES] == []
        about_its_fields = {f.rule for f in findings if f.field in starter.fields}
        assert about_its_fields <= {"structure.placeholder-left"}, (kind, about_its_fields)
        assert "structure.placeholder-left" in about_its_fields


@pytest.mark.parametrize("language, text", [
    ("en", "We are so sorry. Our vendor's mistake broke it."),
    ("ja", "担当者の操作ミスにより停止しました。弁解の余地もございません。"),
])
def test_the_tone_check_used_on_starters_does_flag_blame_and_guilt(services, language, text):
    """The test above could not fail if the checker found nothing: it finds this."""
    found = services.tone(language).check_fields({FREE_TEXT_FIELD: text})
    assert {f.category for f in found} >= {"blame", "guilt"}


def test_user_files_are_listed_after_the_shipped_ones(services):
    _user_file(services, "ours.json", {"starters": [
        {"name": "payments-down", "title": "Payments down", "group": "Acme", "kinds": ["initial"],
         "fields": {"summary": "Card payments in [service] fail since [time].", "data_loss": "none"}}]})
    library = services.starters()
    assert [s.name for s in library.starters][-1] == "payments-down"
    assert library.starters[-1].origin == "ours.json"
    assert library.for_kind("initial")[-1].name == "payments-down"
    assert library.problems == ()


@pytest.mark.parametrize(("content", "said"), [
    ("{not json", "not valid JSON (line 1"),
    ({"starters": [{"name": "x", "title": "X", "kinds": ["initial"], "fields": {"to": "all@acme.example"}}]},
     "a field a starting text may fill"),
    ({"starters": [{"name": "x", "title": "X", "kinds": ["update"], "fields": {"status": "completed"}}]},
     "status 'completed' does not fit a update notice"),
    ({"starters": [{"name": "x", "title": "X", "kinds": ["initial"], "fields": {"done": "Restarted it."}}]},
     "a initial notice has no done field"),
    ({"starters": [{"name": "full-outage", "title": "X", "kinds": ["initial"], "fields": {"summary": "S."}}]},
     "'full-outage' is already used"),
    ({"starters": [{"name": "x", "title": "X", "kinds": ["initial"], "fields": {"data_loss": "maybe"}}]},
     "'maybe' is not one of"),
])
def test_a_bad_user_file_is_one_line_and_everything_else_still_loads(services, content, said):
    _user_file(services, "bad.json", content)
    _user_file(services, "good.json", {"starters": [
        {"name": "ours", "title": "Ours", "kinds": ["initial"], "fields": {"summary": "Ours."}}]})
    library = services.starters()
    [problem] = library.problems
    assert problem.startswith("starting texts bad.json: ") and problem.endswith("the file was ignored")
    assert said in problem and "\n" not in problem
    assert {s.name for s in library.starters} == SHIPPED | {"ours"}


def test_applying_fills_empty_fields_and_names_typed_ones_before_replacing_them(services):
    incident, notice = _notice_of("initial")
    notice.update({"impact": "Nobody can sign in.", "to": "customers@acme.example",
                   "bcc": "audit@acme.example", "components": "Login = major outage"})
    session = Session(services, incident)

    _changes, plan = session.apply_starter(notice, "full-outage")
    starter = plan.starter
    assert notice.fields["impact"] == "Nobody can sign in."  # typed text kept
    assert plan.replace == {"impact": starter.fields["impact"]}
    assert plan.replaced_labels("initial") == ["What does not work now"]
    for name in ("summary", "later_impact", "workaround"):
        assert notice.fields[name] == starter.fields[name]
    assert (notice.fields["to"], notice.fields["bcc"], notice.fields["components"]) == (
        "customers@acme.example", "audit@acme.example", "Login = major-outage")

    session.apply_starter(notice, "full-outage", overwrite=True)
    assert notice.fields["impact"] == starter.fields["impact"]
    assert notice.fields["to"] == "customers@acme.example"


def test_a_status_starter_sets_the_status_and_fits_only_its_kinds(services):
    incident, notice = _notice_of("update")
    session = Session(services, incident)
    session.apply_starter(notice, "monitoring")
    assert notice.fields["status"] == "monitoring"
    with pytest.raises(StarterError, match="'resolved' is for resolution notices, not update"):
        session.apply_starter(notice, "resolved")
    with pytest.raises(StarterError, match="there is no starting text 'nope'"):
        session.apply_starter(notice, "nope")


def test_a_placeholder_left_in_a_field_is_a_structure_finding_on_its_words():
    incident, notice = _notice_of("initial")
    notice.update({"summary": "Since [time], logins fail.", "workaround": "Use [What users can do]."})
    found = [f for f in check_structure(incident, notice, now=NOW) if f.rule == "structure.placeholder-left"]
    assert [(f.field, f.start, f.end, f.match, f.severity) for f in found] == [
        ("summary", 6, 12, "[time]", "error"), ("workaround", 4, 23, "[What users can do]", "error")]
    assert "[time] is a placeholder" in found[0].message


def test_brackets_that_are_not_placeholders_are_not_reported():
    incident, notice = _notice_of("initial")
    notice.update({"summary": "[TEST] Logins fail since 09:40 [CET] in [x].", "title": "Logins [EU]",
                   "next_update": "2026-11-27T11:00[Europe/Prague]"})
    assert [f for f in check_structure(incident, notice, now=NOW) if f.rule == "structure.placeholder-left"] == []


def test_a_placeholder_in_a_field_the_kind_does_not_send_is_not_reported():
    incident, notice = _notice_of("initial")
    notice.update({"root_cause": "[cause in plain words]"})  # kept in the file, not in an initial notice
    assert "root_cause" not in fields_of("initial")
    assert [f for f in check_structure(incident, notice, now=NOW) if f.rule == "structure.placeholder-left"] == []


def test_the_japanese_starters_mirror_the_english_ones_field_for_field():
    english = {s.name: s for s in load_library("en").starters}
    for starter in load_library("ja").starters:
        same = english[starter.name]
        assert (starter.kinds, list(starter.fields)) == (same.kinds, list(same.fields)), starter.name
        for name in ("status", "data_loss"):  # choices, not words: the same in every language
            assert starter.fields.get(name) == same.fields.get(name), starter.name
        assert "申し訳" not in "".join(starter.fields.values())  # the template apologises once already


def test_a_japanese_placeholder_left_in_a_field_is_a_structure_finding_on_its_words():
    incident, notice = _notice_of("initial", "ja")
    notice.update({"summary": "［時刻］頃より、ログインできません。", "workaround": "[回避方法]をご利用ください。"})
    found = [f for f in check_structure(incident, notice, now=NOW) if f.rule == "structure.placeholder-left"]
    assert [(f.field, f.start, f.end, f.match) for f in found] == [
        ("summary", 0, 4, "［時刻］"), ("workaround", 0, 6, "[回避方法]")]


def test_japanese_brackets_that_are_not_placeholders_are_not_reported():
    incident, notice = _notice_of("initial", "ja")
    notice.update({"summary": "【重要】09:40［JST］よりログインできません。", "title": "ログイン障害［EU］",
                   "next_update": "2026-11-27T11:00[Asia/Tokyo]"})
    assert [f for f in check_structure(incident, notice, now=NOW) if f.rule == "structure.placeholder-left"] == []
