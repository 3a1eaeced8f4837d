"""Data model: input lines, removal records, the extracted article.

Everything a user gets back is immutable. Line numbers in :class:`Removal` are 1-based and
inclusive, counted in the *input* text as :func:`boilerstrip.segment.split_lines` splits it,
so a user can open the file at that line.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from functools import wraps
from typing import Any, Final, TypeVar

#: Characters stripped from both ends of a line before looking it up in a phrase catalogue:
#: bullets, arrows, dashes, brackets and trailing colons/ellipses around labels ("• Related Posts",
#: "Share this:", "No comments yet..."). See ``Line.key``.
KEY_STRIP: Final = " \t-–—:：·•|[]()<>«»›‹→►▸▶✓…."


#: U+00AD, kept in ``Line.text`` (the page's hyphenation points) and left out of ``lower``/``key``.
SOFT_HYPHEN: Final = "\u00ad"


def fold(text: str) -> str:
    """Case-fold, drop soft hyphens and unify apostrophes, the form catalogue keys are compared
    in (Line.lower's form)."""
    text = text.replace(SOFT_HYPHEN, "").casefold() if SOFT_HYPHEN in text else text.casefold()
    return text.replace("’", "'").replace("‘", "'") if "’" in text or "‘" in text else text


#: A Line's value: the slots its constructor fills.
LINE_FIELDS: Final = ("index", "raw", "text", "blank_before", "lower", "words", "n_words", "n_chars", "key")
#: The memo slots :func:`line_memo` may fill (module constants, not ``Line.__slots__``: a class
#: compiled with mypyc, see setup.py, has no ``__slots__`` attribute at run time).
MEMO_SLOTS: Final = ("_kind", "_date", "_prose")


class Line:
    """One input line. ``text`` is whitespace-normalised; ``index`` is its 0-based input position.

    The cheap features every rule reads (``lower``, ``words``, ``n_words``, ``n_chars``, and
    ``key``: the line as a catalogue key, case-folded, apostrophes unified, KEY_STRIP decorations
    stripped from both ends) are computed once here; heavier ones live in
    :mod:`boilerstrip.features`. Rules never write to a line; the underscore slots are memos of pure shape
    tests (written once, by those tests, never read as part of the line).
    """

    __slots__ = (*LINE_FIELDS, *MEMO_SLOTS, "_hints")

    def __init__(self, index: int, raw: str, text: str, blank_before: bool = False, words: list[str] | None = None) -> None:
        self.index = index
        self.raw = raw
        self.text = text
        self.blank_before = blank_before  # a blank input line separates it from the previous non-blank line
        if text.isascii():  # most lines: lower() is casefold() there, and no curly apostrophe
            self.lower = low = text.lower()
        else:
            if SOFT_HYPHEN in text:  # kept in the text, left out of what the catalogues read
                self.lower = low = text.replace(SOFT_HYPHEN, "").casefold()
            else:
                self.lower = low = text.casefold()
            if "’" in low or "‘" in low:
                low = low.replace("’", "'").replace("‘", "'")
        self.key = low.strip(KEY_STRIP)
        self.words = words = text.split() if words is None else words  # ``words``: text.split(), when the caller has it
        self.n_words = len(words)
        self.n_chars = len(text)
        # memo of shape tests several rules ask of the same line (rules.related.heading_kind,
        # rules.shapes.is_date_line, rules.prose.is_paragraph_shaped; see line_memo): None until first asked, then the
        # answer in a 1-tuple; never part of the line's value
        self._kind: tuple[Any] | None = None
        self._date: tuple[Any] | None = None
        self._prose: tuple[Any] | None = None
        # bit mask of the pre-filter hint catalogues found in ``lower`` (lexicon.line_hints):
        # None until first asked
        self._hints: int | None = None

    def __repr__(self) -> str:  # pragma: no cover - debugging aid
        return f"Line({self.index + 1}: {self.text[:60]!r})"



_T = TypeVar("_T")


def line_memo(slot: str) -> Callable[[Callable[[Line], _T]], Callable[[Line], _T]]:
    """Memoise a pure test of one line in the Line memo slot ``slot``: several rules ask the same
    shape questions of the same lines (computed once; a memo can never change an answer)."""

    if slot not in MEMO_SLOTS:
        raise ValueError(f"{slot!r} is not a memo slot of Line")

    def decorate(fn: Callable[[Line], _T]) -> Callable[[Line], _T]:
        # generated source (as collections.namedtuple does) so the slot is read as ``line.<slot>``,
        # an attribute load the interpreter specialises, instead of a getattr() call: the memo is
        # read ~700 times a page (1.7% of a page's instructions, callgrind)
        ns: dict[str, Any] = {"fn": fn}
        exec(f"def memoised(line):\n    box = line.{slot}\n    if box is None:\n        box = line.{slot} = (fn(line),)\n    return box[0]\n", ns)
        return wraps(fn)(ns["memoised"])

    return decorate

@dataclass(frozen=True)
class Removal:
    """A span of input lines that left the body, and which rule took it.

    ``field`` is set when the lines moved into metadata (``title``, ``source``, ``published``,
    ``authors``, ``images``) instead of being dropped.
    """

    rule: str
    family: str
    start_line: int  # 1-based, inclusive
    end_line: int  # 1-based, inclusive
    text: str
    reason: str = ""
    field: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class Image:
    """A picture the article carries: its caption and credit as printed."""

    caption: str | None = None
    credit: str | None = None
    url: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class Article:
    """What :func:`boilerstrip.extract` returns. ``str(article)`` is the body.

    Sequences are tuples so the whole object is immutable; ``to_dict()`` gives JSON-ready lists.
    """

    body: str
    title: str | None = None
    source: str | None = None
    published: str | None = None
    published_at: _dt.datetime | None = None
    authors: tuple[str, ...] = ()
    images: tuple[Image, ...] = ()
    url: str | None = None
    language: str | None = None
    removed: tuple[Removal, ...] = field(default=(), repr=False)
    #: the body as Markdown when the input was HTML (built from the DOM); None for text input,
    #: where :meth:`to_markdown` derives it from the body's shapes
    markdown: str | None = field(default=None, repr=False, compare=False)

    def __str__(self) -> str:
        return self.body

    def to_markdown(self) -> str:
        """The body as Markdown: headings, list items, quotes, fenced code and pipe tables (see
        :mod:`boilerstrip.markdown`); the same paragraphs as ``body``."""
        if self.markdown is not None:
            return self.markdown
        from .markdown import from_text

        return from_text(self.body)

    def to_dict(self, *, removed: bool = True) -> dict[str, Any]:
        out: dict[str, Any] = {
            "body": self.body,
            "title": self.title,
            "source": self.source,
            "published": self.published,
            "published_at": self.published_at.isoformat() if self.published_at else None,
            "authors": list(self.authors),
            "images": [i.to_dict() for i in self.images],
            "url": self.url,
            "language": self.language,
        }
        if removed:
            out["removed"] = [r.to_dict() for r in self.removed]
        return out
