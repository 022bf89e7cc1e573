"""One rule for the characters no brief may hold, whichever way the brief comes in: the reader
and every importer refuse DEL and the C1 controls XML 1.0 discourages, with one message, and
keep U+0085 (NEL), which XML 1.0 allows (the rule itself: ``tests/shared/test_characters.py``)."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from pathlib import Path

import pytest
from docx.oxml.ns import qn

from briefexport.errors import InvalidBriefError, Severity
from briefexport.importers import import_source
from briefexport.inlines import plain_text
from briefexport.model import Brief, Paragraph, Text
from briefexport.options import default_options
from briefexport.reader import parse_brief, read_brief
from briefexport.writers.docx import write as write_docx
from support.docx import part
from support.small_brief import BRIEF, edited, line_of

DISCOURAGED = ["\x7f", "\x80", "\x93", "\x9f"]
FRONT = "---\ntitle: A short note\nauthors: [Jane Doe]\ndate: 2025-01-02\npublisher: P\n---\n\n"


def _errors(run: Callable[[], object]) -> list[str]:
    with pytest.raises(InvalidBriefError) as raised:
        run()
    found = [d for d in raised.value.diagnostics if d.severity is Severity.ERROR]
    return [f"{d.line}: {d.message}" for d in found]


def _message(char: str) -> str:
    return f"control character U+{ord(char):04X} cannot appear in a brief"


def _brief_xml(char: str) -> str:
    return edited("Walls need care", f"Walls need &#x{ord(char):X};care")


@pytest.mark.parametrize("char", DISCOURAGED)
def test_the_reader_refuses_them(char: str) -> None:
    source = _brief_xml(char)
    line = line_of(source, "Walls need")
    assert _errors(lambda: parse_brief(source.encode())) == [f"{line}: {_message(char)}"]


def test_the_reader_refuses_them_in_metadata_and_a_tail(tmp_path: Path) -> None:
    source = edited("Walls need care", "Walls <bold>need</bold>\x80 care")
    source = edited("Coastal Institute", "Coastal\x81 Institute", source)
    path = tmp_path / "brief.xml"
    path.write_text(source, encoding="utf-8")
    assert _errors(lambda: read_brief(path)) == [
        f"{line_of(source, 'Coastal')}: {_message(chr(0x81))}",
        f"{line_of(source, 'Walls')}: {_message(chr(0x80))}",
    ]


@pytest.mark.parametrize("char", DISCOURAGED)
def test_the_jats_importer_refuses_them(char: str, tmp_path: Path) -> None:
    source = _brief_xml(char)
    path = tmp_path / "brief.xml"
    path.write_text(source, encoding="utf-8")
    expected = [f"{line_of(source, 'Walls need')}: {_message(char)}"]
    assert _errors(lambda: import_source(path, "jats")) == expected


@pytest.mark.parametrize("kind", ["markdown", "text"])
@pytest.mark.parametrize("char", DISCOURAGED)
def test_the_text_importers_refuse_them(char: str, kind: str, tmp_path: Path) -> None:
    path = tmp_path / "brief.md"
    path.write_text(f"{FRONT}Walls need{char} care.\n", encoding="utf-8")
    assert _errors(lambda: import_source(path, kind)) == [f"8: {_message(char)}"]


@pytest.mark.parametrize("char", DISCOURAGED)
def test_the_front_matter_refuses_them_written_as_escapes(char: str, tmp_path: Path) -> None:
    path = tmp_path / "brief.md"
    front = FRONT.replace("A short note", f'"A short\\x{ord(char):02x} note"')
    path.write_text(f"{front}Walls need care.\n", encoding="utf-8")
    assert f"2: {_message(char)}" in _errors(lambda: import_source(path, "markdown"))


def _word_copy(tmp_path: Path, text: str) -> Path:
    """The small brief's Word copy with its body paragraph's text replaced."""
    brief, _ = parse_brief(BRIEF.encode())
    paragraph = brief.body[0]
    assert isinstance(paragraph, Paragraph)
    body = (dataclasses.replace(paragraph, children=(Text(text),)),)
    brief = dataclasses.replace(brief, body=body)
    path = tmp_path / "brief.docx"
    path.write_bytes(write_docx(brief, default_options(brief, smart=False)))
    return path


def test_the_word_importer_refuses_them_in_the_properties_at_line_1(tmp_path: Path) -> None:
    brief, _ = parse_brief(BRIEF.encode())  # the reader would refuse the title
    meta = dataclasses.replace(brief.meta, title=(Text("Sea\x93 walls"),))
    brief = dataclasses.replace(brief, meta=meta)
    path = tmp_path / "brief.docx"
    path.write_bytes(write_docx(brief, default_options(brief, smart=False)))
    line = _paragraph_number(path, "Sea")
    assert line > 1
    expected = [f"1: {_message(chr(0x93))}", f"{line}: {_message(chr(0x93))}"]
    assert _errors(lambda: import_source(path, "docx")) == expected


@pytest.mark.parametrize("char", DISCOURAGED)
def test_the_word_importer_refuses_them_at_their_paragraph(char: str, tmp_path: Path) -> None:
    path = _word_copy(tmp_path, f"Walls need{char} care.")
    assert _errors(lambda: import_source(path, "docx")) == [
        f"{_paragraph_number(path, 'Walls')}: {_message(char)}"
    ]


def _paragraph_number(path: Path, start: str) -> int:
    """The number of the body's first paragraph starting with ``start``, as the importer counts
    paragraphs and tables."""
    body = part(path.read_bytes(), "word/document.xml").find(qn("w:body"))
    assert body is not None
    texts = ["".join(item.itertext()) for item in body if item.tag in (qn("w:p"), qn("w:tbl"))]
    return next(number for number, text in enumerate(texts, 1) if text.startswith(start))


def _first_text(brief: Brief) -> str:
    first = brief.body[0]
    assert isinstance(first, Paragraph)
    return plain_text(first.children)


def test_next_line_is_kept_by_every_input(tmp_path: Path) -> None:
    source = edited("Walls need care", "Walls need&#x85; care")
    assert "\x85" in _first_text(parse_brief(source.encode())[0])
    path = tmp_path / "brief.xml"
    path.write_text(source, encoding="utf-8")
    assert "\x85" in _first_text(import_source(path, "jats").brief)
    markdown = tmp_path / "brief.md"
    markdown.write_text(f"{FRONT}Walls need\x85 care.\n", encoding="utf-8")
    assert "\x85" in _first_text(import_source(markdown, "markdown").brief)
    assert "\x85" in _first_text(import_source(_word_copy(tmp_path, "a\x85b"), "docx").brief)
