"""The window tests' stand-ins: dialogs that answer from a script, and a grammar checker without a server.

Kept out of conftest.py so tests import them by a name no other test folder uses."""
from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

from outagewriter.core.checks.findings import Finding
from outagewriter.ui.dialogs import CANCEL, DISCARD, Dialogs


class ScriptedDialogs(Dialogs):
    """Answers every question from `answers` and records what was asked."""

    def __init__(self):
        self.answers = {"unsaved_changes": DISCARD, "save_conflict": CANCEL, "file_locked": CANCEL,
                        "confirm": True, "password": None, "send": None, "request_review": "",
                        "approve": None, "request_changes": None, "review_by_email": None,
                        "certificate_path": None, "no_account": False, "accounts": None, "settings": None}
        self.asked: list[str] = []
        self.messages: list[str] = []  # plain-words outcomes the window told the user
        self.errors: list[str] = []
        self.save_as: str | None = None
        self.restore_all = True

    def unsaved_changes(self, parent, name):
        self.asked.append("unsaved_changes")
        return self.answers["unsaved_changes"]

    def save_conflict(self, parent, message):
        self.asked.append("save_conflict")
        return self.answers["save_conflict"]

    def file_locked(self, parent, message, can_take_over):
        self.asked.append("file_locked")
        self.messages.append(message)
        return self.answers["file_locked"]

    def info(self, parent, title, text):
        self.messages.append(f"{title}: {text}")

    def confirm(self, parent, title, text, yes):
        self.asked.append("confirm")
        self.messages.append(f"{title}: {text}")
        return self.answers["confirm"]

    def password(self, parent, account):
        self.asked.append("password")
        return self.answers["password"]

    def send(self, parent, accounts, plan_text, test, chats=()):
        """answers["send"]: the account's name (None cancels); answers["post_chats"]: the chat box."""
        self.asked.append("send")
        self.messages.append(plan_text)
        self.chats_offered = tuple(chats)
        name = self.answers["send"]
        return None if name is None else (name, self.answers.get("post_chats", True))

    def request_review(self, parent):
        self.asked.append("request_review")
        return self.answers["request_review"]

    def approve(self, parent, reviewer, summary):
        self.asked.append("approve")
        answer = self.answers["approve"]
        return (reviewer, answer) if isinstance(answer, str) else answer

    def request_changes(self, parent, reviewer, fields):
        self.asked.append("request_changes")
        return self.answers["request_changes"]

    def review_by_email(self, parent, accounts):
        self.asked.append("review_by_email")
        return self.answers["review_by_email"]

    def certificate_path(self, parent, current):
        self.asked.append("certificate_path")
        return self.answers["certificate_path"]

    def no_account(self, parent, text):
        self.asked.append("no_account")
        self.messages.append(text)
        return self.answers["no_account"]

    def accounts(self, parent, context):
        """The real Mail accounts dialog, filled in by answers["accounts"] (a function of the dialog)."""
        from outagewriter.ui.accounts_dialog import AccountsDialog

        self.asked.append("accounts")
        dialog = AccountsDialog(context, parent)
        if self.answers["accounts"] is not None:
            self.answers["accounts"](dialog)
        dialog.close()
        return dialog.saved_any

    def settings(self, parent, context, page):
        """The real Settings window on `page`, filled in by answers["settings"] (a function of the
        dialog), then OK pressed; True when it saved."""
        from outagewriter.ui.settings_dialog import SettingsDialog

        self.asked.append(f"settings:{page}")
        dialog = SettingsDialog(context, parent, page)
        if self.answers["settings"] is None:
            dialog.reject()
            return False
        self.answers["settings"](dialog)
        dialog.accept()
        return dialog.result() == dialog.DialogCode.Accepted

    def choose_recovery(self, parent, copies):
        self.asked.append("choose_recovery")
        return (list(copies), []) if self.restore_all else ([], [])

    def save_path(self, parent, suggested):
        self.asked.append("save_path")
        return self.save_as

    def error(self, parent, title, text):
        self.errors.append(f"{title}: {text}")


class FakeGrammar:
    """Stands in for GrammarChecker in UI tests: one worker thread, flags each of `words` (by
    default 'teh') wherever it is, suggesting its correction."""

    enabled = True

    def __init__(self, words: dict[str, str] | None = None):
        self._executor = ThreadPoolExecutor(max_workers=1)
        self.words = words or {"teh": "the"}
        self.calls = 0
        self.languages = []  # the language each check was asked in

    def submit(self, fields, language=None):
        self.calls += 1
        self.languages.append(language)
        return self._executor.submit(self._check, dict(fields))

    def _check(self, fields):
        found = []
        for key, text in fields.items():
            name, _, language = key.partition("@")  # "summary@en": a second-language text, as the real one
            for word, better in self.words.items():
                start = text.find(word)
                while start >= 0:
                    found.append(Finding("languagetool/MORFOLOGIK_RULE_EN_US", "spelling", "warning", name,
                                         start, start + len(word), word, "Possible spelling mistake found.",
                                         (better,), language=language))
                    start = text.find(word, start + 1)
        return found

    def close(self):
        self._executor.shutdown(wait=True)
