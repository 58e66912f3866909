"""Grammar and spelling findings from LanguageTool.

One `GrammarChecker` holds one LanguageTool connection for the whole app. Every request runs on
the checker's own single worker thread, so callers on any thread (the UI's task runner, the
command line) never block each other or the GUI, and the lazy start of a server happens once.

Modes:
  off     no grammar checks.
  local   language-tool-python downloads and starts its own LanguageTool.
  jars    a folder of LanguageTool jars (scripts/fetch-languagetool); we start one server.
  server  the URL of a team's LanguageTool server.

Checks speak HTTP to the server directly (urllib) in every mode. language-tool-python's `Match`
fixes up the start offset through a class-wide cache shared by all threads and leaves the
length in UTF-16 units; owning the request lets us convert both ends ourselves.
"""
from __future__ import annotations

import shutil
import urllib.error
import urllib.parse
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, replace

from ..i18n import _, ngettext
from .. import os_errors
from .findings import Finding
from .languagetool_server import (
    DEFAULT_STARTUP_TIMEOUT,
    JavaNotFound,
    LanguageToolServer,
    LanguageToolServerError,
    NoJarsFound,
    http_json,
)

MODES = ("off", "local", "jars", "server")
PROBE_TEXT = "We is investigating the cause."  # one known agreement error
MAX_SUGGESTIONS = 5
# LanguageTool issue types that are a matter of taste rather than an error.
SUGGESTION_ISSUE_TYPES = frozenset({"style", "typographical", "whitespace", "register"})
SPELLING_RULE_MARKERS = ("MORFOLOGIK_RULE", "HUNSPELL", "SPELLER_RULE", "SPELLING_RULE")
# Fields shown in monospace for technical readers: log lines, host names, aligned columns. Spacing,
# typography and spelling rules only add noise there (double spaces align columns, `ECONNRESET` is
# not a misspelling); grammar proper is still checked.
TECHNICAL_FIELDS = frozenset({"appendix"})
NOT_IN_TECHNICAL_FIELDS = frozenset({"whitespace", "typographical"})
class GrammarUnavailable(RuntimeError):
    """Grammar checks cannot run; str() is a plain-words sentence for the user."""


@dataclass(frozen=True)
class GrammarSettings:
    mode: str = "off"
    language: str = "en-US"
    jar_folder: str | None = None  # mode "jars"
    server_url: str | None = None  # mode "server", e.g. "http://lt.example.internal:8081"
    custom_words: tuple[str, ...] = ()  # product names etc. never reported as misspelt
    request_timeout: float = 30.0
    startup_timeout: float = DEFAULT_STARTUP_TIMEOUT

    def __post_init__(self) -> None:
        if self.mode not in MODES:
            raise ValueError(_("unknown grammar mode {mode!r}; expected one of {modes}").format(mode=self.mode, modes=MODES))
        object.__setattr__(self, "custom_words", tuple(self.custom_words))

    @classmethod
    def from_settings(cls, settings) -> "GrammarSettings":
        """The `grammar` section of settings.json (core.settings.Settings); off when it is unusable."""
        try:
            return cls(
                mode=settings.grammar_mode,
                language=settings.grammar_language,
                jar_folder=settings.grammar_jar_folder or None,
                server_url=settings.grammar_server_url or None,
                # The writer's own names are words too: "Northwind" is not a misspelling of anything.
                custom_words=tuple(dict.fromkeys((*settings.grammar_custom_words, *_words_of(settings.own_names)))),
            )
        except ValueError:
            return cls(mode="off")


def network_reason(error: BaseException) -> str:
    """Why a request failed, in words: "Name or service not known", not "<urlopen error [Errno -2] …>"."""
    reason = getattr(error, "reason", None) if isinstance(error, urllib.error.URLError) else None
    reason = reason if reason is not None else error
    said = os_errors.reason(reason) if isinstance(reason, OSError) else str(reason)
    if isinstance(reason, TimeoutError) or "timed out" in said:
        return _("no answer in time")
    return said[:1].lower() + said[1:] if said else type(reason).__name__


def off_because(reason: str) -> str:
    """The sentence telling that grammar checks are off, and why (`reason`: a clause, no full stop)."""
    return _("Grammar checks are off: {reason}. Tone checks still work.").format(reason=reason)


def _words_of(names) -> tuple[str, ...]:
    """Each word of each name ("Acme Pay" -> "Acme", "Pay"): LanguageTool reports single words."""
    return tuple(word for name in names for word in name.split())


# ---- pure conversion: LanguageTool JSON -> Finding -------------------------------------------

def utf16_to_python_index(text: str):
    """A function mapping a UTF-16 code-unit offset in `text` to a Python string index."""
    if all(ord(ch) <= 0xFFFF for ch in text):
        return lambda offset: min(offset, len(text))
    table = []  # table[utf16 offset] = python index; the second unit of a pair maps to its char
    for index, ch in enumerate(text):
        table.append(index)
        if ord(ch) > 0xFFFF:
            table.append(index)
    table.append(len(text))
    return lambda offset: table[min(offset, len(table) - 1)]


def _utf16_len(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def _stripped_sentence_span(text: str, match: dict) -> tuple[int, int] | None:
    """Python span of a match whose offset LanguageTool counted in a whitespace-free sentence.

    LanguageTool's Japanese module (6.8) drops whitespace inside a sentence: it reports
    offset = sentence start + position in the sentence *without spaces*, and sends that
    stripped sentence as "sentence". "A B 問題は解決なる" puts the match two units too early.
    We find the stripped sentence in the stripped text and map back. None: not this case.
    """
    sentence = match.get("sentence") or ""
    if not sentence or any(ch.isspace() for ch in sentence):
        return None
    offset, length = match["offset"], match["length"]
    prefix16 = [0]  # prefix16[i] = UTF-16 offset of text[i]
    for ch in text:
        prefix16.append(prefix16[-1] + (2 if ord(ch) > 0xFFFF else 1))
    sentence16 = _utf16_len(sentence)
    at = text.find(sentence)
    while at != -1:  # verbatim and covering the offset: LanguageTool's offset is right
        if prefix16[at] <= offset < prefix16[at] + sentence16:
            return None
        at = text.find(sentence, at + 1)
    kept = [i for i, ch in enumerate(text) if not ch.isspace()]
    stripped = "".join(text[i] for i in kept)
    in_sentence = utf16_to_python_index(sentence)
    best = None
    k = stripped.find(sentence)
    while k != -1:
        start16 = prefix16[_sentence_start(text, kept[k - 1] + 1 if k else 0, kept[k])]
        if start16 <= offset and offset + length <= start16 + sentence16:
            first, last = in_sentence(offset - start16), in_sentence(offset - start16 + length)
            start = kept[k + first] if first < len(sentence) else len(text)
            best = (start, kept[k + last - 1] + 1 if last > first else start)
        k = stripped.find(sentence, k + 1)
    return best


def _sentence_start(text: str, gap_start: int, first_char: int) -> int:
    """Where LanguageTool starts a sentence, given the whitespace gap before its first character.

    Seen with 6.8: spaces between sentences belong to the next sentence, but a paragraph
    break (two or more line breaks) ends the previous paragraph, so the sentence starts
    after the last line break.
    """
    gap = text[gap_start:first_char]
    if gap.count("\n") >= 2:
        return gap_start + gap.rindex("\n") + 1
    return gap_start


def is_spelling(match: dict) -> bool:
    rule = match.get("rule", {})
    if rule.get("issueType") == "misspelling":
        return True
    return any(marker in rule.get("id", "") for marker in SPELLING_RULE_MARKERS)


def matches_to_findings(
    matches: list[dict], text: str, field: str, custom_words: tuple[str, ...] = ()
) -> list[Finding]:
    to_python = utf16_to_python_index(text)
    known = {word.casefold() for word in custom_words}
    findings = []
    for match in matches:
        span = _stripped_sentence_span(text, match) if match.get("sentence") else None
        if span is None:
            start = to_python(match["offset"])
            span = (start, max(start, to_python(match["offset"] + match["length"])))
        start, end = span
        matched = text[start:end]
        rule = match.get("rule", {})
        spelling = is_spelling(match)
        if spelling and matched.casefold() in known:
            continue
        if field in TECHNICAL_FIELDS and (spelling or rule.get("issueType") in NOT_IN_TECHNICAL_FIELDS
                                          or "WHITESPACE" in rule.get("id", "")):
            continue
        severity = "suggestion" if rule.get("issueType") in SUGGESTION_ISSUE_TYPES else "warning"
        replacements = [r["value"] for r in match.get("replacements", []) if r.get("value")]
        findings.append(
            Finding(
                rule=f"languagetool/{rule.get('id', 'UNKNOWN')}",
                category="spelling" if spelling else "grammar",
                severity=severity,
                field=field,
                start=start,
                end=end,
                match=matched,
                message=match.get("message", ""),
                suggestions=tuple(replacements[:MAX_SUGGESTIONS]),
            )
        )
    return findings


# LanguageTool's code for each notice language; English follows the settings' variant (en-GB, en-US).
LANGUAGETOOL_CODES = {"ja": "ja-JP"}


def languagetool_code(language: str, english_variant: str = "en-US") -> str:
    if language == "en":
        return english_variant if english_variant.startswith("en") else "en-US"
    return LANGUAGETOOL_CODES[language]


# ---- the checker ------------------------------------------------------------------------------

class GrammarChecker:
    """Thread-safe front to one LanguageTool; nothing starts before the first check."""

    def __init__(self, settings: GrammarSettings) -> None:
        self.settings = settings
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="outagewriter-grammar")
        self._closed = False
        # Touched only on the executor's thread:
        self._url: str | None = None
        self._server: LanguageToolServer | None = None
        self._ltp = None

    @property
    def enabled(self) -> bool:
        return self.settings.mode != "off"

    @property
    def server(self) -> LanguageToolServer | None:
        """The server this checker started itself (mode "jars"), for diagnostics."""
        return self._server

    def submit(self, fields: dict[str, str], language: str | None = None) -> "Future[list[Finding]]":
        """Check in the background; the future raises GrammarUnavailable if LanguageTool can't run.
        `language`: the notice's first language ("ja" checks as ja-JP); None: the settings' language.
        A key "summary@ja" is a field's second-language text, checked in that language (English in the
        settings' variant); its findings carry the language."""
        code = languagetool_code(language, self.settings.language) if language else self.settings.language
        return self._executor.submit(self._check_fields, dict(fields), code)

    def check_fields(self, fields: dict[str, str], language: str | None = None) -> list[Finding]:
        """Blocking: check every non-empty field. Call from a worker thread, never the GUI thread."""
        return self.submit(fields, language).result()

    def start(self) -> "Future[str | None]":
        """Start LanguageTool now (e.g. at app start) instead of on the first check."""
        return self._executor.submit(self._ensure_url)

    def probe(self) -> "Future[str]":
        """Check a test sentence (starting LanguageTool if needed); the result names the LanguageTool
        version and what it found, e.g. "LanguageTool 6.8 answered: 1 problem in a test sentence"."""
        return self._executor.submit(self._probe)

    def close(self) -> None:
        if self._closed:
            return
        self._closed = True
        self._executor.submit(self._shutdown_backend).result()
        self._executor.shutdown(wait=True)

    def __enter__(self) -> "GrammarChecker":
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()

    # -- executor thread only --

    def _check_fields(self, fields: dict[str, str], code: str) -> list[Finding]:
        if not self.enabled:
            return []
        findings: list[Finding] = []
        for key, text in fields.items():
            if text and text.strip():
                field, _at, language = key.partition("@")
                in_code = languagetool_code(language, self.settings.language) if language else code
                findings.extend(replace(f, language=language) for f in self._check_text(field, text, in_code))
        return findings

    def _check_text(self, field: str, text: str, code: str) -> list[Finding]:
        url = self._ensure_url()
        try:
            answer = http_json(
                f"{url}/v2/check",
                {"language": code, "text": text},
                timeout=self.settings.request_timeout,
            )
        except urllib.error.HTTPError as error:
            detail = error.read().decode("utf-8", "replace").strip()[:300]
            raise GrammarUnavailable(off_because(_("LanguageTool refused the text ({code}: {detail})").format(
                code=error.code, detail=detail))) from error
        except (OSError, ValueError) as error:
            self._forget_dead_server()
            raise GrammarUnavailable(off_because(_("the LanguageTool server at {url} did not answer ({reason})").format(
                url=url, reason=network_reason(error)))) from error
        return matches_to_findings(answer.get("matches", []), text, field, self.settings.custom_words)

    def _probe(self) -> str:
        url = self._ensure_url()
        if url is None:
            return _("Grammar checks are off.")
        try:
            answer = http_json(f"{url}/v2/check", {"language": self.settings.language, "text": PROBE_TEXT},
                               timeout=self.settings.request_timeout)
        except (OSError, ValueError) as error:
            raise GrammarUnavailable(_("The LanguageTool server at {url} did not answer ({reason}).").format(
                url=url, reason=network_reason(error))) from error
        software = answer.get("software") if isinstance(answer, dict) else None
        version = software.get("version", "") if isinstance(software, dict) else ""
        found = len(answer.get("matches", [])) if isinstance(answer, dict) else 0
        return ngettext("LanguageTool {version} answered at {url}: {count} problem in the test sentence “{sentence}”.",
                        "LanguageTool {version} answered at {url}: {count} problems in the test sentence “{sentence}”.",
                        found).format(version=version, url=url, count=found, sentence=PROBE_TEXT)

    def _ensure_url(self) -> str | None:
        if not self.enabled:
            return None
        if self._server is not None and not self._server.is_running():
            self._forget_dead_server()
        if self._url is None:
            mode = self.settings.mode
            if mode == "server":
                self._url = base_url(self.settings.server_url)
            elif mode == "jars":
                self._url = self._start_jars()
            else:
                self._url = self._start_local()
        return self._url

    def _start_jars(self) -> str:
        if not self.settings.jar_folder:
            raise GrammarUnavailable(off_because(_("no LanguageTool folder is set")))
        server = LanguageToolServer(
            self.settings.jar_folder,
            startup_timeout=self.settings.startup_timeout,
            warm_up_language=self.settings.language,
        )
        try:
            server.start()
        except JavaNotFound as error:
            raise GrammarUnavailable(off_because(_("Java 17 was not found"))) from error
        except NoJarsFound as error:
            raise GrammarUnavailable(off_because(_("no LanguageTool files in {folder}").format(
                folder=self.settings.jar_folder))) from error
        except LanguageToolServerError as error:
            first_line = str(error).splitlines()[0]
            raise GrammarUnavailable(off_because(_("LanguageTool did not start ({reason})").format(
                reason=first_line))) from error
        self._server = server
        return server.url

    def _start_local(self) -> str:
        # language-tool-python looks for java on PATH only.
        if shutil.which("java") is None:
            raise GrammarUnavailable(off_because(_("Java 17 was not found")))
        try:
            import language_tool_python

            self._ltp = language_tool_python.LanguageTool(self.settings.language)
        except Exception as error:  # it raises many kinds: download, zip, timeout, server errors
            raise GrammarUnavailable(off_because(_("LanguageTool could not be downloaded or started ({reason})").format(
                reason=error))) from error
        return self._ltp.url.rstrip("/").removesuffix("/v2")

    def _forget_dead_server(self) -> None:
        # A crashed JVM is started again on the next check rather than failing forever.
        if self._server is not None and not self._server.is_running():
            self._server.stop()
            self._server = None
            self._url = None

    def _shutdown_backend(self) -> None:
        if self._server is not None:
            self._server.stop()
            self._server = None
        if self._ltp is not None:
            self._ltp.close()
            self._ltp = None
        self._url = None


def base_url(url: str | None) -> str:
    parsed = urllib.parse.urlsplit(url or "")
    if parsed.scheme not in ("http", "https") or not parsed.netloc:
        raise GrammarUnavailable(off_because(_("{url!r} is not a LanguageTool server address "
                                               "(expected e.g. http://host:8081)").format(url=url)))
    # Accept both "http://host:8081" and "http://host:8081/v2/".
    path = parsed.path.rstrip("/").removesuffix("/v2")
    return urllib.parse.urlunsplit((parsed.scheme, parsed.netloc, path, "", ""))
