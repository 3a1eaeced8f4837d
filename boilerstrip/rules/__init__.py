"""Built-in rules, one module per family. Importing this package registers them all;
:data:`boilerstrip.registry.ORDER` decides the order they run in."""

from . import header, inserts, promos, prose, region, related, trailers  # noqa: F401
from ..html import rules as _html_rules  # noqa: E402, F401  (HTML-only rules: html-chrome-container, html-main-content, html-title)
