"""Learned chrome: a logistic-regression line classifier for the lines the other rules kept.

The hand rules know chrome by its words (phrase catalogues drawn from the development pages);
this model learns its *shape*: short lines, no sentence mark, title case, digits, link-like
text, no prose around, late on the page, words and word stems that chrome of every site shares
("subscribe", "newsletter", "kommentar"...), and those of the previous / next kept line.
Each candidate line becomes a bag of feature names (:func:`line_features`), hashed with
``zlib.crc32`` (stable across processes and platforms) into ``2**HASH_BITS`` buckets; the score
is the sum of the buckets' weights plus a bias, the chrome probability its logistic.

The weights (``data/learned_chrome.bin``, written by ``benchmarks/fit_chrome.py`` from the gold
of the development sets) are read once per process. Only lines with at most
CANDIDATE_MAX_WORDS words are scored: long paragraphs are never cut by the model (a body
paragraph lost costs more than a chrome line kept), and scoring only short lines keeps the
cost low. The rule runs last, on the lines every other rule kept (precision), and cuts a line
only when the model is sure (CUT_PROBABILITY) and the page keeps most of its text
(MAX_CUT_SHARE). It is not part of the default pipeline (see :data:`RULE`).
"""

from __future__ import annotations

import math
import struct
import zlib
from collections.abc import Iterator, Sequence
from importlib import resources
from typing import Final

from .. import features
from ..model import Line
from ..pipeline import Context, Doc
from ..ruledef import Cut, Rule, docstring
from . import prose
from .region_scores import big_enough

#: Feature names hash into 2**HASH_BITS buckets.
HASH_BITS: Final = 18
HASH_MASK: Final = (1 << HASH_BITS) - 1
#: The weights file in ``boilerstrip/data`` and its magic (format version in the last byte).
WEIGHTS_FILE: Final = "learned_chrome.bin"
MAGIC: Final = b"BSLC\x01"
#: Lines with more words than this are never scored (nor cut): body paragraphs.
CANDIDATE_MAX_WORDS: Final = 40
#: A line is cut when its chrome probability is at least this (out of fold, see README: the
#: lowest cut probability that costs no set more than 0.001 F1).
CUT_PROBABILITY: Final = 0.8
#: ... and the lines the model would cut hold at most this share of the kept characters; past
#: it the page is left as the other rules left it (the model is not trusted to take the body).
MAX_CUT_SHARE: Final = 0.3
#: Words of a line that become word features: the first FIRST_WORDS and the last LAST_WORDS.
FIRST_WORDS: Final = 8
LAST_WORDS: Final = 3
#: Word bigrams are taken from the first BIGRAM_WORDS words.
BIGRAM_WORDS: Final = 5
#: A word at least this long also gives its first STEM_CHARS characters as a stem feature
#: (inflections and compounds: "newsletter"/"newsletters", "Kommentare"/"kommentieren").
STEM_MIN_CHARS: Final = 6
STEM_CHARS: Final = 5
#: Only lines up to this long are searched for a digit (dates, counts, prices are short).
DIGIT_MAX_CHARS: Final = 80
#: The reason names this many of the features that pushed the score up most.
REASON_FEATURES: Final = 3
#: Word features strip these characters from both ends.
_WORD_STRIP: Final = "\"'“”‘’«»()[]{}<>.,;:!?¿¡…|•·*–—-_/#"
#: Upper bounds of the word-count buckets (the last bucket is open).
_WORD_BUCKETS: Final = (0, 1, 2, 3, 5, 8, 12, 20, 30, 40)
_STOP_BUCKETS: Final = (0.0, 0.1, 0.2, 0.3, 0.45)
#: Feature-hash memo: feature name -> bucket (names repeat across lines and pages); cleared
#: when it holds MEMO_MAX names.
_MEMO: Final[dict[str, int]] = {}
MEMO_MAX: Final = 200_000
#: The loaded model: [weights by bucket (a list), bias] once read.
_MODEL: Final[list[object]] = []


def bucket(name: str) -> int:
    """The hash bucket of feature ``name`` (crc32 of its UTF-8 bytes, masked)."""
    h = _MEMO.get(name)
    if h is None:
        if len(_MEMO) >= MEMO_MAX:
            _MEMO.clear()
        h = _MEMO[name] = zlib.crc32(name.encode("utf-8", "surrogatepass")) & HASH_MASK
    return h


def _words_bucket(n: int) -> int:
    for k, top in enumerate(_WORD_BUCKETS):
        if n <= top:
            return k
    return len(_WORD_BUCKETS)


def _stop_bucket(s: float) -> int:
    k = 0
    for k, top in enumerate(_STOP_BUCKETS):
        if s <= top:
            return k
    return k + 1


def _shape(line: Line, f: features.Features) -> str:
    """A compact shape code of a line, for its neighbours' features."""
    return f"{_words_bucket(line.n_words)}{prose.line_class(f)}{'e' if f.end_mark else ''}"


def _last_char(text: str) -> str:
    c = text[-1]
    if c.isalpha():
        return "a"
    if c.isdigit():
        return "9"
    return c if c in ".:!?)»”\"'|…" else "o"


def page_context(doc: Doc, ctx: Context) -> tuple[list[features.Features], list[str], list[float], str]:
    """Per kept line: its features, its shape code, and the share of the page's kept prose
    characters that lie after it; and the page's own feature: the share of its kept lines that
    are prose (a listing or a product page keeps many short lines that are its content)."""
    fs_all = features.of(doc.all, ctx)
    fs = [fs_all[line.index] for line in doc.lines]
    shapes = [_shape(line, f) for line, f in zip(doc.lines, fs, strict=True)]
    prose_chars = [line.n_chars if s[1] == "P" else 0 for line, s in zip(doc.lines, shapes, strict=True)]
    total = sum(prose_chars) or 1
    after: list[float] = []
    acc = total
    for c in prose_chars:
        acc -= c
        after.append(acc / total)
    n_prose = sum(1 for s in shapes if s[1] == "P")
    return fs, shapes, after, str((4 * n_prose) // len(shapes)) if shapes else "0"


def line_features(doc: Doc, i: int, fs: Sequence[features.Features], shapes: Sequence[str], after: Sequence[float], page: str) -> list[str]:
    """The feature names of kept line ``doc.lines[i]`` (see the module docstring)."""
    line = doc.lines[i]
    f = fs[i]
    n = len(doc.lines)
    text = line.text
    out: list[str] = []
    add = out.append
    # words, stems, bigrams
    toks = [w for w in (t.strip(_WORD_STRIP) for t in line.lower.split()) if w]
    if toks:
        picked = toks if len(toks) <= FIRST_WORDS + LAST_WORDS else toks[:FIRST_WORDS] + toks[-LAST_WORDS:]
        for w in picked:
            word = "#" if w.isdigit() else w
            add("w:" + word)
            if len(w) >= STEM_MIN_CHARS and w.isalpha():
                add("s:" + w[:STEM_CHARS])
        add("f:" + ("#" if toks[0].isdigit() else toks[0]))
        add("l:" + ("#" if toks[-1].isdigit() else toks[-1]))
        for a, b in zip(toks[: BIGRAM_WORDS - 1], toks[1:BIGRAM_WORDS], strict=False):
            add("b:" + a + " " + b)
    else:
        add("notok")
    # shape
    wb = _words_bucket(line.n_words)
    pc = shapes[i][1]
    add(f"nw:{wb}")
    add(f"pc:{pc}")
    add(f"lc:{_last_char(text)}")
    add(f"st:{_stop_bucket(f.stop)}")
    add(f"nw|pc:{wb}{pc}")
    add(f"pg|nw:{page}{wb}")
    if line.n_chars <= DIGIT_MAX_CHARS and features.has_digit(text):
        add("digit")
    low = line.lower
    if "http" in low or "www." in low or ".com" in low or "/" in text:
        add("url")
    if " | " in text or " / " in text:
        add("pipe")
    if "©" in text or "(c)" in low:
        add("copy")
    if "@" in text:
        add("at")
    words = line.words
    caps = sum(1 for w in words if w[:1].isupper())
    add(f"tc:{(4 * caps) // len(words) if words else 0}")
    if text.isupper() and line.n_chars > 3:
        add("upper")
    if f.bullet:
        add("bullet")
    add(f"rep:{min(f.repeats, 3)}")
    # position on the page and among the kept lines
    add(f"pos:{(10 * line.index) // max(len(doc.all), 1)}")
    if i < 3:
        add(f"head:{i}")
    if n - 1 - i < 3:
        add(f"tail:{n - 1 - i}")
    rest = after[i]
    ab = 0 if rest == 0.0 else 1 if rest < 0.1 else 2 if rest < 0.5 else 3 if rest < 1.0 else 4
    add(f"after:{ab}")
    add(f"after|pc:{ab}{pc}")
    # neighbours and gaps
    p = shapes[i - 1] if i > 0 else "none"
    q = shapes[i + 1] if i + 1 < n else "none"
    add("p:" + p)
    add("n:" + q)
    add("pn:" + p[1:2] + q[1:2])
    gb = doc.gap_before(i)
    ga = i + 1 >= n or doc.gap_before(i + 1)
    add(f"gap:{int(gb)}{int(ga)}")
    # run of non-prose lines this line sits in
    lo = i
    while lo > 0 and shapes[lo - 1][1] != "P" and i - lo < 8:
        lo -= 1
    hi = i
    while hi + 1 < n and shapes[hi + 1][1] != "P" and hi - i < 8:
        hi += 1
    run = hi - lo + 1 if pc != "P" else 0
    add(f"run:{min(run, 6)}")
    return out


def _load() -> tuple[list[float], float]:
    if _MODEL:
        return _MODEL[0], _MODEL[1]  # type: ignore[return-value]
    data = resources.files("boilerstrip.data").joinpath(WEIGHTS_FILE).read_bytes()
    weights, bias = decode(data)
    _MODEL.extend((weights, bias))
    return weights, bias


def decode(data: bytes) -> tuple[list[float], float]:
    """Weights file -> (weight of every bucket, bias). Format: MAGIC, then little-endian
    ``<B bits><f scale><f bias><I count>``, ``count`` uint32 bucket ids (ascending) and
    ``count`` int8 weights; a weight is ``int8 * scale``."""
    if data[: len(MAGIC)] != MAGIC:
        raise ValueError("not a boilerstrip learned-chrome weights file")
    off = len(MAGIC)
    bits, scale, bias, count = struct.unpack_from("<BffI", data, off)
    if bits != HASH_BITS:
        raise ValueError(f"weights hashed into 2**{bits} buckets, the code uses 2**{HASH_BITS}")
    off += struct.calcsize("<BffI")
    ids = struct.unpack_from(f"<{count}I", data, off)
    off += 4 * count
    vals = struct.unpack_from(f"<{count}b", data, off)
    weights = [0.0] * (1 << HASH_BITS)
    for k, v in zip(ids, vals, strict=True):
        weights[k] = v * scale
    return weights, bias


def encode(weights: Sequence[float], bias: float) -> bytes:
    """(weights by bucket, bias) -> the weights file :func:`decode` reads (int8-quantised,
    zero weights left out)."""
    top = max((abs(w) for w in weights), default=0.0)
    scale = top / 127.0 if top else 1.0
    pairs = [(k, round(w / scale)) for k, w in enumerate(weights) if round(w / scale) != 0]
    head = MAGIC + struct.pack("<BffI", HASH_BITS, scale, bias, len(pairs))
    return head + struct.pack(f"<{len(pairs)}I", *(k for k, _ in pairs)) + struct.pack(f"<{len(pairs)}b", *(v for _, v in pairs))


def use_weights(weights: list[float], bias: float) -> None:
    """Replace the loaded model (for the fit script's out-of-fold evaluation and for tests)."""
    _MODEL.clear()
    _MODEL.extend((weights, bias))


def candidates(doc: Doc) -> list[int]:
    """Positions in ``doc.lines`` of the lines the model scores."""
    return [i for i, line in enumerate(doc.lines) if line.n_words <= CANDIDATE_MAX_WORDS]


def score(names: Sequence[str], weights: Sequence[float], bias: float) -> float:
    z = bias
    for name in names:
        z += weights[bucket(name)]
    return z


def learned_chrome(doc: Doc, ctx: Context) -> Iterator[Cut]:
    """Short lines a linear model over words and line shape judges to be chrome (text mode, pages of 12+ lines)."""
    if not big_enough(doc, ctx) or not doc.lines:
        return
    weights, bias = _load()
    cut_z = math.log(CUT_PROBABILITY / (1.0 - CUT_PROBABILITY))
    fs, shapes, after, page = page_context(doc, ctx)
    hits: list[tuple[int, float, list[str]]] = []
    for i in candidates(doc):
        names = line_features(doc, i, fs, shapes, after, page)
        z = score(names, weights, bias)
        if z >= cut_z:
            hits.append((i, z, names))
    if not hits:
        return
    kept_chars = sum(line.n_chars for line in doc.lines)
    if sum(doc.lines[i].n_chars for i, _, _ in hits) > MAX_CUT_SHARE * kept_chars:
        return
    for i, z, names in hits:
        top = sorted(names, key=lambda nm: -weights[bucket(nm)])[:REASON_FEATURES]
        p = 1.0 / (1.0 + math.exp(-z))
        yield Cut(i, i + 1, f"chrome p={p:.2f} ({', '.join(top)})")


#: The rule, for a pipeline that asks for it: ``(*api.pipeline_for(cfg), learned.RULE)``. It is
#: not in :data:`boilerstrip.registry.ORDER` (nor registered): out of fold it changed F1 by
#: -0.001 to +0.001 (README, "Learned chrome"), not enough to run on every page by default.
RULE: Final = Rule("learned-chrome", "learned", "span", learned_chrome, docstring(learned_chrome).splitlines()[0], text_only=True)
