"""The lead picture (:func:`lead_image`): the first ``<figure>`` of the article with a caption or
a credit, the caption and the credit split (:func:`split_credit`), the image URL."""

from __future__ import annotations

from typing import Any

from ...credits import CREDIT_TAIL_MAX_CHARS, split_credit, strip_credit_label
from ...lexicon import phrases
from ...model import Image
from ...segment import normalize
from .authors import _in_skipped_container
from .structured import _names, _text

#: ``<figure>`` elements looked at for the lead picture.
FIGURE_MAX_NODES = 8


def _figure_parts(figure: Any) -> tuple[str | None, str | None, str | None]:
    """(caption, credit, image url) of one ``<figure>``."""
    cap_node = figure.css_first("figcaption")
    caption = normalize(cap_node.text(deep=True, separator=" ")) if cap_node is not None else ""
    credit = None
    for node in figure.css("[class], [id]"):
        marks = f"{node.attributes.get('class') or ''} {node.attributes.get('id') or ''}".casefold()
        if node is not cap_node and any(k in marks for k in phrases("meta_credit_classes")):
            found = normalize(node.text(deep=True, separator=" "))
            if found and len(found) <= CREDIT_TAIL_MAX_CHARS + 20:
                credit = strip_credit_label(found)
                if caption.endswith(found):
                    caption = caption[: -len(found)].strip(" |/–—-")
                break
    cap: str | None = caption or None
    if credit is None and cap:
        cap, credit = split_credit(cap)
    img = figure.css_first("img")
    src = (img.attributes.get("src") or img.attributes.get("data-src")) if img is not None else None
    return cap, credit, src if src and src.startswith("http") else None


def lead_image(page: Any, meta: dict[str, Any]) -> Image | None:
    """The article's lead picture: the first ``<figure>`` outside navigation, asides, comment
    threads and widgets that has a caption or a credit, with the caption and the credit split
    (a credit element by class, else a credit printed at the caption's end), the JSON-LD image's
    ``caption``/``creditText``/``copyrightHolder`` when the page has no such figure, and the image
    URL from JSON-LD / ``og:image`` (else the figure's ``<img>``)."""
    caption = credit = src = None
    for figure in page.tree.css("figure")[:FIGURE_MAX_NODES]:
        if _in_skipped_container(figure) or _in_chrome_tag(figure):
            continue
        caption, credit, src = _figure_parts(figure)
        if caption or credit:
            break
    ld = meta.get("jsonld_image") or {}
    if not (caption or credit) and ld:
        caption = _text(ld.get("caption"))
        credit = _text(ld.get("creditText")) or next(_names(ld.get("copyrightHolder") or ld.get("author")), None)
        if caption and not credit:
            caption, credit = split_credit(caption)
    url = meta.get("image_url") or src
    if not (caption or credit or url):
        return None
    return Image(caption=caption, credit=credit, url=url)


def _in_chrome_tag(node: Any) -> bool:
    """Whether the node sits inside ``nav``, ``aside`` or ``footer``."""
    node = node.parent
    while node is not None and node.tag not in ("body", "html"):
        if node.tag in ("nav", "aside", "footer"):
            return True
        node = node.parent
    return False
