"""The Word template: ``styles/reference.docx`` generated from ``brand.toml``, and
``--reference-docx`` with an institution's own template (styles, page set-up, headers kept)."""

from __future__ import annotations

import io
import shutil
import zipfile
from dataclasses import replace
from pathlib import Path

import docx
import pytest
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml.ns import qn
from docx.shared import Inches, RGBColor
from lxml import etree

import briefexport
from briefexport.cli import main
from briefexport.errors import OutputError
from briefexport.model import Brief
from briefexport.options import default_options
from briefexport.shared.brand import Paper, load_brand
from briefexport.shared.styles import default_style_dir
from briefexport.writers.docx import write
from briefexport.writers.docx.reference import build_reference
from briefexport.writers.docx.stylemap import ALL_STYLES
from support.docx import house_reference, house_sheet
from support.paths import HARBOUR, TOUR

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
HEADER_TEXT = "Northern Gulf Institute - internal draft"
HOUSE = load_brand(default_style_dir())


@pytest.fixture(scope="module")
def institution_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A template as an institution would make it: Letter paper, a header, its own heading look."""
    document = docx.Document()
    section = document.sections[0]
    section.page_width, section.page_height = Inches(8.5), Inches(11)
    section.left_margin = Inches(1.25)
    section.header.paragraphs[0].text = HEADER_TEXT
    heading = document.styles["Heading 1"]
    heading.font.color.rgb = RGBColor(0xC0, 0x00, 0x00)
    document.styles.add_style("Institution Note", WD_STYLE_TYPE.PARAGRAPH)
    document.add_paragraph("Template body text that must not reach the output.")
    path = tmp_path_factory.mktemp("template") / "institution.docx"
    document.save(str(path))
    return path


@pytest.fixture(scope="module")
def with_template(tour: Brief, institution_template: Path) -> bytes:
    return write(tour, default_options(tour, reference_docx=institution_template))


def style_names(document: docx.document.Document) -> set[str]:
    return {style.name.lower() for style in document.styles if style.name}


# ------------------------------------------------------------------ the shipped reference document


def unpacked(data: bytes) -> list[tuple[str, bytes]]:
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        return [(name, package.read(name)) for name in package.namelist()]


def test_committed_reference_equals_a_fresh_generation() -> None:
    # Compared part by part: another zlib may compress the same parts to other bytes.
    committed = (default_style_dir() / "reference.docx").read_bytes()
    fresh = house_reference(load_brand(default_style_dir()))
    message = "stale: run scripts/make_reference_docx.py and commit styles/reference.docx"
    assert unpacked(committed) == unpacked(fresh), message


def test_reference_has_every_style_the_writer_uses() -> None:
    reference = docx.Document(str(default_style_dir() / "reference.docx"))
    assert {name.lower() for name in ALL_STYLES} <= style_names(reference)
    for builtin in ("footnote text", "footnote reference", "hyperlink", "caption"):
        (element,) = [s.element for s in reference.styles if s.name and s.name.lower() == builtin]
        assert element.get(qn("w:customStyle")) is None, builtin
    with zipfile.ZipFile(default_style_dir() / "reference.docx") as package:
        names = package.namelist()
    assert not [n for n in names if "thumbnail" in n or "customXml" in n or "WithEffects" in n]


def test_reference_keeps_only_needed_styles_and_every_style_it_names() -> None:
    # python-docx's template defines some two hundred styles, mostly table designs nothing uses
    reference = docx.Document(str(default_style_dir() / "reference.docx"))
    styles = reference.styles.element
    ids = {style.get(qn("w:styleId")) for style in styles.iterchildren(qn("w:style"))}
    assert "light shading accent 1" not in style_names(reference)
    assert len(ids) < 80
    named = {
        node.get(qn("w:val"))
        for part in reference.part.package.iter_parts()
        if getattr(part, "element", None) is not None
        for tag in ("w:basedOn", "w:link", "w:next", "w:pStyle", "w:rStyle", "w:tblStyle")
        for node in part.element.iter(qn(tag))
    }
    assert named <= ids  # nothing points to a style that was dropped
    defaults = [s for s in styles.iterchildren(qn("w:style")) if s.get(qn("w:default")) == "1"]
    assert {s.get(qn("w:type")) for s in defaults} == {
        "paragraph",
        "character",
        "table",
        "numbering",
    }


def test_reference_follows_the_brand_file(tmp_path: Path) -> None:
    house = load_brand(default_style_dir())
    brand = replace(
        house,
        colors=replace(house.colors, accent="#7A1F5C"),
        fonts=replace(house.fonts, heading=("Liberation Sans",)),
        sizes=replace(house.sizes, footnote=7.5),
        page=replace(house.page, size=Paper.LETTER),
    )
    reference = docx.Document(io.BytesIO(build_reference(brand, house_sheet())))
    heading = reference.styles["Heading 1"]
    assert heading.font.color.rgb == RGBColor(0x7A, 0x1F, 0x5C)
    assert heading.font.name == "Liberation Sans"
    assert reference.styles["footnote text"].font.size.pt == 7.5  # lower case: Word's built-in name
    width = reference.sections[0].page_width
    assert width is not None
    assert round(width.inches, 2) == 8.5


def test_a_style_folder_without_reference_docx_gets_one_from_its_brand(
    tour: Brief, tmp_path: Path
) -> None:
    style_dir = tmp_path / "style"
    shutil.copytree(default_style_dir(), style_dir)
    (style_dir / "reference.docx").unlink()
    brand_file = style_dir / "brand.toml"
    brand_file.write_text(brand_file.read_text().replace('"#1F4E79"', '"#2E7D32"', 1))
    data = write(tour, default_options(tour, style_dir=style_dir))
    heading = docx.Document(io.BytesIO(data)).styles["Heading 1"]
    assert heading.font.color.rgb == RGBColor(0x2E, 0x7D, 0x32)


# ------------------------------------------------------------------ an institution's template


def test_institution_template_keeps_styles_page_and_header(with_template: bytes) -> None:
    document = docx.Document(io.BytesIO(with_template))
    assert document.styles["Heading 1"].font.color.rgb == RGBColor(0xC0, 0x00, 0x00)
    assert "institution note" in style_names(document)
    section = document.sections[-1]
    assert section.page_width is not None
    assert round(section.page_width.inches, 2) == 8.5
    assert section.left_margin is not None
    assert round(section.left_margin.inches, 2) == 1.25
    assert section.header.paragraphs[0].text == HEADER_TEXT


def test_institution_template_gets_the_styles_it_lacks(with_template: bytes) -> None:
    document = docx.Document(io.BytesIO(with_template))
    assert {name.lower() for name in ALL_STYLES} <= style_names(document)
    used = {p.style.name for p in document.paragraphs if p.style is not None}
    assert {"Author", "Lead Paragraph", "Heading 1", "Title"} <= used


def test_institution_template_text_and_leftovers_are_gone(with_template: bytes) -> None:
    document = docx.Document(io.BytesIO(with_template))
    assert all("Template body text" not in p.text for p in document.paragraphs)
    assert document.core_properties.author != "python-docx"
    with zipfile.ZipFile(io.BytesIO(with_template)) as package:
        assert not [n for n in package.namelist() if "thumbnail" in n]
        assert b"w:footnoteReference" in package.read("word/document.xml")


def test_template_with_its_own_notes_keeps_only_its_separators(tour: Brief, tmp_path: Path) -> None:
    harbour = briefexport.load(HARBOUR)
    old = tmp_path / "old.docx"
    old.write_bytes(write(harbour, default_options(harbour)))
    data = write(tour, default_options(tour, reference_docx=old))
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        notes = package.read("word/footnotes.xml").decode()
        assert [n for n in package.namelist() if n.startswith("word/footnotes")] == [
            "word/footnotes.xml"
        ]
    assert notes.count("<w:footnote ") == len(tour.footnotes) + 2
    assert "Maritime Ledger" not in notes
    document = docx.Document(io.BytesIO(data))
    assert document.paragraphs[1].text.startswith("Cool streets")


def test_localised_style_ids_are_found_by_name(tour: Brief, tmp_path: Path) -> None:
    template = docx.Document(str(default_style_dir() / "reference.docx"))
    template.styles["Heading 1"].element.set(qn("w:styleId"), "berschrift1")
    path = tmp_path / "german.docx"
    template.save(str(path))
    data = write(tour, default_options(tour, reference_docx=path))
    body = zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml")
    assert b'w:pStyle w:val="berschrift1"' in body
    assert b'w:pStyle w:val="Heading1"' not in body


@pytest.mark.parametrize("content", [b"", b"not a zip at all", b"PK\x05\x06" + bytes(18)])
def test_a_reference_that_is_not_docx_is_an_output_error(
    tour: Brief, tmp_path: Path, content: bytes
) -> None:
    path = tmp_path / "bad.docx"
    path.write_bytes(content)
    with pytest.raises(OutputError, match=r"bad\.docx"):
        write(tour, default_options(tour, reference_docx=path))


def test_a_missing_reference_is_an_output_error(tour: Brief, tmp_path: Path) -> None:
    with pytest.raises(OutputError, match=r"missing\.docx"):
        write(tour, default_options(tour, reference_docx=tmp_path / "missing.docx"))


def test_cli_reference_docx_option(institution_template: Path, tmp_path: Path) -> None:
    command = [str(TOUR), "--to", "docx"]
    command += ["--reference-docx", str(institution_template), "-o", str(tmp_path)]
    assert main(command) == 0
    document = docx.Document(str(tmp_path / "feature-tour.docx"))
    assert document.sections[-1].header.paragraphs[0].text == HEADER_TEXT


def test_a_dotx_template_is_accepted(
    institution_template: Path, tour: Brief, tmp_path: Path
) -> None:
    dotx = tmp_path / "institution.dotx"
    main = "application/vnd.openxmlformats-officedocument.wordprocessingml"
    with zipfile.ZipFile(institution_template) as source, zipfile.ZipFile(dotx, "w") as target:
        for info in source.infolist():
            content = source.read(info.filename)
            if info.filename == "[Content_Types].xml":
                content = content.replace(
                    f"{main}.document.main+xml".encode(), f"{main}.template.main+xml".encode()
                )
                assert b"template.main" in content
            target.writestr(info, content)
    data = write(tour, default_options(tour, reference_docx=dotx))
    document = docx.Document(io.BytesIO(data))
    assert document.sections[-1].header.paragraphs[0].text == HEADER_TEXT
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        assert b"template.main" not in package.read("[Content_Types].xml")


def test_word_2007_separator_ids_do_not_collide_with_notes(tour: Brief, tmp_path: Path) -> None:
    old = tmp_path / "word2007.docx"
    old.write_bytes(write(tour, default_options(tour)))
    patched = tmp_path / "patched.docx"
    with zipfile.ZipFile(old) as source, zipfile.ZipFile(patched, "w") as target:
        for info in source.infolist():
            content = source.read(info.filename)
            if info.filename == "word/footnotes.xml":  # separators 0 and 1, as Word 2007 wrote
                content = content.replace(b'w:id="0"', b'w:id="1"').replace(
                    b'w:id="-1"', b'w:id="0"'
                )
            target.writestr(info, content)
    data = write(tour, default_options(tour, reference_docx=patched))
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        notes = etree.fromstring(package.read("word/footnotes.xml"))
        calls = etree.fromstring(package.read("word/document.xml"))
    ids = [note.get(qn("w:id")) for note in notes]
    assert len(ids) == len(set(ids)) == len(tour.footnotes) + 2
    called = set(calls.xpath("//w:footnoteReference/@w:id", namespaces={"w": W_NS}))
    assert called == set(ids) - {"0", "1"}


def test_template_comments_are_dropped(tour: Brief, tmp_path: Path) -> None:
    template = docx.Document(str(default_style_dir() / "reference.docx"))
    paragraph = template.add_paragraph("reviewed text")
    template.add_comment(
        paragraph.runs[0] if paragraph.runs else paragraph.add_run("x"), "old note"
    )
    path = tmp_path / "commented.docx"
    template.save(str(path))
    assert "word/comments.xml" in zipfile.ZipFile(path).namelist()
    data = write(tour, default_options(tour, reference_docx=path))
    names = zipfile.ZipFile(io.BytesIO(data)).namelist()
    assert not [name for name in names if "comments" in name]


def test_shipped_reference_numbers_the_pages(tour: Brief) -> None:
    document = docx.Document(io.BytesIO(write(tour, default_options(tour))))
    footer = document.sections[-1].footer
    assert not footer.is_linked_to_previous
    fields = footer._element.xpath(".//w:fldSimple/@w:instr")
    assert [instruction.strip() for instruction in fields] == ["PAGE"]
    # set as the running head and as the PDF's page numbers (@bottom-center in pdf.css)
    (font,) = footer._element.xpath(".//w:fldSimple/w:r/w:rPr/w:rFonts/@w:ascii")
    assert font == document.styles["Running Head"].font.name == HOUSE.fonts.heading[0]


def test_copied_styles_point_to_the_templates_own_style_ids(tour: Brief, tmp_path: Path) -> None:
    template = docx.Document(str(default_style_dir() / "reference.docx"))
    template.styles["Body Text"].element.set(qn("w:styleId"), "Textkoerper")
    lead = template.styles["Lead Paragraph"].element
    lead.getparent().remove(lead)
    path = tmp_path / "localised.docx"
    template.save(str(path))
    data = write(tour, default_options(tour, reference_docx=path))
    styles = etree.fromstring(zipfile.ZipFile(io.BytesIO(data)).read("word/styles.xml"))
    ns = {"w": W_NS}
    (copied,) = styles.xpath("w:style[w:name/@w:val='Lead Paragraph']", namespaces=ns)
    assert copied.xpath("string(w:basedOn/@w:val)", namespaces=ns) == "Textkoerper"


def test_a_template_without_page_set_up_still_works(tour: Brief, tmp_path: Path) -> None:
    template = docx.Document(str(default_style_dir() / "reference.docx"))
    body = template.element.body
    body.remove(body.sectPr)
    path = tmp_path / "no-section.docx"
    template.save(str(path))
    data = write(tour, default_options(tour, reference_docx=path))
    document = docx.Document(io.BytesIO(data))
    assert any(p.style is not None and p.style.name == "Title" for p in document.paragraphs)
    (extent,) = document.inline_shapes
    assert extent.width <= 6.5 * 914400


def test_a_list_style_naming_missing_numbering_still_writes(tour: Brief, tmp_path: Path) -> None:
    template = docx.Document(str(default_style_dir() / "reference.docx"))
    style = template.styles["List Number"].element
    style.xpath("./w:pPr/w:numPr/w:numId")[0].set(qn("w:val"), "999")
    path = tmp_path / "broken-numbering.docx"
    template.save(str(path))
    document = docx.Document(io.BytesIO(write(tour, default_options(tour, reference_docx=path))))
    numbered = [
        p for p in document.paragraphs if p.style is not None and p.style.name == "List Number"
    ]
    assert numbered
    assert all(p._p.pPr is not None and p._p.pPr.numPr is None for p in numbered)
