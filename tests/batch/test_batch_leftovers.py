"""Temporary files a killed worker left in the output folder are removed as the next run starts,
and only files of exactly that form."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from briefexport.batch import RunOptions, convert_collection
from briefexport.batch.leftovers import UNFINISHED_NAME, is_temporary_name, mark_enclosing_run
from briefexport.batch.manifest import MANIFEST_NAME
from briefexport.cli import main
from briefexport.output import create_temporary
from support.batch import SHORT, subprocess_environment
from support.paths import IMPORT_DATA

MARKDOWN = IMPORT_DATA / "ferry-brief.md"

LEFT = [".a.html.0123456789ab.tmp", "reports/.b.pdf.abcdefabcdef.tmp", ".x.y.000000000000.tmp"]
"""Names of temporary files a killed worker could leave."""
ALIKE = [
    ".a.html.0123456789AB.tmp",  # upper case
    ".a.html.0123456789a.tmp",  # eleven digits
    ".a.html.0123456789abc.tmp",  # thirteen: the dot is not where it must be
    "a.html.0123456789ab.tmp",  # no leading dot
    "..0123456789ab.tmp",  # no name
    ".a.html.0123456789ab.tmp.bak",
    ".a.html.0123456789ab",
    "notes.tmp",
    ".a.html-0123456789ab.tmp",
]
"""Names of files no run makes, which stay."""


def test_the_names_of_temporary_files(tmp_path: Path) -> None:
    long = "é" * 200 + ".html"  # shortened in the temporary file's name
    for target in (tmp_path / "a.html", tmp_path / long, tmp_path / ".hidden"):
        handle, temporary = create_temporary(target)
        os.close(handle)
        assert is_temporary_name(Path(temporary).name)
    assert all(is_temporary_name(Path(name).name) for name in LEFT)
    assert not any(is_temporary_name(name) for name in ALIKE)


def test_a_run_removes_the_temporary_files_left_in_its_output_folder(tmp_path: Path) -> None:
    collection = tmp_path / "briefs"
    collection.mkdir()
    (collection / "a.xml").write_bytes(SHORT.read_bytes())
    out = tmp_path / "out"
    for name in LEFT + ALIKE + [f"reports/{name}" for name in ALIKE]:
        (out / name).parent.mkdir(parents=True, exist_ok=True)
        (out / name).write_bytes(b"")
    convert_collection(collection, out, ["jats"], RunOptions(dry_run=True))
    assert all((out / name).exists() for name in LEFT)  # a dry run writes nothing
    assert convert_collection(collection, out, ["jats"]).exit_status == 0
    assert not any((out / name).exists() for name in LEFT)
    assert all((out / name).exists() for name in ALIKE)
    assert all((out / "reports" / name).exists() for name in ALIKE)


def test_only_a_folder_marked_unfinished_is_searched_again(tmp_path: Path) -> None:
    collection = tmp_path / "briefs"
    collection.mkdir()
    (collection / "a.xml").write_bytes(SHORT.read_bytes())
    out = tmp_path / "out"
    assert convert_collection(collection, out, ["jats"]).exit_status == 0
    assert not (out / UNFINISHED_NAME).exists()  # the run ended with its workers as it should
    for name in LEFT:
        (out / name).parent.mkdir(parents=True, exist_ok=True)
        (out / name).write_bytes(b"")
    convert_collection(collection, out, ["jats"], RunOptions(force=True))
    assert all((out / name).exists() for name in LEFT)  # no run was left unfinished
    (out / UNFINISHED_NAME).write_bytes(b"")  # as a killed run leaves it
    convert_collection(collection, out, ["jats"])
    assert not any((out / name).exists() for name in LEFT)
    assert not (out / UNFINISHED_NAME).exists()


KILLED_WHILE_WRITING = """
import os, signal, sys
from pathlib import Path
from briefexport.cli import main
from briefexport.output import atomic

folder, committed = Path(sys.argv[1]), atomic.commit_temporary

def killed(temporary, path):  # as a kill arriving once the output is written, not yet renamed
    if path.is_relative_to(folder):  # not a scratch copy (an import's figures)
        os.kill(os.getpid(), signal.SIGKILL)
    committed(temporary, path)

atomic.commit_temporary = killed
main(sys.argv[2:])
"""
"""Runs the command (its arguments after FOLDER), killed as it puts a file below FOLDER in
place."""


def single_write(command: str, folder: Path) -> list[str]:
    """The arguments of a single ``export`` (to HTML) or ``import`` (of a Markdown brief) that
    writes into ``folder``."""
    if command == "export":
        return [str(SHORT), "--to", "html", "-o", str(folder)]
    return ["import", str(MARKDOWN), "-o", str(folder / "ferry.xml"), "-q"]


@pytest.mark.slow
@pytest.mark.parametrize("command", ["export", "import"])
def test_a_single_export_or_import_killed_in_a_batch_folder_leaves_nothing_after_the_next_run(
    tmp_path: Path, command: str
) -> None:
    """``briefexport BRIEF.xml -o OUT/sub`` or ``briefexport import SOURCE -o OUT/sub/X.xml``
    killed as it writes leaves its temporary file; the next batch run into OUT removes it,
    though the batch runs themselves all ended well."""
    collection = tmp_path / "briefs"
    collection.mkdir()
    (collection / "a.xml").write_bytes(SHORT.read_bytes())
    out = tmp_path / "out"
    assert convert_collection(collection, out, ["jats"]).exit_status == 0
    sub = out / "extra"
    killed = subprocess.run(
        [sys.executable, "-c", KILLED_WHILE_WRITING, str(sub), *single_write(command, sub)],
        env=subprocess_environment(),
    )
    assert killed.returncode == -signal.SIGKILL
    [stray] = [path for path in sub.rglob("*") if is_temporary_name(path.name)]
    assert convert_collection(collection, out, ["jats"]).exit_status == 0
    assert not stray.exists()
    assert not (out / UNFINISHED_NAME).exists()


def test_a_single_export_marks_only_the_nearest_batch_folder_above_it(tmp_path: Path) -> None:
    outer, inner = tmp_path / "outer", tmp_path / "outer" / "inner"
    inner.mkdir(parents=True)
    assert mark_enclosing_run(inner / "new" / "deeper") is None  # no batch folder yet
    for folder in (outer, inner):
        (folder / MANIFEST_NAME).write_text("{}")
    assert mark_enclosing_run(inner / "new" / "deeper") == inner / UNFINISHED_NAME
    assert (inner / UNFINISHED_NAME).is_file()
    assert not (outer / UNFINISHED_NAME).exists()


@pytest.mark.parametrize("command", ["export", "import"])
def test_a_single_export_or_import_marks_the_batch_folder_it_writes_into(
    tmp_path: Path, command: str
) -> None:
    collection = tmp_path / "briefs"
    collection.mkdir()
    (collection / "a.xml").write_bytes(SHORT.read_bytes())
    out = tmp_path / "out"
    assert convert_collection(collection, out, ["jats"]).exit_status == 0
    assert not (out / UNFINISHED_NAME).exists()
    assert main(single_write(command, out / "extra" / "deeper")) == 0
    assert (out / UNFINISHED_NAME).is_file()
