"""A cold start pays only for what the command uses: which modules each command imports.

Each command runs in a fresh interpreter; the test reads ``sys.modules`` afterwards. No timing
is asserted (the benchmark in ``benchmarks/`` measures time).
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from briefexport.reader.checks import _has_locale_data
from support.paths import HARBOUR, REPO

HEAVY = ("weasyprint", "docx", "ebooklib", "babel", "importlib.metadata", "importlib.resources")


def modules_after(args: list[str], tmp_path: Path) -> set[str]:
    """The modules imported by ``briefexport ARGS`` run in a new interpreter."""
    code = (
        "import json, sys\n"
        "from briefexport.cli import main\n"
        "try:\n"
        "    main(sys.argv[1:])\n"
        "except SystemExit:\n"
        "    pass\n"
        "print(json.dumps(sorted(sys.modules)))\n"
    )
    env = {"PYTHONPATH": str(REPO / "src"), "PATH": ""}
    command = [sys.executable, "-c", code, *args]
    done = subprocess.run(command, capture_output=True, text=True, env=env, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    return set(json.loads(done.stdout.splitlines()[-1]))


def heavy(modules: set[str]) -> set[str]:
    return {name for name in HEAVY if name in modules}


@pytest.fixture(scope="module")
def brief() -> str:
    return str(HARBOUR)


def test_version_reads_metadata_and_no_writer_library(tmp_path: Path) -> None:
    modules = modules_after(["--version"], tmp_path)
    assert "importlib.metadata" in modules
    # importlib.metadata imports importlib.resources itself
    assert heavy(modules) <= {"importlib.metadata", "importlib.resources"}


def test_jats_needs_no_writer_library_nor_babel(brief: str, tmp_path: Path) -> None:
    assert heavy(modules_after([brief, "--to", "jats", "-o", str(tmp_path)], tmp_path)) == set()


def test_validate_needs_no_writer_library(brief: str, tmp_path: Path) -> None:
    assert heavy(modules_after(["validate", brief], tmp_path)) == set()


@pytest.mark.parametrize(("fmt", "library"), [("docx", "docx"), ("epub", "ebooklib")])
def test_each_format_imports_its_own_library_only(
    brief: str, tmp_path: Path, fmt: str, library: str
) -> None:
    modules = modules_after([brief, "--to", fmt, "-o", str(tmp_path)], tmp_path)
    assert heavy(modules) == {library, "babel"}  # babel writes the long date


def test_known_languages_agree_with_babel() -> None:
    from babel.core import Locale, UnknownLocaleError

    for code in ("en", "EN", "ur", "ar", "fr", "zh", "iw", "no", "zz", "qaa", "", "e1"):
        try:
            Locale.parse(code)
            known = True
        except (UnknownLocaleError, ValueError):
            known = False
        # The fast path may say "not found" (Babel then decides) but never "found" wrongly.
        assert not _has_locale_data(code) or known, code
