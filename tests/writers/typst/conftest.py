"""Fixtures of the Typst engine's tests: skipped, with the reason, where ``typst`` is missing.

``typst`` is in the ``test`` extra, so CI always runs these tests (under CI the skip fails:
:mod:`support.skips`); a developer without it sees them skipped, never passed. Helpers shared by
the test modules are in ``support.typst``.
"""

from __future__ import annotations

from support.skips import require_module

require_module("typst", "test extra")
