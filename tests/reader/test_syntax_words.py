"""A brief that is not well-formed XML gets one line, in the reader's words, at the character or
tag at fault: none of libxml2's wording (``Opening and ending tag mismatch``, ``xmlParseEntityRef:
no name``), and none of the end tags it reports as mismatched after the one that counts."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from support.positions import position
from support.small_brief import BRIEF, edited

Validate = Callable[[str], tuple[int, list[str]]]
AMPERSAND = (
    "an & must start an entity such as &amp; (XML knows only &amp;, &lt;, &gt;, &quot; and &apos;)"
)
NESTED_SECTIONS = (  # the second </sec> closes the outer section; libxml2 finds the third
    "<sec><title>A</title><sec><title>B</title><p>b</p></sec></sec><p>c</p></sec>"
)
CASES = [
    (
        "unclosed-tag",
        edited("<p>Walls", "<p><italic>Walls"),
        "</p>",
        "<italic> opened at line 11 is not closed before </p>",
    ),
    (
        "unclosed-paragraph",
        edited("</p>\n</body>", "\n</body>"),
        "</body>",
        "<p> opened at line 11 is not closed before </body>",
    ),
    (
        "mismatched-end-tag",
        edited("Walls need care", "<bold>Walls need care</italic>"),
        "</italic>",
        "</italic> does not match <bold> opened at line 11",
    ),
    ("stray-ampersand", edited("Walls need", "Walls & need"), "& need", AMPERSAND),
    ("ampersand-without-semicolon", edited("Walls", "Walls &co"), "&co", AMPERSAND),
    (
        "ampersand-in-a-link",
        edited("example.org/walls", "example.org/?a=1&b=2"),
        "&b=2",
        AMPERSAND,
    ),
    (
        "html-entity",
        edited("Walls need", "Walls&nbsp;need"),
        "&nbsp;",
        "&nbsp; is an HTML entity, which XML does not know; write the character itself"
        " (U+00A0 NO-BREAK SPACE) or &#xA0;",
    ),
    (
        "text-after-the-root",
        BRIEF + "Notes.\n",
        "Notes.",
        "text after the end of <article>, the root element",
    ),
    (
        "file-ends-early",
        BRIEF.replace("</article>\n", ""),
        None,
        "the file ends before <article> opened at line 1 is closed",
    ),
    (
        "unquoted-value",
        edited('rid="fn1"', "rid=fn1"),
        "rid=fn1",
        'the value of rid must be in quotes ("...")',
    ),
    (
        "unclosed-quote",
        edited('rid="fn1"', 'rid="fn1'),
        'rid="fn1',
        'the value of rid has no closing "',
    ),
    (
        "end-tag-too-many",
        edited("</p>", "</p></p>"),
        "</p>\n",
        "</p> does not match <body> opened at line 10; no <p> is open here, so this </p> or one"
        " before it is one too many",
    ),
    (
        "end-tag-too-many-found-later",
        edited("</p>\n</body>", f"</p>\n{NESTED_SECTIONS}\n</body>"),
        "</sec>\n",
        "</sec> does not match <body> opened at line 10; no <sec> is open here, so this </sec>"
        " or one before it is one too many",
    ),
    (
        "namespace-running-on",
        edited(
            'xml:lang="en" xmlns:xlink="http://www.w3.org/1999/xlink"',
            'xmlns:xlink="http://www.w3.org/1999/xlink xml:lang="en"',
        ),
        "xmlns:xlink",
        "xmlns:xlink='http://www.w3.org/1999/xlink xml:lang=' is not a URI; its closing quote"
        " may be missing",
    ),
    (
        "less-than-in-text",
        edited("Walls need", "Walls < need"),
        "< need",
        "a < in text must be written &lt; (a tag starts with a name)",
    ),
]


@pytest.mark.parametrize(
    ("text", "at", "message"), [c[1:] for c in CASES], ids=[c[0] for c in CASES]
)
def test_one_line_in_our_words_at_the_fault(
    validate: Validate, text: str, at: str | None, message: str
) -> None:
    """``at``: where the line points, the first place of that text, or None: the file's end."""
    status, lines = validate(text)
    where = position(text, at) if at else f"{text.count(chr(10)) + 1}:1"
    assert (status, lines) == (2, [f"brief.xml:{where}: error: {message}"])
