"""Fixtures of the Typst engine's tests: skipped, with the reason, where ``typst`` is missing.

``typst`` is in the ``test`` extra, so CI always runs these tests; a developer without it sees
them skipped, never passed. Helpers shared by the test modules are in ``support.typst``.
"""

from __future__ import annotations

import pytest

pytest.importorskip("typst", reason="the Typst engine needs the typst package (test extra)")
