"""A Python warning that a library raises (here Pillow's, for an APNG without frames) is one of
the library's warnings: printed once per input, hidden by ``-q`` while errors are not, and in a
batch reported with the brief's other warnings instead of by the worker process itself."""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest

from briefexport.cli import main
from support.images import invalid_apng
from support.small_brief import BRIEF, edited

PILLOW = "warning: UserWarning: Invalid APNG, will use default PNG image if possible"


def apng_brief(folder: Path, name: str = "brief.xml") -> Path:
    (folder / "still.png").write_bytes(invalid_apng())
    figure = '<fig><graphic xlink:href="still.png"><alt-text>A still</alt-text></graphic></fig>'
    brief = folder / name
    brief.write_text(edited("</p>\n</body>", f"</p>{figure}\n</body>", BRIEF), "utf-8")
    return brief


def test_a_library_warning_said_again_is_printed_once(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Pillow opens the image to check it, and again to write each format
    brief = apng_brief(tmp_path)
    with warnings.catch_warnings():
        warnings.simplefilter("always")
        assert main([str(brief), "--to", "html,docx", "-o", str(tmp_path / "out")]) == 0
    assert capsys.readouterr().err == f"{brief}: {PILLOW}\n"


def test_quiet_hides_a_library_warning_but_not_an_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    brief, missing = apng_brief(tmp_path), tmp_path / "missing.xml"
    with warnings.catch_warnings():
        warnings.simplefilter("always")
        status = main([str(brief), str(missing), "--to", "html", "-q", "-o", str(tmp_path)])
    assert status == 2
    error = f"{missing}:1:1: error: cannot read file: No such file or directory\n"
    assert capsys.readouterr().err == error


@pytest.mark.parametrize("verbosity", ["-q", "-v"])
def test_a_batch_reports_a_library_warning_of_its_workers(
    tmp_path: Path, capfd: pytest.CaptureFixture[str], verbosity: str
) -> None:
    # capfd: a worker process writes to the standard error it inherits, not to sys.stderr
    (tmp_path / "briefs").mkdir()
    brief = apng_brief(tmp_path / "briefs")
    out = str(tmp_path / "out")
    assert main(["batch", str(brief.parent), "--to", "html", "-o", out, verbosity]) == 0
    err = capfd.readouterr().err
    if verbosity == "-q":
        assert err == ""
    else:
        assert [line for line in err.splitlines() if "APNG" in line] == [f"{brief}:1:1: {PILLOW}"]
