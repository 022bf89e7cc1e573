"""Under CI a test skipped for a missing tool fails with the skip's reason; one skipped for the
absent shared folder or another platform stays skipped; without CI every skip stays a skip
(:mod:`support.skips`, :mod:`support.ci_skips`). Each case runs a small suite of its own."""

from __future__ import annotations

import pytest

pytest_plugins = ["pytester"]

SKIPPING_TESTS = """
import pytest
from support.paths import SHARED, require_shared
from support.skips import needs_tool, require_command, require_module, skip_platform, skipif_platform

def test_a_command() -> None:
    require_command("no-such-command-anywhere", "no-such-package")

def test_a_module() -> None:
    require_module("no_such_module_anywhere", "test extra")

@needs_tool(False, "the font No Such Sans", "fonts-no-such")
def test_a_font() -> None:
    pass

def test_a_skip_of_no_kind() -> None:
    pytest.skip("something is missing")

def test_the_shared_folder() -> None:
    require_shared(SHARED / "no-such-file")

@skipif_platform(True, reason="only elsewhere")
def test_a_platform_mark() -> None:
    pass

def test_a_platform_call() -> None:
    skip_platform("only elsewhere")

@pytest.mark.xfail(reason="known", strict=True)
def test_an_expected_failure() -> None:
    assert False

def test_one_that_runs() -> None:
    pass
"""

SKIPPING_FOLDER = """
from support.skips import require_module
require_module("no_such_module_anywhere", "test extra")
"""


def run(pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch, ci: str) -> pytest.RunResult:
    monkeypatch.setenv("CI", ci)
    monkeypatch.setenv("PYTEST_DISABLE_PLUGIN_AUTOLOAD", "1")
    pytester.makepyfile(test_skips=SKIPPING_TESTS)
    folder = pytester.mkpydir("needs_a_module")
    (folder / "conftest.py").write_text(SKIPPING_FOLDER, encoding="utf-8")
    (folder / "test_inside.py").write_text("def test_inside() -> None:\n    pass\n")
    return pytester.runpytest_inprocess(
        "-p", "support.ci_skips", "-rA", "--continue-on-collection-errors"
    )


def test_under_ci_a_missing_tool_fails_with_the_reason(
    pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch
) -> None:
    result = run(pytester, monkeypatch, "true")
    result.assert_outcomes(passed=1, failed=3, errors=2, skipped=3, xfailed=1)
    result.stdout.fnmatch_lines_random(
        [
            "*test_skips.py:*: needs no-such-command-anywhere (no-such-package), not installed:"
            " scripts/setup --test installs it",
            "*test_skips.py:*: needs the Python package no_such_module_anywhere (test extra),"
            " not installed: scripts/setup --test installs it",
            "*test_skips.py:*: needs the font No Such Sans (fonts-no-such), not installed:*",
            "*test_skips.py:*: something is missing",
            "*conftest.py:*: needs the Python package no_such_module_anywhere (test extra)*",
            "CI (CI=true) refuses this skip:*",
            "SKIPPED * needs ../shared/no-such-file, absent beside the repository",
            "SKIPPED * not on this platform: only elsewhere",
        ]
    )


def test_without_ci_every_skip_stays_a_skip(
    pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch
) -> None:
    result = run(pytester, monkeypatch, "")
    result.assert_outcomes(passed=1, skipped=8, xfailed=1)
    result.stdout.fnmatch_lines_random(
        ["SKIPPED * needs no-such-command-anywhere (no-such-package), not installed:*"]
    )
