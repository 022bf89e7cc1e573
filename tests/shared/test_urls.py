"""Where a printed web address may break: one rule for every presentation writer."""

from __future__ import annotations

from briefexport.shared.urls import url_pieces

ADDRESS = "https://maritime-ledger.example/news/2026/03/03/weather-closures-new-high"


def test_an_address_is_cut_only_after_a_slash_or_a_dot_beyond_its_scheme() -> None:
    assert url_pieces(ADDRESS) == (
        "https://maritime-ledger.",
        *("example/", "news/", "2026/", "03/", "03/", "weather-closures-new-high"),
    )


def test_runs_of_slashes_and_dots_and_a_final_one_stay_with_what_they_follow() -> None:
    assert url_pieces("https://a.b//c...d/") == ("https://a.", "b//", "c...", "d/")
    assert url_pieces("www.example.org") == ("www.", "example.", "org")
    assert "".join(url_pieces(ADDRESS)) == ADDRESS
