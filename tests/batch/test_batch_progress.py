"""The progress bar appears on a terminal and nowhere else; the parent process stays light."""

from __future__ import annotations

import os
import pty
import subprocess
from pathlib import Path

from support.batch import BatchRun, cli_command, python_output, subprocess_environment


def read_all(descriptor: int) -> str:
    chunks: list[bytes] = []
    while True:
        try:
            chunk = os.read(descriptor, 65536)
        except OSError:  # the terminal closed with the process
            break
        if not chunk:
            break
        chunks.append(chunk)
    return b"".join(chunks).decode("utf-8", "replace")


def test_a_terminal_gets_a_progress_bar(collection: Path, out: Path) -> None:
    parent, child = pty.openpty()
    args = ["batch", str(collection), "--to", "jats", "-o", str(out), "-j", "2"]
    environment = {**subprocess_environment(), "COLUMNS": "160", "TERM": "xterm"}
    process = subprocess.Popen(cli_command(*args), env=environment, stderr=child, stdout=child)
    os.close(child)
    shown = read_all(parent)
    os.close(parent)
    assert process.wait(timeout=60) == 2
    assert "briefs/s" in shown
    assert "1 failed" in shown  # the bar counts the broken brief
    assert "converted 3, up to date 0, failed 1 of 4 briefs" in shown


def test_no_progress_bar_when_not_a_terminal(batch: BatchRun) -> None:
    _, stderr, _ = batch("--to", "jats")
    assert "briefs/s" not in stderr


def test_the_parent_imports_neither_writers_nor_rich_nor_dask(collection: Path, out: Path) -> None:
    """Nor the importers, when briefs are not imported (``--import`` not given)."""
    script = (
        "import sys\n"
        "from briefexport.cli import main\n"
        f"main(['batch', {str(collection)!r}, '--to', 'docx,epub', '-q', '-o', {str(out)!r}])\n"
        "heavy = {'weasyprint', 'ebooklib', 'docx', 'rich', 'distributed', 'dask'}\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in heavy\n"
        "             or m.startswith('briefexport.importers')))\n"
    )
    assert python_output(script).strip() == "[]"
    assert (out / "harbour-resilience.docx").is_file()
