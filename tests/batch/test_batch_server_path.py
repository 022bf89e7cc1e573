"""The workers' fork server imports what the program that starts it would: with the program's
module path, even where Python's fork server drops it (:mod:`briefexport.batch.server_path`)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from briefexport.batch import server
from support.batch import subprocess_environment

PROBE = """
import os
from pathlib import Path

WHERE = {where!r}
Path(os.environ["BRIEFEXPORT_TEST_MARKS"], f"{{WHERE}}.{{os.getpid()}}").touch()
"""
"""A module found in two folders, which leaves a mark of which one a process imported."""

PROGRAM = """
import os, sys, time
from pathlib import Path

sys.path.insert(0, sys.argv[1])  # as a program that puts its own modules on the path
import probe
from briefexport.batch import server

server.WORKER_MODULES = ("probe", *server.WORKER_MODULES)
server.start_worker_server(("jats",))
marks = Path(os.environ["BRIEFEXPORT_TEST_MARKS"])
deadline = time.monotonic() + 120
while len(list(marks.iterdir())) < 2 and time.monotonic() < deadline:
    time.sleep(0.01)
print(probe.WHERE, os.getpid(), *sorted(path.name for path in marks.iterdir()))
"""
"""Imports ``probe`` from the folder named first on its command line, then starts the fork
server with ``probe`` first on its list, and prints the marks once the server has left its."""


@pytest.mark.slow
def test_the_fork_server_imports_with_the_programs_module_path(tmp_path: Path) -> None:
    """The program runs in a folder holding one ``probe`` and puts another first on its
    path: the fork server, which a fresh interpreter would start with the working folder
    first, imports the program's."""
    marks, working, added = tmp_path / "marks", tmp_path / "working", tmp_path / "added"
    for folder in (marks, working, added):
        folder.mkdir()
    (working / "probe.py").write_text(PROBE.format(where="working"), encoding="utf-8")
    (added / "probe.py").write_text(PROBE.format(where="added"), encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-c", PROGRAM, str(added)],
        cwd=working,
        env={**subprocess_environment(), "BRIEFEXPORT_TEST_MARKS": str(marks)},
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    where, pid, *found = done.stdout.split()
    assert where == "added"
    [server_mark] = [mark for mark in found if not mark.endswith(f".{pid}")]
    assert server_mark.startswith("added.")


def test_only_the_fork_server_is_told_to_run_the_path_script() -> None:
    preparation_data = server._without_main(lambda name: {"name": name})
    expected = {"main_path": server.PATH_SCRIPT} if server.SERVER_DROPS_PATH else {}
    assert preparation_data(server.SERVER_DATA) == {"name": server.SERVER_DATA, **expected}
    assert preparation_data("other") == {"name": "other"}
    assert Path(server.PATH_SCRIPT).is_file()
