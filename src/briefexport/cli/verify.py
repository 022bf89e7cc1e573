"""``briefexport verify PACKAGE...``: completeness and fixity of BagIt bags, zipped or unpacked.

Exit status: 0 every package is a complete and valid bag; 2 a package fails verification (each
missing, altered or unlisted file and each malformed tag file printed on its own line as
``PACKAGE/path: error: message``); 1 a package cannot be read at all. The worst status wins.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .common import EXIT_INPUT, EXIT_OK, EXIT_OUTPUT, Parser

EPILOG = """\
A bag is complete when every payload file is listed in every payload manifest and every listed
file is present; valid when every checksum of every manifest and tag manifest matches.

exit status: 0 every package is a complete and valid bag, 1 a package cannot be read,
2 a package fails verification
"""


def parser() -> argparse.ArgumentParser:
    """The parser of ``briefexport verify``."""
    result = Parser(
        prog="briefexport verify",
        description="Check BagIt bags (a .bag.zip or a bag folder): completeness and fixity.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    result.add_argument("packages", nargs="+", type=Path, metavar="PACKAGE")
    result.add_argument("-q", "--quiet", action="store_true", help="print problems only")
    return result


def run(args: list[str]) -> int:
    """Verify every package named; the worst status wins."""
    options = parser().parse_args(args)
    status = EXIT_OK
    for path in options.packages:
        status = max(status, verify_one(path, options.quiet))
    return status


def verify_one(path: Path, quiet: bool) -> int:
    """Print the problems of one package, or its summary; returns its exit status."""
    from ..deposit.sources import PackageError
    from ..deposit.verify import verify

    try:
        result = verify(path)
    except PackageError as error:
        print(f"{path}: error: {error}", file=sys.stderr)
        return EXIT_OUTPUT
    for line in result.problems:
        print(line, file=sys.stderr)
    if result.ok and not quiet:
        print(result.summary)
    return EXIT_OK if result.ok else EXIT_INPUT
