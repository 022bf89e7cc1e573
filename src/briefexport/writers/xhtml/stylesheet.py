"""CSS from the style folder, with the brand file's values as CSS custom properties.

``brand.toml`` becomes one ``:root`` rule (``--accent``, ``--body-font``, ``--body-size``, ...),
the same names ``pdf.css`` uses, followed by the format's stylesheets read from the style folder.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from ...errors import BriefexportError, UnsafeResourceError
from ...styles import load_brand
from .csssandbox import sandboxed_css, sandboxed_value

VAR_CALL = re.compile(r"var\(\s*(--[A-Za-z0-9-]+)\s*\)")
NAMESPACE_RULE = re.compile(r"@namespace\s[^;{}]*;")
GENERIC_FAMILIES = {"body": "serif", "heading": "sans-serif", "monospace": "monospace"}


def font_stack(key: str, families: object, fallback: str) -> str:
    """A quoted font list with the brand's fallback and a generic family last."""
    names = [families] if isinstance(families, str) else list(families or [])  # type: ignore[call-overload]
    names.append(fallback)
    unique = list(dict.fromkeys(str(name) for name in names))
    generic = GENERIC_FAMILIES.get(key.removeprefix("rtl_"), "serif")
    return ", ".join([*(f'"{name}"' for name in unique), generic])


def brand_properties(brand: Mapping[str, Any]) -> dict[str, str]:
    """The brand's colours, fonts and sizes as custom property names and values."""
    props: dict[str, str] = {}
    for key, value in brand.get("colors", {}).items():
        props[f"--{key.replace('_', '-')}"] = str(value)
    fonts = brand.get("fonts", {})
    fallback = str(fonts.get("fallback", "DejaVu Sans"))
    for key, value in fonts.items():
        if key != "fallback":
            props[f"--{key.replace('_', '-')}-font"] = font_stack(key, value, fallback)
    for key, value in brand.get("sizes", {}).items():
        unit = "" if key == "line_height" else "pt"
        props[f"--{key.replace('_', '-')}-size"] = f"{value}{unit}"
    return props


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


def read_style(style_dir: Path, name: str) -> str:
    """The text of one stylesheet of the style folder, refusing paths that leave it."""
    root = style_dir.resolve()
    path = (root / name).resolve()
    if not path.is_relative_to(root):
        raise UnsafeResourceError(f"{name} resolves outside the style folder {root}")
    if not path.is_file():
        raise BriefexportError(f"{root}: style folder has no {name}")
    return path.read_text(encoding="utf-8")


def format_css(style_dir: Path, names: Sequence[str], *, resolve: bool = False) -> str:
    """The named stylesheets in order, after the brand's ``:root`` rule.

    With ``resolve``, every ``var(--name)`` is replaced by the brand's value instead. Every
    ``@import`` and ``url()`` goes through the sandbox of :mod:`.csssandbox`, the brand's values
    too (a colour or font name could smuggle in a ``url()``).
    """
    brand = brand_properties(load_brand(style_dir))
    props = {
        key: sandboxed_value(value, style_dir, f"brand.toml {key}") for key, value in brand.items()
    }
    text = "\n".join(sandboxed_css(read_style(style_dir, n), style_dir, n) for n in names)
    namespaces, sheets = hoist_namespaces(text)
    if resolve:
        return namespaces + substitute_properties(sheets, props)
    return namespaces + root_rule(props) + "\n" + sheets


def hoist_namespaces(css: str) -> tuple[str, str]:
    """``@namespace`` rules (which CSS wants before every other rule) and the rest of ``css``."""
    rules = list(dict.fromkeys(match.group(0) for match in NAMESPACE_RULE.finditer(css)))
    rest = NAMESPACE_RULE.sub("", css)
    return "".join(f"{rule}\n" for rule in rules), rest
