"""Cheap per-document language detection: script detection for CJK, stopword hits otherwise.

The stopword lists are jusText's (the ``justext`` package ships with trafilatura, a dependency).
They are read once per process. Detection looks at the first :data:`SAMPLE_WORDS` words of the
document, counts how many are stopwords of each candidate language, and picks the language with
the most hits when it has at least :data:`MIN_HITS` hits and a clear share of the words.
Chinese, Japanese and Korean are recognised by their scripts (kana means Japanese, hangul
Korean, Han ideographs alone Chinese).

>>> from boilerstrip.segment import split_lines
>>> detect(split_lines("Der Hund und die Katze sind nicht im Haus, sondern auf der Straße."))
'de'
>>> detect(split_lines("Le chat est sur la table et il ne veut pas en descendre."))
'fr'
>>> detect(split_lines("北京时间昨天晚上，中国队在比赛中获得了冠军。"))
'zh'
>>> detect(split_lines("ok")) is None
True
"""

from __future__ import annotations

import pkgutil
import re
from collections import Counter
from collections.abc import Sequence
from functools import cache
from itertools import repeat
from operator import itemgetter
from typing import Final

from .model import Line

#: jusText stoplist name -> ISO 639-1 code. Only languages whose lists are distinctive enough to
#: vote; Korean/Japanese/Chinese go by script instead.
STOPLISTS: Final[dict[str, str]] = {
    "English": "en", "German": "de", "French": "fr", "Spanish": "es", "Italian": "it",
    "Portuguese": "pt", "Dutch": "nl", "Russian": "ru", "Ukrainian": "uk", "Polish": "pl",
    "Czech": "cs", "Slovak": "sk", "Swedish": "sv", "Danish": "da", "Norwegian_Bokmal": "no",
    "Finnish": "fi", "Hungarian": "hu", "Romanian": "ro", "Turkish": "tr", "Indonesian": "id",
    "Catalan": "ca", "Greek": "el", "Bulgarian": "bg", "Croatian": "hr", "Slovenian": "sl",
    "Estonian": "et", "Latvian": "lv", "Lithuanian": "lt", "Vietnamese": "vi", "Arabic": "ar",
    "Persian": "fa", "Hebrew": "he", "Hindi": "hi", "Tagalog": "tl", "Malay": "ms", "Serbian": "sr",
}
#: How many words of a document the detector reads (enough to be stable, cheap on long pages).
SAMPLE_WORDS: Final = 400
#: Lines with fewer words are skipped while sampling (menus are often in English on any page).
SAMPLE_MIN_WORDS: Final = 8
#: Characters the CJK script check looks at.
SCRIPT_SAMPLE: Final = 3000
#: Fewer stopword hits than this for the best language means "unknown".
MIN_HITS: Final = 3
#: Stoplists longer than this are cut to their first entries (jusText lists are frequency
#: ordered), so a huge list (Russian has 5,000 words) does not win on size alone.
MAX_STOPWORDS: Final = 600
#: Share of letters in CJK scripts above which the document is treated as CJK.
CJK_SHARE: Final = 0.30

_PUNCT: Final = ".,;:!?\"'()[]{}«»„“”‘’`*…–—-/|"
_ANY_CJK: Final = re.compile("[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]")
_CJK: Final = re.compile("[\u4e00-\u9fff\u3400-\u4dbf]|([\u3040-\u30ff])|([\uac00-\ud7af\u1100-\u11ff])")
_LETTER: Final = re.compile(r"[^\W\d_]")


@cache
def stoplist(code: str) -> frozenset[str]:
    """The stopwords of ISO language ``code`` (empty when there is no list)."""
    for name, iso in STOPLISTS.items():
        if iso == code:
            return _load(name)
    return frozenset()


@cache
def any_stopwords() -> frozenset[str]:
    """The union of the major European lists: a fallback when the language is unknown."""
    return frozenset().union(*(stoplist(c) for c in ("en", "de", "fr", "es", "it", "pt", "nl")))


@cache
def _load(name: str) -> frozenset[str]:
    data = pkgutil.get_data("justext", f"stoplists/{name}.txt") or b""
    words = [w.strip().casefold() for w in data.decode("utf-8").splitlines() if w.strip()]
    return frozenset(words[:MAX_STOPWORDS])


@cache
def _index() -> dict[str, tuple[str, ...]]:
    """stopword -> the languages that list it."""
    inv: dict[str, list[str]] = {}
    for name, code in STOPLISTS.items():
        for w in _load(name):
            inv.setdefault(w, []).append(code)
    return {w: tuple(c) for w, c in inv.items()}


def script_language(text: str) -> str | None:
    """'ja', 'ko' or 'zh' when CJK scripts dominate the letters of ``text``; else None."""
    text = text[:SCRIPT_SAMPLE]
    if not _maybe_cjk(text) or not _ANY_CJK.search(text):
        return None
    letters = len(_LETTER.findall(text))
    hits = _CJK.findall(text)
    if not letters or len(hits) / letters < CJK_SHARE:
        return None
    kana = sum(1 for k, _ in hits if k)
    hangul = sum(1 for _, h in hits if h)
    han = len(hits) - kana - hangul
    if hangul >= max(han, kana):
        return "ko"
    if kana * 10 >= han:  # Japanese text mixes kana in everywhere
        return "ja"
    return "zh"


def _maybe_cjk(text: str) -> bool:
    """False when no character of ``text`` lies in U+3000-U+DFFF, which holds every script
    :data:`_CJK` knows: their UTF-8 forms, and only theirs, start with a byte E3-ED. One encode and
    eleven byte searches cost a fraction of the regex scan on the pages with no CJK at all.

    >>> _maybe_cjk("Ça coûte 5 € — “cher”"), _maybe_cjk("東京"), _maybe_cjk("한국")
    (False, True, True)
    """
    data = text.encode("utf-8", "surrogatepass")
    return any(map(data.__contains__, _CJK_LEAD_BYTES))


_CJK_LEAD_BYTES: Final = range(0xE3, 0xEE)


def detect(lines: Sequence[Line]) -> str | None:
    """ISO 639-1 code of the document's language, or None when unsure."""
    sample: list[Line] = []
    n = 0
    for line in lines:
        # n_words is text.count(" ") + 1 for a non-empty line (its text is whitespace-normalised)
        if line.n_chars > 40 and line.n_words >= SAMPLE_MIN_WORDS:
            sample.append(line)
            n += line.n_words
            if n >= SAMPLE_WORDS:
                break
    if n < SAMPLE_WORDS // 4:  # little prose: read every line
        sample = [line for line in lines if line.text][:400]
    cjk = script_language(" ".join([line.text for line in sample]))
    if cjk:
        return cjk
    get = _index().get
    # the sample's words casefolded: Line.lower is its text casefolded, and casefolding is
    # context-free, so the join of the lowers is the casefolded join of the texts
    counts = Counter(" ".join([line.lower for line in sample]).split())
    # each word's languages, or those of the word without its punctuation (lookups in bulk)
    direct = map(get, counts)
    bare = map(get, map(str.strip, counts, repeat(_PUNCT)))
    votes: dict[str, int] = {}  # insertion order as a Counter's, so ties break the same way
    vote = votes.get
    for langs, k in [(hit, k) for a, b, k in zip(direct, bare, counts.values(), strict=True) if (hit := a or b)]:
        for code in langs:
            votes[code] = vote(code, 0) + k
    if not votes:
        return None
    code, hits = max(votes.items(), key=_HITS)  # the first of the best, as Counter.most_common(1)
    return code if hits >= MIN_HITS else None


_HITS: Final = itemgetter(1)
