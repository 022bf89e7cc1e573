"""A brief the schema refuses gets one clear line per problem, at the element at fault.

Each case edits a shipped example and states every line ``briefexport validate`` prints; the
positions are worked out from the edited text. The pass behind the messages must never flag a
valid brief, and never hide a schema error it cannot explain.
"""

from __future__ import annotations

import copy
import re
from pathlib import Path

import pytest
from lxml import etree

from briefexport.cli import main
from briefexport.options import default_options
from briefexport.reader import schema_messages
from briefexport.reader.locate import Locator
from briefexport.reader.schema_check import Findings, check_structure
from briefexport.reader.schema_values import python_pattern
from briefexport.writers import jats
from support.paths import HARBOUR, REPO, TOUR, example_paths, rtl_paths
from support.positions import position
from support.random_briefs import generated_brief
from support.small_brief import BRIEF, edited

SCHEMA = REPO / "src" / "briefexport" / "schema" / "brief.rng"
TOUR_TEXT = TOUR.read_text(encoding="utf-8")
ID_SEC = '<sec id="1sec"'
HARBOUR_TEXT = HARBOUR.read_text(encoding="utf-8")


def validate(
    tmp_path: Path, text: str, capsys: pytest.CaptureFixture[str]
) -> tuple[int, list[str]]:
    path = tmp_path / "brief.xml"
    path.write_text(text, encoding="utf-8")
    status = main(["validate", str(path)])
    return status, capsys.readouterr().err.replace(str(path), "brief.xml").splitlines()


def swap_first_title_and_paragraph(text: str) -> str:
    match = re.search(r"(<sec[^>]*>\s*)(<title>.*?</title>)(\s*)(<p>.*?</p>)", text, re.DOTALL)
    assert match
    head, title, space, para = match.groups()
    return text[: match.start()] + head + para + space + title + text[match.end() :]


ITALIC_AS_I = TOUR_TEXT.replace("<italic>", "<i>").replace("</italic>", "</i>")
TITTLE = re.sub(r"<title>(.*?)</title>", r"<tittle>\1</tittle>", TOUR_TEXT, count=1)
PARA = edited("<p>Publish a", "<para>Publish a", TOUR_TEXT).replace(
    "updated every summer.</p>", "updated every summer.</para>", 1
)
FOOTNOTE = edited('ref-type="fn" rid="fn1"', 'ref-type="footnote" rid="fn1"', HARBOUR_TEXT)
CASES = [
    (
        "contrib-without-type",
        (text := edited('<contrib contrib-type="author">', "<contrib>", HARBOUR_TEXT)),
        [
            f'{position(text, "<contrib>")}: error: <contrib> needs the attribute contrib-type="author"'
        ],
    ),
    (
        "article-without-language",
        (text := edited(' xml:lang="en"', "", TOUR_TEXT)),
        [
            f"{position(text, '<article ')}: error: <article> needs the attribute xml:lang"
            ' (a language tag such as "en")'
        ],
    ),
    (
        "i-for-italic",
        ITALIC_AS_I,
        [
            f"{position(ITALIC_AS_I, '<i>', n)}: error: <i> is not an element of this profile;"
            " did you mean <italic>?"
            for n in range(3)
        ],
    ),
    (
        "unknown-in-journal-meta",
        (text := edited("<journal-title-group>", "<foo/><journal-title-group>", TOUR_TEXT)),
        [
            f"{position(text, '<foo/>')}: error: <foo> is not an element of this profile; allowed"
            " here: <journal-id>, <journal-title-group> or <publisher>"
        ],
    ),
    (
        "footnote-ref-type",
        FOOTNOTE,
        [
            f'{position(FOOTNOTE, "<xref", FOOTNOTE.count("<xref", 0, FOOTNOTE.index("footnote")) - 1)}: error: ref-type="footnote" on <xref> must be'
            ' "fn" or "bibr"'
        ],
    ),
    (
        "tittle-for-title",
        TITTLE,
        [f"{position(TITTLE, '<tittle>')}: error: <sec> must start with <title>; found <tittle>"],
    ),
    (
        "para-for-p",
        PARA,
        [f"{position(PARA, '<para>')}: error: <list-item> must start with <p>; found <para>"],
    ),
    (
        "title-after-p",
        (text := swap_first_title_and_paragraph(TOUR_TEXT)),
        [
            f"{position(text, '<p>', text.count('<p>', 0, text.index('<sec')))}: error: <sec>"
            " must start with <title>; found <p>"
        ],
    ),
    (
        "attribute-not-allowed",
        (text := edited("<list list-type=", '<list color="red" list-type=', TOUR_TEXT)),
        [
            f"{position(text, '<list ')}: error: attribute color is not allowed on <list>;"
            " it takes list-type"
        ],
    ),
    (
        "attribute-misspelt",
        (text := edited("<list list-type=", "<list list_type=", TOUR_TEXT)),
        [
            f"{position(text, '<list ')}: error: attribute list_type is not allowed on <list>;"
            " did you mean list-type?"
        ],
    ),
    (
        "value-not-in-list",
        (text := edited('list-type="bullet"', 'list-type="bullets"', TOUR_TEXT)),
        [
            f'{position(text, "<list ")}: error: list-type="bullets" on <list> must be "bullet"'
            ' or "order"'
        ],
    ),
    (
        "text-between-blocks",
        (text := edited('<list list-type="bullet">', '<list list-type="bullet">stray', TOUR_TEXT)),
        [f"{position(text, '<list ')}: error: text is not allowed directly in <list>"],
    ),
    (
        "missing-element",
        (text := re.sub(r"<year>\d+</year>", "", TOUR_TEXT, count=1)),
        [f"{position(text, '<pub-date')}: error: <pub-date> is missing <year>"],
    ),
    (
        "id-not-a-name",
        (text := edited('id="sec-options"', 'id="1sec"', TOUR_TEXT)),
        [
            f'{position(text, ID_SEC)}: error: id="1sec" on <sec> is not a name'
            " (a letter or _, then letters, digits, -, _ or .)"
        ],
    ),
    (
        "span-out-of-range",
        (text := edited("<td>", '<td colspan="0">', TOUR_TEXT)),
        [
            f'{position(text, "<td colspan")}: error: colspan="0" on <td> is not a whole number'
            " from 1 up to 100"
        ],
    ),
    (
        "orcid-pattern",
        (text := edited("https://orcid.org/0000-0002-1825-0097", "0000-0002-1825-0097", TOUR_TEXT)),
        [
            f"{position(text, '<contrib-id')}: error: <contrib-id> holds '0000-0002-1825-0097',"
            r" which is not text matching https://orcid\.org/\d{4}-\d{4}-\d{4}-\d{3}[\dX]"
        ],
    ),
    (
        "date-attribute-pattern",
        (text := edited('iso-8601-date="2026', 'iso-8601-date="x2026', TOUR_TEXT)),
        [
            f'{position(text, "<pub-date")}: error: iso-8601-date="x2026-11-02" on <pub-date>'
            r" is not text matching \d{4}-\d{2}-\d{2}",
            # the check of the date itself, after the schema's, says it too
            f"{position(text, '<pub-date')}: error: publication date 'x2026-11-02' does not exist",
        ],
    ),
    (
        "known-element-in-wrong-parent",
        (text := edited("<publisher-loc>", "<p>x</p><publisher-loc>", TOUR_TEXT)),
        [
            f"{position(text, '<p>x')}: error: <p> is not allowed in <publisher>; allowed here:"
            " <publisher-name> or <publisher-loc>"
        ],
    ),
]


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_each_problem_gets_one_located_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], text: str, expected: list[str]
) -> None:
    status, lines = validate(tmp_path, text, capsys)
    assert status == 2
    assert lines == [f"brief.xml:{line}" for line in expected]


def valid_briefs() -> list[tuple[str, bytes]]:
    found = [(path.name, path.read_bytes()) for path in [*example_paths(), *rtl_paths()]]
    found.append(("small", BRIEF.encode()))
    for index in range(30):
        brief = generated_brief(7, index)
        found.append((f"generated-{index}", jats.write(brief, default_options(brief))))
    return found


@pytest.mark.parametrize(("name", "data"), valid_briefs(), ids=lambda v: str(v)[:20])
def test_the_pass_flags_nothing_in_a_valid_brief(name: str, data: bytes) -> None:
    root = etree.fromstring(data)
    findings = check_structure(root, Locator(name, data))
    assert findings.diagnostics == []
    assert findings.flagged == {}


def test_a_schema_error_the_pass_cannot_explain_is_still_reported(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = edited("<surname>Mensah</surname>", "<surname> </surname>")
    status, lines = validate(tmp_path, text, capsys)
    assert status == 2
    assert lines == ["brief.xml:6:53: error: <surname> is empty; it needs text"]
    assert check_structure(etree.fromstring(text.encode()), Locator("b", b"")).diagnostics == []


def test_a_pass_that_finds_nothing_lets_every_libxml2_line_through(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(schema_messages, "check_structure", lambda root, at, limit=None: Findings())
    status, lines = validate(tmp_path, edited("<p>Walls", "<blink/><p>Walls"), capsys)
    assert status == 2
    assert lines == ["brief.xml:11:1: error: Did not expect element blink there"]


def structural_variants(data: bytes) -> list[tuple[str, etree._Element]]:
    """The brief with one element removed, doubled or swapped with the next, or one attribute
    removed: each edit the schema may or may not allow."""
    variants = []
    count = len(list(etree.fromstring(data).iter()))
    for index in range(1, count):
        for edit in ("remove", "double", "swap", "strip"):
            root = etree.fromstring(data)
            element = list(root.iter())[index]
            parent = element.getparent()
            if not isinstance(element.tag, str) or parent is None:
                continue
            if edit == "remove":
                parent.remove(element)
            elif edit == "double":
                element.addnext(copy.deepcopy(element))
            elif edit == "swap" and element.getnext() is not None:
                element.getnext().addnext(element)
            elif edit == "strip" and element.attrib:
                del element.attrib[element.attrib.keys()[0]]
            else:
                continue
            variants.append((f"{edit}-{index}", root))
    return variants


def disagreements(data: bytes) -> list[tuple[str, bool, list[str]]]:
    """The structural edits of ``data`` where the pass and libxml2 disagree: libxml2 accepts
    and the pass names a problem, or libxml2 refuses and the pass names none."""
    schema = etree.RelaxNG(etree.parse(str(SCHEMA)))
    found = []
    for name, root in structural_variants(data):
        valid = schema.validate(etree.ElementTree(root))
        findings = check_structure(root, Locator(name, b""))
        if valid == bool(findings.diagnostics):
            found.append((name, valid, [d.message for d in findings.diagnostics]))
    return found


def test_the_pass_agrees_with_the_schema_on_structural_edits() -> None:
    """The edits change structure only, never a value's form, so libxml2's verdict is the pass's."""
    assert disagreements(BRIEF.encode()) == []


@pytest.mark.slow
@pytest.mark.parametrize("path", example_paths(), ids=lambda path: path.stem)
def test_the_pass_agrees_with_the_schema_on_structural_edits_of_the_examples(path: Path) -> None:
    assert disagreements(path.read_bytes()) == []


@pytest.mark.parametrize(
    ("pattern", "value", "matches"),
    [
        (r".*\S.*", " x ", True),
        (r".*\S.*", "\u00a0", True),  # not an XML blank
        (r".*\S.*", " \t", False),
        (r"[^@\s]+@[^@\s]+", "a@b", True),
        (r"[^@\s]+@[^@\s]+", "a b@c", False),
        (r"\d{4}(-\d{2}(-\d{2})?)?", "2026-05", True),
        (r"a$", "a", False),  # "$" is a plain character in XML Schema
        (r"a$", "a$", True),
    ],
)
def test_schema_patterns_read_as_xml_schema_reads_them(
    pattern: str, value: str, matches: bool
) -> None:
    translated = python_pattern(pattern)
    assert translated is not None
    assert (re.fullmatch(translated, value) is not None) is matches


@pytest.mark.parametrize("pattern", [r"\p{L}+", r"[a-z-[aeiou]]", r"\i\c*"])
def test_patterns_outside_the_translated_part_are_not_guessed(pattern: str) -> None:
    assert python_pattern(pattern) is None
