"""Components from the command line: one line, `;` between components, carried into the next update."""
import json
import os
import subprocess
import sys


def run(*args, cwd):
    env = dict(os.environ, OUTAGEWRITER_CONFIG_DIR=str(cwd / "config"))
    return subprocess.run([sys.executable, "-m", "outagewriter", *map(str, args)], cwd=cwd, env=env,
                          capture_output=True, timeout=60, check=False)


def test_set_components_on_one_line_and_carry_them_into_the_update(tmp_path):
    path = tmp_path / "payments.outage"
    assert run("new", path, "--title", "Card payments failing", "--service", "Checkout", cwd=tmp_path).returncode == 0
    result = run("set", path, "components=API=major-outage; Dashboard=degraded performance", "impact_level=major",
                 cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    fields = json.loads(path.read_text("utf-8"))["notices"][0]["fields"]
    assert fields["components"] == "API = major-outage\nDashboard = degraded-performance"
    subject = run("render", path, "--format", "subject", cwd=tmp_path).stdout.decode()
    assert subject == "Major outage · Investigating: Card payments failing (Checkout)\n"
    text = run("render", path, cwd=tmp_path).stdout.decode()
    assert "Impact: Major\n" in text and "API        Major outage\nDashboard  Degraded performance\n" in text

    data = json.loads(path.read_text("utf-8"))
    data["notices"][0]["sent"] = {"message_id": "<1@acme.example>"}
    path.write_text(json.dumps(data), "utf-8")
    assert run("add", path, "--kind", "resolution", cwd=tmp_path).returncode == 0
    carried = json.loads(path.read_text("utf-8"))["notices"][1]["fields"]
    assert carried["components"] == fields["components"]
    checked = run("check", path, cwd=tmp_path)
    assert "still lists API (major outage), Dashboard (degraded performance)" in checked.stdout.decode()


def test_a_bad_component_is_one_line_and_the_file_is_kept(tmp_path):
    path = tmp_path / "payments.outage"
    assert run("new", path, "--title", "Card payments failing", "--service", "Checkout", cwd=tmp_path).returncode == 0
    before = path.read_bytes()
    result = run("set", path, "components=API=major-outage; Dashboard=down", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.decode().strip().splitlines() == [
        "outagewriter set: components: line 2: 'down' is not a status; use operational, degraded-performance, "
        "partial-outage, major-outage, under-maintenance"]
    assert path.read_bytes() == before
