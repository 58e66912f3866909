"""Is a process on this machine still running? Edit locks and crash recovery both ask.

The question must never touch the process. `os.kill(pid, 0)` is the POSIX idiom, but on Windows
`os.kill` terminates the process whatever the signal; psutil asks each system its own harmless
way (OpenProcess on Windows, signal 0 on POSIX, with Linux thread ids told apart from processes).
"""
from __future__ import annotations

import os

import psutil

# Process ids are C ints (a DWORD on Windows): a larger number in a lock or recovery file was
# never a process id, and os.kill would raise OverflowError on it.
_MAX_PID = 2**31 - 1


def process_alive(pid: int) -> bool:
    """True while process `pid` runs on this machine; False for a pid that cannot exist (0, negative, huge)."""
    if isinstance(pid, bool) or not isinstance(pid, int) or not 0 < pid <= _MAX_PID:
        return False
    if pid == os.getpid():
        return True
    return psutil.pid_exists(pid)
