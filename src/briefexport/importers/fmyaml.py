"""Read the YAML front matter of a Markdown brief with PyYAML's safe schema (YAML 1.1), narrowed to
what a brief needs, and say where each value sits.

Refused, each at its line and column: anchors and aliases (a brief never needs to repeat a value,
and aliases nested a few levels deep multiply the work without bound), tags beyond YAML's
standard scalars, sequences and mappings (``!!set``, ``!!binary``, ``!!python/...``, merge keys),
a key given twice (YAML 1.2 keys are unique), keys that are not text, control characters in a
text, impossible dates, and front matter nested deeper or holding more values than a brief can.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

import yaml

from ..shared.characters import first_forbidden, forbidden_message

MAX_DEPTH = 12
MAX_NODES = 10_000
_STANDARD = "tag:yaml.org,2002:"
ALLOWED_TAGS = frozenset(
    _STANDARD + name for name in ("str", "int", "float", "bool", "null", "timestamp", "seq", "map")
)

Path = tuple[str | int, ...]
Position = tuple[int, int]  # line and column in the front matter text, from 1


class YamlRefusedError(Exception):
    """Front matter that is not read at all: where (in the front matter text) and why."""

    def __init__(self, mark: Any, message: str) -> None:
        super().__init__(message)
        self.position = _position(mark)
        self.message = message


@dataclass
class LoadedYaml:
    """The values, where each one starts (by path of keys and indexes), and value problems."""

    values: Any
    positions: dict[Path, Position] = field(default_factory=dict)
    key_positions: dict[str, Position] = field(default_factory=dict)
    raw: dict[Path, str] = field(default_factory=dict)  # scalars as written
    problems: list[tuple[Path, Position, str]] = field(default_factory=list)
    offset: int = 0
    nodes: dict[int, Path] = field(default_factory=dict)  # a scalar node's path, while loading

    def locate(self, key: str, *inner: str | int) -> Position | None:
        """Where top-level ``key`` is written or, with ``inner`` keys and indexes, where the
        value there starts (else the nearest enclosing value's); None for an unknown key."""
        if not inner:
            return self.key_positions.get(key)
        path: Path = (key, *inner)
        while len(path) > 1 and path not in self.positions:
            path = path[:-1]
        return self.positions.get(path)


def load_yaml(text: str, offset: int = 0) -> LoadedYaml:
    """Parse ``text``; raises :class:`YamlRefusedError` when it cannot be read.

    ``offset`` is the number of lines before ``text`` in its file, for the lines messages name."""
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        loaded = LoadedYaml(None, offset=offset)
        if node is not None:
            _walk(node, (), loaded, top=True)
            loader.loaded = loaded
            loaded.values = loader.construct_document(node)
            loaded.nodes.clear()
        return loaded
    except yaml.MarkedYAMLError as error:
        raise YamlRefusedError(error.problem_mark, _first_line(error)) from None
    except yaml.YAMLError as error:
        raise YamlRefusedError(None, _first_line(error)) from None
    except ValueError as error:  # a number Python will not read, such as one of 5000 digits
        raise YamlRefusedError(None, f"front matter has an impossible value: {error}") from None
    finally:
        loader.dispose()


def _first_line(error: yaml.YAMLError) -> str:
    problem = getattr(error, "problem", None) or str(error)
    return f"front matter is not valid YAML: {str(problem).splitlines()[0]}"


def _position(mark: Any) -> Position:
    return (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)


class _Loader(yaml.SafeLoader):
    """The safe loader, refusing anchors, aliases, deep nesting and too many values."""

    def __init__(self, text: str) -> None:
        super().__init__(text)
        self.depth = 0
        self.count = 0
        self.loaded = LoadedYaml(None)

    def compose_node(self, parent: yaml.Node | None, index: int) -> yaml.Node | None:
        event = self.peek_event()  # type: ignore[no-untyped-call]
        if isinstance(event, yaml.AliasEvent):
            message = f"front matter cannot use YAML aliases (*{event.anchor}): write the value"
            raise YamlRefusedError(event.start_mark, message + " itself")
        if getattr(event, "anchor", None):
            message = f"front matter cannot use YAML anchors (&{event.anchor}): a brief has"
            raise YamlRefusedError(event.start_mark, message + " no value to repeat")
        self.count += 1
        if self.count > MAX_NODES:
            raise YamlRefusedError(event.start_mark, f"front matter holds over {MAX_NODES} values")
        self.depth += 1
        try:
            if self.depth > MAX_DEPTH:
                message = f"front matter nests over {MAX_DEPTH} levels"
                raise YamlRefusedError(event.start_mark, message)
            return super().compose_node(parent, index)
        finally:
            self.depth -= 1

    def construct_yaml_timestamp(self, node: yaml.ScalarNode) -> dt.date:
        """The date, or None (with a problem recorded) for one that does not exist."""
        try:
            return super().construct_yaml_timestamp(node)
        except ValueError:
            path = self.loaded.nodes.get(id(node), ())
            message = f"{node.value} is an impossible date: no such day exists"
            self.loaded.problems.append((path, _position(node.start_mark), message))
            return None  # type: ignore[return-value]


def _walk(node: yaml.Node, path: Path, loaded: LoadedYaml, top: bool = False) -> None:
    """Record positions, refuse what cannot be a brief's value, collect value problems."""
    if node.tag not in ALLOWED_TAGS:
        tag = node.tag.replace(_STANDARD, "!!")
        raise YamlRefusedError(node.start_mark, f"front matter cannot use the YAML tag {tag}")
    loaded.positions[path] = _position(node.start_mark)
    if isinstance(node, yaml.ScalarNode):
        _check_scalar(node, path, loaded)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _walk(item, (*path, index), loaded)
    elif isinstance(node, yaml.MappingNode):
        _walk_mapping(node, path, loaded, top)


def _walk_mapping(node: yaml.MappingNode, path: Path, loaded: LoadedYaml, top: bool) -> None:
    seen: dict[str, Position] = {}
    for key, value in node.value:
        if key.tag == _STANDARD + "merge":
            raise YamlRefusedError(key.start_mark, "front matter cannot use YAML merge keys (<<)")
        if not isinstance(key, yaml.ScalarNode) or key.tag not in ALLOWED_TAGS:
            raise YamlRefusedError(key.start_mark, "front matter keys must be plain text")
        where = _position(key.start_mark)
        if key.value in seen:
            first = seen[key.value][0] + loaded.offset
            message = f"key {key.value!r} is given twice (first on line {first}); keep one"
            loaded.problems.append(((*path, key.value), where, message))
        seen.setdefault(key.value, where)
        if top:  # under the key as written, and as read when YAML reads it otherwise (yes: True)
            loaded.key_positions.setdefault(key.value, where)
            loaded.key_positions.setdefault(_key_as_read(key), where)
        _walk(value, (*path, key.value), loaded)


def _check_scalar(node: yaml.ScalarNode, path: Path, loaded: LoadedYaml) -> None:
    loaded.raw[path] = node.value
    found = first_forbidden(node.value)
    if found:
        message = forbidden_message(found.group())
        loaded.problems.append((path, _position(node.start_mark), message))
    loaded.nodes[id(node)] = path


def _key_as_read(key: yaml.ScalarNode) -> str:
    """The key as YAML reads it, as text: ``yes`` is "True" (a loader of its own: no state is
    shared between threads)."""
    return str(yaml.SafeLoader("").construct_object(key))


_Loader.add_constructor(_STANDARD + "timestamp", _Loader.construct_yaml_timestamp)
