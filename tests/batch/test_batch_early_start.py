"""The program's own batch run (a process exiting 0) starts its workers' fork server before it imports the command's
parser and the model (:mod:`briefexport.cli.early`), with the writers of the run's formats;
what does not plainly ask for local workers starts nothing early."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from briefexport.cli.early import local_formats
from briefexport.format_targets import WRITER_TARGETS
from briefexport.formats import FORMATS
from support.batch import python_output
from support.paths import HARBOUR


def test_the_writer_targets_are_the_formats_own() -> None:
    assert list(WRITER_TARGETS) == list(FORMATS)
    assert {name: fmt.target for name, fmt in FORMATS.items()} == WRITER_TARGETS


@pytest.fixture
def in_a_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The working folder holds a folder of briefs, ``briefs``."""
    (tmp_path / "briefs").mkdir()
    monkeypatch.chdir(tmp_path)


@pytest.mark.parametrize(
    ("args", "formats"),
    [
        (["briefs", "--to", "jats,DOCX", "-o", "site"], ("jats", "docx")),
        (["--to=epub, jats,epub", "briefs", "-o", "site", "-j", "2"], ("epub", "jats")),
        (["briefs", "--to", "all", "-o", "site"], tuple(FORMATS)),
        (["briefs", "--to", "jats", "--executor", "local", "--style", "s"], ("jats",)),
        (["-osite", "--to=jats", "--executor=local", "briefs"], ("jats",)),
        (["-j", "2", "--to", "jats", "--", "briefs"], None),  # '2' is taken for the folder
        (["--to", "jats", "--", "briefs"], ("jats",)),
    ],
)
def test_a_local_run_of_known_formats_starts_early(
    args: list[str], formats: tuple[str, ...] | None, in_a_folder: None
) -> None:
    assert local_formats(args) == formats


@pytest.mark.parametrize(
    "args",
    [
        ["briefs", "-o", "site"],  # no --to: the parser says so
        ["briefs", "--to", "jats,nope", "-o", "site"],
        ["briefs", "--to", ",", "-o", "site"],
        ["briefs", "--to"],  # a usage error, said once, by the command
        ["briefs", "--to", "jats", "-n"],
        ["briefs", "--to", "jats", "--dry-run"],
        ["briefs", "--to", "jats", "--executor", "dask"],
        ["briefs", "--to", "jats", "--scheduler", "tcp://there:8786"],
        ["--to", "jats", "-h"],
        ["missing", "--to", "jats", "-o", "site"],  # no such folder: the command says so
        ["--to", "jats", "-o", "briefs"],  # no folder to convert
        ["briefs", "--to", "jats", "-nq"],  # flags run together: the command reads them
        ["briefs", "--to=jats", "--dry-run=yes"],
        ["briefs", "--to", "-o", "site"],  # --to without its value
        ["briefs", "--to", "jats", "--executor=dask"],
        ["briefs", "--to", "jats", "--help"],
    ],
)
def test_anything_else_starts_nothing_early(args: list[str], in_a_folder: None) -> None:
    assert local_formats(args) is None


RECORD_START = """
import atexit, json, sys
from multiprocessing import forkserver
started = []
atexit.register(lambda: print(json.dumps(started)))  # the command's own run ends with os._exit
def ensure_running():
    if not started:
        preload = forkserver._forkserver._preload_modules
        before = [name for name in ("argparse", "pathlib", "typing") if name in sys.modules]
        started.append({"model": "briefexport.model" in sys.modules, "preload": preload,
                        "imported": before})
    real()
real, forkserver.ensure_running = forkserver.ensure_running, ensure_running
sys.argv = ["briefexport", *sys.argv[1:]]
from briefexport.cli import main
main()
"""


def test_the_commands_own_run_starts_the_fork_server_before_the_model(tmp_path: Path) -> None:
    """Nor does it import argparse, pathlib or typing first."""
    (tmp_path / "briefs").mkdir()
    (tmp_path / "briefs" / "a.xml").write_bytes(HARBOUR.read_bytes())
    args = [str(tmp_path / "briefs"), "--to", "jats", "-o", str(tmp_path / "site"), "-j", "1"]
    started = json.loads(python_output(RECORD_START, "batch", *args).splitlines()[-1])
    assert (tmp_path / "site" / "a.jats.xml").is_file()
    assert started == [
        {
            "model": False,
            "preload": [*_worker_modules(), "briefexport.writers.jats"],
            "imported": [],  # nor the command's parser, nor pathlib, nor typing
        }
    ]


def test_a_dry_run_starts_no_fork_server(tmp_path: Path) -> None:
    (tmp_path / "briefs").mkdir()
    (tmp_path / "briefs" / "a.xml").write_bytes(HARBOUR.read_bytes())
    args = [str(tmp_path / "briefs"), "--to", "jats", "-o", str(tmp_path / "site"), "-n"]
    assert json.loads(python_output(RECORD_START, "batch", *args).splitlines()[-1]) == []
    assert not (tmp_path / "site").exists()


def _worker_modules() -> list[str]:
    """The fork server's first modules: its main script first where it drops its module path
    (:data:`briefexport.batch.server.SERVER_DROPS_PATH`)."""
    from briefexport.batch.server import SERVER_DROPS_PATH, WORKER_MODULES

    return (["__main__"] if SERVER_DROPS_PATH else []) + list(WORKER_MODULES)
