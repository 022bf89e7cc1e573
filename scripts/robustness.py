#!/usr/bin/env python3
"""Run seeded random briefs through every writer and the formats' own validators, on demand.

Usage::

    .venv/bin/python scripts/robustness.py --count 10000 --seed 7 --pdf 1000 --jobs 2
    .venv/bin/python scripts/robustness.py --seed 7 --only 123 --keep out/   # one brief again

Brief ``INDEX`` of run ``SEED`` is always the same brief, so every failure is printed with the
command that checks it alone. Needs the test extra and the validators the slow tests use (Java
for EPUBCheck and the Nu Html Checker, LibreOffice, poppler-utils; the JATS DTD from
``../shared``). The generator and the checks live in ``tests/support`` (``random_briefs``,
``robustness``), shared with the slow test ``tests/integration/test_generated_briefs.py``.
Exit status: 0 nothing found, 1 a crash or a validator failure, 2 usage.
"""

from __future__ import annotations

import argparse
import math
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(REPO / "src"), str(REPO / "tests")]

from support.paths import JATS_DTD  # noqa: E402 - the path set up above
from support.robustness import VALIDATORS, Outcome, Plan, check_all  # noqa: E402


def parse(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--count", type=int, default=100, help="briefs to run (default 100)")
    parser.add_argument("--seed", type=int, default=7, help="the run's seed (default 7)")
    parser.add_argument(
        "--only",
        type=int,
        action="append",
        metavar="INDEX",
        default=[],
        help="run brief INDEX only, with every check (repeatable)",
    )
    parser.add_argument(
        "--pdf",
        type=int,
        default=None,
        metavar="N",
        help="also write N of the briefs as PDF (default: one in ten)",
    )
    parser.add_argument(
        "--libreoffice",
        type=int,
        default=None,
        metavar="N",
        help="open N of the Word files in LibreOffice (default: one in ten)",
    )
    parser.add_argument(
        "--validators",
        default=",".join(VALIDATORS),
        help=f"comma-separated checks (default all: {','.join(VALIDATORS)})",
    )
    parser.add_argument(
        "--pdf-engine",
        choices=("weasyprint", "typst"),
        default="weasyprint",
        help="the engine of the sampled PDFs (default weasyprint)",
    )
    parser.add_argument("--jobs", type=int, default=1, help="worker processes (default 1)")
    parser.add_argument(
        "--chunk", type=int, default=100, help="briefs per validator run (default 100)"
    )
    parser.add_argument(
        "--keep",
        type=Path,
        metavar="DIR",
        help="keep every output in DIR (default: a temporary folder, removed)",
    )
    args = parser.parse_args(argv)
    unknown = set(args.validators.split(",")) - set(VALIDATORS)
    if unknown:
        parser.error(f"unknown validators {sorted(unknown)}; known: {', '.join(VALIDATORS)}")
    return args


def every(count: int, wanted: int | None) -> int:
    """Every how many briefs one gets the sampled check, for ``wanted`` of ``count``."""
    if wanted is None:
        return 10
    return math.ceil(count / wanted) if wanted > 0 else 0


def plan_for(args: argparse.Namespace, work: Path) -> Plan:
    validators = frozenset(args.validators.split(","))
    dtd = JATS_DTD if JATS_DTD.is_file() else None
    if "dtd" in validators and dtd is None:
        print("note: the JATS DTD is absent (../shared), so the DTD check is not run")
    if args.only:  # one brief again: every check
        pdf, docx = 1, 1
    else:
        pdf, docx = every(args.count, args.pdf), every(args.count, args.libreoffice)
    keep = bool(args.keep)
    return Plan(args.seed, work, validators, pdf, docx, dtd, keep, args.pdf_engine)


def run(plan: Plan, indices: list[int], args: argparse.Namespace) -> Outcome:
    started, shown = time.monotonic(), 0

    def progress(total: Outcome) -> None:
        nonlocal shown
        for failure in total.failures[shown:]:  # as they come, for a long run stopped early
            print(f"  found: brief {failure.index} {failure.check}: {failure.detail[:200]}")
        shown = len(total.failures)
        print(
            f"[{total.briefs:>6}/{len(indices)}] {len(total.crashes)} crashes, "
            f"{len(total.failures) - len(total.crashes)} validator failures, "
            f"{time.monotonic() - started:.0f} s",
            flush=True,
        )

    return check_all(plan, indices, args.jobs, args.chunk, progress)


def report(total: Outcome, seed: int) -> None:
    checked = ", ".join(f"{name} {n}" for name, n in sorted(total.checked.items()))
    print(f"\nbriefs run: {total.briefs} (seed {seed}), PDFs: {total.pdfs}; checked: {checked}")
    print(
        f"crashes: {len(total.crashes)}; validator failures: "
        f"{len(total.failures) - len(total.crashes)}"
    )
    for failure in sorted(total.failures, key=lambda f: (f.index, f.check)):
        kind = "CRASH" if failure.crash else "FAIL"
        print(f"{kind} brief {failure.index} ({failure.script}) {failure.check}: {failure.detail}")
    for index in sorted({f.index for f in total.failures}):
        print(f"  reproduce: python scripts/robustness.py --seed {seed} --only {index} --keep out/")
    if total.warnings:
        print(f"writer warnings (not failures), {sum(total.warnings.values())} in all:")
        for message, n in total.warnings.most_common(8):
            print(f"  {n:>6} x {message}")


def main(argv: list[str]) -> int:
    args = parse(argv)
    indices = sorted(set(args.only)) or list(range(args.count))
    with tempfile.TemporaryDirectory(prefix="robustness-") as scratch:
        work = args.keep or Path(scratch)
        work.mkdir(parents=True, exist_ok=True)
        total = run(plan_for(args, work), indices, args)
    report(total, args.seed)
    if args.keep:
        print(f"outputs kept in {args.keep}/INDEX/")
    return 1 if total.failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
