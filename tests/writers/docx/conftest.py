"""DOCX fixtures: the feature tour and the Urdu test brief (the session's briefs), each written
once per session; the house brand and one far from it, with the reference document each makes
from the shipped print stylesheet (the Word style tests run against both)."""

from __future__ import annotations

import io

import docx
import pytest

from briefexport.model import Brief
from briefexport.shared.brand import Brand
from support.docx import HOUSE, OTHER, house_reference, write_brief


@pytest.fixture(scope="session")
def tour_docx(tour: Brief) -> bytes:
    return write_brief(tour)


@pytest.fixture(scope="session")
def urdu_docx(urdu: Brief) -> bytes:
    return write_brief(urdu)


@pytest.fixture(scope="module", params=["house", "other"])
def brand(request: pytest.FixtureRequest) -> Brand:
    return HOUSE if request.param == "house" else OTHER


@pytest.fixture(scope="module")
def reference(brand: Brand) -> docx.document.Document:
    return docx.Document(io.BytesIO(house_reference(brand)))
