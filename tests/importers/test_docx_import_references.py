"""The DOCX importer's reference list: a leading number is dropped only when the paragraph
starts as our writer starts it and the number is the entry's place: "n." as a run of its own,
then a tab; "[n]" (the writer's older form) as a run of its own, then a run starting with a
space. Otherwise it is the entry's own text ("2. Auflage …" in someone else's document)."""

from __future__ import annotations

from pathlib import Path

import docx
from docx.enum.style import WD_STYLE_TYPE
from mammoth import documents as mammoth_doc

from briefexport.importers import import_file
from briefexport.importers.docx.back import WritersNumber, _without_number, _writers_number
from briefexport.inlines import plain_text


def references_document(path: Path, entries: tuple[tuple[str, ...], ...]) -> Path:
    """A document whose reference list holds ``entries``, each given as its runs."""
    document = docx.Document()
    document.add_paragraph("A borrowed list", style="Title")
    document.add_paragraph("Some text.")
    document.add_paragraph("References", style="Heading 1")
    document.styles.add_style("Reference Entry", WD_STYLE_TYPE.PARAGRAPH)
    for runs in entries:
        paragraph = document.add_paragraph(style="Reference Entry")
        for run in runs:
            paragraph.add_run(run)
    document.save(str(path))
    return path


def imported_entries(path: Path, entries: tuple[tuple[str, ...], ...]) -> list[str]:
    brief = import_file(references_document(path, entries))
    return [plain_text((reference.citation,)) for reference in brief.references]


def test_a_leading_number_without_the_writers_tab_is_the_entrys_own(tmp_path: Path) -> None:
    texts = imported_entries(
        tmp_path / "borrowed.docx",
        (
            ("Anna Berg (2019). Küstenklima. Kiel: Nordverlag.",),
            ("2. Auflage des Handbuchs Hafenbau. Hamburg, 2020.",),
            ("3.", "\t", "Port Ellery Council (2021). Heat plan."),
        ),
    )
    assert texts[1] == "2. Auflage des Handbuchs Hafenbau. Hamburg, 2020."
    assert texts[2] == "Port Ellery Council (2021). Heat plan."  # the writer's number dropped


def test_only_the_writers_bracketed_number_is_dropped(tmp_path: Path) -> None:
    texts = imported_entries(
        tmp_path / "bracketed.docx",
        (
            ("[1]", " ", "Anna Berg (2019). Küstenklima."),
            ("[2] Hafenbau, a reprint. Hamburg, 2020.",),
            ("[7]", " ", "Port Ellery Council (2021). Heat plan."),
        ),
    )
    assert texts[0] == "Anna Berg (2019). Küstenklima."
    assert texts[1] == "[2] Hafenbau, a reprint. Hamburg, 2020."  # one run: the entry's text
    assert texts[2] == "[7] Port Ellery Council (2021). Heat plan."  # not its place


def test_the_writers_number_is_read_once_from_the_runs() -> None:
    def entry(*leaves: mammoth_doc.Element) -> mammoth_doc.Paragraph:
        return mammoth_doc.paragraph([mammoth_doc.bookmark("ref-3"), mammoth_doc.run(list(leaves))])

    listed = entry(mammoth_doc.text("3."), mammoth_doc.tab())
    bracketed = entry(mammoth_doc.text("[12]"), mammoth_doc.text(" Port Ellery"))
    assert _writers_number(listed) == WritersNumber("3.", 3)
    assert _writers_number(bracketed) == WritersNumber("[12]", 12)
    assert _writers_number(entry(mammoth_doc.text("[12]"), mammoth_doc.text("x"))) is None
    assert _writers_number(entry(mammoth_doc.text("3. Auflage"), mammoth_doc.tab())) is None
    # the number found in the runs is the one taken off the text, and only at its place
    assert _without_number("3.\tHeat plan.", 3, WritersNumber("3.", 3)) == "Heat plan."
    assert _without_number("3.\tHeat plan.", 4, WritersNumber("3.", 3)) == "3.\tHeat plan."
