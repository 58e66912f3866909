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
from ..core.i18n import _
from ..core.incident.chat_destinations import CHAT_SERVICES, ChatDestinationError
from ..core.session.errors import SettingsError
from .base import EXIT_FAILED, EXIT_OK, UsageError, services


def register(subparsers) -> None:
    chats = subparsers.add_parser(
        "chats", help=_("chat destinations (Slack, Teams, Mattermost, Discord) notices are posted to"),
        description=_("Sending a notice also posts its short version to the chat destinations its audiences "
                      "follow (`chats follow`). Webhook URLs are kept in the system keyring."))
    sub = chats.add_subparsers(dest="chats_command", metavar="ACTION", required=True, parser_class=type(chats))

    lst = sub.add_parser("list", help=_("list chat destinations, who follows them, and whether their URL is saved"))
    lst.set_defaults(func=run_list)

    add = sub.add_parser("add", help=_("add a chat destination and save its webhook URL in the keyring"))
    add.add_argument("name")
    add.add_argument("--service", required=True, choices=CHAT_SERVICES, help=_("the chat service the webhook belongs to"))
    add.add_argument("--url-stdin", action="store_true", help=_("read the webhook URL from standard input"))
    add.add_argument("--replace", action="store_true", help=_("replace a destination of the same name"))
    add.set_defaults(func=run_add)

    remove = sub.add_parser("remove", help=_("remove a chat destination and its saved webhook URL"))
    remove.add_argument("name")
    remove.set_defaults(func=run_remove)

    test = sub.add_parser("test", help=_('post "Test post from OutageWriter" to a destination'))
    test.add_argument("name")
    test.set_defaults(func=run_test)

    follow = sub.add_parser("follow", help=_("choose the chat destinations an audience's notices are posted to"))
    follow.add_argument("audience")
    follow.add_argument("names", nargs="*", metavar="NAME", help=_("none: the audience's notices go to no chat"))
    follow.set_defaults(func=run_follow)


def _save(settings) -> None:
    try:
        services().save_settings(settings)
    except SettingsError as exc:
        raise UsageError(_("cannot save the settings: {problem}").format(problem=exc)) from None


def _changed(change, *args, **kwargs):
    try:
        return change(services().settings, *args, **kwargs)
    except ChatDestinationError as exc:
        raise UsageError(str(exc)) from None


def _read_url(args) -> str:
    if args.url_stdin:
        url = sys.stdin.readline().strip()
    elif sys.stdin.isatty():
        url = getpass.getpass(_("Webhook URL for {name} (not shown): ").format(name=args.name)).strip()
    else:
        raise UsageError(_("no terminal to ask for the webhook URL on; pass it with --url-stdin"))
    if not url:
        raise UsageError(_("no webhook URL was given; nothing was saved"))
    return url


def run_list(args) -> int:
    settings = services().settings
    webhooks = services().webhooks
    if not settings.chat_destinations:
        print(_("No chat destinations yet; add one with `outagewriter chats add NAME --service SERVICE`."))
        return EXIT_OK
    for destination in settings.chat_destinations:
        try:
            state = _("URL saved") if webhooks.get(destination.name) else _("no URL saved")
        except SecretsError:
            state = _("no keyring") if not webhooks.available() else _("keyring not readable")
        following = ", ".join(setup.followers(settings, destination)) or _("no audience follows it")
        print(f"{destination.name}\t{destination.service}\t{state}\t{following}")
    print(_("Keyring: {keyring}").format(keyring=webhooks.describe()), file=sys.stderr)
    return EXIT_OK


def run_add(args) -> int:
    settings = _changed(setup.with_destination, args.name, args.service, replace=args.replace)
    url = _read_url(args)
    problem = check_webhook_url(args.service, url)
    if problem:
        raise UsageError(_("{problem}; nothing was saved").format(problem=problem))
    destination = setup.find(settings, args.name)
    try:
        services().webhooks.set(destination.name, url)
    except SecretsError as exc:
        raise UsageError(_("{problem} Nothing was saved.").format(problem=exc)) from None
    _save(settings)
    print(_("Saved chat destination {name}; its webhook URL is in the system keyring.").format(name=label(destination)))
    if not setup.followers(services().settings, destination):
        print(_("No audience follows it yet: `outagewriter chats follow AUDIENCE \"{name}\"`.").format(name=destination.name))
    return EXIT_OK


def run_remove(args) -> int:
    destination = _changed(setup.find, args.name)
    _save(_changed(setup.without_destination, args.name))
    try:
        had = services().webhooks.delete(destination.name)
    except SecretsError as exc:
        print(_("Removed chat destination {name}, but its webhook URL could not be deleted: {problem}").format(
            name=destination.name, problem=exc), file=sys.stderr)
        return EXIT_FAILED
    print((_("Removed chat destination {name} and its saved webhook URL.") if had
           else _("Removed chat destination {name}.")).format(name=destination.name))
    return EXIT_OK


def run_test(args) -> int:
    destination = _changed(setup.find, args.name)
    try:
        url = services().webhooks.get(destination.name)
    except SecretsError as exc:
        raise UsageError(str(exc)) from None
    if not url:
        raise UsageError(_("no webhook URL is saved for {label}: "
                           "`outagewriter chats add \"{name}\" --service {service} --replace`").format(
            label=label(destination), name=destination.name, service=destination.service))
    outcome = test_post(destination, url)
    print(outcome.describe())
    return EXIT_OK if outcome.ok else EXIT_FAILED


def run_follow(args) -> int:
    settings = _changed(setup.with_followed, args.audience, args.names)
    _save(settings)
    audience = next(a for a in services().settings.audiences if a.name.casefold() == args.audience.casefold())
    print(_("{audience}: notices are posted to {chats}.").format(
        audience=audience.name, chats=", ".join(audience.chats) or _("no chat")))
    return EXIT_OK
