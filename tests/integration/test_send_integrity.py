"""`outagewriter send` against a hand-edited incident file and against other senders and writers:
nothing unapproved goes out, nobody gets it twice, no file outside the incident is mailed, and
nobody's edit is lost. Real processes, a real SMTP server, counting what each recipient received."""
from __future__ import annotations

import email
import email.policy
import hashlib
import json
import os
import signal
import subprocess
import sys
import time

import pytest
from send_helpers import add_account, addresses, ow, write_incident

from outagewriter.cli import main
from outagewriter.core.mail import record
from outagewriter.core.mail.archive import archive_folder
from outagewriter.core.mail.message_ids import MAIL_POLICY
from outagewriter.core.storage import fileformat
from outagewriter.core.storage.locks import EditLock, SendLock

pytestmark = pytest.mark.integration

SECRET = b"TOP SECRET: payroll export, not for customers\n"


def edit_file(path, change) -> None:
    """A hand edit of the incident file's JSON, as anyone with write access to the folder could make."""
    data = json.loads(path.read_text("utf-8"))
    change(data)
    path.write_text(json.dumps(data, ensure_ascii=False), "utf-8")


def sent_record(path) -> dict:
    return json.loads(path.read_text("utf-8"))["notices"][-1]["sent"]


def the_archive(path):
    found, = archive_folder(path).glob("*.eml")
    return found


def fake_eml(body: str, message_id: str = "<forged@acme.example>") -> bytes:
    return (f"Subject: Urgent: new bank details\r\nFrom: ops@example.com\r\nMessage-ID: {message_id}\r\n"
            f"\r\n{body}\r\n").encode()


def forged(kind: str, tmp_path, path) -> dict:
    """A `sent` record put into an unsent notice by hand, pointing at a file of the forger's choice."""
    secret = tmp_path / "secret.txt"
    secret.write_bytes(SECRET)
    folder = archive_folder(path)
    folder.mkdir(exist_ok=True)
    if kind == "absolute path":
        return {"archive": str(secret), "recipients": {}}
    if kind == "dot-dot":
        return {"archive": f"{folder.name}/../secret.txt", "recipients": {}}
    if kind == "symlink out":
        (folder / "01-initial.eml").symlink_to(secret)
        return {"archive": f"{folder.name}/01-initial.eml", "recipients": {},
                "sha256": hashlib.sha256(SECRET).hexdigest()}
    data = fake_eml("Pay your invoice to IBAN XX00 0000 from today on.")  # inside the folder, hash matching
    (folder / "01-initial.eml").write_bytes(data)
    return {"archive": f"{folder.name}/01-initial.eml", "message_id": "<forged@acme.example>",
            "sha256": hashlib.sha256(data).hexdigest(), "addressed": addresses(3), "recipients": {}}


@pytest.mark.parametrize("approved", [False, True], ids=["draft", "approved"])
@pytest.mark.parametrize("kind", ["absolute path", "dot-dot", "symlink out", "own archive, own hash"])
def test_a_forged_sent_record_mails_nothing(kind, approved, cli_env, smtp_server, account_name, real_keyring,
                                           tmp_path):
    add_account(cli_env, smtp_server, account_name)
    path = write_incident(tmp_path, addresses(3), approved=approved)
    forgery = forged(kind, tmp_path, path)
    edit_file(path, lambda data: data["notices"][-1].update(sent=forgery))
    proc = ow(cli_env, "send", path, "--account", account_name, "--yes")
    assert proc.returncode == 2, proc.stdout + proc.stderr
    assert smtp_server.received == []
    assert len(proc.stderr.strip().splitlines()) == 1 and "cannot be sent" in proc.stderr
    if not approved:
        assert "it has not been approved" in proc.stderr


@pytest.fixture
def partly_sent(cli_env, faulty_smtp, account_name, real_keyring, tmp_path):
    """Six recipients, one refused by the server: five have the notice, a retry would reach the sixth."""
    to = addresses(6)
    faulty_smtp.faults.rcpt = {to[1]: "550 5.1.1 No such user here"}
    add_account(cli_env, faulty_smtp, account_name)
    path = write_incident(tmp_path, to)
    assert ow(cli_env, "send", path, "--account", account_name, "--yes").returncode == 1
    faulty_smtp.faults.rcpt = {}
    return path, to


def _rewrite_archive(path) -> bytes:
    archived = the_archive(path)
    msg = email.message_from_bytes(archived.read_bytes(), policy=email.policy.default)
    msg.get_body(preferencelist=("plain",)).set_content("Pay your invoice to IBAN XX00 0000 from today on.")
    data = msg.as_bytes(policy=MAIL_POLICY)
    archived.write_bytes(data)
    return data


@pytest.mark.parametrize("forger_updates_the_hash", [False, True])
def test_an_edited_archive_is_not_sent_to_the_rest(partly_sent, forger_updates_the_hash, cli_env, faulty_smtp,
                                                   account_name):
    path, to = partly_sent
    data = _rewrite_archive(path)
    if forger_updates_the_hash:
        edit_file(path, lambda d: d["notices"][-1]["sent"].update(sha256=hashlib.sha256(data).hexdigest()))
    proc = ow(cli_env, "send", path, "--account", account_name, "--yes")
    assert proc.returncode == 2, proc.stdout + proc.stderr
    assert faulty_smtp.delivered() == {a: 1 for a in to if a != to[1]}
    expected = "is not the approved notice" if forger_updates_the_hash else "was changed after the notice first went out"
    assert expected in proc.stderr and "Nothing was sent" in proc.stderr


def _add_bcc(data) -> None:
    data["notices"][-1]["fields"]["bcc"] = "attacker@evil.example"


def _add_to_record(data) -> None:
    data["notices"][-1]["sent"]["addressed"].append("attacker@evil.example")


@pytest.mark.parametrize("edits, words", [
    ((_add_bcc,), "approval void"),
    ((_add_bcc, _add_to_record), "approval void"),
    ((_add_to_record,), "names recipients the notice is not addressed to"),
], ids=["bcc", "bcc and record", "record"])
def test_an_address_added_after_sending_gets_nothing(partly_sent, edits, words, cli_env, faulty_smtp,
                                                     account_name):
    path, to = partly_sent
    for edit in edits:
        edit_file(path, edit)
    proc = ow(cli_env, "send", path, "--account", account_name, "--yes")
    assert proc.returncode == 2 and words in proc.stderr, proc.stdout + proc.stderr
    assert "attacker@evil.example" not in faulty_smtp.delivered()
    assert faulty_smtp.delivered() == {a: 1 for a in to if a != to[1]}


def test_a_retry_of_the_untouched_archive_reaches_the_rest(partly_sent, cli_env, faulty_smtp, account_name):
    path, to = partly_sent
    proc = ow(cli_env, "send", path, "--account", account_name, "--yes")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert faulty_smtp.delivered() == {a: 1 for a in to}
    first, second = faulty_smtp.received
    assert second.data == first.data  # the very bytes, not a rebuilt message


def _send_process(env, path, account) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "outagewriter", "send", str(path), "--account", account, "--yes"],
                            env=env, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, encoding="utf-8")


def test_two_senders_at_once_deliver_each_copy_once(cli_env, smtp_server, account_name, real_keyring, tmp_path):
    add_account(cli_env, smtp_server, account_name, "--batch-size", "10")
    for round_number in range(5):
        folder = tmp_path / f"round{round_number}"
        folder.mkdir()
        to = addresses(25, domain=f"round{round_number}.example")
        path = write_incident(folder, to)
        senders = [_send_process(cli_env, path, account_name) for _ in range(2)]
        outcomes = sorted((p.wait(timeout=120), *p.communicate()) for p in senders)
        delivered = smtp_server.delivered()
        assert {a: delivered[a] for a in to} == {a: 1 for a in to}, outcomes
        (won, _, _), (lost, _, lost_err) = outcomes
        assert (won, lost) == (0, 2), outcomes
        assert len(lost_err.strip().splitlines()) == 1, lost_err
        assert "is being sent by" in lost_err or "Every recipient has this notice already" in lost_err
        assert len(list(archive_folder(path).glob("*.eml"))) == 1


def test_the_second_sender_is_told_who_is_sending(cli_env, smtp_server, account_name, real_keyring, tmp_path):
    add_account(cli_env, smtp_server, account_name)
    path = write_incident(tmp_path, addresses(2))
    with SendLock(path, user="Petr Svoboda"):
        proc = ow(cli_env, "send", path, "--account", account_name, "--yes")
    assert proc.returncode == 2 and len(proc.stderr.strip().splitlines()) == 1
    assert "card-payments.outage is being sent by Petr Svoboda on host " in proc.stderr and " since 20" in proc.stderr
    with EditLock(path, user="Jana Novák"):  # her window has it open: it could send too
        proc = ow(cli_env, "send", path, "--account", account_name, "--yes")
    assert proc.returncode == 2 and "is open for editing by Jana Novák on host " in proc.stderr
    assert smtp_server.received == []
    assert ow(cli_env, "send", path, "--account", account_name, "--yes").returncode == 0


def _wait_for(condition, timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.05)


def test_an_edit_made_during_a_send_is_kept(cli_env, faulty_smtp, account_name, real_keyring, tmp_path, config_dir,
                                            capsys):
    to = addresses(20)
    faulty_smtp.faults.data_delay = {1: 6.0}  # the first batch is handed over, the server takes its time
    add_account(cli_env, faulty_smtp, account_name, "--batch-size", "10")
    path = write_incident(tmp_path, to)
    sender = _send_process(cli_env, path, account_name)
    _wait_for(lambda: faulty_smtp.mailbox.transactions >= 1)
    # Meanwhile the author starts the next update (the notice being sent is recorded as sent already).
    assert main(["add", str(path), "--kind", "update"]) == 0, capsys.readouterr().err
    assert main(["set", str(path), "summary=Payments work again for most customers."]) == 0, capsys.readouterr().err
    assert sender.wait(timeout=120) == 0, sender.communicate()
    incident = fileformat.load(path)
    first, update = incident.notices
    assert update.fields["summary"] == "Payments work again for most customers."
    assert record.accepted(first.sent) == to and update.sent is None
    assert [e["event"] for e in incident.log] == ["review-requested", "approved", "sent"]
    assert faulty_smtp.delivered() == {a: 1 for a in to}


def test_a_restored_older_copy_is_not_sent_again(cli_env, smtp_server, account_name, real_keyring, tmp_path):
    add_account(cli_env, smtp_server, account_name)
    to = addresses(6)
    path = write_incident(tmp_path, to)
    before_sending = path.read_bytes()
    assert ow(cli_env, "send", path, "--account", account_name, "--yes").returncode == 0
    archived = the_archive(path)
    path.write_bytes(before_sending)  # restored from a backup, or synced back from a laptop
    proc = ow(cli_env, "send", path, "--account", account_name, "--yes")
    assert proc.returncode == 2, proc.stdout + proc.stderr
    assert f"{archived.parent.name}/{archived.name}" in proc.stderr and "may have been sent already" in proc.stderr
    assert f"move {archived.name} out of" in proc.stderr
    assert smtp_server.delivered() == {a: 1 for a in to}


def test_a_killed_send_completed_by_a_retry_is_in_the_audit_trail(cli_env, faulty_smtp, account_name, real_keyring,
                                                                  tmp_path):
    to = addresses(30)
    faulty_smtp.faults.data_delay = {2: 30.0}
    add_account(cli_env, faulty_smtp, account_name, "--batch-size", "10")
    path = write_incident(tmp_path, to)
    sender = _send_process(cli_env, path, account_name)
    _wait_for(lambda: faulty_smtp.mailbox.transactions >= 2)
    os.kill(sender.pid, signal.SIGKILL)  # killed while the second batch is handed over
    sender.communicate()
    faulty_smtp.faults.data_delay = {}
    proc = ow(cli_env, "send", path, "--account", account_name, "--yes")  # takes over the dead sender's lock
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "10 of 10 recipients accepted" in proc.stdout
    events = [e["event"] for e in json.loads(path.read_text("utf-8"))["log"]]
    assert events == ["review-requested", "approved", "sent"]


def test_a_recipient_limit_is_told_as_a_batch_size_problem(cli_env, faulty_smtp, account_name, real_keyring,
                                                          tmp_path):
    to = addresses(8)
    faulty_smtp.faults.rcpt = {a: "550 5.5.3 Too many recipients" for a in to[5:]}
    add_account(cli_env, faulty_smtp, account_name)
    path = write_incident(tmp_path, to)
    proc = ow(cli_env, "send", path, "--account", account_name, "--yes")
    assert proc.returncode == 1
    assert "lower the account's batch size" in proc.stdout and "The addresses are not the problem" in proc.stdout
    assert "Check these addresses" not in proc.stdout


def test_the_notice_edited_just_as_it_goes_out_keeps_the_sent_text_and_the_edit(
        cli_env, faulty_smtp, account_name, real_keyring, tmp_path, config_dir, capsys):
    to = addresses(4)
    faulty_smtp.faults.rcpt_delay = {to[0]: 5.0}  # the send has started; nothing is recorded yet
    add_account(cli_env, faulty_smtp, account_name)
    path = write_incident(tmp_path, to)
    original = fileformat.load(path).notices[-1].fields["summary"]
    sender = _send_process(cli_env, path, account_name)
    _wait_for(lambda: to[0] in faulty_smtp.mailbox.rcpts_seen)
    assert main(["set", str(path), "summary=Edited a moment too late."]) == 0, capsys.readouterr().err
    out, err = sender.communicate(timeout=120)
    assert sender.returncode == 0, out + err
    assert "The notice was edited while it was being sent; that edited version was saved as" in out
    notice = fileformat.load(path).notices[-1]
    assert notice.fields["summary"] == original and record.accepted(notice.sent) == to  # what went out
    copy, = tmp_path.glob("card-payments (edited while sending's copy *).outage")
    assert fileformat.load(copy).notices[-1].fields["summary"] == "Edited a moment too late."
    assert b"Edited a moment too late." not in faulty_smtp.received[0].data
