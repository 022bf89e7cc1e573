"""DOCX fixtures: the feature tour and the Urdu test brief (the session's briefs), each written
once per session."""

from __future__ import annotations

import pytest

from briefexport.model import Brief
from support.docx import write_brief


@pytest.fixture(scope="session")
def tour_docx(tour: Brief) -> bytes:
    return write_brief(tour)


@pytest.fixture(scope="session")
def urdu_docx(urdu: Brief) -> bytes:
    return write_brief(urdu)
