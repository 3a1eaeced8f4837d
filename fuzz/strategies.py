"""Hypothesis strategies: generated articles with chrome injected from the package catalogues.

Used by ``tests/test_properties.py`` (properties), ``tests/test_fuzz_smoke.py`` and the
hypothesis engine of ``fuzz/run.py``. The chrome lines come from the catalogues shipped in
``boilerstrip/data/`` at run time (literal ``.txt`` phrases and examples generated from the
``.re`` patterns), so new catalogue entries are exercised as soon as they are added.
"""

from __future__ import annotations

import re
from functools import cache

from hypothesis import strategies as st

from boilerstrip import lexicon

#: Words for generated prose: common function words (so stopword-based heuristics see prose)
#: and content words, a few of them shared with chrome phrases ("news", "share", "comments").
WORDS = (
    "the of and to in a is that for it as was with be by on not he this are or his from at which but have an they "
    "you were her she there would their we him been has when who will more no if out so said what up its about "
    "into than them can only other new some could time these two may then do first any my now such like our over "
    "man me even most made after also did many before must through back years where much your way well down should "
    "because each just those people how too little state good very make world still own see men work long get here "
    "between both life being under never day same another know while last might us great old year off come since "
    "council budget minister river school hospital election court police report company market weather storm city "
    "village research study scientists water energy price workers union farmers museum festival season team coach "
    "news share comments related newsletter subscribe story article read video photo app download advertisement "
    "Tuesday Monday morning evening officials residents according spokesperson announced approved rejected plan"
).split()

NAMES = ("Anna Keller", "Luis Ortega", "Maria Rossi", "Jean Dupont", "Sam Lee", "Olga Petrova")


@cache
def chrome_phrases() -> tuple[str, ...]:
    """Every literal phrase of every ``.txt`` catalogue, as written in the file."""
    out: list[str] = []
    for name in lexicon.available(".txt"):
        out.extend(lexicon._entries(name))
    return tuple(sorted(set(out)))


@cache
def chrome_patterns() -> tuple[str, ...]:
    """Every alternative of every ``.re`` catalogue that Python's ``re`` can also compile."""
    out: list[str] = []
    for name in lexicon.available(".re"):
        for pat in lexicon._entries(name):
            try:
                re.compile(pat, re.IGNORECASE)
            except re.error:
                continue
            out.append(pat)
    return tuple(out)


def _printable_line(s: str) -> bool:
    return bool(s.strip()) and not any(ch in s for ch in "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029")


@st.composite
def sentence(draw: st.DrawFn) -> str:
    words = draw(st.lists(st.sampled_from(WORDS), min_size=6, max_size=28))
    words[0] = words[0].capitalize()
    if len(words) > 10 and draw(st.booleans()):
        words[len(words) // 2] += ","
    return " ".join(words) + draw(st.sampled_from(".....!?"))


@st.composite
def paragraph(draw: st.DrawFn) -> str:
    return " ".join(draw(st.lists(sentence(), min_size=1, max_size=4)))


def chrome_line() -> st.SearchStrategy[str]:
    """A line of chrome drawn from the catalogues (phrases as written, or a pattern example)."""
    options: list[st.SearchStrategy[str]] = []
    if chrome_phrases():
        options.append(st.sampled_from(chrome_phrases()))
    if chrome_patterns():
        options.append(
            st.sampled_from(chrome_patterns()).flatmap(
                lambda p: st.from_regex(re.compile(p, re.IGNORECASE), fullmatch=True, alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Cc", "Zl", "Zp")))
            ).filter(_printable_line)
        )
    options.append(st.sampled_from(("Related Articles", "Advertisement", "Share this article", "Comments", "Source link")))
    line = st.one_of(*options)
    return st.tuples(line, st.sampled_from(("", "", "", "upper", "title"))).map(
        lambda lt: lt[0].upper() if lt[1] == "upper" else lt[0].title() if lt[1] == "title" else lt[0]
    )


def list_block() -> st.SearchStrategy[str]:
    item = st.lists(st.sampled_from(WORDS), min_size=2, max_size=8).map(" ".join)
    return st.tuples(st.sampled_from(("• ", "- ", "* ", "1. ")), st.lists(item, min_size=2, max_size=5)).map(lambda b: "\n".join(b[0] + i for i in b[1]))


@st.composite
def article_parts(draw: st.DrawFn) -> list[str]:
    """Blocks of an article: a title, prose paragraphs, maybe a list, with chrome at random places."""
    parts: list[str] = [draw(sentence()).rstrip(".!?")]
    if draw(st.booleans()):
        parts.append(f"By {draw(st.sampled_from(NAMES))}")
    parts += draw(st.lists(st.one_of(paragraph(), paragraph(), paragraph(), list_block()), min_size=1, max_size=12))
    for _ in range(draw(st.integers(0, 8))):
        parts.insert(draw(st.integers(0, len(parts))), draw(chrome_line()))
    if draw(st.booleans()):  # a related/trailer tail
        parts += draw(st.lists(st.one_of(chrome_line(), sentence()), min_size=1, max_size=6))
    return parts


@st.composite
def articles(draw: st.DrawFn) -> str:
    """A flattened article: blocks joined by a mix of line ends and blank lines, stray whitespace."""
    parts = draw(article_parts())
    seps = st.sampled_from(("\n", "\n\n", "\n\n", "\r\n", "\r\n\r\n", "\n \n", "\n\n\n", "\u2028"))
    out = [parts[0]]
    for p in parts[1:]:
        out.append(draw(seps))
        out.append(p if draw(st.integers(0, 9)) else f"  {p}\t")
    return "".join(out)


@st.composite
def html_pages(draw: st.DrawFn) -> str:
    """The same articles as HTML, with chrome in nav/aside/footer and some unclosed or deep tags."""
    parts = draw(article_parts())
    tags = st.sampled_from(("p", "p", "p", "div", "li", "h2", "span", "td", "blockquote"))
    body = []
    for p in parts:
        t = draw(tags)
        close = f"</{t}>" if draw(st.integers(0, 5)) else ""
        body.append(f"<{t}>{p}{close}")
    depth = draw(st.integers(0, 40))
    wrap = draw(st.sampled_from(("div", "section", "article", "b", "table")))
    chrome = draw(st.lists(chrome_line(), max_size=4))
    nav = "".join(f"<a href='/x'>{c}</a>" for c in chrome)
    head = f"<!doctype html><html><head><title>{parts[0]}</title></head><body><nav>{nav}</nav>"
    return head + f"<{wrap}>" * depth + "\n".join(body) + f"</{wrap}>" * depth + "<footer>© 2025</footer></body></html>"


#: Pieces of markup and pathological text for the "soup" inputs.
SHARDS = ("<div>", "</div>", "<p>", "<table>", "<td>", "<!--", "-->", "<script>", "&amp;", "&#x0;", " ", ".", "|", "-", "\n", "\r", "\x00", "\u200b", "\u202e")


def encoded(text: st.SearchStrategy[str]) -> st.SearchStrategy[bytes]:
    codecs = st.sampled_from(("utf-8", "utf-8-sig", "utf-16", "utf-16-le", "cp1252", "latin-1"))
    return st.tuples(text, codecs).map(lambda tc: tc[0].encode(tc[1], errors="replace"))


def fuzz_inputs() -> st.SearchStrategy[bytes]:
    """Everything the fuzzer feeds: structured text and HTML in several encodings, and raw bytes."""
    return st.one_of(
        encoded(articles()),
        encoded(html_pages()),
        st.binary(max_size=4096),
        st.text(max_size=2000).map(lambda s: s.encode("utf-8", errors="surrogatepass")),
        st.lists(st.sampled_from(SHARDS), max_size=400).map(lambda xs: "".join(xs).encode("utf-8")),
    )
