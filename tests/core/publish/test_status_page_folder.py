"""The status page's folder: replaced whole and only when it is ours; never half written, never rewritten
when nothing changed; never an incidents folder or a sent archive."""
from __future__ import annotations

import os
import threading

from publish_helpers import EXAMPLES, STORY, copy_example, tree

from outagewriter.core.publish.tree import MARKER, MARKER_TEXT, write_tree


def test_a_folder_of_other_files_is_never_replaced(publish, incidents, tmp_path):
    mine = tmp_path / "my-documents"
    mine.mkdir()
    (mine / "thesis.txt").write_text("years of work", encoding="utf-8")
    code, out, err = publish(mine, incidents)
    assert (code, out) == (1, "")
    assert err == (f"outagewriter publish: {mine} already holds other files and is not a status page written "
                   "here; choose an empty or new folder\n")
    assert tree(mine) == {"thesis.txt": b"years of work"}
    assert sorted(p.name for p in tmp_path.iterdir()) == ["config", "incidents", "my-documents"]  # no leftovers


def test_an_empty_folder_is_used_and_marked_as_ours(publish, incidents, tmp_path):
    empty = tmp_path / "www"
    empty.mkdir()
    assert publish(empty, incidents)[0] == 0
    assert (empty / MARKER).is_file() and (empty / "index.html").is_file()
    (empty / "stray.html").write_text("left by hand", encoding="utf-8")
    assert publish(empty, incidents)[0] == 0
    assert not (empty / "stray.html").exists()  # the folder is replaced as a whole


def test_publishing_the_same_again_changes_nothing(publish, incidents, tmp_path):
    site = tmp_path / "site"
    assert publish(site, incidents)[0] == 0
    before = {p: p.stat().st_mtime_ns for p in site.rglob("*")}
    inode = site.stat().st_ino
    code, out, err = publish(site, incidents)
    assert (code, err) == (0, "") and out.startswith(f"Status page already up to date in {site} (2 incidents")
    assert {p: p.stat().st_mtime_ns for p in site.rglob("*")} == before and site.stat().st_ino == inode


def test_refuses_an_incidents_folder_or_a_sent_archive_as_the_target(publish, incidents, tmp_path):
    before = tree(incidents)
    for target, why in [(incidents, "it is the folder of the incident files"),
                        (incidents / f"{STORY}.sent", f"it is inside the sent archive of {STORY}.outage"),
                        (incidents / f"{STORY}.sent" / "page", f"it is inside the sent archive of {STORY}.outage"),
                        (tmp_path, f"it holds the incident file {STORY}.outage")]:
        code, out, err = publish(target, incidents)
        assert (code, out, err) == (1, "", f"outagewriter publish: cannot publish into {target}: {why}\n")
    assert tree(incidents) == before


def test_without_a_folder_or_incidents_set_it_says_what_is_missing(publish, config, incidents, tmp_path):
    code, _out, err = publish()
    assert code == 1 and err == ("outagewriter publish: no status page folder given, and none is set in the "
                                 "settings\n")
    code, _out, err = publish(tmp_path / "site")
    assert code == 1 and "no incident files given, and no incidents folder is set" in err
    (config / "settings.json").write_text(
        f'{{"status_page": {{"folder": "{tmp_path / "site"}", "incidents": "{incidents}"}}}}', encoding="utf-8")
    code, out, err = publish()
    assert (code, err) == (0, "") and "(2 incidents, 9 notices" in out


def test_concurrent_publishes_never_show_a_half_tree(tmp_path):
    """Two publishers swap different pages in, over and over, while a reader keeps opening the page:
    it is always there and always whole, and nothing is left beside it."""
    target = tmp_path / "site"
    pages = [{"index.html": f"page {n}".encode(), "style.css": b"x" * 50_000,
              **{f"incidents/{i}.html": f"{n}-{i}".encode() for i in range(30)}} for n in range(2)]
    wanted = [dict(p, **{MARKER: MARKER_TEXT}) for p in pages]
    write_tree(target, pages[0])
    errors, stop = [], threading.Event()

    def publisher(n):
        try:
            for _ in range(15):
                write_tree(target, pages[n])
                write_tree(target, pages[1 - n])
        except Exception as exc:  # noqa: BLE001 - reported by the test
            errors.append(exc)

    def reader():
        while not stop.is_set():
            try:
                index = (target / "index.html").read_bytes()
            except FileNotFoundError:
                errors.append("a reader found no page")
                continue
            if index not in (b"page 0", b"page 1"):
                errors.append(f"a reader found {index!r}")

    watcher = threading.Thread(target=reader)
    watcher.start()
    workers = [threading.Thread(target=publisher, args=(n,)) for n in (0, 1)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    stop.set()
    watcher.join()
    assert errors == []
    assert tree(target) in wanted
    assert os.listdir(tmp_path) == ["site"]



def test_an_open_incident_never_vanishes_because_the_page_was_published_from_other_files(publish, incidents,
                                                                                          tmp_path):
    """Published from one folder, then from another that lacks the open incident: refused, naming it,
    and the page keeps it; --allow-removing takes it off on purpose."""
    copy_example("dashboard-slow", incidents)  # still open
    site, elsewhere = tmp_path / "site", tmp_path / "elsewhere"
    assert publish(site, incidents)[0] == 0
    copy_example(STORY, elsewhere)
    before = tree(site)

    code, out, err = publish(site, elsewhere)
    assert (code, out) == (1, "")
    assert err.startswith(f"outagewriter publish: the page in {site} shows 'Dashboard slow to load', still open, "
                          "which none of the incident files given holds;") and err.count("\n") == 1
    assert tree(site) == before

    code, out, _err = publish(site, elsewhere, "--allow-removing")
    assert code == 0 and "(1 incident, 4 notices" in out
    assert "Dashboard slow to load" not in (site / "index.html").read_text(encoding="utf-8")


def test_files_with_nothing_sent_publish_an_empty_page_and_say_so(publish, tmp_path):
    drafts = tmp_path / "drafts"
    drafts.mkdir()
    (drafts / "new.outage").write_bytes((EXAMPLES / "payments-outage.outage").read_bytes())  # nothing sent yet
    code, out, err = publish(tmp_path / "site", drafts)
    assert code == 0 and "(0 incidents, 0 notices)" in out
    assert err == ("outagewriter publish: none of the 1 incident file given has a notice that went out, so the "
                   "page shows no incident\n")
