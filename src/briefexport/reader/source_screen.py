"""A look at a brief's bytes for the characters no brief may hold
(:mod:`briefexport.shared.characters`: the C0 controls but tab, line feed and carriage return,
DEL, the C1 controls but NEL, U+FFFE and U+FFFF), before the tree is searched for them.

The reader takes UTF-8 only and refuses entity references, so a character reaches the tree as
its own UTF-8 bytes or as a character reference (``&#...;``). Bytes that hold no forbidden
character's encoding and no character reference make a tree without one, and the search of
the tree (serialising it and scanning every character) is skipped: a third of the cost of the
checks. Anything the screen finds sends the brief to that search, which says where.
"""

from __future__ import annotations

import re

C0_AND_DEL = bytes([*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F])
_OTHER_BYTES = bytes(byte for byte in range(256) if byte not in C0_AND_DEL)
C1_IN_UTF8 = re.compile(rb"\xc2[\x80-\x84\x86-\x9f]")  # U+0080-U+009F but U+0085
NONCHARACTERS_IN_UTF8 = (b"\xef\xbf\xbe", b"\xef\xbf\xbf")  # U+FFFE, U+FFFF
CHARACTER_REFERENCE = b"&#"


def may_hold_forbidden(data: bytes) -> bool:
    """Whether the UTF-8 ``data`` may give a tree holding a character no brief may hold."""
    return (
        bool(data.translate(None, _OTHER_BYTES))  # what is left are C0 controls and DEL
        or CHARACTER_REFERENCE in data
        or C1_IN_UTF8.search(data) is not None
        or any(encoded in data for encoded in NONCHARACTERS_IN_UTF8)
    )
