"""What the Markdown block converters share: diagnostics, the image folder, line numbers, notes,
the figure paths so far.

markdown-it maps each block to its source lines, not columns; a block's position in the model is
its first line at its first non-blank character, and a link's the ``[`` (or ``<``) that opens it
on the line where it starts.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from markdown_it.tree import SyntaxTreeNode

from ..model import Footnote, Reference, SourcePosition
from ..shared.filenames import FigurePaths
from .mdinline import InlineContext
from .problems import Problems


@dataclass
class BodyContext:
    """Where the body comes from: diagnostics, image folder, source line numbers and text.

    ``line_of`` maps a line index of the parsed Markdown to a line of the source, whose text is
    ``source_lines`` (empty when the Markdown was not read from a file: columns are then 1).
    """

    problems: Problems
    base_dir: Path
    line_of: Callable[[int], int] = lambda index: index + 1
    notes: dict[str, Footnote] = field(default_factory=dict)
    references: dict[str, Reference] = field(default_factory=dict)
    source_lines: tuple[str, ...] = ()
    figure_paths: FigurePaths = field(default_factory=FigurePaths)
    ids: dict[str, int] = field(default_factory=dict)  # id -> the line that gave it
    no_notes_in: str | None = None  # names the place when footnotes cannot be called there

    def inline_context(self, node: SyntaxTreeNode) -> InlineContext:
        """An inline context for ``node``, resolving footnote calls by label."""
        start = _map_start(node)

        def locate(offset: int, href: str) -> SourcePosition | None:
            if start is None:
                return None
            line = self.line_of(start + offset)
            return SourcePosition(line, link_column(self.text_of(line), href))

        return InlineContext(
            self.problems,
            self.line(node),
            self.notes.get,
            self.references.get,
            no_notes_in=self.no_notes_in,
            locate=locate,
        )

    def claim_id(self, ident: str | None, where: SourcePosition) -> str | None:
        """``ident`` given at ``where``; an id given twice (or a note's or reference's) is an
        error here, at the source, not in the XML written from it."""
        if ident is None:
            return None
        if ident in self.ids:
            message = f"id {ident!r} is already used on line {self.ids[ident]}; ids must be unique"
            self.problems.error(where.line, message, where.column)
        self.ids.setdefault(ident, where.line)
        return ident

    def line(self, node: SyntaxTreeNode) -> int:
        """The source line where ``node`` starts (its nearest mapped ancestor's otherwise)."""
        start = _map_start(node)
        return 1 if start is None else self.line_of(start)

    def position(self, node: SyntaxTreeNode) -> SourcePosition:
        """Where ``node`` starts: its line, at the line's first non-blank character."""
        line = self.line(node)
        text = self.text_of(line)
        return SourcePosition(line, len(text) - len(text.lstrip()) + 1)

    def text_of(self, line: int) -> str:
        """The source line numbered ``line`` ("" when unknown)."""
        return self.source_lines[line - 1] if 0 < line <= len(self.source_lines) else ""


def _map_start(node: SyntaxTreeNode) -> int | None:
    """The first line index of ``node`` or of its nearest mapped ancestor."""
    current: SyntaxTreeNode | None = node
    while current is not None and not current.is_root and current.map is None:
        current = current.parent
    if current is None or current.is_root or not current.map:
        return None
    return current.map[0]


def link_column(text: str, href: str) -> int:
    """Column of the ``[`` opening the link to ``href`` on ``text``, or of its ``<`` for an
    autolink; for a link whose text goes on to the next line, the bracket left open on ``text``;
    else the line's first non-blank character."""
    target = max(text.find(f"]({href}"), text.find(f"](<{href}"))
    depth = 0
    for index in range(target, -1, -1):
        depth += {"]": 1, "[": -1}.get(text[index], 0)
        if depth == 0 and text[index] == "[":
            return index + 1
    autolink = text.find(f"<{href}>")
    if autolink >= 0:
        return autolink + 1
    opened: list[int] = []
    for index, char in enumerate(text):
        if char == "[":
            opened.append(index)
        elif char == "]" and opened:
            opened.pop()
    return opened[0] + 1 if opened else len(text) - len(text.lstrip()) + 1
