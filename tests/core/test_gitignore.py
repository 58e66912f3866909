"""Files the app leaves beside an incident file (edit lock, take-over guard, temporary saves) are
never committed by a team that keeps its incidents in git."""
import os
import subprocess
from pathlib import Path

from outagewriter.core.storage.atomic import atomic_write_text
from outagewriter.core.storage.locks import EditLock

REPO = Path(__file__).resolve().parents[2]


def _ignored(path: str) -> bool:
    # --no-index: judged by the patterns alone, whether or not the file is tracked or exists.
    done = subprocess.run(["git", "-C", str(REPO), "check-ignore", "-q", "--no-index", path])
    assert done.returncode in (0, 1), done
    return done.returncode == 0


def test_files_left_beside_an_incident_are_ignored(tmp_path, monkeypatch):
    incident = tmp_path / "payments.outage"
    atomic_write_text(incident, "{}")
    seen = set()
    real_replace = os.replace

    def remember(src, dst):  # the temporary name a save writes before it replaces the file
        seen.add(Path(src).name)
        return real_replace(src, dst)

    monkeypatch.setattr("os.replace", remember)
    atomic_write_text(incident, "{}")
    lock = EditLock(incident, user="Jana")
    lock.acquire()
    seen |= {p.name for p in tmp_path.iterdir()} - {incident.name}
    lock.release()
    seen.add(lock.lock_path.name + ".takeover")
    seen.add(f"{lock.lock_path.name}.0123456789ab.tmp")  # the lock's own temporary name
    assert {".payments.outage.lock"} <= seen and any(n.endswith(".tmp") for n in seen)
    for name in sorted(seen):
        assert _ignored(f"examples/{name}"), f"{name} is not in .gitignore"
    assert not _ignored("examples/payments.outage")
