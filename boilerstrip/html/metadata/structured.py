"""The page's structured metadata: JSON-LD objects (the article node, names, ``@id`` references,
the image) and ``<meta>`` tags (OpenGraph, Dublin Core and the like), and the tag names that
carry a date or an author."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from ...segment import normalize

#: JSON-LD ``@type`` values that describe the article itself.
ARTICLE_TYPES = frozenset(
    {
        "article", "newsarticle", "blogposting", "reportagenewsarticle", "analysisnewsarticle", "opinionnewsarticle",
        "backgroundnewsarticle", "reviewnewsarticle", "scholarlyarticle", "techarticle", "report", "liveblogposting",
        "posting", "socialmediaposting", "webpage", "recipe", "review", "medicalwebpage", "itempage", "aboutpage",
    }
)  # fmt: skip
#: Types that are never the article (a page's WebSite/Organization nodes also carry names).
_PAGE_TYPES = frozenset({"webpage", "itempage", "aboutpage", "medicalwebpage"})
#: JSON-LD types whose name is the site's (publisher) name.
_SITE_TYPES = frozenset({"website", "organization", "newsmediaorganization", "corporation"})
#: ``<meta>`` names/properties that name the publication date itself, most specific first.
DATE_METAS = (
    "article:published_time", "og:published_time", "datepublished", "publishdate", "publish-date", "publish_date",
    "pubdate", "dc.date.issued", "sailthru.date", "parsely-pub-date", "article.published", "published-date",
    "release_date", "citation_publication_date",
)  # fmt: skip
#: ``<meta>`` names that carry some date of the page (often a modification or an index date):
#: never chosen on their own (the dev split's annotators date the original publication), only
#: used to give the chosen day its timestamp.
WEAK_DATE_METAS = ("date", "dc.date", "dcterms.date", "dcterms.created", "creation_date", "og:updated_time", "article:modified_time")
#: ``<meta>`` names that carry the author.
AUTHOR_METAS = (
    "author", "article:author", "article:author_name", "dc.creator", "dcterms.creator", "sailthru.author", "parsely-author",
    "byl", "citation_author", "shareaholic:article_author_name",
)  # fmt: skip
#: JSON-LD scripts longer than this are not parsed (embedded data dumps).
JSONLD_MAX_CHARS = 500_000


def _text(v: Any) -> str | None:
    if isinstance(v, str):
        t = normalize(v)
        return t or None
    return None


def jsonld_objects(scripts: list[str]) -> list[dict[str, Any]]:
    """Every JSON object in the page's JSON-LD scripts, ``@graph`` members flattened."""
    out: list[dict[str, Any]] = []
    for raw in scripts:
        if not raw or len(raw) > JSONLD_MAX_CHARS:
            continue
        try:
            data = json.loads(raw.strip().rstrip(";"), strict=False)  # raw newlines inside strings are common
        except ValueError:
            continue
        stack = [data]
        while stack:
            item = stack.pop()
            if isinstance(item, list):
                stack.extend(reversed(item))
            elif isinstance(item, dict):
                out.append(item)
                graph = item.get("@graph")
                if isinstance(graph, list):
                    stack.extend(reversed(graph))
    return out


def _types(obj: dict[str, Any]) -> set[str]:
    t = obj.get("@type")
    if isinstance(t, str):
        return {t.lower()}
    if isinstance(t, list):
        return {x.lower() for x in t if isinstance(x, str)}
    return set()


def _names(v: Any, ids: dict[str, dict[str, Any]] | None = None) -> Iterator[str]:
    """Names in a JSON-LD value: strings, ``{"name": ...}`` objects, lists of them, and
    ``{"@id": ...}`` references to a node of the same page (how Yoast-style graphs link the author)."""
    if isinstance(v, list):
        for x in v:
            yield from _names(x, ids)
    elif isinstance(v, dict):
        name = _text(v.get("name"))
        if not name and ids and isinstance(v.get("@id"), str):
            name = _text((ids.get(v["@id"]) or {}).get("name"))
        if name:
            yield name
    else:
        name = _text(v)
        if name and not name.startswith("http"):
            yield name


def person_names(v: Any, ids: dict[str, dict[str, Any]]) -> Iterator[str]:
    """The names of the ``Person`` nodes in a JSON-LD author value (inline or an ``@id`` reference)."""
    for x in v if isinstance(v, list) else [v]:
        if isinstance(x, dict):
            node = ids.get(x["@id"], x) if isinstance(x.get("@id"), str) else x
            if "person" in _types(node) | _types(x):
                yield from _names(node)


def _jsonld_article(objs: list[dict[str, Any]]) -> dict[str, Any] | None:
    arts = [o for o in objs if _types(o) & ARTICLE_TYPES]
    if not arts:
        return None
    # an article type beats a generic page type
    arts.sort(key=lambda o: bool(_types(o) <= _PAGE_TYPES))
    return arts[0]


class Metas:
    """``<meta>`` tags by lower-cased name/property/itemprop (first value wins)."""

    def __init__(self, tree: Any):
        self.values: dict[str, str] = {}
        for node in tree.css("meta"):
            attrs = node.attributes
            key = attrs.get("property") or attrs.get("name") or attrs.get("itemprop")
            content = attrs.get("content")
            if key and content:
                k = key.strip().lower()
                if k not in self.values:
                    self.values[k] = content.strip()

    def get(self, *keys: str) -> str | None:
        for k in keys:
            v = self.values.get(k)
            if v:
                return v
        return None


def _image_url(v: Any) -> str | None:
    if isinstance(v, list):
        v = v[0] if v else None
    if isinstance(v, dict):
        v = v.get("url") or v.get("contentUrl")
    return v.strip() if isinstance(v, str) and v.strip().startswith("http") else None
