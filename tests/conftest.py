"""Fixtures for every layer: the corpus of briefs, the seed brief, the JATS DTD, ``--accept``, and
the Hypothesis profiles the property tests run under; the plugin :mod:`support.ci_skips`, under
which CI fails a test skipped for a missing tool.

Helpers live in the ``support`` package; fixtures used by one layer only live in that layer's
``conftest.py``.
"""

from __future__ import annotations

import gc
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, is_hypothesis_test, settings
from lxml import etree

import briefexport
from briefexport.importers import import_file
from briefexport.model import Brief
from support.corpus import load_corpus
from support.paths import HARBOUR, SEED, TOUR, URDU, require_shared
from support.skips import under_ci
from support.validators import load_jats_dtd
from support.written_pdfs import pdfs_written_once, share_in

# One profile for every property test: generating a brief takes a while, so no deadline and no
# "too slow" complaint. Under CI (CI=true) the fast suite runs as many examples as developers get,
# derived from each test's name (the same every run, nothing kept between runs); developers get
# fresh examples and a database that replays earlier failures. CI's slow step runs the property
# tests again with "ci-deep" (`-m "slow or property" --hypothesis-profile=ci-deep`): more
# examples, the same ones every run. The fast suite's 5 examples are a smoke run of each
# property (writing a generated brief's DOCX or EPUB takes a good part of a second); the depth
# is ci-deep's. Five examples: a generated brief's DOCX, EPUB or HTML pages cost about a quarter
# of a second each, and the property tests were a tenth of the fast suite's time with ten.
settings.register_profile(
    "briefexport", deadline=None, max_examples=5, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile(
    "ci", settings.get_profile("briefexport"), derandomize=True, database=None, print_blob=True
)
settings.register_profile("ci-deep", settings.get_profile("ci"), max_examples=60)
settings.load_profile("ci" if under_ci() else "briefexport")

# Under CI a skip for a missing tool fails: .ci/run installed it (support.skips says the rule)
pytest_plugins = ["support.ci_skips"]


@pytest.hookimpl(wrapper=True)
def pytest_collection(session: pytest.Session) -> Iterator[None]:
    """Collect with the cyclic garbage collector paused, then freeze what collection imported
    (as ``briefexport.cli.collector`` does for the command): the test modules and the libraries
    they import live until the run ends, and tracing them again in every full collection, while
    they are imported and during the tests, took a good part of the run. Garbage is collected
    before the freeze, so none is kept; what the tests make is collected as before."""
    paused = gc.isenabled()
    gc.disable()
    try:
        return (yield)
    finally:
        if paused:
            gc.collect()
            gc.freeze()
            gc.enable()


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark every Hypothesis test ``property``, so CI can run them again with more examples."""
    for item in items:
        if isinstance(item, pytest.Function) and is_hypothesis_test(item.obj):
            item.add_marker(pytest.mark.property)


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--accept",
        action="store_true",
        help="rewrite golden files that differ from the current output (those tests then fail "
        "until the rewritten files are reviewed and pytest runs again without --accept)",
    )


@pytest.fixture(scope="session")
def accept(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--accept"))


@pytest.fixture(scope="session", autouse=True)
def _no_inherited_source_date() -> Iterator[None]:
    """The tests set ``SOURCE_DATE_EPOCH`` where they need it: one exported by the shell (as
    reproducible-build environments do) would date every output and fail the tests of dates."""
    with pytest.MonkeyPatch.context() as patch:
        patch.delenv("SOURCE_DATE_EPOCH", raising=False)
        yield


@pytest.fixture(scope="session", autouse=True)
def _pdfs_shared_by_the_run(tmp_path_factory: pytest.TempPathFactory) -> None:
    """PDFs written by ``support.written_pdfs`` are kept for the run's other test processes:
    under pytest-xdist in the folder the workers' temporary folders share, which belongs to
    this run alone (without xdist its parent would hold earlier runs, so the run's own)."""
    base = tmp_path_factory.getbasetemp()
    shared = base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base
    share_in(shared / "written-pdfs")


@pytest.fixture
def shared_pdfs() -> Iterator[None]:
    """The test's exports take their PDFs from ``support.written_pdfs`` (see
    :func:`~support.written_pdfs.pdfs_written_once`)."""
    with pdfs_written_once():
        yield


@pytest.fixture(scope="session")
def corpus() -> dict[str, Brief]:
    """The examples, the right-to-left test briefs and the seed brief where present, by stem."""
    return load_corpus()


@pytest.fixture(scope="session")
def tour() -> Brief:
    """The feature-tour example: every block and inline kind the profile allows."""
    return briefexport.load(TOUR)


@pytest.fixture(scope="session")
def harbour() -> Brief:
    """The short example brief."""
    return briefexport.load(HARBOUR)


@pytest.fixture(scope="session")
def urdu() -> Brief:
    """The right-to-left Urdu test brief."""
    return briefexport.load(URDU)


@pytest.fixture(scope="session")
def seed_path() -> Path:
    return require_shared(SEED)


@pytest.fixture(scope="session")
def seed_brief(seed_path: Path) -> Brief:
    """The real seed brief, read through the text importer."""
    brief = import_file(seed_path)
    assert brief.footnotes, "the seed brief has footnotes"
    return brief


@pytest.fixture(scope="session")
def jats_dtd() -> etree.DTD:
    """The JATS 1.3 Archiving DTD from the shared folder, loaded once."""
    return load_jats_dtd()
