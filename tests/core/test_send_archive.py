"""Which archive a sent record may name, and the send lock beside the incident file."""
from __future__ import annotations

import json
import os
import socket

import pytest

from outagewriter.core.mail.archive import ArchiveError, archive_folder, read
from outagewriter.core.storage.locks import EditLock, SendBusy, SendLock


@pytest.fixture
def incident(tmp_path):
    path = tmp_path / "db.outage"
    path.write_text("{}")
    archive_folder(path).mkdir()
    (archive_folder(path) / "01-initial.eml").write_bytes(b"Subject: hi\r\n\r\nbody\r\n")
    return path


def test_only_a_regular_file_in_the_archive_folder_is_read(incident, tmp_path):
    assert read(incident, "db.sent/01-initial.eml").startswith(b"Subject: hi")
    os.mkfifo(archive_folder(incident) / "02-update.eml")  # would block a plain open() forever
    for name, words in [("/etc/passwd", "not a file in db.sent/"), ("db.sent/../db.outage", "not a file in"),
                        ("db.sent/sub/01.eml", "not a file in"), ("other.sent/01-initial.eml", "not a file in"),
                        ("db.sent/02-update.eml", "not a regular file"), ("db.sent/03.eml", "is missing"),
                        ("", "not a file in")]:
        with pytest.raises(ArchiveError, match=words):
            read(incident, name)


def test_a_linked_archive_folder_is_refused(tmp_path):
    path = tmp_path / "db.outage"
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "01.eml").write_bytes(b"x")
    archive_folder(path).symlink_to(elsewhere)
    with pytest.raises(ArchiveError, match="is missing or is a link"):
        read(path, "db.sent/01.eml")


def test_the_send_lock_is_exclusive_and_respects_only_its_own_edit_lock(incident):
    with SendLock(incident, user="Jana"):
        with pytest.raises(SendBusy, match=r"db.outage is being sent by Jana on host .* since 20"):
            SendLock(incident, user="Petr").acquire()
    mine = EditLock(incident, user="Petr")
    mine.acquire()
    with pytest.raises(SendBusy, match="db.outage is open for editing by Petr"):
        SendLock(incident, user="Jana").acquire()
    with SendLock(incident, user="Petr", own_edit_lock=mine.info) as lock:
        assert lock.lock_path.name == ".db.outage.sending.lock" and lock.lock_path.exists()
    assert not lock.lock_path.exists()
    mine.release()


def test_a_send_lock_left_by_a_dead_process_is_taken_over(incident):
    lock_file = incident.with_name(".db.outage.sending.lock")  # left by a `send` killed with kill -9
    lock_file.write_text(json.dumps({"user": "Jana", "host": socket.gethostname(), "pid": 2 ** 22 + 12345,
                                     "since": "2026-11-27T10:00:00Z", "token": "dead"}))
    with SendLock(incident, user="Petr"):
        assert json.loads(lock_file.read_text())["user"] == "Petr"
