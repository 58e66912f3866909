"""UI test fixtures: a window on its own state folder, with dialogs that answer from a script."""
from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402

from outagewriter.app import build_context, create_window  # noqa: E402
from outagewriter.core.incident.model import Incident  # noqa: E402
from outagewriter.core.storage import fileformat
from outagewriter.ui.context import Timings  # noqa: E402


from window_fakes import FakeGrammar, ScriptedDialogs  # noqa: E402


@pytest.fixture
def dirs(tmp_path, monkeypatch):
    state, config = tmp_path / "state", tmp_path / "config"
    monkeypatch.setenv("OUTAGEWRITER_STATE_DIR", str(state))
    monkeypatch.setenv("OUTAGEWRITER_CONFIG_DIR", str(config))
    return state, config


@pytest.fixture
def fake_grammar():
    grammar = FakeGrammar()
    yield grammar
    grammar.close()


@pytest.fixture
def recorded_grammar():
    """What a real LanguageTool (6.x, en-US) flags in the sentences the findings tests type."""
    grammar = FakeGrammar({"teh": "the", "Contabo": "Contact", "Duesseldorf": "Düsseldorf"})
    yield grammar
    grammar.close()


@pytest.fixture
def dialogs():
    return ScriptedDialogs()


@pytest.fixture
def make_window(qtbot, dirs, dialogs):
    contexts = []

    def make(path=None, grammar=None, offer_recovery=False, timings=None):
        context = build_context(state_dir=dirs[0], config_dir=dirs[1], dialogs=dialogs,
                                grammar=grammar if grammar is not None else _Off(),
                                timings=timings or Timings(autosave_ms=400, autosave_max_ms=2000))
        contexts.append(context)
        window = create_window(path, context, offer_recovery=offer_recovery)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        return window

    yield make
    for context in contexts:
        context.tasks.wait()


class _Off:
    enabled = False


@pytest.fixture
def incident_file(tmp_path):
    incident = Incident.create("Card payments failing", "Checkout")
    incident.notices[-1].update({
        "summary": "Card payments fail for some customers since 09:40 CET.",
        "impact": "Card payments fail with an error message.",
        "data_loss": "none",
        "contact_name": "Jana Novák",
        "contact_email": "jana.novak@example.com",
        "next_update": "2026-11-27T11:00[Europe/Prague]",
    })
    path = tmp_path / "payments.outage"
    fileformat.save(incident, path)
    return path
