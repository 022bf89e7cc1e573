"""The reference list of a Markdown brief, written in the front matter::

    references:
      - id: smith2020
        citation: '[Smith, J.]{.person-group}, [Ports]{.source}, 2020.'
        type: book

``citation`` is Markdown inline text: a whole ``[..]{.citation type=..}`` span, or text read as a
web citation when it has that shape, or any text (publication type ``type``, default "other").
The body calls an entry with ``[@smith2020]{.cite}``.
"""

from __future__ import annotations

from ..model import Citation, Inline, PublicationType, Reference
from ..rules.citations import citation_from_text
from .fmload import FrontMatter
from .frontmatter import InlineParser
from .placement import Place, misplaced
from .problems import Problems


def build_references(
    front: FrontMatter, parse_inline: InlineParser, problems: Problems
) -> tuple[Reference, ...]:
    """The entries of ``references`` in list order, numbered from 1."""
    entries = front.values.get("references") or []
    line = front.line("references")
    if not isinstance(entries, list):
        problems.error(line, "references must be a list of entries with id and citation")
        return ()
    references: list[Reference] = []
    for entry in entries:
        if not isinstance(entry, dict) or not entry.get("id") or not entry.get("citation"):
            problems.error(line, f"reference {entry!r} needs an id and a citation")
            continue
        inlines = parse_inline(str(entry["citation"]), line)
        citation = as_citation(inlines, str(entry.get("type") or "other"), problems, line)
        problem = misplaced(citation.children, Place.CITATION)
        if problem is not None:
            problems.error(line, f"reference {entry['id']!r}: {problem}")
        references.append(Reference(str(entry["id"]), len(references) + 1, citation))
    return tuple(references)


def as_citation(inlines: tuple[Inline, ...], kind: str, problems: Problems, line: int) -> Citation:
    """``inlines`` as one citation: the explicit span, the web-citation shape, or plain."""
    if len(inlines) == 1 and isinstance(inlines[0], Citation):
        return inlines[0]
    heuristic = citation_from_text(inlines)
    if heuristic is not None:
        return heuristic
    try:
        return Citation(PublicationType(kind), inlines)
    except ValueError:
        problems.error(line, f"citation type {kind!r} is unknown")
        return Citation(PublicationType.OTHER, inlines)
