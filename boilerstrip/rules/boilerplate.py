"""Boilerplate inside and at the end of the body that reads like text: short chrome labels
("Diese Geschichte teilen", "Table of contents", "11 responses to ..."), boilerplate written as a
sentence (licence notes, affiliate disclosures, newsletter and app pitches, consent check-boxes),
and picture captions that end in a credit ("... mobilisieren. © Pferderevue").

These lines sit between body paragraphs, so the main-region heuristics keep them; each family
is recognised from a catalogue in ``boilerstrip/data/`` (``chrome_labels.txt``/``.re``,
``boilerplate_prose.re``) or, for captions, from the credit marker that ends the line.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Final

from ..credits import caption_credit
from ..features import has_digit
from ..language import any_stopwords, stoplist
from ..lexicon import hint_flag, line_hints, pattern
from ..model import Image, Line
from ..pipeline import Context, Doc
from ..ruledef import Cut, Move, rule
from .prose import is_paragraph_shaped
from .shapes import catalogue

#: Chrome labels are a few words; longer lines are never matched.
LABEL_MAX_CHARS: Final = 200
#: Variable labels ("142 Antworten zu <title>") are tested only when a line starts with a digit
#: or holds a hint of ``data/chrome_labels.hints`` (a cheap pre-filter before the regex).
_LABEL_RE_HINT: Final = hint_flag("chrome_labels")
#: Boilerplate sentences are one paragraph of at most this many characters; longer lines are
#: article prose that may mention the same words.
PROSE_MAX_CHARS: Final = 400
#: The hint bit of ``data/boilerplate_prose.hints``: substrings one of which every pattern of
#: ``boilerplate_prose.re`` needs (a cheap pre-filter: the regex runs only on the few lines holding one).
_PROSE_HINT: Final = hint_flag("boilerplate_prose")


def _label_screen(lines: Sequence[Line]) -> list[Line]:
    """A catalogue label, or a line that starts with a digit or holds a label hint (what the regex needs)."""
    labels = catalogue("chrome_labels")
    return [line for line in lines if line.key in labels or line.lower[:1].isdigit() or line_hints(line) & _LABEL_RE_HINT]


@rule("chrome-label", family="insert", max_chars=LABEL_MAX_CHARS, screen=_label_screen)
def chrome_label(line: Line, ctx: Context) -> str | None:
    """Short chrome labels inside or after the body: share and feedback prompts, "About the
    author", "Table of contents", recipe-card buttons, tag labels, login prompts, "next article",
    comment counts over the comment list ("11 responses to ..."), "Powered by Blogger"."""
    if line.n_chars > LABEL_MAX_CHARS:
        return None
    if line.key in catalogue("chrome_labels"):
        return "chrome label"
    low = line.lower
    if (low[:1].isdigit() or line_hints(line) & _LABEL_RE_HINT) and pattern("chrome_labels").fullmatch(line.text):
        return "chrome label"
    return None


def _prose_screen(lines: Sequence[Line]) -> list[Line]:
    return [line for line in lines if line_hints(line) & _PROSE_HINT]


@rule("boilerplate-prose", family="trailer", max_chars=PROSE_MAX_CHARS, screen=_prose_screen)
def boilerplate_prose(line: Line, ctx: Context) -> str | None:
    """Boilerplate written as a sentence: licence notes, affiliate and advertising disclosures,
    newsletter / app / channel pitches, consent check-box texts, paywall and browser notices
    (en, de, fr, es, it; some pt, nl)."""
    return "boilerplate sentence" if is_boilerplate_sentence(line) else None


def is_boilerplate_sentence(line: Line) -> bool:
    """A line of ``boilerplate_prose.re`` (see :func:`boilerplate_prose`)."""
    return line.n_chars <= PROSE_MAX_CHARS and line_hints(line) & _PROSE_HINT != 0 and pattern("boilerplate_prose").fullmatch(line.text) is not None


@rule("caption-credit", family="header", stage="meta")
def caption_credit_rule(doc: Doc, ctx: Context) -> Iterator[Move]:
    """Picture captions inside the body that end in a credit ("Puerto de Montevideo. Foto:
    Archivo", "... im März. © DJV") and numbered figure captions ("Abbildung 4: ..."), moved to
    ``images``."""
    for i, line in enumerate(doc.lines):
        found = caption_credit(line)
        if found is not None:
            caption, credit = found
            yield Move(i, i + 1, "images", Image(caption=caption, credit=credit), "caption with a credit" if credit else "figure caption")


#: An author bio is one of the last BIO_LAST_LINES lines of the body ...
BIO_LAST_LINES: Final = 3
#: ... and a paragraph of at most this many characters (a long last paragraph is article).
BIO_MAX_CHARS: Final = 700
#: The body must keep at least this many lines before the bio (a short text is left alone).
BIO_MIN_BODY_LINES: Final = 4


@rule("author-bio", family="trailer", stage="span")
def author_bio(doc: Doc, ctx: Context) -> Iterator[Cut]:
    """The author box at the end of the body: "Jane Doe is a senior writer for X ...", "Max
    Muster leitet das Ressort ...", "Hallo, ich bin Foodbloggerin ..." (en, de, fr, es, it).
    Only the last BIO_LAST_LINES lines are looked at: the same sentence inside an article (a
    source introduced by name and role) is body."""
    lines = doc.lines
    n = len(lines)
    if ctx.state.bio_last is None and lines:
        ctx.state.bio_last = lines[-1].index  # the body's end as read here (see trailer-settle)
    if n < BIO_MIN_BODY_LINES + 1:
        return
    bio = pattern("author_bio").fullmatch
    for i in range(max(BIO_MIN_BODY_LINES, n - BIO_LAST_LINES), n):
        line = lines[i]
        if line.n_chars <= BIO_MAX_CHARS and line.n_words >= 5 and bio(line.text):
            yield Cut(i, i + 1, "author bio")


@rule("trailer-settle", family="trailer", stage="span", text_only=True)
def trailer_settle(doc: Doc, ctx: Context) -> Iterator[Cut]:
    """author-bio again, when a later rule (region-settle: a name line or a tag list left after
    the region) cut the lines that ended the body it read: the bio is one of the last lines now,
    and cleaning the body again would cut it (issue 12, ``clean(clean(x)) == clean(x)``)."""
    last = ctx.state.bio_last
    if last is None or "author-bio" in ctx.config.disable or not doc.lines or doc.lines[-1].index == last:
        return
    for cut in author_bio(doc, ctx):
        yield Cut(cut.start, cut.stop, f"{cut.reason} (the body's end once the lines after it were cut)")


#: An author box (a name line, then the bio that starts with that name) starts within the last
#: BOX_LAST_LINES lines of the body ...
BOX_LAST_LINES: Final = 8
#: ... and its name line is a short line: at most this many words ...
BOX_NAME_MAX_WORDS: Final = 6
#: ... ending in a name of this many capitalised words, none a stopword of the page's language
#: ("Jane Example", "Written by Jane Example", "About Jane Example") ...
BOX_NAME_MIN_CAPS: Final = 2
BOX_NAME_MAX_CAPS: Final = 4
#: ... with at most this many short lines (a role, "5 articles", "Follow") before the bio ...
BOX_MAX_BETWEEN: Final = 2
#: ... each of at most this many words.
BOX_BETWEEN_MAX_WORDS: Final = 8
#: The bio is a paragraph of at least this many words.
BOX_BIO_MIN_WORDS: Final = 12
#: The bio's name is not printed in the body above the box, but in its first BOX_BYLINE_LINES
#: lines (a byline): a name the article talks about (a section on a person, a place, a product
#: headed by its name) is the article's subject, not its author.
BOX_BYLINE_LINES: Final = 5
#: A short heading whose paragraph starts with one of its words, in the BOX_LIST_LOOKBACK lines
#: before the first box, makes the boxes the last items of a list of paragraphs headed by names
#: (places, products, people), not chrome.
BOX_LIST_LOOKBACK: Final = 12
#: Characters stripped from a word before it is compared (punctuation around a name).
_WORD_STRIP: Final = ",.;:!?()[]\"“”‘«»"
#: Possessive endings ("Jane's lens", "James' book"): the name is what comes before them.
_POSSESSIVES: Final = ("'s", "’s", "'", "’")


def _as_printed(word: str) -> str:
    """A word as a name is printed: punctuation around it and a possessive ending gone."""
    w = word.strip(_WORD_STRIP)
    for ending in _POSSESSIVES:
        if w.endswith(ending) and len(w) > len(ending):
            return w[: -len(ending)]
    return w


def _bare(word: str) -> str:
    """A word as a name is compared: :func:`_as_printed`, case-folded."""
    return _as_printed(word).casefold()


def _name_words(line: Line, stop: frozenset[str]) -> frozenset[str] | None:
    """The words of the name a short line ends in (``Written by Jane Example`` -> jane, example),
    or None when the line is not a name line."""
    words = line.words
    n = len(words)
    if not BOX_NAME_MIN_CAPS <= n <= BOX_NAME_MAX_WORDS or line.text[-1] in ".!?:;…" or has_digit(line.text):
        return None
    run = 0
    while run < n and words[n - 1 - run][:1].isupper() and not words[n - 1 - run].endswith(":") and _bare(words[n - 1 - run]) not in stop:
        run += 1
    if not BOX_NAME_MIN_CAPS <= run <= BOX_NAME_MAX_CAPS or n - run > BOX_NAME_MAX_WORDS - BOX_NAME_MAX_CAPS:
        return None
    return frozenset(_bare(w) for w in words[n - run :])


class _Page:
    """The shape tests of :func:`author_box` over one body, with the page's lower-case words
    (computed on first need)."""

    def __init__(self, lines: Sequence[Line], stop: frozenset[str]) -> None:
        self.lines = lines
        self.stop = stop
        self._lower: set[str] | None = None

    def lower(self) -> set[str]:
        """Words the body prints in lower case after a line's first word: common words, not names."""
        if self._lower is None:
            self._lower = {_bare(w) for line in self.lines for w in line.words[1:] if w[:1].islower()}
        return self._lower

    def named_above(self, name: frozenset[str], stop: int) -> bool:
        """Is a word of ``name`` printed in the body above ``stop``, other than in a short line
        among its first BOX_BYLINE_LINES lines (a byline)?"""
        return any(
            _bare(w) in name
            for k, line in enumerate(self.lines[:stop])
            if k >= BOX_BYLINE_LINES or line.n_words > BOX_BETWEEN_MAX_WORDS
            for w in line.words
        )

    def paragraph_after(self, i: int) -> int | None:
        """The paragraph (BOX_BIO_MIN_WORDS words or more) that follows lines[i] within
        BOX_MAX_BETWEEN short lines (BOX_BETWEEN_MAX_WORDS words at most), if any."""
        lines = self.lines
        for k in range(i + 1, min(i + 2 + BOX_MAX_BETWEEN, len(lines))):
            line = lines[k]
            if line.n_words >= BOX_BIO_MIN_WORDS and is_paragraph_shaped(line):
                return k
            if line.n_words > BOX_BETWEEN_MAX_WORDS:
                return None
        return None

    def headed_paragraph(self, i: int) -> bool:
        """Is lines[i] a short heading whose paragraph (within BOX_MAX_BETWEEN short lines) starts
        with one of its words, printed the same way and not a stopword, whatever the other words
        are? (An item of a list of paragraphs headed by a name: "Gull Rock" / "Gull Rock is ...".)"""
        lines = self.lines
        head = lines[i]
        if head.n_words > BOX_NAME_MAX_WORDS or not head.text or head.text[-1] in ".!?:;…":
            return False
        k = self.paragraph_after(i)
        if k is None:
            return False
        first = _as_printed(lines[k].words[0])
        return first in {_as_printed(w) for w in head.words} and first.casefold() not in self.stop

    def _names(self, word: str, name_line: Line, name: frozenset[str]) -> bool:
        """Does the bio's first word name the person of the name line: a word of the name, printed
        there the same way, in title case ("Jane", not "JANE" or "PDF"), and never in lower case
        on the page (a common word that starts the sentence: "Building ..." under "Building Trust")?"""
        bare = _bare(word)
        if bare not in name or bare in self.lower():
            return False
        cased = _as_printed(word)
        return cased[:1].isupper() and not cased[1:2].isupper() and any(_as_printed(w) == cased for w in name_line.words)

    def box_end(self, i: int) -> int | None:
        """When lines[i] is a name line followed by the bio it names, the index after the bio."""
        lines = self.lines
        name = _name_words(lines[i], self.stop)
        if name is None:
            return None
        k = self.paragraph_after(i)
        if k is None or not self._names(lines[k].words[0], lines[i], name) or self.named_above(name, i):
            return None
        return k + 1


@rule("author-box", family="trailer", stage="span")
def author_box(doc: Doc, ctx: Context) -> Iterator[Cut]:
    """The author box at the end of the body, known by its shape, not its wording: a short line
    ending in a name ("Jane Example", "Written by Jane Example"), at most two short lines (a role,
    "5 articles"), then a paragraph whose first word is that name, a word the page never prints
    in lower case ("Jane is a data journalist ...", "Jane Example's photographs ..."). Two boxes
    may follow each other (two authors). Not when such headed paragraphs also come before: a list
    of places, products or people whose last items sit at the end."""
    lines = doc.lines
    n = len(lines)
    if n < BIO_MIN_BODY_LINES + 2:
        return
    page = _Page(lines, (stoplist(ctx.language) if ctx.language else frozenset()) or any_stopwords())
    i = max(BIO_MIN_BODY_LINES, n - BOX_LAST_LINES)
    first = True
    while i < n:
        end = page.box_end(i)
        if end is None:
            i += 1
            continue
        if first and any(page.headed_paragraph(j) for j in range(max(0, i - BOX_LIST_LOOKBACK), i)):
            return
        first = False
        yield Cut(i, end, "author box")
        i = end
