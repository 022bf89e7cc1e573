"""One problem, one line: the checks after the schema say nothing that follows from a refusal
the schema has printed (a misspelt body leaves no lead paragraph to check nor calls to count; a
lead paragraph out of place is not also a second lead; a span or a row group the schema refused,
no table shape to judge; a licence URL that is no URI, no scheme to name; a call whose rid is no
name, no note to find missing or never called; a note or its group refused, no call to it to
find missing; a misspelt call still calls its note; a second back or body refused, no id in it
used twice nor lead paragraph out of place)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from support.positions import position
from support.small_brief import BRIEF, edited

Validate = Callable[[str], tuple[int, list[str]]]
NAME = "(a letter or _, then letters, digits, -, _ or .)"
LICENCE = (
    "<permissions><license><ali:license_ref>not a url [x]</ali:license_ref>"
    "<license-p>Open.</license-p></license></permissions>\n</article-meta>"
)
ALI = ' xmlns:ali="http://www.niso.org/schemas/ali/1.0/" xmlns:'
TABLE = (
    '</p><table-wrap><table><tbody><tr><td rowspan="0">a</td><td>b</td></tr>'
    "<tr><td>c</td></tr></tbody></table></table-wrap>\n</body>"
)
TABLE_HEAD = (
    "<table-wrap><table><thead></thead><tbody><tr><td>a</td></tr></tbody></table></table-wrap>"
)
BACK = BRIEF[BRIEF.index("<back>") : BRIEF.index("</back>") + len("</back>")]
BODY = BRIEF[BRIEF.index("<body>") : BRIEF.index("</body>") + len("</body>")]
LEAD_BODY = BODY.replace("<p>", '<p content-type="lead">', 1)
CASES = [
    (
        "misspelt-body",
        edited("<body>", "<bdy>")
        .replace("</body>", "</bdy>")
        .replace("<p>Walls", '<p content-type="lead">Walls'),
        "<bdy>",
        "<bdy> is not an element of this profile; did you mean <body>?",
    ),
    (
        "rowspan-zero",
        edited("</p>\n</body>", TABLE),
        '<td rowspan="0">',
        'rowspan="0" on <td> is not a whole number from 1 up to 1000',
    ),
    (
        "licence-url-no-uri",
        edited("</article-meta>", LICENCE, edited(" xmlns:", ALI)),
        "<ali:license_ref>",
        "<ali:license_ref> holds 'not a url [x]', which is not a URI",
    ),
    (
        "misspelt-fn-group",
        edited("<fn-group>", "<fngroup>").replace("</fn-group>", "</fngroup>"),
        "<fngroup>",
        "<fngroup> is not an element of this profile; did you mean <fn-group>?",
    ),
    (
        "misspelt-id-of-a-note",
        edited('<fn id="fn1">', '<fn ids="fn1">'),
        "<fn ",
        "attribute ids is not allowed on <fn>; did you mean id?",
    ),
    (
        "lead-paragraph-out-of-place",
        edited("<body>\n<p>", '<body>\n<sec><title>S</title><p>x</p></sec><p content-type="lead">'),
        '<p content-type="lead">',
        "<p> must come before <sec> in <body>",
    ),
    (
        "table-header-without-rows",
        edited("</p>\n</body>", f"</p>{TABLE_HEAD}\n</body>"),
        "<thead>",
        "a table header needs at least one row (<tr>)",
    ),
    (
        "misspelt-call",
        edited("<xref ", "<xrefx ").replace("</xref>", "</xrefx>"),
        "<xrefx",
        "<xrefx> is not an element of this profile; did you mean <xref>?",
    ),
    (
        "call-rid-no-name",
        edited('rid="fn1"', 'rid="fn 1"'),
        "<xref",
        f'rid="fn 1" on <xref> is not a name {NAME}',
    ),
    (
        "back-pasted-twice",
        edited(BACK, BACK + BACK),
        ("<back>", 1),
        "<back> cannot come after <back> in <article>; <back> must come last",
    ),
    (
        "body-with-a-lead-pasted-twice",
        edited(BODY, LEAD_BODY + LEAD_BODY),
        ("<body>", 1),
        "<body> cannot come after <body> in <article>; expected <back>",
    ),
]


@pytest.mark.parametrize(
    ("text", "at", "message"), [c[1:] for c in CASES], ids=[c[0] for c in CASES]
)
def test_one_problem_is_one_line(
    validate: Validate, text: str, at: str | tuple[str, int], message: str
) -> None:
    """``at``: the first place of that text, or (text, n) its nth from 0."""
    where = position(text, at) if isinstance(at, str) else position(text, *at)
    assert validate(text) == (2, [f"brief.xml:{where}: error: {message}"])
