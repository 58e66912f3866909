"""Turning tone rules on and off from the Settings window.

The switches are kept as one more user rule pack, `zz-settings-<language>.json` in the rules folder
(loaded last, in name order), holding only `"disabled": [ids]`. A rule the user turned off in a pack
of their own stays off here and is shown as such: the window never edits the user's own packs.
"""
from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from ..i18n import N_, _
from ..storage.atomic import atomic_write_text
from ..checks.rules import Rule, RuleSet, load_rules, load_shipped


def switches_pack(rules_dir: str | Path, language: str) -> Path:
    return Path(rules_dir) / f"zz-settings-{language}.json"


@dataclass(frozen=True)
class RuleSwitch:
    rule: Rule
    on: bool
    fixed_off_by: str = ""  # the user's own pack that turns it off ("" when the switch decides)


def rule_switches(language: str, rules_dir: str | Path) -> list[RuleSwitch]:
    """Every tone rule with whether it is on, shipped rules first, in pack order."""
    in_force = load_rules(language, rules_dir)
    ours = set(_switched_off(language, rules_dir))
    by_id = {rule.id: rule for rule in load_shipped(language)}
    by_id.update({rule.id: rule for rule in in_force.rules})
    switches = []
    for rule_id, rule in by_id.items():
        off = rule_id in in_force.disabled
        fixed = ""
        if off and rule_id not in ours:
            fixed = next((name for name in own_packs(language, rules_dir)  # packs for this language only
                          if rule_id in _disabled_in(Path(rules_dir) / name)), "a rule pack")
        switches.append(RuleSwitch(rule, not off, fixed))
    return switches


# The Settings window's name for the lines below (its accessible name), in the words of the lines themselves.
PACK_PROBLEMS_NAME = N_("Problems in your rule packs")


def pack_problems(ruleset: RuleSet) -> str:
    """What is wrong in the user's packs for the Settings window: the files by name, then one line per
    problem ("" when there is none). The same lines the findings panel and `outagewriter check` show."""
    if not ruleset.problems:
        return ""
    return "\n".join([_("Parts of {files} cannot be used and are left out; the other rules work. What is wrong:").format(
        files=_(", ").join(ruleset.problem_files)), *ruleset.problems])


def own_packs(language: str, rules_dir: str | Path) -> list[str]:
    """The user's own rule packs that apply to `language` (file names), besides the switches."""
    folder = Path(rules_dir)
    found = []
    for path in sorted(folder.glob("*.json")) if folder.is_dir() else []:
        if path == switches_pack(rules_dir, language):
            continue
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            data = {}
        if not isinstance(data, dict) or data.get("language", language) == language:
            found.append(path.name)
    return found


def save_switches(language: str, rules_dir: str | Path, off: Iterable[str]) -> None:
    """Turn off exactly `off` (and on every other rule the switches decide)."""
    target = switches_pack(rules_dir, language)
    ids = sorted(set(off))
    if not ids and not target.exists():
        return
    target.parent.mkdir(parents=True, exist_ok=True)
    pack = {"language": language,
            "description": "Rules turned off in OutageWriter's Settings window (Writing checks).",
            "disabled": ids}
    atomic_write_text(target, json.dumps(pack, ensure_ascii=False, indent=2) + "\n")


def _switched_off(language: str, rules_dir: str | Path) -> list[str]:
    return _disabled_in(switches_pack(rules_dir, language))


def _disabled_in(path: Path) -> list[str]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return []
    disabled = data.get("disabled", []) if isinstance(data, dict) else []
    return [d for d in disabled if isinstance(d, str)] if isinstance(disabled, list) else []
