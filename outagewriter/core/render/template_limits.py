"""Jinja's sandbox with a time limit and an output limit, for templates from the user's folder.

Jinja's sandbox stops a template from reaching Python internals, but not from running for ever: a
loop that appends to the list it walks, nested `range`s, `lipsum(n=10**7)` or `"x" * 10**10` hang the
preview and every command. Python cannot stop a running thread, so the template is made to check
for itself: every call, attribute and item lookup, arithmetic operator and filter in it passes one of
the hooks below, and each hook checks the deadline and the output so far; every piece of output the
template yields is counted too. A template over a limit raises TemplateLimitExceeded, which the
renderer reports in one line before it falls back to the shipped template.

A loop that passes no hook at all (nested `for`s over a long string, inside a `{% set %}` block)
would still run on; a watchdog thread stops it by raising TemplateOverran in the rendering thread
(CPython's PyThreadState_SetAsyncExc, which interrupts pure-Python loops such as compiled templates).

Also: `range` is capped at MAX_RANGE items, `lipsum` is gone, and no number handed to a call,
filter or `*` may ask for more than MAX_OUTPUT_CHARS of output.
"""
from __future__ import annotations

import ctypes
import re
import threading
import time
from typing import Any, Callable

from jinja2.sandbox import SandboxedEnvironment

from ..i18n import _

TIME_LIMIT_SECONDS = 0.5  # a real template renders in milliseconds
# Both the hooks and the watchdog count the rendering thread's own CPU time, so a busy machine (a send,
# a build, another app) that leaves the thread waiting never passes for a template that runs too long.
# A thread kept waiting this many times the limit on the wall clock is stopped all the same.
WATCHDOG_FACTOR = 10
MAX_OUTPUT_CHARS = 2_000_000  # every field at its longest, and then some
MAX_RANGE = 10_000  # Jinja's sandbox allows 100,000 per range, and ranges nest


class TemplateLimitExceeded(RuntimeError):
    """A user template ran too long or wrote too much; the message says which."""


class TemplateOverran(TemplateLimitExceeded):
    """Raised by the watchdog inside the rendering thread: the template passed no hook in time."""

    def __init__(self, *args):
        super().__init__(*(args or (_ran_too_long(),)))


def _ran_too_long() -> str:
    return _("the template ran longer than {seconds} s").format(seconds=f"{TIME_LIMIT_SECONDS:g}")


def _cpu_clock(thread: int) -> Callable[[], float] | None:
    """A reader of `thread`'s CPU time, where the system offers one (Linux, BSD); else None."""
    try:
        clock = time.pthread_getcpuclockid(thread)
        time.clock_gettime(clock)
    except (AttributeError, OSError):
        return None
    return lambda: time.clock_gettime(clock)


class _Watchdog:
    """Interrupts the current thread once the `with` block has used `seconds` of its CPU time (the wall
    clock where the system cannot tell), or has run WATCHDOG_FACTOR times that long on the wall clock."""

    POLL_SECONDS = 0.05

    def __init__(self, seconds: float):
        self._thread = threading.get_ident()
        self._cpu = _cpu_clock(self._thread)
        self._seconds = seconds
        self._lock = threading.Lock()
        self._running = True
        self._done = threading.Event()
        self.fired = False
        self._watcher = threading.Thread(target=self._watch, daemon=True, name="template watchdog")

    def _used(self, started_wall: float, started_cpu: float) -> bool:
        wall = time.monotonic() - started_wall
        if self._cpu is None:
            return wall > self._seconds
        return self._cpu() - started_cpu > self._seconds or wall > self._seconds * WATCHDOG_FACTOR

    def _watch(self) -> None:
        started_wall, started_cpu = time.monotonic(), self._cpu() if self._cpu else 0.0
        if self._done.wait(self._seconds):
            return
        while not self._used(started_wall, started_cpu):
            if self._done.wait(self.POLL_SECONDS):
                return
        self._fire()

    def _fire(self) -> None:
        with self._lock:
            if self._running:
                self.fired = True
                ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(self._thread),
                                                           ctypes.py_object(TemplateOverran))

    def __enter__(self) -> "_Watchdog":
        self._watcher.start()
        return self

    def __exit__(self, exc_type, exc, tb) -> None:
        self._done.set()
        with self._lock:
            self._running = False
            if self.fired:  # not raised yet: take it back, and raise it here instead
                ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(self._thread), None)
        if self.fired and exc_type is None:
            raise TemplateOverran()


class LimitedSandbox(SandboxedEnvironment):
    intercepted_binops = frozenset({"*", "**", "%"})

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._state = threading.local()  # the preview renders in a worker thread, the sender in another
        self.globals.pop("lipsum", None)
        self.globals["range"] = self._range

    # -- the budget of one render ---------------------------------------------------------------

    def render_limited(self, name: str, context: dict) -> str:
        """Render template `name`, raising TemplateLimitExceeded past the time or output limit."""
        self._state.deadline = time.monotonic() + TIME_LIMIT_SECONDS
        self._state.cpu_deadline = time.thread_time() + TIME_LIMIT_SECONDS
        self._state.written = 0
        try:
            # The hooks stop almost every overrun at the limit; the watchdog, later, the rest.
            with _Watchdog(TIME_LIMIT_SECONDS * 2):
                pieces = []
                for piece in self.get_template(name).generate(context):
                    self._count(len(piece))
                    pieces.append(piece)
                return "".join(pieces)
        finally:
            self._state.deadline = None

    def _check(self) -> None:
        deadline = getattr(self._state, "deadline", None)
        # The wall clock first: it is cheap, and the thread's CPU time can only be over when it is.
        if deadline is not None and time.monotonic() > deadline and time.thread_time() > self._state.cpu_deadline:
            raise TemplateLimitExceeded(_ran_too_long())

    def _count(self, chars: int) -> None:
        self._check()
        self._state.written = getattr(self._state, "written", 0) + chars
        if self._state.written > MAX_OUTPUT_CHARS:
            raise TemplateLimitExceeded(_("the template wrote more than {count:,} characters").format(
                count=MAX_OUTPUT_CHARS))

    @staticmethod
    def _refuse_huge(values) -> None:
        for value in values:
            if isinstance(value, int) and not isinstance(value, bool) and abs(value) > MAX_OUTPUT_CHARS:
                raise TemplateLimitExceeded(
                    _("the number {number} is too large for a template").format(number=value) if abs(value) < 10**20
                    else _("the number given is too large for a template"))

    # -- the sandbox's hooks --------------------------------------------------------------------

    def call(__self, __context, __obj, *args, **kwargs):  # noqa: N805 - Jinja's own signature
        __self._check()
        __self._refuse_huge(args)
        __self._refuse_huge(kwargs.values())
        result = super().call(__context, __obj, *args, **kwargs)
        if isinstance(result, (str, list, tuple)):
            __self._check_size(len(result))
        return result

    def getattr(self, obj, attribute):
        self._check()
        if attribute in ("format", "format_map"):
            _check_format_string(obj)
        return super().getattr(obj, attribute)

    def getitem(self, obj, argument):
        self._check()
        return super().getitem(obj, argument)

    def call_binop(self, context, op: str, left, right):
        self._check()
        if op == "**" and isinstance(right, (int, float)) and abs(right) > 64:
            raise TemplateLimitExceeded(_("an exponent above 64 is too large for a template"))
        if op == "*":
            self._check_product(left, right)
        if op == "%":
            _check_format_string(left)
        return super().call_binop(context, op, left, right)

    def _check_product(self, left, right) -> None:
        for seq, times in ((left, right), (right, left)):
            if isinstance(seq, (str, list, tuple)) and isinstance(times, int):
                self._check_size(len(seq) * times)

    def _check_size(self, size: int) -> None:
        if size > MAX_OUTPUT_CHARS:
            raise TemplateLimitExceeded(_("the template made a value of more than {count:,} items").format(
                count=MAX_OUTPUT_CHARS))

    def _range(self, *args):
        self._check()
        numbers = range(*args)
        if len(numbers) > MAX_RANGE:
            raise TemplateLimitExceeded(_("range() of more than {count:,} numbers").format(count=MAX_RANGE))
        return numbers

    def limit_filters(self) -> None:
        """Wrap every filter (call after adding our own): filters bypass `call`."""
        for name, function in list(self.filters.items()):
            self.filters[name] = _limited_filter(self, function)


_HUGE_WIDTH = re.compile(r"\d{7,}")


def _check_format_string(value) -> None:
    """'{:>1000000000}' or '%1000000000s' would make a gigabyte before anything could count it."""
    if isinstance(value, str) and _HUGE_WIDTH.search(value):
        raise TemplateLimitExceeded(_("a format width that large is not for a template"))


def _limited_filter(env: LimitedSandbox, function: Callable[..., Any]) -> Callable[..., Any]:
    # Filters marked for it get the context or environment first, then the value, then arguments.
    skipped = 2 if hasattr(function, "jinja_pass_arg") else 1

    def limited(*args, **kwargs):
        env._check()
        if function.__name__ == "do_format" and len(args) >= skipped:
            _check_format_string(args[skipped - 1])
        env._refuse_huge(args[skipped:])
        env._refuse_huge(kwargs.values())
        result = function(*args, **kwargs)
        if isinstance(result, str):
            env._check_size(len(result))
        return result

    if hasattr(function, "jinja_pass_arg"):
        limited.jinja_pass_arg = function.jinja_pass_arg
    limited.__name__ = getattr(function, "__name__", "filter")
    return limited
