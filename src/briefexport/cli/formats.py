"""``briefexport formats``: the output formats, their files and what each needs."""

from __future__ import annotations

from ..formats import FORMATS
from ..writers.pdf_engine import engines_line
from .common import EXIT_OK, Parser


def run(args: list[str]) -> int:
    """One line per format."""
    Parser(prog="briefexport formats", description="List output formats.").parse_args(args)
    width = max(len(name) for name in FORMATS)
    for fmt in FORMATS.values():
        print(f"{fmt.name:<{width}}  *{fmt.suffix:<10} {fmt.description} (needs {fmt.needs})")
    print(engines_line())
    return EXIT_OK
