"""The corpus of bad incident files (tests/data/bad-files) and mutants of a good one, through every
command that reads a file: no crash (a traceback, or an exit code other than 0, 1 or 2) and no hang.

No network: `send` stops at the approval check or at the missing account, before any connection.
"""
import json
import random
import signal
from pathlib import Path

import pytest

from outagewriter import cli
from outagewriter.core.mail.message import Sender, build_message
from outagewriter.core.render.renderer import Renderer
from outagewriter.core.review import send_gate
from outagewriter.core.review import workflow as review
from outagewriter.core.settings import Settings
from outagewriter.core.storage import fileformat

CORPUS = Path(__file__).parents[1] / "data" / "bad-files"
GOOD = Path(__file__).parents[2] / "examples" / "payments-outage.outage"
COMMANDS = (["render"], ["render", "--format", "eml"], ["check"], ["review"], ["send", "--account", "nobody"])
SECONDS_PER_RUN = 10


class Hang(Exception):
    pass


def _alarm(signum, frame):
    raise Hang()


@pytest.fixture(autouse=True)
def config(tmp_path, monkeypatch):
    monkeypatch.setenv("OUTAGEWRITER_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.setenv("OUTAGEWRITER_STATE_DIR", str(tmp_path / "state"))
    previous = signal.signal(signal.SIGALRM, _alarm)
    yield
    signal.signal(signal.SIGALRM, previous)


def run_within_limit(function, *args):
    signal.alarm(SECONDS_PER_RUN)
    try:
        return function(*args)
    except Hang:
        pytest.fail(f"{function.__name__}{args!r} ran longer than {SECONDS_PER_RUN} s")
    finally:
        signal.alarm(0)


def test_the_corpus_covers_the_known_cases():
    assert len(list(CORPUS.glob("*.outage"))) >= 35


@pytest.mark.parametrize("name", sorted(p.name for p in CORPUS.glob("*.outage")))
def test_bad_file_through_every_command(tmp_path, capsys, name):
    copy = tmp_path / name
    copy.write_bytes((CORPUS / name).read_bytes())
    for command in COMMANDS:
        code = run_within_limit(cli.main, [command[0], str(copy), *command[1:]])
        out, err = capsys.readouterr()
        assert code in (0, 1, 2), (command, code, err)
        assert "Traceback" not in err and "\x1b" not in out + err, (command, err)
        if code == 2:
            assert len(err.strip().splitlines()) == 1, (command, err)
    assert copy.read_bytes() == (CORPUS / name).read_bytes()  # reading never changes the file


def _mutants(count: int, seed: int = 20261127):
    """Deterministic mutants of a good file: changed bytes, cut ends, and JSON values swapped for odd ones."""
    rng = random.Random(seed)
    text = GOOD.read_text("utf-8")
    data = json.loads(text)
    odd_values = [None, True, 0, -1, 2**63, 1e308, "", "\x1b[8m", "\ud800", "é" * 1000, "9999-12-31T23:59-01:00",
                  "<a@b>\r\n", [], {}, [[]], {"": None}, "x" * 100_001, "ž" * 100_000]

    def paths(value, prefix=()):
        yield prefix
        if isinstance(value, dict):
            for key, item in value.items():
                yield from paths(item, prefix + (key,))
        elif isinstance(value, list):
            for index, item in enumerate(value):
                yield from paths(item, prefix + (index,))

    every_path = [p for p in paths(data) if p]
    for number in range(count):
        kind = number % 3
        if kind == 0:  # a few characters changed
            chars = list(text)
            for _ in range(rng.randint(1, 4)):
                chars[rng.randrange(len(chars))] = chr(rng.choice([0, 0x1B, 0x85, ord('"'), ord("{"), ord("]"),
                                                                   ord(","), rng.randrange(32, 0x3000)]))
            yield "".join(chars)
        elif kind == 1:  # cut short, or with a piece of itself repeated
            cut = rng.randrange(len(text))
            yield text[:cut] if rng.random() < 0.5 else text[:cut] + text[cut // 2:]
        else:  # one value replaced by an odd one
            mutant = json.loads(text)
            path = rng.choice(every_path)
            holder = mutant
            for step in path[:-1]:
                holder = holder[step]
            holder[path[-1]] = rng.choice(odd_values)
            yield json.dumps(mutant)


def _use(text: str) -> None:
    """What the window and the sender do with a file they opened."""
    try:
        incident = fileformat.loads(text, "mutant.outage")
    except fileformat.IncidentFileError as exc:
        assert "\n" not in str(exc)
        return
    renderer = Renderer()
    for notice in incident.notices:
        rendered = renderer.render(incident, notice)
        build_message(incident, notice, rendered, Sender("ops@acme.example", "Ops")).as_bytes()
        try:
            send_gate.check_can_send(incident, notice, rendered, Settings())
        except review.ApprovalError:
            pass
    fileformat.dumps(incident).encode("utf-8")  # and it can be saved again


def test_mutants_of_a_good_file_load_render_and_save_or_give_one_clear_line():
    for text in _mutants(300):
        run_within_limit(_use, text)
