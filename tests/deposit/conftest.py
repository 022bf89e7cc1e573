"""Deposit packages built once per test session: the feature tour (every metadata field, a
figure) and the Urdu brief, written as a bag and a SAF package by one batch run of the command
line, as a repository manager would."""

from __future__ import annotations

from pathlib import Path

import pytest

import briefexport
from briefexport.cli import main
from briefexport.model import Brief

from .deposit_support import FEATURES, HARBOUR, JATS_DTD, SEED, URDU, Built, built


@pytest.fixture(scope="session")
def deposit_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A batch run: two briefs, both packages each; the command must succeed."""
    folder = tmp_path_factory.mktemp("deposit")
    status = main([str(FEATURES), str(URDU), "--to", "bag,dspace-saf", "-q", "-o", str(folder)])
    assert status == 0
    return folder


@pytest.fixture(scope="session")
def features(deposit_dir: Path) -> Built:
    return built(deposit_dir, FEATURES)


@pytest.fixture(scope="session")
def urdu(deposit_dir: Path) -> Built:
    return built(deposit_dir, URDU)


@pytest.fixture(scope="session")
def harbour() -> Brief:
    return briefexport.load(HARBOUR)


@pytest.fixture(scope="session")
def seed_brief() -> Brief:
    """The real seed brief, imported from its extracted text; skipped where ../shared is absent."""
    if not SEED.is_file():
        pytest.skip(f"the shared seed brief is absent ({SEED.name} beside the repository)")
    from briefexport.importers import import_file

    return import_file(SEED)


@pytest.fixture(scope="session")
def archiving_dtd():  # type: ignore[no-untyped-def]
    """The JATS 1.3 Archiving DTD from ../shared; skipped where it is absent."""
    if not JATS_DTD.is_file():
        pytest.skip("the JATS 1.3 Archiving DTD is absent (../shared/jats beside the repository)")
    from lxml import etree

    return etree.DTD(str(JATS_DTD))
