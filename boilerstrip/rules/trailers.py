"""Scraper trailers: "Source link" footers, WordPress comment forms, share and like widgets,
video-duration runs (family ``trailer``)."""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from typing import Final

import regex

from ..lexicon import longest_first
from ..model import Line
from ..pipeline import Context
from ..ruledef import rule
from .shapes import catalogue

#: Trailer lines are short labels or one form sentence; longer lines are never matched.
TRAILER_MAX_CHARS: Final = 200
#: Share/like widgets are a few words ("Share this:", "Auf Facebook teilen").
SHARE_MAX_WORDS: Final = 6
#: A run of at least this many social-network names is a row of share buttons.
SHARE_RUN_MIN: Final = 2
#: A video-duration run lists at least this many durations ("06:38 08:17 08:00").
DURATION_MIN_RUN: Final = 3
#: Lines longer than this are never tested for a duration run (keeps the regex cheap).
DURATION_MAX_CHARS: Final = 2000

#: A run of video durations, after an optional "Show more" link (``data/video_more_labels.txt``).
_DURATIONS: Final = regex.compile(
    rf"(?:{'|'.join(regex.escape(w) for w in longest_first('video_more_labels'))})?"
    rf"\s*(?:\d{{1,2}}:\d{{2}}(?::\d{{2}})?\s*){{{DURATION_MIN_RUN},}}",
    regex.IGNORECASE,
)


def _trailer_screen(lines: Sequence[Line]) -> list[Line]:
    trailers = catalogue("trailers")
    return [line for line in lines if line.key in trailers or line.key.rstrip(" *") in trailers]


@rule("scraper-trailer", family="trailer", max_chars=TRAILER_MAX_CHARS, screen=_trailer_screen)
def scraper_trailer(line: Line, ctx: Context) -> str | None:
    """Scraper and comment-form trailers ("Source link", "Leave a Reply", "Your email address will not be published...")."""
    if line.n_chars > TRAILER_MAX_CHARS:
        return None
    k = line.key
    trailers = catalogue("trailers")
    if k in trailers or k.rstrip(" *") in trailers:
        return "scraper trailer"
    return None


def _share_screen(lines: Sequence[Line]) -> list[Line]:
    """A catalogue label, or a line whose first word is a network name (what _is_network_run needs first)."""
    labels = catalogue("share")
    nets = _networks()
    return [line for line in lines if line.key in labels or (line.key and line.key.split(None, 1)[0].strip(_NETWORK_PUNCT) in nets)]


@rule("share-widget", family="trailer", max_words=SHARE_MAX_WORDS, screen=_share_screen)
def share_widget(line: Line, ctx: Context) -> str | None:
    """Share and like widgets ("Share this:", "Like this:", "Teilen", "Partager", "Compartir")."""
    if line.n_words > SHARE_MAX_WORDS:
        return None
    if line.key in catalogue("share"):
        return "share widget"
    return "share buttons" if _is_network_run(line) else None


_NETWORK_SPLIT: Final = regex.compile(r"[\s|·•,/]+")
_NETWORK_PUNCT: Final = "|·•,/"


@cache
def _networks() -> frozenset[str]:
    return catalogue("social_networks")


def _is_network_run(line: Line) -> bool:
    """"Facebook Twitter Pinterest", "Facebook | X | E-Mail": only share-target names, two or more."""
    k = line.key
    nets = _networks()
    if k.split(None, 1)[0].strip(_NETWORK_PUNCT) not in nets if k else True:
        return False
    words = [w for w in _NETWORK_SPLIT.split(k) if w]
    return len(words) >= SHARE_RUN_MIN and all(w in nets for w in words)


def _duration_screen(lines: Sequence[Line]) -> list[Line]:
    """What _DURATIONS needs: a colon in each of DURATION_MIN_RUN durations."""
    return [line for line in lines if line.text.count(":") >= DURATION_MIN_RUN]


@rule("video-duration-run", family="trailer", max_chars=DURATION_MAX_CHARS, screen=_duration_screen)
def video_duration_run(line: Line, ctx: Context) -> str | None:
    """A run of video durations left by a player playlist ("Show more 06:38 08:17 08:00 ...")."""
    if line.n_chars > DURATION_MAX_CHARS or ":" not in line.text:
        return None
    return "video durations" if _DURATIONS.fullmatch(line.text) else None
