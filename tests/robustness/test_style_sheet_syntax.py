"""A syntax error in a style folder's own sheet is a warning at the sheet's ``FILE:LINE:COL``,
printed once per run whatever the format, and the outputs are still written; a sheet that is
not UTF-8 is an error and nothing is written (``shared.sheet_check``)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from briefexport.shared.sheet_check import css_syntax_errors, sheet_diagnostics
from briefexport.shared.styles import default_style_dir
from support.cli_runs import RunCli
from support.skips import require_module
from support.small_brief import BRIEF

SHEETS = ("common.css", "html.css", "epub.css", "pdf.css")
FORMATS = ("html", "epub", "pdf", "docx", "jats", "markdown")
SUFFIXES = {"html": ".html", "epub": ".epub", "pdf": ".pdf", "docx": ".docx",
            "jats": ".jats.xml", "markdown": ".md"}  # fmt: skip
# The colon left out of the second declaration, which starts at line 3, column 3.
BROKEN = "/* own rules */\nmain h2 { color: #B00000;\n  margin-top 30pt;\n}\n"
WHERE = ":3:3: warning: CSS syntax error: not a declaration"


def folder_with(tmp_path: Path, name: str, text: str | bytes) -> Path:
    folder = tmp_path / "style"
    folder.mkdir(exist_ok=True)
    data = text.encode("utf-8") if isinstance(text, str) else text
    (folder / name).write_bytes(data)
    return folder


def warning_lines(err: str, sheet: Path) -> list[str]:
    return [line for line in err.splitlines() if line.startswith(f"{sheet}:")]


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_broken_print_sheet_is_reported_whatever_the_format(
    fmt: str, cli: RunCli, brief_file: Callable[[str], Path], tmp_path: Path
) -> None:
    folder = folder_with(tmp_path, "pdf.css", BROKEN)
    out = tmp_path / "out"
    status, err = cli(brief_file(BRIEF), "--to", fmt, "--style", folder, "-o", out)
    assert status == 0
    assert warning_lines(err, folder / "pdf.css") == [
        f"{folder / 'pdf.css'}{WHERE} ('name: value'); ignored up to the next ';'"
    ]
    assert (out / f"brief{SUFFIXES[fmt]}").is_file()


@pytest.mark.parametrize("name", SHEETS)
def test_each_sheet_is_reported_once_per_run(
    name: str, cli: RunCli, brief_file: Callable[[str], Path], tmp_path: Path
) -> None:
    folder = folder_with(tmp_path, name, BROKEN)
    out = tmp_path / "out"
    status, err = cli(brief_file(BRIEF), "--to", "html,epub,docx", "--style", folder, "-o", out)
    assert status == 0
    lines = warning_lines(err, folder / name)
    assert len(lines) == 1
    assert lines[0].startswith(f"{folder / name}{WHERE}")
    assert sorted(path.name for path in out.iterdir()) == ["brief.docx", "brief.epub", "brief.html"]


def test_the_typst_engine_reports_it_too(
    cli: RunCli, brief_file: Callable[[str], Path], tmp_path: Path
) -> None:
    require_module("typst", "test extra")
    folder = folder_with(tmp_path, "pdf.css", BROKEN)
    out = tmp_path / "out"
    status, err = cli(brief_file(BRIEF), "--to", "pdf", "--pdf-engine", "typst", "--style",
                      folder, "-o", out)  # fmt: skip
    assert status == 0
    assert len(warning_lines(err, folder / "pdf.css")) == 1
    assert (out / "brief.pdf").is_file()


def test_a_sheet_that_is_not_utf8_is_an_error_and_nothing_is_written(
    cli: RunCli, brief_file: Callable[[str], Path], tmp_path: Path
) -> None:
    folder = folder_with(tmp_path, "epub.css", b"p { color: red }\n/* caf\xe9 */\n")
    out = tmp_path / "out"
    status, err = cli(brief_file(BRIEF), "--to", "html", "--style", folder, "-o", out)
    assert status == 2
    assert f"{folder / 'epub.css'}:2:7: error: not UTF-8 (byte 0xe9)" in err
    assert not out.exists()


@pytest.mark.parametrize("name", SHEETS)
def test_the_shipped_sheets_have_no_syntax_error(name: str) -> None:
    css = (default_style_dir() / name).read_text(encoding="utf-8")
    assert css_syntax_errors(css) == []


def test_a_whole_copy_of_the_house_style_gives_no_warning(tmp_path: Path) -> None:
    folder = tmp_path / "copy"
    folder.mkdir()
    for name in SHEETS:
        (folder / name).write_bytes((default_style_dir() / name).read_bytes())
    assert sheet_diagnostics(folder) == []


# Each text, and the line, column and start of the message of each error in it.
ERRORS = {
    "missing colon": ("a { b: c; d 1px; }", [(1, 11, "not a declaration")]),
    "no block": ("a { b: c }\np", [(2, 1, "a selector or at-rule without its {} block")]),
    "unmatched": ("a { b: c }\n) p { }", [(2, 1, "unmatched ')'")]),
    "bad string": ('a { content: "x\n; b: c }', [(1, 14, "string not closed on its line")]),
    "bad url": ("a { b: url(x y) }", [(1, 8, "bad url()")]),
    "open block": ("a { b: c }\np { color: red", [(2, 3, "'{' not closed")]),
    "open function": (
        "p { width: calc(1px; }\nq { }",
        [(1, 12, "'calc(' not closed"), (1, 22, "unmatched '}'")],
    ),
    "open comment": ("a { b: c }\n/* the rest", [(2, 1, "comment not closed")]),
    "nested": ("@media print {\n  p { b c }\n}", [(2, 7, "not a declaration")]),
    "page margin box": ("@page { @top-left { content x } }", [(1, 21, "not a declaration")]),
}


@pytest.mark.parametrize("case", list(ERRORS))
def test_each_kind_of_error_is_placed(case: str) -> None:
    css, expected = ERRORS[case]
    found = [(line, column, message) for (line, column), message in css_syntax_errors(css)]
    assert len(found) == len(expected)
    for (line, column, message), (want_line, want_column, start) in zip(
        found, expected, strict=True
    ):
        assert (line, column) == (want_line, want_column)
        assert message.startswith(start)


def test_a_byte_order_mark_is_no_error() -> None:
    from briefexport.shared.sheet_check import sheet_problems

    assert sheet_problems("x.css", "\ufeffa { b: c }\n".encode()) == []


def test_the_typst_engine_says_a_url_of_the_print_sheet_is_not_used(
    cli: RunCli, brief_file: Callable[[str], Path], tmp_path: Path
) -> None:
    require_module("typst", "test extra")
    folder = folder_with(tmp_path, "pdf.css", "main h2 { color: #B00000 }\n\nbody {\n"
                         "  background: url(paper.png); }\n")  # fmt: skip
    (folder / "paper.png").write_bytes(b"not read")
    out = tmp_path / "out"
    status, err = cli(brief_file(BRIEF), "--to", "pdf", "--pdf-engine", "typst", "--style",
                      folder, "-o", out)  # fmt: skip
    assert status == 0
    assert warning_lines(err, folder / "pdf.css") == [
        f"{folder / 'pdf.css'}:4:15: warning: 'paper.png': not used by the Typst engine"
    ]
    assert (out / "brief.pdf").is_file()


def test_weasyprint_says_which_declarations_of_the_print_sheet_it_drops(
    cli: RunCli, brief_file: Callable[[str], Path], tmp_path: Path
) -> None:
    folder = folder_with(tmp_path, "pdf.css", "main h2 { color: #B00000\n  margin-top: 30pt;\n}\n"
                         "@page { @top-left { colr: red } }\n")  # fmt: skip
    out = tmp_path / "out"
    status, err = cli(brief_file(BRIEF), "--to", "pdf", "--style", folder, "-o", out)
    assert status == 0
    assert warning_lines(err, folder / "pdf.css") == [
        f"{folder / 'pdf.css'}:1:11: warning: CSS: WeasyPrint ignores "
        "`color: #B00000 margin-top: 30pt`: invalid value",
        f"{folder / 'pdf.css'}:4:21: warning: CSS: WeasyPrint ignores `colr: red`: unknown property",
    ]
    assert (out / "brief.pdf").is_file()


def test_weasyprint_drops_nothing_of_the_shipped_print_sheet(tmp_path: Path) -> None:
    from briefexport.writers.pdf.declarations import ignored_declarations

    folder = folder_with(tmp_path, "pdf.css", (default_style_dir() / "pdf.css").read_text() + "\n")
    assert ignored_declarations(folder) == []


# A declaration WeasyPrint drops, a colon left out, and a url() the Typst engine does not use.
EVERY_KIND = "main h2 { colr: red;\n  margin-top 30pt }\nbody { background: url(paper.png) }\n"


def logged_lines(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [record.getMessage() for record in caplog.records if record.name == "briefexport"]


@pytest.mark.parametrize(
    ("fmt", "engine", "found"),
    [
        ("html", "weasyprint", ["2:3: warning: CSS syntax error"]),
        ("bag", "weasyprint", ["1:11: warning: CSS: WeasyPrint ignores `colr: red`",
                               "2:3: warning: CSS syntax error"]),
        ("pdf", "typst", ["2:3: warning: CSS syntax error",
                          "3:20: warning: 'paper.png': not used by the Typst engine"]),
    ],
)  # fmt: skip
def test_the_python_api_logs_the_style_warnings_once_per_call(
    fmt: str,
    engine: str,
    found: list[str],
    brief_file: Callable[[str], Path],
    tmp_path: Path,
    caplog: pytest.LogCaptureFixture,
) -> None:
    import briefexport

    if engine == "typst":
        require_module("typst", "test extra")
    folder = folder_with(tmp_path, "pdf.css", EVERY_KIND)
    (folder / "paper.png").write_bytes(b"not read")
    brief = briefexport.load(brief_file(BRIEF))
    caplog.set_level("WARNING", logger="briefexport")
    briefexport.export(brief, fmt, tmp_path / f"brief.{fmt}", style_dir=folder, pdf_engine=engine)
    lines = [line for line in logged_lines(caplog) if "pdf.css" in line]
    assert len(lines) == len(found)
    for line, ending in zip(sorted(lines), sorted(found), strict=True):
        assert line.startswith(f"{folder / 'pdf.css'}:{ending}")


def test_the_python_api_refuses_a_sheet_that_is_not_utf8(
    brief_file: Callable[[str], Path], tmp_path: Path
) -> None:
    import briefexport
    from briefexport.errors import InvalidStyleError

    folder = folder_with(tmp_path, "html.css", b"p { color: red }\n/* caf\xe9 */\n")
    brief = briefexport.load(brief_file(BRIEF))
    with pytest.raises(InvalidStyleError) as raised:
        briefexport.export(brief, "html", tmp_path / "brief.html", style_dir=folder)
    assert [str(problem) for problem in raised.value.diagnostics] == [
        f"{folder / 'html.css'}:2:7: error: not UTF-8 (byte 0xe9); save the sheet as UTF-8"
    ]
    assert not (tmp_path / "brief.html").exists()


def test_a_sheet_imported_from_inside_the_folder_is_checked_once(
    cli: RunCli, brief_file: Callable[[str], Path], tmp_path: Path
) -> None:
    folder = folder_with(tmp_path, "pdf.css", '@import "more/print.css";\n')
    folder_with(tmp_path, "html.css", "@import url(more/print.css);\n")
    (folder / "more").mkdir()
    (folder / "more" / "print.css").write_text(BROKEN, "utf-8")
    out = tmp_path / "out"
    status, err = cli(brief_file(BRIEF), "--to", "html,docx", "--style", folder, "-o", out)
    assert status == 0
    sheet = folder / "more" / "print.css"
    assert warning_lines(err, sheet) == [
        f"{sheet}{WHERE} ('name: value'); ignored up to the next ';'"
    ]
    assert [line for line in err.splitlines() if "warning" in line] == warning_lines(err, sheet)


def test_sheets_that_import_each_other_are_checked_once_each(tmp_path: Path) -> None:
    folder = folder_with(tmp_path, "pdf.css", '@import "a.css";\np { b c }\n')
    (folder / "a.css").write_text('@import "pdf.css";\n@import "a.css";\nq { d e }\n', "utf-8")
    found = [(Path(problem.file).name, problem.line) for problem in sheet_diagnostics(folder)]
    assert found == [("pdf.css", 2), ("a.css", 3)]


def test_a_sheet_outside_the_folder_is_not_read(tmp_path: Path) -> None:
    folder = folder_with(tmp_path, "epub.css", '@import "../outside.css";\n@import "/etc/x.css";\n')
    (tmp_path / "outside.css").write_text(BROKEN, encoding="utf-8")
    assert sheet_diagnostics(folder) == []


def test_an_imported_sheet_that_is_not_utf8_is_an_error(tmp_path: Path) -> None:
    folder = folder_with(tmp_path, "common.css", '@import "x.css";\n')
    (folder / "x.css").write_bytes(b"/* caf\xe9 */\n")
    assert [str(problem) for problem in sheet_diagnostics(folder)] == [
        f"{folder / 'x.css'}:1:7: error: not UTF-8 (byte 0xe9); save the sheet as UTF-8"
    ]


# Each rule, and the line, column and start of the message of its invalid selector.
INVALID_SELECTORS = {
    "doubled dot": ("p..note { color: red }", (1, 3, "`p..note`: `.` not expected")),
    "combinator at the end": ("a { b: c }\nh2 > { color: red }", (2, 1, "`h2 >` ends too soon")),
    "empty item": ("a,,b { color: red }", (1, 3, "`a,,b`: `,` not expected")),
    "in a media rule": ("@media print {\n  q:: { color: red }\n}", (2, 6, "`q::`: a space")),
    "hash for a class": ("#1a { color: red }", (1, 1, "`#1a`: `#1a` not expected")),
}


@pytest.mark.parametrize("case", list(INVALID_SELECTORS))
def test_an_invalid_selector_is_placed(case: str, tmp_path: Path) -> None:
    css, (line, column, start) = INVALID_SELECTORS[case]
    folder = folder_with(tmp_path, "html.css", css)
    found = [
        (problem.line, problem.column, problem.message) for problem in sheet_diagnostics(folder)
    ]
    assert len(found) == 1
    assert found[0][:2] == (line, column)
    assert found[0][2].startswith(f"CSS: invalid selector {start}")
    assert found[0][2].endswith("; the whole rule is ignored")


@pytest.mark.parametrize("case", list(INVALID_SELECTORS))
def test_weasyprint_drops_each_rule_reported(case: str, caplog: pytest.LogCaptureFixture) -> None:
    from weasyprint import CSS

    caplog.set_level("WARNING", logger="weasyprint")
    CSS(string=INVALID_SELECTORS[case][0])
    assert [r for r in caplog.records if "Invalid or unsupported selector" in r.getMessage()]


VALID_SELECTORS = (
    "::-webkit-scrollbar", "p::part(x)", "svg|rect", "main { & p { color: red } }", "& p",
    ":dir(rtl)", ":is(a,,b)", "p:has(> img)", "li:nth-child(2n+1 of .x)", "li::marker",
    'a[href^="x" i]', "p:nth-child(odd)", "col:hover", ":where(h1, h2) + p",
)  # fmt: skip


@pytest.mark.parametrize("selector", VALID_SELECTORS)
def test_a_valid_or_unknown_selector_is_not_reported(selector: str, tmp_path: Path) -> None:
    css = selector if "{" in selector else f"{selector} {{ color: red }}"
    folder = folder_with(
        tmp_path, "epub.css", f"@keyframes k {{ from {{ a: b }} 50% {{ a: b }} }}\n{css}\n"
    )
    assert sheet_diagnostics(folder) == []


@pytest.mark.parametrize("name", SHEETS)
def test_the_shipped_sheets_have_no_invalid_selector(name: str) -> None:
    from briefexport.shared.sheet_selectors import selector_errors

    assert selector_errors((default_style_dir() / name).read_text(encoding="utf-8")) == []


def test_an_invalid_selector_is_printed_once_per_run(
    cli: RunCli, brief_file: Callable[[str], Path], tmp_path: Path
) -> None:
    folder = folder_with(tmp_path, "common.css", "main h2,, h3 { color: #B00000 }\n")
    out = tmp_path / "out"
    status, err = cli(brief_file(BRIEF), "--to", "html,epub,pdf", "--style", folder, "-o", out)
    assert status == 0
    assert warning_lines(err, folder / "common.css") == [
        f"{folder / 'common.css'}:1:9: warning: CSS: invalid selector `main h2,, h3`: `,` not "
        "expected; the whole rule is ignored"
    ]


def test_each_call_of_the_python_api_logs_the_sheets_as_they_are_now(
    brief_file: Callable[[str], Path], tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    import briefexport

    folder = folder_with(tmp_path, "html.css", BROKEN)
    brief = briefexport.load(brief_file(BRIEF))
    caplog.set_level("WARNING", logger="briefexport")
    for _call in range(2):
        briefexport.export(brief, "html", tmp_path / "brief.html", style_dir=folder)
    (folder / "html.css").write_text(f"\n{BROKEN}", encoding="utf-8")  # one line down
    briefexport.export(brief, "html", tmp_path / "brief.html", style_dir=folder)
    places = [line.split(": warning")[0] for line in logged_lines(caplog)]
    sheet = folder / "html.css"
    assert places == [f"{sheet}:3:3", f"{sheet}:3:3", f"{sheet}:4:3"]
