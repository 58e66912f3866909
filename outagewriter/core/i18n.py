"""The language the user reads the program in: the window (Qt's own translations, outagewriter/ui)
and the command line and core messages (gettext catalogs), chosen by one rule.

settings.json "ui_language" wins when set; otherwise the system's locale decides, read the way
gettext reads it (LANGUAGE, LC_ALL, LC_MESSAGES, LANG, first one set): a locale starting with "ja"
gives Japanese, anything else English. A notice's own language (Incident.language) is separate: a
Japanese notice can be written in an English window and the reverse.

Messages for people are written in English in the code and marked: `_("...")` where they are made,
`N_("...")` where they are module constants (translated where they are shown, with `_()`),
`ngettext()` for counts, and `pgettext(context, "...")` for a word that two places translate
differently (the incident kind "maintenance" is not the notice kind "maintenance"). The start of the
program (cli.main, app.main) calls `use_language` once; until then, and whenever a catalog is missing,
messages stay English. Catalogs are compiled from outagewriter/locale/<lang>/LC_MESSAGES/outagewriter.po
by scripts/build-translations.
"""
from __future__ import annotations

import gettext
import os
from pathlib import Path

from .shipped import package_path

UI_LANGUAGES = ("en", "ja")
DOMAIN = "outagewriter"
_LOCALE_VARIABLES = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")

_catalog: gettext.NullTranslations = gettext.NullTranslations()  # English: the messages as written
_language = "en"


def system_language(environ=os.environ) -> str:
    """UI_LANGUAGES' entry the system locale asks for, "en" when it asks for none of them."""
    for name in _LOCALE_VARIABLES:
        value = environ.get(name, "")
        if value:
            # LANGUAGE may list several ("ja:en"); the first one that is ours decides.
            for entry in value.split(":"):
                code = entry.split(".")[0].split("@")[0].split("_")[0].lower()
                if code in UI_LANGUAGES:
                    return code
            if name != "LANGUAGE":
                return "en"
    return "en"


def chosen_language(setting: str = "", environ=os.environ) -> str:
    """The program's language: the setting when it names one, else the system's."""
    return setting if setting in UI_LANGUAGES else system_language(environ)


def locale_dir() -> Path:
    """The folder of compiled catalogs shipped inside the package (<lang>/LC_MESSAGES/outagewriter.mo)."""
    return package_path("locale")


def use_language(language: str, folder: str | os.PathLike | None = None) -> str:
    """Write every later message in `language`; returns the language in effect.

    English needs no catalog. A language whose compiled catalog is missing (not built yet, or a
    broken install) falls back to English rather than failing: the program still works."""
    global _catalog, _language
    _catalog, _language = gettext.NullTranslations(), "en"
    if language in UI_LANGUAGES and language != "en":
        try:
            _catalog, _language = gettext.translation(DOMAIN, str(folder or locale_dir()), [language]), language
        except OSError:  # no .mo (FileNotFoundError), or one that cannot be read
            pass
    return _language


def active_language() -> str:
    """The language messages are written in now."""
    return _language


def _(message: str) -> str:
    """`message` in the active language."""
    return _catalog.gettext(message)


def ngettext(singular: str, plural: str, count: int) -> str:
    """The form of a message that fits `count`, in the active language."""
    return _catalog.ngettext(singular, plural, count)


def pgettext(context: str, message: str) -> str:
    """`message` as meant in `context`, in the active language."""
    return _catalog.pgettext(context, message)


def N_(message: str) -> str:
    """Marks a message made at import time for the catalog; it is translated where it is shown."""
    return message
