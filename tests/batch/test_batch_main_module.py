"""Workers run briefexport's own functions, never the program's main module: a program read
from standard input (which has no file to run again), a script, a module run with ``-m`` and a
``-c`` command all convert, and the main module runs once, in the program itself."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest

from briefexport.batch import RunOptions, convert_collection, server
from support.batch import BROKEN, GOOD, interpreter_output
from support.skips import require_module

PROGRAM = """
import sys
from briefexport.batch import RunOptions, convert_collection

with open(sys.argv[3], "a", encoding="utf-8") as runs:  # once each time this module runs
    runs.write("ran\\n")

if __name__ == "__main__":
    run = RunOptions(jobs=2, recycle_after=1)  # workers replaced while the run goes on too
    summary = convert_collection(sys.argv[1], sys.argv[2], "jats", run)
    print(summary.exit_status, sorted(summary.converted))
"""

SPAWNED = "import multiprocessing\nmultiprocessing.get_all_start_methods = lambda: ['spawn']\n"
"""Workers spawned as where there is no fork server (Windows)."""

# how the program is run: the interpreter's arguments before the program's own, and its input
WAYS = {
    "stdin": (["-"], PROGRAM),
    "stdin-spawned": (["-"], SPAWNED + PROGRAM),
    "script": (["program.py"], None),
    "module": (["-m", "program"], None),
    "command": (["-c", PROGRAM], None),
}


@pytest.fixture(autouse=True)
def only_good_briefs(collection: Path) -> None:
    (collection / BROKEN).unlink()


# the fast suite runs the program read from standard input, the one with no file to run again;
# each other way is a run of its own interpreter and workers, in the slow suite
@pytest.mark.parametrize(
    "way", [way if way == "stdin" else pytest.param(way, marks=pytest.mark.slow) for way in WAYS]
)
def test_every_kind_of_program_converts_and_runs_its_main_module_once(
    collection: Path, out: Path, tmp_path: Path, way: str
) -> None:
    arguments, stdin = WAYS[way]
    (tmp_path / "program.py").write_text(PROGRAM, encoding="utf-8")
    runs = tmp_path / "runs.txt"
    command = [*arguments, str(collection), str(out), str(runs)]
    printed = interpreter_output(command, stdin=stdin, cwd=tmp_path)
    assert printed == f"0 {GOOD}\n"
    for name in GOOD:
        assert (out / Path(name).with_suffix(".jats.xml")).is_file()
    assert runs.read_text(encoding="utf-8") == "ran\n"


def test_the_programs_main_module_is_left_as_it_was(collection: Path, out: Path) -> None:
    main = sys.modules["__main__"]
    file = getattr(main, "__file__", None)
    summary = convert_collection(collection, out, "jats", RunOptions(jobs=2))
    assert sorted(summary.converted) == GOOD
    assert sys.modules["__main__"] is main
    assert getattr(main, "__file__", None) == file


THREADED = """
import sys, threading
from multiprocessing import spawn
from briefexport.batch import RunOptions, convert_collection

main, seen, results = sys.modules["__main__"], [], []
stdlib_preparation_data = spawn.get_preparation_data

def noting(name):  # runs as each worker starts, in the thread that starts it
    seen.append(sys.modules["__main__"] is main)
    return stdlib_preparation_data(name)

spawn.get_preparation_data = noting

def convert():
    run = RunOptions(jobs=2, recycle_after=1)  # a worker started for every brief
    results.append(convert_collection(sys.argv[1], sys.argv[2], "jats", run))

batch = threading.Thread(target=convert)
batch.start()
batch.join()
print(results[0].exit_status, len(results[0].converted), len(seen) > 2, all(seen))
"""


def test_other_threads_of_the_program_keep_its_main_module_while_workers_start(
    collection: Path, out: Path, tmp_path: Path
) -> None:
    for number in range(12):  # more than one worker's life
        (collection / f"copy-{number}.xml").write_bytes((collection / GOOD[1]).read_bytes())
    command = ["-c", THREADED, str(collection), str(out)]
    printed = interpreter_output(command, stdin=None, cwd=tmp_path)
    assert printed == f"0 {len(GOOD) + 12} True True\n"


@pytest.mark.slow
def test_a_local_dask_cluster_from_standard_input_is_refused_with_a_reason(
    collection: Path, out: Path, tmp_path: Path
) -> None:
    require_module("distributed", "test extra")
    program = (
        "import sys\n"
        "from briefexport.batch import RunOptions, convert_collection\n"
        "from briefexport.errors import BriefexportError\n"
        "try:\n"
        '    convert_collection(sys.argv[1], sys.argv[2], "jats", RunOptions(executor="dask"))\n'
        "except BriefexportError as error:\n"
        "    print(error)\n"
    )
    printed = interpreter_output(["-", str(collection), str(out)], stdin=program, cwd=tmp_path)
    assert "a program read from standard input cannot be" in printed
    assert not out.exists() or not any(out.rglob("*.jats.xml"))


@pytest.mark.slow
def test_a_local_dask_cluster_starts_from_a_guarded_script(
    collection: Path, out: Path, tmp_path: Path
) -> None:
    require_module("distributed", "test extra")
    program = PROGRAM.replace(
        "RunOptions(jobs=2, recycle_after=1)", 'RunOptions(jobs=2, executor="dask")'
    )
    assert program != PROGRAM
    (tmp_path / "program.py").write_text(program, encoding="utf-8")
    command = ["program.py", str(collection), str(out), str(tmp_path / "runs.txt")]
    printed = interpreter_output(command, stdin=None, cwd=tmp_path)
    assert printed == f"0 {GOOD}\n"


def test_only_processes_named_as_workers_start_without_the_main_module() -> None:
    def stdlib(name: str) -> dict[str, Any]:
        return {"name": name, "init_main_from_path": "program.py"}

    preparation_data = server._without_main(stdlib)
    assert "init_main_from_path" not in preparation_data("briefexport-worker-3")
    assert "init_main_from_path" not in preparation_data("briefexport-worker-2:1")
    for other in ("briefexport-workers-helper", "briefexport-worker-1x", "my-worker-1"):
        assert preparation_data(other)["init_main_from_path"] == "program.py"
