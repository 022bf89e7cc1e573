"""The extracted-text importer: our own brief with every layout quirk, and the real seed brief."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import briefexport
from briefexport.errors import InvalidBriefError, Severity
from briefexport.formats import FORMATS
from briefexport.importers import import_file, import_source
from briefexport.inlines import plain_text
from briefexport.model import (
    Brief,
    Citation,
    CitationField,
    CitationPart,
    CitedDate,
    FootnoteRef,
    Inline,
    Link,
    Paragraph,
)
from briefexport.options import default_options
from briefexport.rules.dates import impossible_printed_date
from briefexport.writers import jats
from support.model import find
from support.paths import CONFORMANCE, IMPORT_DATA, require_shared
from support.validators import validate_jats

TEXT_BRIEF = IMPORT_DATA / "extracted-brief.txt"


def _calls(inlines: tuple[Inline, ...]) -> list[int]:
    return [inline.note.number for inline in inlines if isinstance(inline, FootnoteRef)]


def _parts(citation: Citation, field: CitationField) -> list[str]:
    found: list[str] = []
    for inline in citation.children:
        if isinstance(inline, CitationPart) and inline.field is field:
            found.append(plain_text(inline.children))
    return found


def _names(citation: Citation) -> list[str]:
    groups = [c for c in citation.children if isinstance(c, CitationPart)]
    return [
        plain_text(name.children)
        for group in groups
        if group.field is CitationField.PERSON_GROUP
        for name in group.children
        if isinstance(name, CitationPart)
    ]


@pytest.fixture(scope="module")
def text_brief() -> Brief:
    return import_file(TEXT_BRIEF)


def test_front_page(text_brief: Brief) -> None:
    meta = text_brief.meta
    # set in capitals on the page; imported in title case (see tests/typography)
    assert plain_text(meta.title) == "Why the Harbour Towns Are Running Out of Water"
    (author,) = meta.authors
    assert (author.name.given_names, author.name.surname) == ("Selma", "Okonkwo-Reyes")
    assert author.role == "Research Fellow"
    (affiliation,) = author.affiliations
    assert affiliation.department == "Water Security Programme (WSP)"
    assert affiliation.institution == "Coastal Policy Institute"
    (editor,) = meta.editors
    assert (editor.name.prefix, editor.name.given_names, editor.name.surname) == (
        "Dr",
        "Arvid",
        "Halvorsen",
    )
    assert meta.date.isoformat() == "2025-03-03"
    assert plain_text(meta.disclaimer).startswith("The opinions in this brief")
    assert not plain_text(meta.disclaimer).startswith("(")
    assert meta.publisher == "Coastal Policy Institute"
    assert meta.journal_id == "CPI"


def test_series_defaults_with_a_warning_or_comes_from_the_option() -> None:
    result = import_source(TEXT_BRIEF)
    assert result.brief.meta.series == "Issue Brief"
    (warning,) = [found for found in result.warnings if "capitals" not in found.message]
    assert warning.severity is Severity.WARNING
    assert "series" in warning.message
    assert warning.line == 3
    chosen = import_source(TEXT_BRIEF, series="Policy Brief")
    assert chosen.brief.meta.series == "Policy Brief"
    assert [found for found in chosen.warnings if "capitals" not in found.message] == []


def test_lead_paragraph_is_the_bold_first_paragraph(text_brief: Brief) -> None:
    lead = text_brief.body[0]
    assert isinstance(lead, Paragraph)
    assert lead.lead
    assert plain_text(lead.children).startswith("Three harbour towns")
    assert _calls(lead.children) == [1]
    assert not any(isinstance(b, Paragraph) and b.lead for b in text_brief.body[1:])


def test_page_split_paragraphs_are_rejoined(text_brief: Brief) -> None:
    paragraphs = [b for b in text_brief.body if isinstance(b, Paragraph)]
    assert len(paragraphs) == len(text_brief.body) == 6
    texts = [plain_text(p.children) for p in paragraphs]
    assert not [t for t in texts if t[0].islower()]
    assert "and the pipes that carry water from the hills leak almost a third" in texts[2]
    assert "a place to discharge brine, which the fishing" in texts[4]


def test_calls_stay_where_they_were(text_brief: Brief) -> None:
    calls = [_calls(b.children) for b in text_brief.body if isinstance(b, Paragraph)]
    assert calls == [[1], [], [2, 3], [4, 5], [], []]
    shortfall = text_brief.body[2]
    assert isinstance(shortfall, Paragraph)
    before_two = shortfall.children[: shortfall.children.index(_ref(shortfall, 2))]
    assert plain_text(before_two).endswith("what they carry.")
    assert plain_text(shortfall.children).endswith("(in 2019 and 2022).")


def _ref(paragraph: Paragraph, number: int) -> Inline:
    return next(
        c for c in paragraph.children if isinstance(c, FootnoteRef) and c.note.number == number
    )


def test_footnotes_with_urls_after_a_line_break_or_a_blank_line(text_brief: Brief) -> None:
    notes = text_brief.footnotes
    assert [note.number for note in notes] == [1, 2, 3, 4, 5]
    links = [
        inline.href
        for note in notes
        for paragraph in note.paragraphs
        for inline in find(paragraph.children, Link)
        if isinstance(inline, Link)
    ]
    assert links == [
        "https://utility.example.org/2024/rationing",
        "https://pipes.example.org/leakage-2023",
        "https://gazette.example.org/mains-deferred",
        "https://assembly.example.org/reservoirs",
        "https://utility.example.org/briefing",
    ]


def test_web_citations_are_structured(text_brief: Brief) -> None:
    first = text_brief.footnotes[0].paragraphs[0].children[0]
    assert isinstance(first, Citation)
    assert first.publication_type.value == "webpage"
    assert _parts(first, CitationField.ARTICLE_TITLE) == ["Summer rationing in three coastal towns"]
    assert _parts(first, CitationField.SOURCE) == ["Western Utility Board"]
    dates = [c for c in first.children if isinstance(c, CitedDate)]
    assert dates == [CitedDate("2024-09-02", "September 2, 2024")]
    second = text_brief.footnotes[1].paragraphs[0].children[0]
    assert isinstance(second, Citation)
    assert _names(second) == ["Lena Marsh", "Piet de Vries"]
    assert next(c for c in second.children if isinstance(c, CitedDate)).iso == "2023-05-14"


def test_a_note_that_is_not_a_citation_keeps_its_text_and_link(text_brief: Brief) -> None:
    (paragraph,) = text_brief.footnotes[4].paragraphs
    assert not any(isinstance(c, Citation) for c in paragraph.children)
    assert plain_text(paragraph.children).startswith("A briefing note by the utility")


def test_imported_text_brief_is_canonical(text_brief: Brief, tmp_path: Path) -> None:
    path = tmp_path / "brief.xml"
    path.write_bytes(jats.write(text_brief, default_options(text_brief)))
    assert briefexport.load(path) == text_brief
    _validate_jats(path)


def _validate_jats(path: Path) -> None:
    done = validate_jats(path)
    assert done.returncode == 0, done.stdout + done.stderr


# --------------------------------------------------------------------------- diagnostics


def _problems(tmp_path: Path, text: str) -> list[str]:
    path = tmp_path / "broken.txt"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InvalidBriefError) as caught:
        import_file(path, kind="text")
    return [str(d) for d in caught.value.diagnostics if d.severity is Severity.ERROR]


def _source_without(pattern: str, replacement: str = "") -> str:
    return re.sub(pattern, replacement, TEXT_BRIEF.read_text(encoding="utf-8"))


def test_a_call_without_a_note_is_reported_at_its_line(tmp_path: Path) -> None:
    source = _source_without(r"living memory,", "living memory,<sup>9</sup>")
    (problem,) = _problems(tmp_path, source)
    lines = source.splitlines()
    line = lines.index(next(text for text in lines if "<sup>9" in text)) + 1
    assert problem.startswith(f"{tmp_path / 'broken.txt'}:{line}:")
    assert "footnote 9" in problem


def test_a_missing_date_is_reported(tmp_path: Path) -> None:
    problems = _problems(tmp_path, _source_without(r"March 3, 2025\n"))
    assert any("date" in p for p in problems)


def test_a_missing_byline_is_reported(tmp_path: Path) -> None:
    problems = _problems(tmp_path, _source_without(r"By  \n\*\*Selma Okonkwo-Reyes\*\*  \n"))
    assert any("'By' block" in p for p in problems)


def test_a_note_defined_twice_is_reported(tmp_path: Path) -> None:
    source = _source_without(r"<sup>3</sup> \"Mains", '<sup>2</sup> "Mains')
    assert any("defined twice" in p for p in _problems(tmp_path, source))


def test_text_that_is_not_utf8_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "latin1.txt"
    path.write_bytes("## TITLE\n\nBy\n**Ren\xe9**\n".encode("latin-1"))
    with pytest.raises(InvalidBriefError) as caught:
        import_file(path)
    assert "UTF-8" in str(caught.value.diagnostics[0])


# --------------------------------------------------------------------------- the real brief


def _seed_body_text(seed_path: Path) -> str:
    source = seed_path.read_text(encoding="utf-8")
    return source.split("*(", 1)[1]


def test_seed_front_page(seed_brief: Brief) -> None:
    meta = seed_brief.meta
    assert plain_text(meta.title).startswith("From Pariahs to Partners?")
    (author,) = meta.authors
    assert author.role == "Research Associate"
    (affiliation,) = author.affiliations
    assert affiliation.department == "Centre for Strategic Perspectives (CSP)"
    assert affiliation.institution == "ISSI"
    assert f"{affiliation.department}, {affiliation.institution}" == (
        "Centre for Strategic Perspectives (CSP), ISSI"
    )
    (editor,) = meta.editors
    assert editor.name.prefix == "Dr"
    assert meta.date.isoformat() == "2024-06-14"
    assert meta.disclaimer
    assert (meta.publisher, meta.journal_id, meta.series) == ("ISSI", "ISSI", "Issue Brief")


def test_seed_body_paragraphs(seed_brief: Brief, seed_path: Path) -> None:
    paragraphs = [b for b in seed_brief.body if isinstance(b, Paragraph)]
    assert len(paragraphs) == len(seed_brief.body)
    assert paragraphs[0].lead
    chunks = [c.strip() for c in re.split(r"\n\s*\n", _seed_body_text(seed_path)) if c.strip()]
    source_paragraphs = [
        c for c in chunks if not c.startswith(("---", "<sup>", "<http")) and not c.endswith(")*")
    ]
    split_by_pages = [c for c in source_paragraphs if c[0].islower()]
    assert len(split_by_pages) == 2
    assert len(paragraphs) == len(source_paragraphs) - len(split_by_pages) == 15
    assert not [p for p in paragraphs if plain_text(p.children)[0].islower()]


def test_seed_footnotes_are_called_where_the_source_calls_them(
    seed_brief: Brief, seed_path: Path
) -> None:
    body = _seed_body_text(seed_path)
    expected: dict[int, str] = {}
    for found in re.finditer(r"<sup>([\d,]+)</sup>", body):
        line_start = body.rfind("\n", 0, found.start()) + 1
        before = re.sub(r"<sup>[\d,]+</sup>|\*\*", "", body[line_start : found.start()])[-15:]
        for number in found[1].split(","):
            expected.setdefault(int(number), before)
    notes_by_number = {note.number: note for note in seed_brief.footnotes}
    assert sorted(notes_by_number) == list(range(1, 9)) == sorted(expected)
    seen: dict[int, str] = {}
    for paragraph in seed_brief.body:
        assert isinstance(paragraph, Paragraph)
        for index, inline in enumerate(paragraph.children):
            if isinstance(inline, FootnoteRef):
                seen.setdefault(inline.note.number, plain_text(paragraph.children[:index]))
    for number, before in expected.items():
        assert seen[number].endswith(before), number


def test_seed_footnotes_each_have_their_link(seed_brief: Brief, seed_path: Path) -> None:
    source = seed_path.read_text(encoding="utf-8")
    urls = re.findall(r"<(https?://[^>]+)>", source)
    assert len(urls) == 8
    for note, url in zip(seed_brief.footnotes, urls, strict=True):
        (paragraph,) = note.paragraphs
        (citation,) = paragraph.children
        assert isinstance(citation, Citation)
        assert [i.href for i in find(citation.children, Link)] == [url]
        assert _parts(citation, CitationField.ARTICLE_TITLE)
        assert [c for c in citation.children if isinstance(c, CitedDate)]


def test_seed_validates_against_the_profile_and_the_dtd(seed_brief: Brief, tmp_path: Path) -> None:
    path = tmp_path / "seed.xml"
    path.write_bytes(jats.write(seed_brief, default_options(seed_brief)))
    assert briefexport.load(path) == seed_brief
    _validate_jats(path)


@pytest.mark.slow
def test_seed_exports_pass_conformance(seed_brief: Brief, tmp_path: Path) -> None:
    path = tmp_path / "seed.xml"
    path.write_bytes(jats.write(seed_brief, default_options(seed_brief)))
    tool = require_shared(CONFORMANCE)
    if shutil.which("java") is None:
        pytest.fail("conformance needs Java for EPUBCheck")
    checked = ",".join(name for name in ("jats", "pdf", "epub", "docx", "html") if name in FORMATS)
    done = subprocess.run(
        [sys.executable, str(tool), "--formats", checked, str(path)],
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-2000:]
    assert "FAIL" not in done.stdout


def test_an_impossible_date_is_reported_as_such(tmp_path: Path) -> None:
    source = _source_without(r"March 3, 2025", "February 30, 2025")
    (problem,) = _problems(tmp_path, source)
    line = source.splitlines().index("February 30, 2025") + 1
    assert problem == (
        f"{tmp_path / 'broken.txt'}:{line}:1: error:"
        " 'February 30, 2025' is an impossible date: no such day exists"
    )


@pytest.mark.parametrize("rest", ["", " More text ends."])
def test_a_note_call_after_a_full_stop_ends_the_paragraph_before_a_page_break(
    tmp_path: Path, rest: str
) -> None:
    source = (
        "## A TITLE\n\nBy\n**Ada Example**\n*Dept of Things, Example Institute*\n\n"
        "June 14, 2024\n\nThe first paragraph.\n\n"
        f"The second paragraph ends here.<sup>1</sup>{rest}\n\n---\n\n<sup>1</sup> A note.\n\n"
        "The third paragraph starts a new thought.\n"
    )
    path = tmp_path / "split.txt"
    path.write_text(source, encoding="utf-8")
    brief = import_file(path, publisher="Example Institute")
    texts = [plain_text(b.children) for b in brief.body if isinstance(b, Paragraph)]
    assert len(texts) == 3
    assert texts[2] == "The third paragraph starts a new thought."


def test_a_month_and_year_is_no_impossible_date(tmp_path: Path) -> None:
    source = _source_without(r"March 3, 2025", "March 2025")
    problems = _problems(tmp_path, source)
    assert not [problem for problem in problems if "impossible date" in problem], problems
    assert not impossible_printed_date("March 2025")
    assert impossible_printed_date("February 30, 2025")
