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
from briefexport.output import create_temporary
from support.batch import SHORT, subprocess_environment

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
from briefexport.cli import main
from briefexport.output import atomic

def killed(temporary, path):  # as a kill arriving once the output is written, not yet renamed
    os.kill(os.getpid(), signal.SIGKILL)

atomic.commit_temporary = killed
main(sys.argv[1:])
"""


@pytest.mark.slow
def test_a_single_export_killed_in_a_batch_folder_leaves_nothing_after_the_next_run(
    tmp_path: Path,
) -> None:
    """``briefexport BRIEF.xml -o OUT/sub`` killed as it writes leaves its temporary file; the
    next batch run into OUT removes it, though the batch runs themselves all ended well."""
    collection = tmp_path / "briefs"
    collection.mkdir()
    (collection / "a.xml").write_bytes(SHORT.read_bytes())
    out = tmp_path / "out"
    assert convert_collection(collection, out, ["jats"]).exit_status == 0
    sub = out / "extra"
    args = [str(SHORT), "--to", "html", "-o", str(sub)]
    killed = subprocess.run(
        [sys.executable, "-c", KILLED_WHILE_WRITING, *args], env=subprocess_environment()
    )
    assert killed.returncode == -signal.SIGKILL
    [stray] = [path for path in sub.iterdir() if is_temporary_name(path.name)]
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
