"""A cold start pays only for what the command uses: which modules each command imports.

Each command runs in a fresh interpreter; the test reads ``sys.modules`` afterwards. Several
tests read the same command's modules, so each distinct command runs once in this module (the
``imported`` and ``exported`` fixtures). No timing is asserted (the benchmark in
``benchmarks/`` measures time). The fast suite runs five commands (the version, the import of the
command line, ``validate``, a JATS and a DOCX export); the other commands' interpreters are in the
slow suite.
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from briefexport.shared.languages import _has_locale_data
from support.paths import HARBOUR, REPO, URDU

HEAVY = ("weasyprint", "docx", "ebooklib", "babel", "importlib.metadata", "importlib.resources")
# Libraries outside the standard library each command may load; anything else (Babel, tinycss2,
# rich, dask, typst, WeasyPrint, Pillow, ...) would be paid for at every start.
LXML = {"lxml"}
ALLOWED = {
    "--version": set(),
    "formats": set(),
    "validate": LXML,
    "jats": LXML,
    "html": LXML,
    "markdown": LXML | {"yaml"},
    "docx": LXML | {"docx", "typing_extensions", "uharfbuzz"},  # uharfbuzz: the embedded fonts
    "epub": LXML | {"ebooklib", "six", "PIL"},  # Pillow draws the cover
}


def modules_after(args: list[str], tmp_path: Path) -> set[str]:
    """The modules imported by ``briefexport ARGS`` run in a new interpreter."""
    code = (
        "import json, sys\n"
        "from briefexport.cli import main\n"
        "try:\n"
        "    main(sys.argv[1:])\n"
        "except SystemExit:\n"
        "    pass\n"
        "print(json.dumps(sorted(sys.modules)))\n"
    )
    env = {"PYTHONPATH": str(REPO / "src"), "PATH": ""}
    command = [sys.executable, "-c", code, *args]
    done = subprocess.run(command, capture_output=True, text=True, env=env, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    return set(json.loads(done.stdout.splitlines()[-1]))


def heavy(modules: set[str]) -> set[str]:
    return {name for name in HEAVY if name in modules}


def libraries(modules: set[str]) -> set[str]:
    """Top-level packages outside the standard library and briefexport; private helpers that
    site hooks and Cython extensions register (``_distutils_hack``, ``cython_runtime``) aside."""
    tops = {name.split(".")[0] for name in modules}
    outside = tops - set(sys.stdlib_module_names) - {"briefexport", "__main__", "cython_runtime"}
    return {name for name in outside if not name.startswith("_")}


@pytest.fixture(scope="module")
def brief() -> str:
    return str(HARBOUR)


SLOW = pytest.mark.slow  # a fresh interpreter of its own; the fast suite keeps one of each kind
Imported = Callable[..., set[str]]
Exported = Callable[[str, str], set[str]]


@pytest.fixture(scope="module")
def imported(tmp_path_factory: pytest.TempPathFactory) -> Imported:
    """``modules_after`` for ``briefexport ARGS``, each distinct ARGS run once in this module."""
    found: dict[tuple[str, ...], frozenset[str]] = {}

    def modules(*args: str) -> set[str]:
        if args not in found:
            found[args] = frozenset(modules_after(list(args), tmp_path_factory.mktemp("run")))
        return set(found[args])

    return modules


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> Exported:
    """The modules ``briefexport SOURCE --to FORMATS -o FOLDER`` imports, each distinct export
    run once in this module, into a folder of its own."""
    found: dict[tuple[str, str], frozenset[str]] = {}

    def modules(source: str, formats: str) -> set[str]:
        if (source, formats) not in found:
            folder = tmp_path_factory.mktemp("export")
            args = [source, "--to", formats, "-o", str(folder)]
            found[source, formats] = frozenset(modules_after(args, folder))
        return set(found[source, formats])

    return modules


def test_version_reads_the_installed_metadata_and_imports_no_command(imported: Imported) -> None:
    modules = imported("--version")
    assert heavy(modules) == set()  # the dist-info folder is read without importlib.metadata
    assert libraries(modules) == ALLOWED["--version"]
    unused = {"argparse", "logging", "typing", "dataclasses", "briefexport.cli.export"}
    assert not unused & modules


def test_importing_the_command_line_loads_no_command(tmp_path: Path) -> None:
    # what the console script imports before main() runs is imported with the collector on
    code = "import json, sys\nimport briefexport.cli\nprint(json.dumps(sorted(sys.modules)))\n"
    env = {"PYTHONPATH": str(REPO / "src"), "PATH": ""}
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env)
    modules = set(json.loads(done.stdout))
    assert not {"logging", "argparse", "dataclasses", "typing", "briefexport.model"} & modules
    assert not {"briefexport.errors", "briefexport.cli.common", "briefexport.cli.export"} & modules


def test_the_package_names_load_when_asked_for() -> None:
    import briefexport
    from briefexport.errors import InvalidBriefError
    from briefexport.model import Brief

    assert briefexport.Brief is Brief
    assert briefexport.InvalidBriefError is InvalidBriefError
    with pytest.raises(AttributeError):
        briefexport.no_such_name  # noqa: B018


@pytest.mark.parametrize("command", [pytest.param("formats", marks=SLOW), "validate"])
def test_commands_that_write_nothing_load_no_writer_library(
    brief: str, imported: Imported, command: str
) -> None:
    modules = imported(command, *([brief] if command == "validate" else []))
    assert heavy(modules) == set()
    assert libraries(modules) <= ALLOWED[command]


def test_jats_needs_no_writer_library_nor_babel(brief: str, exported: Exported) -> None:
    modules = exported(brief, "jats")
    assert heavy(modules) == set()
    assert libraries(modules) == ALLOWED["jats"]


@pytest.mark.parametrize(
    ("fmt", "library"), [("docx", "docx"), pytest.param("epub", "ebooklib", marks=SLOW)]
)
def test_each_format_imports_its_own_library_only(
    brief: str, exported: Exported, fmt: str, library: str
) -> None:
    modules = exported(brief, fmt)
    assert heavy(modules) == {library}  # the long date comes from the stored CLDR subset
    assert libraries(modules) == ALLOWED[fmt]


@pytest.mark.parametrize(
    "fmt",
    ["jats", pytest.param("html", marks=SLOW), pytest.param("markdown", marks=SLOW), "validate"],
)
def test_formats_without_a_zip_never_import_shutil(
    brief: str, imported: Imported, exported: Exported, fmt: str
) -> None:
    # argparse measures the terminal with shutil, which brings bz2, lzma and zlib along
    modules = imported("validate", brief) if fmt == "validate" else exported(brief, fmt)
    assert not {"shutil", "bz2", "lzma"} & modules


@pytest.mark.parametrize("fmt", ["docx", pytest.param("epub", marks=SLOW), "jats"])
def test_exports_check_iso_dates_without_the_printed_date_reader(
    brief: str, exported: Exported, fmt: str
) -> None:
    # printed dates ("June 14, 2024") are the importers' business: their patterns and month
    # names (and the calendar module) are not built to check a brief's iso-8601-date values
    modules = exported(brief, fmt)
    assert "briefexport.rules.partial_dates" in modules
    assert not {"briefexport.rules.dates", "calendar"} & modules


@SLOW
def test_epub_loads_no_openssl(brief: str, exported: Exported) -> None:
    # hashlib loads OpenSSL; the SHA-1 of the identifier (this brief has no DOI) is CPython's own
    modules = exported(brief, "epub")
    assert "briefexport.writers.epub.metadata" in modules
    assert not {"hashlib", "_hashlib"} & modules


def test_docx_from_the_shipped_style_builds_no_reference(brief: str, exported: Exported) -> None:
    # the style folder ships reference.docx: generating one from brand.toml is not needed
    modules = exported(brief, "docx")
    assert "briefexport.writers.docx" in modules
    assert "briefexport.writers.docx.reference" not in modules
    assert "briefexport.writers.docx.template_safety" not in modules  # ours is not screened


@SLOW
@pytest.mark.parametrize("fmt", ["html", "markdown"])
def test_web_and_markdown_need_only_their_own_libraries(
    brief: str, exported: Exported, fmt: str
) -> None:
    modules = exported(brief, fmt)
    assert heavy(modules) == set()
    assert libraries(modules) <= ALLOWED[fmt]


@SLOW
def test_three_formats_in_one_run_add_up_their_libraries(brief: str, exported: Exported) -> None:
    modules = exported(brief, "docx,epub,jats")
    assert libraries(modules) == ALLOWED["docx"] | ALLOWED["epub"]


@SLOW
def test_a_right_to_left_brief_needs_no_babel(exported: Exported) -> None:
    modules = exported(str(URDU), "docx,epub")
    assert "babel" not in modules


def test_known_languages_agree_with_babel() -> None:
    from babel.core import Locale, UnknownLocaleError

    for code in ("en", "EN", "ur", "ar", "fr", "zh", "iw", "no", "zz", "qaa", "", "e1"):
        try:
            Locale.parse(code)
            known = True
        except (UnknownLocaleError, ValueError):
            known = False
        # The fast path may say "not found" (Babel then decides) but never "found" wrongly.
        assert not _has_locale_data(code) or known, code


@SLOW
def test_the_typst_engine_needs_no_scratch_or_compression_module(
    brief: str, tmp_path: Path
) -> None:
    # its private folders are made without tempfile, which brings shutil, random, bz2 and lzma
    args = [brief, "--to", "pdf", "--pdf-engine", "typst", "-o", str(tmp_path)]
    modules = modules_after(args, tmp_path)
    assert heavy(modules) == set()
    assert libraries(modules) == LXML | {"typst"}
    unused = {"tempfile", "shutil", "random", "bz2", "lzma", "mimetypes", "calendar"}
    assert not unused & modules
    assert (tmp_path / "harbour-resilience.pdf").read_bytes().startswith(b"%PDF-")
