"""The values of a brand file (``brand.toml``, TOML v1.0) checked against the brand's records.

Each table of the file replaces fields of the record of the same name: a value must have the
type of the field's house value (an enum's value, true or false, a number in range, a font
family name or a list of them, a ``#RRGGBB`` colour in ``[colors]``, a line of text; the points
of space in ``[word]`` from 0 to 72). The ``[cover]`` table has its own ranges (pixels, per cent,
a count of lines), and its colours may also name a ``[colors]`` key. Every problem is reported at
once, located at its key as ``brand.toml:LINE:COL: error: ...``.
"""

from __future__ import annotations

import dataclasses
import enum
import re
from typing import Any, TypeVar

from ..errors import Diagnostic, InvalidStyleError

R = TypeVar("R")
COLOR = re.compile(r"#[0-9A-Fa-f]{6}")
FALLBACK_LISTS = frozenset({"scripts", "cjk", "emoji"})  # may be empty: no such fallback
FONT_NAME = re.compile(r"[^\"'\\;{}<>\x00-\x1f\x7f]{1,80}")
RANGES = {
    "line_height": (0.8, 3.0),
    "margin": (3.0, 80.0),
    "size": (4.0, 96.0),
    "spacing": (0.0, 72.0),
}
# [cover]: pixels, a count of lines, and per cents of the cover's width (height for band_height)
COVER_RANGES: dict[str, tuple[float, float]] = {
    "width": (600, 4000),
    "height": (600, 4000),
    "title_lines": (1, 12),
}
COVER_RANGES |= {"band_height": (0.0, 100.0), "margin": (0.0, 30.0), "rule_width": (0.0, 5.0)}
COVER_RANGES |= {"line_height": RANGES["line_height"]}
COVER_SIZE = (0.5, 25.0)  # every *_size key
WHOLE = frozenset({"width", "height", "title_lines"})


def checked_brand(default: R, data: dict[str, Any], file: str, text: str) -> R:
    """``default`` (a brand record) with the tables of ``data``, read from ``text``, applied;
    raises InvalidStyleError listing every problem."""
    brand: Any = default
    colors = getattr(brand, "colors", None)
    names = frozenset(f.name for f in dataclasses.fields(colors)) if colors else frozenset()
    problems = _Problems(file, text, names)
    tables: dict[str, Any] = {}
    for field in dataclasses.fields(brand):
        tables[field.name] = _table(field.name, field.default, data.get(field.name, {}), problems)
    for unknown in sorted(set(data) - set(tables)):
        problems.report(unknown, None, f"unknown table [{unknown}] (known: {', '.join(tables)})")
    if problems.found:
        raise InvalidStyleError(problems.found)
    checked: R = dataclasses.replace(brand, **tables)
    return checked


class _Problems:
    """Collects located diagnostics; finds a key's line in the file by its table and name."""

    def __init__(self, file: str, text: str, colors: frozenset[str] = frozenset()) -> None:
        self.file, self.lines, self.found = file, text.splitlines(), list[Diagnostic]()
        self.colors = colors  # the [colors] keys a [cover] colour may name

    def report(self, table: str, key: str | None, message: str, *, at_key: bool = False) -> None:
        """Report at the value of ``table.key`` (at the key itself with ``at_key``)."""
        line, column = self._position(table, key, at_key)
        self.found.append(Diagnostic(self.file, line, column, message))

    def _position(self, table: str, key: str | None, at_key: bool) -> tuple[int, int]:
        current = ""
        for number, line in enumerate(self.lines, 1):
            stripped = line.strip()
            header = re.fullmatch(r"\[\s*([A-Za-z0-9_-]+)\s*\]\s*(#.*)?", stripped)
            if header:
                current = header.group(1)
                if current == table and key is None:
                    return number, line.index("[") + 1
            elif current == table and key and re.match(rf"{re.escape(key)}\s*=", stripped):
                if at_key:
                    return number, line.index(key) + 1
                after = line.index("=") + 1
                return number, after + len(line[after:]) - len(line[after:].lstrip()) + 1
        return 1, 1


def _table(name: str, default: Any, values: object, problems: _Problems) -> Any:
    if not isinstance(values, dict):
        problems.report(name, None, f"[{name}] must be a table")
        return default
    known = {field.name: field for field in dataclasses.fields(default)}
    for unknown in sorted(set(values) - set(known)):
        problems.report(name, unknown, f"unknown key {unknown!r} in [{name}]", at_key=True)
    changes = {}
    for key in set(values) & set(known):
        checked = _value(name, key, getattr(default, key), values[key], problems)
        if checked is not None:
            changes[key] = checked
    return dataclasses.replace(default, **changes)


def _value(table: str, key: str, default: object, value: object, problems: _Problems) -> object:
    """``value`` converted to the type of ``default``, or None after reporting why it cannot be."""
    problem, converted = _convert(table, key, default, value, problems.colors)
    if problem:
        problems.report(table, key, f"[{table}] {key}: {problem}")
        return None
    return converted


def _convert(
    table: str, key: str, default: object, value: object, colors: frozenset[str]
) -> tuple[str | None, object]:
    if isinstance(default, enum.Enum):
        members = type(default)
        names = {str(member.value).lower(): member for member in members}
        member = names.get(value.lower()) if isinstance(value, str) else None
        known = ", ".join(str(member.value) for member in members)
        return (None, member) if member else (f"must be one of {known}", None)
    if isinstance(default, bool):
        return (None, value) if isinstance(value, bool) else ("must be true or false", None)
    if isinstance(default, float | int) and not isinstance(default, bool):
        return _cover_number(key, value) if table == "cover" else _number(table, key, value)
    if key == "folders":
        return _folders(value)
    if isinstance(default, tuple):
        return _families(value, may_be_empty=key in FALLBACK_LISTS)
    if table == "colors":
        ok = isinstance(value, str) and COLOR.fullmatch(value)
        return (None, value) if ok else ('must be a colour like "#1F4E79"', None)
    if table == "cover":
        return _cover_color(value, colors)
    if key == "fallback":
        return (None, value) if _font(value) else ("must be a font family name", None)
    text_ok = isinstance(value, str) and bool(value.strip()) and value.isprintable()
    return (None, value) if text_ok else ("must be a non-empty line of text", None)


def _number(table: str, key: str, value: object) -> tuple[str | None, object]:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return "must be a number", None
    kind = "line_height" if key == "line_height" else "margin" if "margin" in key else "size"
    if table == "word":  # points of space in the Word copy: none is a value too
        kind = "spacing"
    low, high = RANGES[kind]
    if not low <= value <= high:
        return f"{value} is out of range ({low:g} to {high:g})", None
    return None, float(value)


def _cover_number(key: str, value: object) -> tuple[str | None, object]:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return "must be a number", None
    low, high = COVER_RANGES.get(key, COVER_SIZE)
    if not low <= value <= high:
        return f"{value} is out of range ({low:g} to {high:g})", None
    if key in WHOLE:
        return (None, int(value)) if float(value).is_integer() else ("must be a whole number", None)
    return None, float(value)


def _cover_color(value: object, colors: frozenset[str]) -> tuple[str | None, object]:
    """A ``#RRGGBB`` colour or the name of a ``[colors]`` key."""
    if isinstance(value, str) and (COLOR.fullmatch(value) or value in colors):
        return None, value
    return f'must be a colour like "#1F4E79" or one of {", ".join(sorted(colors))}', None


def _folders(value: object) -> tuple[str | None, object]:
    folders = [value] if isinstance(value, str) else value
    if not isinstance(folders, list) or not all(
        isinstance(folder, str) and folder.strip() and folder.isprintable() for folder in folders
    ):
        return "must be a list of folder paths", None
    return None, tuple(folders)


def _families(value: object, *, may_be_empty: bool) -> tuple[str | None, object]:
    families = [value] if isinstance(value, str) else value
    if not isinstance(families, list) or not all(map(_font, families)):
        return "must be a font family name or a list of them", None
    if not families and not may_be_empty:
        return "must be a font family name or a non-empty list of them", None
    return None, tuple(families)


def _font(name: object) -> bool:
    return isinstance(name, str) and bool(FONT_NAME.fullmatch(name)) and bool(name.strip())
