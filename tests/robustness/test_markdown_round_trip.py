"""XML -> Markdown -> import gives the same brief for what the Markdown writer used to lose
(issue 16 items 1, 4, 5, 6; issue 14 item 4): deep nesting, spanning cells, empty paragraphs,
link targets and texts as written, alt text, file names with ``%``; and bad links in Markdown
are located errors, never text.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path

import pytest
from PIL import Image

import briefexport
from briefexport.errors import InvalidBriefError, Severity
from briefexport.importers import import_source
from briefexport.model import Brief, Figure, Link, Table
from briefexport.writers.markdown import brief_to_markdown
from support.small_brief import edited

BODY = "<p>Walls need care"
STYLES = ("bold", "italic", "sup", "sub", "sc", "monospace", "underline")


def round_trip(brief_file: Callable[[str], Path], source: str) -> tuple[Brief, Brief]:
    """The brief read from XML, and the brief imported from its Markdown."""
    path = brief_file(source)
    brief = briefexport.load(path)
    markdown = path.with_suffix(".md")
    markdown.write_text(brief_to_markdown(brief), encoding="utf-8")
    result = import_source(markdown)
    assert [w for w in result.warnings if w.severity is Severity.WARNING] == []
    return brief, result.brief


def nested(depth: int, text: str = "deep") -> str:
    """``depth`` formatting elements around ``text``, cycling through every style, with text
    beside each level so no level is a bare wrapper."""
    opening = "".join(f"<{STYLES[i % 7]}>{'a ' if i % 2 else ''}" for i in range(depth))
    closing = "".join(f"{' z' if i % 3 else ''}</{STYLES[i % 7]}>" for i in reversed(range(depth)))
    return opening + text + closing


# ------------------------------------------------------------------ item 1: deep mixed nesting


@pytest.mark.parametrize("depth", [5, 7, 12, 30, 60])
@pytest.mark.parametrize("place", ["paragraph", "heading", "cell", "note"])
def test_deeply_nested_formatting_survives(
    depth: int, place: str, brief_file: Callable[[str], Path]
) -> None:
    inline = nested(depth)
    where = {
        "paragraph": (BODY, f"<p>{inline} and</p>{BODY}"),
        "heading": ("</body>", f"<sec><title>{inline}</title><p>x</p></sec></body>"),
        "cell": (
            BODY,
            f"<table-wrap><table><thead><tr><th>h</th></tr></thead><tbody><tr><td>{inline}</td></tr></tbody></table></table-wrap>{BODY}",
        ),
        "note": ("the audit</ext-link>.", f"the audit</ext-link> {inline}."),
    }
    brief, back = round_trip(brief_file, edited(*where[place]))
    assert back == brief


def test_deep_nesting_inside_a_link_survives(brief_file: Callable[[str], Path]) -> None:
    link = (
        f'<ext-link ext-link-type="uri" xlink:href="https://example.org/d">{nested(25)}</ext-link>'
    )
    brief, back = round_trip(brief_file, edited(BODY, f"<p>{nested(10, link)}</p>{BODY}"))
    assert back == brief


# ------------------------------------------------------------------ item 5: spanning cells

SPANNING = (
    '<table-wrap id="t1"><label>Table 1</label><caption><p>Spans</p></caption><table>'
    '<thead><tr><th colspan="2">Both years</th><th rowspan="1">Note</th></tr></thead>'
    '<tbody><tr><td rowspan="2">tall</td><td>b</td><td>c</td></tr>'
    '<tr><td colspan="2">wide <bold>bold</bold></td></tr>'
    '<tr><td>x</td><td colspan="2" rowspan="2">block</td></tr>'
    "<tr><td>y</td></tr>"
    '<tr><td colspan="3"></td></tr></tbody></table></table-wrap>'
)


def test_spanning_cells_survive(brief_file: Callable[[str], Path]) -> None:
    brief, back = round_trip(brief_file, edited(BODY, SPANNING + BODY))
    assert back == brief
    table = back.body[0]
    assert isinstance(table, Table)
    assert [(c.colspan, c.rowspan) for row in table.body for c in row.cells] == [
        (1, 2),
        (1, 1),
        (1, 1),
        (2, 1),
        (1, 1),
        (2, 2),
        (1, 1),
        (3, 1),
    ]


def test_spanning_cells_write_no_warning(
    brief_file: Callable[[str], Path], caplog: pytest.LogCaptureFixture
) -> None:
    brief = briefexport.load(brief_file(edited(BODY, SPANNING + BODY)))
    brief_to_markdown(brief)
    assert [r.getMessage() for r in caplog.records if r.name == "briefexport"] == []


def test_a_filled_cell_under_a_span_is_an_error(tmp_path: Path) -> None:
    source = tmp_path / "spans.md"
    source.write_text(
        "---\ntitle: T\nauthors: [Jane Doe]\ndate: 2025-01-02\npublisher: P\nseries: S\n---\n\n"
        "| {colspan=2} wide | lost |\n|---|---|\n| a | b |\n",
        encoding="utf-8",
    )
    with pytest.raises(InvalidBriefError) as caught:
        import_source(source)
    assert [(d.line, d.message) for d in caught.value.diagnostics] == [
        (9, "a cell covered by a spanning cell must be empty")
    ]


def test_warnings_name_a_table_without_label_by_its_place(
    brief_file: Callable[[str], Path], caplog: pytest.LogCaptureFixture
) -> None:
    two_heads = "<table-wrap><table><thead><tr><th>a</th></tr><tr><th>b</th></tr></thead><tbody><tr><td>c</td></tr></tbody></table></table-wrap>"
    brief = briefexport.load(brief_file(edited(BODY, SPANNING + two_heads + BODY)))
    brief_to_markdown(brief)
    messages = [r.getMessage() for r in caplog.records if r.name.startswith("briefexport")]
    assert messages == ["table 2: Markdown tables have exactly one header row"]


# ------------------------------------------------------------------ item 6: empty paragraphs


def test_empty_paragraphs_survive(brief_file: Callable[[str], Path]) -> None:
    blocks = (
        "<p/><p>between</p><p></p>"
        '<list list-type="bullet"><list-item><p/></list-item><list-item><p>x</p><p/></list-item></list>'
        "<disp-quote><p/><p>said</p></disp-quote>"
    )
    source = edited(BODY, blocks + BODY).replace(
        "the audit</ext-link>.</p>", "the audit</ext-link>.</p><p/>"
    )
    brief, back = round_trip(brief_file, source)
    assert back == brief


# ------------------------------------------------------------------ issue 14 item 4: links as written

LINKS = {
    "punycode-text": ("https://xn--80ak6aa92e.example/", "https://xn--80ak6aa92e.example/"),
    "non-ascii-target": ("https://example.org/café/日本?q=ü", "the café"),
    "non-ascii-text": ("https://example.org/caf%C3%A9", "https://example.org/caf%C3%A9"),
    "backslash-and-entity": ("https://example.org/a\\b?x=1&amp;copy;=2", "odd"),
    "brackets-in-query": ("https://example.org/s?f[x]=1", "filter"),
}


@pytest.mark.parametrize("case", list(LINKS))
def test_links_come_back_as_written(case: str, brief_file: Callable[[str], Path]) -> None:
    href, text = LINKS[case]
    link = f'<ext-link ext-link-type="uri" xlink:href="{href}">{text}</ext-link>'
    brief, back = round_trip(brief_file, edited(BODY, f"<p>See {link}.</p>{BODY}"))
    assert back == brief
    assert isinstance(back.body[0].children[1], Link)  # type: ignore[union-attr]


def png(path: Path) -> None:
    out = io.BytesIO()
    Image.new("RGB", (3, 2), "teal").save(out, "PNG")
    path.write_bytes(out.getvalue())


@pytest.mark.parametrize(
    ("name", "alt"),
    [("p%201.png", "a_b_c"), ("chart (final).png", "x*y* [1] `z` & <w>"), ("café.png", "é")],
)
def test_figures_come_back_as_written(
    name: str, alt: str, brief_file: Callable[[str], Path], tmp_path: Path
) -> None:
    png(tmp_path / name)
    escaped = alt.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    figure = (
        f'<fig id="f1"><graphic xlink:href="{name}"><alt-text>{escaped}</alt-text></graphic></fig>'
    )
    brief, back = round_trip(brief_file, edited(BODY, figure + BODY))
    assert back == brief
    assert isinstance(back.body[0], Figure)
    assert (back.body[0].image.href, back.body[0].image.alt_text) == (name, alt)


# ------------------------------------------------------------------ item 4: bad links in Markdown

FRONT = "---\ntitle: T\nauthors: [Jane Doe]\ndate: 2025-01-02\npublisher: P\nseries: S\n---\n\n"


@pytest.mark.parametrize(
    ("body", "scheme"),
    [
        ("Click [here](javascript:alert(1)).", "javascript"),
        ("Click <javascript:alert(1)>.", "javascript"),
        ("Open [the file](file:///etc/passwd).", "file"),
        ("See [x](data:text/html,hi).", "data"),
        ("See [x](vbscript:msgbox).", "vbscript"),
    ],
)
def test_a_refused_link_in_markdown_is_a_located_error(
    body: str, scheme: str, tmp_path: Path
) -> None:
    source = tmp_path / "bad.md"
    source.write_text(FRONT + "First line.\n\n" + body + "\n", encoding="utf-8")
    with pytest.raises(InvalidBriefError) as caught:
        import_source(source)
    errors = [d for d in caught.value.diagnostics if d.severity is Severity.ERROR]
    assert len(errors) == 1
    assert errors[0].line == FRONT.count("\n") + 3
    assert f"has scheme {scheme!r}" in errors[0].message


# ------------------------------------------------------------------ issue 14 item 4: blank fields


@pytest.mark.parametrize("blank", ["\u2009", "\u00a0", "\u200b"])
def test_a_front_matter_field_of_unicode_space_is_an_error(blank: str, tmp_path: Path) -> None:
    source = tmp_path / "blank.md"
    front = FRONT.replace("publisher: P", f'publisher: "{blank}"')
    source.write_text(front + "Text.\n", encoding="utf-8")
    with pytest.raises(InvalidBriefError) as caught:
        import_source(source)
    found = [(d.line, d.message) for d in caught.value.diagnostics]
    blank = "'publisher' holds only blank characters (such as U+2009); it needs visible text"
    assert found[0] == (5, blank)
    assert all(line == 5 for line, _ in found)


def test_a_thin_space_inside_a_field_is_kept(tmp_path: Path) -> None:
    source = tmp_path / "thin.md"
    source.write_text(
        FRONT.replace("publisher: P", "publisher: P\u2009Q") + "Text.\n", encoding="utf-8"
    )
    assert import_source(source).brief.meta.publisher == "P\u2009Q"
