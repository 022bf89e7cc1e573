"""A worker that keeps what it parsed for one brief (the Word template, the print style and its
fonts) writes the same bytes as a fresh start, brief after brief, style after style.

One long-lived worker converts a sequence of briefs that switches between the house style and a
changed copy of it (another accent colour, a print rule of its own, and a Word template made
from its brand file instead of the shipped one); each output must equal the one made from nothing: by a fresh thread
(the parsed templates, sheets and fonts are kept per thread) in the fast test, by a fresh
``briefexport`` process for every format in the slow one. The stylesheet text of HTML and EPUB
is kept for the whole process, so there the fast test relies on the changed style changing the
output: a key that missed the change would give both styles the same bytes.
"""

from __future__ import annotations

import shutil
import subprocess
import threading
from collections.abc import Callable
from pathlib import Path

import pytest

from briefexport.batch.jobs import OK, ExportSettings, Job, run_job
from briefexport.formats import FORMATS
from briefexport.output import output_path
from briefexport.shared.styles import default_style_dir
from support.batch import cli_command, subprocess_environment
from support.paths import HARBOUR, TOUR

HOUSE = "house"
CHANGED = "changed"
# (brief, style): back and forth, so a kept object of the wrong style would show
SEQUENCE = [(TOUR, HOUSE), (HARBOUR, CHANGED), (TOUR, CHANGED), (HARBOUR, HOUSE), (TOUR, HOUSE)]
# converts (brief, style folder or None for the house style, formats, output folder) from nothing
Fresh = Callable[[Path, Path | None, list[str], Path], dict[str, bytes]]


def changed_style(folder: Path) -> Path:
    """The house style with another accent colour, a print rule of its own and no shipped Word
    template (the DOCX writer makes one from the brand file)."""
    shutil.copytree(default_style_dir(), folder)
    (folder / "reference.docx").unlink()
    brand = (folder / "brand.toml").read_text(encoding="utf-8")
    assert 'accent = "#1F4E79"' in brand
    brand = brand.replace('accent = "#1F4E79"', 'accent = "#7A1F3D"')
    (folder / "brand.toml").write_text(brand, encoding="utf-8")
    with (folder / "pdf.css").open("a", encoding="utf-8") as sheet:
        sheet.write("\np { letter-spacing: 0.02em; }\n")
    return folder


def convert(brief: Path, style: Path | None, formats: list[str], out: Path) -> dict[str, bytes]:
    """One brief through the worker's own entry point; the bytes of each output."""
    targets = tuple((fmt, output_path(brief, fmt, out)) for fmt in formats)
    job = Job(brief, brief.name, "xml", targets, ExportSettings(style_dir=style))
    result = run_job(job)
    assert result.status == OK, result.errors
    return {fmt: path.read_bytes() for fmt, path in targets}


def in_fresh_thread(
    brief: Path, style: Path | None, formats: list[str], out: Path
) -> dict[str, bytes]:
    results: list[dict[str, bytes]] = []
    thread = threading.Thread(target=lambda: results.append(convert(brief, style, formats, out)))
    thread.start()
    thread.join()
    assert results, "the conversion failed in its thread"
    return results[0]


def in_fresh_process(
    brief: Path, style: Path | None, formats: list[str], out: Path
) -> dict[str, bytes]:
    command = cli_command(str(brief), "--to", ",".join(formats), "-o", str(out), "-q")
    command += ["--style", str(style)] if style else []
    subprocess.run(command, check=True, env=subprocess_environment())
    return {fmt: output_path(brief, fmt, out).read_bytes() for fmt in formats}


def check_sequence(tmp_path: Path, formats: list[str], fresh: Fresh) -> None:
    styles = {HOUSE: None, CHANGED: changed_style(tmp_path / "changed-style")}
    in_sequence = [
        convert(brief, styles[style], formats, tmp_path / f"worker-{step}")
        for step, (brief, style) in enumerate(SEQUENCE)
    ]
    expected = {
        (brief, style): fresh(
            brief, styles[style], formats, tmp_path / f"fresh-{brief.stem}-{style}"
        )
        for brief, style in dict.fromkeys(SEQUENCE)
    }
    for (brief, style), produced in zip(SEQUENCE, in_sequence, strict=True):
        for fmt in formats:
            assert produced[fmt] == expected[brief, style][fmt], (brief.name, style, fmt)
    # the changed style reaches the formats it touches: a cache keyed too loosely would not
    for fmt in {"docx", "epub", "html", "pdf"} & set(formats):
        assert expected[TOUR, HOUSE][fmt] != expected[TOUR, CHANGED][fmt], fmt


def test_a_worker_thread_writes_what_fresh_threads_write(tmp_path: Path) -> None:
    check_sequence(tmp_path, ["docx", "epub", "html"], in_fresh_thread)


@pytest.mark.slow
def test_a_worker_writes_every_format_as_fresh_processes_do(tmp_path: Path) -> None:
    check_sequence(tmp_path, list(FORMATS), in_fresh_process)
