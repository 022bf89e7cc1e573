"""The characters no brief may hold (:mod:`briefexport.shared.characters`), checked against
XML 1.0 section 2.2: the characters it excludes below U+0020, DEL and the C1 controls it
discourages (but U+0085), and the non-characters U+FFFE and U+FFFF."""

from __future__ import annotations

from briefexport.shared.characters import FORBIDDEN_CHARACTERS, first_forbidden, forbidden_message


def _xml_char(code: int) -> bool:
    """XML 1.0's Char production (section 2.2), read from the specification's text."""
    return code in (0x9, 0xA, 0xD) or 0x20 <= code <= 0xD7FF or 0xE000 <= code <= 0xFFFD


def _discouraged(code: int) -> bool:
    """The controls XML 1.0 section 2.2 asks authors to avoid, U+0085 not among them."""
    return 0x7F <= code <= 0x84 or 0x86 <= code <= 0x9F


def test_the_rule_is_xml_1_0s_refused_and_discouraged_controls() -> None:
    for code in range(0x10000):
        if 0xD800 <= code <= 0xDFFF:
            continue  # surrogates are no characters a decoded text holds
        forbidden = FORBIDDEN_CHARACTERS.fullmatch(chr(code)) is not None
        expected = (not _xml_char(code) and code < 0x20) or _discouraged(code)
        expected = expected or code in (0xFFFE, 0xFFFF)
        assert forbidden == expected, f"U+{code:04X}"


def test_the_first_one_is_found_and_named() -> None:
    found = first_forbidden("a\x85b\x93c\x01")
    assert found is not None
    assert (found.start(), forbidden_message(found.group())) == (
        3,
        "control character U+0093 cannot appear in a brief",
    )
    assert first_forbidden("tab\tline\nreturn\r next\x85line") is None
    assert first_forbidden(None) is None
