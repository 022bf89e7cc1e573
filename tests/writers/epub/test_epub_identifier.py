"""The book identifier without a DOI: a name-based UUID, the same as ``uuid.uuid5`` gives."""

from __future__ import annotations

import uuid

from hypothesis import given
from hypothesis import strategies as st

from briefexport.writers.epub.metadata import IDENTITY_NAMESPACE, name_based_uuid


@given(st.text())
def test_the_name_based_uuid_is_uuid5(name: str) -> None:
    assert name_based_uuid(IDENTITY_NAMESPACE, name) == uuid.uuid5(IDENTITY_NAMESPACE, name)
    assert name_based_uuid(uuid.NAMESPACE_URL, name) == uuid.uuid5(uuid.NAMESPACE_URL, name)
