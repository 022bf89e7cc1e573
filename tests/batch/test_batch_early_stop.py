"""Ctrl-C or SIGTERM in the first moments of ``briefexport batch``, while its workers' fork
server is still importing: one line, exit status 1, no traceback (from the command or the fork
server), no partial file, and a rerun that converts everything."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from briefexport.batch.manifest import MANIFEST_NAME
from support.batch import SHORT, cli_command, subprocess_environment

SIGNALLED_AT = """
import os, signal, sys, time
from pathlib import Path
from briefexport import cli
from briefexport.batch import convert, server
from briefexport.cli import collector, early

moment, name = sys.argv[1:3]
sys.argv[1:] = sys.argv[3:]
marks = Path(os.environ["BRIEFEXPORT_TEST_MARKS"])
owner, attribute = {
    "start": (collector, "pause_for_imports"),
    "server": (early, "start_batch_workers"),
    "run": (convert.CollectionRun, "execute"),
}[moment]
original = getattr(owner, attribute)
stop = getattr(signal, name)
if moment == "server":  # the first of the modules the fork server imports, waiting there
    server.WORKER_MODULES = ("support.server_marker", *server.WORKER_MODULES)

def signalled(*args, **kwargs):
    if moment != "run":
        original(*args, **kwargs)
    if moment == "server":
        deadline = time.monotonic() + 120
        while not (marks / "importing").exists() and time.monotonic() < deadline:
            time.sleep(0.01)
    signal.pthread_sigmask(signal.SIG_BLOCK, [stop])  # delivered here once all is done
    os.killpg(0, stop)  # as a terminal's Ctrl-C, or a service manager
    (marks / "go-on").touch()
    signal.pthread_sigmask(signal.SIG_UNBLOCK, [stop])
    if moment == "run":
        original(*args, **kwargs)

setattr(owner, attribute, signalled)
cli.main()
"""
"""Runs the command (its arguments after the moment and the signal's name),
signalling its process group once the program starts, once the fork server is amid its imports
(:mod:`support.server_marker`), or as the run is about to hand out briefs."""


def marked_environment(marks: Path) -> dict[str, str]:
    """The command's environment: the fork server finds :mod:`support.server_marker` (Python
    3.11's fork server takes its module path from PYTHONPATH alone) and its folder."""
    environment = subprocess_environment()
    tests = str(Path(__file__).parents[1])
    environment["PYTHONPATH"] = os.pathsep.join([tests, environment["PYTHONPATH"]])
    return {**environment, "BRIEFEXPORT_TEST_MARKS": str(marks)}


@pytest.mark.slow
@pytest.mark.parametrize(
    ("moment", "name"),
    [("start", "SIGINT"), ("server", "SIGINT"), ("server", "SIGTERM"), ("run", "SIGINT")],
)
def test_a_stop_while_the_workers_start_is_clean_and_a_rerun_does_everything(
    tmp_path: Path, moment: str, name: str
) -> None:
    collection = tmp_path / "briefs"
    collection.mkdir()
    for number in range(2):
        shutil.copy(SHORT, collection / f"brief-{number}.xml")
    out = tmp_path / "out"
    args = ["batch", str(collection), "--to", "pdf,jats", "-o", str(out), "-j", "2"]
    marks = tmp_path / "marks"
    marks.mkdir()
    stopped = subprocess.run(
        [sys.executable, "-c", SIGNALLED_AT, moment, name, *args],
        env=marked_environment(marks),
        capture_output=True,
        text=True,
        start_new_session=True,  # its own process group, as a terminal's job
        timeout=300,
    )
    assert stopped.returncode == 1, stopped.stderr
    assert "Traceback" not in stopped.stderr
    assert "interrupted" in stopped.stderr
    assert not [path for path in tmp_path.rglob("*") if path.name.endswith(".tmp")]
    rerun = subprocess.run(
        cli_command(*args), env=subprocess_environment(), capture_output=True, text=True
    )
    assert rerun.returncode == 0, rerun.stderr
    records = json.loads((out / MANIFEST_NAME).read_text())["outputs"]
    assert len(records) == 4
