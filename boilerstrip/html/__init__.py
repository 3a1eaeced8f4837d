"""HTML in, article out. (Minimal first version: flatten with selectolax, then the text rules.)"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from ..config import Config
from ..model import Article, Line
from ..registry import Rule
from ..segment import split_lines

if TYPE_CHECKING:
    pass

_HTML_START = re.compile(r"\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|\?xml)", re.I | re.S)
_TAGS = re.compile(r"<(?:p|div|span|a|br|table|li|h[1-6])\b[^>]*>", re.I)
#: Tags per kilobyte of the head of a document above which we treat it as HTML.
HTML_TAG_DENSITY = 3


def looks_like_html(text: str) -> bool:
    head = text[:4096]
    if _HTML_START.match(head[:1024]):
        return True
    return len(_TAGS.findall(head)) >= HTML_TAG_DENSITY * max(1, len(head) // 1024)


def extract_html(html: str, cfg: Config, rules: Sequence[Rule]) -> tuple[Article, list[Line]]:
    from selectolax.lexbor import LexborHTMLParser

    from ..api import extract_lines

    tree = LexborHTMLParser(html)
    for node in tree.css("script, style, noscript, template"):
        node.decompose()
    root = tree.body or tree.root
    text = root.text(separator="\n") if root is not None else ""
    return extract_lines(split_lines(text), cfg, rules)
