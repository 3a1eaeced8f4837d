"""Line shapes shared by the chrome-family rules (no rules here).

Cheap, length-capped predicates: what a catalogue key looks like, whether a line ends a sentence,
a headline-shaped line, a printed date or relative time, a truncated teaser summary.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Final

from .. import dates
from ..lexicon import catalogue as catalogue  # re-exported: its home is lexicon.py
from ..lexicon import line_hints
from ..model import KEY_STRIP as _KEY_STRIP
from ..model import Line, line_memo
from ..model import fold as fold  # re-exported: its home is model.py, beside Line.lower
from ..segment import SENTENCE_CLOSERS
from ..segment import ends_sentence as ends_sentence  # re-exported: its home is segment.py

#: Characters stripped from both ends of a line before looking it up in a phrase catalogue
#: (defined next to :class:`~boilerstrip.model.Line`, which computes its ``key`` once).
KEY_STRIP: Final = _KEY_STRIP


#: A headline-shaped line has at most this many words and no sentence-final full stop.
HEADLINE_MAX_WORDS: Final = 30

def with_hint(lines: Sequence[Line], flag: int, max_chars: int) -> list[int]:
    """Positions of the lines of at most ``max_chars`` characters whose hint mask has ``flag``
    (``line_hints(line) & flag``, :mod:`boilerstrip.lexicon`): the candidates of a span rule whose
    catalogue has a ``.hints`` pre-filter."""
    return [i for i, line in enumerate(lines) if line.n_chars <= max_chars and line_hints(line) & flag]


def is_headline(line: Line, min_words: int = 3) -> bool:
    """A headline-shaped line: a few words, letters in it, no final full stop."""
    n = line.n_words
    if not (min_words <= n <= HEADLINE_MAX_WORDS):
        return False
    t = line.text.rstrip(SENTENCE_CLOSERS + " ")
    return bool(t) and t[-1] not in ".;,:" and any(c.isalpha() for c in t)


def is_truncated(line: Line) -> bool:
    """A teaser summary cut short with an ellipsis ("... Dafyyd Townley,…")."""
    t = line.text.rstrip()
    return line.n_words >= 5 and (t.endswith("…") or t.endswith("..."))


@line_memo("_date")
def is_date_line(line: Line) -> bool:
    """A short line that is a printed date or relative time ("19 minutes ago", "August 14, 2025"):
    :func:`boilerstrip.dates.is_date_line_text`. (Memoised on the line: the region, related and
    header rules ask it of the same lines.)"""
    return dates.is_date_line_text(line.text, line.lower, line.n_words)


#: A line of source code, by its shape (any programming language, no keyword list): it opens a
#: block or a call ("function f() {", "return (", "items = ["), ends a statement ("x = 1;",
#: "setCount(count + 1);"), closes one ("}", ");"), is markup ("< MyButton />", "<p> Hi </p>"),
#: an assignment or arrow ("const a = b", "x => x + 1"), or a comment ("// ...", "/* ... */").
#: Menus, teasers and labels print none of these shapes; a counted menu entry ("December (1)")
#: ends in ")" and is not code.
_CODE_LINE: Final = re.compile(
    r"[\s\}\)\];,]+"  # only closing marks: "}", ");", ") ;", "],"
    r"|.*[\{\(\[;]"  # opens a block, a call or a list, or ends a statement
    r"|<[^<>]*>(?:.*<[^<>]*>)?"  # markup: a tag, or a line from a tag to a tag ("< div >", "<h1> About </h1>", "<>")
    r"|(?://|/\*|\*/|#!|<!--).*"  # a comment
    r"|.*\S\s*(?:={1,3}|=>|\+=|-=|:=)\s*\S.*"  # an assignment, comparison or arrow
)


def is_code_line(text: str) -> bool:
    """Does ``text`` have the shape of a line of source code (see _CODE_LINE)?

    >>> [is_code_line(t) for t in ("function MyButton ( ) {", "return (", ") ;", "}", "< div >", "const [count, setCount] = useState(0);")]
    [True, True, True, True, True, True]
    >>> [is_code_line(t) for t in ("December (1)", "Privacy Policy", "Pros & Cons", "Get a Quote (718) 222-8282", "4.92 / 5.0", "Home")]
    [False, False, False, False, False, False]
    """
    return _CODE_LINE.fullmatch(text) is not None


#: The currency signs (Unicode category Sc, the ones in use: "$", "€", "£", "¥", "₹", "₽", ...).
_CURRENCY: Final = "$¢£¤¥֏؋৲৳৻૱௹฿៛₠₡₢₣₤₥₦₧₨₩₪₫€₭₮₯₰₱₲₳₴₵₶₷₸₹₺₻₼₽₾₿﷼﹩＄￠￡￥￦"
#: A price: a currency sign right before or after an amount ("$29.95", "$ 24.71", "19,50€",
#: "€ 7.890,00", "$99+"). Menus, teasers and labels print no amounts; a shop prints one under
#: every card.
_PRICE: Final = re.compile(rf"[{re.escape(_CURRENCY)}]\s?\d|\d\s?[{re.escape(_CURRENCY)}]")
#: Prices are short: longer lines are not searched (prose that mentions a sum is not a card).
PRICE_LINE_MAX_CHARS: Final = 120


def is_price_line(text: str) -> bool:
    """Does ``text`` (a short line) print a price (see _PRICE)?

    >>> [is_price_line(t) for t in ("$ 29.95", "XS • 118ml $ 29.95", "Bench € 7.890,00", "19,50€", "From $99+")]
    [True, True, True, True, True]
    >>> [is_price_line(t) for t in ("Shop", "Size 12", "Save 40%", "$ sign", "Top 10 deals")]
    [False, False, False, False, False]
    """
    return len(text) <= PRICE_LINE_MAX_CHARS and _PRICE.search(text) is not None
