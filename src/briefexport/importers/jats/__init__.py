"""Import any JATS article (NISO JATS 1.0-1.4, NLM 3.0; Archiving, Publishing or Authoring) as a
canonical brief.

The article is parsed with the same safe settings as a brief
(:mod:`briefexport.shared.safexml`): its DOCTYPE is recognised (:mod:`.prolog`) and never
loaded, entities, internal subsets and XInclude are refused, and nothing is fetched. Then
everything the canonical profile can hold is mapped (``front`` by :mod:`.front`, the body by
:mod:`.blocks`, notes and references by :mod:`.back`), and each element that has to be dropped or
simplified is reported as a located warning (:mod:`.notices`). docs/importing.md lists what is
kept, converted and dropped.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from lxml import etree

from ...errors import InvalidBriefError
from ...model import Block, Brief, Paragraph, Section, Text
from ...shared import safexml
from ...shared.characters import forbidden_in_tree, forbidden_message
from ..defaults import Fallbacks
from ..ids import IdRegistry
from ..numbering import number_notes
from ..problems import Problems
from .back import back_notes, back_sections, inline_note, references
from .blocks import BlockBuilder
from .citations import citation
from .context import JatsContext, Level, Scope, local_name, text_of
from .front import metadata
from .notices import Notices
from .prolog import DoctypeReport
from .structure import sections_last

DROPPED_AT_ROOT = ("floats-group", "sub-article", "response")


def import_jats(data: bytes, problems: Problems, base_dir: Path, fallbacks: Fallbacks) -> Brief:
    """The brief the article ``data`` holds; raises InvalidBriefError listing every problem."""
    root = _parse(data, problems)
    notices = Notices(problems, data)
    _refuse_control_characters(root, notices)
    reserved = (str(element.get("id")) for element in root.iter() if element.get("id"))
    ctx = JatsContext(notices, base_dir, IdRegistry(reserved))
    ctx.references = references(root, ctx)
    ctx.notes = back_notes(root, ctx)
    ctx.build_note = lambda element: inline_note(element, ctx)
    ctx.build_citation = lambda element: citation(element, Scope(ctx, Level.NOTE))
    draft = _body(root, ctx)
    meta = metadata(root, ctx, fallbacks)
    body, footnotes, uncalled = number_notes(tuple(draft), ctx.notes.values())
    if uncalled:
        body += tuple(_uncalled_sections(root, [note.id for note in uncalled], ctx))
        footnotes = footnotes[: len(footnotes) - len(uncalled)]
    notices.flush()
    problems.diagnostics.sort(key=lambda found: (found.line, found.column))
    problems.raise_if_errors()
    assert meta is not None  # metadata() reports an error whenever it gives None
    return Brief(meta, body, footnotes, tuple(ctx.references.values()))


def _parse(data: bytes, problems: Problems) -> etree._Element:
    report = DoctypeReport()
    try:
        tree = safexml.parse_screened(data, problems.file, report.policy, noun="an article")
    except safexml.RejectedError as rejected:
        raise InvalidBriefError(rejected.diagnostics) from None
    for line, message in report.warnings:
        problems.warning(line, message)
    root = tree.getroot()
    if root.tag != "article":
        qname = etree.QName(root) if isinstance(root.tag, str) else None
        shown = qname.localname if qname else "?"
        where = f" in namespace {qname.namespace}" if qname and qname.namespace else ""
        message = f"root element is <{shown}>{where}; a JATS article is an <article>"
        problems.error(root.sourceline or 1, message + " without a namespace")
        problems.raise_if_errors()
    return root


def _refuse_control_characters(root: etree._Element, notices: Notices) -> None:
    """XML 1.0 takes U+007F-U+009F but discourages them (save U+0085); every input refuses them
    (:mod:`briefexport.shared.characters`), this one at the element whose text or attribute
    holds one."""
    for where, found in forbidden_in_tree(root):
        notices.error(where, forbidden_message(found))


def _body(root: etree._Element, ctx: JatsContext) -> list[Block]:
    builder = BlockBuilder(ctx, Level.BODY)
    body = root.find("body")
    blocks = builder.container(body, 1) if body is not None else []
    blocks = sections_last(builder, body if body is not None else root, blocks)
    blocks += back_sections(root, ctx)
    for child in root:
        if local_name(child) in DROPPED_AT_ROOT:
            ctx.notices.dropped(child)
    return _lead_only_first(blocks)


def _lead_only_first(blocks: list[Block]) -> list[Block]:
    """Only the body's first block may be the lead paragraph."""
    return [
        replace(block, lead=False) if isinstance(block, Paragraph) and index else block
        for index, block in enumerate(blocks)
    ]


def _uncalled_sections(root: etree._Element, ids: list[str], ctx: JatsContext) -> list[Section]:
    """Notes nothing calls (competing interests, contributions...) as last sections, one per
    ``fn-group`` titled by its title (or "Notes"): every writer prints a section, not every
    writer prints a note nothing calls."""
    by_source = {source: note for source, note in ctx.notes.items() if note.id in ids}
    groups: dict[str, list[Paragraph]] = {}
    for element in root.iter("fn"):
        note = by_source.get(element.get("id", ""))
        if note is None:
            continue
        group = element.getparent()
        title = (text_of(group.find("title")) if group is not None else "") or "Notes"
        groups.setdefault(title, []).extend(note.paragraphs)
        message = f"footnote {element.get('id')!r} is never called; its text moves to the end"
        ctx.notices.warning(element, message)
    return [
        Section(ctx.ids.new("sec"), (Text(title),), tuple(paragraphs))
        for title, paragraphs in groups.items()
    ]
