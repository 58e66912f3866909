"""`publish`: write the static status page of a set of incidents into a folder."""
from __future__ import annotations

import argparse
import sys

from ..core.i18n import _
from ..core.safe_text import visible
from ..core.session.publishing import PublishError, publish_status_page, sources_for
from .base import EXIT_FAILED, EXIT_OK, services


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "publish", help=_("write the static status page (HTML, feeds, JSON) into a folder"),
        description=_("Publish what the incidents' sent notices said as a static status page: components, "
                      "open incidents, maintenance and history, with Atom and RSS feeds and a JSON summary. "
                      "The folder is replaced as a whole, and only if it is empty or a status page written "
                      "before. Drafts are never published."))
    parser.add_argument("folder", nargs="?", default="", metavar="FOLDER",
                        help=_("where to write the page (default: the folder in the settings)"))
    parser.add_argument("sources", nargs="*", metavar="INCIDENT",
                        help=_("incident files or folders of them (default: the incidents folder in the settings)"))
    parser.add_argument("--url", default=None, type=_page_url,
                        help=_("where readers find the page, e.g. https://status.example.com/"))
    parser.add_argument("--title", default=None, help=_("the page's name (default: from the settings)"))
    parser.add_argument("--allow-removing", action="store_true",
                        help=_("publish even though an open incident the page shows now is in none of the files"))
    parser.set_defaults(func=run)


def _page_url(text: str) -> str:
    """argparse type of --url: an http(s) address, as the settings and the window require."""
    from ..core.settings import usable_url

    if not text.strip() or not usable_url(text.strip()):
        raise argparse.ArgumentTypeError(
            _("{url!r} is not a web address readers can open; give one starting with https:// or http://").format(
                url=text))
    return text.strip()


def run(args) -> int:
    settings = services().settings
    folder = args.folder or settings.status_page_folder
    sources = args.sources or sources_for(settings)
    try:
        result = publish_status_page(sources, folder, settings, url=args.url, title=args.title,
                                     renderer=services().renderer, allow_removing=args.allow_removing)
    except PublishError as exc:
        for line in (str(exc), *exc.details):
            print(f"outagewriter publish: {visible(line)}", file=sys.stderr)
        return EXIT_FAILED
    print(visible(result.summary()))
    for problem in result.problems:
        print(f"outagewriter publish: {visible(problem)}", file=sys.stderr)
    return EXIT_OK
