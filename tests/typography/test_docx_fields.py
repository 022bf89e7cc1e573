"""The Word copy: figure and table numbers as SEQ fields with their values cached, a running
head in the header and page numbers in the footer, the Caption style in the gallery, numeric
table columns flush right."""

from __future__ import annotations

import io

import docx
from docx.oxml.ns import qn

from briefexport.inlines import plain_text
from briefexport.model import Brief
from briefexport.shared.brand import load_brand
from briefexport.shared.i18n import long_date
from briefexport.shared.styles import default_style_dir
from support.docx import house_reference
from support.typography import NS, W, Writer, docx_part


def test_figure_and_table_numbers_are_seq_fields_with_cached_values(
    tour: Brief, written: Writer
) -> None:
    document = docx_part(written(tour, "docx"), "word/document.xml")
    fields = document.xpath("//w:fldSimple[contains(@w:instr, 'SEQ')]", namespaces=NS)
    found = [(f.get(qn("w:instr")).split()[1], "".join(f.itertext())) for f in fields]
    assert found == [("Table", "1"), ("Figure", "1")]  # the tour's table comes first
    for field, style in zip(fields, ("TableCaption", "FigureCaption"), strict=True):
        caption = field.getparent()  # in the styles based on Caption
        assert caption.xpath("string(w:pPr/w:pStyle/@w:val)", namespaces=NS) == style
        text = "".join(caption.itertext())
        assert text.startswith(("Table 1 Hours above", "Figure 1 Heat-related"))


def test_a_label_that_is_not_its_place_stays_typed_text(tour: Brief, written: Writer) -> None:
    import dataclasses

    from briefexport.model import Block, Figure, Section, Table

    def relabel(block: Block) -> Block:
        if isinstance(block, Section):
            return dataclasses.replace(block, blocks=tuple(relabel(b) for b in block.blocks))
        if isinstance(block, Figure | Table):
            return dataclasses.replace(block, label=block.label.replace("1", "7"))  # type: ignore[union-attr]
        return block

    brief = dataclasses.replace(tour, body=tuple(relabel(b) for b in tour.body))
    document = docx_part(written(brief, "docx"), "word/document.xml")
    assert document.xpath("//w:fldSimple[contains(@w:instr, 'SEQ')]", namespaces=NS) == []
    captions = document.xpath(
        "//w:p[w:pPr/w:pStyle/@w:val='TableCaption' or w:pPr/w:pStyle/@w:val='FigureCaption']",
        namespaces=NS,
    )
    labels = [" ".join("".join(c.itertext()).split()[:2]) for c in captions]
    assert labels == ["Table 7", "Figure 7"]


def test_running_head_in_the_header_and_page_numbers_in_the_footer(
    tour: Brief, urdu: Brief, written: Writer
) -> None:
    # The Urdu brief has no alt-title: its title, not its series, heads the pages.
    assert urdu.meta.running_head is None
    urdu_head = plain_text(urdu.meta.title)
    for brief, head in ((tour, "Cool streets for warm coasts"), (urdu, urdu_head)):
        document = docx.Document(io.BytesIO(written(brief, "docx")))
        section = document.sections[-1]
        assert section.different_first_page_header_footer
        header = "".join(p.text for p in section.header.paragraphs)
        assert header.replace("\u2066", "").replace("\u2069", "") == (
            f"{head}\t{long_date(brief.meta.date, brief.meta.language)}"
        )
        assert "".join(p.text for p in section.first_page_header.paragraphs) == ""
        for footer in (section.footer, section.first_page_footer):
            instructions = footer._element.xpath(".//w:fldSimple/@w:instr")
            assert [i.strip() for i in instructions] == ["PAGE"]
        if brief is urdu:
            (paragraph,) = section.header.paragraphs
            assert paragraph._p.find(qn("w:pPr")).find(qn("w:bidi")) is not None


def test_caption_and_our_styles_show_in_the_style_gallery() -> None:
    reference = house_reference(load_brand(default_style_dir()))
    document = docx.Document(io.BytesIO(reference))
    for name in (
        "Caption",
        "Figure Caption",
        "Table Caption",
        "Suggested Citation",
        "Identity Line",
        "Running Head",
        "Footnote Characters",
    ):
        style = document.styles[name]
        assert not style.hidden, name
        assert not style.unhide_when_used, name
        assert style.quick_style, name
    shipped = docx.Document(str(default_style_dir() / "reference.docx"))
    assert not shipped.styles["Caption"].hidden


def test_numeric_columns_are_flush_right(tour: Brief, written: Writer) -> None:
    document = docx_part(written(tour, "docx"), "word/document.xml")
    (table,) = document.iter(f"{{{W}}}tbl")
    for row in table.iter(f"{{{W}}}tr"):
        cells = row.findall(f"{{{W}}}tc")
        aligns = [c.xpath("string(w:p/w:pPr/w:jc/@w:val)", namespaces=NS) for c in cells]
        assert aligns == ["", "end", "end", "end"]


def test_code_names_keep_their_hyphens_unbreakable(tour: Brief, written: Writer) -> None:
    document = docx_part(written(tour, "docx"), "word/document.xml")
    code = document.xpath("//w:r[w:rPr/w:rStyle/@w:val='VerbatimChar']", namespaces=NS)
    assert len(code) == 2  # pe-heat-v2, in the text and in the table caption
    for run in code:
        assert run.xpath("string(.)") == "peheatv2"
        assert len(run.findall(f"{{{W}}}noBreakHyphen")) == 2
