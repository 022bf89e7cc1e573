"""The DOCX importer: our own Word copies come back with the same body and notes; documents
written by pandoc and by LibreOffice import; Word's own cross-references to notes are calls."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

import briefexport
from briefexport.cli import main
from briefexport.errors import InvalidBriefError
from briefexport.importers import import_file, import_source
from briefexport.importers.docx import package
from briefexport.inlines import plain_text
from briefexport.model import Brief, FootnoteRef, ListBlock, Paragraph, Quote, Section, Table
from briefexport.model.walk import walk_blocks
from briefexport.options import default_options
from briefexport.writers.docx import write as write_docx
from support.importers import flat_citations, flat_notes, read_back, without_ids
from support.paths import EXAMPLES
from support.skips import needs_tool

EXAMPLE_BRIEFS = sorted(EXAMPLES.glob("*.xml"))


def _docx_of(brief: Brief, folder: Path, name: str) -> Path:
    path = folder / f"{name}.docx"
    # the source's own characters (no smart quotes), so the round trip can compare them
    path.write_bytes(write_docx(brief, default_options(brief, smart=False)))
    return path


def _same_people(original: Brief, imported: Brief) -> None:
    for key in ("authors", "editors"):
        before, after = getattr(original.meta, key), getattr(imported.meta, key)
        assert [(p.name, p.role) for p in after] == [(p.name, p.role) for p in before]
        assert [[(a.institution, a.department) for a in p.affiliations] for p in after] == [
            [(a.institution, a.department) for a in p.affiliations] for p in before
        ]


@pytest.mark.parametrize("source", EXAMPLE_BRIEFS, ids=lambda p: p.stem)
def test_our_docx_of_the_examples_imports_back(source: Path, tmp_path: Path) -> None:
    original = briefexport.load(source)
    result = import_source(_docx_of(original, tmp_path, source.stem))
    imported = result.brief
    assert result.warnings == ()
    # Word keeps a citation's text but not its tagging: compare citations as printed text.
    assert flat_citations(without_ids(imported.body)) == flat_citations(without_ids(original.body))
    assert flat_notes(imported.footnotes) == flat_notes(original.footnotes)
    meta, before = imported.meta, original.meta
    for field in ("title", "subtitle", "series", "heading", "date", "disclaimer", "abstract"):
        assert getattr(meta, field) == getattr(before, field), field
    assert (meta.keywords, meta.doi, meta.language, meta.publisher) == (
        before.keywords,
        before.doi,
        before.language,
        before.publisher,
    )
    _same_people(original, imported)
    assert [f.image.data for f in imported.figures] == [f.image.data for f in original.figures]
    again, _, _ = read_back(imported)
    assert again == imported


def test_harbour_example_comes_back_with_its_citations(tmp_path: Path) -> None:
    """Notes in the web-citation shape get their structure back, as in the Markdown importer."""
    original = briefexport.load(EXAMPLES / "harbour-resilience.xml")
    imported = import_file(_docx_of(original, tmp_path, "harbour"))
    assert without_ids(imported.body) == without_ids(original.body)
    assert imported.footnotes == original.footnotes


def test_the_seed_comes_back(seed_path: Path, tmp_path: Path) -> None:
    original = import_file(seed_path)
    imported = import_file(_docx_of(original, tmp_path, "seed"))
    assert imported.body == original.body
    assert imported.footnotes == original.footnotes
    assert imported.meta == original.meta


def test_a_word_cross_reference_is_a_second_call(tmp_path: Path) -> None:
    """Word writes a cross-reference as a complex field (fldChar/instrText), not fldSimple."""
    original = briefexport.load(EXAMPLES / "feature-tour.xml")
    path = _docx_of(original, tmp_path, "tour")
    path.write_bytes(_as_complex_fields(path.read_bytes()))
    imported = import_file(path)
    calls = [i for i in _inlines(imported.body) if isinstance(i, FootnoteRef)]
    assert [c.note.number for c in calls] == [
        c.note.number for c in _inlines(original.body) if isinstance(c, FootnoteRef)
    ]


def _inlines(blocks: tuple[object, ...]) -> list[object]:
    found: list[object] = []
    for block in blocks:
        if isinstance(block, Section):
            found += _inlines(block.blocks)
        elif isinstance(block, ListBlock):
            found += [i for item in block.items for p in item.paragraphs for i in p.children]
        elif isinstance(block, Quote):
            found += [i for p in block.paragraphs for i in p.children]
        elif hasattr(block, "children"):
            found += list(block.children)
    return found


def _as_complex_fields(data: bytes) -> bytes:
    """The package with every ``w:fldSimple`` rewritten as Word's begin/instr/separate/end runs."""
    source = zipfile.ZipFile(io.BytesIO(data))
    simple = re.compile(rb'<w:fldSimple w:instr="([^"]*)">(.*?)</w:fldSimple>', re.S)

    def complex_field(found: re.Match[bytes]) -> bytes:
        return (
            b'<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve">'
            + found.group(1)
            + b'</w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>'
            + found.group(2)
            + b'<w:r><w:fldChar w:fldCharType="end"/></w:r>'
        )

    output = io.BytesIO()
    with zipfile.ZipFile(output, "w") as target:
        for name in source.namelist():
            content = source.read(name)
            if name == "word/document.xml":
                assert simple.search(content), "the writer's second call is a fldSimple"
                content = simple.sub(complex_field, content)
            target.writestr(name, content)
    return output.getvalue()


def test_pandoc_docx(pandoc_sources: Path) -> None:
    result = import_source(pandoc_sources / "dock-cooling.docx", series="Policy Brief")
    brief = result.brief
    assert plain_text(brief.meta.title) == "Cooling rules for dock work"
    assert brief.meta.heading == "Occupational Health"  # pandoc's subject, from docProps
    assert brief.meta.language == "en-GB"
    assert brief.meta.keywords == ("heat", "ports", "occupational health")
    assert [p.name.display for p in brief.meta.authors] == ["Jonas T. Haverkamp"]
    assert [plain_text(p.children) for p in brief.meta.abstract][
        1
    ] == "This brief proposes three of them."
    sections = [b for b in brief.body if isinstance(b, Section)]
    assert [plain_text(s.title) for s in sections] == ["What the records show", "Three rules"]
    table = next(b for b in sections[0].blocks if isinstance(b, Table))
    assert plain_text(table.caption) == "Hot days and stoppages in summer 2025."
    assert [len(table.head), len(table.body)] == [1, 2]
    (figure,) = brief.figures
    assert figure.image.data == (pandoc_sources / "stoppages.png").read_bytes()
    assert figure.image.alt_text.startswith("Bar chart of stoppages")
    listed = next(b for b in sections[1].blocks if isinstance(b, ListBlock))
    assert listed.ordered
    assert len(listed.items) == 3
    quote = next(b for b in sections[1].blocks if isinstance(b, Quote))
    assert plain_text(quote.attribution) == "A crane operator"
    assert len(brief.footnotes) == 3
    again, _, _ = read_back(brief)
    assert again == brief


@pytest.mark.slow
@needs_tool(shutil.which("soffice") is not None, "LibreOffice", "libreoffice-writer-nogui")
def test_a_docx_written_by_libreoffice(tmp_path: Path) -> None:
    original = briefexport.load(EXAMPLES / "feature-tour.xml")
    ours = _docx_of(original, tmp_path, "tour")
    converted = tmp_path / "libreoffice"
    subprocess.run(
        ["soffice", "--headless", f"-env:UserInstallation=file://{tmp_path / 'profile'}",
         "--convert-to", "docx:MS Word 2007 XML", "--outdir", str(converted), str(ours)],
        check=True, capture_output=True, timeout=300,
    )  # fmt: skip
    imported = import_file(converted / "tour.docx")
    assert flat_citations(without_ids(imported.body)) == flat_citations(without_ids(original.body))
    assert flat_notes(imported.footnotes) == flat_notes(original.footnotes)
    assert imported.meta.title == original.meta.title


def test_unknown_styles_are_reported_with_their_paragraph(tmp_path: Path) -> None:
    import docx
    from docx.enum.style import WD_STYLE_TYPE

    document = docx.Document()
    document.add_paragraph("A title", style="Title")
    document.add_paragraph("By")
    document.add_paragraph().add_run("Jane Doe").bold = True
    document.add_paragraph("March 3, 2025")
    styles = document.styles
    styles.add_style("House Note", WD_STYLE_TYPE.PARAGRAPH)
    document.add_paragraph("A paragraph in a house style.", style="House Note")
    path = tmp_path / "house.docx"
    document.save(str(path))
    result = import_source(path)
    assert [p.name.display for p in result.brief.meta.authors] == ["Jane Doe"]  # plain by-line
    (warning,) = [w for w in result.warnings if "House Note" in w.message]
    assert (warning.line, warning.column) == (5, 1)  # the fifth paragraph of the document


def test_what_is_not_a_word_document_is_refused(tmp_path: Path) -> None:
    not_zip = tmp_path / "a.docx"
    not_zip.write_bytes(b"plain text")
    other_zip = tmp_path / "b.docx"
    with zipfile.ZipFile(other_zip, "w") as archive:
        archive.writestr("content.xml", "<x/>")
    for path, message in (
        (not_zip, "not a readable Word document"),
        (other_zip, "no word/document.xml"),
    ):
        with pytest.raises(InvalidBriefError) as raised:
            import_source(path)
        assert message in str(raised.value.diagnostics[0])


def test_a_package_that_unpacks_too_large_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    original = briefexport.load(EXAMPLES / "harbour-resilience.xml")
    path = _docx_of(original, tmp_path, "harbour")
    monkeypatch.setattr(package, "MAX_UNPACKED_BYTES", 1000)
    with pytest.raises(InvalidBriefError) as raised:
        import_source(path)
    assert "unpacks to more than 1000 bytes" in str(raised.value.diagnostics[0])


def test_without_mammoth_the_error_says_what_to_install(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    original = briefexport.load(EXAMPLES / "harbour-resilience.xml")
    path = _docx_of(original, tmp_path, "harbour")
    monkeypatch.setitem(sys.modules, "mammoth", None)
    with pytest.raises(InvalidBriefError) as raised:
        import_source(path)
    assert "pip install 'briefexport[word]'" in str(raised.value.diagnostics[0])


def test_command_line_writes_the_figures(tmp_path: Path) -> None:
    original = briefexport.load(EXAMPLES / "feature-tour.xml")
    source = _docx_of(original, tmp_path, "tour")
    output = tmp_path / "back" / "tour.xml"
    assert main(["import", str(source), "-o", str(output)]) == 0
    assert (tmp_path / "back" / "figures" / "tour-1.png").is_file()
    assert briefexport.load(output).figures[0].image.data == original.figures[0].image.data


def _rewritten(source: Path, target: Path, changes: dict[str, tuple[bytes, bytes]]) -> Path:
    """A copy of the package ``source`` with one replacement in each part named in ``changes``."""
    with zipfile.ZipFile(source) as original, zipfile.ZipFile(target, "w") as copy:
        for name in original.namelist():
            content = original.read(name)
            if name in changes:
                old, new = changes[name]
                assert old in content, (name, old)
                content = content.replace(old, new, 1)
            copy.writestr(name, content)
    return target


@pytest.mark.parametrize(
    ("attribute", "target"),
    [(b"r:link", b"pictures/chart.png"), (b"r:embed", b"http://example.org/chart.png")],
)
def test_a_linked_picture_is_left_out_with_a_warning(
    tmp_path: Path, attribute: bytes, target: bytes
) -> None:
    original = briefexport.load(EXAMPLES / "feature-tour.xml")
    source = _docx_of(original, tmp_path, "tour")
    with zipfile.ZipFile(source) as package_:
        embedded = re.search(
            rb'Target="(media/[^"]+)"', package_.read("word/_rels/document.xml.rels")
        )
    assert embedded is not None
    changes = {
        "word/_rels/document.xml.rels": (
            b'Target="' + embedded.group(1) + b'"',
            b'Target="' + target + b'" TargetMode="External"',
        ),
        "word/document.xml": (b"<a:blip r:embed=", b"<a:blip " + attribute + b"="),
    }
    result = import_source(_rewritten(source, tmp_path / "linked.docx", changes))
    (warning,) = [w for w in result.warnings if "picture" in w.message]
    assert "linked to a file outside the document" in warning.message
    assert warning.line > 1
    assert len(result.brief.figures) == len(original.figures) - 1
    caption = plain_text(original.figures[0].caption)
    blocks = walk_blocks(result.brief.body)
    texts = [plain_text(block.children) for block in blocks if isinstance(block, Paragraph)]
    assert any(caption in text for text in texts)


def test_a_document_part_with_a_doctype_is_refused(tmp_path: Path) -> None:
    original = briefexport.load(EXAMPLES / "harbour-resilience.xml")
    source = _docx_of(original, tmp_path, "harbour")
    with zipfile.ZipFile(source) as package_:
        document = package_.read("word/document.xml")
    declaration = document[: document.index(b"?>") + 2]
    doctype = b'<!DOCTYPE w:document [<!ENTITY who "a hidden name">]>'
    changes = {"word/document.xml": (declaration, declaration + doctype)}
    with pytest.raises(InvalidBriefError) as raised:
        import_source(_rewritten(source, tmp_path / "doctype.docx", changes))
    (only,) = raised.value.diagnostics
    assert "word/document.xml has a DOCTYPE declaration" in only.message
