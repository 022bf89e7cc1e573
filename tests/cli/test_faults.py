"""Faults while writing: a full disk, a read-only folder, an output path through a file, and a
process killed mid-write. Earlier outputs survive whole, no temporary file is left, the status is 1.

The disk and the read-only folder are real: small tmpfs mounts (root only; skipped otherwise, as
permissions alone do not stop root from writing).
"""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import time
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from briefexport.cli import main
from support.paths import TOUR as EXAMPLE
from support.skips import skip_platform


@contextlib.contextmanager
def tmpfs(where: Path, *options: str) -> Iterator[Path]:
    where.mkdir()
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", ",".join(options), "tmpfs", str(where)],
        capture_output=True,
    )
    if mounted.returncode != 0:
        skip_platform("needs root to mount a small tmpfs: " + mounted.stderr.decode().strip())
    try:
        yield where
    finally:
        subprocess.run(["umount", "-l", str(where)], check=False)


def leftovers(folder: Path) -> list[str]:
    return sorted(name for name in os.listdir(folder) if name.endswith(".tmp"))


def test_full_disk_keeps_the_earlier_output_and_no_temporary_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with tmpfs(tmp_path / "disk", "size=256k") as disk:
        assert main([str(EXAMPLE), "--to", "html", "-o", str(disk), "-q"]) == 0
        earlier = (disk / "feature-tour.html").read_bytes()
        (disk / "filler").write_bytes(b"\0" * (256 * 1024 - len(earlier) - 8192))
        status = main([str(EXAMPLE), "--to", "html,docx", "-o", str(disk), "-q"])
        assert status == 1
        assert "No space left on device" in capsys.readouterr().err
        assert (disk / "feature-tour.html").read_bytes() == earlier
        assert not (disk / "feature-tour.docx").exists()
        assert leftovers(disk) == []


def test_read_only_folder_is_an_output_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with tmpfs(tmp_path / "ro", "size=64k", "ro") as folder:
        assert main([str(EXAMPLE), "--to", "jats", "-o", str(folder), "-q"]) == 1
        err = capsys.readouterr().err
        assert "Read-only file system" in err
        assert "Traceback" not in err
        assert os.listdir(folder) == []


def test_output_folder_through_a_file_is_an_output_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    blocker = tmp_path / "file.txt"
    blocker.write_text("not a folder")
    assert main([str(EXAMPLE), "--to", "jats", "-o", str(blocker / "out"), "-q"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "Traceback" not in err
    assert blocker.read_text() == "not a folder"


@pytest.mark.slow
def test_killed_process_leaves_only_whole_outputs(tmp_path: Path) -> None:
    """SIGKILL at spread-out moments: every output present is whole (a zip that opens, a
    complete XML file); an earlier output is either kept or replaced whole."""
    out = tmp_path / "out"
    assert main([str(EXAMPLE), "--to", "jats,docx,epub", "-o", str(out), "-q"]) == 0
    earlier = {path.name: path.read_bytes() for path in out.glob("feature-tour.*")}
    command = [sys.executable, "-m", "briefexport", str(EXAMPLE), "--to", "jats,docx,epub"]
    for delay in (0.05, 0.2, 0.4, 0.6, 0.9, 1.3):
        env = {**os.environ, "SOURCE_DATE_EPOCH": str(1_700_000_000 + int(delay * 100))}
        process = subprocess.Popen([*command, "-o", str(out), "-q"], env=env)
        time.sleep(delay)
        process.send_signal(signal.SIGKILL)
        process.wait()
        for name, before in earlier.items():
            data = (out / name).read_bytes()
            if name.endswith((".docx", ".epub")):
                assert zipfile.ZipFile(out / name).testzip() is None
            else:
                assert data.rstrip().endswith(b"</article>")
            assert data == before or len(data) > 0
        for stray in leftovers(out):  # SIGKILL cannot be caught: a temporary file may stay
            assert stray.startswith(".feature-tour."), stray
            (out / stray).unlink()
