"""Where the examples, the test data and the shared folder (the JATS DTD, the seed brief) live.

The shared folder sits beside the repository (``../shared``); it is not part of this project.
Tests that need it call :func:`require_shared`, which skips them with the missing path named,
under CI too (the CI machine may not have the folder; :mod:`support.skips`).
"""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
EXAMPLES = REPO / "examples"
DATA = REPO / "tests" / "data"
TOUR = EXAMPLES / "feature-tour.xml"
HARBOUR = EXAMPLES / "harbour-resilience.xml"
RTL = DATA / "rtl"
URDU = RTL / "urdu-brief.xml"
IMPORT_DATA = DATA / "import"

SHARED = REPO.parent / "shared"
SEED = SHARED / "seeds" / "000_6953af264a2119c8.txt"
VALIDATE_JATS = SHARED / "jats" / "validate-jats"
JATS_DTD = SHARED / "jats" / "archiving" / "1.3" / "JATS-archivearticle1-3.dtd"
CONFORMANCE = SHARED / "tools" / "conformance"
SHARED_NEEDED = f"needs ../{SHARED.name}/"  # how the reason of every skip for it starts


def example_paths() -> list[Path]:
    """The shipped example briefs."""
    return sorted(EXAMPLES.glob("*.xml"))


def rtl_paths() -> list[Path]:
    """The right-to-left test briefs (Arabic, Urdu)."""
    return sorted(RTL.glob("*.xml"))


def shared_missing(path: Path) -> str | None:
    """Why ``path`` of the shared folder cannot be used, or None when it is there."""
    if path.exists():
        return None
    return f"{SHARED_NEEDED}{path.relative_to(SHARED).as_posix()}, absent beside the repository"


def require_shared(path: Path) -> Path:
    """``path`` inside the shared folder; the calling test is skipped when it is absent (under
    CI too)."""
    __tracebackhide__ = True  # the skip is told at the test's line
    reason = shared_missing(path)
    if reason:
        pytest.skip(reason)
    return path


def seed_param() -> object:
    """The seed brief as a ``pytest.param``, skipped with a reason when the shared folder lacks it."""
    reason = shared_missing(SEED) or ""
    return pytest.param(SEED, id=SEED.name, marks=pytest.mark.skipif(bool(reason), reason=reason))
