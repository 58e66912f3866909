"""`chats list|add|remove|test|follow`: chat destinations, their webhook URLs and the audiences that follow them.

A webhook URL is a secret (anyone who has it can post as you): it goes to the system keyring and
nowhere else, read from standard input (--url-stdin) or typed at a prompt that does not echo it.
"""
from __future__ import annotations

import getpass
import sys

from ..core.chat import setup
from ..core.chat.destinations import check_webhook_url
from ..core.chat.posting import label, test_post
from ..core.chat.secrets import SecretsError
from ..core.incident.chat_destinations import CHAT_SERVICES, ChatDestinationError
from ..core.session.errors import SettingsError
from .base import EXIT_FAILED, EXIT_OK, UsageError, services


def register(subparsers) -> None:
    chats = subparsers.add_parser(
        "chats", help="chat destinations (Slack, Teams, Mattermost, Discord) notices are posted to",
        description="Sending a notice also posts its short version to the chat destinations its audiences "
        "follow (`chats follow`). Webhook URLs are kept in the system keyring.")
    sub = chats.add_subparsers(dest="chats_command", metavar="ACTION", required=True, parser_class=type(chats))

    lst = sub.add_parser("list", help="list chat destinations, who follows them, and whether their URL is saved")
    lst.set_defaults(func=run_list)

    add = sub.add_parser("add", help="add a chat destination and save its webhook URL in the keyring")
    add.add_argument("name")
    add.add_argument("--service", required=True, choices=CHAT_SERVICES)
    add.add_argument("--url-stdin", action="store_true", help="read the webhook URL from standard input")
    add.add_argument("--replace", action="store_true", help="replace a destination of the same name")
    add.set_defaults(func=run_add)

    remove = sub.add_parser("remove", help="remove a chat destination and its saved webhook URL")
    remove.add_argument("name")
    remove.set_defaults(func=run_remove)

    test = sub.add_parser("test", help='post "Test post from OutageWriter" to a destination')
    test.add_argument("name")
    test.set_defaults(func=run_test)

    follow = sub.add_parser("follow", help="choose the chat destinations an audience's notices are posted to")
    follow.add_argument("audience")
    follow.add_argument("names", nargs="*", metavar="NAME", help="none: the audience's notices go to no chat")
    follow.set_defaults(func=run_follow)


def _save(settings) -> None:
    try:
        services().save_settings(settings)
    except SettingsError as exc:
        raise UsageError(f"cannot save the settings: {exc}") from None


def _changed(change, *args, **kwargs):
    try:
        return change(services().settings, *args, **kwargs)
    except ChatDestinationError as exc:
        raise UsageError(str(exc)) from None


def _read_url(args) -> str:
    if args.url_stdin:
        url = sys.stdin.readline().strip()
    elif sys.stdin.isatty():
        url = getpass.getpass(f"Webhook URL for {args.name} (not shown): ").strip()
    else:
        raise UsageError("no terminal to ask for the webhook URL on; pass it with --url-stdin")
    if not url:
        raise UsageError("no webhook URL was given; nothing was saved")
    return url


def run_list(args) -> int:
    settings = services().settings
    webhooks = services().webhooks
    if not settings.chat_destinations:
        print("No chat destinations yet; add one with `outagewriter chats add NAME --service SERVICE`.")
        return EXIT_OK
    for destination in settings.chat_destinations:
        try:
            state = "URL saved" if webhooks.get(destination.name) else "no URL saved"
        except SecretsError:
            state = "no keyring" if not webhooks.available() else "keyring not readable"
        following = ", ".join(setup.followers(settings, destination)) or "no audience follows it"
        print(f"{destination.name}\t{destination.service}\t{state}\t{following}")
    print(f"Keyring: {webhooks.describe()}", file=sys.stderr)
    return EXIT_OK


def run_add(args) -> int:
    settings = _changed(setup.with_destination, args.name, args.service, replace=args.replace)
    url = _read_url(args)
    problem = check_webhook_url(args.service, url)
    if problem:
        raise UsageError(f"{problem}; nothing was saved")
    destination = setup.find(settings, args.name)
    try:
        services().webhooks.set(destination.name, url)
    except SecretsError as exc:
        raise UsageError(f"{exc} Nothing was saved.") from None
    _save(settings)
    print(f"Saved chat destination {label(destination)}; its webhook URL is in the system keyring.")
    if not setup.followers(services().settings, destination):
        print(f"No audience follows it yet: `outagewriter chats follow AUDIENCE \"{destination.name}\"`.")
    return EXIT_OK


def run_remove(args) -> int:
    destination = _changed(setup.find, args.name)
    _save(_changed(setup.without_destination, args.name))
    try:
        had = services().webhooks.delete(destination.name)
    except SecretsError as exc:
        print(f"Removed chat destination {destination.name}, but its webhook URL could not be deleted: {exc}",
              file=sys.stderr)
        return EXIT_FAILED
    print(f"Removed chat destination {destination.name}" + (" and its saved webhook URL." if had else "."))
    return EXIT_OK


def run_test(args) -> int:
    destination = _changed(setup.find, args.name)
    try:
        url = services().webhooks.get(destination.name)
    except SecretsError as exc:
        raise UsageError(str(exc)) from None
    if not url:
        raise UsageError(f"no webhook URL is saved for {label(destination)}: "
                         f"`outagewriter chats add \"{destination.name}\" --service {destination.service} --replace`")
    outcome = test_post(destination, url)
    print(outcome.describe())
    return EXIT_OK if outcome.ok else EXIT_FAILED


def run_follow(args) -> int:
    settings = _changed(setup.with_followed, args.audience, args.names)
    _save(settings)
    audience = next(a for a in services().settings.audiences if a.name.casefold() == args.audience.casefold())
    print(f"{audience.name}: notices are posted to " + (", ".join(audience.chats) or "no chat") + ".")
    return EXIT_OK
