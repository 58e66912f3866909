"""`outagewriter accounts ...` and `outagewriter send` as a user runs them: real processes, a real
SMTP server, the real keyring, a private config folder (OUTAGEWRITER_CONFIG_DIR)."""
from __future__ import annotations

import base64
import json

import pytest
from send_helpers import add_account, addresses, ow, write_incident

from outagewriter.core.mail import record
from outagewriter.core.mail.secrets import Secrets
from outagewriter.core.storage import fileformat

pytestmark = pytest.mark.integration


def test_add_list_test_remove(cli_env, smtp_server, account_name, real_keyring, config_dir):
    proc = add_account(cli_env, smtp_server, account_name)
    assert "Password saved in the system keyring." in proc.stdout
    assert real_keyring.get(account_name) == smtp_server.password
    stored = json.loads((config_dir / "accounts.json").read_text(encoding="utf-8"))
    assert [a["name"] for a in stored["accounts"]] == [account_name]

    listed = ow(cli_env, "accounts", "list")
    assert listed.returncode == 0 and account_name in listed.stdout and "password saved" in listed.stdout

    tested = ow(cli_env, "accounts", "test", account_name)
    assert tested.returncode == 0, tested.stderr
    assert f"Connected to 127.0.0.1:{smtp_server.port}, encrypted" in tested.stdout
    assert smtp_server.received == []

    again = ow(cli_env, "accounts", "add", account_name, "--host", "x.example", "--from", "a@b.example")
    assert again.returncode == 2 and "--replace" in again.stderr

    removed = ow(cli_env, "accounts", "remove", account_name)
    assert removed.returncode == 0 and "and its saved password" in removed.stdout
    assert real_keyring.get(account_name) is None
    assert ow(cli_env, "accounts", "test", account_name).returncode == 2


def test_add_with_a_preset(cli_env, account_name, config_dir):
    proc = ow(cli_env, "accounts", "add", account_name, "--preset", "gmail", "--from", "me@gmail.example")
    assert proc.returncode == 0, proc.stderr
    assert "app password" in proc.stdout and "No password saved" in proc.stdout
    account, = json.loads((config_dir / "accounts.json").read_text())["accounts"]
    assert (account["host"], account["port"], account["security"]) == ("smtp.gmail.com", 587, "starttls")
    assert account["username"] == "me@gmail.example"


def test_add_rejects_bad_input(cli_env, account_name):
    assert ow(cli_env, "accounts", "add", account_name, "--host", "h.example", "--security", "ssl",
              "--from", "a@b.example").returncode == 2
    bad = ow(cli_env, "accounts", "add", account_name, "--host", "h.example", "--from", "not an address")
    assert bad.returncode == 2 and "sender address" in bad.stderr
    bad = ow(cli_env, "accounts", "add", account_name, "--from", "a@b.example")
    assert bad.returncode == 2 and "--host is required" in bad.stderr


def test_account_test_reports_a_wrong_password(cli_env, smtp_server, account_name, real_keyring):
    add_account(cli_env, smtp_server, account_name, password="wrong-one")
    proc = ow(cli_env, "accounts", "test", account_name)
    assert proc.returncode == 1
    assert "refused the user name or password" in proc.stderr and "wrong-one" not in proc.stderr


def test_cafile_instead_of_the_system_trust_store(cli_env, smtp_server, smtp_certs, account_name, real_keyring):
    env = dict(cli_env)
    del env["SSL_CERT_FILE"]
    add_account(env, smtp_server, account_name, "--cafile", smtp_certs.ca_file)
    assert ow(env, "accounts", "test", account_name).returncode == 0


def test_send_refuses_without_approval_before_touching_account_or_network(cli_env, smtp_server, account_name,
                                                                           real_keyring, tmp_path):
    add_account(cli_env, smtp_server, account_name)
    path = write_incident(tmp_path, addresses(3), approved=False)
    before = path.read_bytes()
    # An account that does not exist proves the refusal comes first: no account lookup, no password.
    proc = ow(cli_env, "send", path, "--account", "no-such-account", "--yes")
    assert proc.returncode == 2
    assert "notice 1 cannot be sent: it has not been approved" in proc.stderr
    assert smtp_server.received == [] and path.read_bytes() == before


def test_send_refuses_an_approval_voided_by_a_hand_edit(cli_env, smtp_server, account_name, real_keyring, tmp_path):
    add_account(cli_env, smtp_server, account_name)
    path = write_incident(tmp_path, addresses(3))
    data = json.loads(path.read_text("utf-8"))
    data["notices"][-1]["fields"]["summary"] += " Edited after approval."
    path.write_text(json.dumps(data), "utf-8")
    proc = ow(cli_env, "send", path, "--account", account_name, "--yes")
    assert proc.returncode == 2 and "approval void: changed after approval" in proc.stderr
    assert "Edited after approval." in proc.stderr  # the word-level diff says what changed
    assert smtp_server.received == []


def test_send_needs_confirmation_when_approval_is_off(cli_env, config_dir, smtp_server, account_name, real_keyring,
                                                      tmp_path):
    config_dir.mkdir(exist_ok=True)
    (config_dir / "settings.json").write_text(json.dumps({"review": {"approval_required": False}}))
    add_account(cli_env, smtp_server, account_name)
    path = write_incident(tmp_path, addresses(3), approved=False)
    proc = ow(cli_env, "send", path, "--account", account_name)
    assert proc.returncode == 2 and "pass --yes" in proc.stderr
    assert smtp_server.received == [] and fileformat.load(path).notices[-1].sent is None
    assert ow(cli_env, "send", path, "--account", account_name, "--yes").returncode == 0
    assert len(smtp_server.received) == 1


def test_sent_is_in_the_audit_trail(cli_env, smtp_server, account_name, real_keyring, tmp_path):
    add_account(cli_env, smtp_server, account_name)
    path = write_incident(tmp_path, addresses(2))
    assert ow(cli_env, "send", path, "--account", account_name).returncode == 0  # the approval is the go-ahead
    events = [entry["event"] for entry in json.loads(path.read_text("utf-8"))["log"]]
    assert events == ["review-requested", "approved", "sent"]


def test_send_then_nothing_left(cli_env, smtp_server, account_name, real_keyring, tmp_path):
    add_account(cli_env, smtp_server, account_name)
    path = write_incident(tmp_path, addresses(12), bcc=["audit@acme.example"])
    proc = ow(cli_env, "send", path, "--account", account_name, "--yes")
    assert proc.returncode == 0, proc.stderr
    assert "13 of 13 recipients accepted" in proc.stdout and "Archived as" in proc.stdout
    assert smtp_server.delivered() == {a: 1 for a in addresses(12) + ["audit@acme.example"]}
    again = ow(cli_env, "send", path, "--account", account_name, "--yes")
    assert again.returncode == 2 and "Every recipient has this notice already" in again.stderr
    assert len(smtp_server.delivered()) == 13 and sum(smtp_server.delivered().values()) == 13


def test_partial_failure_exit_1_then_retry(cli_env, faulty_smtp, account_name, real_keyring, tmp_path):
    to = addresses(6)
    faulty_smtp.faults.rcpt = {to[1]: "550 5.1.1 No such user here"}
    add_account(cli_env, faulty_smtp, account_name)
    path = write_incident(tmp_path, to)
    proc = ow(cli_env, "send", path, "--account", account_name, "--yes")
    assert proc.returncode == 1
    assert "1 of 6 recipients were not accepted" in proc.stdout and "No such user here" in proc.stdout
    faulty_smtp.faults.rcpt = {}
    proc = ow(cli_env, "send", path, "--account", account_name, "--yes")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "5 recipients have it" in proc.stdout and "1 of 1 recipients accepted" in proc.stdout
    assert faulty_smtp.delivered() == {a: 1 for a in to}


def test_test_to_self(cli_env, smtp_server, account_name, real_keyring, tmp_path):
    add_account(cli_env, smtp_server, account_name)
    path = write_incident(tmp_path, addresses(4), bcc=["audit@acme.example"])
    proc = ow(cli_env, "send", path, "--account", account_name, "--test-to-self")  # no confirmation needed
    assert proc.returncode == 0, proc.stderr
    assert [m.rcpt_tos for m in smtp_server.received] == [[smtp_server.user]]
    assert fileformat.load(path).notices[-1].sent is None


def test_connection_fault_exit_1(cli_env, smtp_server, closed_port, account_name, real_keyring, tmp_path):
    add_account(cli_env, smtp_server, account_name)
    ow(cli_env, "accounts", "add", account_name, "--replace", "--host", "127.0.0.1", "--port", closed_port,
       "--from", smtp_server.user, "--password-stdin", stdin=smtp_server.password + "\n")
    path = write_incident(tmp_path, addresses(2))
    proc = ow(cli_env, "send", path, "--account", account_name, "--yes")
    assert proc.returncode == 1 and "Nothing accepted a connection" in proc.stdout
    assert fileformat.load(path).notices[-1].sent is None


def test_bad_input_exit_2(cli_env, smtp_server, account_name, real_keyring, tmp_path):
    add_account(cli_env, smtp_server, account_name)
    broken = tmp_path / "broken.outage"
    broken.write_text("{not json")
    assert ow(cli_env, "send", broken, "--account", account_name, "--yes").returncode == 2
    path = write_incident(tmp_path, addresses(2))
    proc = ow(cli_env, "send", path, "--account", "nobody", "--yes")
    assert proc.returncode == 2 and "no account named 'nobody'" in proc.stderr
    (tmp_path / "empty").mkdir()
    empty = write_incident(tmp_path / "empty", [])
    proc = ow(cli_env, "send", empty, "--account", account_name, "--yes")
    assert proc.returncode == 2 and "no recipients" in proc.stderr


def test_without_a_keyring_the_password_is_asked_for(cli_env, smtp_server, account_name, tmp_path):
    env = dict(cli_env, PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring")
    proc = ow(env, "accounts", "add", account_name, "--host", "127.0.0.1", "--port", smtp_server.port,
              "--from", smtp_server.user, "--password-stdin", stdin=smtp_server.password + "\n")
    assert proc.returncode == 0 and "Password not saved: No system keyring is available" in proc.stderr
    path = write_incident(tmp_path, addresses(2))
    proc = ow(env, "send", path, "--account", account_name, "--yes")
    assert proc.returncode == 2 and "no system keyring is available" in proc.stderr
    assert "--password-stdin" in proc.stderr
    proc = ow(env, "send", path, "--account", account_name, "--yes", "--password-stdin",
              stdin=smtp_server.password + "\n")
    assert proc.returncode == 0, proc.stderr
    assert "2 of 2 recipients accepted" in proc.stdout
    assert Secrets().get(account_name) is None  # nothing reached the real keyring either


def test_the_password_is_in_no_file_the_app_wrote(cli_env, faulty_smtp, account_name, real_keyring, tmp_path,
                                                    config_dir):
    password = faulty_smtp.password
    to = addresses(8)
    faulty_smtp.faults.rcpt = {to[3]: "550 5.1.1 No such user"}
    outputs = [add_account(cli_env, faulty_smtp, account_name)]
    path = write_incident(tmp_path, to, bcc=["audit@acme.example"])
    outputs.append(ow(cli_env, "accounts", "test", account_name))
    outputs.append(ow(cli_env, "send", path, "--account", account_name, "--test-to-self"))
    outputs.append(ow(cli_env, "send", path, "--account", account_name, "--yes"))
    faulty_smtp.faults.rcpt = {}
    outputs.append(ow(cli_env, "send", path, "--account", account_name, "--yes"))
    outputs.append(ow(cli_env, "accounts", "list"))
    assert [p.returncode for p in outputs] == [0, 0, 0, 1, 0, 0], [p.stderr for p in outputs]
    assert record.accepted(fileformat.load(path).notices[-1].sent)

    raw = password.encode("utf-8")
    needles = [raw, base64.b64encode(raw), base64.b64encode(b"\0" + faulty_smtp.user.encode() + b"\0" + raw),
               password.encode("utf-16-le"), json.dumps(password).encode("ascii")]
    written = [p for folder in (config_dir, tmp_path) for p in folder.rglob("*") if p.is_file()]
    assert any(p.suffix == ".eml" for p in written) and any(p.name == "accounts.json" for p in written)
    for file in written:
        content = file.read_bytes()
        for needle in needles:
            assert needle not in content, f"password found in {file}"
    for proc in outputs:
        assert password not in proc.stdout + proc.stderr


def test_adding_an_account_that_signs_in_without_encryption_warns(cli_env, account_name, config_dir):
    env = dict(cli_env, PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring")
    proc = ow(env, "accounts", "add", account_name, "--host", "relay.lan", "--security", "none", "--user", "ops",
              "--from", "ops@acme.example", "--password-stdin", stdin="s3cret\n")
    assert proc.returncode == 0, proc.stderr
    assert "Warning: " in proc.stderr and "sending through this account will fail" in proc.stderr
    allowed = ow(env, "accounts", "add", account_name, "--replace", "--host", "relay.lan", "--security", "none",
                 "--user", "ops", "--from", "ops@acme.example", "--allow-plaintext-auth", "--password-stdin",
                 stdin="s3cret\n")
    assert allowed.returncode == 0 and "anyone on the network in between can read it" in allowed.stderr
