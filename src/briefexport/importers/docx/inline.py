"""Runs of a Word paragraph (as mammoth reads them) to the model's inline content.

Direct formatting becomes the profile's formatting (bold, italic, underline, superscript,
subscript, small caps); the "Verbatim Char" style or a monospace font becomes monospace;
strike-through and all caps keep their text. Hyperlinks stay links (http, https, mailto); an
internal link to the bookmark on a footnote call (a Word cross-reference) is another call of that
note, one to a reference-list entry a reference call. Word footnotes (and endnotes) become notes,
numbered by first call, with their paragraphs; a note that reads as a web citation gets a
structured citation, as in the Markdown importer. A raised comma between two calls ("4,5", typed
by hand or written by our DOCX writer; the Arabic comma "4،5" alike) is dropped: two calls side
by side are the model's way of saying it, and every writer prints the separator again.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from ...inlines import canonical
from ...model import (
    CitationRef,
    Footnote,
    FootnoteRef,
    Inline,
    Link,
    Paragraph,
    Reference,
    Styled,
    Text,
    TextStyle,
)
from ...rules.citations import citation_from_text
from ...shared.characters import first_forbidden, forbidden_message
from ...shared.notes import CALL_SEPARATORS
from ..links import usable_href
from ..problems import Problems

MONOSPACE_FONTS = ("courier", "consolas", "menlo", "monaco", "mono", "lucida console")
CODE_STYLES = frozenset({"verbatim char", "html code", "source code char"})


@dataclass
class Reading:
    """What reading one document shares: diagnostics, notes, bookmarks, references."""

    problems: Problems
    resolve_note: Callable[[Any], Any]
    note_bookmarks: dict[str, tuple[str, str]] = field(default_factory=dict)
    reference_bookmarks: dict[str, Reference] = field(default_factory=dict)
    notes: dict[tuple[str, str], Footnote] = field(default_factory=dict)
    line: int = 1
    _repeated: dict[str, list[int]] = field(default_factory=dict)

    def repeated(self, message: str) -> None:
        """A loss reported once, with a count, at the paragraph where it first happened."""
        seen = self._repeated.setdefault(message, [self.line, 0])
        seen[1] += 1

    def refuse_forbidden(self, text: str) -> None:
        """An error at this paragraph when ``text`` holds a character no brief may hold."""
        found = first_forbidden(text)
        if found:
            self.problems.error(self.line, forbidden_message(found.group()))

    def flush(self) -> None:
        """Report the repeated notices (call once, at the end)."""
        for message, (line, count) in self._repeated.items():
            times = f" ({count} times, first here)" if count > 1 else ""
            self.problems.warning(line, message + times)
        self._repeated.clear()


class InlineReader:
    """Converts the children of one paragraph; ``in_note`` when reading a note's body, ``calls``
    False where no footnote may be called (titles, captions, cells, the front matter)."""

    def __init__(self, reading: Reading, in_note: bool = False, calls: bool = True) -> None:
        self.reading = reading
        self.in_note = in_note
        self.calls = calls and not in_note

    def paragraph(self, paragraph: Any) -> tuple[Inline, ...]:
        """A paragraph's content in normal form."""
        return canonical(merge_styled(without_call_separators(self.children(paragraph.children))))

    def children(self, elements: list[Any]) -> list[Inline]:
        """Converted elements, in order."""
        return [inline for element in elements for inline in self.element(element)]

    def element(self, element: Any) -> list[Inline]:
        """One element of mammoth's tree inside a paragraph."""
        kind = type(element).__name__
        if kind == "Text":
            self.reading.refuse_forbidden(element.value)
            return [Text(element.value.translate(WORD_CONTROLS))]
        if kind in ("Tab", "Break"):
            return [Text(" ")] if getattr(element, "break_type", "line") == "line" else []
        handler = _HANDLERS.get(kind)
        if handler is not None:
            return handler(self, element)
        if kind != "Bookmark":
            self.reading.repeated(f"Word {_describe(kind)} dropped")
        return []

    def run(self, run: Any) -> list[Inline]:
        content = self.children(run.children)
        if not content or all(isinstance(i, FootnoteRef | CitationRef) for i in content):
            return content  # a call keeps its own look; an empty run holds nothing
        if len(content) == 1 and _is_separator(content[0]) and _raised(run):
            return [Styled(TextStyle.SUPERSCRIPT, tuple(content))]
        if run.is_strikethrough or run.is_all_caps:
            self.reading.repeated("strike-through and all-caps formatting dropped (text kept)")
        for style in _styles(run):
            content = [Styled(style, tuple(content))]
        return content

    def hyperlink(self, link: Any) -> list[Inline]:
        content = self.children(link.children)
        if not content:
            return []  # mammoth wraps a field's empty marker runs too
        if link.anchor:
            return self._internal(link.anchor, content)
        href = usable_href(link.href or "")
        if href is None:
            self.reading.repeated(f"link {str(link.href)[:60]!r} is not http, https or mailto")
            return content
        return [Link(href, tuple(content))]

    def _internal(self, anchor: str, content: list[Inline]) -> list[Inline]:
        note = self.reading.note_bookmarks.get(anchor)
        if note is not None:
            known = self.calls and note in self.reading.notes
            return [FootnoteRef(self.reading.notes[note])] if known else []
        reference = self.reading.reference_bookmarks.get(anchor)
        if reference is not None:
            return [CitationRef(reference)]
        self.reading.repeated("internal links (to bookmarks) kept as their text")
        return content

    def note_call(self, reference: Any) -> list[Inline]:
        if not self.calls:
            where = "a footnote" if self.in_note else "a title, caption or table cell"
            self.reading.repeated(f"a footnote call inside {where} dropped")
            return []
        key = (reference.note_type, reference.note_id)
        if key not in self.reading.notes:
            self.reading.notes[key] = self._read_note(reference, len(self.reading.notes) + 1)
        return [FootnoteRef(self.reading.notes[key])]

    def _read_note(self, reference: Any, number: int) -> Footnote:
        if reference.note_type != "footnote":
            self.reading.repeated("endnotes become footnotes")
        note = self.reading.resolve_note(reference)
        reader = InlineReader(self.reading, in_note=True)
        paragraphs = []
        for block in note.body:
            if type(block).__name__ != "Paragraph":
                self.reading.repeated("tables inside footnotes dropped")
                continue
            content = reader.paragraph(block)
            paragraphs.append(Paragraph(content))
        found = citation_from_text(paragraphs[0].children) if len(paragraphs) == 1 else None
        kept = (Paragraph((found,)),) if found else tuple(p for p in paragraphs if p.children)
        return Footnote(f"fn{number}", number, kept or (Paragraph(()),))


# What our DOCX writer adds for layout only: Word's non-breaking hyphen in code (mammoth reads
# it as U+2011) and the bidi isolate controls around runs in the other direction.
WORD_CONTROLS = str.maketrans({"\u2011": "-", "\u2066": None, "\u2067": None, "\u2069": None})


def _is_separator(inline: Inline) -> bool:
    return isinstance(inline, Text) and inline.value in CALL_SEPARATORS


def _is_raised_separator(inline: Inline) -> bool:
    return (
        isinstance(inline, Styled)
        and inline.style is TextStyle.SUPERSCRIPT
        and len(inline.children) == 1
        and _is_separator(inline.children[0])
    )


def _raised(run: Any) -> bool:
    """Whether the run is raised: in the Footnote Reference style, or as a superscript."""
    style = (run.style_name or "").lower()
    return style == "footnote reference" or run.vertical_alignment == "superscript"


def without_call_separators(inlines: list[Inline]) -> list[Inline]:
    """``inlines`` without a raised comma that stands between two footnote calls."""
    kept: list[Inline] = []
    for index, inline in enumerate(inlines):
        after = inlines[index + 1] if index + 1 < len(inlines) else None
        beside_calls = isinstance(after, FootnoteRef) and bool(kept)
        if _is_raised_separator(inline) and beside_calls and isinstance(kept[-1], FootnoteRef):
            continue
        kept.append(inline)
    return kept


def _styles(run: Any) -> list[TextStyle]:
    """The run's formatting, innermost first."""
    found = []
    style = (run.style_name or "").lower()
    font = (run.font or "").lower()
    if style in CODE_STYLES or any(name in font for name in MONOSPACE_FONTS):
        found.append(TextStyle.MONOSPACE)
    vertical = {"superscript": TextStyle.SUPERSCRIPT, "subscript": TextStyle.SUBSCRIPT}
    if run.vertical_alignment in vertical and style not in ("footnote reference",):
        found.append(vertical[run.vertical_alignment])
    flags = (
        (run.is_small_caps, TextStyle.SMALL_CAPS),
        (run.is_underline and style != "hyperlink", TextStyle.UNDERLINE),
        (run.is_italic, TextStyle.ITALIC),
        (run.is_bold, TextStyle.BOLD),
    )
    return found + [kind for flag, kind in flags if flag]


def merge_styled(inlines: list[Inline]) -> list[Inline]:
    """Adjacent runs with the same formatting as one (Word splits runs freely)."""
    out: list[Inline] = []
    for inline in inlines:
        last = out[-1] if out else None
        if isinstance(inline, Styled) and isinstance(last, Styled) and last.style == inline.style:
            out[-1] = Styled(last.style, tuple(merge_styled([*last.children, *inline.children])))
        elif isinstance(inline, Styled):
            out.append(Styled(inline.style, tuple(merge_styled(list(inline.children)))))
        else:
            out.append(inline)
    return out


def _describe(kind: str) -> str:
    names = {"Image": "image inside text", "CommentReference": "comment", "Checkbox": "checkbox"}
    return names.get(kind, kind.lower())


_HANDLERS: dict[str, Callable[[InlineReader, Any], list[Inline]]] = {
    "Run": InlineReader.run,
    "Hyperlink": InlineReader.hyperlink,
    "NoteReference": InlineReader.note_call,
}
