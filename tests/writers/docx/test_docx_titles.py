"""The Word copy keeps a display title's compounds whole, as both PDFs do: the hyphen of
"re-evaluation" in the title and subtitle is Word's non-breaking hyphen (``w:noBreakHyphen``),
so Word and LibreOffice end no title line there; the text reads back as written, and the body's
hyphens stay plain."""

from __future__ import annotations

import zipfile
from dataclasses import replace
from pathlib import Path

from lxml import etree

from briefexport import export
from briefexport.importers import import_source
from briefexport.inlines import plain_text
from briefexport.model import Text
from briefexport.reader import parse_brief
from support.paths import HARBOUR

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
TITLE = "A re-evaluation of cross-border ports"
SUBTITLE = "Why mid-sized harbours should share data"


def test_title_compounds_keep_whole_and_read_back(tmp_path: Path) -> None:
    brief, _ = parse_brief(HARBOUR.read_bytes(), name=str(HARBOUR), base_dir=HARBOUR.parent)
    meta = replace(brief.meta, title=(Text(TITLE),), subtitle=(Text(SUBTITLE),))
    written = export(replace(brief, meta=meta), "docx", tmp_path / "brief.docx")
    with zipfile.ZipFile(written) as package:
        body = etree.fromstring(package.read("word/document.xml")).find(f"{{{W}}}body")
    assert body is not None
    paragraphs = body.findall(f"{{{W}}}p")
    title, subtitle = paragraphs[1], paragraphs[2]
    assert len(title.findall(f".//{{{W}}}noBreakHyphen")) == 2
    assert len(subtitle.findall(f".//{{{W}}}noBreakHyphen")) == 1
    assert len(body.findall(f".//{{{W}}}noBreakHyphen")) == 3  # none in the body's compounds
    assert any("-" in "".join(p.itertext()) for p in paragraphs[3:])
    imported = import_source(written, "docx").brief.meta
    assert plain_text(imported.title) == TITLE
    assert plain_text(imported.subtitle) == SUBTITLE
