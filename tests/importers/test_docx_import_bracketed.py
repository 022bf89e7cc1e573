"""The DOCX importer's reference list: a leading "[n]", the number as our writer printed it
before, is dropped only when it is the entry's place and starts the paragraph as the writer
started it (a run of only "[n]", then a run starting with a space)."""

from __future__ import annotations

from pathlib import Path

import docx
from docx.enum.style import WD_STYLE_TYPE

from briefexport.importers import import_file
from briefexport.inlines import plain_text


def bracketed_document(path: Path) -> Path:
    """Entries numbered as the writer numbered them before, and two that are not: a bracket in
    the entry's own text, and the writer's shape at the wrong place."""
    document = docx.Document()
    document.add_paragraph("A borrowed list", style="Title")
    document.add_paragraph("Some text.")
    document.add_paragraph("References", style="Heading 1")
    document.styles.add_style("Reference Entry", WD_STYLE_TYPE.PARAGRAPH)
    first = document.add_paragraph(style="Reference Entry")
    first.add_run("[1]")
    first.add_run(" ")
    first.add_run("Anna Berg (2019). Küstenklima.")
    document.add_paragraph("[2] Hafenbau, a reprint. Hamburg, 2020.", "Reference Entry")
    third = document.add_paragraph(style="Reference Entry")
    third.add_run("[7]")
    third.add_run(" ")
    third.add_run("Port Ellery Council (2021). Heat plan.")
    document.save(str(path))
    return path


def test_only_the_writers_bracketed_number_is_dropped(tmp_path: Path) -> None:
    brief = import_file(bracketed_document(tmp_path / "bracketed.docx"))
    texts = [plain_text((reference.citation,)) for reference in brief.references]
    assert texts[0] == "Anna Berg (2019). Küstenklima."
    assert texts[1] == "[2] Hafenbau, a reprint. Hamburg, 2020."  # one run: the entry's text
    assert texts[2] == "[7] Port Ellery Council (2021). Heat plan."  # not its place
