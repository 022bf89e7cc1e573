"""A warning about a file other than the brief (a style folder's sheet) is placed in that file,
on the command line and in a batch's lines alike (``shared.located.at_file``)."""

from __future__ import annotations

import logging
from pathlib import Path

from briefexport.shared.located import at_file
from briefexport.shared.warning_lines import thread_warnings, warning_line


def test_a_warning_about_a_sheet_names_the_sheet(tmp_path: Path) -> None:
    brief = tmp_path / "brief.xml"
    brief.write_text("<article/>", encoding="utf-8")
    logger = logging.getLogger("briefexport.test")
    with thread_warnings(brief, searchable=True) as lines:
        logger.warning("%s: not used", "'a.png'", extra=at_file("style/pdf.css", 4, 15))
        logger.warning("about the brief")
    assert lines == [
        "style/pdf.css:4:15: warning: 'a.png': not used",
        f"{brief}:1:1: warning: about the brief",
    ]


def test_a_sheets_name_is_shown_on_one_line() -> None:
    record = logging.makeLogRecord({"msg": "x", "levelname": "WARNING"})
    record.__dict__.update(at_file("style\n/pdf.css", 2, 3))
    assert warning_line(record, "brief.xml", str) == "style\\n/pdf.css:2:3: warning: x"
