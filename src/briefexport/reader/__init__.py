"""Read a canonical brief (the JATS 1.3 profile of ``docs/format.md``) into the typed model.

Order of work: safe parse → RELAX NG schema (all errors, capped) → semantic checks → model.
Footnotes are numbered by first call, references by list order, and every call resolved.
"""

from __future__ import annotations

from pathlib import Path

from lxml import etree

from ..errors import Diagnostic, InvalidBriefError, Severity
from ..model import Brief, Footnote, Reference
from .blocks import Context, blocks, citation, paragraphs, source_of
from .checks import check_brief
from .locate import Locator
from .meta import metadata
from .parse import RejectedError, parse_untrusted, read_limited, validate_schema
from .tokens import normalise_tokens

__all__ = ["parse_brief", "read_brief"]


def read_brief(path: Path) -> tuple[Brief, list[Diagnostic]]:
    """Read the brief at ``path``; figures are read from its folder. Returns warnings too."""
    name = str(path)
    try:
        data = read_limited(path, name)
    except RejectedError as rejected:
        raise InvalidBriefError(rejected.diagnostics) from None
    origin = path.resolve()
    brief, warnings = parse_brief(data, name=name, base_dir=origin.parent)
    return Brief(brief.meta, brief.body, brief.footnotes, brief.references, origin), warnings


def parse_brief(
    data: bytes, *, name: str = "<brief>", base_dir: Path | None = None
) -> tuple[Brief, list[Diagnostic]]:
    """Parse brief XML ``data``; raise :class:`InvalidBriefError` listing every error."""
    try:
        tree = parse_untrusted(data, name)
    except RejectedError as rejected:
        raise InvalidBriefError(rejected.diagnostics) from None
    at = Locator(name, data)
    found = validate_schema(tree, at)
    if tree.getroot().tag == "article":
        normalise_tokens(tree.getroot())
        said = {(d.line, d.column) for d in found}
        found += [d for d in check_brief(tree.getroot(), at, said, data) if d not in found]  # once
    if not _has_errors(found):
        ctx = Context({}, {}, base_dir, at, found)
        brief = _build(tree.getroot(), ctx)
    if _has_errors(found):
        raise InvalidBriefError(found)
    return brief, found


def _has_errors(found: list[Diagnostic]) -> bool:
    return any(d.severity is Severity.ERROR for d in found)


def _build(root: etree._Element, ctx: Context) -> Brief:
    ctx.references = _references(root, ctx)
    ctx.notes = _footnotes(root, ctx)
    body = root.find("body")
    assert body is not None
    return Brief(
        meta=metadata(root, ctx),
        body=blocks(body, ctx),
        footnotes=tuple(sorted(ctx.notes.values(), key=lambda note: note.number)),
        references=tuple(ctx.references.values()),
    )


def _references(root: etree._Element, ctx: Context) -> dict[str, Reference]:
    found = {}
    for number, ref in enumerate(root.iterfind("back/ref-list/ref"), start=1):
        element = ref.find("mixed-citation")
        assert element is not None
        found[ref.get("id", "")] = Reference(ref.get("id", ""), number, citation(element, ctx))
    return found


def _footnotes(root: etree._Element, ctx: Context) -> dict[str, Footnote]:
    order = _first_call_order(root)
    called = len(order)
    for element in root.iterfind("back/fn-group/fn"):
        order.setdefault(element.get("id", ""), len(order) + 1)
    notes: dict[str, Footnote] = {}
    for element in root.iterfind("back/fn-group/fn"):
        ident = element.get("id", "")
        number = order[ident]
        if called == len(order):  # a note never called moves the others: its warning says so
            _check_label(element, number, ctx)
        notes[ident] = Footnote(ident, number, paragraphs(element, ctx), source_of(element, ctx))
    return notes


def _first_call_order(root: etree._Element) -> dict[str, int]:
    order: dict[str, int] = {}
    for xref in root.iterfind("body//xref[@ref-type='fn']"):
        order.setdefault(xref.get("rid", ""), len(order) + 1)
    return order


def _check_label(element: etree._Element, number: int, ctx: Context) -> None:
    label = element.findtext("label")
    if label is not None and label.strip() != str(number):
        message = (
            f"footnote label {label.strip()!r} differs from its number {number}"
            " (numbering follows the first call)"
        )
        ctx.problems.append(ctx.at.warning(element, message))
