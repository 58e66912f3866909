"""`outagewriter timeline` and `outagewriter export`, run as a user runs them, on files as saved on disk."""
import hashlib
import os
import re
import subprocess
import sys
from html.parser import HTMLParser

import pytest

from outagewriter.core.incident.model import Incident
from outagewriter.core.incident.records import SentRecord
from outagewriter.core.mail.archive import archive_folder
from outagewriter.core.mail.message import Sender, build_message
from outagewriter.core.render.renderer import Renderer
from outagewriter.core.review import audit
from outagewriter.core.storage import fileformat

AS_SENT = "These are the words that went out, whatever the templates say today."
TITLE = "Card payments <script>alert(1)</script> & refunds"


def run(*args, cwd):
    env = dict(os.environ, OUTAGEWRITER_CONFIG_DIR=str(cwd / "config"))
    return subprocess.run([sys.executable, "-m", "outagewriter", *map(str, args)], cwd=cwd, env=env,
                          capture_output=True, text=True, encoding="utf-8", timeout=60)


@pytest.fixture
def story(tmp_path):
    """Notice 1 sent (its archive beside the file), notice 2 a draft; times in Europe/Prague."""
    incident = Incident.create(TITLE, "Acme Pay")
    first = incident.notices[0]
    first.created = "2026-11-27T08:50:00Z"
    first.update({"summary": "Card payments fail.", "to": "a@acme.example, b@acme.example",
                  "next_update": "2026-11-27T11:00[Europe/Prague]"})
    incident.set_times({"started": "2026-11-27T09:40[Europe/Prague]"})
    path = tmp_path / "payments.outage"
    went_out = Renderer().render(incident, first)
    went_out = type(went_out)(subject="Investigating: payments", text=AS_SENT + "\n", html="<p>sent</p>", short="")
    data = build_message(incident, first, went_out, Sender("ops@acme.example")).as_bytes()
    archive = archive_folder(path) / "01-initial-20261127T091000Z.eml"
    archive.parent.mkdir()
    archive.write_bytes(data)
    first.sent = SentRecord(time="2026-11-27T09:10:00Z", archive=f"{archive.parent.name}/{archive.name}",
                            sha256=hashlib.sha256(data).hexdigest(), addressed=["a@acme.example", "b@acme.example"])
    audit.append(incident, audit.SENT, first, "Jana", when="2026-11-27T09:10:01Z")
    second = incident.add_notice("update")
    second.created = "2026-11-27T10:30:00Z"
    second.update({"summary": "We found the cause: a full connection pool.", "status": "identified"})
    fileformat.save(incident, path)
    return path


def test_timeline_prints_one_line_per_time_notice_and_event(story, tmp_path):
    result = run("timeline", story, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        "2026-11-27 09:40 CET (08:40 UTC)  Incident started",
        "2026-11-27 10:10 CET (09:10 UTC)  Notice 1 · initial · investigating · sent to 2 recipients",
        "2026-11-27 10:10 CET (09:10 UTC)  Notice 1: sent by Jana",
        "2026-11-27 11:30 CET (10:30 UTC)  Notice 2 · update · identified · draft, not sent "
        "(addressed to 2 recipients)",
    ]


class _Page(HTMLParser):
    """The export's notices as a browser shows them: each section's class and text."""

    def __init__(self):
        super().__init__()
        self.sections: list[tuple[str, str]] = []
        self.scripts = 0
        self._depth = 0

    def handle_starttag(self, tag, attrs):
        self.scripts += tag == "script"
        if tag == "section" and "notice" in (dict(attrs).get("class") or ""):
            self.sections.append((dict(attrs)["class"], ""))
            self._depth = 1
        elif tag == "section" and self._depth:
            self._depth += 1

    def handle_endtag(self, tag):
        if tag == "section" and self._depth:
            self._depth -= 1

    def handle_data(self, data):
        if self._depth:
            cls, text = self.sections[-1]
            self.sections[-1] = (cls, text + data)


def test_export_html_is_one_escaped_page_with_every_notice_in_order(story, tmp_path):
    out = tmp_path / "records.html"
    result = run("export", story, "--format", "html", "-o", out, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    page = _Page()
    page.feed(out.read_text("utf-8"))
    assert page.scripts == 0  # the title's <script> is text, not code
    assert "&lt;script&gt;" in out.read_text("utf-8")
    assert "<link" not in out.read_text("utf-8") and "src=" not in out.read_text("utf-8")  # self-contained
    (first_class, first), (second_class, second) = page.sections
    assert first_class == "notice" and "Notice 1: initial, investigating" in first
    assert AS_SENT in first and "Investigating: payments" in first  # the archived message, not a new render
    assert "2026-11-27 10:10 CET (09:10 UTC)" in first and re.search(r"Recipients\s*2\s", first)
    assert second_class == "notice draft" and "DRAFT, not sent" in second
    assert "We found the cause: a full connection pool." in second


def test_export_markdown_marks_the_draft_and_keeps_the_sent_text(story, tmp_path):
    result = run("export", story, "--format", "md", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    md = result.stdout
    assert md.startswith("# Card payments \\<script\\>alert(1)\\</script\\> & refunds\n")
    assert "- Started: 2026-11-27 09:40 CET (08:40 UTC)" in md
    one, two = md.index("## Notice 1: initial, investigating\n"), md.index("## Notice 2: update, identified (DRAFT)")
    assert one < md.index(AS_SENT) < two
    assert "- State: DRAFT, not sent" in md[two:]
    assert "- Sent: 2026-11-27 10:10 CET (09:10 UTC)" in md[one:two] and "- Recipients: 2" in md[one:two]


def test_export_says_so_when_the_archive_is_missing(story, tmp_path):
    for archived in archive_folder(story).iterdir():
        archived.unlink()
    result = run("export", story, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "The archived message could not be read" in result.stdout
    assert "this is the notice as it renders now" in result.stdout


def test_export_refuses_an_unknown_format_in_one_line(story, tmp_path):
    result = run("export", story, "--format", "pdf", cwd=tmp_path)
    assert result.returncode == 2 and len(result.stderr.strip().splitlines()) == 1
    assert "invalid choice: 'pdf'" in result.stderr
