"""The ``briefexport`` command line: one module per command, dispatched by name.

Exit status: 0 success; 1 an output could not be produced or written; 2 invalid input or
usage. Problems with an input are printed one per line as ``FILE:LINE:COL: severity: message``.

A command is a module of this package with a ``run(args) -> int`` function and one entry in
:data:`COMMANDS`; the default command (no command word) exports. Modules are imported only when
their command runs, so ``briefexport --version`` loads nothing else.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from importlib import import_module

from .common import EXIT_OUTPUT

COMMANDS = {
    "validate": "briefexport.cli.validate",
    "formats": "briefexport.cli.formats",
    "import": "briefexport.cli.importing",
    "batch": "briefexport.cli.batch",
    "verify": "briefexport.cli.verify",
}
EXPORT_COMMAND = "briefexport.cli.export"


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    args = list(sys.argv[1:] if argv is None else argv)
    command, rest = (args[0], args[1:]) if args and args[0] in COMMANDS else (None, args)
    try:
        module = import_module(COMMANDS[command] if command else EXPORT_COMMAND)
        status: int = module.run(rest)
        return status
    except KeyboardInterrupt:
        print("briefexport: interrupted", file=sys.stderr)
        return EXIT_OUTPUT
    except Exception as error:  # a bug: say so in one line, never with a traceback
        print(f"briefexport: internal error: {type(error).__name__}: {error}", file=sys.stderr)
        return EXIT_OUTPUT
