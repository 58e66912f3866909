"""What a reader sees once on each page of the status page: no link, title, heading or component list
twice, and the front page's open incidents short enough to read (earlier updates folded away, no script).
`outagewriter publish` on real incident files; the pages as written on disk, parsed."""
from __future__ import annotations

import json
import posixpath

import lxml.html

from publish_helpers import MAINTENANCE, STORY, copy_example, edit_file, open_incident, tree

OPEN_ID, STORY_ID = "open-payments", "cff2596022294359ade90824f26b5978"


def parse(data: bytes):
    return lxml.html.fromstring(data.decode("utf-8"))


def text(element) -> str:
    return " ".join(element.text_content().split())


def publish_site(publish, incidents, tmp_path) -> dict[str, bytes]:
    code, _out, err = publish(tmp_path / "site", incidents)
    assert (code, err) == (0, "")
    return tree(tmp_path / "site")


def summaries(path) -> dict[str, str]:
    """Each notice's status -> its summary field, as written in the incident file."""
    return {n["fields"]["status"]: n["fields"]["summary"] for n in json.loads(path.read_text())["notices"]}


def test_incident_and_month_pages_link_back_only_from_the_navigation(publish, incidents, tmp_path):
    files = publish_site(publish, incidents, tmp_path)
    pages = [name for name in files if name.startswith(("incidents/", "history/2"))]
    assert len(pages) == 4
    for name in pages:
        page = parse(files[name])
        targets = [posixpath.normpath(posixpath.join(posixpath.dirname(name), a.get("href")))
                   for a in page.iter("a") if text(a) != "Acme status"]  # the site name leads home too
        assert targets.count("index.html") == 1, name
        assert targets.count("history/index.html") == 1, name
        assert not page.xpath("//main//a[. = 'Current status' or . = 'Incident history']"), name


def test_front_page_shows_the_newest_update_in_full_and_folds_earlier_ones(publish, incidents, tmp_path):
    notices = summaries(open_incident(incidents))
    files = publish_site(publish, incidents, tmp_path)
    card = parse(files["index.html"]).xpath("//section[@aria-labelledby='open']/article")[0]
    newest, = card.xpath("./ol/li[@class='update']")
    assert text(newest).startswith("Monitoring Update 27 Nov 2026, 09:58 UTC " + notices["monitoring"])
    assert newest.xpath(".//h4") and newest.xpath(".//table")  # its sections and components, in full
    details, = card.xpath("./details")
    assert text(details.xpath("./summary")[0]) == "1 earlier update"
    earlier, = details.xpath(".//li")
    first_paragraph = notices["investigating"].split("\n\n")[0]
    assert text(earlier) == f"Investigating Incident notice 27 Nov 2026, 08:58 UTC {' '.join(first_paragraph.split())}"
    assert not earlier.xpath(".//h4 | .//table")
    assert details.xpath(f".//a[@href='incidents/{OPEN_ID}.html']")
    full = parse(files[f"incidents/{OPEN_ID}.html"]).xpath("//li[@class='update']")
    assert [text(u.xpath("./h3")[0]) for u in full] == ["Monitoring Update 27 Nov 2026, 09:58 UTC",
                                                         "Investigating Incident notice 27 Nov 2026, 08:58 UTC"]
    assert all(u.xpath(".//h4") and u.xpath(".//table") for u in full)


def test_an_active_maintenance_shows_its_sections_once_on_the_front_page(publish, incidents, tmp_path):
    edit_file(incidents / f"{MAINTENANCE}.outage", lambda data: data.__setitem__("notices", data["notices"][:3]))
    files = publish_site(publish, incidents, tmp_path)
    card = parse(files["index.html"]).xpath("//section[@aria-labelledby='maintenance']/article")[0]
    headings = [text(h) for h in card.xpath(".//h4")]
    assert headings and len(headings) == len(set(headings)), headings
    assert [text(s) for s in card.xpath("./details/summary")] == ["2 earlier updates"]


def test_history_entries_show_the_title_once_and_the_summary_as_one_line(publish, incidents, tmp_path):
    files = publish_site(publish, incidents, tmp_path)
    expected = {"Payments database upgrade": summaries(incidents / f"{MAINTENANCE}.outage")["completed"],
                "Card payments failing in Europe": summaries(incidents / f"{STORY}.outage")["resolved"]}
    for name in ("index.html", "history/2026-11.html", "history/2026-12.html"):
        for entry in parse(files[name]).xpath("//ul[@class='incident-list']/li"):
            title = text(entry.xpath(".//a")[0])
            short = entry.xpath("./p[@class='incident-short']")[0].text_content()
            assert title not in short and "\n" not in short, (name, short)
            assert title in expected and short in expected.values(), (name, title, short)


def test_an_incident_page_shows_its_components_once(publish, incidents, tmp_path):
    edit_file(incidents / f"{STORY}.outage", lambda data: data.__setitem__("notices", data["notices"][:1]))
    files = publish_site(publish, incidents, tmp_path)
    shown = {}
    for name in (n for n in files if n.startswith("incidents/")):
        main = parse(files[name]).xpath("//main")[0]
        shown[name] = [text(cell) for cell in main.xpath(".//td[1] | .//span[@class='component-name']")]
    assert shown[f"incidents/{STORY_ID}.html"] == ["Card payments", "Dashboard"]
    assert all(len(names) == len(set(names)) for names in shown.values()), shown


def test_the_site_name_heads_every_page_once_and_the_front_pages_heading_is_its_status(publish, incidents,
                                                                                    tmp_path):
    copy_example("dashboard-slow", incidents)
    files = publish_site(publish, incidents, tmp_path)
    for name in (n for n in files if n.endswith(".html")):
        body = text(parse(files[name]).xpath("//body")[0])
        assert body.count("Acme status") == 1, name
    front = parse(files["index.html"])
    assert [text(h) for h in front.xpath("//h1")] == ["Partial service outage"]
    assert front.xpath("//h1/ancestor::section[contains(@class, 'banner')]")
