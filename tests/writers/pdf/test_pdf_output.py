"""The PDF of the feature-tour example, read back with pikepdf, pdftotext and pdffonts."""

from __future__ import annotations

import hashlib
import io
import os
import re
import shutil
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pikepdf
import pytest
from lxml import etree

from briefexport.inlines import plain_text
from briefexport.model import Brief, Paragraph, Section, Text
from briefexport.options import WriteOptions, default_options
from briefexport.shared.styles import default_style_dir
from briefexport.shared.typeset import typeset
from briefexport.writers import jats
from briefexport.writers.pdf import write
from support.briefs import small_brief
from support.model import find
from support.paths import REPO, TOUR
from support.pdf import font_list, page_texts
from support.written_pdfs import written_pdf

A4 = (595.28, 841.89)
LETTER = (612.0, 792.0)


@pytest.fixture(scope="module")
def options(tour: Brief) -> WriteOptions:
    return default_options(tour)


@pytest.fixture(scope="module")
def pdf_bytes(tour: Brief, options: WriteOptions) -> bytes:
    return written_pdf(tour, options)


@pytest.fixture(scope="module")
def pdf_path(pdf_bytes: bytes, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("pdf") / "tour.pdf"
    path.write_bytes(pdf_bytes)
    return path


@pytest.fixture(scope="module")
def pdf(pdf_bytes: bytes) -> pikepdf.Pdf:
    return pikepdf.open(io.BytesIO(pdf_bytes))


def outline_titles(pdf: pikepdf.Pdf) -> list[str]:
    titles: list[str] = []

    def walk(items: list[pikepdf.OutlineItem]) -> None:
        for item in items:
            titles.append(item.title)
            walk(item.children)

    with pdf.open_outline() as outline:
        walk(outline.root)
    return titles


def test_starts_as_pdf_with_several_a4_pages(pdf: pikepdf.Pdf) -> None:
    assert len(pdf.pages) >= 2
    box = [float(value) for value in pdf.pages[0].MediaBox]
    assert box[2:] == pytest.approx(A4, abs=0.5)


def test_metadata_from_the_brief(pdf: pikepdf.Pdf, tour: Brief) -> None:
    info = pdf.docinfo
    assert str(info["/Title"]).startswith(plain_text(tour.meta.title))
    for author in tour.meta.authors:
        assert author.name.display in str(info["/Author"])
    # the subject (XMP dc:description) is the abstract, as the brief's words are typeset
    abstract = " ".join(plain_text(p.children) for p in typeset(tour).meta.abstract)
    assert str(info["/Subject"]) == abstract
    assert str(info["/Keywords"]) == ", ".join(tour.meta.keywords)
    assert str(info["/CreationDate"]) == "D:" + tour.meta.date.strftime("%Y%m%d") + "000000Z"
    assert str(pdf.Root.Lang) == tour.meta.language


def test_outline_lists_every_section(pdf: pikepdf.Pdf, tour: Brief) -> None:
    titles = outline_titles(pdf)
    for title in (plain_text(section.title) for section in find(tour.body, Section)):
        assert title in titles


def test_fonts_are_embedded(pdf_path: Path) -> None:
    rows = font_list(pdf_path).splitlines()[2:]
    assert rows, "no fonts listed"
    for row in rows:
        assert row.split()[-5] == "yes", row  # the "emb" column


def test_tagged_pdf_a3_with_source_attachment(pdf: pikepdf.Pdf, tour: Brief) -> None:
    assert "/StructTreeRoot" in pdf.Root
    assert bool(pdf.Root.MarkInfo.Marked)
    with pdf.open_metadata() as xmp:
        assert xmp["pdfaid:part"] == "3"
    (filespec,) = list(pdf.Root.AF)
    assert filespec.AFRelationship == pikepdf.Name.Source
    embedded = pdf.attachments["brief.xml"].get_file().read_bytes()
    assert embedded == jats.write(tour, default_options(tour))
    assert etree.fromstring(embedded).tag == "article"


def test_no_interpolated_images_in_pdf_a(pdf: pikepdf.Pdf) -> None:
    images = [image for page in pdf.pages for image in page.get_images().values()]
    assert images, "the feature tour has a figure"
    for image in images:
        assert not bool(image.get("/Interpolate", False))


def test_running_header_from_page_two_and_page_numbers(pdf_path: Path, tour: Brief) -> None:
    pages = page_texts(pdf_path, layout=True)
    first_line = pages[1].strip().splitlines()[0]
    expected = tour.meta.running_head or tour.meta.series
    assert first_line.split("  ")[0].strip() == expected
    assert not pages[0].strip().startswith(expected)  # no running header on page 1
    for number, text in enumerate(pages, start=1):
        assert re.search(rf"^\s*{number}\s*$", text, flags=re.MULTILINE), f"page {number}"


def test_front_matter_and_figure_caption(pdf_path: Path, tour: Brief) -> None:
    first = " ".join(page_texts(pdf_path, layout=True)[0].split())
    assert plain_text(tour.meta.title) in first
    assert "By" in first
    assert "Edited by" in first
    assert tour.meta.date.strftime("%B") in first
    assert "Figure 1" in " ".join(" ".join(page_texts(pdf_path, layout=True)).split())


def test_letter_paper_and_other_style_folder(tour: Brief, tmp_path: Path) -> None:
    style = tmp_path / "style"
    shutil.copytree(default_style_dir(), style)
    css = style / "pdf.css"
    css.write_text(css.read_text() + '\np.series::before { content: "ALTSTYLE " }\n')
    data = write(tour, default_options(tour, paper="Letter", style_dir=style))
    document = pikepdf.open(io.BytesIO(data))
    box = [float(value) for value in document.pages[0].MediaBox]
    assert box[2:] == pytest.approx(LETTER, abs=0.5)
    assert "ALTSTYLE" in page_texts(data, layout=True)[0]


WRITE_SCRIPT = """
import sys
import briefexport
from briefexport.options import default_options
from briefexport.writers.pdf import write
brief = briefexport.load(sys.argv[1])
sys.stdout.buffer.write(write(brief, default_options(brief)))
"""


def _write_in_process(epoch: str | None) -> bytes:
    env = {key: value for key, value in os.environ.items() if key != "SOURCE_DATE_EPOCH"}
    if epoch is not None:
        env["SOURCE_DATE_EPOCH"] = epoch
    env["PYTHONPATH"] = str(REPO / "src")
    command = [sys.executable, "-c", WRITE_SCRIPT, str(TOUR)]
    return subprocess.run(command, capture_output=True, check=True, env=env).stdout


@pytest.mark.slow  # a fresh process writes a PDF
def test_byte_identical_across_processes(pdf_bytes: bytes) -> None:
    again = _write_in_process(os.environ.get("SOURCE_DATE_EPOCH"))
    assert hashlib.sha256(again).hexdigest() == hashlib.sha256(pdf_bytes).hexdigest()


@pytest.mark.slow
def test_source_date_epoch_gives_identical_bytes_and_dates() -> None:
    first, second = _write_in_process("1800000000"), _write_in_process("1800000000")
    assert first == second
    document = pikepdf.open(io.BytesIO(first))
    assert str(document.docinfo["/ModDate"]) == "D:20270115080000Z"


def test_the_name_of_the_pdfs_file_changes_no_byte() -> None:
    # an export names its output file in the options (for the deposit packages); the tests
    # share one PDF between exports to other names (support.written_pdfs.exported_pdf)
    brief = small_brief((Paragraph((Text("Tide records are shared before the season."),)),))
    options = default_options(brief)
    assert write(brief, replace(options, package_name="brief-2026")) == write(brief, options)
