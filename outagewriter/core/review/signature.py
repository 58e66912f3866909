"""Approvals signed with the reviewer's own SSH key (OpenSSH `ssh-keygen -Y sign` / `-Y verify`).

An approval in the shared incident file can be rewritten consistently by anyone who can write the
file. A signature cannot: it is made with the reviewer's private key, and each sender checks it
against an allowed-signers file kept in their own configuration folder (not the shared one).

The signed text (`payload`) is fixed; each value is written as a JSON string so that no value can
add a line of its own:

    outagewriter-approval 1
    incident "<incident id>"
    notice "<notice id>"
    hash "<SHA-256 of the approved canonical content, see review.py>"
    reviewer "<reviewer's name as recorded>"
    time "<approval time as recorded>"

encoded as UTF-8, each line ending in a newline, signed in the namespace `outagewriter-approval`.
A signature is therefore valid only for this notice of this incident, this exact content, and this
reviewer name and time. The armored signature ("-----BEGIN SSH SIGNATURE-----...") is stored as
the approval's "signature".

No Qt here. ssh-keygen runs without a shell, without a terminal (it cannot ask for a passphrase:
a protected key must be in an SSH agent) and with a time limit.
"""
from __future__ import annotations

import json
import os
import subprocess
import tempfile
from pathlib import Path

from .. import safe_text
from ..i18n import _
from .. import os_errors

NAMESPACE = "outagewriter-approval"
PAYLOAD_VERSION = 1
MAX_SIGNATURE_CHARS = 16_000  # an Ed25519 signature is ~300 characters, RSA-8192 ~1,500
TIMEOUT_SECONDS = 20.0


class SignatureError(ValueError):
    """Signing or verifying failed; the message says why in one line."""


def payload(incident_id: str, notice_id: str, content_hash: str, reviewer: str, time: str) -> bytes:
    """The exact bytes an approval's signature covers (see the module docstring)."""
    lines = [f"{NAMESPACE} {PAYLOAD_VERSION}"]
    for key, value in (("incident", incident_id), ("notice", notice_id), ("hash", content_hash),
                       ("reviewer", reviewer), ("time", time)):
        lines.append(f"{key} {json.dumps(value, ensure_ascii=False)}")
    return ("\n".join(lines) + "\n").encode("utf-8", "surrogatepass")


def _run(args: list[str], what: str, stdin=subprocess.DEVNULL) -> subprocess.CompletedProcess:
    env = dict(os.environ, SSH_ASKPASS_REQUIRE="never")  # never pop up a passphrase dialog
    try:
        return subprocess.run(["ssh-keygen", *args], stdin=stdin, capture_output=True,
                              env=env, timeout=TIMEOUT_SECONDS, start_new_session=True)  # no terminal
    except FileNotFoundError:
        raise SignatureError(_("cannot {what}: ssh-keygen was not found; install OpenSSH "
                               "(openssh-client) to use signed approvals").format(what=what)) from None
    except subprocess.TimeoutExpired:
        raise SignatureError(_("cannot {what}: ssh-keygen did not finish within {seconds} seconds").format(
            what=what, seconds=f"{TIMEOUT_SECONDS:.0f}")) from None
    except OSError as exc:
        raise SignatureError(_("cannot {what}: ssh-keygen could not be run ({reason})").format(
            what=what, reason=os_errors.reason(exc))) from None


def _last_line(stderr: bytes) -> str:
    lines = [line.strip() for line in stderr.decode("utf-8", "replace").splitlines() if line.strip()]
    return lines[-1] if lines else _("no message")


def sign(data: bytes, key: str | os.PathLike) -> str:
    """Sign `data` with the private key file `key`; returns the armored signature."""
    key_path = Path(key).expanduser()
    if not key_path.is_file():
        raise SignatureError(_("cannot sign the approval: the signing key {key} does not exist "
                               "(settings: review.signing_key)").format(key=key_path))
    with tempfile.TemporaryDirectory(prefix="outagewriter-sign-") as folder:
        message = Path(folder) / "approval"
        message.write_bytes(data)
        done = _run(["-Y", "sign", "-f", str(key_path), "-n", NAMESPACE, str(message)], _("sign the approval"))
        if done.returncode != 0:
            why = _last_line(done.stderr)
            if "passphrase" in why:
                raise SignatureError(_("cannot sign the approval: the key {key} is protected by a "
                                       "passphrase and no SSH agent holds it; add it with ssh-add, then "
                                       "approve again").format(key=key_path))
            raise SignatureError(_("cannot sign the approval with {key}: {reason}").format(key=key_path, reason=why))
        try:
            signature = (Path(folder) / "approval.sig").read_text("ascii")
        except (OSError, UnicodeDecodeError) as exc:
            raise SignatureError(_("cannot sign the approval: ssh-keygen wrote no signature ({reason})").format(
                reason=os_errors.described(exc))) from None
    if len(signature) > MAX_SIGNATURE_CHARS:
        raise SignatureError(_("cannot sign the approval: the signature is longer than {limit} characters").format(
            limit=MAX_SIGNATURE_CHARS))
    return signature


def verify(data: bytes, signature: str, allowed_signers: str | os.PathLike) -> str:
    """The principal (from `allowed_signers`) whose key signed exactly `data`, or SignatureError."""
    allowed = Path(allowed_signers).expanduser()
    if not allowed.is_file():
        raise SignatureError(_("the approval's signature cannot be checked: there is no allowed signers "
                               "file at {file} (settings: review.allowed_signers)").format(file=allowed))
    with tempfile.TemporaryDirectory(prefix="outagewriter-verify-") as folder:
        sig_file = Path(folder) / "approval.sig"
        sig_file.write_text(signature, "utf-8", "surrogatepass")
        found = _run(["-Y", "find-principals", "-s", str(sig_file), "-f", str(allowed)],
                     _("check the approval's signature"))
        principals = found.stdout.decode("utf-8", "replace").split() if found.returncode == 0 else []
        if not principals:
            raise SignatureError(_("the approval was not signed by any key in {file}").format(file=allowed))
        for principal in principals:
            with open(Path(folder) / "approval", "w+b") as message:
                message.write(data)
                message.seek(0)
                done = _run(["-Y", "verify", "-f", str(allowed), "-I", principal, "-n", NAMESPACE,
                             "-s", str(sig_file)], _("check the approval's signature"), stdin=message)
            if done.returncode == 0:  # shown to the sender and written to the shared log: no escapes
                return safe_text.visible(principal)
    raise SignatureError(_("the approval's signature (by a key of {principal}) does not match this approval: the "
                           "approval or its signature was changed, or it belongs to another notice").format(
                               principal=principals[0]))
