"""Why a test may be skipped, and which skips CI refuses.

Three kinds of skip, each raised through a helper here or in :mod:`support.paths`:

- a tool is missing (a command, a Python package of the ``test`` extra, a font, an npm
  package): :func:`require_command`, :func:`require_module`, :func:`require_tool` or the mark
  :func:`needs_tool`, which name the tool and its package. On a developer's machine the test is
  skipped. Under CI (``CI=true``, set by ``.ci/run``) ``scripts/setup --test`` has installed
  every such tool, so the same skip means an install broke: it fails, with the same reason;
- the shared folder beside the repository is absent (:func:`support.paths.require_shared`):
  skipped everywhere, CI too, which may not have it;
- the test is about another platform (Linux, POSIX, CPython, a fork server, root): skipped
  everywhere, with :func:`skipif_platform` or :func:`skip_platform`.

The rule is held by the plugin :mod:`support.ci_skips` (loaded by ``tests/conftest.py``): under
CI every skip whose reason is not of the last two kinds fails, however it was raised (a call, a
``skipif`` mark, ``importorskip``, at collection), so a skip written without these helpers
cannot pass CI unnoticed either. So does the skip of a test of a WeasyPrint adaptation under
another WeasyPrint release (:mod:`support.pinned`): CI is to test the reviewed one.
"""

from __future__ import annotations

import importlib
import os
import shutil
from types import ModuleType
from typing import NoReturn

import pytest

from .paths import SHARED_NEEDED

INSTALL = "scripts/setup --test installs it"
PLATFORM = "not on this platform: "  # how every platform skip's reason starts
SKIPPED_UNDER_CI = (SHARED_NEEDED, PLATFORM)  # the reasons CI skips; it refuses every other


def under_ci() -> bool:
    """Whether the tests run under CI (``CI`` is ``true``, ``1`` or ``yes``)."""
    return os.environ.get("CI", "").lower() in {"1", "true", "yes"}


def skipped_under_ci(reason: str) -> bool:
    """Whether a skip with ``reason`` stays a skip under CI: the shared folder is absent, or
    the test is about another platform."""
    return reason.startswith(SKIPPED_UNDER_CI)


def missing_reason(what: str, package: str) -> str:
    """The reason a test that needs ``what`` (installed by ``package``) is skipped."""
    return f"needs {what} ({package}), not installed: {INSTALL}"


def require_tool(present: bool, what: str, package: str) -> None:
    """Skip the calling test (or module) unless ``what``, installed by ``package``, is
    ``present``."""
    __tracebackhide__ = True  # the skip is told at the test's line
    if not present:
        skip_missing(what, package)


def needs_tool(present: bool, what: str, package: str) -> pytest.MarkDecorator:
    """The mark form of :func:`require_tool`."""
    return pytest.mark.skipif(not present, reason=missing_reason(what, package))


def require_command(name: str, package: str) -> str:
    """The path of command ``name``; the calling test is skipped where it is not installed."""
    __tracebackhide__ = True  # the skip is told at the test's line
    found = shutil.which(name)
    if found is None:
        skip_missing(name, package)
    return found


def require_module(name: str, package: str) -> ModuleType:
    """The Python module ``name``, imported; the calling test (or module, or folder from its
    ``conftest.py``) is skipped where it is not installed."""
    __tracebackhide__ = True  # the skip is told at the test's line
    try:
        return importlib.import_module(name)
    except ImportError:
        skip_missing(f"the Python package {name}", package)


def skip_missing(what: str, package: str) -> NoReturn:
    """Skip the calling test (or module): ``what``, installed by ``package``, is missing."""
    __tracebackhide__ = True  # the skip is told at the test's line
    pytest.skip(missing_reason(what, package), allow_module_level=True)


def skipif_platform(condition: bool, *, reason: str) -> pytest.MarkDecorator:
    """Skip the test, CI too, where ``condition`` holds: it is about another platform."""
    return pytest.mark.skipif(condition, reason=PLATFORM + reason)


def skip_platform(reason: str) -> NoReturn:
    """Skip the calling test, CI too: what it checks does not exist on this platform."""
    __tracebackhide__ = True  # the skip is told at the test's line
    pytest.skip(PLATFORM + reason)
