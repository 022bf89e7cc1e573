"""Import a Markdown brief: YAML front matter for the metadata, CommonMark for the body.

The parser is markdown-it-py with the front_matter, footnote and attrs plugins and GFM tables;
the conventions are in ``body.py`` and ``frontmatter.py`` and documented in ``docs/markdown.md``.
A first-level heading at the very top is taken as the title when the front matter has none.
"""

from __future__ import annotations

from pathlib import Path

from markdown_it.tree import SyntaxTreeNode

from ..model import Brief, Inline, Paragraph
from .body import convert_body, markdown_parser, parse_markdown
from .defaults import Fallbacks
from .fmload import FrontMatter
from .frontmatter import (
    InlineParser,
    ParagraphParser,
    build_metadata,
    load_front_matter,
)
from .mdblocks import BlockConverter
from .mdcontext import BodyContext
from .mdinline import InlineContext, convert_inline
from .problems import Problems
from .references import build_references


def import_markdown(
    source: str, problems: Problems, base_dir: Path, fallbacks: Fallbacks | None = None
) -> Brief:
    """The brief written in ``source``; raises InvalidBriefError listing every problem.

    ``fallbacks`` give the series and publisher when the front matter names none.
    """
    context = BodyContext(problems, base_dir, source_lines=tuple(source.split("\n")))
    root = parse_markdown(source)
    front = _front_matter(root, context)
    if front.failed:  # the references are unknown: the body's calls to them would be false errors
        problems.raise_if_errors()
    _take_title_heading(root, front, context)
    fallbacks = fallbacks or Fallbacks()
    given = {"series": fallbacks.series, "publisher": fallbacks.publisher, "date": fallbacks.date}
    for key, value in given.items():
        if value and key not in front.values:
            front.values[key] = value
    references = build_references(front, inline_parser(context), problems)
    context.references.update({reference.id: reference for reference in references})
    context.ids.update(dict.fromkeys((ref.id for ref in references), front.line("references")))
    body, footnotes = convert_body(root, context)
    meta = build_metadata(front, context, inline_parser(context), _paragraph_parser(context))
    problems.raise_if_errors()
    assert meta is not None  # build_metadata reports an error whenever it gives None
    return Brief(meta=meta, body=body, footnotes=footnotes, references=references)


def _front_matter(root: SyntaxTreeNode, context: BodyContext) -> FrontMatter:
    for node in root.children:
        if node.type == "front_matter":
            line = node.map[0] + 1 if node.map else 1
            return load_front_matter(node.content, line, context)
    return FrontMatter({}, 1)


def _take_title_heading(root: SyntaxTreeNode, front: FrontMatter, context: BodyContext) -> None:
    """Use a leading ``# Title`` as the title when the front matter gives none."""
    content = [node for node in root.children if node.type != "front_matter"]
    if "title" in front.values or not content:
        return
    first = content[0]
    if first.type == "heading" and first.tag == "h1":
        front.values["title"] = first.children[0].content
        root.children = [node for node in root.children if node is not first]


def inline_parser(context: BodyContext) -> InlineParser:
    """A function parsing Markdown inline text found at a given line."""

    def parse(text: str, line: int) -> tuple[Inline, ...]:
        tokens = markdown_parser().parseInline(text)
        root = SyntaxTreeNode(tokens)
        if not root.children:
            return ()
        return convert_inline(root.children[0], InlineContext(context.problems, line))

    return parse


def _paragraph_parser(context: BodyContext) -> ParagraphParser:
    def parse(text: str, line: int) -> tuple[Paragraph, ...]:
        nested = BodyContext(context.problems, context.base_dir, lambda index: line)
        return BlockConverter(nested).paragraphs(parse_markdown(text).children)

    return parse
