"""Names in a namespace the profile does not use are shown as the brief writes them, a close
spelling is never guessed across namespaces, and start tags are located by their qualified
name; a no-break space in an enumerated value is not a blank."""

from __future__ import annotations

import pytest

from briefexport.errors import InvalidBriefError
from briefexport.reader import parse_brief
from briefexport.reader.locate import Locator
from briefexport.reader.parse import parse_untrusted
from support.small_brief import edited

LIST = '<list list-type="order"><list-item><p>One</p></list-item></list></body>'


def refusal(text: str) -> list[str]:
    with pytest.raises(InvalidBriefError) as raised:
        parse_brief(text.encode(), name="brief.xml")
    return [d.message for d in raised.value.diagnostics]


def test_prefixed_foreign_element_keeps_its_prefix() -> None:
    text = edited("<p>Walls need care", '<p><x:italic xmlns:x="urn:x">a</x:italic>Walls need care')
    (message,) = refusal(text)
    assert message.startswith("<x:italic> is not an element of this profile; allowed here: ")
    assert "did you mean" not in message


def test_unprefixed_foreign_element_shows_its_namespace() -> None:
    text = edited("<p>Walls need care", '<p><italic xmlns="urn:x">a</italic>Walls need care')
    (message,) = refusal(text)
    assert message.startswith('<italic xmlns="urn:x"> is not an element of this profile;')
    assert "did you mean" not in message


def test_unknown_name_without_namespace_is_still_guessed() -> None:
    text = edited("<p>Walls need care", "<p><i>a</i>Walls need care")
    assert refusal(text) == ["<i> is not an element of this profile; did you mean <italic>?"]


def test_names_of_one_pattern_are_listed_in_one_order() -> None:
    """Alphabetically (not in the order of a set, which changes from run to run)."""
    text = edited("<p>Walls need care", "<p><zqzqzq/>Walls need care")
    assert refusal(text) == [
        "<zqzqzq> is not an element of this profile; allowed here: <bold>, <italic>,"
        " <monospace>, <sc>, <sub>, <sup>, <underline>, <xref>, <ext-link> or <mixed-citation>"
    ]


def test_no_attribute_guess_across_namespaces() -> None:
    text = edited("</body>", LIST.replace("<list ", '<list xlink:type="simple" '))
    assert refusal(text) == ["attribute xlink:type is not allowed on <list>; it takes list-type"]


def test_start_tags_counted_by_qualified_name() -> None:
    line = '<p><x:italic xmlns:x="urn:x">a</x:italic><italic>b</italic><x:italic>c</x:italic></p>'
    source = f'<article xmlns:x="urn:x">\n{line}\n</article>'.encode()
    tree = parse_untrusted(source, "brief.xml")
    at = Locator("brief.xml", source)
    foreign = tree.getroot().findall(".//{urn:x}italic")
    (plain,) = tree.getroot().iter("italic")
    assert [at.position(e) for e in (*foreign, plain)] == [
        (2, line.index("<x:italic") + 1),
        (2, line.index("<x:italic>c") + 1),
        (2, line.index("<italic>") + 1),
    ]


def test_no_break_space_in_an_enumerated_value_is_refused_as_such() -> None:
    text = edited("</body>", LIST.replace('"order"', '"order\u00a0"'))
    assert refusal(text) == ['list-type="order\u00a0" on <list> must be "bullet" or "order"']


XLINK = 'xmlns:xlink="http://www.w3.org/1999/xlink"'
ALI = "http://www.niso.org/schemas/ali/1.0/"
LICENCE = (
    f'<permissions><license xmlns:ali="{ALI[:-1]}"><ali:license_ref>https://example.org/l'
    "</ali:license_ref><license-p>Open.</license-p></license></permissions>\n</article-meta>"
)


def test_a_prefix_bound_to_another_namespace_is_one_line_at_its_declaration() -> None:
    """Not one line for every attribute with that prefix, and its element's need of it."""
    text = edited(XLINK, XLINK.replace("http://", "http:/"))
    text = text.replace(
        "</p>\n</body>",
        '</p><p><ext-link ext-link-type="uri" xlink:href="https://a.example">a</ext-link></p>\n</body>',
    )
    assert refusal(text) == [
        'xmlns:xlink="http:/www.w3.org/1999/xlink" is not the namespace the profile takes for'
        ' xlink: write xmlns:xlink="http://www.w3.org/1999/xlink"'
    ]


def test_an_element_prefix_bound_to_another_namespace_is_said_at_its_declaration() -> None:
    text = edited("</article-meta>", LICENCE)
    assert refusal(text) == [
        f'xmlns:ali="{ALI[:-1]}" is not the namespace the profile takes for ali: write'
        f' xmlns:ali="{ALI}"'
    ]
