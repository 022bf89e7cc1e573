"""Options every writer receives, and the rule that makes outputs reproducible."""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass
from pathlib import Path

from .model import Brief
from .styles import default_style_dir


@dataclass(frozen=True, slots=True)
class WriteOptions:
    """What a writer may need beyond the brief itself.

    ``timestamp`` is the one date written into files (zip entries, "modified" fields, PDF
    dates): ``SOURCE_DATE_EPOCH`` when set, otherwise the brief's publication date, never the
    clock, so the same input gives the same bytes.
    """

    timestamp: dt.datetime
    style_dir: Path
    pdf_standard: str | None = None
    paper: str | None = None
    reference_docx: Path | None = None


def reproducible_timestamp(brief: Brief) -> dt.datetime:
    """``SOURCE_DATE_EPOCH`` if set and valid, else midnight UTC on the publication date."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), tz=dt.UTC)
    return dt.datetime.combine(brief.meta.date, dt.time(0, 0), tzinfo=dt.UTC)


def default_options(brief: Brief, **overrides: object) -> WriteOptions:
    """Options with the reproducible timestamp and the shipped house style."""
    values: dict[str, object] = {
        "timestamp": reproducible_timestamp(brief),
        "style_dir": default_style_dir(),
    }
    values.update(overrides)
    for name in ("style_dir", "reference_docx"):
        if isinstance(values.get(name), str):
            values[name] = Path(str(values[name]))
    return WriteOptions(**values)  # type: ignore[arg-type]
