"""The rewriting half of :mod:`.csssandbox`: every ``@import`` and ``url()`` of a sheet (CSS
Syntax 3 tokens, read with tinycss2) made safe, or refused with the sheet, line and column.

``data:`` URIs are kept; files inside the style folder (after resolving ``..`` and symbolic links)
are inlined: an imported sheet in place of its ``@import``, any other file as a ``data:`` URI.
Everything else (``http:``, ``file:``, ``//host``, absolute paths) is refused.
"""

from __future__ import annotations

import base64
import mimetypes
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import tinycss2
from tinycss2.ast import AtRule, FunctionBlock, StringToken, URLToken

from ...errors import UnsafeResourceError
from ...shared.styles import style_text

MAX_RESOURCE_BYTES = 20 * 2**20
MAX_IMPORT_DEPTH = 8
MEDIA_TYPES = {".ttf": "font/ttf", ".otf": "font/otf", ".woff": "font/woff", ".woff2": "font/woff2"}
MEDIA_TYPES |= {".svg": "image/svg+xml", ".css": "text/css", ".webp": "image/webp"}
IMAGE_SETS = ("image-set", "-webkit-image-set")


@dataclass
class Sheet:
    """One stylesheet being sandboxed: where it came from, to name it and resolve its URLs."""

    root: Path
    name: str
    folder: Path
    depth: int = 0
    seen: set[Path] = field(default_factory=set)


def rewritten_css(css: str, root: Path, name: str) -> str:
    """``css`` (read from ``name`` in the style folder ``root``) with every URL made safe."""
    real_root = root.resolve()
    return _sandbox(css, Sheet(real_root, name, real_root))


def rewritten_value(value: str, root: Path, name: str) -> str:
    """A brand value bound for CSS (a colour, a font list) with every URL made safe."""
    holder = _Values(tinycss2.parse_component_value_list(value))
    real_root = root.resolve()
    if _replace_urls(holder, Sheet(real_root, name, real_root)):
        return str(tinycss2.serialize(holder.content))
    return value


@dataclass
class _Values:
    """A list of component values, walked like a rule's content."""

    content: list[Any]


def _sandbox(css: str, sheet: Sheet) -> str:
    rules = tinycss2.parse_stylesheet(css, skip_comments=False, skip_whitespace=False)
    changed = False
    for index, rule in enumerate(rules):
        if isinstance(rule, AtRule) and rule.lower_at_keyword == "import":
            rules[index] = _Inlined(_imported(rule, sheet))
            changed = True
        elif not (isinstance(rule, AtRule) and rule.lower_at_keyword == "namespace"):
            changed |= _replace_urls(rule, sheet)
    return tinycss2.serialize(rules) if changed else css


class _Inlined:
    """Text standing in for a rule in tinycss2's serializer."""

    type = "inlined-sheet"

    def __init__(self, text: str) -> None:
        self.text = text

    def _serialize_to(self, write: Any) -> None:
        write(self.text)


def _imported(rule: AtRule, sheet: Sheet) -> str:
    """The sandboxed text of the sheet an ``@import`` names, in its place."""
    tokens = [token for token in rule.prelude if token.type not in ("whitespace", "comment")]
    target = _url_of(tokens[0]) if tokens else None
    if target is None or len(tokens) > 1:
        raise _refusal(sheet, rule, "only a plain @import of one sheet, without conditions, works")
    path = _local_file(target, sheet, rule)
    if sheet.depth >= MAX_IMPORT_DEPTH or path in sheet.seen:
        raise _refusal(sheet, rule, f"@import of {target!r} loops or nests too deep")
    inner = Sheet(sheet.root, _shown(path, sheet.root), path.parent, sheet.depth + 1)
    inner.seen = {*sheet.seen, path}
    return _sandbox(style_text(path.read_bytes()), inner)


def _url_of(token: Any) -> str | None:
    if isinstance(token, URLToken | StringToken):
        return str(token.value)
    if isinstance(token, FunctionBlock) and token.lower_name == "url":
        strings = [t for t in token.arguments if isinstance(t, StringToken)]
        return str(strings[0].value) if strings else None
    return None


def _replace_urls(node: Any, sheet: Sheet) -> bool:
    """Replace each ``url()`` (and image-set string) under ``node``; True when any was found."""
    changed = False
    for attribute in ("prelude", "content", "arguments"):
        children = getattr(node, attribute, None)
        if not isinstance(children, list):
            continue
        for index, child in enumerate(children):
            target = _url_of(child) if not isinstance(child, StringToken) else None
            if target is None and isinstance(child, StringToken) and _in_image_set(node):
                target = str(child.value)
            if target is not None:
                children[index] = _safe_url(child, target, sheet)
                changed = True
            else:
                changed |= _replace_urls(child, sheet)
    return changed


def _in_image_set(node: Any) -> bool:
    return isinstance(node, FunctionBlock) and node.lower_name in IMAGE_SETS


def _safe_url(token: Any, target: str, sheet: Sheet) -> Any:
    """``data:`` URIs as they are, files of the style folder as ``data:`` URIs."""
    if urlsplit(target).scheme.lower() == "data":
        return token
    path = _local_file(target, sheet, token)
    media_type = MEDIA_TYPES.get(path.suffix.lower()) or mimetypes.guess_type(path.name)[0]
    encoded = base64.b64encode(path.read_bytes()).decode("ascii")
    uri = f"data:{media_type or 'application/octet-stream'};base64,{encoded}"
    return URLToken(token.source_line, token.source_column, uri, f'url("{uri}")')


def _local_file(target: str, sheet: Sheet, token: Any) -> Path:
    """The file inside the style folder that a relative URL names, or a refusal."""
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or target.startswith(("/", "\\")):
        raise _refusal(sheet, token, f"{target[:80]!r} is not a file of the style folder")
    path = (sheet.folder / unquote(parts.path)).resolve()
    if not path.is_relative_to(sheet.root):
        raise _refusal(sheet, token, f"{target[:80]!r} resolves outside the style folder")
    if not path.is_file():
        raise _refusal(sheet, token, f"{target[:80]!r} not found in the style folder")
    if path.stat().st_size > MAX_RESOURCE_BYTES:
        raise _refusal(sheet, token, f"{target[:80]!r} is larger than {MAX_RESOURCE_BYTES} bytes")
    return path


def _shown(path: Path, root: Path) -> str:
    return path.relative_to(root).as_posix()


def _refusal(sheet: Sheet, token: Any, reason: str) -> UnsafeResourceError:
    where = f"{sheet.name}:{token.source_line}:{token.source_column}"
    return UnsafeResourceError(f"style {where}: refused: {reason}")
