"""Aggregator promos, empty comment widgets, app-download footers, decorative leftovers and
URL debris: lines that are page furniture, not text (family ``promo``)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Final

import regex

from ..lexicon import hint_flag, line_hints, pattern
from ..model import Line
from ..pipeline import Context, Doc
from ..ruledef import Cut, rule
from .prose import is_paragraph_shaped
from .shapes import catalogue, with_hint

#: Decorative leftovers are one to three words; anything longer is read as text.
DECORATIVE_MAX_WORDS: Final = 3
#: ... and short (the longest entry of ``decorative.txt`` is well under this).
DECORATIVE_MAX_CHARS: Final = 40
#: Aggregator feature promos are one short line; longer lines are never matched.
PROMO_MAX_CHARS: Final = 90
#: Comment-widget labels are short ("No comments yet...", "Be the first to comment!").
COMMENT_WIDGET_MAX_WORDS: Final = 12
#: App-download calls to action fit in two sentences; longer lines are never matched.
APP_PROMO_MAX_CHARS: Final = 300
#: An app-download heading this close to the end of the page takes the rest of the page with it ...
APP_FOOTER_MAX_LINES: Final = 6
#: ... provided none of those lines is long (the blurb under a store badge is one or two sentences).
APP_FOOTER_MAX_CHARS: Final = 300
#: A bare URL goes when it is long or carries a query string (the page's own address, a tracking
#: link); short links printed on their own line are often the article's references and stay.
BARE_URL_MIN_CHARS: Final = 80
#: URL debris is one token; a line longer than this is never treated as one.
URL_MAX_CHARS: Final = 400

# Structural shapes (not phrases, so they live here rather than in a catalogue):
# a bare URL, a query-string or image-file fragment, a printed URL slug or path.
#: The hint bit of ``data/aggregator_promos.hints``: substrings every pattern of
#: ``aggregator_promos.re`` contains (a cheap pre-filter; a catalogue test checks each pattern carries one).
_AGGREGATOR_HINT: Final = hint_flag("aggregator_promos")
#: ... and of ``data/app_promos.hints`` for ``app_promos.re``.
_APP_HINT: Final = hint_flag("app_promos")

#: What "Comments (0)" / "12 Kommentare" carry around the label: the count.
_COUNT_CHARS: Final = "0123456789 ()[]"
_BARE_URL: Final = regex.compile(r"(?:https?://|www\.)\S+")
_QUERY_FRAGMENT: Final = regex.compile(r"[&?][\w%.\[\]-]+=\S*|\S*\.(?:jpe?g|png|gif|webp|svg|avif)(?:[?&#]\S*)?\)?|\S*\?[\w%-]+=\S*\)")
_SLUG: Final = regex.compile(r"/?[a-z0-9]+(?:-[a-z0-9]+){3,}(?:\.html?|/)?|(?:/[\w.-]+){2,}/?")


def _decorative_screen(lines: Sequence[Line]) -> list[Line]:
    labels = catalogue("decorative")
    return [line for line in lines if line.key in labels]


@rule("decorative-leftover", family="promo", max_chars=DECORATIVE_MAX_CHARS, max_words=DECORATIVE_MAX_WORDS, screen=_decorative_screen)
def decorative_leftover(line: Line, ctx: Context) -> str | None:
    """Image alt texts and design labels printed as a line ("logo", "Orange background", "image")."""
    if line.n_chars <= DECORATIVE_MAX_CHARS and line.n_words <= DECORATIVE_MAX_WORDS and line.key in catalogue("decorative"):
        return "decorative label"
    return None


def _url_fragment_screen(lines: Sequence[Line]) -> list[Line]:
    """What _BARE_URL needs (its scheme or www.) or _QUERY_FRAGMENT needs (an "=" or a ".")."""
    return [line for line in lines if "." in (t := line.text) or "=" in t or t.startswith(("http://", "https://", "www."))]


@rule("url-fragment", family="promo", max_chars=URL_MAX_CHARS, max_words=1, screen=_url_fragment_screen)
def url_fragment(line: Line, ctx: Context) -> str | None:
    """A bare URL or a broken piece of one printed as a line ("&w=3840&q=100)", "photo.jpg?x=1")."""
    if line.n_words != 1 or line.n_chars > URL_MAX_CHARS:
        return None
    if _BARE_URL.fullmatch(line.text) and (line.n_chars >= BARE_URL_MIN_CHARS or "?" in line.text):
        return "bare URL"
    if _QUERY_FRAGMENT.fullmatch(line.text):
        return "URL fragment"
    return None


def _url_slug_screen(lines: Sequence[Line]) -> list[Line]:
    """What _SLUG needs: three hyphens (a slug) or two slashes (a path)."""
    return [line for line in lines if (t := line.text).count("-") >= 3 or t.count("/") >= 2]


@rule("url-slug", family="promo", max_chars=URL_MAX_CHARS, max_words=1, screen=_url_slug_screen)
def url_slug(line: Line, ctx: Context) -> str | None:
    """A URL slug or path printed as a line ("russia-intensifies-internet-crackdown-...")."""
    if line.n_words != 1 or line.n_chars > URL_MAX_CHARS:
        return None
    return "URL slug" if _SLUG.fullmatch(line.text) else None


def _aggregator_screen(lines: Sequence[Line]) -> list[Line]:
    return [line for line in lines if line_hints(line) & _AGGREGATOR_HINT]


@rule("aggregator-promo", family="promo", max_chars=PROMO_MAX_CHARS, screen=_aggregator_screen)
def aggregator_promo(line: Line, ctx: Context) -> str | None:
    """Feature promos of news aggregators ("Try Our AI Features", "Explore what Daily8 AI can do for you:")."""
    if line.n_chars > PROMO_MAX_CHARS or not line_hints(line) & _AGGREGATOR_HINT:
        return None
    return "aggregator promo" if pattern("aggregator_promos").fullmatch(line.text) else None


def _comment_screen(lines: Sequence[Line]) -> list[Line]:
    labels = catalogue("comment_widget")
    return [line for line in lines if line.key in labels or line.key.strip(_COUNT_CHARS) in labels]


@rule("comment-widget", family="promo", max_words=COMMENT_WIDGET_MAX_WORDS, screen=_comment_screen)
def comment_widget(line: Line, ctx: Context) -> str | None:
    """Empty comment widgets and their buttons ("Comments", "No comments yet...", "Kommentare (0)")."""
    if line.n_words > COMMENT_WIDGET_MAX_WORDS:
        return None
    k = line.key
    if k in catalogue("comment_widget"):
        return "comment widget"
    # "Comments (0)", "12 Kommentare": a count next to the label
    stripped = k.strip(_COUNT_CHARS)
    if stripped != k and stripped in catalogue("comment_widget"):
        return "comment widget"
    return None


@rule("app-download-promo", family="promo", stage="span")
def app_download_promo(doc: Doc, ctx: Context) -> Iterator[Cut]:
    """App-download footers and store badges ("DOWNLOAD THE APP", "Get it on Google Play", "app-storeplay-store").

    A call to action in the last lines of the page takes the short lines after it too (the blurb
    and badges of the footer); elsewhere only the matching line goes."""
    lines = doc.lines
    n = len(lines)
    for i in with_hint(lines, _APP_HINT, APP_PROMO_MAX_CHARS):
        line = lines[i]
        if pattern("app_promos").fullmatch(line.text) is None:
            continue
        if n - i <= APP_FOOTER_MAX_LINES and all(ln.n_chars <= APP_FOOTER_MAX_CHARS for ln in lines[i:]):
            # the footer: every later line is short; a prose line there is the footer's blurb only
            # when it talks about the app as well
            rest = lines[i + 1 :]
            if all(not is_paragraph_shaped(ln) or _mentions_app(ln) for ln in rest):
                yield Cut(i, n, "app-download footer")
                return
        yield Cut(i, i + 1, "app-download call to action")


def _mentions_app(line: Line) -> bool:
    low = line.lower
    return " app" in low or "app store" in low or "google play" in low or "application" in low
