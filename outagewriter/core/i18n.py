"""The language the user reads the program in: the window (Qt's own translations, outagewriter/ui)
and the command line and core messages (gettext catalogs), chosen by one rule.

settings.json "ui_language" wins when set; otherwise the system's locale decides, read the way
gettext reads it (LANGUAGE, LC_ALL, LC_MESSAGES, LANG, first one set): a locale starting with "ja"
gives Japanese, anything else English. A notice's own language (Incident.language) is separate: a
Japanese notice can be written in an English window and the reverse.
"""
from __future__ import annotations

import os

UI_LANGUAGES = ("en", "ja")
_LOCALE_VARIABLES = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")


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
