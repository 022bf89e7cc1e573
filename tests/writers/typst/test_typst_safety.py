"""A brief is data, never Typst code, and Typst reads no file but the writer's own.

The hostile brief puts Typst syntax in every string the writer prints or passes as a string:
title, names, role, keywords, body text, headings, notes, link targets, figure alt text.
Everything must come out as written, and no code may run. Smart typography is off here (it
would curl the quotes of the hostile strings); its own tests are in ``test_typst_house.py``.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

import briefexport
from briefexport.errors import OutputError
from briefexport.model import (
    Brief,
    Contributor,
    Footnote,
    FootnoteRef,
    Link,
    Paragraph,
    PersonName,
    Section,
    Styled,
    Text,
    TextStyle,
)
from briefexport.writers.typst import write
from briefexport.writers.typst.compile import Workspace
from support.paths import EXAMPLES
from support.pdf import pdf_text
from support.typst import flat, metadata, typst_options

CODE = [
    '#import "@preview/cetz:0.3.0": *',
    '#read("/etc/passwd")',
    "$x^2$ *bold* _it_ `raw` @ref <lab> ] [",
    "back\\slash \\u{41} // c /* d */",
    "#set page(width: 1cm) #{ panic() }",
    "= heading? - item? + item? 1. item?",
]


def hostile_brief() -> Brief:
    text = " ".join(CODE)
    note = Footnote(
        "n1",
        1,
        (Paragraph((Text("note " + text + " m"), Styled(TextStyle.SUPERSCRIPT, (Text("2"),)))),),
    )
    author = Contributor(PersonName('Okafor "#x"', "Ada $y$"), role="Fellow *z* ]")
    meta = metadata(title="Title " + CODE[0])
    meta = type(meta)(
        **{**{f: getattr(meta, f) for f in meta.__dataclass_fields__}, "authors": (author,)}
    )
    body = (
        Paragraph((Text(text), FootnoteRef(note), Text(" after the call"))),
        Section(
            "s1", (Text("Heading " + CODE[4]),), (Paragraph((Text("In section " + CODE[2]),)),)
        ),
        Paragraph((Link('https://example.org/a?b="c"#d\\', (Text("a link " + CODE[3]),)),)),
    )
    return Brief(meta, body, (note,))


def test_every_hostile_string_is_printed_as_written() -> None:
    brief = hostile_brief()
    text = flat(pdf_text(write(brief, typst_options(brief, smart=False))))
    for piece in [*CODE, 'Okafor "#x"', "Ada $y$", "Fellow *z* ]", "m2"]:
        assert flat(piece) in text, piece


def test_link_targets_and_titles_are_strings_not_code() -> None:
    import io

    import pikepdf

    brief = hostile_brief()
    document = pikepdf.open(io.BytesIO(write(brief, typst_options(brief, smart=False))))
    uris = [
        str(annotation.A.URI)
        for page in document.pages
        for annotation in page.get("/Annots", [])
        if "/A" in annotation and "/URI" in annotation.A
    ]
    assert 'https://example.org/a?b="c"#d\\' in uris
    assert str(document.docinfo.Title) == "Title " + CODE[0]


def test_typst_reads_no_file_outside_its_private_folder(tmp_path: Path) -> None:
    brief = briefexport.load(EXAMPLES / "harbour-resilience.xml")
    options = typst_options(brief)
    secret = tmp_path / "secret.txt"
    secret.write_text("SECRET")
    with Workspace(options.brand, options.style_dir) as workspace:
        for path in (str(secret), f"../../{secret.name}", "/etc/hostname"):
            with pytest.raises(OutputError, match=r"file not found|escape the project root"):
                workspace.compile(f'#read("{path}")', options.pdf_standard, options.timestamp)


def test_typst_export_never_imports_weasyprint(tmp_path: Path) -> None:
    script = (
        "import sys, briefexport\n"
        f"brief = briefexport.load({str(EXAMPLES / 'feature-tour.xml')!r})\n"
        f"briefexport.export(brief, 'pdf', {str(tmp_path / 'out.pdf')!r}, pdf_engine='typst')\n"
        "print('weasyprint' in sys.modules, 'typst' in sys.modules)\n"
    )
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True, env=env
    )
    assert result.stdout.split() == ["False", "True"]
    assert (tmp_path / "out.pdf").read_bytes().startswith(b"%PDF-")


def test_hostile_text_stays_inert_with_smart_typography() -> None:
    import io

    import pikepdf

    brief = hostile_brief()
    pdf = write(brief, typst_options(brief))
    text = flat(pdf_text(pdf))
    for piece in ("#read(", "/etc/passwd", "#set page(width: 1cm)", "panic()", "\\u{41}"):
        assert flat(piece) in text, piece
    with pikepdf.open(io.BytesIO(pdf)) as document:
        assert round(float(document.pages[0].mediabox[2])) == 595  # A4: no page rule ran
