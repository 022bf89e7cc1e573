"""A small valid brief the robustness tests edit, and helpers to run the command line on it."""

from __future__ import annotations

BRIEF = """\
<article article-type="other" dtd-version="1.3" xml:lang="en" xmlns:xlink="http://www.w3.org/1999/xlink">
<front>
<journal-meta><journal-id journal-id-type="publisher-id">CI</journal-id><journal-title-group><journal-title>Issue Brief</journal-title></journal-title-group><publisher><publisher-name>Coastal Institute</publisher-name></publisher></journal-meta>
<article-meta>
<title-group><article-title>Sea walls and their upkeep</article-title></title-group>
<contrib-group><contrib contrib-type="author"><name><surname>Mensah</surname><given-names>Kofi</given-names></name></contrib></contrib-group>
<pub-date publication-format="electronic" date-type="pub" iso-8601-date="2024-03-05"><day>05</day><month>03</month><year>2024</year></pub-date>
</article-meta>
</front>
<body>
<p>Walls need care<xref ref-type="fn" rid="fn1">1</xref>.</p>
</body>
<back><fn-group>
<fn id="fn1"><p>See <ext-link ext-link-type="uri" xlink:href="https://example.org/walls">the audit</ext-link>.</p></fn>
</fn-group></back>
</article>
"""


def edited(old: str, new: str, source: str = BRIEF) -> str:
    """``source`` with the first ``old`` replaced; ``old`` must occur."""
    assert old in source, old
    return source.replace(old, new, 1)


def line_of(text: str, needle: str) -> int:
    """The 1-based line on which ``needle`` first occurs in ``text``."""
    assert needle in text, needle
    return text[: text.index(needle)].count("\n") + 1
