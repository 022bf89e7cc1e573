"""What the Markdown block converters share: diagnostics, the image folder, line numbers, notes."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from markdown_it.tree import SyntaxTreeNode

from ..model import Footnote, Reference
from .mdinline import InlineContext
from .problems import Problems


@dataclass
class BodyContext:
    """Where the body comes from: diagnostics, image folder, and source line numbers."""

    problems: Problems
    base_dir: Path
    line_of: Callable[[int], int] = lambda index: index + 1
    notes: dict[str, Footnote] = field(default_factory=dict)
    references: dict[str, Reference] = field(default_factory=dict)

    def inline_context(self, node: SyntaxTreeNode) -> InlineContext:
        """An inline context for ``node``, resolving footnote calls by label."""
        return InlineContext(self.problems, self.line(node), self.notes.get, self.references.get)

    def line(self, node: SyntaxTreeNode) -> int:
        """The source line where ``node`` starts (its nearest mapped ancestor's otherwise)."""
        current: SyntaxTreeNode | None = node
        while current is not None and not current.is_root and current.map is None:
            current = current.parent
        if current is None or current.is_root or not current.map:
            return 1
        return self.line_of(current.map[0])
