"""DOCX fixtures: the feature tour and the Urdu test brief, each written once per session."""

from __future__ import annotations

import pytest

import briefexport
from briefexport.model import Brief
from support.docx import write_brief
from support.paths import URDU


@pytest.fixture(scope="session")
def tour_docx(tour: Brief) -> bytes:
    return write_brief(tour)


@pytest.fixture(scope="session")
def urdu() -> Brief:
    return briefexport.load(URDU)


@pytest.fixture(scope="session")
def urdu_docx(urdu: Brief) -> bytes:
    return write_brief(urdu)
