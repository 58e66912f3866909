"""Where OutageWriter keeps its own files, in the places each desktop expects.

`OUTAGEWRITER_CONFIG_DIR` moves the configuration (accounts, settings) elsewhere, and
`OUTAGEWRITER_STATE_DIR` the working state: tests and portable installs use them. Nothing is created here; callers create folders when they write.
"""
from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "OutageWriter"
CONFIG_DIR_ENV = "OUTAGEWRITER_CONFIG_DIR"
STATE_DIR_ENV = "OUTAGEWRITER_STATE_DIR"


def config_dir() -> Path:
    """Settings and mail accounts (never passwords: those live in the OS keyring)."""
    override = os.environ.get(CONFIG_DIR_ENV, "").strip()
    if override:
        return Path(override).expanduser()
    return platformdirs.user_config_path(APP_NAME, appauthor=False)


def data_dir() -> Path:
    """Files the user made that are not incidents: custom templates, rule packs."""
    return platformdirs.user_data_path(APP_NAME, appauthor=False)


def state_dir() -> Path:
    """Recoverable working state: autosave copies, recent files, window layout.

    `OUTAGEWRITER_STATE_DIR` moves it elsewhere, like the configuration.
    """
    override = os.environ.get(STATE_DIR_ENV, "").strip()
    if override:
        return Path(override).expanduser()
    return platformdirs.user_state_path(APP_NAME, appauthor=False)

