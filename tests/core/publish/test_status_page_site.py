"""The status page as a reader gets it: `outagewriter publish` on real incident files, the HTML parsed."""
from __future__ import annotations

import re

from publish_helpers import MAINTENANCE, STORY, Page, copy_example, edit_file, open_incident, tree

STORY_ID, MAINTENANCE_ID = "cff2596022294359ade90824f26b5978", "c4040126954f466ea7f367f09835bd51"


def test_publishes_every_page_of_the_examples(publish, incidents, tmp_path):
    code, out, err = publish(tmp_path / "site", incidents)
    assert (code, err) == (0, "")
    assert out.startswith(f"Status page published to {tmp_path / 'site'} (2 incidents, 9 notices, newest 2026-12-05 23:26 UTC)")
    files = tree(tmp_path / "site")
    assert {".outagewriter-status-page", "index.html", "style.css", "history/index.html", "history/2026-11.html",
            "history/2026-12.html", f"incidents/{STORY_ID}.html", f"incidents/{MAINTENANCE_ID}.html"} <= set(files)


def test_every_page_has_landmarks_one_h1_ordered_headings_and_relative_links(publish, incidents, tmp_path):
    incidents_open = open_incident(incidents)
    assert publish(tmp_path / "site", incidents)[0] == 0
    site = tmp_path / "site"
    for name, data in tree(site).items():
        if not name.endswith(".html"):
            continue
        page = Page(data.decode("utf-8"))
        assert page.all("html")[0]["lang"] == "en", name
        assert [len(page.all(t)) for t in ("header", "nav", "main", "footer")] == [1, 1, 1, 1], name
        assert page.all("a")[0] == {"class": "skip-link", "href": "#main"} and page.all("main", id="main"), name
        levels = page.headings()
        assert levels.count(1) == 1 and levels[0] == 1, name
        assert all(b - a <= 1 for a, b in zip(levels, levels[1:])), (name, levels)
        assert "style=" not in data.decode() and "<script" not in data.decode(), name
        for link in page.all("a") + page.all("link"):
            href = link["href"]
            assert not re.match(r"[a-z]+:|/", href), (name, href)  # relative: file:// and any host
            target = (site / name).parent / href.split("#")[0]
            if href.startswith("#") or href.endswith(("feed.atom", "feed.rss", "summary.json")):
                continue  # the feeds and the JSON summary are written beside the pages by their own part
            assert target.is_file(), (name, href)
        assert {(a["type"], a["href"].split("/")[-1]) for a in page.all("link", rel="alternate")} == {
            ("application/atom+xml", "feed.atom"), ("application/rss+xml", "feed.rss"),
            ("application/json", "summary.json")}, name
        for time in page.all("time"):
            assert re.fullmatch(r"\d{4}-\d\d-\d\d(T\d\d:\d\d:\d\dZ)?", time["datetime"]), name
    assert incidents_open.exists()


def test_front_page_shows_the_open_incident_newest_update_first(publish, incidents, tmp_path):
    open_incident(incidents)
    assert publish(tmp_path / "site", incidents)[0] == 0
    page = Page((tmp_path / "site" / "index.html").read_text(encoding="utf-8"))
    text = page.text
    assert text.startswith("Acme status Skip to content Acme status Current status History Partial service outage "
                           "Last update 5 Dec 2026, 23:26 UTC")
    assert re.search(r"Card payments\s+Degraded performance\s+Dashboard\s+Operational\s+Payouts\s+Operational"
                     r"\s+API\s+Operational", text)
    open_part = text.split("Open incidents", 1)[1].split("Past incidents", 1)[0]
    assert open_part.index("Monitoring Update 27 Nov 2026, 09:58 UTC") \
        < open_part.index("Investigating Incident notice 27 Nov 2026, 08:58 UTC")
    assert "At 10:50 CET we rolled back the gateway configuration" in open_part
    past = text.split("Past incidents", 1)[1]
    assert past.index("Payments database upgrade") < past.index("Card payments failing in Europe")
    assert "Saturday 5 December 2026" in past and "Monday 30 November 2026" in past


def test_an_active_maintenance_shows_its_window_and_puts_its_components_under_maintenance(publish, incidents,
                                                                                        tmp_path):
    path = incidents / f"{MAINTENANCE}.outage"
    edit_file(path, lambda data: data.__setitem__("notices", data["notices"][:3]))  # up to "in progress"
    assert publish(tmp_path / "site", incidents)[0] == 0
    text = Page((tmp_path / "site" / "index.html").read_text(encoding="utf-8")).text
    maintenance = text.split("Maintenance", 1)[1].split("Past incidents", 1)[0]
    assert "Payments database upgrade In progress" in maintenance
    assert "Window: 5 Dec 2026, 22:00 UTC to 5 Dec 2026, 23:00 UTC" in maintenance
    assert "Service under maintenance" in text


def test_incident_page_history_and_maintenance_states(publish, incidents, tmp_path):
    assert publish(tmp_path / "site", incidents)[0] == 0
    site = tmp_path / "site"
    story = Page((site / "incidents" / f"{STORY_ID}.html").read_text(encoding="utf-8"))
    assert story.text.count("Incident notice 27 Nov 2026, 08:58 UTC") == 1
    assert "Post-incident report 30 Nov 2026, 13:00 UTC" in story.text
    assert "Root cause A configuration change sent part of the payment traffic" in story.text
    history = Page((site / "history" / "index.html").read_text(encoding="utf-8")).text
    assert "December 2026 1 incident" in history and "November 2026 1 incident" in history
    month = Page((site / "history" / "2026-12.html").read_text(encoding="utf-8")).text
    assert "Payments database upgrade Completed" in month


def test_same_incidents_give_the_same_bytes_in_any_folder(publish, incidents, tmp_path):
    assert publish(tmp_path / "one", incidents)[0] == 0
    other = tmp_path / "elsewhere"
    copy_example(MAINTENANCE, other)
    copy_example(STORY, other)
    assert publish(tmp_path / "two", other)[0] == 0
    assert tree(tmp_path / "one") == tree(tmp_path / "two")


def test_all_four_examples_open_incident_first_draft_nowhere(publish, tmp_path):
    folder = tmp_path / "incidents"
    for name in (STORY, MAINTENANCE, "dashboard-slow", "payouts-delayed"):
        copy_example(name, folder)
    code, out, err = publish(tmp_path / "site", folder)
    assert (code, err) == (0, "") and "(4 incidents, 13 notices, newest 2026-12-07 13:55 UTC)" in out
    files = tree(tmp_path / "site")
    assert not [name for name, data in files.items() if b"DRAFT NOT SENT" in data or b'class="verbatim"' in data]
    assert {"history/2026-10.html", "history/2026-11.html", "history/2026-12.html"} <= set(files)
    text = Page(files["index.html"].decode()).text
    assert "Last update 7 Dec 2026, 13:55 UTC" in text
    assert re.search(r"Components Card payments\s+Operational\s+Dashboard\s+Partial outage", text)
    open_part = text.split("Open incidents", 1)[1].split("Past incidents", 1)[0]
    assert open_part.startswith(" Dashboard slow to load Open")
    assert open_part.index("Identified Update 7 Dec 2026, 13:55 UTC") < open_part.index(
        "Investigating Incident notice 7 Dec 2026, 13:05 UTC")
    past = text.split("Past incidents", 1)[1]
    days = [past.index(day) for day in ("Saturday 5 December 2026", "Monday 30 November 2026",
                                         "Wednesday 14 October 2026")]
    assert days == sorted(days)


def test_past_entries_show_what_they_lasted_a_maintenance_its_window(publish, incidents, tmp_path):
    """Not the time from the announcement to the last notice: that made a one-hour upgrade read as six days."""
    site = tmp_path / "site"
    assert publish(site, incidents)[0] == 0
    front = (site / "index.html").read_text(encoding="utf-8")
    assert ('Window: <time datetime="2026-12-05T22:00:00Z">5 Dec 2026, 22:00 UTC</time> – '
            '<time datetime="2026-12-05T23:30:00Z">5 Dec 2026, 23:30 UTC</time>') in front
    assert ('<time datetime="2026-11-27T08:42:00Z">27 Nov 2026, 08:42 UTC</time> – '
            '<time datetime="2026-11-27T10:05:00Z">27 Nov 2026, 10:05 UTC</time>') in front  # started to resolved
