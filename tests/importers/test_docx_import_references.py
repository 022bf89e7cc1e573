"""The DOCX importer's reference list: an entry's leading "n." is dropped only when the paragraph
starts as our writer starts it (a run of only "n.", then a tab), not when it is the entry's text."""

from __future__ import annotations

from pathlib import Path

import docx
from docx.enum.style import WD_STYLE_TYPE

from briefexport.importers import import_file
from briefexport.inlines import plain_text


def references_document(path: Path) -> Path:
    """Someone else's document whose second entry starts with an edition ("2. Auflage"), and
    whose third is numbered as our writer numbers it."""
    document = docx.Document()
    document.add_paragraph("A borrowed list", style="Title")
    document.add_paragraph("Some text.")
    document.add_paragraph("References", style="Heading 1")
    document.styles.add_style("Reference Entry", WD_STYLE_TYPE.PARAGRAPH)
    document.add_paragraph("Anna Berg (2019). Küstenklima. Kiel: Nordverlag.", "Reference Entry")
    document.add_paragraph("2. Auflage des Handbuchs Hafenbau. Hamburg, 2020.", "Reference Entry")
    third = document.add_paragraph(style="Reference Entry")
    third.add_run("3.")
    third.add_run("\t")
    third.add_run("Port Ellery Council (2021). Heat plan.")
    document.save(str(path))
    return path


def test_a_leading_number_without_the_writers_tab_is_the_entrys_own(tmp_path: Path) -> None:
    brief = import_file(references_document(tmp_path / "borrowed.docx"))
    texts = [plain_text((reference.citation,)) for reference in brief.references]
    assert texts[1] == "2. Auflage des Handbuchs Hafenbau. Hamburg, 2020."
    assert texts[2] == "Port Ellery Council (2021). Heat plan."  # the writer's number dropped
