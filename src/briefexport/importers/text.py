"""Import a brief that survives only as text extracted from its PDF.

The front page is read by ``textlayout``. The body is made of blank-line separated paragraphs in
Markdown-style markup, interrupted at each page end by a footnote block::

    ---
    <sup>1</sup> "Title", Source, published on May 27, 2024.
    <https://example.org/page>             (on the next line, or after a blank line)

The importer rewrites the body as canonical Markdown (``<sup>4,5</sup>`` calls become
``[^fn4][^fn5]``, the notes ``[^fnN]:`` definitions, a wholly bold first paragraph the ``{.lead}``
paragraph) and
hands it to the Markdown importer, keeping a map back to the source lines for diagnostics.
A paragraph cut by a page break (the text after a footnote block starts with a lower-case word, or
the text before it does not end a sentence) is joined again.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from ..inlines import plain_text
from ..model import Brief, Inline, Metadata
from ..rules.blank import is_blank
from .body import convert_body, parse_markdown
from .defaults import DEFAULT_LANGUAGE, DEFAULT_SERIES, Fallbacks
from .markdown import inline_parser
from .mdcontext import BodyContext
from .names import journal_id_for
from .placement import Place, misplaced
from .problems import Problems
from .textlayout import Chunk, FrontPage, read_front_page, split_chunks, unwrap
from .titlecase import is_all_caps, title_case

_RULE = re.compile(r"^\s*(-{3,}|\*{3,}|_{3,})\s*$")
_NOTE_START = re.compile(r"^\s*<sup>\s*(\d+)\s*</sup>\s*")
_URL_ONLY = re.compile(r"^\s*<?(https?://\S+?)>?\s*$")
_CALL = re.compile(r"<sup>\s*(\d+(?:\s*,\s*\d+)*)\s*</sup>")
_SENTENCE_END = re.compile(r"[.!?:;\"\u201d\u2019)\]]\**$")
_TRAILING_CALLS = re.compile(r"(?:\s*<sup>\s*\d+(?:\s*,\s*\d+)*\s*</sup>)+(?=\**$)")
_LEAD = re.compile(r"^\*\*(?P<inner>.+)\*\*$", re.DOTALL)


@dataclass
class _Note:
    number: int
    line: int
    lines: list[tuple[str, int]] = field(default_factory=list)


@dataclass
class _Layout:
    """Body paragraphs (lines with their source line numbers) and notes, in source order."""

    paragraphs: list[list[tuple[str, int]]] = field(default_factory=list)
    notes: dict[int, _Note] = field(default_factory=dict)


def import_text(
    source: str, problems: Problems, base_dir: Path, fallbacks: Fallbacks | None = None
) -> Brief:
    """The brief in the extracted text ``source``; raises InvalidBriefError on problems."""
    chunks = split_chunks(source)
    page = read_front_page(chunks)
    layout = _read_body(chunks[page.rest :], problems)
    markdown, lines = _as_markdown(layout, problems)
    context = BodyContext(
        problems,
        base_dir,
        lambda index: lines[min(index, len(lines) - 1)],
        source_lines=tuple(source.split("\n")),
    )
    body, footnotes = convert_body(parse_markdown(markdown), context)
    meta = _metadata(page, problems, context, fallbacks or Fallbacks())
    problems.raise_if_errors()
    assert meta is not None  # _metadata reports an error whenever it gives None
    return Brief(meta=meta, body=body, footnotes=footnotes)


# ---------------------------------------------------------------------- body layout


def _read_body(chunks: list[Chunk], problems: Problems) -> _Layout:
    layout = _Layout()
    in_notes = after_break = False
    for chunk in chunks:
        if _RULE.match(chunk.text):
            in_notes, after_break = not in_notes, True
        elif in_notes and _NOTE_START.match(chunk.lines[0]):
            _start_note(chunk, layout, problems)
        elif in_notes and layout.notes and _URL_ONLY.match(chunk.text):
            last = layout.notes[max(layout.notes)]
            last.lines += [(line, chunk.line + i) for i, line in enumerate(chunk.lines)]
        else:
            in_notes = False
            _add_paragraph(chunk, layout, joins=after_break)
            after_break = False
    return layout


def _start_note(chunk: Chunk, layout: _Layout, problems: Problems) -> None:
    found = _NOTE_START.match(chunk.lines[0])
    assert found is not None
    number = int(found[1])
    if number in layout.notes:
        problems.error(chunk.line, f"footnote {number} is defined twice")
    note = _Note(number, chunk.line, [(chunk.lines[0][found.end() :], chunk.line)])
    note.lines += [(line, chunk.line + i) for i, line in enumerate(chunk.lines[1:], start=1)]
    layout.notes[number] = note


def _add_paragraph(chunk: Chunk, layout: _Layout, joins: bool) -> None:
    lines = [(line, chunk.line + i) for i, line in enumerate(chunk.lines)]
    previous = layout.paragraphs[-1] if layout.paragraphs else None
    if joins and previous is not None and _continues(previous[-1][0], chunk.text):
        previous.extend(lines)
    else:
        layout.paragraphs.append(lines)


def _continues(before: str, after: str) -> bool:
    """True when a page break cut a paragraph between ``before`` and ``after``."""
    if re.match(r"\s*(#|>|[-+*]\s|\d+[.)]\s)", after):
        return False
    first_word = unwrap(after)[:1]
    # a note call after the full stop ("ends here.<sup>2</sup>") still ends the sentence
    end = _TRAILING_CALLS.sub("", before.rstrip())
    return first_word.islower() or not _SENTENCE_END.search(end)


def _as_markdown(layout: _Layout, problems: Problems) -> tuple[str, list[int]]:
    """The body as Markdown, and the source line of each Markdown line."""
    out: list[tuple[str, int]] = []
    for index, paragraph in enumerate(layout.paragraphs):
        lines = [(_calls(text, line, layout, problems), line) for text, line in paragraph]
        if index == 0:
            lines = _lead(lines)
        out += [*lines, ("", lines[-1][1])]
    for note in layout.notes.values():
        text = " ".join(_url_as_link(part) for part, _ in note.lines if part.strip())
        out += [(f"[^fn{note.number}]: {text}", note.line), ("", note.line)]
    return "\n".join(text for text, _ in out), [line for _, line in out] or [1]


def _calls(text: str, line: int, layout: _Layout, problems: Problems) -> str:
    def replace(found: re.Match[str]) -> str:
        numbers = [int(n) for n in found[1].split(",")]
        missing = [n for n in numbers if n not in layout.notes]
        if missing:
            problems.error(
                line, f"call to footnote {missing[0]} that has no note", found.start() + 1
            )
            return found[0]
        return "".join(f"[^fn{n}]" for n in numbers)

    return _CALL.sub(replace, text)


def _lead(lines: list[tuple[str, int]]) -> list[tuple[str, int]]:
    """Mark a wholly bold first paragraph as the lead (its bold is the lead's style)."""
    found = _LEAD.match("\n".join(text for text, _ in lines))
    if found is None or "**" in found["inner"]:
        return lines
    inner = found["inner"].split("\n")
    return [
        ("{.lead}", lines[0][1]),
        *((text, line) for text, (_, line) in zip(inner, lines, strict=True)),
    ]


def _url_as_link(text: str) -> str:
    found = _URL_ONLY.match(text)
    return f"<{found[1]}>" if found else text.strip()


# ---------------------------------------------------------------------- metadata


def _title_text(page: FrontPage, problems: Problems) -> str:
    """The title line, in title case when the PDF set it in capitals (with a warning)."""
    if not is_all_caps(page.title):
        return page.title
    cased = title_case(page.title)
    problems.warning(
        page.title_line, f"title was set in capitals; imported in title case as {cased!r}"
    )
    return cased


def _no_date(page: FrontPage, problems: Problems) -> None:
    if page.impossible_date is not None:
        line, text = page.impossible_date
        problems.error(line, f"{text!r} is an impossible date: no such day exists")
    else:
        problems.error(page.title_line, "no date line (such as 'June 14, 2024') found")


def _metadata(
    page: FrontPage, problems: Problems, context: BodyContext, fallbacks: Fallbacks
) -> Metadata | None:
    title = _placed(_title_text(page, problems), page.title_line, Place.PHRASE, context)
    page.date = page.date or fallbacks.date
    _report_missing(page, title, problems)
    publisher = _publisher(page, fallbacks, problems)
    if not title or not page.authors or page.date is None or not publisher:
        return None
    if fallbacks.series is None:
        problems.warning(page.title_line, f"no series line; using {DEFAULT_SERIES!r}")
    return Metadata(
        language=DEFAULT_LANGUAGE,
        series=fallbacks.series or DEFAULT_SERIES,
        journal_id=journal_id_for(publisher) or publisher,
        publisher=publisher,
        title=title,
        authors=tuple(page.authors),
        date=page.date,
        subtitle=_placed(page.subtitle, page.title_line, Place.PHRASE, context),
        editors=tuple(page.editors),
        affiliations=tuple(page.affiliations),
        disclaimer=_placed(page.disclaimer, page.title_line, Place.PARAGRAPH, context),
    )


def _placed(text: str, line: int, place: Place, context: BodyContext) -> tuple[Inline, ...]:
    """A front-page line as inlines; what its place cannot hold (a link in the title) is
    reported at the title line."""
    inlines = inline_parser(context)(text, line)
    problem = misplaced(inlines, place)
    if problem is not None:
        context.problems.error(line, problem)
    return inlines


def _report_missing(page: FrontPage, title: tuple[Inline, ...], problems: Problems) -> None:
    """Report a missing title, author or date."""
    if not title:
        problems.error(page.title_line, "no title line found")
    elif is_blank(plain_text(title)):
        message = "the title line holds nothing but spaces or invisible characters"
        problems.error(page.title_line, message)
    if not page.authors:
        problems.error(page.title_line, "no 'By' block with the author found")
    if page.date is None:
        _no_date(page, problems)


def _publisher(page: FrontPage, fallbacks: Fallbacks, problems: Problems) -> str | None:
    """The publisher given, else the first author's institution; reported when there is none
    to take."""
    institutions = [aff.institution for person in page.authors for aff in person.affiliations]
    publisher = fallbacks.publisher or (institutions[0] if institutions else None)
    if page.authors and not publisher:
        problems.error(page.title_line, "no author affiliation to take the publisher from")
    return publisher
