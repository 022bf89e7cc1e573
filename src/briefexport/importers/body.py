"""The body of a Markdown brief (markdown-it-py syntax tree) to blocks and numbered footnotes.

Conventions on top of CommonMark (documented in ``docs/markdown.md``):

* ``##`` starts a section, ``###`` and ``####`` nest it (three levels); ``{#id}`` on the line
  before a heading, table or figure gives its id (markdown-it attrs plugin).
* ``{.lead}`` before a paragraph marks the lead paragraph.
* A paragraph holding only an image is a figure; ``{#id label="Figure 1"}`` before it gives its
  label, and a paragraph right after it starting ``Figure:`` its caption. Tables take
  ``Table:`` captions the same way; ``{.row-headers}`` makes the first cell of each body row a
  header cell.
* The last paragraph of a block quote starting with an em dash is its attribution.
* Footnotes are ``[^id]`` calls and definitions, numbered by first call; a definition nothing
  calls is kept, numbered after the called ones, with a warning. A footnote that reads as a web
  citation becomes a structured ``mixed-citation``.
"""

from __future__ import annotations

from markdown_it import MarkdownIt
from markdown_it.rules_core import StateCore
from markdown_it.tree import SyntaxTreeNode
from mdit_py_plugins.attrs import attrs_block_plugin, attrs_plugin
from mdit_py_plugins.footnote import footnote_plugin
from mdit_py_plugins.front_matter import front_matter_plugin

from ..model import Block, Footnote
from .footnotes import DUPLICATE, number_footnotes
from .mdblocks import BlockConverter
from .mdcontext import BodyContext


def convert_body(
    root: SyntaxTreeNode, context: BodyContext
) -> tuple[tuple[Block, ...], tuple[Footnote, ...]]:
    """The blocks of the document (sections nested) and its footnotes in numbering order."""
    content = [node for node in root.children if node.type not in ("front_matter",)]
    definitions = [node for node in content if node.type == "footnote_block"]
    blocks = [node for node in content if node.type != "footnote_block"]
    footnotes = number_footnotes(blocks, definitions, context)
    converter = BlockConverter(context)
    converter.lead_node = blocks[0] if blocks else None
    return converter.sectioned(blocks), footnotes


class AsWritten(MarkdownIt):
    """markdown-it keeping link targets and texts as written, and refusing none itself.

    markdown-it percent-encodes targets, shows punycode host names decoded (a homograph of the
    written text) and leaves ``javascript:``, ``file:`` and ``data:`` links as plain text; the
    importer instead keeps every link as written and reports the bad ones with their line.
    """

    def validateLink(self, url: str) -> bool:  # noqa: N802 (markdown-it's name)
        return True

    def normalizeLink(self, url: str) -> str:  # noqa: N802
        return url

    def normalizeLinkText(self, link: str) -> str:  # noqa: N802
        return link


def markdown_parser() -> MarkdownIt:
    """CommonMark with tables, YAML front matter, footnotes and ``{#id .class}`` attributes."""
    parser: MarkdownIt = AsWritten("commonmark", {"linkify": False, "typographer": False})
    parser = (
        parser.use(front_matter_plugin)
        .use(footnote_plugin)
        .use(attrs_block_plugin)
        .use(attrs_plugin, spans=True)
        .enable("table")
    )
    parser.core.ruler.before("footnote_tail", "keep_uncalled_notes", keep_uncalled_notes)
    return parser


def keep_uncalled_notes(state: StateCore) -> None:
    """List the definitions nothing calls, which the footnote plugin would drop, so that they
    are kept (numbered after the called ones, with a warning) as the XML reader keeps them; and
    a label's second definition, which the plugin would put in place of the first silently."""
    notes = state.env.get("footnotes")
    if not isinstance(notes, dict):
        return
    refs, listed = notes.setdefault("refs", {}), notes.setdefault("list", {})
    seen: set[str] = set()
    for token in state.tokens:
        label = token.meta.get("label") if token.type == "footnote_reference_open" else None
        if label is None:
            continue
        if label in seen:  # kept apart under a label no source can write, to be reported
            label = token.meta["label"] = f"{DUPLICATE}{len(listed)}:{label}"
        seen.add(label)
        if refs.get(f":{label}", -1) < 0:
            refs[f":{label}"] = len(listed)
            listed[len(listed)] = {"label": label, "count": 0}


def parse_markdown(source: str) -> SyntaxTreeNode:
    """The syntax tree of a Markdown document."""
    return SyntaxTreeNode(markdown_parser().parse(source))
