"""Stand-ins the format registry can import by name (``module:function``) in failure tests."""

from __future__ import annotations


def failing_writer(brief: object, options: object) -> bytes:
    """A writer that fails the way a broken one would, with an unexpected exception."""
    raise RuntimeError("disk exploded")
