"""Where a printed web address may break: one rule for every presentation writer."""

from __future__ import annotations

from briefexport.shared.urls import url_pieces

ADDRESS = "https://maritime-ledger.example/news/2026/03/03/weather-closures-new-high"


def test_an_address_is_cut_only_after_a_slash_or_before_a_dot_beyond_its_scheme() -> None:
    assert url_pieces(ADDRESS) == (
        "https://maritime-ledger",
        *(".example/", "news/", "2026/", "03/", "03/", "weather-closures-new-high"),
    )


def test_a_dot_starts_the_next_line_and_runs_stay_together() -> None:
    """A dot at a line's end would read as a full stop: it goes with what follows it, a run of
    dots or slashes stays whole, and a final dot stays with what it ends."""
    assert url_pieces("https://a.b//c...d/") == ("https://a", ".b//", "c", "...d/")
    assert url_pieces("www.example.org") == ("www", ".example", ".org")
    assert url_pieces("https://example.org/a/.well-known/x.") == (
        "https://example",
        *(".org/", "a/", ".well-known/", "x."),
    )
    assert "".join(url_pieces(ADDRESS)) == ADDRESS
