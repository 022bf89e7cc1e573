"""Edges of the reader (issue 14 items 9 and 10, issue 16 item 13): each is one located error
with a message a brief's author can act on, or a brief read the way its grid is checked."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

import briefexport
from briefexport.model import Table
from support.cli_runs import RunCli
from support.small_brief import BRIEF, edited, line_of

BODY_START = "<p>Walls need care"


def with_table(rows: str, wrap: str = "<table-wrap>") -> str:
    return edited(
        BODY_START, f"{wrap}<table><tbody>{rows}</tbody></table></table-wrap>{BODY_START}"
    )


def validate(brief_file: Callable[[str], Path], cli: RunCli, text: str) -> tuple[int, list[str]]:
    path = brief_file(text)
    status, err = cli("validate", path)
    return status, [line.replace(str(path), "brief.xml") for line in err.splitlines()]


def position(text: str, needle: str) -> str:
    """``LINE:COL`` of ``needle`` in ``text`` (1-based, columns in characters)."""
    line = line_of(text, needle)
    column = text.splitlines()[line - 1].index(needle) + 1
    return f"{line}:{column}"


# ------------------------------------------------------------------ item 9: a column no cell starts in


def test_a_lone_spanning_cell_is_refused(brief_file: Callable[[str], Path], cli: RunCli) -> None:
    text = with_table('<tr><td colspan="2">only</td></tr>')
    status, lines = validate(brief_file, cli, text)
    assert status == 2
    assert lines == [
        f"brief.xml:{position(text, '<table>')}: error: no cell starts in table column 2:"
        " a colspan reaches past the table's real width of 1 column"
    ]


def test_spanning_rows_with_one_full_row_are_fine(
    brief_file: Callable[[str], Path], cli: RunCli
) -> None:
    text = with_table('<tr><td colspan="2">wide</td></tr><tr><td>a</td><td>b</td></tr>')
    assert validate(brief_file, cli, text) == (0, [])


# ------------------------------------------------------------------ item 10: blank required text


@pytest.mark.parametrize("blank", ["\u2009", "\u3000", "\u00a0\u200b", "\ufeff"])
def test_a_required_field_of_unicode_space_is_empty(
    blank: str, brief_file: Callable[[str], Path], cli: RunCli
) -> None:
    text = edited("<publisher-name>Coastal Institute<", f"<publisher-name>{blank}<")
    status, lines = validate(brief_file, cli, text)
    assert status == 2
    where = position(text, "<publisher-name>")
    assert lines == [
        f"brief.xml:{where}: error: <publisher-name> holds only blank characters; it needs visible text"
    ]


def test_a_name_of_unicode_space_is_empty(brief_file: Callable[[str], Path], cli: RunCli) -> None:
    text = edited("<surname>Mensah</surname>", "<surname>\u2002 \u2002</surname>")
    status, lines = validate(brief_file, cli, text)
    assert status == 2
    assert [line.split(": error: ")[1] for line in lines] == [
        "<surname> holds only blank characters; it needs visible text"
    ]


def test_text_with_a_thin_space_inside_is_kept(
    brief_file: Callable[[str], Path], cli: RunCli
) -> None:
    text = edited("Coastal Institute", "Coastal\u2009Institute")
    assert validate(brief_file, cli, text)[0] == 0
    assert briefexport.load(brief_file(text)).meta.publisher == "Coastal\u2009Institute"


# ------------------------------------------------------------------ item 13: encodings


@pytest.mark.parametrize(
    ("encoding", "declaration"),
    [
        ("utf-16-le", ""),
        ("utf-16-le", '<?xml version="1.0" encoding="UTF-16"?>\n'),
        ("utf-16-be", ""),
    ],
)
def test_utf16_without_a_bom_is_refused(
    encoding: str, declaration: str, tmp_path: Path, cli: RunCli
) -> None:
    path = tmp_path / "brief.xml"
    path.write_bytes((declaration + BRIEF).encode(encoding))
    status, err = cli("validate", path)
    assert status == 2
    assert len(err.splitlines()) == 1
    assert f"{path}:1:" in err
    assert "a brief must be encoded in UTF-8" in err


def test_latin1_is_refused_where_the_first_bad_byte_is(tmp_path: Path, cli: RunCli) -> None:
    text = edited("Walls need care", "Walls need caré")
    path = tmp_path / "brief.xml"
    path.write_bytes(text.encode("latin-1"))
    status, err = cli("validate", path)
    assert status == 2
    assert err.strip() == (
        f"{path}:{position(text, 'é')}: error: not valid UTF-8 here: byte 0xE9;"
        " a brief must be encoded in UTF-8"
    )


# ------------------------------------------------------------------ item 13: spans as the schema reads them


@pytest.mark.parametrize("written", [" 2 ", "+2", "02", "\t2\n"])
def test_a_span_is_checked_as_it_is_read(
    written: str, brief_file: Callable[[str], Path], cli: RunCli
) -> None:
    # A two-column cell over a one-cell row: the grid check must see the 2 the model gets.
    text = with_table(f'<tr><td colspan="{written}">wide</td></tr><tr><td>a</td></tr>')
    status, lines = validate(brief_file, cli, text)
    assert status == 2
    assert [line.split(": error: ")[1] for line in lines] == [
        "table tbody: rows have different widths (2, 1 columns)"
    ]


def test_a_span_with_a_plus_builds_the_cell_it_was_checked_as(
    brief_file: Callable[[str], Path],
) -> None:
    text = with_table('<tr><td colspan="+2">wide</td></tr><tr><td>a</td><td>b</td></tr>')
    table = briefexport.load(brief_file(text)).body[0]
    assert isinstance(table, Table)
    assert [cell.colspan for row in table.body for cell in row.cells] == [2, 1, 1]


# ------------------------------------------------------------------ item 13: clearer schema messages


def test_an_underscore_language_tag_gets_a_hint(
    brief_file: Callable[[str], Path], cli: RunCli
) -> None:
    text = edited('xml:lang="en"', 'xml:lang="pt_BR"')
    status, lines = validate(brief_file, cli, text)
    assert status == 2
    assert lines == [
        f"brief.xml:{position(text, 'xml:lang=')}: error: xml:lang 'pt_BR' is not a BCP 47"
        " language tag; write 'pt-BR' (language tags use '-', not '_')"
    ]


@pytest.mark.parametrize(
    ("rows", "element", "message"),
    [
        (
            "<tr><td>a</td></tr><tr></tr>",
            "<tr></tr>",
            "a table row needs at least one cell (<td> or <th>)",
        ),
        ("", "<tbody>", "a table body needs at least one row (<tr>)"),
    ],
)
def test_an_empty_table_part_says_what_it_needs(
    rows: str, element: str, message: str, brief_file: Callable[[str], Path], cli: RunCli
) -> None:
    text = with_table(rows)
    status, lines = validate(brief_file, cli, text)
    assert status == 2
    assert lines == [f"brief.xml:{position(text, element)}: error: {message}"]


def test_an_empty_list_says_what_it_needs(brief_file: Callable[[str], Path], cli: RunCli) -> None:
    text = edited(BODY_START, f'<list list-type="bullet"></list>{BODY_START}')
    status, lines = validate(brief_file, cli, text)
    assert status == 2
    assert lines == [
        f"brief.xml:{position(text, '<list ')}: error: a list needs at least one <list-item>"
    ]


@pytest.mark.parametrize(
    ("declaration", "expected"),
    [
        (
            '<?xml version="1.0" encoding="ISO-8859-1"?>\n',
            "1:31: error: the XML declaration names encoding 'ISO-8859-1';"
            " a brief must be encoded in UTF-8",
        ),
        (
            '<?xml version="1.0" encoding="UT',
            "1:30: error: this value of the XML declaration is not closed:"
            ' write <?xml version="1.0" encoding="UTF-8"?>',
        ),
        (
            '<?xml version="1.0" encoding=',
            "1:30: error: the XML declaration is cut off after encoding=:"
            ' write <?xml version="1.0" encoding="UTF-8"?>',
        ),
        (
            '<?xml version="1.0" encoding=UTF-8?>\n',
            "1:30: error: the XML declaration needs quotes around its values:"
            ' write <?xml version="1.0" encoding="UTF-8"?>',
        ),
        (
            '<?xml encoding="UTF-8"?>\n',
            "1:1: error: the XML declaration needs its version:"
            ' write <?xml version="1.0" encoding="UTF-8"?>',
        ),
        (
            '<?xml version="1.0" encoding="UTF-8"?\n',
            "1:1: error: the XML declaration is malformed:"
            ' write <?xml version="1.0" encoding="UTF-8"?>',
        ),
        (
            '<?xml version"1.0" encoding="UTF-8"?>\n',
            "1:1: error: the XML declaration needs = between each name and its value:"
            ' write <?xml version="1.0" encoding="UTF-8"?>',
        ),
        (
            '<?xml version="1.0" standalone="maybe"?>\n',
            '1:1: error: the XML declaration takes standalone="yes" or "no" only:'
            ' write <?xml version="1.0" encoding="UTF-8"?>',
        ),
    ],
    ids=[
        "another-encoding-named",
        "cut-off-in-a-value",
        "cut-off-after-equals",
        "unquoted-value",
        "no-version",
        "no-closing-bracket",
        "no-equals",
        "standalone-value",
    ],
)
def test_a_wrong_declaration_is_one_line_at_its_fault(
    declaration: str, expected: str, tmp_path: Path, cli: RunCli
) -> None:
    path = tmp_path / "brief.xml"
    path.write_text(declaration + BRIEF, encoding="utf-8")
    status, err = cli("validate", path)
    assert status == 2
    assert err.strip() == f"{path}:{expected}"
