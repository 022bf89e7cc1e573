"""The PDF writer's start-up: font tools WeasyPrint imports are loaded only when used."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from briefexport.writers.pdf import libraries, startup
from support.paths import REPO
from support.skips import skipif_platform

SRC = REPO / "src"


def run_fresh(code: str) -> str:
    """Run ``code`` in a new interpreter (nothing imported yet) and return what it prints."""
    env = {"PYTHONPATH": str(SRC), "PATH": "/usr/bin:/bin"}
    command = [sys.executable, "-c", textwrap.dedent(code)]
    return subprocess.run(command, capture_output=True, text=True, check=True, env=env).stdout


def test_importing_the_writer_leaves_font_tools_unloaded() -> None:
    printed = run_fresh(
        """
        import ctypes.util
        import sys
        import briefexport.writers.pdf
        subset = sys.modules["fontTools.subset"]
        print(type(subset).__name__, "fontTools.varLib" in sys.modules)
        print("fontTools.varLib.instancer" in sys.modules, ctypes.util.find_library.__module__)
        print(type(sys.modules["fontTools.ttLib.woff2"]).__name__, "brotli" in sys.modules)
        """
    )
    assert printed.split() == [
        "_LazyModule",
        "False",
        "False",
        "ctypes.util",
        "_LazyModule",
        "False",
    ]


@pytest.mark.slow  # a fresh process writes a PDF
def test_a_pdf_needs_neither_subsetter_nor_instancer(tmp_path: Path) -> None:
    printed = run_fresh(
        """
        import sys
        import briefexport
        from briefexport.options import default_options
        from briefexport.writers import pdf
        brief = briefexport.load("examples/harbour-resilience.xml")
        assert pdf.write(brief, default_options(brief)).startswith(b"%PDF")
        print(type(sys.modules["fontTools.subset"]).__name__, "fontTools.varLib" in sys.modules)
        print("fontTools.varLib.instancer" in sys.modules)
        """.replace("examples/", str(SRC.parent / "examples") + "/")
    )
    assert printed.split() == ["_LazyModule", "False", "False"]


def test_deferred_modules_load_when_used() -> None:
    printed = run_fresh(
        """
        import sys
        from briefexport.writers.pdf import startup
        from weasyprint.pdf import fonts
        from weasyprint.text import fonts as text_fonts
        assert fonts.subset.Options is not None  # the real subsetter
        assert text_fonts.woff2.decompress.__module__ == "fontTools.ttLib.woff2"
        assert type(sys.modules["fontTools.ttLib.woff2"]).__name__ == "module"
        startup.finish_start_up()
        function = fonts.instantiateVariableFont
        assert "fontTools.varLib.instancer" not in sys.modules
        try:
            function(None, {})
        except Exception as error:  # the real instancer ran and refused the missing font
            print(type(error).__name__)
        print(type(sys.modules["fontTools.varLib.instancer"]).__name__)
        """
    )
    assert printed.split()[-1] == "module"


def test_stand_in_forwards_every_other_name(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delitem(sys.modules, "colorsys", raising=False)
    stand_in = startup._ImportedOnUse("colorsys", frozenset({"rgb_to_hsv"}))
    monkeypatch.setitem(sys.modules, "colorsys", stand_in)
    rgb_to_hsv = stand_in.rgb_to_hsv
    assert sys.modules["colorsys"] is stand_in, "not loaded by taking the function"
    assert rgb_to_hsv(1.0, 0.0, 0.0) == (0.0, 1.0, 1.0)
    assert sys.modules["colorsys"] is not stand_in
    assert stand_in.hsv_to_rgb(0.0, 1.0, 1.0) == (1.0, 0.0, 0.0)
    with pytest.raises(AttributeError):
        stand_in.__path__  # noqa: B018 (a stand-in is never a package)


LOADED_LIBRARIES = textwrap.dedent(
    """
    import subprocess
    spawned = []
    real = subprocess.Popen.__init__
    subprocess.Popen.__init__ = lambda self, *a, **k: spawned.append(a) or real(self, *a, **k)
    import {module}
    from weasyprint.text import ffi
    names = ("gobject", "pango", "harfbuzz", "fontconfig", "glib")
    maps = {{line.split()[-1] for line in open("/proc/self/maps").read().splitlines()}}
    # the C libraries, not Python's extension modules (fontTools loads uharfbuzz's when it can)
    shared = {{path for path in maps if path.rsplit("/", 1)[-1].startswith("lib")}}
    print(sorted(path for path in shared if any(name in path for name in names)))
    print([name for name in ("harfbuzz_subset", "harfbuzz_vector") if getattr(ffi, name) is None])
    print(len(spawned))
    """
)


@pytest.mark.slow  # two fresh processes, one of them WeasyPrint asking ldconfig and gcc; the
# fast suite holds the loader cache to ctypes in this process (the test below)
@skipif_platform(not sys.platform.startswith("linux"), reason="the loader cache is Linux's")
def test_weasyprint_loads_the_same_libraries_without_a_compiler() -> None:
    ours = run_fresh(LOADED_LIBRARIES.format(module="briefexport.writers.pdf")).splitlines()
    plain = run_fresh(LOADED_LIBRARIES.format(module="weasyprint")).splitlines()
    assert ours[:2] == plain[:2]
    assert "libpango" in ours[0]
    assert int(ours[2]) <= 1, "one ldconfig listing, no gcc nor ld"


def test_loader_cache_agrees_with_ctypes() -> None:
    import ctypes.util

    original = libraries._original or ctypes.util.find_library
    for name in ("c", "m", "gobject-2.0", "pango-1.0", "harfbuzz", "fontconfig", "pangoft2-1.0"):
        assert libraries.cached_find_library(name) == original(name), name
    assert libraries.cached_find_library("libgobject-2.0-0") is None


def test_library_path_is_searched(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "libbriefexportfake.so.3").write_bytes(b"")
    monkeypatch.setenv("LD_LIBRARY_PATH", str(tmp_path))
    assert libraries.cached_find_library("briefexportfake") == "libbriefexportfake.so.3"
