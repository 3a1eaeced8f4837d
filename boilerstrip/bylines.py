"""Bylines and author names: every byline shape of the package.

* a printed byline line of the text header (:func:`match_byline`: "By Jane Doe and John Roe |
  Reuters", "Von Max Muster", a prefix from ``data/byline_prefixes.txt`` and capitalised names,
  ``regex``, fullmatch); the ``byline`` rule (:mod:`boilerstrip.rules.header_byline`) asks it;
* an author value of HTML metadata cleaned up (:func:`clean_author`: prefix, trailing date,
  role, placeholders; ``re``), and the names part of a printed byline (:func:`byline_names`),
  for :mod:`boilerstrip.html.metadata.authors`;
* what they share: the prefix alternation (:func:`prefix_alternation`), the separator of two
  names (:data:`AUTHOR_SEPARATOR`), and the role that ends a list of names (:func:`is_role`).

"Names, then a role ends them" is written three ways (split on AUTHOR_SEPARATOR in the byline
rule, on commas in :func:`clean_author`, on commas of 2-5 capitalised words in
:func:`byline_names`): the separators differ, so they are not one function.
"""

from __future__ import annotations

import html
import re
from functools import cache
from typing import Final

import regex

from . import dates
from .lexicon import longest_first, phrases
from .segment import normalize

#: What separates two names in a byline or an author value: a comma, "&", a word of
#: ``data/name_conjunctions.txt`` ("and" / "und" / "et" / "y" / "e": en, de, fr, es, it and pt).
AUTHOR_SEPARATOR: Final = r"\s*(?:,|&|" + "|".join(rf"\b{re.escape(w)}\b" for w in longest_first("name_conjunctions")) + r")\s*"


#: A comma part of a byline with at most this many words, one of them a job title
#: (``data/author_roles.txt``), is the author's role, not a second author ("AP Auto Writer").
ROLE_MAX_WORDS: Final = 5
_ROLE_WORD_STRIP: Final = ".,;:()[]"


def is_role(part: str) -> bool:
    """The job title after a name ("AP Auto Writer", "Staff Reporter", "correspondante à Bruxelles").

    >>> is_role("AP Auto Writer"), is_role("Associated Press"), is_role("John Roe")
    (True, False, False)
    """
    words = part.casefold().replace("-", " ").split()
    if not words or len(words) > ROLE_MAX_WORDS:
        return False
    roles = phrases("author_roles")
    return any(w.strip(_ROLE_WORD_STRIP) in roles for w in words)


@cache
def prefix_alternation() -> str:
    """The byline prefixes of ``data/byline_prefixes.txt`` as one alternation, longest first
    (escaped for both ``re`` and ``regex``): the text byline and the metadata author prefix."""
    words = sorted((p.rstrip(" :") for p in phrases("byline_prefixes")), key=len, reverse=True)
    return "|".join(re.escape(w) for w in words)


# -- a printed byline line (text mode) ------------------------------------------------------------

#: Bylines are short ("By Jane Doe and John Roe | Reuters").
BYLINE_LINE_MAX_WORDS: Final = 14

#: A name as bylines print it: up to four capitalised words, a surname particle between them
#: ("Ursula von der Leyen", "Ludwig van Beethoven"; ``data/name_particles.txt``).
_PARTICLES: Final = "|".join(re.escape(w) for w in longest_first("name_particles"))
NAME: Final = rf"\p{{Lu}}[\p{{L}}'’.\-]*(?:\s+(?:(?:{_PARTICLES})\s+)?\p{{Lu}}[\p{{L}}'’.\-]*){{0,3}}"


@cache
def byline_line_re() -> regex.Pattern[str]:
    """A whole byline line: a prefix, a colon or not, at least one space, up to six names
    (``names``) and a tail after a separator (``rest``: an agency, a date)."""
    return regex.compile(
        rf"(?i:{prefix_alternation()})\s*:?\s+(?P<names>{NAME}(?:{AUTHOR_SEPARATOR}{NAME}){{0,5}})(?P<rest>\s*[|,·•–—/-]\s*.{{0,80}})?",
        regex.V0,
    )


def match_byline(text: str) -> regex.Match[str] | None:
    """``byline_line_re().fullmatch(text)`` for a line of at most BYLINE_LINE_MAX_WORDS words.

    >>> match_byline("By Jane Doe and John Roe | Reuters")["names"]
    'Jane Doe and John Roe'
    """
    if len(text.split()) > BYLINE_LINE_MAX_WORDS:
        return None
    return byline_line_re().fullmatch(text)


#: A byline printed with its date and time is longer: "By Jane Doe | May 3, 2022 at 2:26 PM EST -
#: Updated May 3 at 4:46 PM" (the names part alone is held to BYLINE_LINE_MAX_WORDS).
DATED_BYLINE_MAX_WORDS: Final = 24


@cache
def _dated_gap() -> regex.Pattern[str]:
    """What may sit between a byline's names and its date: a separator, a connector
    (``data/meta_date_connectors.txt``: "on", "am", "le") and one word (a weekday), or nothing."""
    connectors = "|".join(regex.escape(w) for w in longest_first("meta_date_connectors"))
    return regex.compile(rf"\s*[|,·•–—/-]?\s*(?:(?:{connectors})\s+)?(?:\p{{L}}+\.?,?\s*)?", regex.I | regex.V0)


_MERIDIEM: Final = regex.compile(r"[ap]\.?m\.?")


def _stamp_word(word: str) -> bool:
    """A word of the time after a byline's date: a number, a capitalised word ("PM", "EST",
    "Updated", "Uhr"), a connector ("at", "um") or "a.m."; not the lower-case word of a sentence."""
    w = word.strip(",;()|")
    return not w[:1].islower() or w in connectors() or _MERIDIEM.fullmatch(w) is not None


@cache
def connectors() -> frozenset[str]:
    """The words that join a name or a date to the date after it (``data/meta_date_connectors.txt``)."""
    return phrases("meta_date_connectors")


def match_dated_byline(text: str) -> tuple[regex.Match[str], str] | None:
    """A byline whose names run straight into a printed date, with a time or an update note after
    it: (the byline match of the part before the date, the date). "By Jane Doe May 3, 2022, 07:47 PM
    EST", "By Jane Doe on Monday, May 3rd, 2022 at 11:04 a.m.", "By Jane Doe | May 3, 2022 at 2:26
    PM - Updated May 3 at 4:46 PM" (after the date, nothing or a clock time and its notes). None
    when the line is no byline or holds no absolute date.

    >>> match_dated_byline("By Jane Doe on Monday, May 3rd, 2022 at 11:04 a.m.")[1]
    'May 3rd, 2022'
    """
    if len(text.split()) > DATED_BYLINE_MAX_WORDS or not any(map(str.isdigit, text)):
        return None
    found = dates.absolute(text)
    at = text.find(found[0]) if found else -1
    if at <= 0:
        return None
    head, tail = text[:at], text[at + len(found[0]) :]  # type: ignore[index]
    if tail.strip(" .") and not (dates.CLOCK_OR_NUMERIC_DATE.search(tail) and all(map(_stamp_word, tail.split()))):
        return None  # "By Friday May 6, 2022 the council decides": a sentence, not a timestamp
    m = byline_line_re().match(head)
    if m is None or len(head.split()) > BYLINE_LINE_MAX_WORDS:
        return None
    gap = _dated_gap().fullmatch(head, m.end("names"))
    return (m, found[0]) if gap else None  # type: ignore[index]


# -- author values (HTML metadata) -----------------------------------------------------------------

#: Author strings longer than this are not names (a bio, a sentence).
AUTHOR_MAX_CHARS: Final = 80
#: A comma part of a printed byline that names another person has at most this many words.
NAME_PART_MAX_WORDS: Final = 5

_DOMAIN: Final = re.compile(r"[\w-]+(?:\.[\w-]+)+")
#: Byline prefixes that also start surnames, "di" and "von" (see :func:`clean_author`).
SURNAME_PARTICLES: Final = phrases("byline_prefixes") & phrases("name_particles")
#: Characters trimmed from both ends of an author value (separators left by the markup).
AUTHOR_STRIP: Final = " \t'\"-–—|,;:·•/→»«()"
#: Where a printed byline's names end: a bar, a spaced dash, an opening bracket (commas: see
#: :func:`byline_names`).
_BYLINE_END: Final = re.compile(r"\s[|–—-]\s|\s\(")
_LABEL_TAIL: Final = re.compile(r"(?:^|\s+)\w+\s*:$")
#: Numbers after a name and what follows them: a user card's reputation and badge counts
#: ("jdoe42 159 1 1 silver badge 6 6 bronze badges"), a post count.
_COUNT_TAIL: Final = re.compile(r"\s+\d.*$")
#: A capitalised job title as the last word is cut when at least this many words precede it
#: ("Jane Doe Writer"; "Staff Writer" alone is left to the placeholder checks).
ROLE_TAIL_MIN_WORDS: Final = 2


@cache
def author_prefix_re() -> re.Pattern[str]:
    """A byline prefix word (``data/byline_prefixes.txt``) with an optional colon, at the start."""
    words = prefix_alternation()
    return re.compile(r"^(?:" + words + r")\s*:?\s+|^(?:" + words + r")\s*:\s*", re.I)


def _before_date(v: str) -> str:
    """``v`` up to the first absolute date printed in it, without the label or connector before
    the date ("Jane Doe Stand:", "Ruth Berger am"); ``v`` itself when it holds no date."""
    found = dates.absolute(v) if any(c.isdigit() for c in v) else None
    if not found or v.find(found[0]) < 0:
        return v
    v = _LABEL_TAIL.sub("", v[: v.find(found[0])].rstrip())
    head, _, last = v.rpartition(" ")
    return head if head and last.casefold() in phrases("meta_date_connectors") else v


def clean_author(v: str | None) -> str | None:
    """One author value cleaned up: byline prefix ("By", "Erstellt von", "Autor:"), a trailing
    date or label ("Jane Doe, 01.12.2021", "Jane Doe Stand: 5. Februar 2020"), counts after the
    name (a user card's "159 1 1 silver badge"), a role after a comma ("Jane Doe, Staff Writer",
    :func:`is_role`) or as a capitalised last word ("Jane Doe Writer") and separator
    punctuation cut; None when what is left is not a name (a URL, an e-mail, a domain, a
    placeholder like "admin", a widget label like "Reply", a count like "257 Artikel")."""
    if not v:
        return None
    if "&" in v and ";" in v:  # entities escaped twice in the markup
        v = html.unescape(v)
    v = normalize(v).strip(AUTHOR_STRIP)
    m = author_prefix_re().match(v)
    if m and m.end() < len(v):
        word = m.group(0).strip(" :")
        rest = v[m.end() :]
        # "Di Maio", "Von Trier": a capitalised surname particle before one word is the name itself
        if not (word.casefold() in SURNAME_PARTICLES and word[0].isupper() and len(rest.split()) == 1):
            v = rest
    if len(v) <= AUTHOR_MAX_CHARS * 2:
        v = _before_date(v)
    if ":" not in v:  # "jdoe42 14.6k 20 20 gold badges": a user card's counts (a labelled value stays whole, and is refused below)
        v = _COUNT_TAIL.sub("", v)
    v = v.strip(AUTHOR_STRIP)
    if "," in v:  # "TOM KRISHER, AP Auto Writer": a role ends the name
        parts = v.split(",")
        keep = next((k for k in range(1, len(parts)) if is_role(parts[k])), len(parts))
        v = ",".join(parts[:keep]).strip(AUTHOR_STRIP)
    words = v.split()
    if len(words) > ROLE_TAIL_MIN_WORDS and words[-1][:1].isupper() and is_role(words[-1]):  # "Jane Doe Writer": the role in its own element
        v = " ".join(words[:-1]).strip(AUTHOR_STRIP)
    if not v or v.startswith("http") or len(v) > AUTHOR_MAX_CHARS or "@" in v or _DOMAIN.fullmatch(v):
        return None
    if v[0].isdigit() or "*" in v or ":" in v or not any(c.isalpha() for c in v):
        return None  # a count, a form label, a labelled value ("Foto: X", "En kiosques : juillet")
    folded = v.casefold()
    if folded in phrases("author_placeholders") or folded in phrases("meta_author_labels") or folded in phrases("social_networks") or folded in phrases("byline_prefixes"):
        return None
    return v


def byline_names(text: str) -> str:
    """The names part of a printed byline: up to a printed date, a bar, spaced dash or bracket, and past a comma
    only while what follows is another person's name ("Von A B, C D" keeps both; "Von A B, dpa"
    and "By A B, Staff Writer" keep A B)."""
    text = _before_date(normalize(text)) or normalize(text)  # "By Jane Doe June 3, 2021": the date ends the names
    head = _BYLINE_END.split(text, maxsplit=1)[0]
    parts = head.split(",")
    out = [parts[0]]
    for part in parts[1:]:
        words = part.split()
        if not (2 <= len(words) <= NAME_PART_MAX_WORDS and all(w[0].isupper() for w in words)) or is_role(part):
            break
        out.append(part)
    return ",".join(out)
