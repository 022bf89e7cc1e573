"""Words, names and link targets for seeded random briefs, in twelve scripts.

Each script has the languages a brief in it may declare and a small vocabulary written for these
tests (common words, not taken from a text). The vocabularies cover what writers and validators
trip over: accents, Cyrillic and Greek (polytonic too), Arabic with vowel marks and Arabic-Indic
digits, Urdu letters outside Arabic, Hebrew with points, Devanagari vowel signs and conjuncts,
Chinese, Japanese and Korean without spaces, Thai without word breaks, emoji sequences (skin
tones, zero-width joiners, flags, keycaps) and decomposed letters with stacked combining marks.

Link targets are valid http, https and mailto URLs as the reader accepts them, with the
characters writers must encode: ``[``, ``]``, ``%`` (encoded and bare), ``|``, non-ASCII paths and
queries, IDN hosts in Unicode and in punycode, ports and fragments.
"""

from __future__ import annotations

import random
import unicodedata
from dataclasses import dataclass


@dataclass(frozen=True)
class Script:
    """A writing system: the languages a brief may declare for it and words written in it."""

    name: str
    languages: tuple[str, ...]
    vocabulary: str | tuple[str, ...]
    """Words separated by spaces, or a tuple where a word holds a space-like character."""

    @property
    def words(self) -> tuple[str, ...]:
        if isinstance(self.vocabulary, str):
            return tuple(self.vocabulary.split(" "))
        return self.vocabulary


def _nfd(*words: str) -> tuple[str, ...]:
    """Words in decomposed form: base letters followed by combining marks."""
    return tuple(unicodedata.normalize("NFD", word) for word in words)


SCRIPTS: tuple[Script, ...] = (
    Script("latin", ("en", "en-GB", "nl"), "harbour tide levy council storm quay data"),
    Script(
        "accented",
        ("fr", "de", "es", "pt-BR", "pl"),
        "élève Straße niño ação źdźbło façade Ærø naïve cœur Łódź",
    ),
    Script("cyrillic", ("ru", "uk", "sr"), "гавань вода порт їжак ђак Щука бюджет"),
    Script("greek", ("el",), "λιμάνι θάλασσα ἄνθρωπος Ὀδυσσεύς νερό πόλις"),
    Script("arabic", ("ar",), "ميناء البحر مَدِينَة ٢٠٢٥ سياسة الماء لا"),
    Script("urdu", ("ur",), "بندرگاہ پانی کراچی ڈیٹا ہے گھر ژالہ"),
    Script("hebrew", ("he",), "נמל מים שָׁלוֹם עִיר תקציב ים"),
    Script("devanagari", ("hi", "mr"), "पानी बंदरगाह नीति क्षेत्र हिंदी श्री ज्ञान"),
    Script(
        "cjk",
        ("zh", "ja", "ko"),
        "港口 政策 气候变化 みなと カタカナ 東京都 항구 정책 한국어",
    ),
    Script("thai", ("th",), "ท่าเรือ นโยบาย น้ำ ภาษาไทย กรุงเทพมหานคร"),
    Script(
        "emoji",
        ("en",),
        (
            "tide",
            "🌊",
            "👩🏽\u200d🔬",
            "🇳🇱",
            "⚓\ufe0f",
            "1\ufe0f\u20e3",
            "👨\u200d👩\u200d👧",
            "port",
        ),
    ),
    Script(
        "combining",
        ("vi", "yo"),
        (
            *_nfd("Việt", "Nam", "ẹ̀kọ́", "Ọ̀yọ́", "nước", "cảng"),
            "a\u0301\u0302\u0303",
            "q\u0323\u0307",
        ),
    ),
)
BY_NAME = {script.name: script for script in SCRIPTS}

LONG_WORDS = (
    "Donaudampfschifffahrtsgesellschaftskapitänswitwenrentenversicherung",
    "Hafeninfrastrukturfinanzierungsbeschleunigungsverordnung",
    "x" * 90,
    "気候変動適応策港湾施設維持管理計画策定手続き" * 2,
)
HOSTS = (
    "example.org",
    "data.example.net",
    "bücher.example",
    "xn--80ak6aa92e.example",
    "例え.テスト",
    "xn--r8jz45g.xn--zckzah",
    "münchen.example:8443",
)
PATHS = (
    "/reports/2026/levies",
    "/search?filter[year]=2026&filter[port]=north",
    "/a%20b/c%2Fd",
    "/données/été?q=prix&lang=fr",
    "/wiki/Hafen_(Begriffsklärung)",
    "/p/100%",
    "/x?list[]=1&list[]=2#part-2",
    "/tables|pipes/*stars*_under_",
    "/कहानी/पानी",
    "/" + "a-very-long-path-segment/" * 5 + "end",
)
MAILTO = ("mailto:office@example.org", "mailto:office@example.org?subject=Hello%20world")


def word(rng: random.Random, script: Script) -> str:
    """One word: mostly from ``script``, sometimes a long word or a Latin word beside it."""
    roll = rng.random()
    if roll < 0.03:
        return rng.choice(LONG_WORDS)
    if roll < 0.12:
        return rng.choice(BY_NAME["latin"].words)
    return rng.choice(script.words)


def words(rng: random.Random, script: Script, low: int = 1, high: int = 6) -> str:
    """A few words joined by spaces (no leading or trailing space)."""
    return " ".join(word(rng, script) for _ in range(rng.randint(low, high)))


def title_words(rng: random.Random, script: Script) -> str:
    """Words for a title, which needs a letter or digit (an emoji alone is no title)."""
    text = words(rng, script, 1, 4)
    return text if any(c.isalnum() for c in text) else f"{text} {rng.choice(SCRIPTS[0].words)}"


def url(rng: random.Random) -> str:
    """A link target the reader accepts, often with characters that need encoding."""
    if rng.random() < 0.1:
        return rng.choice(MAILTO)
    scheme = rng.choice(("https", "https", "http"))
    return f"{scheme}://{rng.choice(HOSTS)}{rng.choice(PATHS)}"
