"""JATS written by other tools: pandoc 3.9's JATS output, any JATS or NLM DOCTYPE (named, never
loaded), and what the safe parser still refuses; the command line."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

import pytest

from briefexport.errors import InvalidBriefError, Severity
from briefexport.importers import import_source
from briefexport.inlines import plain_text
from briefexport.model import Citation, Figure, ListBlock, Paragraph, Quote, Section, Table
from support.importers import DATA, read_back

MINIMAL = """<article xmlns:xlink="http://www.w3.org/1999/xlink">
  <front><article-meta>
    <title-group><article-title>A note</article-title></title-group>
    <contrib-group><contrib><name><surname>Doe</surname></name></contrib></contrib-group>
    <pub-date><year>2024</year><month>5</month><day>6</day></pub-date>
  </article-meta></front>
  <body><p>Text{body}</p></body>
</article>
"""
DOCTYPES = {
    "NISO JATS 1.0 Archiving": '<!DOCTYPE article PUBLIC "-//NLM//DTD JATS (Z39.96) Journal Archiving and Interchange DTD v1.0 20120330//EN" "JATS-archivearticle1.dtd">',
    "NISO JATS 1.3 Publishing with MathML3": '<!DOCTYPE article PUBLIC "-//NLM//DTD JATS (Z39.96) Journal Publishing DTD with MathML3 v1.3 20210610//EN" "JATS-journalpublishing1-3-mathml3.dtd">',
    "NISO JATS 1.4 Authoring": '<!DOCTYPE article PUBLIC "-//NLM//DTD JATS (Z39.96) Article Authoring DTD v1.4 20241031//EN" "JATS-articleauthoring1-4.dtd">',
    "NLM 3.0 Archiving": '<!DOCTYPE article PUBLIC "-//NLM//DTD Journal Archiving and Interchange DTD v3.0 20080202//EN" "archivearticle3.dtd">',
    "NLM 3.0 Publishing, remote system id": '<!DOCTYPE article PUBLIC "-//NLM//DTD Journal Publishing DTD v3.0 20080202//EN" "http://dtd.nlm.nih.gov/publishing/3.0/journalpublishing3.dtd">',
}


def _write(tmp_path: Path, text: str, name: str = "article.xml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("doctype", DOCTYPES.values(), ids=DOCTYPES.keys())
def test_every_jats_and_nlm_doctype_is_recognised(tmp_path: Path, doctype: str) -> None:
    result = import_source(_write(tmp_path, doctype + "\n" + MINIMAL.format(body="")))
    assert plain_text(result.brief.meta.title) == "A note"
    assert not any("DOCTYPE" in w.message for w in result.warnings)


def test_no_doctype_and_a_foreign_one_are_read(tmp_path: Path) -> None:
    plain = import_source(_write(tmp_path, MINIMAL.format(body="")))
    assert plain.brief.meta.date == dt.date(2024, 5, 6)
    foreign = '<!DOCTYPE article SYSTEM "house-style.dtd">\n' + MINIMAL.format(body="")
    result = import_source(_write(tmp_path, foreign, "foreign.xml"))
    (warning,) = [w for w in result.warnings if "DOCTYPE" in w.message]
    assert (warning.line, "'house-style.dtd' is not a JATS tag set") == (
        1,
        warning.message.split("DOCTYPE ")[1].split(";")[0],
    )


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            '<!DOCTYPE article [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n'
            + MINIMAL.format(body="&x;"),
            "1:1: error: DOCTYPE with an internal subset is refused",
        ),
        (MINIMAL.format(body="&nbsp;"), "error: &nbsp; is an HTML entity, which XML does not know"),
        (
            MINIMAL.format(
                body='<xi:include xmlns:xi="http://www.w3.org/2001/XInclude" href="/etc/passwd"/>'
            ),
            "error: XInclude is refused",
        ),
        ("<book><title>x</title></book>", "1:1: error: root element is <book>"),
        (
            '<?xml version="1.0" encoding="ISO-8859-1"?>\n' + MINIMAL.format(body=""),
            "1:31: error: the XML declaration names encoding 'ISO-8859-1'; an article must be encoded in UTF-8",
        ),
    ],
    ids=["external entity", "named entity", "xinclude", "not an article", "latin-1"],
)
def test_the_safe_parser_rules_stay_on(tmp_path: Path, text: str, message: str) -> None:
    with pytest.raises(InvalidBriefError) as raised:
        import_source(_write(tmp_path, text), kind="jats")
    assert any(message in str(d) for d in raised.value.diagnostics), raised.value.diagnostics


def test_a_missing_date_needs_date(tmp_path: Path) -> None:
    undated = MINIMAL.format(body="").replace(
        "<pub-date><year>2024</year><month>5</month><day>6</day></pub-date>", ""
    )
    path = _write(tmp_path, undated)
    with pytest.raises(InvalidBriefError) as raised:
        import_source(path)
    assert "give one with --date" in str(raised.value.diagnostics[0])
    assert import_source(path, date=dt.date(2024, 1, 2)).brief.meta.date == dt.date(2024, 1, 2)


def test_notes_nothing_calls_become_a_last_section(tmp_path: Path) -> None:
    back = (
        "<back><fn-group><title>Competing interests</title>"
        '<fn id="c1" fn-type="COI-statement"><p>None declared.</p></fn></fn-group></back>'
    )
    text = MINIMAL.format(body="").replace("</body>", "</body>" + back)
    result = import_source(_write(tmp_path, text))
    *_, last = result.brief.body
    assert isinstance(last, Section)
    assert (plain_text(last.title), plain_text(last.blocks[0].children)) == (  # type: ignore[union-attr]
        "Competing interests",
        "None declared.",
    )
    assert result.brief.footnotes == ()
    (warning,) = [w for w in result.warnings if "never called" in w.message]
    fn_column = text.splitlines()[6].index('<fn id="c1"') + 1
    assert (warning.line, warning.column) == (7, fn_column)


def test_pandoc_jats_output(pandoc_sources: Path) -> None:
    article = pandoc_sources / "dock-cooling.jats.xml"
    result = import_source(article, series="Policy Brief", publisher="Northwind Institute")
    brief = result.brief
    assert (brief.meta.series, brief.meta.publisher) == ("Policy Brief", "Northwind Institute")
    assert [p.name.display for p in brief.meta.authors] == ["Ilona Varga", "Jonas T. Haverkamp"]
    assert brief.meta.authors[0].orcid == "https://orcid.org/0000-0002-1825-0097"
    kinds = [type(b).__name__ for s in brief.body if isinstance(s, Section) for b in s.blocks]
    assert kinds == ["Paragraph", "Table", "Figure", "ListBlock", "Quote", "Paragraph"]
    quote = next(
        b for s in brief.body if isinstance(s, Section) for b in s.blocks if isinstance(b, Quote)
    )
    assert plain_text(quote.attribution) == "A crane operator"  # pandoc writes it as "— ..."
    figure = brief.figures[0]
    assert figure.image.alt_text == plain_text(figure.caption)  # pandoc writes no alt-text
    assert [w.message for w in result.warnings] == [
        "figure has no alt-text; its caption serves as alt text"
    ]
    assert isinstance(brief.footnotes[0].paragraphs[0].children[0], Citation)
    again, _, _ = read_back(brief)
    assert again == brief


def test_pandoc_jats_and_pandoc_markdown_say_the_same(pandoc_sources: Path) -> None:
    from_jats = import_source(pandoc_sources / "dock-cooling.jats.xml").brief
    from_markdown = import_source(pandoc_sources / "dock-cooling.md").brief
    assert plain_text(from_jats.meta.title) == plain_text(from_markdown.meta.title)
    assert from_jats.meta.date == from_markdown.meta.date
    assert _straight(_texts(from_jats.body)) == _straight(_texts(from_markdown.body))
    # pandoc writes a note called twice as two notes; Markdown keeps one note called twice
    jats_notes = [plain_text(p.children) for n in from_jats.footnotes for p in n.paragraphs]
    markdown_notes = [plain_text(p.children) for n in from_markdown.footnotes for p in n.paragraphs]
    assert _straight(jats_notes[:2]) == _straight(markdown_notes)
    assert jats_notes[2] == jats_notes[0]


def _straight(texts: list[str]) -> list[str]:
    """pandoc's "smart" extension prints quotes curly; the Markdown importer keeps them typed."""
    table = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"'})
    return [text.translate(table) for text in texts]


def _texts(blocks: tuple[object, ...]) -> list[str]:
    out: list[str] = []
    for block in blocks:
        if isinstance(block, Paragraph):
            out.append(plain_text(block.children))
        elif isinstance(block, Section):
            out += [plain_text(block.title), *_texts(block.blocks)]
        elif isinstance(block, ListBlock):
            out += [plain_text(p.children) for item in block.items for p in item.paragraphs]
        elif isinstance(block, Quote):
            out += [*_texts(block.paragraphs), plain_text(block.attribution)]
        elif isinstance(block, Table):
            out += [plain_text(c.children) for row in block.head + block.body for c in row.cells]
        elif isinstance(block, Figure):
            out.append(block.image.alt_text)
    return out


def test_command_line(estuary: Path, tmp_path: Path) -> None:
    output = tmp_path / "out" / "brief.xml"
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "briefexport",
            "import",
            str(estuary),
            "--from",
            "jats",
            "-o",
            str(output),
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "out" / "estuary-fig1.png").is_file()  # the figure is copied beside it
    lines = done.stderr.splitlines()
    assert lines
    assert all(line.startswith(f"{estuary}:") and ": warning: " in line for line in lines)
    assert import_source(output).brief.meta.series == "Estuary Letters"


def test_command_line_refuses_bad_input(tmp_path: Path) -> None:
    bad = _write(tmp_path, MINIMAL.format(body="&nbsp;"))
    done = subprocess.run(
        [sys.executable, "-m", "briefexport", "import", str(bad), "-o", str(tmp_path / "b.xml")],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 2
    assert "Traceback" not in done.stderr
    assert f"{bad}:" in done.stderr
    assert not (tmp_path / "b.xml").exists()


def test_test_data_is_where_it_is_said_to_be() -> None:
    assert (DATA / "pandoc" / "dock-cooling.jats.xml").is_file()


def _errors(path: Path) -> list[str]:
    with pytest.raises(InvalidBriefError) as raised:
        import_source(path)
    errors = [d for d in raised.value.diagnostics if d.severity is Severity.ERROR]
    return [f"{d.line}:{d.column}: {d.message}" for d in errors]


@pytest.mark.parametrize(("written", "code"), [("&#x7F;", "007F"), ("&#x93;", "0093")])
def test_discouraged_control_characters_are_refused_at_their_element(
    tmp_path: Path, written: str, code: str
) -> None:
    path = _write(tmp_path, MINIMAL.format(body=f" and <italic>a{written}b</italic>"))
    assert _errors(path) == [f"7:21: control character U+{code} cannot appear in a brief"]


def test_next_line_is_kept_as_xml_1_0_allows(tmp_path: Path) -> None:
    path = _write(tmp_path, MINIMAL.format(body=" a&#x85;b"))
    paragraph = import_source(path).brief.body[0]
    assert isinstance(paragraph, Paragraph)
    assert "\x85" in plain_text(paragraph.children)


def test_a_language_tag_the_brief_cannot_hold_is_an_error_at_the_article(tmp_path: Path) -> None:
    text = MINIMAL.format(body="").replace("<article ", '<article xml:lang="en-verylongsubtag" ')
    assert _errors(_write(tmp_path, text)) == [
        "1:1: language 'en-verylongsubtag' is not a BCP 47 language tag such as 'en-GB'"
    ]


def test_a_licence_link_that_cannot_be_kept_is_reported(tmp_path: Path) -> None:
    permissions = (
        '<permissions><license xlink:href="javascript:alert(1)"><license-p>Open.</license-p>'
        "</license></permissions>"
    )
    text = MINIMAL.format(body="").replace("</pub-date>", "</pub-date>" + permissions)
    result = import_source(_write(tmp_path, text))
    assert result.brief.meta.permissions is not None
    assert result.brief.meta.permissions.license_url is None
    (warning,) = [w for w in result.warnings if "licence" in w.message]
    assert (warning.line, warning.message) == (
        5,
        "licence link 'javascript:alert(1)' is not a link a brief can hold; dropped",
    )
