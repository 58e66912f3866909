"""Whether a process lives: asked by edit locks and crash recovery, never harmful to the process."""
import json
import os
import socket
import subprocess
import sys

import psutil
import pytest

from outagewriter.core.incident.model import Incident
from outagewriter.core.incident.times import isoformat_utc, now_utc
from outagewriter.core.storage.locks import EditLock, LockInfo, lock_path_for, read_lock
from outagewriter.core.storage.processes import process_alive
from outagewriter.core.storage.recovery import RecoveryStore

ABSURD_PIDS = [0, -1, -4242, 2**31, 2**32 + 5, 2**64, -(2**63), 10**30]


def test_a_running_child_is_alive_and_a_finished_one_is_not():
    child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    try:
        assert process_alive(child.pid)
        assert process_alive(child.pid)  # asking twice did no harm: it still runs
        assert child.poll() is None
    finally:
        child.kill()
        child.wait()
    assert not process_alive(child.pid)


def test_this_process_and_the_system_are_alive():
    assert process_alive(os.getpid())
    assert process_alive(1)  # init (or the container's first process): someone else's process counts too


@pytest.mark.parametrize("pid", ABSURD_PIDS)
def test_pids_that_cannot_exist_are_not_alive_and_raise_nothing(pid):
    assert process_alive(pid) is False


def test_windows_is_asked_without_os_kill(monkeypatch):
    """On Windows os.kill(pid, 0) terminates the process: the helper must never call it itself,
    whatever the platform; psutil opens the process there instead."""
    asked, called_kill = [], []
    # Restored before asserting: pytest itself cannot report a failure while os.name says "nt".
    with monkeypatch.context() as windows:
        windows.setattr(os, "name", "nt")
        windows.setattr(sys, "platform", "win32")
        windows.setattr(os, "kill", lambda *args: called_kill.append(args))
        windows.setattr(psutil, "pid_exists", lambda pid: asked.append(pid) or True)
        alive = process_alive(4321)
    assert called_kill == [], "os.kill was called: on Windows it terminates the process"
    assert alive is True and asked == [4321]


def _lock_with_pid(path, pid):
    when = isoformat_utc(now_utc())
    info = LockInfo("crashed", socket.gethostname(), pid, when, when, "feedface")
    lock_path_for(path).write_text(info.to_json(), "utf-8")


@pytest.mark.parametrize("pid", [2**31, 2**40])
def test_a_lock_naming_an_impossible_process_on_this_host_can_be_taken_over(tmp_path, pid):
    path = tmp_path / "a.outage"
    path.write_text("{}", "utf-8")
    _lock_with_pid(path, pid)
    lock = EditLock(path, user="Jana")
    lock.acquire(take_over=True)
    assert read_lock(path).user == "Jana"
    lock.release()


@pytest.mark.parametrize("pid", [2**31, 2**40, -7])
def test_a_recovery_copy_naming_an_impossible_process_is_offered(tmp_path, pid):
    store = RecoveryStore(tmp_path / "recovery")
    incident = Incident.create("Payments down", "Payments")
    target = store.write(incident, None)
    data = json.loads(target.read_text("utf-8"))
    data["pid"] = pid
    target.write_text(json.dumps(data), "utf-8")
    assert [c.incident.id for c in store.orphans()] == [incident.id]


def test_a_recovery_copy_of_a_running_instance_is_not_offered(tmp_path):
    store = RecoveryStore(tmp_path / "recovery")
    child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    try:
        target = store.write(Incident.create("Payments down", "Payments"), None)
        data = json.loads(target.read_text("utf-8"))
        data["pid"] = child.pid
        target.write_text(json.dumps(data), "utf-8")
        assert store.orphans() == []
        assert child.poll() is None
    finally:
        child.kill()
        child.wait()
    assert len(store.orphans()) == 1
