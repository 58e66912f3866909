"""How fast the window answers, measured with pytest-benchmark.

    bash scripts/bench tests/benchmarks/test_ui_speed.py

Each benchmark checks its result (the preview shows the edit, the findings are there, the window
is usable) on every run, and asserts its budget from DESIGN.md section 8 whenever rounds were
measured (see budgets.py). With --benchmark-disable (the default addopts) each runs once.
"""
from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402
from budgets import check_budget  # noqa: E402
from long_notice import long_incident  # noqa: E402
from PySide6.QtCore import QEventLoop, Qt, QTimer  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402

from outagewriter.app import build_context, create_window  # noqa: E402
from outagewriter.core.storage import fileformat
from outagewriter.ui.context import Timings  # noqa: E402
from outagewriter.ui.dialogs import DISCARD, Dialogs  # noqa: E402

KEYSTROKE_WORK_BUDGET = 0.050  # DESIGN.md section 8: keystroke to updated preview, render + checks
SUMMARY_TOO_LONG = "structure.summary-too-long"  # the long notice's 100-word summary


class _Discard(Dialogs):
    def unsaved_changes(self, parent, name):
        return DISCARD


@pytest.fixture
def open_long_window(qtbot, tmp_path):
    """A shown window on the 2,000-word notice, the cursor at the end of the summary."""
    contexts = []

    def open_window(timings: Timings | None = None):
        path = tmp_path / "long.outage"
        incident = long_incident()
        assert 1900 <= sum(len(v.split()) for v in incident.notices[-1].fields.values()) <= 2200
        fileformat.save(incident, path)
        context = build_context(state_dir=tmp_path / "state", config_dir=tmp_path / "config", dialogs=_Discard(),
                                timings=timings)
        contexts.append(context)
        window = create_window(path, context, offer_recovery=False)
        qtbot.addWidget(window)
        window.resize(1400, 900)
        window.show()
        qtbot.waitExposed(window)
        summary = window.form.editors["summary"]
        summary.setFocus()
        summary.moveCursor(summary.textCursor().MoveOperation.End)
        return window, summary

    yield open_window
    for context in contexts:
        context.tasks.wait()


def press_x_and_wait_for_preview(window, editor) -> None:
    """A key press in `editor`, then a local event loop until the preview was updated and repainted."""
    generation = window.live.generation
    loop, guard = QEventLoop(), QTimer()
    guard.setSingleShot(True)
    guard.timeout.connect(loop.quit)

    def rendered(_rendered):
        QTimer.singleShot(0, loop.quit)  # after the repaints the update posted

    window.live.rendered.connect(rendered)
    try:
        QTest.keyClick(editor, Qt.Key.Key_X)
        guard.start(5000)
        loop.exec()
    finally:
        guard.stop()
        window.live.rendered.disconnect(rendered)
    assert window.live.generation > generation, "the preview was not updated within 5 s"


def assert_preview_shows_typing(window, typed: int) -> None:
    assert window.notice.fields["summary"].endswith("what we know. " + "x" * typed)
    assert ("know. " + "x" * typed) in window.preview.html.toPlainText()


def _keystrokes(benchmark, window, summary) -> int:
    typed = [0]

    def keystroke():
        press_x_and_wait_for_preview(window, summary)
        typed[0] += 1

    benchmark.pedantic(keystroke, rounds=40, iterations=1, warmup_rounds=2)
    return typed[0]


def test_keystroke_to_updated_preview_2000_words(benchmark, open_long_window):
    """A key press in the summary to the repainted preview, without the debounce: the work a keystroke costs."""
    window, summary = open_long_window(Timings(preview_ms=0))
    assert_preview_shows_typing(window, _keystrokes(benchmark, window, summary))
    check_budget(benchmark, KEYSTROKE_WORK_BUDGET, "p95 < 50 ms")


def test_keystroke_to_updated_preview_with_debounce_2000_words(benchmark, open_long_window):
    """End to end as a user sees it: the same, plus the debounce that waits for a pause in typing."""
    window, summary = open_long_window()
    debounce_ms = window.live.context.timings.preview_ms
    benchmark.extra_info["debounce_ms"] = debounce_ms
    assert_preview_shows_typing(window, _keystrokes(benchmark, window, summary))
    check_budget(benchmark, debounce_ms / 1000 + KEYSTROKE_WORK_BUDGET, f"p95 < {debounce_ms} ms debounce + 50 ms")


def test_render_and_fast_checks_2000_words(benchmark, tmp_path):
    """What runs on the GUI thread after the debounce, without the widgets: render + structure + tone."""
    context = build_context(state_dir=tmp_path / "state", config_dir=tmp_path / "config")
    incident = long_incident()
    notice = incident.notices[-1]

    def work():
        return context.renderer.render(incident, notice), context.check(incident, notice)

    rendered, findings = benchmark.pedantic(work, rounds=50, iterations=1, warmup_rounds=2)
    assert notice.fields["workaround"].split("\n\n")[0].strip() in rendered.text
    assert SUMMARY_TOO_LONG in {f.rule for f in findings}
    check_budget(benchmark, KEYSTROKE_WORK_BUDGET, "p95 < 50 ms (part of the keystroke)")


def test_preview_refresh_2000_words(benchmark, open_long_window):
    """The whole GUI-thread cost of one refresh: flush, render, checks, preview and findings widgets."""
    window, summary = open_long_window()
    typed = [0]

    def refresh():
        summary.insertPlainText("x")  # a real change, so every widget is updated
        window.live.run_now()
        typed[0] += 1

    benchmark.pedantic(refresh, rounds=40, iterations=1, warmup_rounds=2)
    assert_preview_shows_typing(window, typed[0])
    assert SUMMARY_TOO_LONG in {card.finding.rule for card in window.findings.cards}


STARTUP = textwrap.dedent("""
    import sys
    from PySide6.QtWidgets import QApplication
    app = QApplication([])
    from outagewriter.app import create_window
    window = create_window(sys.argv[1], offer_recovery=False)
    window.show()
    app.processEvents()
    # Usable: shown, the notice loaded and its preview rendered.
    assert window.isVisible() and window.live.generation > 0 and window.preview.subject.text()
    print("READY", window.preview.subject.text(), flush=True)
""")


def test_start_to_usable_window(benchmark, tmp_path):
    example = tmp_path / "payments-outage.outage"  # a copy: a killed child leaves its edit lock beside it
    example.write_bytes((Path(__file__).resolve().parents[2] / "examples" / "payments-outage.outage").read_bytes())
    title = fileformat.load(example).title
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", OUTAGEWRITER_STATE_DIR=str(tmp_path / "state"),
               OUTAGEWRITER_CONFIG_DIR=str(tmp_path / "config"))

    def start():
        child = subprocess.Popen([sys.executable, "-c", STARTUP, str(example)], env=env,
                                 stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        line = child.stdout.readline()
        child.kill()
        _, errors = child.communicate()
        return line, errors

    line, errors = benchmark.pedantic(start, rounds=8, iterations=1, warmup_rounds=1)
    assert line.startswith("READY ") and title in line, errors
    check_budget(benchmark, 1.5, "p95 < 1.5 s")
