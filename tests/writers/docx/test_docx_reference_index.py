"""The reference document's style index finds the styles python-docx's own lookups find, also
for styles added and renamed while the reference document is built."""

from __future__ import annotations

import docx
import pytest
from docx.enum.style import WD_STYLE_TYPE

from briefexport.writers.docx.reference_index import StyleIndex


def first_named_any_case(document: docx.document.Document, name: str) -> object:
    """The first style python-docx lists whose name is ``name`` in any case."""
    return next(s.element for s in document.styles if (s.name or "").lower() == name.lower())


def test_every_style_of_the_default_template_is_found_as_python_docx_finds_it() -> None:
    document = docx.Document()
    index = StyleIndex(document)
    names = [style.name for style in document.styles if style.name is not None]
    assert len(names) > 100
    for name in names:
        assert index[name].element is document.styles[name].element
        found = index.find(name.swapcase())
        assert found is not None
        assert found.element is first_named_any_case(document, name)
    assert index.find("No Such Style") is None


def test_added_and_renamed_styles_are_found_by_their_new_names_only() -> None:
    document = docx.Document()
    index = StyleIndex(document)
    added = index.add("Brief Note", WD_STYLE_TYPE.PARAGRAPH)
    assert document.styles["Brief Note"].element is added.element
    with pytest.raises(ValueError, match="already contains"):
        index.add("Brief Note", WD_STYLE_TYPE.PARAGRAPH)
    index.rename(added, "brief note text")
    assert index["brief note text"].element is added.element
    assert index.find("BRIEF NOTE TEXT") is not None
    assert index.find("Brief Note") is None
    with pytest.raises(KeyError):
        index["Brief Note"]
