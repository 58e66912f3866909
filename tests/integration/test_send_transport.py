"""Connecting and testing a connection against real local SMTP servers, and every way it fails."""
from __future__ import annotations

import pytest

from outagewriter.core.mail import errors
from outagewriter.core.mail.errors import MailError
from outagewriter.core.mail.transport import test_connection as check_connection

pytestmark = pytest.mark.integration


def test_starttls_connection_is_encrypted_and_signed_in(smtp_server):
    info = check_connection(smtp_server.account(), smtp_server.password, timeout=5)
    assert info.tls_version and info.tls_version.startswith("TLS")
    assert info.authenticated_as == smtp_server.user
    assert "encrypted" in info.describe() and "NOT" not in info.describe()
    assert smtp_server.received == []  # a test sends nothing


def test_implicit_tls_connection(tls_server):
    info = check_connection(tls_server.account(port=tls_server.port), tls_server.password, timeout=5)
    assert info.tls_version


def test_ssl_cert_file_trusts_the_relay_without_a_cafile(smtp_server, smtp_certs, monkeypatch):
    monkeypatch.setenv("SSL_CERT_FILE", str(smtp_certs.ca_file))
    info = check_connection(smtp_server.account(cafile=""), smtp_server.password, timeout=5)
    assert info.tls_version


def _fails(account, password, kind, timeout=5) -> MailError:
    with pytest.raises(MailError) as caught:
        check_connection(account, password, timeout=timeout)
    assert caught.value.kind == kind, str(caught.value)
    assert caught.value.advice  # always says what to do next
    return caught.value


def test_wrong_password(smtp_server):
    error = _fails(smtp_server.account(preset="gmail"), "not-the-password", errors.AUTH)
    assert "user name or password" in error.message
    assert "app password" in error.advice
    assert "not-the-password" not in str(error)


def test_server_quoting_the_password_is_scrubbed(faulty_smtp):
    wrong = "s3cret-Wrong-ü"
    faulty_smtp.faults.auth_reply = f"535 5.7.8 Bad password {wrong} for {faulty_smtp.user}"
    error = _fails(faulty_smtp.account(), wrong, errors.AUTH)
    assert wrong not in str(error) and wrong not in repr(error.args)
    assert "[hidden]" in error.message


def test_untrusted_certificate(untrusted_smtp, smtp_certs):
    # trusts smtp_certs' CA, but the server's certificate comes from another one
    error = _fails(untrusted_smtp.account(cafile=str(smtp_certs.ca_file)), untrusted_smtp.password,
                   errors.CERTIFICATE)
    assert "not trusted" in error.message and "trusted certificate file" in error.advice


def test_untrusted_certificate_with_system_trust(untrusted_smtp):
    _fails(untrusted_smtp.account(cafile=""), untrusted_smtp.password, errors.CERTIFICATE)


def test_tls_to_a_starttls_port_fails_in_plain_words(smtp_server):
    error = _fails(smtp_server.account(security="tls"), smtp_server.password, errors.TLS)
    assert "port 465" in error.advice


def test_starttls_to_an_implicit_tls_port_times_out(tls_server):
    error = _fails(tls_server.account(security="starttls"), tls_server.password, errors.TIMEOUT, timeout=1)
    assert "'tls' port" in error.advice


def test_connection_refused(smtp_server, closed_port):
    error = _fails(smtp_server.account(port=closed_port), smtp_server.password, errors.CONNECTION_REFUSED)
    assert f"127.0.0.1:{closed_port}" in error.message


def test_timeout(smtp_server, silent_port):
    error = _fails(smtp_server.account(port=silent_port), smtp_server.password, errors.TIMEOUT, timeout=0.5)
    assert "0.5 seconds" in error.message


def test_server_without_starttls_gets_no_password(plain_smtp):
    account = plain_smtp.account(security="starttls", allow_plaintext_auth=False)
    _fails(account, plain_smtp.password, errors.NO_STARTTLS)
    assert plain_smtp.auth_attempts == 0


def test_plaintext_auth_refused_unless_allowed(plain_smtp):
    _fails(plain_smtp.account(allow_plaintext_auth=False), plain_smtp.password, errors.PLAINTEXT_AUTH)
    assert plain_smtp.auth_attempts == 0
    info = check_connection(plain_smtp.account(allow_plaintext_auth=True), plain_smtp.password, timeout=5)
    assert info.tls_version is None and "NOT encrypted" in info.describe()


def test_missing_password(smtp_server):
    _fails(smtp_server.account(), None, errors.NO_PASSWORD)
