"""Syntax errors in a style folder's own stylesheets, each a warning at its sheet's line and column.

Every engine that reads a sheet recovers from a CSS syntax error as CSS Syntax Level 3 says
(WeasyPrint, the reader of an HTML page or an EPUB, the Typst engine's and the Word styles'
reading of ``pdf.css``): it drops the declaration or rule and goes on, so a typo silently does
nothing. The folder's own ``common.css``, ``html.css``, ``epub.css`` and ``pdf.css``, and the
sheets of the folder they ``@import``, are read here once, with tinycss2 (the tokenizer and
parser WeasyPrint uses), and each problem becomes a
:class:`~briefexport.errors.Diagnostic` warning at the sheet's ``FILE:LINE:COL``: a bad or
unclosed string or URL, an unmatched bracket, a declaration without its colon, a selector
without its block, and a block, function or comment still open at the end of the sheet (which
swallows the rest of it; CSS Syntax closes it silently), and a style rule whose selector does
not parse, which every engine drops whole (:mod:`.sheet_selectors`). The output is still
written, with the engines' recovery. A sheet that is not UTF-8 is an error: no engine reads it
alike.

Only the grammar is checked: a property an engine does not know, or a value it refuses, is not
reported (each engine knows other properties: what a browser reads, WeasyPrint ignores).
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from ..errors import BriefexportError, Diagnostic, Severity
from .sheet_selectors import selector_errors
from .sheet_urls import imported_sheets
from .styles import PRINT_SHEET, default_style_dir, style_file, style_text

STYLE_SHEETS = ("common.css", "html.css", "epub.css", PRINT_SHEET)
"""The sheets a style folder may hold, each checked when it does."""
MAX_SHEETS = 64
"""The most sheets checked, imported ones with them (the HTML and EPUB refuse deep nesting)."""
END_MARK = "briefexport-end-of-sheet"
"""An identifier put after a sheet's text: the blocks it lands in are those left open."""
MESSAGES = {
    "bad-string": "string not closed on its line; the declaration is ignored",
    "bad-url": "bad url(): quote the address or escape its spaces, quotes and brackets",
    "eof-in-string": "string not closed at the end of the sheet",
    "eof-in-url": "url( not closed at the end of the sheet",
    ")": "unmatched ')'; what follows it up to the next ';' or block is ignored",
    "]": "unmatched ']'; what follows it up to the next ';' or block is ignored",
    "}": "unmatched '}'; what follows it up to the next ';' or block is ignored",
}
NOT_A_DECLARATION = "not a declaration ('name: value'); ignored up to the next ';'"
NOT_A_RULE = "a selector or at-rule without its {} block; ignored"
CLOSING = {"{} block": "}", "[] block": "]", "() block": ")", "function": ")"}

Place = tuple[int, int]


def sheet_diagnostics(style_dir: Path) -> list[Diagnostic]:
    """Every problem of the style folder's own sheets, sheet by sheet, in the order of their
    lines, each followed by the sheets it imports from inside the folder, each sheet once
    (none for the shipped house style or a copy of one of its sheets, which a test keeps free
    of them). A file that leaves the folder is not read: the writers refuse it."""
    house = default_style_dir()
    if style_dir.resolve() == house.resolve():
        return []
    found: list[Diagnostic] = []
    seen: set[Path] = set()
    for name in STYLE_SHEETS:
        if not (style_dir / name).is_file():
            continue
        try:
            path = style_file(style_dir, name)
            data = path.read_bytes()
        except (BriefexportError, OSError):
            continue
        if data != (house / name).read_bytes() and path not in seen:
            found += _with_imports(style_dir, path, data, seen)
    return found


def _with_imports(style_dir: Path, path: Path, data: bytes, seen: set[Path]) -> list[Diagnostic]:
    """The problems of the sheet at ``path`` (its real path; ``data``, its bytes), then of each
    sheet of the folder it imports that is not in ``seen`` (the sheets checked already)."""
    seen.add(path)
    root = style_dir.resolve()
    found = sheet_problems(str(style_dir / path.relative_to(root)), data)
    if any(problem.severity is Severity.ERROR for problem in found):
        return found
    for imported in imported_sheets(style_text(data)):
        target = _folder_file(root, path.parent, imported.target)
        if target is not None and target not in seen and len(seen) < MAX_SHEETS:
            found += _with_imports(style_dir, target, target.read_bytes(), seen)
    return found


def _folder_file(root: Path, folder: Path, target: str) -> Path | None:
    """The real path of the file inside ``root`` that a relative URL of a sheet in ``folder``
    names, if any (another URL, or a file outside the folder, is the writers' to refuse)."""
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or target.startswith(("/", "\\")):
        return None
    path = (folder / unquote(parts.path)).resolve()
    return path if path.is_relative_to(root) and path.is_file() else None


def sheet_problems(name: str, data: bytes) -> list[Diagnostic]:
    """The problems of one sheet's bytes, read from the file ``name``."""
    try:
        text = style_text(data)
    except UnicodeDecodeError as error:
        line, column = _byte_place(data, error.start)
        message = f"not UTF-8 (byte 0x{data[error.start]:02x}); save the sheet as UTF-8"
        return [Diagnostic(name, line, column, message)]
    found = [(place, f"CSS syntax error: {message}") for place, message in css_syntax_errors(text)]
    found += [
        (place, f"CSS: invalid selector {message}; the whole rule is ignored")
        for place, message in selector_errors(text)
    ]
    return [Diagnostic(name, *place, message, Severity.WARNING) for place, message in sorted(found)]


def css_syntax_errors(css: str) -> list[tuple[Place, str]]:
    """Each syntax error of a sheet's text with its line and column, in order, once."""
    import tinycss2

    found: list[tuple[Place, str]] = []
    _walk(tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True), found)
    found += _left_open(css)
    return sorted(dict.fromkeys(found))


def _walk(
    nodes: Iterable[Any], found: list[tuple[Place, str]], starts: list[Place] | None = None
) -> None:
    """The errors among ``nodes`` and inside them; ``starts``: where each item of the block
    they were parsed from begins, to place a declaration's error at its start."""
    import tinycss2

    for node in nodes:
        if node.type == "error":
            found.append(_placed(node, starts))
        elif node.type in ("qualified-rule", "at-rule"):
            _walk(node.prelude, found)
            if node.content is not None:
                items = tinycss2.parse_blocks_contents(node.content, True, True)
                _walk(items, found, _item_starts(node.content))
        elif node.type == "declaration":
            _walk(node.value, found)
        else:
            _walk(getattr(node, "content", None) or getattr(node, "arguments", None) or (), found)


def _placed(error: Any, starts: list[Place] | None) -> tuple[Place, str]:
    """An error's place and message; a declaration's is placed where the declaration starts
    (tinycss2 places it at the ``;`` that ends it)."""
    place = (error.source_line, error.source_column)
    if error.kind != "invalid":
        return place, MESSAGES.get(error.kind, error.message)
    if starts is None:
        return place, NOT_A_RULE
    return max((start for start in starts if start <= place), default=place), NOT_A_DECLARATION


def _item_starts(content: list[Any]) -> list[Place]:
    """Where each declaration or nested rule of a block's content begins: its first token
    after a ``;`` or a nested ``{}`` block."""
    starts: list[Place] = []
    at_start = True
    for token in content:
        if token.type in ("whitespace", "comment"):
            continue
        if at_start:
            starts.append((token.source_line, token.source_column))
        at_start = token.type == "{} block" or (token.type == "literal" and token.value == ";")
    return starts


def _left_open(css: str) -> list[tuple[Place, str]]:
    """The innermost block or function (or a comment) still open where the sheet ends: the
    rest of the sheet is inside it, and the rules there are lost."""
    import tinycss2

    level = tinycss2.parse_component_value_list(f"{css}\n{END_MARK}")
    opened = None
    while level:
        last = level[-1]
        if last.type == "ident" and last.value == END_MARK:
            break
        if last.type == "comment":
            return [
                (
                    (last.source_line, last.source_column),
                    "comment not closed; it hides the rest of the sheet",
                )
            ]
        if last.type not in CLOSING:
            return []  # inside a string or URL left open, reported as such
        opened = last
        level = last.arguments if last.type == "function" else last.content
    if opened is None:
        return []
    name = f"{opened.name}(" if opened.type == "function" else opened.type[0]
    message = (
        f"'{name}' not closed (no '{CLOSING[opened.type]}'); the rest of the sheet is inside it"
    )
    return [((opened.source_line, opened.source_column), message)]


def _byte_place(data: bytes, offset: int) -> Place:
    """The line and column (in characters) of the byte at ``offset``."""
    line_start = data.rfind(b"\n", 0, offset) + 1
    column = len(data[line_start:offset].decode("utf-8", "replace")) + 1
    return data.count(b"\n", 0, offset) + 1, column
