"""Per-site template learning: the lines (and HTML blocks) a site prints on most of its pages.

Chrome repeated on every page of a site (its menu, its promos, its footer) is the strongest
boilerplate signal there is, and no phrase catalogue can know it in advance. Learning is one pass
over a site's pages that counts, for every normalised line, on how many pages it occurs (its
document frequency); cleaning then removes, as the logged rule ``site-template``, the lines that
occur on a sizeable share of their site's pages.

>>> towns = ["Ayr", "Bath", "Cork", "Derry", "Ely", "Fife"]
>>> pages = [f"Home | World | Sport\\nThe mayor of {t} opened a bridge today.\\n(c) 202{i} Acme" for i, t in enumerate(towns)]
>>> model = learn((("acme.example", p) for p in pages))
>>> model.site("acme.example").pages
6
>>> sorted(model.site("acme.example").lines)
['c) 0 acme', 'home | world | sport']

**Sites.** A page's site is, in this order: the host of the URL it carries (an HTML page's
``<link rel="canonical">`` or ``og:url``; a JSON record's ``url``; datatrove's ``doc.metadata``),
else the first folder below the input folder it was found in (``pages/<site>/...``), else the
input folder itself (:func:`page_site`). The API takes the site as ``Config.site`` (or finds it in
the HTML page's URL).

**Keys.** A line's key is its catalogue form (:attr:`~boilerstrip.model.Line.key`: case-folded,
decorations stripped) with every run of digits folded to ``0`` (``© 2023``, ``12 comments``), cut
to :data:`MAX_KEY_CHARS`. An HTML page is keyed by the blocks the HTML path flattens it into (a
``<nav>`` is one block), so learning sees exactly the lines cleaning sees.

**Thresholds** (all named below). A line is a template line of its site when it occurs on at
least :data:`MIN_PAGES` pages *and* on at least :data:`MIN_SHARE` of the site's pages. Real
content repeats a little: a teaser that quotes an article's first sentence or its headline shows
up on other pages of the site, for the days the article is on the front page. So a line of prose
(a sentence) needs a much higher share (:data:`PROSE_SHARE`), and even then is kept where an
article's own lead sits: at the top of the body, body prose after it and none before it (see
:mod:`boilerstrip.rules.site`). Headlines are moved to the title by the header rules, which run
before the template rule; and the template never takes every prose line of a page. A site with fewer than :data:`MIN_PAGES`
pages learns nothing.

**Memory** is bounded by the number of sites, not pages: each site keeps at most
:data:`MAX_KEYS_PER_SITE` counters while learning; when they are full, the half with the lowest
counts is dropped (lossy counting). Counts only ever under-estimate (a pruned key restarts at 0),
so pruning can make the model miss a template line, never invent one. A template line occurs on
a share of pages far above ``1 / MAX_KEYS_PER_SITE`` of the counts, so it survives every prune.
The saved model keeps the template lines only.
"""

from __future__ import annotations

import heapq
import json
import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Final
from urllib.parse import urlsplit

from .fileio import atomic_write

#: A template line occurs on at least this many of its site's pages ...
MIN_PAGES: Final = 5
#: ... and on at least this share of them.
MIN_SHARE: Final = 0.3
#: A line of prose (:func:`boilerstrip.rules.prose.is_paragraph_shaped`: a sentence of ten words or more,
#: or 26 words) could be an article's own sentence quoted elsewhere on the site (a teaser), so it
#: needs this share of the site's pages to count as template.
PROSE_SHARE: Final = 0.8
#: Counters kept per site while learning (about 150 bytes each: ~300 KB a site at most).
MAX_KEYS_PER_SITE: Final = 2048
#: Keys are cut to this many characters (a longer line is keyed by its start and its length).
MAX_KEY_CHARS: Final = 200
#: The format name and version written in a model file.
FORMAT: Final = "boilerstrip-templates"
VERSION: Final = 1

_DIGITS: Final = re.compile(r"\d+")
_URL_IN_HTML: Final = re.compile(
    r"""<link\b[^>]*\brel\s*=\s*["']?canonical\b[^>]*>|<meta\b[^>]*\bproperty\s*=\s*["']?og:url\b[^>]*>""",
    re.I,
)
_HREF: Final = re.compile(r"""\b(?:href|content)\s*=\s*["']?([^"'\s>]+)""", re.I)
#: Bytes of an HTML page searched for its canonical URL (it sits in the head).
URL_SEARCH_BYTES: Final = 65536


def line_key(key: str) -> str:
    """The template key of a line, from its catalogue key (``Line.key``): digits folded, cut.

    >>> line_key("© 2024 acme media, 12 comments")
    '© 0 acme media, 0 comments'
    """
    k = _DIGITS.sub("0", key) if any(c.isdigit() for c in key) else key
    return k if len(k) <= MAX_KEY_CHARS else f"{k[:MAX_KEY_CHARS]}…{len(k)}"


def site_of_url(url: str | None) -> str | None:
    """The site of a URL: its host, lower-cased, without ``www.`` and port (None if it has none).

    >>> site_of_url("https://WWW.Example.com:443/news/a.html")
    'example.com'
    """
    if not url:
        return None
    try:
        host = urlsplit(url.strip()).hostname
    except ValueError:
        return None
    if not host:
        return None
    return host[4:] if host.startswith("www.") else host


def url_in_page(data: str | bytes) -> str | None:
    """The canonical URL an HTML page declares (``<link rel=canonical>``, else ``og:url``)."""
    head = data[:URL_SEARCH_BYTES]
    text = head.decode("latin-1") if isinstance(head, bytes) else head
    found: dict[str, str] = {}
    for m in _URL_IN_HTML.finditer(text):
        tag = m.group(0)
        href = _HREF.search(tag)
        if href:
            found.setdefault("canonical" if tag[1:5].lower() == "link" else "og", href.group(1))
    return found.get("canonical") or found.get("og")


def page_site(rel: str, data: str | bytes | None = None, url: str | None = None) -> str:
    """The site a page belongs to: the host of ``url`` or of the URL the page declares, else the
    first folder of ``rel`` (the page's path below its input folder), else ``""`` (the folder).

    >>> page_site("acme/2024/a.txt")
    'acme'
    >>> page_site("a.html", '<html><head><link rel="canonical" href="https://www.acme.example/a"></head>')
    'acme.example'
    >>> page_site("a.txt")
    ''
    """
    site = site_of_url(url) or (site_of_url(url_in_page(data)) if data else None)
    if site:
        return site
    parts = rel.replace(os.sep, "/").split("/")
    return parts[0] if len(parts) > 1 else ""


# --- the model ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class SiteTemplate:
    """One site's template lines: ``lines[key]`` is on how many of its ``pages`` the line occurs."""

    pages: int
    lines: dict[str, int] = field(default_factory=dict, compare=False, hash=False)

    def share(self, key: str) -> float:
        """The share of the site's pages the line with this key occurs on (0 when unknown)."""
        return self.lines.get(key, 0) / self.pages if self.pages else 0.0


@dataclass(frozen=True, eq=False)
class Templates:
    """Learned templates, by site. Pass it as ``Config(templates=...)`` / ``templates=`` to
    :func:`~boilerstrip.clean` and :func:`~boilerstrip.extract`, with the page's ``site=``.

    Compared by identity (it is an option value: two loads of one file are two models)."""

    sites: dict[str, SiteTemplate] = field(default_factory=dict)

    def site(self, name: str | None) -> SiteTemplate | None:
        return self.sites.get(name) if name is not None else None

    def to_dict(self) -> dict[str, Any]:
        return {
            "format": FORMAT,
            "version": VERSION,
            "thresholds": {"min_pages": MIN_PAGES, "min_share": MIN_SHARE},
            "sites": {name: {"pages": s.pages, "lines": dict(sorted(s.lines.items()))} for name, s in sorted(self.sites.items())},
        }

    def save(self, path: str | Path) -> None:
        """Write the model as JSON, atomically (a temp file renamed into place)."""
        atomic_write(str(path), (json.dumps(self.to_dict(), ensure_ascii=False, indent=1) + "\n").encode("utf-8"))

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Templates:
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            raise ValueError(f"not a {FORMAT} model")
        if data.get("version") != VERSION:
            raise ValueError(f"{FORMAT} model version {data.get('version')!r}; this boilerstrip reads version {VERSION}")
        sites = {}
        for name, s in data.get("sites", {}).items():
            sites[str(name)] = SiteTemplate(int(s["pages"]), {str(k): int(v) for k, v in s["lines"].items()})
        return cls(sites)

    @classmethod
    def load(cls, path: str | Path) -> Templates:
        """Read a model written by :meth:`save` (``boilerstrip learn``); ValueError if it is not one."""
        try:
            data = json.loads(Path(path).read_text(encoding="utf-8"))
        except OSError as exc:
            raise ValueError(f"cannot read templates file {path}: {exc.strerror or exc}") from exc
        except json.JSONDecodeError as exc:
            raise ValueError(f"templates file {path} is not JSON: {exc}") from exc
        return cls.from_dict(data)


# --- learning -----------------------------------------------------------------------------------


class _SiteCounts:
    __slots__ = ("counts", "pages", "pruned")

    def __init__(self) -> None:
        self.pages = 0
        self.counts: dict[str, int] = {}
        self.pruned = 0  # how many times the counters were full

    def add(self, keys: Iterable[str]) -> None:
        self.pages += 1
        counts = self.counts
        for k in keys:
            counts[k] = counts.get(k, 0) + 1
        if len(counts) > MAX_KEYS_PER_SITE:
            keep = heapq.nlargest(MAX_KEYS_PER_SITE // 2, counts.items(), key=lambda kv: kv[1])
            self.counts = dict(keep)
            self.pruned += 1


class Learner:
    """Counts, site by site, on how many pages each line occurs; :meth:`result` gives the model.

    Feed it pages one at a time (``add``); its memory grows with the number of sites only.
    """

    def __init__(self, input_format: str = "auto", max_bytes: int | None = None) -> None:
        from .config import Config

        self.config = Config(input_format=input_format) if max_bytes is None else Config(input_format=input_format, max_bytes=max_bytes)  # type: ignore[arg-type]
        self._sites: dict[str, _SiteCounts] = {}

    def add(self, data: str | bytes, site: str, *, html: bool | None = None) -> None:
        """Count one page of ``site``. ``html`` forces the HTML path (None: as ``input_format`` says)."""
        keys = set(page_keys(data, self.config, html))
        counts = self._sites.get(site)
        if counts is None:
            counts = self._sites[site] = _SiteCounts()
        counts.add(keys)

    @property
    def pages(self) -> int:
        return sum(s.pages for s in self._sites.values())

    def result(self) -> Templates:
        """The template lines of every site (sites under MIN_PAGES pages get an empty template)."""
        sites = {}
        for name, c in self._sites.items():
            need = max(MIN_PAGES, MIN_SHARE * c.pages)
            sites[name] = SiteTemplate(c.pages, {k: n for k, n in c.counts.items() if n >= need})
        return Templates(sites)


def page_lines(data: str | bytes, cfg: Any, html: bool | None = None) -> list[str]:
    """The non-blank line texts the rules see for this page: text lines, or the HTML path's blocks."""
    from .decode import as_text
    from .html import is_html
    from .segment import split_lines

    text = as_text(data, cfg)
    if html is None:
        html = is_html(text, cfg)
    if html:
        from .html import dom
        from .html.guard import flatten, too_deep

        if not too_deep(text):
            try:
                return [b.text for b in dom.parse(text).blocks if b.text]
            except RecursionError:
                pass
        text = flatten(text)
    return [line.text for line in split_lines(text) if line.text]


def page_keys(data: str | bytes, cfg: Any, html: bool | None = None) -> Iterator[str]:
    """The template keys of a page's lines (see :func:`line_key`)."""
    from .model import Line

    for t in page_lines(data, cfg, html):
        yield line_key(Line(0, t, t).key)


def learn(pages: Iterable[tuple[str, str | bytes]], input_format: str = "auto") -> Templates:
    """Learn templates from ``(site, page)`` pairs (page: text or HTML, str or bytes)."""
    learner = Learner(input_format)
    for site, data in pages:
        learner.add(data, site)
    return learner.result()
