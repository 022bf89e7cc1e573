"""A brief whose text holds one very long run with no space (a pasted key or hash) in every
place text is printed: a heading, a paragraph, a list item, a table cell, a printed web
address and a footnote. Untrusted briefs may hold such runs; no writer may slow down on them."""

from __future__ import annotations

import string

from .small_brief import edited

ALPHABET = string.ascii_lowercase + string.digits


def long_run(length: int) -> str:
    """``length`` letters and digits with no break opportunity between them."""
    return "".join(ALPHABET[(index * 7 + index // 36) % 36] for index in range(length))


def long_run_brief(run: str) -> str:
    """The small brief with ``run`` in each place text is printed."""
    address = f"https://example.org/{run}"
    body = (
        f'<sec id="s1"><title>Key {run}</title>'
        f'<p>Start {run} end<xref ref-type="fn" rid="fn1">1</xref>.</p>'
        f'<list list-type="bullet"><list-item><p>Item {run}</p></list-item></list>'
        '<table-wrap id="t1"><label>Table 1</label><caption><p>Keys</p></caption><table>'
        '<thead><tr><th scope="col">Name</th><th scope="col">Key</th></tr></thead>'
        f'<tbody><tr><th scope="row">First</th><td>{run}</td></tr></tbody></table></table-wrap>'
        f'<p>See <ext-link ext-link-type="uri" xlink:href="{address}">{address}</ext-link>.</p>'
        "</sec>"
    )
    brief = edited('<p>Walls need care<xref ref-type="fn" rid="fn1">1</xref>.</p>', body)
    return edited(
        '<p>See <ext-link ext-link-type="uri" xlink:href="https://example.org/walls">'
        "the audit</ext-link>.</p>",
        f"<p>Note {run}.</p>",
        brief,
    )
