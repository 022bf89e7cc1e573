"""The PDF of the feature-tour example, read back with pikepdf, pdftotext and pdffonts."""

from __future__ import annotations

import hashlib
import io
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pikepdf
import pytest
from lxml import etree

import briefexport
from briefexport.inlines import plain_text
from briefexport.model import Brief, Section
from briefexport.options import WriteOptions, default_options
from briefexport.shared.styles import default_style_dir
from briefexport.shared.typeset import typeset
from briefexport.writers import jats
from briefexport.writers.pdf import write

REPO = Path(__file__).resolve().parents[1]
TOUR = REPO / "examples" / "feature-tour.xml"
A4 = (595.28, 841.89)
LETTER = (612.0, 792.0)


@pytest.fixture(scope="module")
def brief() -> Brief:
    return briefexport.load(TOUR)


@pytest.fixture(scope="module")
def options(brief: Brief) -> WriteOptions:
    return default_options(brief)


@pytest.fixture(scope="module")
def pdf_bytes(brief: Brief, options: WriteOptions) -> bytes:
    return write(brief, options)


@pytest.fixture(scope="module")
def pdf_path(pdf_bytes: bytes, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("pdf") / "tour.pdf"
    path.write_bytes(pdf_bytes)
    return path


@pytest.fixture(scope="module")
def pdf(pdf_bytes: bytes) -> pikepdf.Pdf:
    return pikepdf.open(io.BytesIO(pdf_bytes))


def page_texts(path: Path) -> list[str]:
    """pdftotext of each page (form feeds separate pages)."""
    out = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, check=True)
    return out.stdout.decode("utf-8").split("\f")[:-1]


def section_titles(blocks: tuple[object, ...]) -> list[str]:
    titles: list[str] = []
    for block in blocks:
        if isinstance(block, Section):
            titles.append(plain_text(block.title))
            titles.extend(section_titles(block.blocks))
    return titles


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


def test_metadata_from_the_brief(pdf: pikepdf.Pdf, brief: Brief) -> None:
    info = pdf.docinfo
    assert str(info["/Title"]).startswith(plain_text(brief.meta.title))
    for author in brief.meta.authors:
        assert author.name.display in str(info["/Author"])
    # the subject (XMP dc:description) is the abstract, as the brief's words are typeset
    abstract = " ".join(plain_text(p.children) for p in typeset(brief).meta.abstract)
    assert str(info["/Subject"]) == abstract
    assert str(info["/Keywords"]) == ", ".join(brief.meta.keywords)
    assert str(info["/CreationDate"]) == "D:" + brief.meta.date.strftime("%Y%m%d") + "000000Z"
    assert str(pdf.Root.Lang) == brief.meta.language


def test_outline_lists_every_section(pdf: pikepdf.Pdf, brief: Brief) -> None:
    titles = outline_titles(pdf)
    for title in section_titles(brief.body):
        assert title in titles


def test_fonts_are_embedded(pdf_path: Path) -> None:
    out = subprocess.run(["pdffonts", str(pdf_path)], capture_output=True, text=True, check=True)
    rows = out.stdout.splitlines()[2:]
    assert rows, "no fonts listed"
    for row in rows:
        assert row.split()[-5] == "yes", row  # the "emb" column


def test_tagged_pdf_a3_with_source_attachment(pdf: pikepdf.Pdf, brief: Brief) -> None:
    assert "/StructTreeRoot" in pdf.Root
    assert bool(pdf.Root.MarkInfo.Marked)
    with pdf.open_metadata() as xmp:
        assert xmp["pdfaid:part"] == "3"
    (filespec,) = list(pdf.Root.AF)
    assert filespec.AFRelationship == pikepdf.Name.Source
    embedded = pdf.attachments["brief.xml"].get_file().read_bytes()
    assert embedded == jats.write(brief, default_options(brief))
    assert etree.fromstring(embedded).tag == "article"


def test_no_interpolated_images_in_pdf_a(pdf: pikepdf.Pdf) -> None:
    images = [image for page in pdf.pages for image in page.get_images().values()]
    assert images, "the feature tour has a figure"
    for image in images:
        assert not bool(image.get("/Interpolate", False))


def test_running_header_from_page_two_and_page_numbers(pdf_path: Path, brief: Brief) -> None:
    pages = page_texts(pdf_path)
    first_line = pages[1].strip().splitlines()[0]
    expected = brief.meta.running_head or brief.meta.series
    assert first_line.split("  ")[0].strip() == expected
    assert not pages[0].strip().startswith(expected)  # no running header on page 1
    for number, text in enumerate(pages, start=1):
        assert re.search(rf"^\s*{number}\s*$", text, flags=re.MULTILINE), f"page {number}"


def test_front_matter_and_figure_caption(pdf_path: Path, brief: Brief) -> None:
    first = " ".join(page_texts(pdf_path)[0].split())
    assert plain_text(brief.meta.title) in first
    assert "By" in first
    assert "Edited by" in first
    assert brief.meta.date.strftime("%B") in first
    assert "Figure 1" in " ".join(" ".join(page_texts(pdf_path)).split())


def test_letter_paper_and_other_style_folder(brief: Brief, tmp_path: Path) -> None:
    style = tmp_path / "style"
    shutil.copytree(default_style_dir(), style)
    css = style / "pdf.css"
    css.write_text(css.read_text() + '\np.series::before { content: "ALTSTYLE " }\n')
    data = write(brief, default_options(brief, paper="Letter", style_dir=style))
    document = pikepdf.open(io.BytesIO(data))
    box = [float(value) for value in document.pages[0].MediaBox]
    assert box[2:] == pytest.approx(LETTER, abs=0.5)
    path = tmp_path / "letter.pdf"
    path.write_bytes(data)
    assert "ALTSTYLE" in page_texts(path)[0]


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


def test_byte_identical_across_processes(pdf_bytes: bytes) -> None:
    again = _write_in_process(os.environ.get("SOURCE_DATE_EPOCH"))
    assert hashlib.sha256(again).hexdigest() == hashlib.sha256(pdf_bytes).hexdigest()


def test_source_date_epoch_gives_identical_bytes_and_dates() -> None:
    first, second = _write_in_process("1800000000"), _write_in_process("1800000000")
    assert first == second
    document = pikepdf.open(io.BytesIO(first))
    assert str(document.docinfo["/ModDate"]) == "D:20270115080000Z"
