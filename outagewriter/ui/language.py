"""The window's language: Qt translators for OutageWriter's strings and Qt's own (standard buttons,
file dialogs), and dates written the way that language writes them.

Every visible string goes through `translate(context, text)` (QCoreApplication.translate), so
`pyside6-lupdate` finds it; the Japanese sources are translations/ja_*.ts, compiled by
scripts/build-translations into translations/outagewriter_<lang>.qm (built, never committed).
"""
from __future__ import annotations

import re
import sys
from datetime import datetime, timezone

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from ..core.incident.times import format_stored, month_day_ja
from ..core.shipped import package_path

translate = QCoreApplication.translate
_TRANSLATOR = "outagewriter_translator"
_LOCALES = {"en": QLocale(QLocale.Language.English, QLocale.Country.UnitedStates),
            "ja": QLocale(QLocale.Language.Japanese, QLocale.Country.Japan)}


def compiled_catalog(language: str):
    """Where the built translation of the window into `language` lives (it may not exist)."""
    return package_path("ui", "translations", f"outagewriter_{language}.qm")


def install(app, language: str) -> None:
    """`app` speaks `language` from now on: its translators replace those installed before (English
    needs none) and the default QLocale follows. A missing catalog leaves the window in English and
    says so in one line on stderr."""
    for old in app.findChildren(QTranslator, _TRANSLATOR):
        app.removeTranslator(old)
        old.setParent(None)
    QLocale.setDefault(_LOCALES.get(language, _LOCALES["en"]))
    if language == "en":
        return
    ours = QTranslator()
    if not ours.load(str(compiled_catalog(language))):
        print(f"outagewriter: the window's {language!r} translation is missing ({compiled_catalog(language)}; "
              "scripts/build-translations makes it), so the window is in English", file=sys.stderr)
        QLocale.setDefault(_LOCALES["en"])
        return
    translators = [ours]
    qt_own = QTranslator()
    # Qt's own strings (OK, Cancel, the file dialog); a Qt build without them only loses those.
    if qt_own.load(f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        translators.append(qt_own)
    for translator in translators:
        translator.setParent(app)  # the application keeps them alive
        translator.setObjectName(_TRANSLATOR)
        app.installTranslator(translator)


def moment_text(stored, zone=None) -> str:
    """A stored moment as the window's language writes it, in the reader's zone (core's
    `format_stored` in English: 'Mon 30 Nov, 11:00 CET'; in Japanese '11月30日（月）11:00 CET' as the
    notices and the command line write it, the year first when it is not this year). Text that is not a
    time comes back unchanged."""
    english = format_stored(stored, zone)
    if QLocale().language() != QLocale.Language.Japanese or english == str(stored):
        return english
    moment = stored if isinstance(stored, datetime) else datetime.fromisoformat(
        stored.strip().replace("z", "Z").replace("Z", "+00:00"))
    local = (moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)).astimezone(zone)
    label = english.rsplit(" ", 1)[-1]  # the zone's name, as core chose it
    year = f"{local.year}年" if local.year != datetime.now(local.tzinfo).year else ""
    return f"{year}{month_day_ja(local)}{local:%H:%M} {label}"


def join_sentences(sentences) -> str:
    """Sentences one after another: a space after an English full stop, none after a Japanese 。"""
    out = ""
    for sentence in sentences:
        out += ("" if not out or out.endswith(("。", "」", "）")) else " ") + sentence
    return out


def without_access_key(text: str) -> str:
    """A menu text as a button or toolbar shows it: no access key, neither "&Save" nor the
    Japanese "保存(&S)", and no trailing ellipsis."""
    text = re.sub(r"\s*\(&\w\)", "", text)
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip("…").rstrip(".")


def translated(context: str, labels: dict[str, str]) -> dict[str, str]:
    """A table of labels marked with QT_TRANSLATE_NOOP(context, …), in the window's language."""
    return {key: translate(context, label) for key, label in labels.items()}
