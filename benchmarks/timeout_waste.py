"""Benchmark (run on demand, never in the test suite): the work a brief over the time limit
makes the local workers do twice.

When a brief overruns ``--timeout``, its worker ends and the process pool breaks; the dispatcher
replaces the pool and tries again, alone, every brief the broken pool held: those before the
overrunning one in its worker's task, those its other workers had in hand (which they still
finish, their results lost with the pool) and those queued to them. This script measures how
many briefs are converted twice, and the processor time they take, in a collection of copies of
``examples/harbour-resilience.xml`` with one brief, ``hang.xml``, in the middle, which sleeps far
beyond the limit (as the tests' ``hang*`` briefs do). Each worker logs every brief it converts,
with the processor time of the conversion, to a file; a brief logged twice was converted twice.

Usage: ``python benchmarks/timeout_waste.py [--count 200] [--to jats,html] [--timeout 5]
[--jobs 2] [--repeat 3]``
"""

from __future__ import annotations

import argparse
import collections
import json
import os
import shutil
import tempfile
import time
from pathlib import Path

from briefexport.batch import RunOptions, chunks, convert_collection, local
from briefexport.batch.jobs import Job, JobResult, run_job
from briefexport.batch.limits import TimeLimit, prepare_local_worker

HARBOUR = Path(__file__).resolve().parents[1] / "examples" / "harbour-resilience.xml"
LOG = "BRIEFEXPORT_WASTE_LOG"
HANG_SECONDS = 3600.0


def logged_run_job(job: Job) -> JobResult:
    """A worker's conversion of one brief, logged; ``hang*`` briefs sleep first."""
    if Path(job.relative).name.startswith("hang"):
        time.sleep(HANG_SECONDS)
    result = run_job(job)
    with open(os.environ[LOG], "a", encoding="utf-8") as log:
        log.write(json.dumps([os.getpid(), job.relative, result.cpu_seconds]) + "\n")
    return result


def prepare(formats: tuple[str, ...], umask: int, limit: TimeLimit | None) -> None:
    """A local worker's start, then its chunks run the logged conversions."""
    prepare_local_worker(formats, umask, limit)
    chunks.run_job = logged_run_job  # type: ignore[attr-defined]


def write_collection(folder: Path, count: int) -> None:
    folder.mkdir()
    for number in range(count):
        side = "a" if number < count // 2 else "z"
        shutil.copy(HARBOUR, folder / f"{side}-{number:04}.xml")
    shutil.copy(HARBOUR, folder / "hang.xml")  # between the a- and the z- briefs


def measure(collection: Path, work: Path, options: argparse.Namespace) -> dict[str, object]:
    """One run; the log (named once: the fork server keeps the environment it started with)
    is emptied first."""
    log, out = Path(os.environ[LOG]), work / "out"
    log.write_bytes(b"")
    run = RunOptions(jobs=options.jobs, timeout=options.timeout, force=True)
    started = time.monotonic()
    summary = convert_collection(collection, out, options.to, run)
    seconds = time.monotonic() - started
    time.sleep(2 * options.timeout)  # the broken pool's workers finish what they hold
    rows = [json.loads(line) for line in log.read_text(encoding="utf-8").splitlines()]
    times = collections.defaultdict(list)
    for _, relative, cpu in rows:
        times[relative].append(cpu)
    twice = {relative: cpu for relative, cpu in times.items() if len(cpu) > 1}
    shutil.rmtree(out)
    return {
        "seconds": round(seconds, 2),
        "failed": [failure.source for failure in summary.failed],
        "conversions": len(rows),
        "briefs converted again": sum(len(cpu) - 1 for cpu in twice.values()),
        "CPU s in all": round(sum(cpu for _, _, cpu in rows), 2),
        "CPU s again": round(sum(sum(cpu) - min(cpu) for cpu in twice.values()), 2),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=200)
    parser.add_argument("--to", default="jats,html")
    parser.add_argument("--timeout", type=float, default=5.0)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--repeat", type=int, default=3)
    options = parser.parse_args()
    import timeout_waste  # workers find the hook by this name, not as the main module

    local.prepare_local_worker = timeout_waste.prepare  # type: ignore[attr-defined]
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        os.environ[LOG] = str(work / "log")
        write_collection(work / "briefs", options.count)
        for _ in range(options.repeat):
            print(json.dumps(measure(work / "briefs", work, options)), flush=True)


if __name__ == "__main__":
    main()
