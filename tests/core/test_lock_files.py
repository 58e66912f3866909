"""Edit locks and save conflicts on a shared folder, with real processes contending."""
import json
import os
import socket
import subprocess
import sys
import textwrap
import time
from datetime import timedelta

import pytest

from outagewriter.core.incident.model import Incident
from outagewriter.core.incident.times import format_stored, isoformat_utc, now_utc
from outagewriter.core.storage import fileformat
from outagewriter.core.storage.conflicts import (
    ConflictError,
    FileStamp,
    load_with_stamp,
    save_checked,
    save_copy,
)
from outagewriter.core.storage.locks import (
    EditLock,
    FileLocked,
    LockInfo,
    LockLost,
    lock_path_for,
    read_lock,
)

CONTENDER = textwrap.dedent("""
    import os, sys, time
    from outagewriter.core.storage.locks import EditLock, FileLocked
    path, user, go, done, take_over = sys.argv[1:6]
    print("READY", flush=True)
    while not os.path.exists(go):
        time.sleep(0.002)
    lock = EditLock(path, user=user)
    try:
        lock.acquire(take_over=take_over == "1")
    except FileLocked as exc:
        h = exc.holder
        print("LOCKED", h.user, h.host, h.pid, "|", exc, flush=True)
        sys.exit(3)
    print("WON", os.getpid(), flush=True)
    while not os.path.exists(done):
        time.sleep(0.005)
    lock.release()
""")

HOLD_AND_DIE = textwrap.dedent("""
    import os, sys
    from outagewriter.core.storage.locks import EditLock
    EditLock(sys.argv[1], user="crashed").acquire()
    os._exit(0)  # no release: like a crash or a kill
""")


@pytest.fixture
def incident_file(tmp_path):
    path = tmp_path / "payments.outage"
    fileformat.save(Incident.create("Card payments failing", "Acme Pay"), path)
    return path


def race(tmp_path, path, count, take_over=False, round_=0):
    go, done = tmp_path / f"go{round_}", tmp_path / f"done{round_}"
    procs = [subprocess.Popen([sys.executable, "-c", CONTENDER, str(path), f"proc-{i}", str(go), str(done),
                               "1" if take_over else "0"], stdout=subprocess.PIPE, text=True)
             for i in range(count)]
    try:
        for proc in procs:
            assert proc.stdout.readline().strip() == "READY"
        go.touch()
        firsts = [proc.stdout.readline().strip() for proc in procs]
        winners = [(p, line) for p, line in zip(procs, firsts) if line.startswith("WON")]
        losers = [line for line in firsts if line.startswith("LOCKED")]
        holder = read_lock(path)
        done.touch()
        for proc in procs:
            proc.wait(timeout=30)
    finally:
        for proc in procs:
            if proc.poll() is None:
                proc.kill()
    return winners, losers, holder


@pytest.mark.parametrize("round_", range(3))
def test_real_processes_contend_one_wins_the_others_see_the_holder(tmp_path, incident_file, round_):
    winners, losers, holder = race(tmp_path, incident_file, 4, round_=round_)
    assert len(winners) == 1 and len(losers) == 3
    winner_proc, line = winners[0]
    assert int(line.split()[1]) == winner_proc.pid == holder.pid
    for loser in losers:
        _, user, host, pid, *_ = loser.split()
        assert (user, host, int(pid)) == (holder.user, socket.gethostname(), winner_proc.pid)
        assert f"locked by {holder.user} on host {socket.gethostname()} since {format_stored(holder.since)}" in loser
    assert not lock_path_for(incident_file).exists()  # released on close


def test_several_processes_taking_over_one_stale_lock_end_with_one_holder(tmp_path, incident_file):
    subprocess.run([sys.executable, "-c", HOLD_AND_DIE, str(incident_file)], check=True, timeout=30)
    assert read_lock(incident_file).user == "crashed"
    winners, losers, holder = race(tmp_path, incident_file, 4, take_over=True)
    assert len(winners) == 1 and len(losers) == 3
    assert holder.user.startswith("proc-") and holder.pid == winners[0][0].pid


def test_a_dead_holder_on_this_host_is_stale_and_can_be_taken_over(incident_file):
    subprocess.run([sys.executable, "-c", HOLD_AND_DIE, str(incident_file)], check=True, timeout=30)
    dead = read_lock(incident_file)
    lock = EditLock(incident_file, user="Jana")
    with pytest.raises(FileLocked) as caught:
        lock.acquire()
    assert caught.value.holder == dead
    assert "is no longer running" in caught.value.stale
    assert f"locked by crashed on host {socket.gethostname()}" in str(caught.value)
    lock.acquire(take_over=True)
    assert read_lock(incident_file).user == "Jana" and read_lock(incident_file).pid == os.getpid()
    lock.release()
    assert not lock_path_for(incident_file).exists()


def _foreign_lock(path, minutes_ago, user="Ana"):
    when = isoformat_utc(now_utc() - timedelta(minutes=minutes_ago))
    info = LockInfo(user, "far-away-host", 4242, when, when, "feedface")
    lock_path_for(path).write_text(info.to_json(), "utf-8")
    return info


def test_a_lock_from_another_host_is_stale_only_when_not_refreshed(incident_file):
    _foreign_lock(incident_file, minutes_ago=5)
    lock = EditLock(incident_file, user="Jana", stale_after=30 * 60)
    with pytest.raises(FileLocked) as caught:
        lock.acquire(take_over=True)  # alive elsewhere: not stale, not taken
    assert caught.value.stale is None
    assert "locked by Ana on host far-away-host since" in str(caught.value)
    assert read_lock(incident_file).user == "Ana"

    _foreign_lock(incident_file, minutes_ago=90)
    with pytest.raises(FileLocked) as caught:
        lock.acquire()
    assert "not been refreshed for 90 minutes" in caught.value.stale
    lock.acquire(take_over=True)
    assert read_lock(incident_file).user == "Jana"
    lock.release()


def test_force_takes_a_live_lock_after_confirmation_and_the_old_holder_learns_it(incident_file):
    ana = EditLock(incident_file, user="Ana", host="far-away-host", pid=4242)
    ana.acquire()
    jana = EditLock(incident_file, user="Jana")
    jana.acquire(force=True)
    with pytest.raises(LockLost, match="taken over .*locked by Jana"):
        ana.refresh()
    ana.release()  # never removes someone else's lock
    assert read_lock(incident_file).user == "Jana"
    jana.release()


def test_refresh_keeps_a_lock_fresh(incident_file):
    lock = EditLock(incident_file, user="Jana", stale_after=60)
    first = lock.acquire()
    later = now_utc() + timedelta(minutes=5)
    assert first.stale_reason(60, now=later) is not None  # would be stale without refreshing
    time.sleep(1.1)
    refreshed = lock.refresh()
    assert refreshed.since == first.since and refreshed.refreshed > first.refreshed
    assert read_lock(incident_file) == refreshed
    assert refreshed.stale_reason(60, now=now_utc()) is None
    lock.release()


def test_lock_file_is_json_beside_the_file(incident_file):
    with EditLock(incident_file, user="Jana Novák") as lock:
        path = incident_file.with_name(".payments.outage.lock")
        data = json.loads(path.read_text("utf-8"))
        assert {"user", "host", "pid", "since"} <= set(data)
        assert data["user"] == "Jana Novák" and data["pid"] == os.getpid() == lock.info.pid
    assert not path.exists()
    assert sorted(p.name for p in incident_file.parent.iterdir()) == ["payments.outage"]  # nothing left behind


def test_a_conflicting_save_is_detected_and_the_file_is_untouched(tmp_path, incident_file):
    mine, stamp = load_with_stamp(incident_file)
    theirs = fileformat.load(incident_file)
    theirs.notices[-1].set("summary", "Their words.")
    fileformat.save(theirs, incident_file)  # someone else saved meanwhile
    on_disk = incident_file.read_bytes()

    mine.notices[-1].set("summary", "My words.")
    with pytest.raises(ConflictError) as caught:
        save_checked(mine, incident_file, stamp)
    assert incident_file.read_bytes() == on_disk
    assert caught.value.options == ("reload", "save-copy", "overwrite")
    assert "changed by someone else" in str(caught.value) and "Nothing was saved" in str(caught.value)

    copy = save_copy(mine, incident_file, user="Jana")
    assert copy.parent == incident_file.parent and copy.name.startswith("payments (Jana's copy ")
    assert fileformat.load(copy).notices[-1].fields["summary"] == "My words."
    assert incident_file.read_bytes() == on_disk

    new_stamp = save_checked(mine, incident_file, stamp, force=True)  # overwrite, confirmed
    assert fileformat.load(incident_file).notices[-1].fields["summary"] == "My words."
    assert new_stamp == FileStamp.of(incident_file)
    mine.notices[-1].set("summary", "Next words.")
    save_checked(mine, incident_file, new_stamp)  # the new stamp carries on


def test_a_save_without_changes_on_disk_goes_through(incident_file):
    incident, stamp = load_with_stamp(incident_file)
    os.utime(incident_file, ns=(1, 1))  # a touch alone is not a change
    incident.notices[-1].set("summary", "Fine.")
    save_checked(incident, incident_file, stamp)
    assert fileformat.load(incident_file).notices[-1].fields["summary"] == "Fine."


def test_deleted_or_new_files_conflict_too(tmp_path, incident_file):
    incident, stamp = load_with_stamp(incident_file)
    incident_file.unlink()
    with pytest.raises(ConflictError, match="deleted or moved"):
        save_checked(incident, incident_file, stamp)
    assert not incident_file.exists()
    fresh = tmp_path / "new.outage"
    save_checked(incident, fresh, None)
    with pytest.raises(ConflictError, match="created by someone else"):
        save_checked(incident, fresh, None)


def test_folders_without_hard_links_still_get_exclusive_locks(monkeypatch, incident_file):
    def no_links(*args):
        raise PermissionError(1, "Operation not permitted")  # what some SMB shares answer

    monkeypatch.setattr(os, "link", no_links)
    first = EditLock(incident_file, user="Jana")
    first.acquire()
    with pytest.raises(FileLocked, match="locked by Jana"):
        EditLock(incident_file, user="Petr").acquire()
    first.release()
    assert not lock_path_for(incident_file).exists()


def test_an_unreadable_lock_is_still_a_lock(incident_file):
    lock_path_for(incident_file).write_text("", "utf-8")  # caught mid-creation, or damaged
    with pytest.raises(FileLocked) as caught:
        EditLock(incident_file, user="Jana").acquire()
    assert caught.value.holder.user == "?" and caught.value.stale == "its time cannot be read"
