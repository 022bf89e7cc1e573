"""A web address printed as itself is a Typst link without text, which prints the same page.

Typst prints a link's address when the link has no text; the writer relies on that for a link
whose text is its own ``http``/``https`` address (no escapes for Typst to style). The PDF must
be the one the address written out as the link's text gives.
"""

from __future__ import annotations

import pytest

from briefexport.model import Brief, Link, Paragraph, Text
from briefexport.writers import typst as typst_writer
from briefexport.writers.typst import inlines
from briefexport.writers.typst.context import RenderContext
from briefexport.writers.typst.inlines import inline_to_typst
from briefexport.writers.typst.markup import escape, hash_call, string
from support.typst import metadata, typst_options

ADDRESS = "https://example.org/a-b_c/d.e?f=g&h=1#frag"


def brief_with(link: Link) -> Brief:
    return Brief(metadata(), (Paragraph((Text("See "), link, Text(" for more."))),), ())


def link_markup(link: Link) -> str:
    brief = brief_with(link)
    return inline_to_typst(RenderContext(brief, typst_options(brief).style_dir), link)


def test_an_address_printed_as_itself_has_no_text() -> None:
    assert link_markup(Link(ADDRESS, (Text(ADDRESS),))) == f'#link("{ADDRESS}")'


@pytest.mark.parametrize(
    "link",
    [
        Link(ADDRESS, (Text("the example"),)),
        Link("mailto:someone@example.org", (Text("mailto:someone@example.org"),)),
    ],
)
def test_other_links_keep_their_text(link: Link) -> None:
    assert link_markup(link).endswith("]")


def test_the_page_is_the_one_the_written_out_text_gives(monkeypatch: pytest.MonkeyPatch) -> None:
    brief = brief_with(Link(ADDRESS, (Text(ADDRESS),)))
    options = typst_options(brief)
    bare = typst_writer.write(brief, options)
    written_out = hash_call("link", string(ADDRESS), trailing=escape(ADDRESS))
    monkeypatch.setattr(inlines, "link_to_typst", lambda ctx, link: written_out)
    assert typst_writer.write(brief, options) == bare
