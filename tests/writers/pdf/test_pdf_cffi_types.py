"""C type names parsed against the typedefs they mention give the same types as cffi's parse."""

from __future__ import annotations

import sys

import cffi  # type: ignore[import-untyped]
import pytest
from cffi import cparser

from briefexport.writers.pdf import cffi_types

from .test_pdf_startup import run_fresh

DECLARATIONS = """
typedef unsigned int uint32_t_like;
typedef uint32_t_like codepoint_t;
typedef struct { int x; int y; codepoint_t glyph; } rectangle_t;
typedef struct _node node_t;
struct _node { node_t *next; rectangle_t box; };
typedef int (*callback_t)(node_t *, void *);
typedef enum { LEFT, RIGHT } side_t;
typedef double unused_t;
typedef char unused_name_t[8];
int take(rectangle_t *, codepoint_t);
"""
NAMES = [
    "codepoint_t[519]",
    "rectangle_t *",
    "rectangle_t[3]",
    "node_t *",
    "struct _node *",
    "callback_t",
    "side_t *",
    "unsigned int *",
    "char[4]",
    "int(*)(codepoint_t, rectangle_t *)",
    "codepoint_t (*)[2]",
]


def described(ffi: cffi.FFI, name: str) -> tuple[str, int]:
    kind = ffi.typeof(name)
    return ffi.getctype(kind), ffi.sizeof(kind) if kind.kind != "function" else 0


def test_cffi_is_the_reviewed_one() -> None:
    assert cffi.__version__ == "2.1.1"
    assert cffi_types.is_reviewed(cparser.Parser._parse)
    assert not cffi_types.is_reviewed(lambda text: text)


def test_only_unmentioned_typedefs_are_left_out() -> None:
    declarations = {"typedef a_t": 1, "typedef b_t": 2, "function f": 3, "struct s": 4}
    kept = cffi_types.mentioned_declarations(declarations, "void __dummy( a_t * );")
    assert kept == {"typedef a_t": 1, "function f": 3, "struct s": 4}


@pytest.mark.parametrize("name", NAMES)
def test_types_are_the_same_with_mentioned_typedefs_only(name: str) -> None:
    plain, filtered = cffi.FFI(), cffi.FFI()
    plain.cdef(DECLARATIONS)
    parser = filtered._parser
    parser._parse = cffi_types.filtered_parse(parser, parser._parse)
    filtered.cdef(DECLARATIONS)
    assert described(filtered, name) == described(plain, name)
    assert "typedef unused_t" in parser._declarations  # swapped back after each parse


@pytest.mark.slow  # a fresh process starting WeasyPrint its own way (ldconfig and gcc, about a
# second); the replacement parse is held to cffi's in this process by the tests above
def test_installed_on_weasyprints_own_ffi_once() -> None:
    printed = run_fresh(
        """
        import weasyprint  # first: WeasyPrint's own in-line declarations
        from briefexport.writers.pdf import cffi_types
        from weasyprint.text.ffi import ffi
        print(cffi_types.install(), cffi_types.install())
        replacement = ffi._parser.__dict__["_parse"]
        print(getattr(replacement, "reviewed_replacement", False))
        print(ffi.sizeof(ffi.typeof("hb_codepoint_t[123]")))
        """
    )
    assert printed.split() == ["True", "True", "True", str(123 * 4)]


def test_not_installed_on_ready_made_declarations() -> None:
    printed = run_fresh(
        """
        import sys
        from briefexport.writers.pdf import cffi_types, prebuilt_ffi
        print(prebuilt_ffi.is_active(), cffi_types.install(), "cffi.cparser" in sys.modules)
        """
    )
    expected = "True False False" if sys.platform.startswith("linux") else "False True True"
    assert printed.split() == expected.split()
