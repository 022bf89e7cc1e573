"""The command line: names, exit statuses, atomic writes, refusals and lazy imports."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from briefexport.cli import main
from briefexport.cli.export import parse_formats
from briefexport.formats import FORMATS, Format
from support.paths import EXAMPLES, IMPORT_DATA
from support.paths import HARBOUR as SHORT
from support.paths import TOUR as FEATURES


def test_version_and_help_document_the_exit_statuses(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as version:
        main(["--version"])
    assert version.value.code == 0
    assert capsys.readouterr().out.startswith("briefexport ")
    with pytest.raises(SystemExit) as shown:
        main(["--help"])
    assert shown.value.code == 0
    assert (
        "exit status: 0 success, 1 an output could not be produced or written, 2 invalid input"
        in capsys.readouterr().out
    )


def test_formats_lists_every_registered_format(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["formats"]) == 0
    out = capsys.readouterr().out
    for name, fmt in FORMATS.items():
        assert f"{name} " in out
        assert fmt.suffix in out


def test_export_names_outputs_after_the_brief_and_copies_figures(tmp_path: Path) -> None:
    assert main([str(FEATURES), "--to", "jats", "-o", str(tmp_path / "out")]) == 0
    assert (tmp_path / "out" / "feature-tour.jats.xml").is_file()
    figure = next((EXAMPLES / "figures").glob("*.png"))
    assert (tmp_path / "out" / "figures" / figure.name).read_bytes() == figure.read_bytes()


def test_default_output_folder_is_beside_the_brief(tmp_path: Path) -> None:
    brief = tmp_path / SHORT.name
    shutil.copy(SHORT, brief)
    assert main([str(brief), "--to", "jats", "-q"]) == 0
    assert (tmp_path / "harbour-resilience.jats.xml").is_file()


def test_writing_over_the_input_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    brief = tmp_path / "again.jats.xml"
    shutil.copy(SHORT, brief)
    before = brief.read_bytes()
    assert main([str(brief), "--to", "jats"]) == 2
    assert capsys.readouterr().err == f"{brief}:1:1: error: refusing to write over the input\n"
    assert brief.read_bytes() == before


def test_a_failing_writer_keeps_the_good_output_and_leaves_no_partial_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    good = tmp_path / "harbour-resilience.jats.xml"
    good.write_bytes(b"a good earlier output")
    broken = Format(
        "jats", ".jats.xml", "application/jats+xml", "support.fakes:failing_writer", "", ""
    )
    monkeypatch.setitem(FORMATS, "jats", broken)
    assert main([str(SHORT), "--to", "jats", "-o", str(tmp_path)]) == 1
    err = capsys.readouterr().err
    assert f"{SHORT}:1:1: error: cannot write jats: jats writer failed: RuntimeError: disk" in err
    assert "Traceback" not in err
    assert good.read_bytes() == b"a good earlier output"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["harbour-resilience.jats.xml"]


def test_invalid_brief_writes_nothing_but_valid_ones_still_export(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.xml"
    bad.write_text("<article/>")
    out = tmp_path / "out"
    assert main([str(bad), str(SHORT), "--to", "jats", "-o", str(out)]) == 2
    assert sorted(p.name for p in out.iterdir()) == ["harbour-resilience.jats.xml"]
    assert f"{bad}:1:1: error:" in capsys.readouterr().err


@pytest.mark.parametrize("args", [["--to", "nonsense"], ["--to", ""], []])
def test_usage_errors_exit_2(args: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    try:
        status = main([str(SHORT), *args]) if args else main([])
    except SystemExit as stop:
        status = int(stop.code or 0)
    assert status == 2
    assert "Traceback" not in capsys.readouterr().err


def test_validate_prints_valid_and_exits_zero(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", str(SHORT), str(FEATURES)]) == 0
    assert capsys.readouterr().out.splitlines() == [f"{SHORT}: valid", f"{FEATURES}: valid"]


def test_jats_export_and_validate_never_import_the_heavy_writers(tmp_path: Path) -> None:
    script = (
        "import sys\n"
        "from briefexport.cli import main\n"
        f"assert main([{str(FEATURES)!r}, '--to', 'jats', '-q', '-o', {str(tmp_path)!r}]) == 0\n"
        f"assert main(['validate', '-q', {str(SHORT)!r}]) == 0\n"
        "heavy = {'weasyprint', 'ebooklib', 'docx', 'pydyf', 'fontTools'}\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in heavy))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"


def test_python_dash_m_runs_the_command() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "briefexport", "validate", str(SHORT)],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0
    assert result.stdout.strip() == f"{SHORT}: valid"


def test_api_load_and_export(tmp_path: Path) -> None:
    import briefexport

    brief = briefexport.load(SHORT)
    target = briefexport.export(brief, "jats", tmp_path / "api.jats.xml")
    assert briefexport.load(target) == brief


def test_import_writes_a_valid_brief_with_its_figures_elsewhere(tmp_path: Path) -> None:
    target = tmp_path / "elsewhere" / "ferry.xml"
    assert main(["import", str(IMPORT_DATA / "ferry-brief.md"), "-o", str(target), "-q"]) == 0
    assert list((tmp_path / "elsewhere").rglob("*.png"))
    assert main(["validate", "-q", str(target)]) == 0


def test_import_takes_the_series_from_the_option(tmp_path: Path) -> None:
    import briefexport

    target = tmp_path / "extracted.xml"
    source = IMPORT_DATA / "extracted-brief.txt"
    assert main(["import", str(source), "-o", str(target), "--series", "Policy Memo", "-q"]) == 0
    assert briefexport.load(target).meta.series == "Policy Memo"


def test_import_of_broken_markdown_exits_2_and_writes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "broken.md"
    source.write_text("---\ntitle: [unclosed\n---\nBody.\n")
    assert main(["import", str(source), "-o", str(tmp_path / "out.xml")]) == 2
    err = capsys.readouterr().err
    assert f"{source}:" in err
    assert "Traceback" not in err
    assert not (tmp_path / "out.xml").exists()


def test_api_takes_paths_as_strings(tmp_path: Path) -> None:
    import briefexport

    brief = briefexport.load(str(SHORT))
    from briefexport.shared.styles import default_style_dir

    style = str(default_style_dir())
    target = briefexport.export(brief, "html", str(tmp_path / "b.html"), style_dir=style)
    assert target.read_bytes().startswith(b"<!DOCTYPE html>")


def test_import_refuses_notes_outside_paragraphs_at_the_source_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "n.md"
    source.write_text(
        "---\ntitle: T\nseries: S\npublisher: P\nauthors:\n  - name: Ada Okafor\ndate: 2024-06-14\nlanguage: en\n---\n\n"
        "Lead.[^a]\n\n## Heading with note[^a]\n\n[^a]: A note.\n"
    )
    assert main(["import", str(source), "-o", str(tmp_path / "out" / "n.xml")]) == 2
    err = capsys.readouterr().err
    assert f"{source}:13:1: error: footnote [^a] cannot be called from a heading" in err


FRONT = "---\ntitle: T\nseries: S\npublisher: P\nauthors:\n  - name: Ada Okafor\ndate: 2024-06-14\nlanguage: en\n---\n\n"


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Text[^a].\n\n[^a]:\n", ":1:1: error: "),
        (
            "*" * 500 + "x" + "*" * 500 + "\n",
            ":1:1: error: formatting is nested too deeply to import",
        ),
        ("hello\x00world\n", ":11:6: error: control character U+0000 cannot appear in a brief"),
    ],
    ids=["empty-footnote", "deep-emphasis", "nul-byte"],
)
def test_odd_markdown_gets_a_located_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], body: str, expected: str
) -> None:
    source = tmp_path / "odd.md"
    source.write_text(FRONT + body)
    assert main(["import", str(source), "-o", str(tmp_path / "odd.xml")]) == 2
    err = capsys.readouterr().err
    assert f"{source}{expected}" in err
    assert "internal error" not in err
    assert not (tmp_path / "odd.xml").exists()


def test_markdown_round_trip_keeps_figure_names_with_spaces(tmp_path: Path) -> None:
    import briefexport

    folder = tmp_path / "src"
    (folder / "figures").mkdir(parents=True)
    figure = next((EXAMPLES / "figures").glob("*.png"))
    (folder / "figures" / "heat calls ü.png").write_bytes(figure.read_bytes())
    text = FEATURES.read_text(encoding="utf-8").replace(
        f"figures/{figure.name}", "figures/heat calls ü.png"
    )
    (folder / "b.xml").write_text(text, encoding="utf-8")
    assert main([str(folder / "b.xml"), "--to", "markdown", "-q", "-o", str(tmp_path / "md")]) == 0
    assert (
        main(
            ["import", str(tmp_path / "md" / "b.md"), "-o", str(tmp_path / "back" / "b.xml"), "-q"]
        )
        == 0
    )
    assert briefexport.load(tmp_path / "back" / "b.xml") == briefexport.load(folder / "b.xml")


@pytest.mark.parametrize(
    ("option", "message"),
    [
        (["--style", "."], "not a style folder"),
        (["--reference-docx", "missing.docx"], "no such file"),
    ],
    ids=["style-without-brand", "missing-template"],
)
def test_unusable_style_or_template_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], option: list[str], message: str
) -> None:
    assert main([str(SHORT), "--to", "html", "-o", str(tmp_path), *option]) == 2
    assert message in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []


def test_all_may_stand_among_other_formats() -> None:
    others = [name for name in FORMATS if name != "markdown"]
    assert parse_formats("markdown, ALL,jats") == ["markdown", *others]
