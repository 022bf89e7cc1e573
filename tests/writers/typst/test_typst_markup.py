"""Every string of a brief is data in Typst: escaped markup and string literals read back exactly.

Typst itself is the judge: a document holding the escaped text is compiled, and its plain text
is queried back with Typst's own introspection, then compared with the original.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import typst
from hypothesis import given, settings
from hypothesis import strategies as st

from briefexport.writers.typst.markup import content, escape, label, string

# Plain text of Typst content: text nodes, spaces and the bodies of formatting elements.
PLAIN = """#let plain(c) = if type(c) == str { c } else if c.has("text") { c.text } \
else if c.has("children") { c.children.map(plain).join() } \
else if c.func() == [ ].func() { " " } else if c.has("body") { plain(c.body) } \
else { "<" + repr(c.func()) + ">" }
"""

HOSTILE = [
    '#import "@preview/cetz:0.3.0": *',
    '#read("/etc/passwd")',
    "$x^2$ and *bold* and _italic_ and `raw`",
    "mail @someone <label> ] [ { } ( )",
    "back\\slash \\u{41} \\#",
    "// not a comment /* nor this */",
    "= not a heading",
    "- not a list",
    "+ not an enum",
    "1. not a numbered item",
    "/ not: a term",
    "-- --- ... ~ -? 'single' \"double\" -1",
    "https://example.org/a_b*c",
    "#set page(width: 1cm)",
    "#{ panic() }",
    "(a), b; c: d! e? f% g& h.i",
    ".a ;b (c) [d]",
    "2024. 3.5 a.b a..b 12.",
    "x-1 x-? x--y x-\u00e9 -a re-evaluation",
]


def read_back(compiler_root: Path, texts: list[str], as_markup: bool, after: str = "") -> list[str]:
    """Compile one document with each text (as markup, after the markup ``after``, or as a
    string) and query them back."""
    lines = [PLAIN]
    for text in texts:
        value = f"plain({content(after + escape(text))})" if as_markup else string(text)
        lines.append(f"#metadata({value}) <out>")
    main = compiler_root / "main.typ"
    main.write_text("\n".join(lines), encoding="utf-8")
    compiler = typst.Compiler(main, root=compiler_root, ignore_system_fonts=True)
    result: list[str] = json.loads(compiler.query("<out>", field="value", format="json"))
    return result


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_text_is_printed_as_written(tmp_path: Path, text: str) -> None:
    assert read_back(tmp_path, [text], as_markup=True) == [text]


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_text_is_a_string_literal(tmp_path: Path, text: str) -> None:
    assert read_back(tmp_path, [text], as_markup=False) == [text]


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_text_after_code_is_printed_as_written(tmp_path: Path, text: str) -> None:
    # the first character must neither continue nor end the call before it
    assert read_back(tmp_path, [text], as_markup=True, after="#emph[x]") == ["x" + text]
    assert read_back(tmp_path, [text], as_markup=True, after='#text("y")') == ["y" + text]


def test_plain_punctuation_inside_a_text_is_left_bare() -> None:
    # each escape is an element of its own for Typst; these marks need none inside a text
    assert escape("re-evaluation, (a): b; c! d? 5% e&f g.h") == (
        "re-evaluation, (a): b; c! d? 5% e&f g.h"
    )
    assert escape("(a) 1. x... y-1") == "\\(a) 1\\. x\\.\\.\\. y\\-1"


def test_line_starts_in_a_text_make_no_structure(tmp_path: Path) -> None:
    # Typst reads a newline as a space; no list, numbered item, heading or term may start
    text = "a\n- b\n1. c\n= d\n+ e\n/ f: g\n-h"
    assert read_back(tmp_path, [text], as_markup=True) == [text.replace("\n", " ")]


def test_typst_line_separators_are_kept(tmp_path: Path) -> None:
    text = "a\u2028b\u2029c\x85d"
    assert read_back(tmp_path, [text], as_markup=True) == [text]


def normalised(text: str) -> str:
    """Text as the reader gives it: runs of XML whitespace collapsed, no space at either end."""
    return re.sub(r"[ \t\r\n]+", " ", text).strip()


brief_text = (
    st.text(
        st.characters(blacklist_categories=("Cs", "Cc"))
        | st.sampled_from(list("#$*_`<>@[]{}()\\/=-+~'\".:,;!?%&|^ 1\u2028\u0085")),
        max_size=40,
    )
    .map(normalised)
    .filter(bool)
)  # the model holds no empty text


@settings(deadline=None)
@given(st.lists(brief_text, min_size=1, max_size=8))
def test_any_text_reads_back_exactly(
    tmp_path_factory: pytest.TempPathFactory, texts: list[str]
) -> None:
    folder = tmp_path_factory.mktemp("markup")
    assert read_back(folder, texts, as_markup=True) == texts
    assert read_back(folder, texts, as_markup=True, after="#emph[x]") == ["x" + t for t in texts]
    assert read_back(folder, texts, as_markup=False) == texts


def test_labels_are_the_writers_own() -> None:
    assert label("fn-3") == "<fn-3>"
    with pytest.raises(ValueError, match="not a label"):
        label("x> #panic() <y")
