"""Shared fixtures: where the examples, the test data and the real seed brief live."""

from __future__ import annotations

import logging
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import settings

# CI runs the same generated examples every time (no flaky runs); developers get fresh ones.
settings.register_profile("ci", derandomize=True, deadline=None, print_blob=True)
if os.environ.get("CI"):
    settings.load_profile("ci")

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
SEED = SHARED / "seeds" / "000_6953af264a2119c8.txt"
EXAMPLES = REPO / "examples"
DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture(scope="session")
def repo_root() -> Path:
    return REPO


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    assert SHARED.is_dir(), f"the shared folder must sit beside the repository: {SHARED}"
    return SHARED


@pytest.fixture(scope="session")
def seed_path() -> Path:
    assert SEED.is_file(), f"the real seed brief is missing: {SEED}"
    return SEED


@pytest.fixture(scope="session")
def example_paths() -> list[Path]:
    paths = sorted(EXAMPLES.glob("*.xml"))
    assert paths, "examples/ holds no brief"
    return paths


JATS_DTD = SHARED / "jats" / "archiving" / "1.3" / "JATS-archivearticle1-3.dtd"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--accept", action="store_true", help="rewrite golden files from the current output"
    )


@pytest.fixture(scope="session")
def accept(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--accept"))


@pytest.fixture(scope="session")
def jats_dtd():  # type: ignore[no-untyped-def]
    """The JATS 1.3 Archiving DTD from the shared folder, loaded once, never from the network."""
    from lxml import etree

    assert JATS_DTD.is_file(), f"JATS DTD missing: {JATS_DTD}"
    return etree.DTD(str(JATS_DTD))


@pytest.fixture(autouse=True)
def _restore_library_logging() -> Iterator[None]:
    """The command line sets up the ``briefexport`` logger for a terminal; a test that runs it
    in this process must not leave that set-up to the tests after it."""
    logger = logging.getLogger("briefexport")
    saved = (list(logger.handlers), logger.level, logger.propagate, logger.disabled)
    yield
    logger.handlers[:], logger.level, logger.propagate, logger.disabled = saved
