"""Ctrl-C or SIGTERM during the final write leaves no ``.NAME.XXXX.tmp`` file and keeps the good
output already there (issue 16, item 12)."""

from __future__ import annotations

import os
import select
import signal
import subprocess
import sys
import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest

import briefexport
from briefexport import output
from briefexport.cli import main
from support.small_brief import BRIEF

GOOD = b"an earlier good output\n"


def leftovers(folder: Path) -> list[str]:
    return sorted(path.name for path in folder.iterdir() if path.name.endswith(".tmp"))


@pytest.mark.parametrize("stop", [KeyboardInterrupt, SystemExit])
def test_atomic_write_cleans_up_on_any_exception(
    stop: type[BaseException], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "brief.html"
    target.write_bytes(GOOD)

    def interrupted(fd: int) -> None:
        raise stop()

    monkeypatch.setattr(os, "fsync", interrupted)
    with pytest.raises(stop):
        output.atomic_write(target, b"new content")
    assert leftovers(tmp_path) == []
    assert target.read_bytes() == GOOD


def test_the_cli_reports_an_interrupted_write_in_one_line(
    brief_file: Callable[[str], Path],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    brief = brief_file(BRIEF)
    (tmp_path / "brief.jats.xml").write_bytes(GOOD)

    def interrupted(fd: int) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "fsync", interrupted)
    assert main([str(brief), "--to", "jats"]) == 1
    assert capsys.readouterr().err == "briefexport: interrupted\n"
    assert leftovers(tmp_path) == []
    assert (tmp_path / "brief.jats.xml").read_bytes() == GOOD


# The command line in a child process whose fsync this harness holds (never the product): once
# the output is synced, the child says so through a pipe and waits for the signal. The waits on
# both sides end on events, not after a time: the harness reads the pipe, and the child waits on
# the interpreter's wake-up file descriptor, which a signal makes readable even if it arrives
# before the wait begins (a plain sleep would then run to its end). SIGINT raises
# KeyboardInterrupt in the child as in a program started from a terminal, also where the tests
# run with SIGINT ignored: a shell starts a background job so, and the child would inherit it.
CHILD = textwrap.dedent(
    """
    import os, select, signal, sys
    signal.signal(signal.SIGINT, signal.default_int_handler)
    real_fsync = os.fsync
    def held_fsync(fd):
        real_fsync(fd)
        woken, waker = os.pipe()
        os.set_blocking(waker, False)
        signal.set_wakeup_fd(waker)
        os.write(int(os.environ["WRITING_FD"]), b"writing")
        while True:  # the signal's handler raises in select, or as the loop goes round
            select.select([woken], [], [])
            os.read(woken, 64)
    os.fsync = held_fsync
    from briefexport.cli import main
    sys.exit(main(sys.argv[1:]))
    """
)
HUNG_SECONDS = 600
"""Only a child that hangs is waited for this long: the test then fails instead of hanging."""


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT])
def test_a_signal_during_the_write_leaves_no_temporary_file(
    signum: signal.Signals, brief_file: Callable[[str], Path], tmp_path: Path
) -> None:
    brief = brief_file(BRIEF)
    (tmp_path / "brief.html").write_bytes(GOOD)
    source = str(Path(briefexport.__file__).parents[1])
    news, told = os.pipe()
    env = {**os.environ, "PYTHONPATH": source, "WRITING_FD": str(told)}
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(brief), "--to", "html"],
        env=env,
        stderr=subprocess.PIPE,
        text=True,
        pass_fds=(told,),
    )
    os.close(told)  # the pipe now ends (empty) when the child does
    try:
        with os.fdopen(news, "rb") as reader:
            ready, _, _ = select.select([reader], [], [], HUNG_SECONDS)
            reached = reader.read(len(b"writing")) if ready else b""
        assert reached == b"writing", "the child never started writing"
        assert leftovers(tmp_path)
        child.send_signal(signum)
        _, err = child.communicate(timeout=HUNG_SECONDS)
    finally:
        if child.poll() is None:
            child.kill()
            child.communicate()
    assert child.returncode == 1
    assert err.startswith("briefexport: interrupted")
    assert "Traceback" not in err
    assert leftovers(tmp_path) == []
    assert (tmp_path / "brief.html").read_bytes() == GOOD


def test_the_sigterm_handler_is_restored_after_a_command(brief_file: Callable[[str], Path]) -> None:
    before = signal.getsignal(signal.SIGTERM)
    assert main(["validate", str(brief_file(BRIEF))]) == 0
    assert signal.getsignal(signal.SIGTERM) is before


def test_temporary_files_are_private_new_and_beside_the_target(tmp_path: Path) -> None:
    target = tmp_path / "brief.pdf"
    first_handle, first = output.create_temporary(target)
    second_handle, second = output.create_temporary(target)
    for handle in (first_handle, second_handle):
        os.close(handle)
    assert first != second
    for name in (first, second):
        temporary = Path(name)
        assert temporary.parent == tmp_path
        assert temporary.name.startswith(".brief.pdf.")
        assert temporary.name.endswith(".tmp")
        assert temporary.stat().st_mode & 0o777 == 0o600


def test_an_existing_name_is_never_reused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    taken = tmp_path / ".brief.pdf.000000000000.tmp"
    taken.write_bytes(b"someone else's")
    draws = iter([bytes(6), bytes(6), b"\x01" * 6])
    monkeypatch.setattr(os, "urandom", lambda size: next(draws))
    handle, name = output.create_temporary(tmp_path / "brief.pdf")
    os.close(handle)
    assert Path(name).name == ".brief.pdf.010101010101.tmp"
    assert taken.read_bytes() == b"someone else's"


@pytest.mark.parametrize(
    "name", ["a" * 245 + ".jats.xml", "\u00e9" * 123 + ".pdf"], ids=["ascii", "two-byte"]
)
def test_the_longest_names_are_written_through_short_temporary_names(
    tmp_path: Path, name: str
) -> None:
    target = tmp_path / name
    assert 250 <= len(name.encode()) <= 255
    handles_and_names = [output.create_temporary(target) for _ in range(2)]
    for handle, _ in handles_and_names:
        os.close(handle)
    first, second = (Path(temporary).name for _, temporary in handles_and_names)
    assert first != second
    for temporary in (first, second):
        assert len(temporary.encode()) <= 255
        assert temporary.startswith(f".{name[:100]}")
        assert temporary.endswith(".tmp")
    output.atomic_write(target, GOOD)
    assert target.read_bytes() == GOOD
