"""The Python API refuses an argument of the wrong type with a one-line TypeError naming it,
before any work (nothing written), as the batch's option records do."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

import briefexport
from briefexport.model import Brief
from support.paths import HARBOUR


@pytest.fixture(scope="module")
def brief() -> Brief:
    return briefexport.load(HARBOUR)


@pytest.mark.parametrize(
    ("keywords", "message"),
    [
        ({"pdf_url": 5}, "export() argument 'pdf_url' must be str or None, not int"),
        (
            {"timestamp": "yesterday"},
            "export() argument 'timestamp' must be datetime.datetime or None, not str",
        ),
        ({"smart": "no"}, "export() argument 'smart' must be bool, not str"),
        (
            {"style_dir": 3},
            "export() argument 'style_dir' must be str or PathLike or None, not int",
        ),
        (
            {"pdf_engine": True},
            "export() argument 'pdf_engine' must be briefexport.options.PdfEngine or str or None, "
            "not bool",
        ),
    ],
)
def test_a_keyword_of_the_wrong_type(
    brief: Brief, tmp_path: Path, keywords: dict[str, Any], message: str
) -> None:
    with pytest.raises(TypeError) as raised:
        briefexport.export(brief, "html", tmp_path / "a.html", **keywords)
    assert str(raised.value) == message
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        ((None, "html"), "export() argument 'brief' must be briefexport.model.Brief, not None"),
        (
            (str(HARBOUR), "html"),
            "export() argument 'brief' must be briefexport.model.Brief, not str; "
            "read the file with briefexport.load() first",
        ),
    ],
)
def test_a_brief_that_is_not_one(tmp_path: Path, arguments: tuple[Any, str], message: str) -> None:
    with pytest.raises(TypeError) as raised:
        briefexport.export(*arguments, tmp_path / "a.html")
    assert str(raised.value) == message


def test_a_format_or_path_of_the_wrong_type(brief: Brief, tmp_path: Path) -> None:
    with pytest.raises(TypeError, match=r"^export\(\) argument 'fmt' must be str, not int$"):
        briefexport.export(brief, 5, tmp_path / "a")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=r"argument 'path' must be str or PathLike, not None$"):
        briefexport.export(brief, "html", None)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=r"^load\(\) argument 'path' must be str or PathLike"):
        briefexport.load(None)  # type: ignore[arg-type]


def test_right_types_still_work(brief: Brief, tmp_path: Path) -> None:
    moment = dt.datetime(2026, 3, 31, tzinfo=dt.UTC)
    written = briefexport.export(
        brief, "html", str(tmp_path / "a.html"), timestamp=moment, smart=False, paper="a4"
    )
    assert written.is_file()
