"""Web addresses: the resolvers a DOI (Crossref's display guidelines) and an ORCID iD are linked
through, and where a printed address may break (house rule, ``docs/typography.md``; UAX #14 would
also break after its hyphens): only after a slash or before a dot, never inside the scheme and
the start of the host. A dot ending a line would read as a full stop, so it starts the next line
(The Chicago Manual of Style, 14.18). Every presentation writer prints an address from these
pieces."""

from __future__ import annotations

import itertools

DOI_RESOLVER = "https://doi.org/"
ORCID_RESOLVER = "https://orcid.org/"
LONGEST_UNBROKEN = 60  # characters of a piece kept on one line (well under a line of notes)


def is_printed_address(text: str, href: str) -> bool:
    """Whether a link's text is a web address printed as itself."""
    return text.startswith(("http://", "https://", "www.")) or text == href


def url_pieces(url: str) -> tuple[str, ...]:
    """``url`` cut after each slash that a character other than a slash follows, and before
    each dot (or run of dots) that neither starts the host nor ends the address
    (``https://maritime-ledger`` is the first piece, ``.example/`` the next). A line may end
    only between two pieces; a piece longer than :data:`LONGEST_UNBROKEN` may still break
    inside rather than run past the margin."""
    start = url.find("://")
    start = start + 3 if start >= 0 else 0
    after_slashes = {i + 1 for i in range(start, len(url) - 1) if url[i] == "/" != url[i + 1]}
    before_dots = {
        i for i in range(start + 1, len(url) - 1) if url[i] == "." and url[i - 1] not in "./"
    }
    cuts = sorted(after_slashes | before_dots)
    return tuple(url[begin:end] for begin, end in itertools.pairwise([0, *cuts, len(url)]))
