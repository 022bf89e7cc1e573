"""WeasyPrint's C declarations read ready-made: the same types, functions and libraries as
WeasyPrint's own in-line ``cdef``, without pycparser, and only for the reviewed ``ffi.py``."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import _cffi_backend  # type: ignore[import-untyped]
import cffi  # type: ignore[import-untyped]
import pytest

from briefexport.writers.pdf import ffi_build, ffi_types, prebuilt_ffi
from briefexport.writers.pdf.prebuilt_ffi import LIBRARIES
from support.paths import HARBOUR
from support.skips import skipif_platform

from .test_pdf_startup import SRC, run_fresh

linux_only = skipif_platform(
    not sys.platform.startswith("linux"), reason="the ready-made declarations are used on Linux"
)


def weasyprint_source() -> str:
    return ffi_build.weasyprint_ffi_source().read_text(encoding="utf-8")


def test_the_installed_ffi_py_is_the_reviewed_one() -> None:
    source = weasyprint_source()
    assert ffi_build.sha256(source) == prebuilt_ffi.REVIEWED_SHA256 == ffi_types.SOURCE_SHA256
    assert ffi_build.sha256(ffi_build.cdef_text(source)) == ffi_types.CDEF_SHA256
    assert prebuilt_ffi.is_reviewed(ffi_build.weasyprint_ffi_source())


def test_kept_declarations_are_what_cffi_writes_for_the_cdef() -> None:
    assert ffi_build.serialized(ffi_build.cdef_text(weasyprint_source())) == ffi_types.KEYWORDS


def test_another_ffi_py_is_not_replaced(tmp_path: Path) -> None:
    changed = tmp_path / "ffi.py"
    changed.write_text(weasyprint_source().replace("RTLD_NOW", "RTLD_LAZY"), encoding="utf-8")
    assert not prebuilt_ffi.is_reviewed(changed)
    assert prebuilt_ffi.prebuilt_module_names(changed) is None
    assert not prebuilt_ffi.is_reviewed(tmp_path / "missing.py")


@linux_only
def test_finder_gives_the_ready_made_loader_only_for_the_reviewed_file(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import weasyprint.text

    finder, fallbacks = prebuilt_ffi.PrebuiltFinder(), []
    finder.otherwise = lambda: fallbacks.append(True)
    folder = weasyprint.text.__path__
    assert finder.find_spec("weasyprint.text.fonts", folder) is None
    spec = finder.find_spec(prebuilt_ffi.MODULE, folder)
    assert spec is not None
    assert isinstance(spec.loader, prebuilt_ffi.PrebuiltLoader)
    assert spec.origin == str(ffi_build.weasyprint_ffi_source())
    assert fallbacks == []
    monkeypatch.setattr(prebuilt_ffi, "REVIEWED_SHA256", "0" * 64)
    assert finder.find_spec(prebuilt_ffi.MODULE, folder) is None
    assert fallbacks == [True]


@linux_only
def test_declarations_cffi_cannot_read_leave_weasyprints_own_module(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    path = ffi_build.weasyprint_ffi_source()
    assert prebuilt_ffi.prebuilt_module_names(path) is not None
    monkeypatch.setitem(ffi_types.KEYWORDS, "_version", 0x1)
    assert prebuilt_ffi.prebuilt_module_names(path) is None


def test_a_missing_library_leaves_weasyprints_own_module() -> None:
    class NoLibraries:
        RTLD_NOW = 0x2
        RTLD_NODELETE = 0x1000

        def dlopen(self, name: str, flags: int) -> None:
            raise OSError(name)

    assert prebuilt_ffi.open_libraries(NoLibraries()) is None


def shape(ffi: Any, kind: Any, depth: int = 0) -> object:
    """A C type as sizes, offsets and kinds, without the names cffi prints for it."""
    name = kind.kind
    if name == "function":
        parts = (kind.result, *kind.args)
        return (name, kind.ellipsis, kind.abi, [shape(ffi, part, depth + 1) for part in parts])
    if name in ("pointer", "array"):
        item = shape(ffi, kind.item, depth + 1) if depth < 4 else None
        return (name, getattr(kind, "length", None), item)
    if name in ("struct", "union"):
        try:
            size = ffi.sizeof(kind)
        except (ValueError, _cffi_backend.FFI.error):  # opaque
            return (name, None)
        fields = [(f, t.offset, t.bitsize, shape(ffi, t.type, depth + 1)) for f, t in kind.fields]
        return (name, size, fields if depth < 3 else None)
    if name == "enum":
        return (name, ffi.sizeof(kind), sorted(kind.relements.items()))
    return (name, kind.cname if name == "primitive" else None)


def attribute(library: Any, name: str) -> Any:
    """``library.name``, or None when the library has no such symbol (an ``AttributeError``
    in line, cffi's ``ffi.error`` out of line: WeasyPrint catches neither)."""
    try:
        return getattr(library, name)
    except (AttributeError, _cffi_backend.FFI.error):
        return None


@linux_only
def test_every_declaration_is_the_same_as_cffis_in_line_parse() -> None:
    inline = cffi.FFI()
    inline.cdef(ffi_build.cdef_text(weasyprint_source()))
    prebuilt = _cffi_backend.FFI(prebuilt_ffi.MODULE, **ffi_types.KEYWORDS)
    ours = prebuilt_ffi.open_libraries(prebuilt)
    assert ours is not None
    theirs = {name: prebuilt_ffi._open(inline, spellings) for name, spellings, _ in LIBRARIES}
    assert [name for name in theirs if theirs[name] is None] == [n for n in ours if not ours[n]]
    compared = 0
    for kind, name in (key.split(" ", 1) for key in inline._parser._declarations):
        if kind in ("typedef", "anonymous"):
            assert shape(inline, inline.typeof(name)) == shape(prebuilt, prebuilt.typeof(name))
            compared += 1
        for library in (library for library in ours if ours[library] and kind != "struct"):
            mine, other = attribute(ours[library], name), attribute(theirs[library], name)
            if kind == "function" and other is not None:
                assert shape(prebuilt, prebuilt.typeof(mine)) == shape(inline, inline.typeof(other))
                mine, other = prebuilt.cast("intptr_t", mine), inline.cast("intptr_t", other)
                mine, other = int(mine), int(other)
            assert mine == other, (library, name)
            compared += 1
    assert compared > 500


@linux_only
def test_weasyprint_gets_the_ready_made_module_without_pycparser() -> None:
    printed = run_fresh(
        """
        import sys
        import briefexport.writers.pdf
        from briefexport.writers.pdf import prebuilt_ffi
        from weasyprint.text import ffi
        print(prebuilt_ffi.is_active(), prebuilt_ffi.FINDER in sys.meta_path)
        print("pycparser" in sys.modules, "cffi" in sys.modules, type(ffi.ffi).__name__)
        print(ffi.TO_UNITS, ffi.unicode_to_char_p("a\\x00b")[1])
        """
    )
    assert printed.split() == ["True", "False", "False", "False", "FFI", "1024", "b'ab'"]


PDF_OF = """
import sys
{first}
import briefexport
from briefexport.options import default_options
from briefexport.writers import pdf
from briefexport.writers.pdf import prebuilt_ffi
brief = briefexport.load(sys.argv[1])
with open(sys.argv[2], "wb") as out:
    out.write(pdf.write(brief, default_options(brief)))
assert prebuilt_ffi.is_active() == {active}
"""


@pytest.mark.slow
@linux_only
def test_the_pdf_is_the_same_with_weasyprints_own_module(tmp_path: Path) -> None:
    env = {"PYTHONPATH": str(SRC), "PATH": "/usr/bin:/bin", "SOURCE_DATE_EPOCH": "1700000000"}
    for name, first, active in (("ours", "", True), ("theirs", "import weasyprint", False)):
        code = PDF_OF.format(first=first, active=active)
        command = [sys.executable, "-c", code, str(HARBOUR), str(tmp_path / name)]
        subprocess.run(command, check=True, env=env, capture_output=True)
    assert (tmp_path / "ours").read_bytes().startswith(b"%PDF")
    assert (tmp_path / "ours").read_bytes() == (tmp_path / "theirs").read_bytes()
