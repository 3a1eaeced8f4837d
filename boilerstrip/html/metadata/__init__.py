"""Article metadata from the page itself: JSON-LD, OpenGraph / ``<meta>`` tags, microdata, the DOM.

Each field takes the first source that has it, in this order of precision:

* title: (an ``<h1>`` without the anchor-link glyph docs generators print after it, "Logging
  HOWTO¶": :func:`~.titles.heading_text`) the first ``<h1>`` that agrees with ``og:title``/``<title>`` (typographic quotes
  folded), else the first ``<h1>`` that shares a third of its words with one of them or the
  JSON-LD headline (social titles reword the headline), else ``og:title`` (minus the site's
  name), JSON-LD ``headline``, the ``<h1>``, ``<title>``; never a candidate that is the site's
  name (dev split title accuracy: JSON-LD headline first 0.695, og:title before a disagreeing
  h1 0.791, this order 0.839);
* authors: JSON-LD ``author`` names (``@id`` references resolved), ``<meta name="author">`` and
  the like, then the visible byline markup (``rel=author``, ``itemprop=author``, author/byline
  classes, outside comments and widgets), each cleaned up by :func:`boilerstrip.bylines.clean_author`;
  the structured sources never give the site's own name, except as a last resort a JSON-LD
  ``Person`` author named as the site ("Jane Doe" on Jane Doe's blog: wcxb author +7
  pages; a publisher signing as itself, "BBC News", is an ``Organization`` and stays out);
* published: the date printed in the article header, htmldate's quick search, the
  publication-date markup, a date printed anywhere (see :func:`complete`), kept as printed;
* source: ``og:site_name``, JSON-LD ``publisher.name``, the JSON-LD WebSite/Organization, the
  ``<title>`` suffix;
* url: ``<link rel=canonical>``, ``og:url``, JSON-LD ``url``;
* images: the lead picture (:func:`lead_image`): caption and credit split, URL;
* language: ``<html lang>``, ``og:locale``, language metas (text-mode detection on the kept
  text comes first, see :func:`boilerstrip.html.front_end`).

:func:`extract` takes what the markup says and :func:`complete` what the visible page says; the
sources themselves are in :mod:`~.structured` (JSON-LD, ``<meta>`` tags), :mod:`~.titles`
(title, site name), :mod:`~.authors` (author values, bylines), :mod:`~.published` (dates) and
:mod:`~.images` (the lead picture).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ...segment import normalize
from .authors import byline_authors, byline_names, header_byline, plausible_authors
from .images import lead_image, split_credit
from .published import TIME_MAX_NODES, _stamp_for, header_date, htmldate_day, is_update, iso_date, page_date, to_datetime
from .structured import _SITE_TYPES, AUTHOR_METAS, DATE_METAS, WEAK_DATE_METAS, Metas, _image_url, _jsonld_article, _names, _text, _types, jsonld_objects, person_names
from .titles import (
    _TITLE_SEP,
    TITLE_MAX_H1,
    TITLE_SUFFIX_MAX_CHARS,
    _agrees,
    _clean_title,
    _h1_title,
    _names_site,
    _shares_words,
    _site_key,
    _site_names,
    domain_label,
    heading_text,
)

#: What the rest of boilerstrip (:mod:`boilerstrip.html`), the tests and the benchmarks use.
__all__ = [
    "extract", "complete", "lead_image", "byline_authors", "byline_names", "header_byline", "htmldate_day", "iso_date", "plausible_authors",
    "split_credit", "to_datetime", "domain_label", "jsonld_objects", "Metas",
]  # fmt: skip


def extract(page: Any, h1: str | None) -> dict[str, Any]:
    """The metadata fields found in the page (only the ones found)."""
    tree = page.tree
    metas = Metas(tree)
    objs = jsonld_objects(page.jsonld)
    art = _jsonld_article(objs) or {}
    out: dict[str, Any] = {}

    site = _text(metas.get("og:site_name", "application-name"))
    if not site:
        site = next(_names(art.get("publisher")), None) if art.get("publisher") else None
    declared_site = site
    if not site:  # the page's WebSite / Organization node
        site = next((n for o in objs if _types(o) & _SITE_TYPES for n in _names(o)), None)
    if not site and page.title:  # "Post title | Site name"
        parts = _TITLE_SEP.split(page.title)
        if len(parts) > 1 and len(parts[-1]) <= TITLE_SUFFIX_MAX_CHARS and len(parts[0]) > len(parts[-1]):
            site = normalize(parts[-1]) or None

    link = tree.css_first('link[rel="canonical"]')
    # the first absolute one: a relative canonical link gives way to og:url; "//host/path" takes https
    urls = ((u or "").strip() for u in (link.attributes.get("href") if link is not None else None, metas.get("og:url"), _text(art.get("url"))))
    url = next((f"https:{u}" if u.startswith("//") else u for u in urls if u.startswith(("http", "//"))), None)
    domain = domain_label(url)
    og_title = _text(metas.get("og:title", "twitter:title"))
    site_names = _site_names(site, art, (og_title, page.title))
    title = None
    # the first <h1> that agrees with og:title/<title> and is not the site's name (a blog's
    # header h1 is its name; the post's own h1 comes later)
    h1s = [(i, heading_text(b.text)) for i, b in enumerate(page.blocks) if b.heading == 1 and not b.chrome][:TITLE_MAX_H1]
    for i, text in h1s:
        folded = text.casefold()
        if folded in site_names:
            continue
        if _agrees(text, og_title) or _agrees(text, page.title):
            title = _h1_title(text)
            out["title_line"] = i
            break
    first = next(((i, t) for i, t in h1s if t.casefold() not in site_names and not _names_site(t, [_site_key(domain)] if domain else [])), None)
    headline = _text(art.get("headline"))
    if not title and first is not None and _shares_words(first[1], (og_title, page.title, headline)):
        title, out["title_line"] = _h1_title(first[1]), first[0]
    h1 = first[1] if first else heading_text(h1) if h1 else None
    for cand in (_clean_title(og_title, site, domain), _text(art.get("headline")), _text(art.get("name")), h1, _clean_title(page.title, site, domain)):
        if title:
            break
        if cand and cand.casefold() not in site_names:
            title = cand
    if title:
        out["title"] = title
    if not site and title and page.title:  # "Title | Site" or "Site | Title": the part that is not the title
        rest = [p for p in _TITLE_SEP.split(page.title) if normalize(p).casefold() != title.casefold()]
        if len(rest) == 1 and len(rest[0]) <= TITLE_SUFFIX_MAX_CHARS and len(rest) < len(_TITLE_SEP.split(page.title)):
            site = normalize(rest[0]) or None
    if site:
        out["source"] = site

    pub = art.get("publisher")
    publisher = next(_names(pub), None) if pub else None
    not_author = declared_site or publisher  # not the guessed site names: an author may sign as the site
    ids = {o["@id"]: o for o in objs if isinstance(o.get("@id"), str) and "name" in o}
    authors = plausible_authors(list(_names(art.get("author"), ids)), not_author)
    if not authors:
        for key in AUTHOR_METAS:
            authors = plausible_authors([metas.get(key) or ""], not_author)
            if authors:
                break
    if authors:
        out["authors"] = authors
    elif not_author:  # a person whose site bears their name: taken after the visible byline (see :func:`complete`)
        out["site_author"] = next((a for a in plausible_authors(list(person_names(art.get("author"), ids)), None) if a.casefold() == not_author.casefold()), None)

    # publication date evidence; :func:`complete` decides between it, the printed dateline and htmldate
    published = metas.get(*DATE_METAS) or _text(art.get("datePublished")) or _text(art.get("dateCreated"))
    if not published:
        node = tree.css_first('[itemprop="datePublished"]')
        if node is not None:
            published = node.attributes.get("datetime") or node.attributes.get("content") or node.text()
    if published and iso_date(published):
        out["date_markup"] = normalize(published)
    stamps = [v for v in (metas.get(k) for k in DATE_METAS + WEAK_DATE_METAS) if v]
    stamps += [v for v in (_text(art.get(k)) for k in ("datePublished", "dateCreated", "dateModified")) if v]
    stamps += [t for t in (n.attributes.get("datetime") for n in tree.css("time[datetime]")[:TIME_MAX_NODES]) if t]
    out["date_stamps"] = stamps
    if url:
        out["url"] = url

    lang = page.html_lang or metas.get("og:locale", "language", "content-language", "dc.language")
    if not lang:
        node = tree.css_first('meta[http-equiv="content-language" i]')
        lang = node.attributes.get("content") if node is not None else None
    if lang:
        out["language"] = lang.replace("_", "-").split("-")[0].strip().lower() or None

    body = art.get("articleBody")
    if isinstance(body, str) and body.strip():
        out["article_body"] = body  # raw: :func:`boilerstrip.html.jsonld_body` decides whether it is used
    image_url = _image_url(art.get("image")) or metas.get("og:image")
    out["image_url"] = image_url
    image = art.get("image")
    image = image[0] if isinstance(image, list) and image else image
    out["jsonld_image"] = image if isinstance(image, dict) else None
    return out


def complete(meta: dict[str, Any], page: Any, tree: Callable[[], Any] | None, title_line: int | None) -> None:
    """Fill what :func:`extract` left open from the visible page and htmldate: authors from the
    byline markup, and the publication date. ``tree`` makes the lxml tree htmldate reads (called
    only when htmldate runs: parsing it costs as much as the rest of the metadata).

    The date takes the first of (measured on the dev split, issue 4's definition: markup first
    0.85, htmldate first 0.865, this order 0.896):

    1. the date printed in the article header (:func:`header_date`): what the reader sees, and
       the page's local day (a ``…T23:00Z`` timestamp is the next morning where it was printed);
       not when it falls UPDATE_MIN_DAYS or more after the publication-date markup's day
       (:func:`is_update`: "Last updated: April 1, 2025" over a 2016 ``datePublished``; derived
       on wcxb: date 0.853 -> 0.876, 28 pages right, 12 wrong, its gold takes the update on some
       pages; trafilatura set unchanged at 0.907, one page each way);
    2. htmldate's quick search (markup and URL, original date rather than the last update);
    3. the publication-date markup (``article:published_time`` and the like, JSON-LD
       ``datePublished``, ``itemprop=datePublished``);
    4. the first date printed in a short block anywhere in the page (:func:`page_date`).
       htmldate's extensive search scored the same here (0.896) but took up to 3 s on a page
       and dated many pages that have no date.

    ``published`` keeps the date as printed (or the markup timestamp of the chosen day);
    ``published_at`` carries that timestamp's own offset, so its calendar day is the page's.
    """
    if not meta.get("authors"):
        # a visible byline naming the site itself is kept (an organisation signing its own page:
        # +3 right on the dev split); the site-name filter stays on the structured sources,
        # where the site in the author field is usually the publisher filled in by the CMS
        meta["authors"] = byline_authors(page.tree, None) or header_byline(page.blocks, title_line)
    site_author = meta.pop("site_author", None)
    if not meta["authors"] and site_author:
        meta["authors"] = [site_author]
    stamps = meta.pop("date_stamps", [])
    markup = meta.pop("date_markup", None)
    printed = header_date(page.blocks, title_line)
    if printed and markup and is_update(printed[1], iso_date(markup)):
        printed = None
    day = printed[1].date().isoformat() if printed else None
    if day is None:
        found_day = htmldate_day(tree() if tree is not None else None, extensive=False)
        # htmldate's 1 January is a year found alone (a "/2020/" URL, "© 2020"): the markup's day
        # wins unless some timestamp of the page falls on that 1 January
        if found_day and markup and iso_date(markup) != found_day and found_day.endswith("-01-01") and not _stamp_for(found_day, stamps):
            found_day = None
        day = found_day or iso_date(markup)
    if day is None:
        found = page_date(page.blocks)
        day = found[1].date().isoformat() if found else None
    day = iso_date(day)
    if day is None:
        return
    stamp = _stamp_for(day, ([markup] if markup else []) + stamps)
    meta["published"] = printed[0] if printed else normalize(stamp) if stamp else day
    meta["published_at"] = to_datetime(stamp) if stamp else printed[1] if printed else to_datetime(day)
