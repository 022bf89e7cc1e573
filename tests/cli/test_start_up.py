"""The command's own start-up and exit: the version read from the dist-info folder, the collector
paused while the command imports and frozen afterwards, the process ended after its exit handlers
without the interpreter's teardown (only when the command is the process)."""

from __future__ import annotations

import gc
import json
import subprocess
import sys
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

import pytest

from briefexport import _version
from briefexport.cli import main
from support.paths import HARBOUR, REPO


def test_version_agrees_with_importlib_metadata() -> None:
    try:
        expected = version("briefexport")
    except PackageNotFoundError:
        expected = _version.UNKNOWN
    assert _version.installed_version() == expected


def test_version_is_read_from_the_first_dist_info_folder(tmp_path: Path) -> None:
    for folder, number in (("a", "2.5.1"), ("b", "9.9.9")):
        info = tmp_path / folder / f"Briefexport-{number}.dist-info"
        info.mkdir(parents=True)
        (info / "METADATA").write_text(
            f"Metadata-Version: 2.1\nName: briefexport\nVersion: {number}\n\nVersion: 0\n"
        )
    (tmp_path / "a" / "briefexport_other-1.0.dist-info").mkdir()
    assert _version._version_in(str(tmp_path / "a")) == "2.5.1"
    assert _version._version_in(str(tmp_path / "missing")) is None
    assert _version._version_in(str(tmp_path)) is None


def test_calling_main_leaves_the_collector_as_it_was(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    frozen = gc.get_freeze_count()
    assert main([str(HARBOUR), "--to", "jats", "-q", "-o", str(tmp_path)]) == 0
    with pytest.raises(SystemExit):
        main(["--version"])
    assert gc.isenabled()
    # froze nothing: objects frozen before (the test run freezes what collection imported) may
    # have been freed meanwhile, which only lowers the count
    assert gc.get_freeze_count() <= frozen
    capsys.readouterr()


@pytest.mark.parametrize(
    "args",
    [
        ["--to", "docx"],
        pytest.param(["--to", "jats,epub"], marks=pytest.mark.slow),  # one export is fast enough
        ["validate"],
    ],
)
def test_the_command_freezes_its_imports_and_collects_again(
    tmp_path: Path, args: list[str]
) -> None:
    # main() ends the process itself: the exit handler it runs first reports what was seen
    code = (
        "import atexit, gc, json, sys\n"
        "from briefexport.cli import main\n"
        "paused = []\n"
        "real = main.__globals__['import_module']\n"
        "def watched(name):\n"
        "    module = real(name)\n"
        "    paused.append(not gc.isenabled())\n"
        "    return module\n"
        "main.__globals__['import_module'] = watched\n"
        "atexit.register(lambda: print(json.dumps([paused, gc.isenabled(), gc.get_freeze_count() > 0])))\n"
        "main()\n"
        "print('main returned')\n"
    )
    done = _run_code(code, args, tmp_path)
    assert done.returncode == 0
    paused, enabled, frozen = json.loads(done.stdout)  # and nothing after: main did not return
    assert paused == [True]  # the command module was imported with the collector paused
    assert enabled
    assert frozen


def test_the_command_waits_for_a_running_thread_as_an_ordinary_exit_does(tmp_path: Path) -> None:
    code = (
        "import threading, time\n"
        "from briefexport.cli import main\n"
        "threading.Thread(target=lambda: (time.sleep(0.3), print('thread done'))).start()\n"
        "raise SystemExit(main())\n"
    )
    done = _run_code(code, ["--to", "jats"], tmp_path)
    assert done.returncode == 0
    assert done.stdout == "thread done\n"


def _run_code(code: str, args: list[str], out: Path) -> subprocess.CompletedProcess[str]:
    """``code`` run as a fresh process whose command line is ``args`` on the harbour brief."""
    if args[0] == "validate":
        command = [sys.executable, "-c", code, "validate", "-q", str(HARBOUR)]
    else:
        command = [sys.executable, "-c", code, str(HARBOUR), *args, "-q", "-o", str(out)]
    env = {"PYTHONPATH": str(REPO / "src"), "PATH": ""}
    return subprocess.run(command, capture_output=True, text=True, env=env, check=False)


def test_a_writer_that_cannot_be_imported_fails_when_its_format_is_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.delitem(sys.modules, "briefexport.writers.epub", raising=False)
    monkeypatch.setitem(sys.modules, "ebooklib", None)  # importing it raises ImportError
    status = main([str(HARBOUR), "--to", "jats,epub", "-q", "-o", str(tmp_path)])
    assert status == 1
    assert (tmp_path / "harbour-resilience.jats.xml").is_file()  # written before the failure
    assert not (tmp_path / "harbour-resilience.epub").exists()
    assert "ebooklib" in capsys.readouterr().err
