"""The status page's JSON in the shape of Statuspage's API v2: checked against its shipped schema and
read back the way a status widget reads it."""
from __future__ import annotations

import json
import pytest
from jsonschema import Draft202012Validator
from published_pages import URL, at, hostile_page, incident, many_updates_page, page, story_page, update

from outagewriter.core.publish.model import OPEN
from outagewriter.core.publish.summary import SCHEMA, SHAPES, summary_files
from outagewriter.core.shipped import schema

FILES = sorted("api/v2/" + path for path in SHAPES)


def shape_validator(path: str) -> Draft202012Validator:
    """The shipped schema, pointed at the shape of one file."""
    root = schema(SCHEMA)
    return Draft202012Validator({**root, "$ref": f"#/$defs/files/{SHAPES[path.removeprefix('api/v2/')]}"},
                                format_checker=Draft202012Validator.FORMAT_CHECKER)


def zulu(moment) -> str:
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def read(page_, path: str = "summary.json") -> dict:
    return json.loads(summary_files(page_)["api/v2/" + path])


@pytest.mark.parametrize("make", [story_page, lambda: story_page(url=""), page, hostile_page,
                                  lambda: many_updates_page(60)],
                         ids=["story", "no address", "empty", "markup", "crowded"])
def test_every_file_is_written_and_matches_the_shipped_schema(make):
    files = summary_files(make())
    assert sorted(files) == FILES
    for path, data in files.items():
        errors = [e.message for e in shape_validator(path).iter_errors(json.loads(data))]
        assert errors == [], path
    Draft202012Validator(schema(SCHEMA)).validate(json.loads(files["api/v2/summary.json"]))


def test_the_summary_lists_components_open_incidents_and_maintenance_not_yet_done():
    summary = read(story_page())
    page_id = summary["page"]["id"]
    assert summary["page"] == {"id": page_id, "name": "Acme Pay status", "url": URL, "time_zone": "Etc/UTC",
                               "updated_at": "2026-12-01T08:58:00Z"}
    assert {c["page_id"] for c in summary["components"]} == {page_id}
    assert summary["status"] == {"indicator": "minor", "description": "Partial outage"}
    assert [(c["name"], c["status"], c["position"]) for c in summary["components"]] == [
        ("Card payments", "operational", 1), ("Dashboard", "under_maintenance", 2),
        ("Login", "partial_outage", 3), ("Database", "operational", 4)]
    assert [(i["id"], i["status"], i["impact"]) for i in summary["incidents"]] == [("login", "identified", "major")]
    assert [(m["id"], m["status"], m["impact"]) for m in summary["scheduled_maintenances"]] == [
        ("reports", "scheduled", "maintenance"), ("upgrade", "in_progress", "maintenance")]
    upgrade = summary["scheduled_maintenances"][1]
    assert (upgrade["scheduled_for"], upgrade["scheduled_until"]) == (zulu(at(5000)), zulu(at(5100)))
    assert upgrade["shortlink"] == f"{URL}incidents/upgrade.html"


def test_statuses_are_mapped_to_statuspage_words():
    story = story_page()
    incidents = {i["id"]: i for i in read(story, "incidents.json")["incidents"]}
    cards = incidents["cards"]
    assert cards["status"] == "postmortem"
    assert [u["status"] for u in cards["incident_updates"]] == ["postmortem", "resolved", "monitoring",
                                                                 "investigating"]
    assert cards["impact"] == "major"
    assert cards["monitoring_at"] == "2026-11-27T09:58:00Z"
    assert cards["resolved_at"] == "2026-12-01T08:58:00Z"
    maintenance = {m["id"]: m for m in read(story, "scheduled-maintenances.json")["scheduled_maintenances"]}
    assert [u["status"] for u in maintenance["upgrade"]["incident_updates"]] == ["in_progress", "in_progress",
                                                                                 "scheduled"]
    assert [u["status"] for u in maintenance["reports"]["incident_updates"]] == ["scheduled", "scheduled"]
    assert maintenance["database"]["status"] == "completed"
    assert [m["id"] for m in read(story, "scheduled-maintenances/active.json")["scheduled_maintenances"]] == [
        "upgrade"]
    assert [m["id"] for m in read(story, "scheduled-maintenances/upcoming.json")["scheduled_maintenances"]] == [
        "reports"]
    assert [i["id"] for i in read(story, "incidents/unresolved.json")["incidents"]] == ["login"]


def test_an_update_names_what_it_reported_on_and_how_it_stood_before():
    cards = next(i for i in read(story_page(), "incidents.json")["incidents"] if i["id"] == "cards")
    post, resolution, update, initial = cards["incident_updates"]
    assert post["affected_components"] is None
    assert [(c["name"], c["old_status"], c["new_status"]) for c in initial["affected_components"]] == [
        ("Card payments", "operational", "major_outage"), ("Dashboard", "operational", "degraded_performance")]
    assert [(c["name"], c["old_status"], c["new_status"]) for c in update["affected_components"]] == [
        ("Card payments", "major_outage", "degraded_performance"), ("Dashboard", "degraded_performance",
                                                                    "operational")]
    components = {c["name"]: c["id"] for c in read(story_page(), "components.json")["components"]}
    assert initial["affected_components"][0]["code"] == components["Card payments"]
    story = story_page()
    sent = next(i for i in story.incidents if i.id == "cards").updates
    assert [u["id"] for u in cards["incident_updates"]] == [u.notice_id for u in sent]
    assert [u["body"] for u in cards["incident_updates"]] == [u.text for u in sent]


def test_incidents_are_newest_first_and_at_most_fifty():
    crowded = many_updates_page(60)
    incidents = read(crowded, "incidents.json")["incidents"]
    assert [i["id"] for i in incidents] == [i.id for i in crowded.incidents[:50]]
    assert incidents[0]["updated_at"] > incidents[-1]["updated_at"]


def test_ids_stay_the_same_from_one_publish_to_the_next_and_bytes_too():
    first, again = summary_files(story_page()), summary_files(story_page())
    assert first == again
    moved = read(story_page(url="https://status.elsewhere.example/"), "components.json")
    assert [c["id"] for c in moved["components"]] == [c["id"] for c in read(story_page(), "components.json")[
        "components"]]


def test_the_files_are_indented_utf8_with_keys_in_statuspage_order():
    data = summary_files(hostile_page())["api/v2/summary.json"]
    assert data.endswith(b"}\n")
    assert "Zürich".encode() in data  # not \u00fc
    assert data.startswith(b'{\n  "page": {\n    "id": ')
    summary = json.loads(data)
    assert list(summary) == ["page", "components", "incidents", "scheduled_maintenances", "status"]
    assert list(summary["incidents"][0])[:4] == ["id", "name", "status", "created_at"]


def test_markup_stays_text():
    bad = hostile_page()
    summary = read(bad)
    assert summary["page"]["name"] == bad.title
    assert summary["incidents"][0]["name"] == bad.incidents[0].title
    assert summary["incidents"][0]["incident_updates"][0]["body"] == bad.incidents[0].updates[0].text
    assert summary["incidents"][0]["components"][0]["name"] == "API <b>"


def test_an_empty_page_has_no_time_of_its_own():
    summary = read(page(components=()))
    assert summary["page"]["updated_at"] is None
    assert summary["incidents"] == [] and summary["scheduled_maintenances"] == []
    assert summary["status"] == {"indicator": "none", "description": "All systems operational"}


def test_the_schema_refuses_what_statuspage_clients_would_misread():
    summary = read(story_page())
    summary["components"][0]["status"] = "major-outage"  # our spelling, not theirs
    summary["incidents"][0]["status"] = "resolved"  # a resolved incident among the unresolved
    summary["scheduled_maintenances"][0]["incident_updates"][0]["status"] = "monitoring"
    summary["page"]["updated_at"] = "2026-12-01 08:58"
    errors = list(shape_validator("api/v2/summary.json").iter_errors(summary))
    assert len(errors) == 4


def test_an_open_incident_whose_update_says_resolved_stays_among_the_unresolved_as_monitoring():
    said_resolved = incident("quiet", "incident", OPEN, [update("quiet", 1, "initial", "investigating", 0),
                                                         update("quiet", 2, "update", "resolved", 30)])
    unresolved = read(page(said_resolved), "incidents/unresolved.json")
    assert [(i["id"], i["status"], i["resolved_at"]) for i in unresolved["incidents"]] == [
        ("quiet", "monitoring", None)]
    assert [u["status"] for u in unresolved["incidents"][0]["incident_updates"]] == ["resolved", "investigating"]
    assert list(shape_validator("api/v2/incidents/unresolved.json").iter_errors(unresolved)) == []
