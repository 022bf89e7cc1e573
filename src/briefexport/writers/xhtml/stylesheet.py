"""CSS from the style folder, with the brand file's values as CSS custom properties.

``brand.toml`` becomes one ``:root`` rule (``--accent``, ``--body-font``, ``--body-size``, ...),
the same names ``pdf.css`` uses, followed by the format's stylesheets: each the house sheet with
the style folder's own after it (:mod:`...shared.sheets`).
"""

from __future__ import annotations

import dataclasses
import functools
import re
from collections.abc import Mapping, Sequence
from pathlib import Path

from ...errors import BriefexportError
from ...shared.brand import Brand
from ...shared.sheets import layered_sheets
from ...shared.styles import FolderStamp, folder_stamp
from .csssandbox import sandboxed_css, sandboxed_value

VAR_CALL = re.compile(r"var\(\s*(--[A-Za-z0-9-]+)\s*\)")
NAMESPACE_RULE = re.compile(r"@namespace\s[^;{}]*;")
NOT_ROLES = frozenset({"folders", "scripts", "cjk", "emoji"})  # font fields that are no role
GENERIC_FAMILIES = {"body": "serif", "heading": "sans-serif", "monospace": "monospace"}


def font_stack(
    key: str, families: tuple[str, ...], fallbacks: tuple[str, ...], emoji: tuple[str, ...] = ()
) -> str:
    """A quoted font list: the role's families, the brand's fallbacks (other scripts, CJK), the
    generic family, then the emoji families. Emoji come after the generic family, as in common
    system stacks: a reader without the role's fonts would otherwise take digits, spaces and
    signs such as the copyright sign from an emoji font, which has glyphs for them."""
    unique = list(dict.fromkeys([*families, *fallbacks]))
    generic = GENERIC_FAMILIES.get(key.partition("_")[2] or key, "serif")
    after = [f'"{name}"' for name in dict.fromkeys(emoji) if name not in unique]
    return ", ".join([*(f'"{name}"' for name in unique), generic, *after])


def brand_properties(brand: Brand, *, emoji: bool = True) -> dict[str, str]:
    """The brand's colours, fonts and sizes as custom property names and values; without
    ``emoji``, the font stacks leave the emoji families out (the PDF leaves them to fontconfig)."""
    props: dict[str, str] = {}
    fonts = dataclasses.replace(brand.fonts, emoji=())
    emoji_families = brand.fonts.emoji if emoji else ()
    for key, value in _field_values(brand.colors):
        props[f"--{key.replace('_', '-')}"] = str(value)
    for key, value in _field_values(fonts):
        if key not in NOT_ROLES and isinstance(value, list | tuple):
            stack = font_stack(key, fonts.stack(key), fonts.fallbacks(), emoji_families)
            props[f"--{key.replace('_', '-')}-font"] = stack
    for key, size in _field_values(brand.sizes):
        unit = "" if key == "line_height" else "pt"
        props[f"--{key.replace('_', '-')}-size"] = f"{size:g}{unit}"
    return props


def _field_values(values: object) -> list[tuple[str, object]]:
    """A dataclass's fields and values, in order (``asdict`` would deep-copy every value)."""
    return [(item.name, getattr(values, item.name)) for item in dataclasses.fields(values)]  # type: ignore[arg-type]


def root_rule(props: Mapping[str, str]) -> str:
    """One ``:root`` rule declaring the custom properties."""
    lines = "".join(f"  {name}: {value};\n" for name, value in props.items())
    return f":root {{\n{lines}}}\n"


def substitute_properties(css: str, props: Mapping[str, str]) -> str:
    """Replace ``var(--name)`` by its value, for reading systems without custom properties."""

    def value(match: re.Match[str]) -> str:
        name = match.group(1)
        if name not in props:
            raise BriefexportError(f"stylesheet uses {name}, which brand.toml does not define")
        return props[name]

    return VAR_CALL.sub(value, css)


def format_css(
    style_dir: Path, brand: Brand, names: Sequence[str], *, resolve: bool = False
) -> str:
    """The named stylesheets in order, after the brand's ``:root`` rule.

    With ``resolve``, every ``var(--name)`` is replaced by the brand's value instead. Every
    ``@import`` and ``url()`` goes through the sandbox of :mod:`.csssandbox`, the brand's values
    too (a colour or font name could smuggle in a ``url()``). The result is kept for the next
    brief while the brand and the style folder's files are unchanged.
    """
    return _format_css(style_dir, brand, tuple(names), resolve, folder_stamp(style_dir))


@functools.lru_cache(maxsize=16)  # parsing and sandboxing the sheets is half an EPUB's time
def _format_css(
    style_dir: Path, brand: Brand, names: tuple[str, ...], resolve: bool, stamp: FolderStamp
) -> str:
    """The work of :func:`format_css`; ``stamp`` only keys the cache."""
    props = {
        key: sandboxed_value(value, style_dir, f"brand.toml {key}")
        for key, value in brand_properties(brand).items()
    }
    text = "\n".join(
        sandboxed_css(sheet.text, sheet.folder, sheet.name)
        for name in names
        for sheet in layered_sheets(style_dir, name)
    )
    namespaces, sheets = hoist_namespaces(text)
    if resolve:
        return namespaces + substitute_properties(sheets, props)
    return namespaces + root_rule(props) + "\n" + sheets


def hoist_namespaces(css: str) -> tuple[str, str]:
    """``@namespace`` rules (which CSS wants before every other rule) and the rest of ``css``."""
    rules = list(dict.fromkeys(match.group(0) for match in NAMESPACE_RULE.finditer(css)))
    rest = NAMESPACE_RULE.sub("", css)
    return "".join(f"{rule}\n" for rule in rules), rest
