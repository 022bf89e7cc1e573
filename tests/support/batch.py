"""Small collections for the batch tests, built in a folder from the examples, and ways to run
the command in another process.

A collection: the two examples (one with a figure) at the top, a copy of the short example two
folders down, and a brief that calls a footnote it does not have (one located error).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from concurrent.futures import Executor, Future
from pathlib import Path
from typing import Any

from briefexport.batch.jobs import OK, Job, JobResult

from .paths import EXAMPLES, HARBOUR, REPO

SHORT = HARBOUR
GOOD = ["feature-tour.xml", "harbour-resilience.xml", "reports/2026/harbour-copy.xml"]
BROKEN = "reports/broken.xml"

# ``briefexport batch COLLECTION -o OUT ARGS`` run in the test's process: exit status, standard
# error and the ``--report`` data
BatchRun = Callable[..., tuple[int, str, dict[str, Any]]]


def broken_text() -> str:
    """The short example calling footnote ``fn99``, which it does not have."""
    text = SHORT.read_text(encoding="utf-8")
    assert 'rid="fn1"' in text
    return text.replace('rid="fn1"', 'rid="fn99"', 1)


def make_collection(root: Path) -> Path:
    """Build the collection described above in ``root`` and return it."""
    root.mkdir(parents=True, exist_ok=True)
    shutil.copy(SHORT, root / SHORT.name)
    shutil.copy(EXAMPLES / "feature-tour.xml", root / "feature-tour.xml")
    shutil.copytree(EXAMPLES / "figures", root / "figures")
    (root / "reports" / "2026").mkdir(parents=True)
    shutil.copy(SHORT, root / "reports" / "2026" / "harbour-copy.xml")
    (root / BROKEN).write_text(broken_text(), encoding="utf-8")
    return root


def copied_style(folder: Path) -> Path:
    """A copy of the shipped style folder at ``folder``, to edit."""
    shutil.copytree(REPO / "styles", folder)
    return folder


def add_rule(sheet: Path, rule: str = "p { letter-spacing: 0.02em; }") -> None:
    """Append a rule to a stylesheet (one that changes how the page looks)."""
    with sheet.open("a", encoding="utf-8") as css:
        css.write(f"\n{rule}\n")


def prepend(sheet: Path, text: str) -> None:
    """Put ``text`` (an ``@import``) in front of a stylesheet."""
    sheet.write_text(text + "\n" + sheet.read_text(encoding="utf-8"), encoding="utf-8")


def subprocess_environment() -> dict[str, str]:
    """The environment of this test run, with this source tree first on the module path."""
    source = str(REPO / "src")
    path = os.environ.get("PYTHONPATH", "")
    return {**os.environ, "PYTHONPATH": source + (os.pathsep + path if path else "")}


def python_output(script: str, *args: str) -> str:
    """Standard output of ``script`` run by a fresh interpreter with this source tree (``args``
    are its ``sys.argv[1:]``)."""
    return interpreter_output(["-c", script, *args])


def interpreter_output(
    arguments: list[str], *, stdin: str | None = None, cwd: Path | None = None
) -> str:
    """Standard output of ``python ARGUMENTS`` with this source tree, fed ``stdin``, run in
    ``cwd``; a failure raises with its standard error."""
    done = subprocess.run(
        [sys.executable, *arguments],
        input=stdin,
        cwd=cwd,
        env=subprocess_environment(),
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def cli_command(*args: str) -> list[str]:
    """``python -m briefexport ARGS`` with the interpreter running the tests."""
    return [sys.executable, "-m", "briefexport", *args]


class RecordingExecutor(Executor):
    """Runs each chunk at once, as if every brief took 10 ms, and notes its length."""

    def __init__(self, largest_task: int, log: list[tuple[int, int]]) -> None:
        self.largest_task = largest_task
        self.log = log

    def submit(self, fn: Any, /, *args: Any, **kwargs: Any) -> Future[Any]:
        chunk: tuple[Job, ...] = args[0]
        self.log.append((self.largest_task, len(chunk)))
        future: Future[Any] = Future()
        future.set_result([JobResult(job.relative, OK, cpu_seconds=0.01) for job in chunk])
        return future
