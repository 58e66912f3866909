"""Plain-words errors never carry the password, in any of the forms AUTH sends it."""
from __future__ import annotations

import base64
import pickle
import smtplib
import socket
import ssl

from outagewriter.core.mail import errors
from outagewriter.core.mail.accounts import Account
from outagewriter.core.mail.errors import MailError, reply_text, scrub, secret_forms
from outagewriter.core.mail.transport import explain

ACCOUNT = Account(name="work", sender_address="ops@acme.example", host="smtp.acme.example",
                  username="ops@acme.example", preset="gmail")
PASSWORD = "pässwörd-42"


def test_every_encoding_of_the_password_is_scrubbed():
    plain = base64.b64encode(b"\0ops@acme.example\0" + PASSWORD.encode()).decode()
    login = base64.b64encode(PASSWORD.encode()).decode()
    text = f"535 bad {PASSWORD} / {plain} / {login}"
    cleaned = scrub(text, secret_forms("ops@acme.example", PASSWORD))
    assert PASSWORD not in cleaned and plain not in cleaned and login not in cleaned
    assert cleaned.count("[hidden]") == 3
    assert secret_forms("u", None) == [] and scrub("x", []) == "x"


def test_auth_error_quotes_the_server_without_the_password():
    exc = smtplib.SMTPAuthenticationError(535, f"5.7.8 Username and Password not accepted {PASSWORD}".encode())
    error = explain(exc, ACCOUNT, PASSWORD)
    assert error.kind == errors.AUTH and "535 5.7.8 Username and Password not accepted" in error.message
    assert PASSWORD not in str(error) and "app password" in error.advice


def test_each_fault_has_words_and_advice():
    cases = {
        ConnectionRefusedError(111, "Connection refused"): errors.CONNECTION_REFUSED,
        socket.gaierror(-2, "Name or service not known"): errors.HOST_NOT_FOUND,
        socket.timeout("timed out"): errors.TIMEOUT,
        ssl.SSLError(1, "[SSL: WRONG_VERSION_NUMBER] wrong version number"): errors.TLS,
        smtplib.SMTPServerDisconnected("Connection unexpectedly closed"): errors.DROPPED,
        smtplib.SMTPResponseException(421, b"4.3.2 shutting down"): errors.SERVER_CLOSING,
        smtplib.SMTPResponseException(451, b"4.3.0 local error"): errors.TEMPORARY,
        smtplib.SMTPResponseException(554, b"5.7.1 no"): errors.REJECTED,
        OSError(101, "Network is unreachable"): errors.NETWORK,
    }
    for exc, kind in cases.items():
        error = explain(exc, ACCOUNT, PASSWORD)
        assert error.kind == kind, (exc, error)
        assert error.message and error.advice and "smtp.acme.example" in str(error) + ACCOUNT.host


def test_after_data_a_broken_connection_is_not_retry_safe():
    error = explain(smtplib.SMTPServerDisconnected("gone"), ACCOUNT, after_data=True)
    assert error.kind == errors.DROPPED and not error.retry_safe and "unknown" in error.advice


def test_mail_error_pickles_for_a_worker_thread_or_process():
    error = MailError(errors.AUTH, "refused", "check it", retry_safe=False, code=535)
    again = pickle.loads(pickle.dumps(error))
    assert (again.kind, again.message, again.advice, again.retry_safe, again.code) == (
        errors.AUTH, "refused", "check it", False, 535)


def test_reply_text_is_one_short_line():
    assert reply_text(550, b"5.1.1 No such\r\n user") == "550 5.1.1 No such user"
    assert len(reply_text(550, "x" * 1000)) < 320
