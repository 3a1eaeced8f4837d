"""Built-in rules, one module per family. Importing this package registers them all;
:data:`boilerstrip.registry.ORDER` decides the order they run in.

The HTML-only rules (``html-chrome-container``, ``html-main-content``, ``html-title``) live in
:mod:`boilerstrip.html.rules` beside the DOM code they read."""

from ..html import rules as _html_rules  # noqa: F401
from . import boilerplate, header, header_byline, header_title, inserts, promos, prose, region, region_inside, related, site, trailers  # noqa: F401
