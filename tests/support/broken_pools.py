"""Tasks for a real local pool that hold their workers until the test lets them go, so that a
test decides which worker dies and which one outlives its pool.

Each brief (a job whose source names a file in the test's folder) is held only the first time
it is run: the worker writes its process id to ``NAME.pid`` and waits, ``victim`` until it is
killed, any other until the folder holds ``release`` (then it leaves ``NAME.PID.done``). Tried
again, a brief returns at once.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

from briefexport.batch.jobs import OK, Job, JobResult

VICTIM = "victim"
RELEASE = "release"


def held_chunk(jobs: tuple[Job, ...]) -> list[JobResult]:
    """Stands for :func:`briefexport.batch.chunks.run_chunk` in the worker."""
    for job in jobs:
        if _first_time(job.source):
            folder = job.source.parent
            _wait_for(folder / ("never" if job.relative == VICTIM else RELEASE))
            (folder / f"{job.relative}.{os.getpid()}.done").touch()
    return [JobResult(job.relative, OK) for job in jobs]


def _first_time(source: Path) -> bool:
    try:
        os.close(os.open(f"{source}.claim", os.O_CREAT | os.O_EXCL | os.O_WRONLY))
    except FileExistsError:
        return False
    Path(f"{source}.pid.part").write_text(str(os.getpid()))
    Path(f"{source}.pid.part").rename(f"{source}.pid")
    return True


def _wait_for(path: Path) -> None:
    while not path.exists():
        time.sleep(0.01)


def held_pid(source: Path, deadline: float) -> int:
    """The process id of the worker holding ``source``, once it holds it."""
    pid_file = Path(f"{source}.pid")
    while not pid_file.exists():
        assert time.monotonic() < deadline, f"no worker took {source.name}"
        time.sleep(0.01)
    return int(pid_file.read_text())


def held_task(folder: Path, name: str) -> int:
    """A task that leaves its worker's process id in ``NAME.pid`` and waits until ``folder``
    holds ``release``; returns the process id."""
    Path(folder, f"{name}.pid.part").write_text(str(os.getpid()))
    Path(folder, f"{name}.pid.part").rename(folder / f"{name}.pid")
    _wait_for(folder / RELEASE)
    return os.getpid()
