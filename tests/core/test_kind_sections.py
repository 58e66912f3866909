"""Each notice kind sends exactly its own fields, under the headings the form shows for them."""
import html as html_lib
import re

import pytest

from outagewriter.core.incident.fields import KIND_LAYOUT, SPECS, fields_of, label_for
from outagewriter.core.incident.model import Incident
from outagewriter.core.incident.records import SentRecord
from outagewriter.core.render.renderer import Renderer

RENDERER = Renderer()
# Fields whose text the email shows under their own heading (the others are sentences or tables).
OWN_SECTION = [name for name in SPECS if SPECS[name].kind == "text" and name not in ("data_loss_details", "summary")]


def notice_of(kind):
    incident = Incident.create("Card payments failing", "Acme Pay")
    if kind != "initial":
        incident.notices[-1].sent = SentRecord(time="2026-11-27T10:00:00Z")
        incident.add_notice(kind)
    notice = incident.notices[-1]
    # Every text field holds its own marker, whether the kind shows it or not.
    notice.update({name: f"marker-{name.replace('_', '-')}" for name in OWN_SECTION + ["data_loss_details"]})
    return incident, notice


def plain(html):
    return html_lib.unescape(re.sub(r"<[^>]+>", " ", html))


def section_text(text, heading):
    """The text between `heading` and the next heading (a line underlined, or the appendix's rule)."""
    after = text.split(f"\n{heading}\n", 1)[1]
    return re.split(r"\n[^\n]+\n(?:-+|=+)\n", after, maxsplit=1)[0]


@pytest.mark.parametrize("kind", list(KIND_LAYOUT))
def test_each_field_of_a_kind_is_under_its_own_heading_in_text(kind):
    incident, notice = notice_of(kind)
    text = RENDERER.render(incident, notice).text
    for name in [n for n, _ in KIND_LAYOUT[kind] if n in OWN_SECTION and n != "appendix"]:
        assert f"marker-{name.replace('_', '-')}" in section_text(text, label_for(kind, name)), name


@pytest.mark.parametrize("kind", list(KIND_LAYOUT))
def test_each_field_of_a_kind_is_under_its_own_heading_in_html(kind):
    incident, notice = notice_of(kind)
    html = RENDERER.render(incident, notice).html
    for name in [n for n, _ in KIND_LAYOUT[kind] if n in OWN_SECTION]:
        heading = re.search(rf"<h2[^>]*>{re.escape(label_for(kind, name))}</h2>", html)
        assert heading, f"{kind}: no heading {label_for(kind, name)!r}"
        following = html[heading.end():]
        next_heading = following.find("<h2")
        body = following if next_heading < 0 else following[:next_heading]
        assert f"marker-{name.replace('_', '-')}" in plain(body), name


@pytest.mark.parametrize("kind", list(KIND_LAYOUT))
def test_a_field_outside_the_kind_is_never_sent(kind):
    incident, notice = notice_of(kind)
    rendered = RENDERER.render(incident, notice)
    everything = " ".join([rendered.subject, rendered.text, plain(rendered.html), rendered.short])
    for name in OWN_SECTION + ["data_loss_details"]:
        marker = f"marker-{name.replace('_', '-')}"
        assert (marker in everything) == (name in fields_of(kind)), f"{kind} {name}"


def test_a_resolution_tells_what_was_done_and_what_remains_after_the_timings():
    incident, notice = notice_of("resolution")
    incident.set_times({"started": "2026-11-27T09:40[Europe/Prague]", "detected": "2026-11-27T09:45[Europe/Prague]",
                        "mitigated": "2026-11-27T10:30[Europe/Prague]", "resolved": "2026-11-27T11:55[Europe/Prague]"})
    text = RENDERER.render(incident, notice).text
    headings = ["Timings", "What we did", "What remains to be done", "What was affected", "Data",
                "If you still see problems", "Questions"]
    positions = [text.index(f"\n{h}\n") for h in headings]
    assert positions == sorted(positions)
    assert "Mitigated: Friday 27 November 2026, 10:30 CET" in text
    assert "Duration: 2 hours 15 minutes" in text


def post_incident(action_details):
    incident, notice = notice_of("post-incident")
    notice.update({
        "events": "09:40 Card payments start failing\n- 10:30 Traffic moved to the standby database",
        "actions": "Alarm on connection pool use | Platform team | 15 December 2026\nRehearse the failover",
        "action_details": action_details,
    })
    return RENDERER.render(incident, notice)


def test_post_incident_events_are_one_per_line():
    rendered = post_incident("hidden")
    assert "- 09:40 Card payments start failing\n- 10:30 Traffic moved to the standby database" in rendered.text
    assert re.search(r"<li[^>]*>09:40 Card payments start failing</li>\s*<li[^>]*>10:30 Traffic moved", rendered.html)


def test_action_owners_and_dates_only_where_the_writer_shows_them():
    hidden, shown = post_incident("hidden"), post_incident("shown")
    assert "- Alarm on connection pool use\n- Rehearse the failover" in hidden.text
    assert "Platform team" not in hidden.text + hidden.html and "15 December" not in hidden.text + hidden.html
    assert "- Alarm on connection pool use (Platform team, by 15 December 2026)\n- Rehearse the failover" in shown.text
    assert re.search(r"<td[^>]*>Alarm on connection pool use</td><td[^>]*>Platform team</td>"
                     r"<td[^>]*>15 December 2026</td>", shown.html)


def test_post_incident_technical_details_come_last():
    rendered = post_incident("hidden")
    assert rendered.text.rindex("Technical details") > rendered.text.index("Questions")
    assert "Root cause and technical details" not in rendered.text


def maintenance(status, **fields):
    incident = Incident.create("Database upgrade", "Portal", kind="maintenance")
    notice = incident.notices[-1]
    notice.update({"window_start": "2026-12-01T22:00[Europe/Berlin]",
                   "window_end": "2026-12-02T00:30[Europe/Berlin]", "status": status, **fields})
    return incident, notice


@pytest.mark.parametrize("status, subject", [
    ("scheduled", "Scheduled maintenance: Database upgrade (Portal)"),
    ("reminder", "Reminder: maintenance starts Tuesday 1 December 2026, 22:00 CET: Database upgrade (Portal)"),
    ("in-progress", "Maintenance in progress: Database upgrade (Portal)"),
    ("extended", "Maintenance extended: Database upgrade (Portal) now until Wednesday 2 December 2026, 00:30 CET"),
    ("completed", "Maintenance completed: Database upgrade (Portal)"),
])
def test_each_maintenance_stage_has_its_subject_short_post_and_badge(status, subject):
    rendered = RENDERER.render(*maintenance(status))
    assert rendered.subject == subject
    assert rendered.short.startswith(subject)
    badge = {"reminder": "Reminder", "in-progress": "In progress", "extended": "Extended"}.get(status, status.title())
    assert re.search(rf"<span style=\"display:inline-block;[^>]*\">{badge}</span>", rendered.html)


def test_the_maintenance_window_with_its_zone_and_duration():
    incident, notice = maintenance("scheduled", unavailable="The portal and its API.",
                                   prepare="Finish open exports before 21:30.")
    text = RENDERER.render(incident, notice).text
    window = section_text(text, "Maintenance window")
    assert "Window starts: Tuesday 1 December 2026, 22:00 CET (21:00 UTC)" in window
    assert "Window ends: Wednesday 2 December 2026, 00:30 CET (Tue 23:30 UTC)" in window
    assert "Duration: 2 hours 30 minutes" in window
    order = [text.index(s) for s in ("Maintenance window", "What will be unavailable", "What to do before")]
    assert order == sorted(order)


def test_an_older_maintenance_file_keeps_its_window_in_the_incident_times():
    incident = Incident.create("Database upgrade", "Portal", kind="maintenance")
    incident.set_times({"started": "2026-12-01T22:00[Europe/Berlin]", "resolved": "2026-12-02T00:30[Europe/Berlin]"})
    window = section_text(RENDERER.render(incident, incident.notices[-1]).text, "Maintenance window")
    assert "Window starts: Tuesday 1 December 2026, 22:00 CET" in window
    assert "Window ends: Wednesday 2 December 2026, 00:30 CET" in window
