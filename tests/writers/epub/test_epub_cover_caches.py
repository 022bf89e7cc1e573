"""What the cover keeps for the next brief of a process (the words' widths per face, the ink of
the lines drawn): a cover drawn after others is the cover drawn alone, a changed style gives a
changed cover in the same process, and what is kept is bounded."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

import briefexport
from briefexport.model import Brief, Text
from briefexport.options import default_options
from briefexport.shared.caches import STYLE_CACHES, forget_style_files
from briefexport.writers.epub import cover_drawing, cover_lines, write
from support.covers import cover_bytes, style_copy
from support.paths import RTL


def titled(brief: Brief, title: str, subtitle: str) -> Brief:
    meta = dataclasses.replace(
        brief.meta, title=(Text(title),), subtitle=(Text(subtitle),) if subtitle else ()
    )
    return dataclasses.replace(brief, meta=meta)


def cover(brief: Brief, style: Path | None = None) -> bytes:
    return cover_bytes(write(brief, default_options(brief, style_dir=style)))


def collection(harbour: Brief) -> list[Brief]:
    """Covers that share lines at other heights: one title over subtitles of one and of two
    lines, a title long enough to be set smaller, a right-to-left brief."""
    long_subtitle = "A subtitle long enough to be broken into two lines on the cover band"
    return [
        titled(harbour, "Tides and harbours", ""),
        titled(harbour, "Tides and harbours", "Short"),
        titled(harbour, "Tides and harbours", long_subtitle),
        titled(harbour, " ".join(["Harbours under pressure"] * 6), "Short"),
        titled(harbour, "Tides", "Short"),
        briefexport.load(RTL / "arabic-brief.xml"),
    ]


def test_a_cover_drawn_after_others_is_the_cover_drawn_alone(
    harbour: Brief, tmp_path: Path
) -> None:
    style = style_copy(tmp_path, title_size="6.1", band_height="49")
    briefs = collection(harbour)
    after_others = [cover(brief, style_dir) for style_dir in (None, style) for brief in briefs]
    alone = []
    for style_dir in (None, style):
        for brief in briefs:
            forget_style_files()
            alone.append(cover(brief, style_dir))
    assert after_others == alone
    assert len(set(alone)) == len(alone)


def test_a_changed_style_gives_a_changed_cover_in_the_same_process(
    harbour: Brief, tmp_path: Path
) -> None:
    style = style_copy(tmp_path)
    before = cover(harbour, style)
    brand = style / "brand.toml"
    text = brand.read_text(encoding="utf-8")
    changed = text.replace("title_size = 7.4", "title_size = 6.6")
    assert changed != text
    brand.write_text(changed, encoding="utf-8")
    after = cover(harbour, style)
    assert after != before
    forget_style_files()
    assert cover(harbour, style) == after


def test_the_widths_kept_for_a_face_are_bounded(
    harbour: Brief, monkeypatch: pytest.MonkeyPatch
) -> None:
    brief = titled(harbour, " ".join(f"word{number}" for number in range(40)), "")
    unbounded = cover(brief)
    forget_style_files()
    monkeypatch.setattr(cover_lines, "WIDTHS_PER_FACE", 5)
    assert cover(brief) == unbounded
    sizes = [len(widths) for widths in cover_lines.FACE_WIDTHS.values()]
    assert sizes
    assert max(sizes) <= 5


def test_the_ink_kept_is_bounded_and_forgotten_with_the_style_files(harbour: Brief) -> None:
    kept = cover_drawing.coverage.cache_info().maxsize
    assert kept is not None
    for number in range(kept + 4):
        cover(titled(harbour, f"Brief number {number}", f"Part {number}"))
    assert cover_drawing.coverage.cache_info().currsize == kept
    assert cover_drawing.coverage.cache_clear in STYLE_CACHES
    assert cover_lines.FACE_WIDTHS.clear in STYLE_CACHES
    forget_style_files()
    assert cover_drawing.coverage.cache_info().currsize == 0
    assert len(cover_lines.FACE_WIDTHS) == 0
