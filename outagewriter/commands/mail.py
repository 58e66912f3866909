"""`accounts add|list|test|remove` and `send`: mail accounts and sending a notice through one.

Passwords go to the system keyring and nowhere else. Without a keyring, `send` and
`accounts test` ask for the password (or read it with --password-stdin) and forget it afterwards.
"""
from __future__ import annotations

import getpass
import signal
import sys
import threading
from pathlib import Path

from ..core import os_errors
from ..core.i18n import _
from ..core.incident.fields import kind_label
from ..core.mail import accounts as acc
from ..core.mail.accounts import (
    PRESETS,
    SECURITY_MODES,
    Account,
    AccountError,
    AccountStore,
)
from ..core.mail.errors import MailError
from ..core.mail.secrets import KeyringUnavailable, Secrets, SecretsError
from ..core.mail.transport import DEFAULT_TIMEOUT, test_connection
from ..core.review import workflow as review
from ..core.session.errors import SendError
from .base import EXIT_FAILED, EXIT_OK, UsageError, open_session, pick, positive_seconds, services, whole_number

CONFIRM_WORD = "SEND"


def register(subparsers) -> None:
    timeout_help = _("how long to wait for the mail server (default {seconds:g})").format(seconds=DEFAULT_TIMEOUT)
    accounts = subparsers.add_parser("accounts", help=_("mail accounts to send notices through"))
    sub = accounts.add_subparsers(dest="accounts_command", metavar="ACTION", required=True,
                                  parser_class=type(accounts))

    add = sub.add_parser("add", help=_("add (or with --replace, change) a mail account"),
                         description=_("Presets: ") + _("; ").join(f"{k}: {_(p.note)}" for k, p in PRESETS.items()))
    add.add_argument("name")
    add.add_argument("--preset", choices=list(PRESETS), help=_("fill host, port and security for a provider"))
    add.add_argument("--host", help=_("the SMTP server's host name"))
    add.add_argument("--port", type=whole_number, help=_("the SMTP server's port"))
    add.add_argument("--security", choices=SECURITY_MODES, help=_("how the connection is encrypted"))
    add.add_argument("--user", help=_("user name to sign in with (default: the --from address)"))
    add.add_argument("--from", dest="sender", required=True, metavar="ADDR", help=_("sender address"))
    add.add_argument("--from-name", default="", metavar="NAME", help=_("sender display name"))
    add.add_argument("--reply-to", default="", metavar="ADDR", help=_("where customers' replies go"))
    add.add_argument("--cafile", default="", metavar="FILE",
                     help=_("trusted certificate (PEM) of your own relay, instead of the system's trust store"))
    add.add_argument("--allow-plaintext-auth", action="store_true",
                     help=_("allow signing in over an unencrypted connection (trusted networks only)"))
    add.add_argument("--batch-size", type=whole_number, metavar="N", help=_("recipients per message (default 50)"))
    add.add_argument("--no-login", action="store_true", help=_("the relay needs no user name or password"))
    add.add_argument("--password-stdin", action="store_true", help=_("read the password from standard input"))
    add.add_argument("--replace", action="store_true", help=_("replace an account of the same name"))
    add.set_defaults(func=run_add)

    lst = sub.add_parser("list", help=_("list mail accounts"))
    lst.set_defaults(func=run_list)

    test = sub.add_parser("test", help=_("connect, encrypt and sign in, without sending anything"))
    test.add_argument("name")
    test.add_argument("--password-stdin", action="store_true", help=_("read the password from standard input"))
    test.add_argument("--timeout", type=positive_seconds, default=DEFAULT_TIMEOUT, metavar="SECONDS", help=timeout_help)
    test.set_defaults(func=run_test)

    remove = sub.add_parser("remove", help=_("remove a mail account and its saved password"))
    remove.add_argument("name")
    remove.set_defaults(func=run_remove)

    send = subparsers.add_parser(
        "send", help=_("send a notice through a mail account"),
        description=_("Sends the newest notice (or --notice N). Sending again after a failure reaches only "
                      "the recipients who have not accepted it, and posts only to the chat destinations it has "
                      "not been posted to. Exit codes: 0 every recipient accepted and every chat post went out, "
                      "1 some or all were not (sending again is safe), 2 bad input."))
    send.add_argument("file", type=Path)
    send.add_argument("--account", required=True, metavar="NAME", help=_("the mail account to send through"))
    send.add_argument("--notice", type=whole_number, default=-1, metavar="N", help=_("1 is the first notice; default the newest"))
    send.add_argument("--test-to-self", action="store_true", help=_("send a test copy only to the account's own address"))
    send.add_argument("--yes", action="store_true", help=_("send without asking to type SEND"))
    send.add_argument("--include-unknown", action="store_true",
                      help=_("also send to recipients (and post to chats) whose delivery is unknown (they may get it twice)"))
    send.add_argument("--no-chat", action="store_true",
                      help=_("send the email only; the chat posts can be made by sending again later"))
    send.add_argument("--password-stdin", action="store_true", help=_("read the password from standard input"))
    send.add_argument("--timeout", type=positive_seconds, default=DEFAULT_TIMEOUT, metavar="SECONDS", help=timeout_help)
    send.set_defaults(func=run_send)


def _err(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


def _store() -> AccountStore:
    return services().accounts


def _account(name: str) -> Account:
    try:
        return _store().get(name)
    except AccountError as exc:
        raise UsageError(str(exc)) from None


def _read_password_stdin() -> str:
    line = sys.stdin.readline()
    password = line[:-1] if line.endswith("\n") else line
    if password.endswith("\r"):
        password = password[:-1]
    if not password:
        raise UsageError(_("--password-stdin: standard input held no password"))
    return password


def password_for(account: Account, from_stdin: bool, secrets: Secrets | None = None) -> str | None:
    """The password to sign in with: stdin when asked, else the keyring, else a prompt on a terminal."""
    if not account.username:
        return None
    if from_stdin:
        return _read_password_stdin()
    secrets = secrets or services().secrets
    why = _("no password is saved for it")
    try:
        saved = secrets.get(account.name)
        if saved:
            return saved
    except KeyringUnavailable:
        why = _("no system keyring is available")
    except SecretsError as exc:
        why = str(exc)
    if sys.stdin.isatty():
        return getpass.getpass(_("Password for {user} at {host} (not saved): ").format(user=account.username, host=account.host))
    raise UsageError(_("account {name!r}: {why}; pass the password with --password-stdin").format(name=account.name, why=why))


# --- accounts -------------------------------------------------------------------------------------

def run_add(args) -> int:
    store = _store()
    try:
        if not args.replace and args.name in store.names():
            raise UsageError(_("an account named {name!r} exists; pass --replace to change it").format(name=args.name))
        values = dict(name=args.name, sender_address=args.sender, sender_name=args.from_name,
                      reply_to=args.reply_to, host=args.host, port=args.port, security=args.security,
                      username="" if args.no_login else args.user, cafile=args.cafile,
                      allow_plaintext_auth=args.allow_plaintext_auth, batch_size=args.batch_size)
        if args.cafile and not Path(args.cafile).is_file():
            raise UsageError(_("--cafile: no such file: {file}").format(file=args.cafile))
        if args.cafile:
            values["cafile"] = str(Path(args.cafile).resolve())
        if args.preset:
            account = acc.from_preset(args.preset, **values)
            if args.no_login:
                account = account.with_changes(username="")
        else:
            if not args.host:
                raise UsageError(_("--host is required (or choose a --preset)"))
            if args.user is None and not args.no_login:
                values["username"] = args.sender
            account = Account(**{k: v for k, v in values.items() if v is not None})
    except AccountError as exc:
        raise UsageError(str(exc)) from None
    password = _read_password_stdin() if args.password_stdin else None
    if password is None and account.username and sys.stdin.isatty():
        password = getpass.getpass(_("Password for {user} (Enter to skip): ").format(user=account.username)) or None
    try:
        store.save(account)
    except (AccountError, OSError) as exc:
        raise UsageError(_("cannot save the account: {problem}").format(problem=os_errors.described(exc))) from None
    print(_("Saved account {name}: {sender} via {where} ({security}).").format(
        name=account.name, sender=account.sender_address, where=account.where, security=account.security))
    if account.preset_note:
        print(_("Note: {note}").format(note=account.preset_note))
    warning = acc.unencrypted_sign_in(account, has_password=password is not None)
    if warning:
        _err(_("Warning: {warning}").format(warning=warning))
    if password is not None:
        try:
            services().secrets.set(account.name, password)
            print(_("Password saved in the system keyring."))
        except KeyringUnavailable:  # its own words say "cannot be saved" already: said once
            _err(_("Password not saved: No system keyring is available; OutageWriter will ask for the password "
                   "each time you send."))
        except SecretsError as exc:
            _err(_("Password not saved: {problem}").format(problem=exc))
    elif account.username:
        print(_("No password saved; you will be asked for it when sending."))
    return EXIT_OK


def run_list(args) -> int:
    try:
        accounts, broken = _store().readable()
    except AccountError as exc:
        raise UsageError(str(exc)) from None
    for problem in broken.values():  # the others are listed and usable all the same
        _err(_("outagewriter accounts: {problem} (fix it in the file, or replace it with `outagewriter accounts add "
               "NAME ... --replace`)").format(problem=problem))
    secrets = services().secrets
    keyring_ok = secrets.available()
    if not accounts:
        if not broken:
            print(_("No mail accounts yet; add one with `outagewriter accounts add NAME --preset ... --from ADDR`."))
        return EXIT_FAILED if broken else EXIT_OK
    for account in accounts:
        if not account.username:
            state = _("no login")
        elif not keyring_ok:
            state = _("password asked at send time (no keyring)")
        else:
            try:
                state = _("password saved") if secrets.get(account.name) else _("no password saved")
            except SecretsError:
                state = _("keyring not readable")
        sender = f"{account.sender_name} <{account.sender_address}>" if account.sender_name else account.sender_address
        print(f"{account.name}\t{sender}\t{account.where}\t{account.security}\t"
              f"{account.username or '-'}\t{state}")
    print(_("Keyring: {keyring}").format(keyring=secrets.describe()), file=sys.stderr)
    return EXIT_FAILED if broken else EXIT_OK


def run_test(args) -> int:
    account = _account(args.name)
    password = password_for(account, args.password_stdin)
    try:
        info = test_connection(account, password, timeout=args.timeout)
    except MailError as exc:
        _err(_("Connection test failed: {problem}").format(problem=exc))
        return EXIT_FAILED
    print(info.describe())
    return EXIT_OK


def run_remove(args) -> int:
    store = _store()
    try:
        store.remove(args.name)
    except AccountError as exc:
        raise UsageError(str(exc)) from None
    try:
        had = services().secrets.delete(args.name)
    except SecretsError as exc:
        _err(_("Removed account {name}, but its password could not be deleted: {problem}").format(name=args.name, problem=exc))
        return EXIT_FAILED
    print((_("Removed account {name} and its saved password.") if had else _("Removed account {name}.")).format(name=args.name))
    return EXIT_OK


# --- send -----------------------------------------------------------------------------------------

def _confirm(args, summary: str) -> None:
    if args.yes:
        return
    if args.password_stdin:
        raise UsageError(_("with --password-stdin standard input holds the password: pass --yes to confirm sending"))
    if not sys.stdin.isatty():
        raise UsageError(_("refusing to send without confirmation; pass --yes to send (no terminal to ask on)"))
    print(summary)
    try:
        answer = input(_("Type {word} to send it, anything else to stop: ").format(word=CONFIRM_WORD))
    except EOFError:
        answer = ""
    if answer.strip() != CONFIRM_WORD:
        raise UsageError(_("not sent (confirmation not given)"))


def _describe_targets(targets: list[str]) -> str:
    shown = ", ".join(targets[:3])
    return shown + (_(" and {count} more").format(count=len(targets) - 3) if len(targets) > 3 else "")


def run_send(args) -> int:
    session = open_session(args.file)
    notice = pick(session, args.notice)
    number = session.number(notice)
    what = None
    posts = ()
    if not args.test_to_self:
        # Before any account, password or network: without a valid approval nothing can go out.
        try:
            check = session.check_send(notice, include_unknown=args.include_unknown, chat=not args.no_chat)
            what, posts = check.plan, check.posts
        except (review.ApprovalError, SendError) as exc:
            raise UsageError(str(exc)) from None
        except ValueError as exc:  # a broken address in To/Cc/Bcc
            raise UsageError(str(exc)) from None
    account = _account(args.account)
    if what is not None:
        if what.retry:
            print(_("Notice {number} was sent before: {count} recipients have it").format(
                number=number, count=len(what.already))
                + (_(", {count} may have it (unknown)").format(count=len(what.unknown)) if what.unknown else "")
                + _("."))
        if not services().settings.approval_required:  # the approval is the confirmation otherwise
            _confirm(args, _("Send notice {number} ({kind}) from {sender} via {account} ({where}) to {count} "
                             "recipients: {targets}").format(
                number=number, kind=kind_label(notice.kind), sender=account.sender_address, account=account.name,
                where=account.where, count=len(what.targets), targets=_describe_targets(what.targets))
                + (_(", and post it to {count} chat destinations").format(count=len(posts)) if posts else "")
                + _("?"))
    password = password_for(account, args.password_stdin)

    cancel = threading.Event()

    def on_sigint(signum, frame):
        if cancel.is_set():
            raise KeyboardInterrupt
        cancel.set()
        _err(_("Stopping after the current batch (press Ctrl+C again to stop at once)..."))

    def on_progress(done: int, total: int) -> None:
        _err(_("  {done} of {total} recipients answered").format(done=done, total=total))

    previous = signal.signal(signal.SIGINT, on_sigint) if threading.current_thread() is threading.main_thread() else None
    try:
        result = session.send(notice, account, password, test=args.test_to_self, on_progress=on_progress,
                              cancel=cancel, include_unknown=args.include_unknown, timeout=args.timeout,
                              chat=not args.no_chat)
    except (SendError, review.ApprovalError) as exc:
        raise UsageError(str(exc)) from None
    finally:
        if previous is not None:
            signal.signal(signal.SIGINT, previous)
    for problem in result.template_problems:
        _err(_("outagewriter: template problem: {problem}").format(problem=problem))
    print(result.summary())
    if result.archive is not None:
        print(_("Archived as {path}").format(path=result.archive))
    if result.test:
        print(_("The test went only to {address}; the notice is still a draft.").format(address=account.sender_address))
    return EXIT_OK if result.ok else EXIT_FAILED
