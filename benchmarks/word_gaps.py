"""Spacing of justified text in PDFs (run on demand): loose lines, hyphens, overfull lines.

Usage: ``python benchmarks/word_gaps.py A.pdf [B.pdf ...] [--lines N]`` prints one row per PDF
(the measures of ``tests/support/word_gaps.py``) and, with ``--lines``, the N loosest lines and
every hyphen at a page end. Render the PDFs first, e.g. for each brief, engine and paper:

    SOURCE_DATE_EPOCH=0 briefexport BRIEF.xml --to pdf --pdf-engine weasyprint --paper Letter -o OUT
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests"))

from support.word_gaps import LOOSE_GAP, Spacing, measure  # noqa: E402

HEADER = (
    f"| PDF | pages | body lines | gap > {LOOSE_GAP:g} pt | worst gap pt | hyphenated "
    "| most in a row | at a page end | overfull | stacked gaps | cut short |\n|" + "---|" * 11
)


def row(name: str, spacing: Spacing) -> str:
    cells = [
        name,
        spacing.pages,
        spacing.body_lines,
        len(spacing.loose),
        f"{spacing.worst_gap:.1f}",
        spacing.hyphenated,
        spacing.longest_hyphen_run,
        len(spacing.page_end_hyphens),
        len(spacing.overfull),
        spacing.stacked_gaps,
        len(spacing.cut_short),
    ]
    return "| " + " | ".join(str(cell) for cell in cells) + " |"


def details(spacing: Spacing, count: int) -> list[str]:
    loosest = sorted(spacing.loose, key=lambda line: -line.gap)[:count]
    found = [f"    {line.gap:4.1f} pt  p{line.page}  {line.text[:90]}" for line in loosest]
    found += [
        f"    page end p{line.page}: ...{line.text[-40:]}" for line in spacing.page_end_hyphens
    ]
    found += [f"    overfull p{line.page}: {line.text[:80]}" for line in spacing.overfull]
    found += [f"    cut short p{line.page}: {line.text[:80]}" for line in spacing.cut_short]
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("pdfs", nargs="+", type=Path)
    parser.add_argument("--lines", type=int, default=0, help="list the N loosest lines")
    args = parser.parse_args()
    print(HEADER)
    for pdf in args.pdfs:
        spacing = measure(pdf)
        print(row(str(pdf), spacing))
        if args.lines:
            print("\n".join(details(spacing, args.lines)))


if __name__ == "__main__":
    main()
