"""Deposit packages built once per test session: the feature tour (every metadata field, a
figure) and the Urdu brief, written as a bag and a SAF package by one batch run of the command
line, as a repository manager would."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefexport.cli import main
from support.deposit import Built, built
from support.paths import TOUR as FEATURES
from support.paths import URDU
from support.written_pdfs import pdfs_written_once


@pytest.fixture(scope="session")
def deposit_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A batch run: two briefs, both packages each; the command must succeed."""
    folder = tmp_path_factory.mktemp("deposit")
    with pdfs_written_once():  # the packages' PDFs are the ones other tests write
        status = main([str(FEATURES), str(URDU), "--to", "bag,dspace-saf", "-q", "-o", str(folder)])
    assert status == 0
    return folder


@pytest.fixture(scope="session")
def tour_package(deposit_dir: Path) -> Built:
    return built(deposit_dir, FEATURES)


@pytest.fixture(scope="session")
def urdu_package(deposit_dir: Path) -> Built:
    return built(deposit_dir, URDU)
