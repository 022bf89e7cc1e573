"""What the Typst engine's PDF claims and carries: standards, source, metadata, tags, fonts.

Read back with pikepdf and poppler's pdffonts. No veraPDF runs here: the PDF/A and PDF/UA
identification is Typst's claim; these tests check the XMP entries, the attached source, the
structure tree and the fonts. The writer is reproducible (checked below), so each brief and
options are written once per process (``written_pdf``) and read by every test that needs them.
"""

from __future__ import annotations

import io
import subprocess
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pikepdf
import pytest

import briefexport
from briefexport.inlines import plain_text
from briefexport.model import Brief
from briefexport.shared.typography import smart_text
from briefexport.writers import jats
from briefexport.writers.typst import write
from briefexport.writers.typst.markinfo import without_default_suspects
from support.paths import EXAMPLES, URDU
from support.typst import typst_options
from support.written_pdfs import written_pdf

PDFAID = "{http://www.aiim.org/pdfa/ns/id/}"
PDFUAID = "{http://www.aiim.org/pdfua/ns/id/}"


def render(brief: Brief, standard: str | None = None) -> pikepdf.Pdf:
    options = typst_options(brief, **({"pdf_standard": standard} if standard else {}))
    return pikepdf.open(io.BytesIO(written_pdf(brief, options)))


def xmp(document: pikepdf.Pdf) -> dict[str, str]:
    with document.open_metadata() as metadata:
        return {key: str(value) for key, value in metadata.items()}


def structure(node: pikepdf.Object) -> Iterator[pikepdf.Dictionary]:
    if isinstance(node, pikepdf.Dictionary):
        if "/S" in node:
            yield node
        if "/K" in node:
            yield from structure(node.K)
    elif isinstance(node, pikepdf.Array):
        for item in node:
            yield from structure(item)


def test_default_is_pdf_a_3b_with_the_canonical_jats_attached(tour: Brief) -> None:
    document = render(tour)
    values = xmp(document)
    assert (values[f"{PDFAID}part"], values[f"{PDFAID}conformance"]) == ("3", "B")
    assert f"{PDFUAID}part" not in values
    attached = document.attachments["brief.xml"]
    assert attached.relationship == pikepdf.Name.Source
    assert attached.get_file().read_bytes() == jats.write(tour, typst_options(tour))
    assert [spec.F for spec in document.Root.AF] == ["brief.xml"]


def test_pdf_a_3b_and_pdf_ua_1_in_one_file(tour: Brief) -> None:
    document = render(tour, "pdf/a-3b+ua-1")
    values = xmp(document)
    assert (values[f"{PDFAID}part"], values[f"{PDFAID}conformance"]) == ("3", "B")
    assert values[f"{PDFUAID}part"] == "1"
    assert "brief.xml" in document.attachments
    assert document.Root.ViewerPreferences.DisplayDocTitle is True  # type: ignore[comparison-overlap]


def test_pdf_ua_1_alone_carries_no_attachment(tour: Brief) -> None:
    document = render(tour, "pdf/ua-1")
    values = xmp(document)
    assert values[f"{PDFUAID}part"] == "1"
    assert f"{PDFAID}part" not in values
    assert len(document.attachments) == 0


def test_none_is_a_plain_tagged_pdf(tour: Brief) -> None:
    document = render(tour, "none")
    assert f"{PDFAID}part" not in xmp(document)
    assert document.Root.MarkInfo.Marked is True  # type: ignore[comparison-overlap]
    assert len(document.attachments) == 0


def test_metadata_comes_from_the_brief(tour: Brief) -> None:
    document = render(tour)
    info = document.docinfo
    assert str(info.Title) == (
        "Cool streets for warm coasts: Planning for extreme heat in mid-sized harbour cities"
    )
    assert str(info.Author) == "Mireille Okafor-Blanc, Jonas T. Haverkamp Jr"
    abstract = " ".join(plain_text(paragraph.children) for paragraph in tour.meta.abstract)
    assert str(info.Subject) == smart_text(abstract, "en")
    assert str(info.Keywords) == ", ".join(tour.meta.keywords)
    assert str(document.Root.Lang) == "en"


def test_right_to_left_brief_declares_its_language() -> None:
    document = render(briefexport.load(URDU))
    assert str(document.Root.Lang) == "ur"
    assert document.Root.ViewerPreferences.Direction == pikepdf.Name.R2L


def test_tagged_with_notes_headings_and_figure_alt_text(tour: Brief) -> None:
    document = render(tour)
    elements = list(structure(document.Root.StructTreeRoot))
    kinds = Counter(str(element.S) for element in elements)
    assert kinds["/Note"] == len(tour.footnotes)
    assert kinds["/Lbl"] >= len(tour.footnotes)
    assert kinds["/Title"] == 1
    assert kinds["/H1"] >= 1
    assert kinds["/Table"] == 1
    alts = [str(element.Alt) for element in elements if "/Alt" in element]
    assert [figure.image.alt_text for figure in tour.figures] == alts


def test_every_font_is_embedded_and_one_of_the_brands(tour: Brief, tmp_path: Path) -> None:
    path = tmp_path / "tour.pdf"
    path.write_bytes(written_pdf(tour, typst_options(tour)))
    rows = subprocess.run(
        ["pdffonts", str(path)], capture_output=True, text=True, check=True
    ).stdout.splitlines()[2:]
    assert rows
    for row in rows:
        name, embedded = row.split()[0], row.split()[-5]
        assert embedded == "yes", row
        assert name.split("+")[-1].startswith(("NotoSerif", "NotoSans", "DejaVu")), row


def test_the_same_brief_gives_the_same_bytes(tour: Brief) -> None:
    options = typst_options(tour)
    assert write(tour, options) == written_pdf(tour, options)


def test_the_timestamp_is_the_only_date(tour: Brief) -> None:
    document = render(tour)
    assert str(document.docinfo.CreationDate).startswith("D:20261102")


def test_threads_write_what_one_thread_writes() -> None:
    from concurrent.futures import ThreadPoolExecutor

    briefs = [briefexport.load(path) for path in sorted(EXAMPLES.glob("*.xml"))] * 2
    alone = [written_pdf(brief, typst_options(brief)) for brief in briefs]
    with ThreadPoolExecutor(max_workers=4) as pool:
        together = list(pool.map(lambda brief: write(brief, typst_options(brief)), briefs))
    assert together == alone


@pytest.mark.slow
@pytest.mark.parametrize("epoch", [None, "1700000000"], ids=["publication-date", "epoch"])
def test_two_processes_write_identical_bytes(tmp_path: Path, epoch: str | None) -> None:
    import os
    import sys

    env = {key: value for key, value in os.environ.items() if key != "SOURCE_DATE_EPOCH"}
    env["PYTHONPATH"] = os.pathsep.join(sys.path)
    if epoch:
        env["SOURCE_DATE_EPOCH"] = epoch
    outputs = []
    for run in ("first", "second"):
        command = [sys.executable, "-m", "briefexport", str(EXAMPLES / "feature-tour.xml")]
        command += ["--to", "pdf", "--pdf-engine", "typst", "-q", "-o", str(tmp_path / run)]
        subprocess.run(command, env=env, check=True, capture_output=True)
        outputs.append((tmp_path / run / "feature-tour.pdf").read_bytes())
    assert outputs[0] == outputs[1]
    with pikepdf.open(io.BytesIO(outputs[0])) as document:
        created = str(document.docinfo.CreationDate)
    assert created.startswith("D:20231114" if epoch else "D:20261102")


def test_xmp_carries_the_identifier_and_rights_typst_cannot_write(tour: Brief) -> None:
    document = render(tour, "pdf/a-3b+ua-1")
    values = xmp(document)
    assert values["{http://purl.org/dc/elements/1.1/}identifier"] == f"doi:{tour.meta.doi}"
    permissions = tour.meta.permissions
    assert permissions is not None
    assert permissions.license_url
    assert values["{http://ns.adobe.com/xap/1.0/rights/}WebStatement"] == permissions.license_url
    rights = values["{http://purl.org/dc/elements/1.1/}rights"]
    assert rights.startswith("© 2026 The authors. This brief is published under the Creative")
    assert (values[f"{PDFAID}part"], values[f"{PDFUAID}part"]) == ("3", "1")
    assert document.check_pdf_syntax() == []  # the moved cross-reference table is right
    assert document.attachments["brief.xml"].get_file().read_bytes() == jats.write(
        tour, typst_options(tour)
    )


def test_a_brief_without_identifier_or_rights_keeps_typsts_packet() -> None:
    from briefexport.writers.typst import xmp
    from support.typst import metadata

    meta = metadata()
    assert meta.doi is None
    assert meta.publisher_id is None
    assert meta.permissions is None
    pdf = b"%PDF-1.7 not even parsed"
    assert xmp.with_rights(pdf, meta) == pdf


def test_a_pdf_laid_out_otherwise_is_left_as_it_is(
    tour: Brief, caplog: pytest.LogCaptureFixture
) -> None:
    import logging

    from briefexport.writers.typst import xmp

    odd = b"%PDF-1.7\n1 0 obj\n<<>>\nendobj\nstartxref\n9\n%%EOF\n"
    with caplog.at_level(logging.WARNING, logger="briefexport"):
        assert xmp.with_rights(odd, tour.meta) == odd
    assert "identifier and rights not added" in caplog.text


def test_poppler_reads_the_pdf_without_a_syntax_error(tour: Brief, tmp_path: Path) -> None:
    """Typst marks the PDF ``/Suspects false``, which poppler misreads; the entry (the
    default) is blanked and the document stays marked as tagged."""
    path = tmp_path / "tour.pdf"
    path.write_bytes(written_pdf(tour, typst_options(tour)))
    run = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True)
    assert run.stderr == ""
    with pikepdf.open(path) as document:
        assert dict(document.Root.MarkInfo.items()) == {"/Marked": True}
        assert document.check_pdf_syntax() == []


def test_blanking_suspects_moves_no_byte_and_touches_only_the_catalog() -> None:
    other = b"\n1 0 obj\n<</MarkInfo<</Marked true/Suspects false>>>>\nendobj"
    catalog = b"\n2 0 obj\n<</Type/Catalog/MarkInfo<</Marked true/Suspects false>>>>\nendobj"
    pdf = b"%PDF-1.7" + other + catalog + b"\ntrailer\n<</Size 3/Root 2 0 R>>\n%%EOF\n"
    blanked = without_default_suspects(pdf)
    assert len(blanked) == len(pdf)
    assert blanked.count(b"/Suspects false") == 1
    assert blanked.index(b"/Suspects false") < blanked.index(b"\n2 0 obj")
    assert blanked.replace(b" " * 15, b"") == pdf.replace(
        b"/Suspects false>>>>\nendobj\ntr", b">>>>\nendobj\ntr"
    )
    no_entry = pdf.replace(b"/Suspects false", b"")
    assert without_default_suspects(no_entry) == no_entry
