"""Sending notices through a real local SMTP server: batches, the record, the archive, retries."""
from __future__ import annotations

import email
import email.policy
import threading

import pytest
from send_helpers import JAPANESE_TITLE, addresses, user_services, write_incident

from outagewriter.core.mail import errors, record
from outagewriter.core.mail.sending import SendError, archive_folder, send_notice
from outagewriter.core.storage import fileformat

pytestmark = pytest.mark.integration


def _send(path, server, *, account=None, **kw):
    incident = fileformat.load(path)
    notice = incident.notices[-1]
    result = send_notice(incident, notice, path, account or server.account(), server.password, timeout=5, **{**user_services(), **kw})
    return result, fileformat.load(path).notices[-1]


def test_everyone_gets_exactly_one_copy_in_batches(smtp_server, tmp_path):
    to = addresses(23)
    path = write_incident(tmp_path, to, cc=["cc@partner.example"], bcc=["audit@acme.example"])
    result, notice = _send(path, smtp_server)
    assert result.ok, result.summary()
    everyone = to + ["cc@partner.example", "audit@acme.example"]
    assert smtp_server.delivered() == {a: 1 for a in everyone}
    assert [len(m.rcpt_tos) for m in smtp_server.received] == [10, 10, 5]  # batch size 10
    assert record.accepted(notice.sent) == everyone
    assert notice.sent.account == "test"
    attempt, = notice.sent.attempts
    assert attempt["accepted"] == 25 and attempt["problem"] is None and attempt["finished"]


def test_the_archive_holds_the_bytes_as_sent(smtp_server, tmp_path):
    path = write_incident(tmp_path, addresses(3))
    result, notice = _send(path, smtp_server)
    archive = tmp_path / notice.sent.archive
    assert archive.parent == archive_folder(path)
    assert archive.name.startswith("01-initial-") and archive.suffix == ".eml"
    sent = smtp_server.received[0].data
    assert archive.read_bytes().replace(b"\r\n", b"\n") == sent.replace(b"\r\n", b"\n")
    parsed = email.message_from_bytes(archive.read_bytes(), policy=email.policy.default)
    assert parsed["Message-ID"] == notice.sent.message_id


def test_received_message_is_multipart_utf8_and_hides_bcc(smtp_server, tmp_path):
    path = write_incident(tmp_path, ["kunden@acme.example"], cc=["support@acme.example"],
                          bcc=["audit@acme.example"], title=JAPANESE_TITLE)
    result, notice = _send(path, smtp_server)
    assert result.ok
    received, = smtp_server.received
    assert "audit@acme.example" in received.rcpt_tos  # delivered...
    assert b"audit@acme.example" not in received.data  # ...but named nowhere in the message
    message = email.message_from_bytes(received.data, policy=email.policy.default)
    assert message.get_content_type() == "multipart/alternative"
    assert [p.get_content_type() for p in message.iter_parts()] == ["text/plain", "text/html"]
    assert JAPANESE_TITLE in message["Subject"]
    assert received.data.isascii() or b"=?utf-8?" in received.data.lower()  # RFC 2047 headers
    assert "Bcc" not in message
    assert message["From"].addresses[0].addr_spec == smtp_server.user
    assert message["From"].addresses[0].display_name == "Ops Team"
    assert "support@acme.example" in message["Cc"]
    assert "Jana Novák" in message.get_body(("plain",)).get_content()


def test_implicit_tls_sends(tls_server, tmp_path):
    path = write_incident(tmp_path, addresses(2))
    result, _ = _send(path, tls_server)
    assert result.ok and tls_server.delivered() == {a: 1 for a in addresses(2)}


def test_partial_acceptance_then_retry_reaches_only_the_rest(faulty_smtp, tmp_path):
    to = addresses(12)
    faulty_smtp.faults.rcpt = {to[2]: "550 5.1.1 No such user", to[11]: "450 4.2.1 Mailbox busy, try later"}
    path = write_incident(tmp_path, to)
    result, notice = _send(path, faulty_smtp)
    assert not result.ok
    problem = result.report.problem
    assert problem.kind == errors.RECIPIENTS and problem.retry_safe
    assert "2 of 12 recipients were not accepted" in problem.message
    assert "550 5.1.1 No such user" in problem.message and to[2] in problem.message
    assert record.status(notice.sent, to[2]) == record.REFUSED
    assert record.status(notice.sent, to[11]) == record.DEFERRED
    assert notice.is_sent  # some recipients have it: the notice is sent and locked
    first_id = notice.sent.message_id

    faulty_smtp.faults.rcpt = {}
    result, notice = _send(path, faulty_smtp)
    assert result.ok and result.attempted == [to[2], to[11]]
    assert faulty_smtp.delivered() == {a: 1 for a in to}
    assert len(notice.sent.attempts) == 2 and notice.sent.message_id == first_id
    # the retry sent the very same message
    assert len({m.data for m in faulty_smtp.received}) == 1
    with pytest.raises(SendError, match="Every recipient has this notice already"):
        _send(path, faulty_smtp)


def test_421_in_the_middle_stops_and_retry_finishes(faulty_smtp, tmp_path):
    to = addresses(30)
    faulty_smtp.faults.data_reply = {2: "421 4.3.2 Service shutting down"}
    path = write_incident(tmp_path, to)
    result, notice = _send(path, faulty_smtp)
    problem = result.report.problem
    assert problem.kind == errors.SERVER_CLOSING and problem.code == 421
    assert "Wait a few minutes" in problem.advice
    assert record.accepted(notice.sent) == to[:10]
    assert faulty_smtp.transactions == 2  # stopped: the third batch was not tried

    faulty_smtp.faults.data_reply = {}
    result, notice = _send(path, faulty_smtp)
    assert result.ok and result.attempted == to[10:]
    assert faulty_smtp.delivered() == {a: 1 for a in to}


def test_421_before_anything_leaves_the_draft_untouched(faulty_smtp, tmp_path):
    faulty_smtp.faults.mail_reply = "421 4.7.0 Try again later, closing connection"
    path = write_incident(tmp_path, addresses(5))
    before = path.read_bytes()
    result, notice = _send(path, faulty_smtp)
    assert result.report.problem.kind == errors.SERVER_CLOSING
    assert notice.sent is None and path.read_bytes() == before
    assert not archive_folder(path).exists() or not any(archive_folder(path).iterdir())


def test_552_too_large_for_the_server(faulty_smtp, tmp_path):
    faulty_smtp.faults.data_reply = {1: "552 5.3.4 Message size exceeds fixed limit"}
    path = write_incident(tmp_path, addresses(5))
    result, notice = _send(path, faulty_smtp)
    problem = result.report.problem
    assert problem.kind == errors.TOO_LARGE and "Shorten the notice" in problem.advice
    assert notice.sent is None  # refused as a whole: nobody has it, still a draft
    assert not any(archive_folder(path).glob("*.eml"))


def test_size_limit_announced_by_the_server_is_checked_first(request, smtp_certs, tmp_path):
    from smtp_server import SMTPTestServer

    server = SMTPTestServer(smtp_certs, data_size_limit=1000).start()
    request.addfinalizer(server.stop)
    path = write_incident(tmp_path, addresses(2))
    result, notice = _send(path, server)
    assert result.report.problem.kind == errors.TOO_LARGE and "at most 1,000" in result.report.problem.message
    assert server.received == [] and notice.sent is None


def test_5xx_for_the_whole_message(faulty_smtp, tmp_path):
    faulty_smtp.faults.data_reply = {1: "554 5.7.1 Message rejected as spam"}
    path = write_incident(tmp_path, addresses(3))
    result, notice = _send(path, faulty_smtp)
    assert result.report.problem.kind == errors.REJECTED and "spam" in result.report.problem.message
    assert notice.sent is None


def test_connection_dropped_after_data_marks_unknown(faulty_smtp, tmp_path):
    to = addresses(30)
    faulty_smtp.faults.drop_after_data = {2}
    path = write_incident(tmp_path, to)
    result, notice = _send(path, faulty_smtp)
    problem = result.report.problem
    assert problem.kind == errors.DROPPED and not problem.retry_safe
    assert "may or may not have been delivered" in problem.advice
    assert record.with_status(notice.sent, to, record.UNKNOWN) == to[10:20]

    faulty_smtp.faults.drop_after_data = set()
    result, notice = _send(path, faulty_smtp)  # a plain retry leaves the unknown ones alone
    assert result.ok and result.attempted == to[20:]
    assert faulty_smtp.delivered() == {a: 1 for a in to}  # the server did queue batch 2
    with pytest.raises(SendError, match="may already have this notice"):
        _send(path, faulty_smtp)
    result, notice = _send(path, faulty_smtp, include_unknown=True)  # the user's explicit choice
    assert result.attempted == to[10:20] and result.ok


def test_timeout_waiting_for_the_data_reply_marks_unknown(faulty_smtp, tmp_path):
    faulty_smtp.faults.data_delay = {1: 3.0}
    path = write_incident(tmp_path, addresses(4))
    incident = fileformat.load(path)
    result = send_notice(incident, incident.notices[-1], path, faulty_smtp.account(), faulty_smtp.password,
                         timeout=0.5, **user_services())
    notice = fileformat.load(path).notices[-1]
    assert result.report.problem.kind == errors.TIMEOUT and not result.report.problem.retry_safe
    assert record.with_status(notice.sent, addresses(4), record.UNKNOWN) == addresses(4)
    assert notice.is_sent  # they may have it: locked, never silently sent again


def test_auth_failure_sends_nothing(smtp_server, tmp_path):
    path = write_incident(tmp_path, addresses(3))
    incident = fileformat.load(path)
    result = send_notice(incident, incident.notices[-1], path, smtp_server.account(), "wrong-password",
                         timeout=5, **user_services())
    assert result.report.problem.kind == errors.AUTH
    assert smtp_server.received == [] and fileformat.load(path).notices[-1].sent is None


def test_a_crash_after_the_first_batch_never_sends_twice(smtp_server, tmp_path):
    to = addresses(25)
    path = write_incident(tmp_path, to)
    incident = fileformat.load(path)
    notice = incident.notices[-1]

    def save_then_crash():
        fileformat.save(incident, path)
        if len(record.accepted(notice.sent)) >= 10:
            raise RuntimeError("power cut")

    with pytest.raises(RuntimeError, match="power cut"):
        send_notice(incident, notice, path, smtp_server.account(), smtp_server.password, persist=save_then_crash,
                    timeout=5, **user_services())
    assert smtp_server.delivered() == {a: 1 for a in to[:10]}

    result, reloaded = _send(path, smtp_server)  # a fresh start reads only the file
    assert result.ok and result.attempted == to[10:]
    assert smtp_server.delivered() == {a: 1 for a in to}


def test_a_crash_while_handing_over_leaves_those_recipients_unknown(smtp_server, tmp_path):
    to = addresses(15)
    path = write_incident(tmp_path, to)
    incident = fileformat.load(path)
    notice = incident.notices[-1]
    saves = []

    def save_then_crash():
        fileformat.save(incident, path)
        saves.append(1)
        if record.with_status(notice.sent, to, record.SENDING) and len(record.accepted(notice.sent)) == 10:
            raise RuntimeError("killed just before DATA of batch 2")

    with pytest.raises(RuntimeError):
        send_notice(incident, notice, path, smtp_server.account(), smtp_server.password, persist=save_then_crash,
                    timeout=5, **user_services())
    reloaded = fileformat.load(path).notices[-1]
    assert record.with_status(reloaded.sent, to, record.SENDING) == to[10:]
    with pytest.raises(SendError, match="may already have this notice"):
        _send(path, smtp_server)
    result, _ = _send(path, smtp_server, include_unknown=True)
    assert result.ok and smtp_server.delivered() == {a: 1 for a in to}


def test_cancel_between_batches_and_progress(smtp_server, tmp_path):
    to = addresses(30)
    path = write_incident(tmp_path, to)
    cancel = threading.Event()
    seen = []

    def progress(done, total):
        seen.append((done, total))
        if done >= 10:
            cancel.set()

    result, notice = _send(path, smtp_server, cancel=cancel, on_progress=progress)
    assert result.report.cancelled and not result.ok
    assert "Stopped on request; 20 recipients were not tried" in result.summary()
    assert seen[0] == (10, 30) and all(t == 30 for _, t in seen)
    assert record.accepted(notice.sent) == to[:10]
    result, notice = _send(path, smtp_server, on_progress=lambda d, t: seen.append((d, t)))
    assert result.ok and seen[-1] == (20, 20)
    assert smtp_server.delivered() == {a: 1 for a in to}


def test_test_to_self_goes_only_to_the_sender(smtp_server, tmp_path):
    path = write_incident(tmp_path, addresses(5), bcc=["audit@acme.example"])
    before = path.read_bytes()
    result, notice = _send(path, smtp_server, test_to_self=True)
    assert result.ok and result.test
    received, = smtp_server.received
    assert received.rcpt_tos == [smtp_server.user]
    message = email.message_from_bytes(received.data, policy=email.policy.default)
    assert message["Subject"].startswith("[TEST] ")
    assert notice.sent is None and path.read_bytes() == before
    assert not archive_folder(path).exists()


def test_no_recipients_is_bad_input(smtp_server, tmp_path):
    path = write_incident(tmp_path, [])
    with pytest.raises(SendError, match="no recipients"):
        _send(path, smtp_server)


def test_the_record_round_trips_through_the_file_format(faulty_smtp, tmp_path):
    to = addresses(5)
    faulty_smtp.faults.rcpt = {to[0]: "550 5.1.1 No such user"}
    path = write_incident(tmp_path, to)
    _send(path, faulty_smtp)
    incident = fileformat.load(path)
    assert fileformat.to_dict(fileformat.from_dict(fileformat.to_dict(incident))) == fileformat.to_dict(incident)
    assert record.not_accepted(incident.notices[-1].sent) == {to[0]: "refused: 550 5.1.1 No such user"}


def test_too_many_recipients_452_splits_the_batch(faulty_smtp, tmp_path):
    to = addresses(20)
    faulty_smtp.faults.rcpt = {to[5]: "452 4.5.3 Too many recipients"}
    path = write_incident(tmp_path, to)
    result, notice = _send(path, faulty_smtp)
    # to[5] was retried at the head of a smaller transaction, then recorded as deferred
    assert record.status(notice.sent, to[5]) == record.DEFERRED
    assert faulty_smtp.delivered() == {a: 1 for a in to if a != to[5]}
    assert result.report.problem.kind == errors.RECIPIENTS
