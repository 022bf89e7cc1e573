"""A process that wrote a PDF ends cleanly: WeasyPrint's libraries stay loaded until it ends.

Before, the libraries opened for the ready-made declarations (:mod:`.prebuilt_ffi`) could be
unloaded while the interpreter shut down, and a Pango object freed after that crashed it: pytest
in one process exited with status 139 after every test had passed.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from briefexport.writers.pdf import prebuilt_ffi
from briefexport.writers.pdf.prebuilt_ffi import LIBRARIES
from support.paths import HARBOUR
from support.skips import skip_platform, skipif_platform

from .test_pdf_startup import SRC

linux_only = skipif_platform(
    not sys.platform.startswith("linux"), reason="the ready-made declarations are used on Linux"
)
ENV = {"PYTHONPATH": str(SRC), "PATH": "/usr/bin:/bin", "SOURCE_DATE_EPOCH": "1700000000"}

ONE_PDF_TEST = """
import briefexport


def test_one_pdf(tmp_path):
    brief = briefexport.load({brief!r})
    briefexport.export(brief, "pdf", tmp_path / "brief.pdf")
"""

ONE_PDF = f"""
import briefexport
brief = briefexport.load({str(HARBOUR)!r})
briefexport.export(brief, "pdf", "brief.pdf")
"""


def test_every_library_is_opened_never_to_be_unloaded() -> None:
    class Recorder:
        RTLD_NOW = 0x2
        RTLD_NODELETE = 0x1000

        def __init__(self) -> None:
            self.flags: list[int] = []

        def dlopen(self, name: str, flags: int) -> str:
            self.flags.append(flags)
            return name

    recorder = Recorder()
    opened = prebuilt_ffi.open_libraries(recorder)
    assert opened is not None
    assert recorder.flags == [0x1002] * len(LIBRARIES)


@pytest.mark.slow  # a fresh process writes a PDF
@linux_only
def test_pytest_in_one_process_exits_cleanly_after_a_pdf(tmp_path: Path) -> None:
    test_file = tmp_path / "test_one_pdf.py"
    test_file.write_text(ONE_PDF_TEST.format(brief=str(HARBOUR)), encoding="utf-8")
    settings = tmp_path / "pytest.ini"
    settings.write_text("[pytest]\n", encoding="utf-8")
    options = ["-q", "-p", "no:cacheprovider", "-c", str(settings), "--rootdir", str(tmp_path)]
    command = [sys.executable, "-m", "pytest", *options, str(test_file)]
    done = subprocess.run(command, cwd=tmp_path, env=ENV, capture_output=True, text=True)
    assert "1 passed" in done.stdout
    assert done.returncode == 0, done.stdout + done.stderr


@pytest.mark.slow  # a fresh process writes a PDF
@linux_only
def test_no_library_is_unloaded_when_a_script_ends(tmp_path: Path) -> None:
    log = tmp_path / "loader"  # glibc's loader writes its trace to loader.<process id>
    env = ENV | {"LD_DEBUG": "files", "LD_DEBUG_OUTPUT": str(log)}
    subprocess.run([sys.executable, "-c", ONE_PDF], cwd=tmp_path, env=env, check=True)
    assert (tmp_path / "brief.pdf").read_bytes().startswith(b"%PDF")
    trace = "".join(path.read_text(encoding="utf-8") for path in tmp_path.glob("loader.*"))
    if "generating link map" not in trace:
        skip_platform("the dynamic loader does not write glibc's trace")
    unloaded = [line for line in trace.splitlines() if "destroying link map" in line]
    assert not [line for line in unloaded if "pango" in line or "harfbuzz" in line]
    assert not [line for line in unloaded if "fontconfig" in line]
