"""The Python API of batch runs takes what the command line takes: formats as ``--to`` spells
them, and settings checked before any work."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import get_args, get_type_hints

import pytest

import briefexport
from briefexport.batch import ExportSettings, RunOptions, convert_collection
from briefexport.batch.jobs import OK, Job, run_job
from briefexport.errors import BriefexportError
from briefexport.formats import FORMATS
from briefexport.options import PdfEngine, PdfStandard
from briefexport.shared.brand import Paper
from support.batch import BROKEN, GOOD, python_output
from support.paths import HARBOUR, REPO

DRY = RunOptions(dry_run=True)


@pytest.fixture(autouse=True)
def only_good_briefs(collection: Path) -> None:
    (collection / BROKEN).unlink()


@pytest.mark.parametrize(
    ("formats", "expected"),
    [
        ("jats", ["jats"]),
        ("HTML, jats,html", ["html", "jats"]),
        ("all", list(FORMATS)),
        (["pdf", "all"], ["pdf", *(name for name in FORMATS if name != "pdf")]),
        (("EPUB", "jats"), ["epub", "jats"]),
        ((name for name in ("docx", "jats")), ["docx", "jats"]),
    ],
    ids=["one-name", "comma-separated", "all", "all-in-a-list", "tuple", "generator"],
)
def test_formats_are_taken_as_the_command_line_takes_them(
    collection: Path, out: Path, formats: str | Iterable[str], expected: list[str]
) -> None:
    summary = convert_collection(collection, out, formats, DRY)
    assert summary.formats == expected
    assert sorted(summary.reasons) == GOOD
    assert not out.exists()


@pytest.mark.parametrize(
    ("formats", "what"),
    [
        (b"jats", "not bytes"),
        (bytearray(b"jats,docx"), "not bytearray"),
        (["jats", 3], "; item 1 is int, not str"),
        ([b"jats"], "; item 0 is bytes, not str"),
        (None, "not NoneType"),
        ({"jats": True}, "not dict"),
        (5, "not int"),
    ],
    ids=["bytes", "bytearray", "number-among-names", "bytes-among-names", "none", "dict", "number"],
)
def test_formats_of_another_type_stop_the_run_before_any_work(
    collection: Path, out: Path, formats: object, what: str
) -> None:
    with pytest.raises(TypeError) as raised:
        convert_collection(collection, out, formats)  # type: ignore[arg-type]
    message = str(raised.value)
    assert message.startswith("formats must be a string such as 'jats,docx' or 'all', or an ")
    assert message.endswith(what)
    assert "\n" not in message
    assert not out.exists()


class Place:
    """A path-like object that is not a :class:`Path`."""

    def __init__(self, path: Path) -> None:
        self.path = str(path)

    def __fspath__(self) -> str:
        return self.path


@pytest.mark.parametrize("kind", [str, Place], ids=["string", "path-like"])
def test_paths_may_be_strings_or_path_like(
    collection: Path, out: Path, tmp_path: Path, kind: Callable[[Path], str | Place]
) -> None:
    template = tmp_path / "template.docx"
    briefexport.export(briefexport.load(collection / GOOD[1]), "docx", template)
    export = ExportSettings(style_dir=kind(REPO / "styles"), reference_docx=kind(template))
    summary = convert_collection(collection, out, ["docx"], export=export)
    assert summary.exit_status == 0
    assert sorted(summary.converted) == GOOD


@pytest.mark.parametrize("name", ["style_dir", "reference_docx"])
def test_path_settings_are_typed_to_take_strings_and_path_like_objects(name: str) -> None:
    # what a type checker reads: ExportSettings(style_dir="styles") passes mypy --strict
    accepted = get_args(get_type_hints(ExportSettings)[name])
    assert set(accepted) == {str, os.PathLike[str], type(None)}


@pytest.mark.parametrize(
    ("export", "message"),
    [
        (
            ExportSettings(reference_docx=Path("missing.docx")),
            "reference_docx missing.docx: no such",
        ),
        (ExportSettings(reference_docx="missing.docx"), "reference_docx missing.docx: no such"),
        (ExportSettings(style_dir="no-style"), "no-style: not a style folder"),
        (ExportSettings(pdf_standard="bogus"), "unknown PDF standard 'bogus' (known: pdf/a-3b,"),
        (ExportSettings(pdf_engine="bogus"), "unknown PDF engine 'bogus' (known: weasyprint,"),
        (ExportSettings(paper="B5"), "unknown paper size 'B5' (known: A4, Letter)"),
    ],
    ids=["template-path", "template-string", "style", "standard", "engine", "paper"],
)
def test_unusable_settings_stop_the_run_before_any_work(
    collection: Path, out: Path, export: ExportSettings, message: str
) -> None:
    with pytest.raises(BriefexportError) as raised:
        convert_collection(collection, out, ["jats"], export=export)
    assert message in str(raised.value)
    assert "\n" not in str(raised.value)
    assert not out.exists()


def test_pdf_options_are_taken_in_any_case(collection: Path, out: Path) -> None:
    export = ExportSettings(pdf_standard="PDF/UA-1", pdf_engine="WeasyPrint", paper="letter")
    summary = convert_collection(collection, out, ["jats"], export=export)
    assert summary.exit_status == 0
    assert sorted(summary.converted) == GOOD


def test_pdf_options_may_be_the_enumerations_members(collection: Path, out: Path) -> None:
    export = ExportSettings(
        pdf_standard=PdfStandard.PDF_UA_1, pdf_engine=PdfEngine.WEASYPRINT, paper=Paper.LETTER
    )
    summary = convert_collection(collection, out, ["jats"], export=export)
    assert summary.exit_status == 0
    assert sorted(summary.converted) == GOOD


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda: RunOptions(jobs="2"), "RunOptions.jobs must be int, not str"),  # type: ignore[arg-type]
        (lambda: RunOptions(jobs=2.0), "RunOptions.jobs must be int, not float"),  # type: ignore[arg-type]
        (lambda: RunOptions(jobs=True), "RunOptions.jobs must be int, not bool"),
        (lambda: RunOptions(recycle_after="5"), "RunOptions.recycle_after must be int or None"),  # type: ignore[arg-type]
        (lambda: RunOptions(timeout="5"), "RunOptions.timeout must be float or int or None"),  # type: ignore[arg-type]
        (lambda: RunOptions(timeout=True), "RunOptions.timeout must be float or int or None"),
        (lambda: RunOptions(force="no"), "RunOptions.force must be bool, not str"),  # type: ignore[arg-type]
        (lambda: RunOptions(executor=None), "RunOptions.executor must be str, not None"),  # type: ignore[arg-type]
        (lambda: ExportSettings(smart="no"), "ExportSettings.smart must be bool, not str"),  # type: ignore[arg-type]
        (
            lambda: ExportSettings(timestamp=1700000000),  # type: ignore[arg-type]
            "ExportSettings.timestamp must be datetime.datetime or None, not int",
        ),
        (
            lambda: ExportSettings(style_dir=b"styles"),  # type: ignore[arg-type]
            "ExportSettings.style_dir must be str or PathLike or None, not bytes",
        ),
        (lambda: ExportSettings(pdf_url=5), "ExportSettings.pdf_url must be str or None, not int"),  # type: ignore[arg-type]
    ],
    ids=[
        "jobs-text",
        "jobs-float",
        "jobs-bool",
        "recycle-text",
        "timeout-text",
        "timeout-bool",
        "force-text",
        "executor-none",
        "smart-text",
        "timestamp-number",
        "style-bytes",
        "url-number",
    ],
)
def test_options_of_another_type_are_refused_as_they_are_made(
    make: Callable[[], object], message: str
) -> None:
    # before, some failed deep in a run with Python's own words, others passed unnoticed
    # (smart="no" is true)
    with pytest.raises(TypeError) as raised:
        make()
    assert str(raised.value).startswith(message)
    assert "\n" not in str(raised.value)


def test_a_malformed_source_date_epoch_stops_the_run_before_any_work(
    collection: Path, out: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "99999999999999")
    with pytest.raises(BriefexportError, match=r"^SOURCE_DATE_EPOCH: 99999999999999 is out of"):
        convert_collection(collection, out, ["jats"])
    assert not out.exists()


def test_a_worker_takes_the_time_from_the_settings_never_from_its_environment(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    # a worker's own entry point, in this process: settings without a time mean the brief's
    # publication date, whatever SOURCE_DATE_EPOCH says (even a value nobody could read)
    written = {}
    for epoch in ("", "1800000000", "abc"):
        monkeypatch.setenv("SOURCE_DATE_EPOCH", epoch)
        if not epoch:
            monkeypatch.delenv("SOURCE_DATE_EPOCH")
        target = tmp_path / (epoch or "unset") / "harbour-resilience.html"
        job = Job(HARBOUR, HARBOUR.name, "xml", (("html", target),), ExportSettings())
        result = run_job(job)
        assert result.status == OK, result.errors
        written[epoch] = target.read_bytes()
    assert written["1800000000"] == written[""] == written["abc"]


@pytest.mark.slow  # three fresh interpreters, each starting its own workers
def test_workers_never_read_source_date_epoch_themselves(collection: Path, tmp_path: Path) -> None:
    # settings without a time mean each brief's publication date, whatever the environment of
    # the workers (a fresh interpreter each, so that its workers start with that environment;
    # the fast suite has the worker's entry point in-process above)
    script = """
import os, sys
from briefexport.batch import ExportSettings, RunOptions, convert_collection
from briefexport.batch.jobs import OK, Job, run_job
os.environ.pop("SOURCE_DATE_EPOCH", None)
if sys.argv[2] != "-":
    os.environ["SOURCE_DATE_EPOCH"] = sys.argv[2]
summary = convert_collection(sys.argv[1], sys.argv[3], "html", RunOptions(), ExportSettings())
print(sorted(summary.converted), sorted(summary.up_to_date))
"""
    plain, later = tmp_path / "plain", tmp_path / "later"
    python_output(script, str(collection), "-", str(plain))
    assert python_output(script, str(collection), "1800000000", str(later)).startswith(str(GOOD))
    for name in GOOD:
        page = Path(name).with_suffix(".html")
        assert (later / page).read_bytes() == (plain / page).read_bytes()
    rerun = python_output(script, str(collection), "abc", str(later))  # read by nobody
    assert rerun.strip() == f"[] {GOOD}"
