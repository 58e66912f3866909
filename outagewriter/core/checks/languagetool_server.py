"""Run one LanguageTool HTTP server from a folder of LanguageTool jars.

The folder is what scripts/fetch-languagetool lays out from Maven Central (or any folder holding
``languagetool-server-*.jar`` and its dependencies). The server listens on loopback only, on a
free port, and is shared by every grammar check of the app.
"""
from __future__ import annotations

import atexit
import json
import os
import shutil
import socket
import subprocess
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
import weakref
from pathlib import Path

DEFAULT_STARTUP_TIMEOUT = 60.0
SERVER_CLASS = "org.languagetool.server.HTTPServer"
# A desktop app should not let the JVM take a quarter of the machine's memory (its default).
DEFAULT_JAVA_OPTIONS = ("-Xmx1g",)


class LanguageToolServerError(RuntimeError):
    """The server could not be started; the message says why in plain words."""


class JavaNotFound(LanguageToolServerError):
    pass


class NoJarsFound(LanguageToolServerError):
    pass


def find_java(env: dict[str, str] | None = None) -> str | None:
    """The java executable: $JAVA_HOME/bin/java first, then the first `java` on PATH."""
    env = os.environ if env is None else env
    exe = "java.exe" if os.name == "nt" else "java"
    java_home = env.get("JAVA_HOME")
    if java_home:
        candidate = Path(java_home) / "bin" / exe
        if candidate.is_file() and os.access(candidate, os.X_OK):
            return str(candidate)
    return shutil.which("java", path=env.get("PATH", ""))


def server_jars(folder: str | os.PathLike) -> list[Path]:
    folder = Path(folder)
    return sorted(folder.glob("languagetool-server-*.jar")) if folder.is_dir() else []


def free_port(host: str = "127.0.0.1") -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((host, 0))
        return sock.getsockname()[1]


def http_json(url: str, data: dict[str, str] | None = None, timeout: float = 30.0):
    """GET (or POST form `data`) and decode the JSON answer. Raises OSError/ValueError."""
    body = urllib.parse.urlencode(data).encode("utf-8") if data is not None else None
    request = urllib.request.Request(url, data=body, headers={"Accept": "application/json"})
    with urllib.request.urlopen(request, timeout=timeout) as response:
        return json.loads(response.read().decode("utf-8"))


_running: "weakref.WeakSet[LanguageToolServer]" = weakref.WeakSet()


@atexit.register
def _stop_all() -> None:
    # A JVM left behind would keep ~0.5 GB after the app has gone.
    for server in list(_running):
        server.stop()


class LanguageToolServer:
    """One `java -cp '<folder>/*' org.languagetool.server.HTTPServer` process on loopback.

    Use as a context manager, or call start() and stop(). `url` is the base URL, e.g.
    ``http://127.0.0.1:8123`` (the API lives under ``/v2/``).
    """

    def __init__(
        self,
        jar_folder: str | os.PathLike,
        *,
        java: str | None = None,
        port: int | None = None,
        startup_timeout: float = DEFAULT_STARTUP_TIMEOUT,
        warm_up_language: str | None = "en-US",
        java_options: tuple[str, ...] = DEFAULT_JAVA_OPTIONS,
    ) -> None:
        self.jar_folder = Path(jar_folder)
        self.java = java
        self.host = "127.0.0.1"
        self.port = port
        self.startup_timeout = startup_timeout
        self.warm_up_language = warm_up_language
        self.java_options = tuple(java_options)
        self.startup_seconds: float | None = None
        self._process: subprocess.Popen | None = None
        self._log_path: Path | None = None

    @property
    def url(self) -> str:
        if self._process is None or self.port is None:
            raise LanguageToolServerError("the LanguageTool server is not running")
        return f"http://{self.host}:{self.port}"

    @property
    def pid(self) -> int | None:
        return self._process.pid if self._process else None

    def is_running(self) -> bool:
        return self._process is not None and self._process.poll() is None

    def command(self) -> list[str]:
        classpath = str(self.jar_folder.resolve() / "*")  # the JVM expands the wildcard itself
        # Loopback only (the server's default without --public) and no --allow-origin: web pages in
        # the user's browser have no business sending text to this private server.
        return [
            self.java or "java", *self.java_options, "-cp", classpath, SERVER_CLASS,
            "--port", str(self.port),
        ]

    def start(self) -> "LanguageToolServer":
        if self.is_running():
            return self
        self.java = self.java or find_java()
        if not self.java:
            raise JavaNotFound("Java 17 or newer was not found (looked at JAVA_HOME and PATH).")
        if not server_jars(self.jar_folder):
            raise NoJarsFound(
                f"No LanguageTool server jar (languagetool-server-*.jar) in {self.jar_folder}. "
                "Run scripts/fetch-languagetool to download LanguageTool."
            )
        began = time.monotonic()
        fixed_port = self.port is not None
        for attempt in range(3):  # a free port can be taken between our probe and the JVM's bind
            if not fixed_port:
                self.port = free_port(self.host)
            try:
                self._launch_and_wait()
                break
            except LanguageToolServerError as error:
                if fixed_port or attempt == 2 or "Address already in use" not in str(error):
                    raise
        self.startup_seconds = time.monotonic() - began
        return self

    def _launch_and_wait(self) -> None:
        fd, log_name = tempfile.mkstemp(prefix="outagewriter-languagetool-", suffix=".log")
        self._log_path = Path(log_name)
        with os.fdopen(fd, "wb") as log:
            # The log goes to a file, not a pipe: nobody reads a pipe, and a full one blocks the JVM.
            self._process = subprocess.Popen(
                self.command(), stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        _running.add(self)
        deadline = time.monotonic() + self.startup_timeout
        while True:
            if self._process.poll() is not None:
                tail = self.log_tail()
                self._cleanup()
                raise LanguageToolServerError(_explain_exit(tail))
            try:
                http_json(f"http://{self.host}:{self.port}/v2/languages", timeout=2.0)
                break
            except (OSError, ValueError):
                pass
            if time.monotonic() > deadline:
                tail = self.log_tail()
                self.stop()
                raise LanguageToolServerError(
                    f"LanguageTool did not answer within {self.startup_timeout:.0f} s.\n{tail}"
                )
            time.sleep(0.2)
        if self.warm_up_language:
            # The server loads a language's rules on its first check (~4 s): pay that now,
            # not on the user's first keystroke.
            try:
                http_json(
                    f"{self.url}/v2/check",
                    {"language": self.warm_up_language, "text": "Hello."},
                    timeout=max(5.0, deadline - time.monotonic()),
                )
            except (OSError, ValueError):
                pass  # only an optimisation; real checks report their own errors

    def log_tail(self, lines: int = 15) -> str:
        if not self._log_path or not self._log_path.exists():
            return ""
        text = self._log_path.read_text("utf-8", errors="replace")
        return "\n".join(text.splitlines()[-lines:])

    def stop(self, timeout: float = 10.0) -> None:
        process = self._process
        if process is not None and process.poll() is None:
            process.terminate()
            try:
                process.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(timeout=timeout)
        self._cleanup()

    def _cleanup(self) -> None:
        self._process = None
        _running.discard(self)
        if self._log_path is not None:
            self._log_path.unlink(missing_ok=True)
            self._log_path = None

    def __enter__(self) -> "LanguageToolServer":
        return self.start()

    def __exit__(self, *exc_info) -> None:
        self.stop()


def _explain_exit(log_tail: str) -> str:
    if "UnsupportedClassVersionError" in log_tail:
        return "LanguageTool needs Java 17 or newer; the Java found is older."
    return f"LanguageTool stopped while starting.\n{log_tail}"
