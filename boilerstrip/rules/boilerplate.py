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
from ..lexicon import hint_flag, line_hints, pattern
from ..model import Image, Line
from ..pipeline import Context, Doc
from ..ruledef import Cut, Move, rule
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
    if n < BIO_MIN_BODY_LINES + 1:
        return
    bio = pattern("author_bio").fullmatch
    for i in range(max(BIO_MIN_BODY_LINES, n - BIO_LAST_LINES), n):
        line = lines[i]
        if line.n_chars <= BIO_MAX_CHARS and line.n_words >= 5 and bio(line.text):
            yield Cut(i, i + 1, "author bio")
