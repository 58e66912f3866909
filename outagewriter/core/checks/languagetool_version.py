"""Which LanguageTool the grammar checks use, in words for the About box.

Never starts LanguageTool: the version comes from the jar's file name, from the folder
language-tool-python downloaded, or from a server that is already running (its answer to a
one-character check names its version; /v2/languages does not).
"""
from __future__ import annotations

import re

from .grammar import GrammarSettings, GrammarUnavailable, base_url
from .languagetool_server import http_json, server_jars

NOT_SET_UP = "not set up (grammar checks are off)"


def languagetool_version(settings: GrammarSettings, timeout: float = 5.0) -> str:
    """E.g. "6.8 (server at http://lt.example:8081)"; blocking for up to `timeout` in server mode."""
    if settings.mode == "jars":
        return _from_jars(settings.jar_folder or "")
    if settings.mode == "server":
        return _from_server(settings.server_url, timeout)
    if settings.mode == "local":
        return _from_download()
    return NOT_SET_UP


def _from_jars(folder: str) -> str:
    for jar in server_jars(folder):
        found = re.fullmatch(r"languagetool-server-(.+)\.jar", jar.name)
        if found:
            return f"{found.group(1)} (files in {folder})"
    return f"not found: no LanguageTool server jar in {folder or 'the folder set'}"


def _from_server(url: str | None, timeout: float) -> str:
    try:
        base = base_url(url)
    except GrammarUnavailable:
        return f"not set up: {url!r} is not a server address"
    try:
        answer = http_json(f"{base}/v2/check", {"language": "en-US", "text": "."}, timeout=timeout)
        version = answer["software"]["version"]
    except (OSError, ValueError, KeyError, TypeError):
        return f"unknown: the server at {base} did not answer within {timeout:.0f} s"
    return f"{version} (server at {base})"


def _from_download() -> str:
    try:
        from language_tool_python.download_lt import LocalLanguageTool

        installed = LocalLanguageTool.get_latest_installed_version()
    except Exception:  # a broken download folder must not break the About box
        installed = None
    if installed is None:
        return "not downloaded yet (it is downloaded on the first check)"
    return f"{installed.version_name} (downloaded by language-tool-python)"
