"""The user-template time limit counts the work the template does, not the time the machine makes it wait."""
from __future__ import annotations

import time

import jinja2
import pytest

from outagewriter.core.render.template_limits import TIME_LIMIT_SECONDS, LimitedSandbox, TemplateLimitExceeded


class SlowToAnswer:
    """A value whose lookups wait without working, as a thread does on a busy machine."""

    @property
    def part(self) -> str:
        time.sleep(TIME_LIMIT_SECONDS / 2)
        return "x"


def _sandbox(source: str) -> LimitedSandbox:
    return LimitedSandbox(loader=jinja2.DictLoader({"t.txt": source}))


def test_a_template_kept_waiting_is_not_stopped():
    # Five lookups of a quarter-limit wait each: two and a half times the limit on the wall clock,
    # next to no CPU time. On a busy machine this is what a slow-scheduled render looks like.
    started = time.monotonic()
    out = _sandbox("{% for i in range(5) %}{{ slow.part }}{% endfor %}").render_limited("t.txt", {"slow": SlowToAnswer()})
    assert out == "xxxxx"
    assert time.monotonic() - started > 2 * TIME_LIMIT_SECONDS


@pytest.mark.parametrize("source", [
    "{% for i in range(10000) %}{% for j in range(10000) %}{{ i }}{% endfor %}{% endfor %}",  # passes hooks
    "{% set s = 'x' * 2000 %}{% set o %}{% for a in s %}{% for b in s %}{% for c in s %}{% endfor %}{% endfor %}"
    "{% endfor %}{% endset %}",  # passes no hook: the watchdog stops it
])
def test_a_template_that_works_too_long_is_still_stopped(source):
    started = time.monotonic()
    with pytest.raises(TemplateLimitExceeded):
        _sandbox(source).render_limited("t.txt", {})
    assert time.monotonic() - started < 4 * TIME_LIMIT_SECONDS + 1
