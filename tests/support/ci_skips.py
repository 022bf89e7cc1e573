"""The pytest plugin that holds CI to :mod:`support.skips`' rule (``tests/conftest.py`` loads it).

Under CI (``CI=true``) a skip whose reason is neither the shared folder's absence nor another
platform turns into a failure (an error where it was skipped while setting up, or while
collecting), with the skip's own place and reason: ``.ci/run`` installed every tool the tests
need, so a tool the test found missing is an install that broke. Without CI nothing changes.

The rule is checked on the reports, not in the helpers that skip, so that it holds however the
skip was raised: ``pytest.skip`` in a test or a fixture, a ``skipif`` mark, ``importorskip`` in
a test module or a ``conftest.py``. An expected failure (``xfail``), which pytest reports much
as a skip, is left alone.
"""

from __future__ import annotations

from collections.abc import Generator

import pytest

from .skips import skipped_under_ci, under_ci

REFUSED = (
    "CI (CI=true) refuses this skip: scripts/setup --test installs every tool the tests need, "
    "so one that is missing means its install broke (under CI only the shared folder's "
    "absence and another platform are skipped; see tests/support/skips.py)"
)

Report = pytest.TestReport | pytest.CollectReport


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport() -> Generator[None, pytest.TestReport, pytest.TestReport]:
    report = yield
    refuse_under_ci(report)
    return report


@pytest.hookimpl(wrapper=True)
def pytest_make_collect_report() -> Generator[None, pytest.CollectReport, pytest.CollectReport]:
    report = yield
    refuse_under_ci(report)
    return report


def refuse_under_ci(report: Report) -> None:
    """Under CI, make ``report`` a failure when it is a skip CI does not allow."""
    if not report.skipped or hasattr(report, "wasxfail") or not under_ci():
        return
    assert isinstance(report.longrepr, tuple), report.longrepr  # a skip's (path, line, reason)
    path, line, message = report.longrepr
    reason = message.removeprefix("Skipped: ")
    if skipped_under_ci(reason):
        return
    report.outcome = "failed"
    report.longrepr = f"{path}:{line}: {reason}\n{REFUSED}"
