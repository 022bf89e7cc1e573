"""Benchmark (run on demand, never in the test suite): does a batch worker's memory stay flat?

A local batch worker of a run without PDF pages lives 1000 briefs by default (500 when the run
lays out PDF pages). This converts ``--briefs`` briefs in one process the way a worker does
(``run_chunk`` on one job at a time, the writers imported once and the heap frozen after them),
cycling through a collection of 100 generated briefs (as in ``batch_vs_pandoc.py``), and prints
the resident memory after every tenth of them, for each format.

Usage: ``python benchmarks/worker_memory.py [--formats jats,docx,epub,html,markdown,pdf]
[--briefs 1000]``; each format runs in a fresh process of its own (a PDF takes about 0.7 s).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from batch_vs_pandoc import REPO, write_collection

COLLECTION = 100


def resident_mb() -> float:
    """This process's resident memory, in MB."""
    with open("/proc/self/statm", encoding="ascii") as statm:
        pages = int(statm.read().split()[1])
    return pages * os.sysconf("SC_PAGE_SIZE") / 2**20


def convert_many(fmt: str, collection: Path, out: Path, briefs: int) -> list[float]:
    """Resident MB after every tenth of ``briefs`` conversions, in this process."""
    from briefexport.batch.chunks import run_chunk
    from briefexport.batch.heap import freeze_inherited
    from briefexport.batch.jobs import OK, ExportSettings, Job, prepare_worker

    prepare_worker((fmt,), False)
    freeze_inherited()
    sources = sorted(collection.glob("*.xml"))
    marks = []
    for number in range(briefs):
        source = sources[number % len(sources)]
        target = out / f"{source.stem}.{fmt}"
        job = Job(source, source.name, "xml", ((fmt, target),), ExportSettings())
        [result] = run_chunk((job,))
        if result.status != OK:
            raise SystemExit(f"{source}: {result.errors}")
        if (number + 1) % max(1, briefs // 10) == 0:
            marks.append(resident_mb())
    return marks


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--formats", default="jats,docx,epub,html,markdown")
    parser.add_argument("--briefs", type=int, default=1000)
    parser.add_argument("--one", help=argparse.SUPPRESS)  # FMT:COLLECTION:OUT, in a child
    args = parser.parse_args()
    if args.one:
        fmt, collection, out = args.one.split(":")
        marks = convert_many(fmt, Path(collection), Path(out), args.briefs)
        print(f"{fmt}: " + ", ".join(f"{mb:.1f}" for mb in marks))
        return
    print(f"resident MB after every tenth of {args.briefs} briefs, one worker-like process each:")
    with tempfile.TemporaryDirectory() as folder:
        collection = write_collection(Path(folder) / "collection", COLLECTION)[0]
        for fmt in args.formats.split(","):
            out = Path(folder) / f"out-{fmt}"
            out.mkdir()
            one = f"{fmt}:{collection}:{out}"
            command = [sys.executable, __file__, "--briefs", str(args.briefs), "--one", one]
            subprocess.run(command, check=True, env={**os.environ, "PYTHONPATH": str(REPO / "src")})


if __name__ == "__main__":
    main()
