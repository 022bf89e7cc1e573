"""The sandbox's shortcut (:func:`may_reach_out`) never lets a sheet that names a URL through.

A sheet the shortcut calls harmless is kept unread, so the check is against tinycss2 itself:
whenever its tokens hold an ``@import``, a ``url()`` or an ``image-set()``, the shortcut must
have said the sheet may reach out.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import tinycss2
from hypothesis import given, settings
from hypothesis import strategies as st

from briefexport.shared.styles import default_style_dir
from briefexport.writers.xhtml.csssandbox import may_reach_out, sandboxed_css
from briefexport.writers.xhtml.cssurls import rewritten_css

URL_FUNCTIONS = {"url", "image-set", "-webkit-image-set"}


def names_a_url(css: str) -> bool:
    """What tinycss2 finds: an ``@import`` rule, a ``url`` token or a URL-bearing function."""
    rules = tinycss2.parse_stylesheet(css, skip_comments=True)
    return any(_reaches(rule) for rule in rules)


def _reaches(node: Any) -> bool:
    if node.type == "at-rule" and node.lower_at_keyword == "import":
        return True
    if node.type == "url" or (node.type == "function" and node.lower_name in URL_FUNCTIONS):
        return True
    for attribute in ("prelude", "content", "arguments"):
        children = getattr(node, attribute, None)
        if isinstance(children, list) and any(_reaches(child) for child in children):
            return True
    return False


@pytest.mark.parametrize(
    "css",
    [
        "a { background: url(x.png) }",
        "a { background: URL( 'x.png' ) }",
        "a { background: \\75 rl(x.png) }",
        "a { background: u\\72l(x.png) }",
        "a { background: \\000055\\52\\4c(x.png) }",
        "a { background: \\u\\r\\l(x.png) }",
        "@\\69mport 'other.css';",
        "@IMPORT 'other.css';",
        "a { background: -webkit-image-set('x.png' 1x) }",
        "a { background: image-\\73 et('x.png' 1x) }",
    ],
)
def test_disguised_urls_are_noticed(css: str) -> None:
    assert names_a_url(css)
    assert may_reach_out(css)


@pytest.mark.parametrize(
    "css",
    [
        'q::before { content: "\\2014\\00A0"; }',
        "a { color: #1F4E79; font-family: 'Noto Serif', serif }",
        "a { background: u/**/rl(x.png) }",
    ],
)
def test_sheets_without_urls_are_kept_unread(css: str, tmp_path: Path) -> None:
    assert not names_a_url(css)
    assert not may_reach_out(css)
    assert sandboxed_css(css, tmp_path, "test.css") == css


def test_the_shortcut_keeps_what_the_full_sandbox_keeps() -> None:
    for sheet in sorted(default_style_dir().glob("*.css")):
        css = sheet.read_text(encoding="utf-8")
        if not may_reach_out(css):
            assert rewritten_css(css, sheet.parent, sheet.name) == css


CSS_PIECES = st.sampled_from(
    ["u", "U", "r", "l", "(", ")", "@", "import", "image-set", "\\", "75", "55 ", "72", "6c",
     "69", "\\\n", " ", "'", '"', "/*", "*/", "{", "}", ";", ":", "a", "-", "x.png", "\\0 "]
)  # fmt: skip


@settings(max_examples=400, deadline=None)
@given(st.lists(CSS_PIECES, max_size=14).map("".join))
def test_never_a_url_past_the_shortcut(css: str) -> None:
    if names_a_url(css):
        assert may_reach_out(css)
