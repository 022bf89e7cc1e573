"""Where the reader's schema lines point: at the element that is there, at its own line and
column, and dates' ``iso-8601-date`` read as the element values are (XML white space trimmed)."""

from __future__ import annotations

from lxml import etree

from briefexport.reader.locate import Locator
from briefexport.reader.parse import _schema, _schema_diagnostic
from support.positions import position
from support.small_brief import edited

SECTION = "<sec>\n  <p>One.</p>\n  <title>Head</title></sec>\n"


def test_expecting_one_element_got_another_points_at_the_one_there() -> None:
    """libxml2 writes ``Expecting element title, got p`` on the section's line; the line kept
    points at the paragraph, which is there, not at the missing title's column 1."""
    text = edited("</body>", SECTION + "</body>")
    tree = etree.fromstring(text.encode()).getroottree()
    schema = _schema()
    assert not schema.validate(tree)
    entry = next(e for e in schema.error_log if e.message.startswith("Expecting element"))
    assert entry.line == text[: text.index("<sec>")].count("\n") + 1
    found = _schema_diagnostic(entry, Locator("brief.xml", text.encode()), tree)
    assert f"{found.line}:{found.column}" == position(text, "<p>One")
