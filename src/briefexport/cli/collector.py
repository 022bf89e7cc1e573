"""The cyclic garbage collector while the command starts: paused during the imports, then frozen.

A cold export imports some three hundred modules (lxml, python-docx or ebooklib, the reader, the
writer) whose classes, functions and tables live until the process ends. CPython 3.11's
collector (``gc``, thresholds 700/10/10) traces all of them again at every full collection while
they are being imported, and once more in the collections of interpreter finalisation at exit:
about a tenth of the instructions of a cold ``--to docx`` of a three-page brief (callgrind).

So when :func:`briefexport.cli.main` runs as the process's own command (the console script and
``python -m briefexport`` call it without arguments), the collector is paused until the command
has imported what it needs; then everything alive is moved to the permanent generation
(:func:`gc.freeze`, which no collection traces, finalisation's included) and the collector
resumes, so what the brief and the writers make afterwards is collected as before. A program
that calls ``main(args)`` itself keeps its collector as it was.
"""

from __future__ import annotations

import gc


class _StartUp:
    """Whether this process's collector is paused by :func:`pause_for_imports`."""

    paused = False


def pause_for_imports() -> None:
    """Pause the collector (if it runs) until :func:`imports_done`."""
    if gc.isenabled():
        gc.disable()
        _StartUp.paused = True


def imports_done() -> None:
    """Freeze what the imports made and resume the collector; nothing if it was not paused."""
    if _StartUp.paused:
        _StartUp.paused = False
        gc.freeze()
        gc.enable()
