"""DOCX import: a raised comma between two footnote calls is the separator, not text.

Our writer puts a comma in the Footnote Reference style between calls side by side; a Word user
types one in superscript. Either way the model gets two calls side by side, as the source had.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path
from typing import cast

from briefexport.importers import import_file
from briefexport.model import Brief, FootnoteRef, Paragraph, Text
from briefexport.options import default_options
from briefexport.writers.docx import write as write_docx
from support.formatted_calls import formatted_calls_brief
from support.note_calls import note_calls_brief

# The writer's comma: the call's style, and its look as direct formatting (for LibreOffice).
STYLED_COMMA = (
    b'<w:rPr><w:rStyle w:val="FootnoteReference"/><w:b w:val="0"/><w:bCs w:val="0"/>'
    b'<w:vertAlign w:val="superscript"/></w:rPr><w:t xml:space="preserve">,<'
)
TYPED_COMMA = b'<w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:t xml:space="preserve">,<'


def shape(brief: Brief) -> list[list[str]]:
    """Each paragraph as its texts and its calls (``[n]``), note ids aside."""
    paragraphs = [block for block in brief.body if isinstance(block, Paragraph)]
    return [
        [
            f"[{i.note.number}]" if isinstance(i, FootnoteRef) else cast(Text, i).value
            for i in p.children
        ]
        for p in paragraphs
        if all(isinstance(i, FootnoteRef | Text) for i in p.children)
    ]


def with_typed_commas(data: bytes) -> bytes:
    """The package with each separator run turned into a comma typed in superscript."""
    source, output = zipfile.ZipFile(io.BytesIO(data)), io.BytesIO()
    with zipfile.ZipFile(output, "w") as target:
        for name in source.namelist():
            content = source.read(name)
            if name == "word/document.xml":
                assert content.count(STYLED_COMMA) == 2, "the writer separates calls 1,2 and 5,1"
                content = content.replace(STYLED_COMMA, TYPED_COMMA)
            target.writestr(name, content)
    return output.getvalue()


def test_calls_side_by_side_come_back_side_by_side(tmp_path: Path) -> None:
    original = note_calls_brief()
    data = write_docx(original, default_options(original, smart=False))
    for name, package in (("ours", data), ("typed", with_typed_commas(data))):
        path = tmp_path / f"{name}.docx"
        path.write_bytes(package)
        assert shape(import_file(path)) == shape(original), name


def test_an_arabic_comma_between_calls_is_the_separator_too(tmp_path: Path) -> None:
    original = formatted_calls_brief("ur")
    path = tmp_path / "urdu.docx"
    path.write_bytes(write_docx(original, default_options(original, smart=False)))
    assert "\u060c".encode() in zipfile.ZipFile(path).read("word/document.xml")
    imported = shape(import_file(path))
    assert imported == shape(original)
    assert len(imported) == 2
