"""Benchmark, run on demand (never in the tests): briefexport's command beside pandoc's, cold.

Whole processes, as a user runs them: ``briefexport BRIEF.xml --to FMT`` against
``pandoc BRIEF.md -o OUT`` on the same content (see ``corpus.py``): the two examples, the real
seed brief (when ``../shared`` is present) and generated briefs of ``--pages`` pages with two
notes a page. Formats: pdf (pandoc's ``--pdf-engine=weasyprint`` route, which prints the notes
as endnotes), docx, epub, jats, and ``all``: briefexport's ``--to pdf,docx,epub,jats`` in one
process against pandoc's four runs added up.

Python may write bytecode, as an installed package has it. Each cell: one warm-up pair, then
``--runs`` pairs, briefexport and pandoc alternating so both see the same load. Reported:
median and min-max wall time and the ratio of medians; median CPU time (user + system), which
other work on the machine disturbs less; peak resident memory of the process and the children
it waited for (``wait4``); and for PDFs the pages, seconds per page and the notes printed on
the page of their first call.

Usage::

    python benchmarks/cold_vs_pandoc.py [--runs 5] [--long-runs 1] [--pages 4,40,120,400]
        [--formats pdf,docx,epub,jats,all] [--only seed,...] [--out benchmarks/RESULTS.md]

Needs, for the benchmark only: pandoc (``pip install pypandoc-binary`` ships pandoc 3.9), the
``weasyprint`` command for pandoc's PDF route (this Python's ``bin`` folder is put first on
``PATH``), and poppler-utils. The table goes to ``benchmarks/RESULTS.md`` (``--out``).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from corpus import REPO, Case, cases, notes_on_call_page, pdf_pages
from report import Cell, Side, Usage, write_report

SEED = REPO.parent / "shared" / "seeds" / "000_6953af264a2119c8.txt"
FORMATS = ("pdf", "docx", "epub", "jats", "all")
SUFFIX = {"pdf": ".pdf", "docx": ".docx", "epub": ".epub", "jats": ".jats.xml"}
LONG_PAGES = 300


@dataclass(frozen=True)
class Tools:
    """How both commands are run: pandoc's path, the environment, briefexport's PDF engine."""

    pandoc: str
    env: dict[str, str]
    engine: str | None


def run_process(command: Sequence[str], env: dict[str, str], cwd: Path) -> Usage:
    """Wall and CPU seconds and peak resident MB of one process and the children it waited for."""
    start = time.perf_counter()
    process = subprocess.Popen(
        command, env=env, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    stderr = process.stderr.read() if process.stderr else b""
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode:
        raise SystemExit(f"{' '.join(command)} failed:\n{stderr.decode(errors='replace')}")
    return Usage(seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024)


def run_all(commands: list[list[str]], env: dict[str, str], cwd: Path) -> Usage:
    total = Usage(0.0, 0.0, 0.0)
    for command in commands:
        total += run_process(command, env, cwd)
    return total


def our_commands(case: Case, fmt: str, out: Path, engine: str | None) -> list[list[str]]:
    formats = "pdf,docx,epub,jats" if fmt == "all" else fmt
    binary = shutil.which("briefexport")
    command = [binary] if binary else [sys.executable, "-m", "briefexport"]
    extra = ["--pdf-engine", engine] if engine and fmt in ("pdf", "all") else []
    return [[*command, str(case.xml), "--to", formats, "-o", str(out), "-q", *extra]]


def pandoc_commands(case: Case, fmt: str, out: Path, pandoc: str) -> list[list[str]]:
    if fmt == "all":
        return [c for one in SUFFIX for c in pandoc_commands(case, one, out, pandoc)]
    extra = {"pdf": ["--pdf-engine=weasyprint"], "jats": ["-s", "-t", "jats"]}.get(fmt, [])
    target = out / f"{case.xml.stem}.pandoc{SUFFIX[fmt]}"
    return [[pandoc, str(case.markdown), "-o", str(target), *extra]]


def measure(case: Case, fmt: str, runs: int, tools: Tools) -> Cell:
    """One cell: ``runs`` pairs of cold runs after a warm-up pair."""
    out = case.markdown.parent / "out"
    out.mkdir(exist_ok=True)
    mine = our_commands(case, fmt, out, tools.engine)
    theirs = pandoc_commands(case, fmt, out, tools.pandoc)
    env = tools.env
    cell = Cell(case.name, fmt, Side(), Side())
    for number in range(runs + 1):
        for side, commands in ((cell.ours, mine), (cell.peers, theirs)):
            usage = run_all(commands, env, case.markdown.parent)
            if number:
                side.add(usage)
    if fmt == "pdf":
        pdfs = (
            out / f"{case.xml.stem.removesuffix('.jats')}.pdf",
            out / f"{case.xml.stem}.pandoc.pdf",
        )
        cell.pages = (pdf_pages(pdfs[0]), pdf_pages(pdfs[1]))
        cell.kept = (
            notes_on_call_page(pdfs[0], case.brief),
            notes_on_call_page(pdfs[1], case.brief),
        )
    return cell


def environment_lines(pandoc: str) -> list[str]:
    import weasyprint

    version = subprocess.run([pandoc, "--version"], capture_output=True, text=True).stdout
    git = ["git", "-C", str(REPO), "describe", "--always", "--dirty"]
    commit = subprocess.run(git, capture_output=True, text=True).stdout.strip() or "unknown"
    return [
        f"- briefexport at commit {commit}",
        f"- machine: {platform.machine()}, {os.cpu_count()} CPUs, {platform.platform()}",
        f"- Python {platform.python_version()}, WeasyPrint {weasyprint.__version__}, "
        f"{version.splitlines()[0]}",
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument(
        "--long-runs", type=int, help=f"runs for briefs of {LONG_PAGES}+ pages (default: --runs)"
    )
    parser.add_argument("--pages", default="4,40,120,400", help="generated brief sizes")
    parser.add_argument("--formats", default=",".join(FORMATS))
    parser.add_argument("--only", default="", help="comma-separated brief names to keep")
    parser.add_argument("--out", type=Path, default=REPO / "benchmarks" / "RESULTS.md")
    parser.add_argument("--seed", type=Path, default=SEED, help="the seed brief's extracted text")
    parser.add_argument("--pdf-engine", help="briefexport's PDF engine (default: its own)")
    args = parser.parse_args()
    pandoc = pandoc_path()
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"}
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # an installed package runs from compiled bytecode
    pages = [int(count) for count in args.pages.split(",") if count]
    started = dt.datetime.now(dt.UTC).replace(microsecond=0)
    runs = f"{args.runs} runs a cell" + (
        f" ({args.long_runs} for briefs of {LONG_PAGES}+ pages)" if args.long_runs else ""
    )
    lines = [f"- started {started.isoformat()}; load average {_load()}; {runs} after a warm-up"]
    if args.pdf_engine:
        lines.append(f"- briefexport's PDF engine: {args.pdf_engine}")
    cells = []
    with tempfile.TemporaryDirectory() as folder:
        for case in cases(Path(folder), pages, args.seed):
            if args.only and case.name not in args.only.split(","):
                continue
            is_long = case.name.startswith("generated") and case.pages >= LONG_PAGES
            runs = args.long_runs if is_long and args.long_runs else args.runs
            for fmt in args.formats.split(","):
                cells.append(measure(case, fmt, runs, Tools(pandoc, env, args.pdf_engine)))
                print(cells[-1].row(), flush=True)
    lines.append(f"- finished with load average {_load()}")
    command = "python benchmarks/cold_vs_pandoc.py " + " ".join(sys.argv[1:])
    write_report(args.out, command.strip(), environment_lines(pandoc) + lines, cells)


def _load() -> str:
    return " / ".join(f"{value:.2f}" for value in os.getloadavg())


def pandoc_path() -> str:
    try:
        import pypandoc

        return str(pypandoc.get_pandoc_path())
    except (ImportError, OSError):
        found = shutil.which("pandoc")
        if not found:
            raise SystemExit("pandoc not found: pip install pypandoc-binary") from None
        return found


if __name__ == "__main__":
    main()
