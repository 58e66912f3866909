"""What reaches the status page: only what went out, as it went out; a file that cannot be read stops
publishing with one line and leaves the old page as it was."""
from __future__ import annotations

import hashlib

from publish_helpers import MAINTENANCE, STORY, Page, copy_example, edit_file, tree

from outagewriter.core.incident.model import Incident
from outagewriter.core.storage import fileformat

DRAFT_MARKER = "QX-DRAFT-7731"
EDIT_MARKER = "QX-EDITED-4420"


def test_a_draft_never_reaches_any_published_file(publish, incidents, tmp_path):
    path = incidents / f"{STORY}.outage"
    incident = fileformat.load(path)
    draft = incident.add_notice("update")
    draft.update({"title": f"Draft title {DRAFT_MARKER}", "service": "Draft service",
                  "summary": f"Nothing of this was sent {DRAFT_MARKER}.", "impact_level": "critical"})
    fileformat.save(incident, path)
    assert incident.title == f"Draft title {DRAFT_MARKER}"  # the file's newest notice is the draft

    assert publish(tmp_path / "site", incidents)[0] == 0
    files = tree(tmp_path / "site")
    assert not [name for name, data in files.items() if DRAFT_MARKER.encode() in data or b"Draft service" in data]
    front = Page(files["index.html"].decode()).text
    assert "Card payments failing in Europe" in front and "Critical" not in front


def test_a_notice_edited_after_sending_is_published_as_its_archived_text(publish, incidents, tmp_path):
    def edit(data):
        data["notices"][1]["fields"]["summary"] = f"Words typed into the file later {EDIT_MARKER}."

    edit_file(incidents / f"{STORY}.outage", edit)
    assert publish(tmp_path / "site", incidents)[0] == 0
    files = tree(tmp_path / "site")
    assert not [name for name, data in files.items() if EDIT_MARKER.encode() in data]
    page = Page(files["incidents/cff2596022294359ade90824f26b5978.html"].decode())
    assert len(page.all("div", **{"class": "verbatim"})) == 1  # only the edited notice; the others render alike
    assert "As sent by email: Card payments failing in Europe Service: Acme Pay Status: Monitoring" in page.text
    assert "At 10:50 CET we rolled back the gateway configuration that caused the failures." in page.text


def test_a_missing_or_changed_archive_leaves_that_notice_out_and_says_so(publish, incidents, tmp_path):
    archives = incidents / f"{STORY}.sent"
    (archives / "02-update-20261127T095800Z.eml").unlink()
    changed = archives / "03-resolution-20261127T101200Z.eml"
    changed.write_bytes(changed.read_bytes().replace(b"resolved", b"RESOLVED"))

    code, out, err = publish(tmp_path / "site", incidents)
    assert code == 0 and "2 incidents, 7 notices" in out
    lines = err.splitlines()
    assert len(lines) == 2
    assert lines[0].startswith(f"outagewriter publish: {STORY}.outage: notice 2 was left out: the archived message")
    assert lines[0].endswith("02-update-20261127T095800Z.eml is missing")
    assert lines[1] == (f"outagewriter publish: {STORY}.outage: notice 3 was left out: the archive "
                        f"{STORY}.sent/03-resolution-20261127T101200Z.eml does not match the SHA-256 its sent "
                        "record holds")
    text = Page(tree(tmp_path / "site")["incidents/cff2596022294359ade90824f26b5978.html"].decode()).text
    assert "At 10:50 CET we rolled back" not in text and "Post-incident report" in text


def test_a_notice_nobody_received_is_not_published(publish, incidents, tmp_path):
    def refuse_everyone(data):
        for status in data["notices"][0]["sent"]["recipients"].values():
            status["status"] = "refused"

    edit_file(incidents / f"{STORY}.outage", refuse_everyone)
    code, out, err = publish(tmp_path / "site", incidents)
    assert (code, err) == (0, "") and "2 incidents, 8 notices" in out


def test_an_incident_with_nothing_sent_is_left_out(publish, incidents, tmp_path):
    draft_only = incidents / "draft-only.outage"
    fileformat.save(Incident.create(f"Never sent {DRAFT_MARKER}", "Acme Pay"), draft_only)
    code, out, _err = publish(tmp_path / "site", incidents)
    assert code == 0 and "2 incidents" in out
    assert not [n for n, d in tree(tmp_path / "site").items() if DRAFT_MARKER.encode() in d]


def test_an_unreadable_incident_file_stops_publishing_and_keeps_the_old_page(publish, incidents, tmp_path):
    site = tmp_path / "site"
    assert publish(site, incidents)[0] == 0
    before = tree(site)
    (incidents / "broken.outage").write_text('{"format": "outagewriter-incident", "version": 1, "notices": [',
                                            encoding="utf-8")
    code, out, err = publish(site, incidents)
    assert (code, out) == (1, "")
    assert err.count("\n") == 1 and err.startswith(f"outagewriter publish: cannot publish: {incidents / 'broken.outage'}: ")
    assert tree(site) == before


def test_two_files_of_the_same_incident_are_refused_naming_both(publish, incidents, tmp_path):
    copy_example(MAINTENANCE, tmp_path / "copy")
    code, _out, err = publish(tmp_path / "site", incidents, tmp_path / "copy" / f"{MAINTENANCE}.outage")
    assert code == 1 and err.count("\n") == 1
    assert str(incidents / f"{MAINTENANCE}.outage") in err and str(tmp_path / "copy" / f"{MAINTENANCE}.outage") in err
    assert not (tmp_path / "site").exists()


def test_a_title_edited_into_the_newest_sent_notice_is_not_the_incidents_title(publish, incidents, tmp_path):
    def edit(data):
        data["notices"][3]["fields"].update(title=f"Edited title {EDIT_MARKER}", service=f"Other {EDIT_MARKER}",
                                            components=f"Secret system {EDIT_MARKER} = major-outage")

    edit_file(incidents / f"{STORY}.outage", edit)
    assert publish(tmp_path / "site", incidents)[0] == 0
    files = tree(tmp_path / "site")
    assert not [name for name, data in files.items() if EDIT_MARKER.encode() in data]
    page = Page(files["incidents/cff2596022294359ade90824f26b5978.html"].decode())
    assert page.all("h1") and "Card payments failing in Europe Resolved Acme Pay Major impact" in page.text


def test_an_id_with_dots_and_markup_in_a_sent_message_stay_inside_the_page_as_text(publish, incidents, tmp_path):
    archive = incidents / f"{STORY}.sent" / "02-update-20261127T095800Z.eml"
    archive.write_bytes(archive.read_bytes().replace(b"At 10:50 CET we rolled back",
                                                     b"<script>alert(1)</script> At 10:50 CET we rolled back", 1))

    def edit(data):
        data["incident"]["id"] = "x..y.z"
        data["notices"][1]["sent"]["sha256"] = hashlib.sha256(archive.read_bytes()).hexdigest()

    edit_file(incidents / f"{STORY}.outage", edit)
    code, _out, err = publish(tmp_path / "site", incidents)
    assert (code, err) == (0, "")
    name = "i-" + hashlib.sha256(b"x..y.z").hexdigest()[:32]  # as chat posts link it (page_id)
    files = tree(tmp_path / "site")
    assert f"incidents/{name}.html" in files and sorted(p.name for p in tmp_path.iterdir()) == [
        "config", "incidents", "site"]
    page = files[f"incidents/{name}.html"].decode()
    assert "<script>" not in page and "&lt;script&gt;alert(1)&lt;/script&gt; At 10:50 CET" in page


def test_missing_archives_publish_nothing_and_say_why_once_per_incident(publish, incidents, tmp_path):
    """Notices went out but their .sent folders are gone: an empty page would tell readers nothing
    happened. Nothing is published, exit code 1, and each incident's reason is one line."""
    import shutil

    site = tmp_path / "site"
    assert publish(site, incidents)[0] == 0
    before = tree(site)
    for name in (STORY, MAINTENANCE):
        shutil.rmtree(incidents / f"{name}.sent")
    code, out, err = publish(site, incidents)
    assert (code, out) == (1, "")
    assert err.splitlines() == [
        f"outagewriter publish: none of the notices that went out could be read as sent (the reasons are below), "
        f"so the page in {site} is left as it was",
        f"outagewriter publish: {STORY}.outage: notices 1, 2, 3, 4 were left out: the archive folder "
        f"{incidents / STORY}.sent is missing or is a link",
        f"outagewriter publish: {MAINTENANCE}.outage: notices 1, 2, 3, 4, 5 were left out: the archive folder "
        f"{incidents / MAINTENANCE}.sent is missing or is a link"]
    assert tree(site) == before


def test_a_folder_without_incident_files_is_said_to_have_none(publish, tmp_path):
    empty = tmp_path / "no-incidents"
    empty.mkdir()
    code, out, err = publish(tmp_path / "site", empty)
    assert code == 0 and "(0 incidents, 0 notices)" in out
    assert err == f"outagewriter publish: there are no incident files (.outage) in {empty}, so the page shows no incident\n"


def test_a_page_address_that_is_not_http_is_refused_as_the_window_refuses_it(publish, incidents, tmp_path):
    for url in ("ftp://x", "status.example.com", "https://", "javascript:alert(1)"):
        code, out, err = publish(tmp_path / "site", incidents, "--url", url)
        assert (code, out) == (2, "")
        assert err == (f"outagewriter publish: argument --url: {url!r} is not a web address readers can open; give one "
                       "starting with https:// or http:// (see outagewriter publish --help)\n")
    assert not (tmp_path / "site").exists()
    assert publish(tmp_path / "site", incidents, "--url", "https://status.acme.example")[0] == 0


def test_the_missing_archives_in_japanese_name_the_incident_and_the_folder(publish, incidents, tmp_path, monkeypatch):
    import shutil

    shutil.rmtree(incidents / f"{STORY}.sent")
    shutil.rmtree(incidents / f"{MAINTENANCE}.sent")
    monkeypatch.setenv("LANG", "ja_JP.UTF-8")
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(name, raising=False)
    code, out, err = publish(tmp_path / "site", incidents)
    assert code == 1
    first, story, maintenance = err.splitlines()
    assert "そのままです" in first and str(tmp_path / "site") in first and "went out" not in first
    assert story.startswith(f"outagewriter publish: {STORY}.outage: ") and "通知1、2、3、4" in story
    assert f"{incidents / STORY}.sent" in story and "left out" not in story
    empty = tmp_path / "none"
    empty.mkdir()
    code, out, err = publish(tmp_path / "site2", empty)
    assert code == 0 and str(empty) in err and "インシデントファイル（.outage）がない" in err and "0件" not in err
