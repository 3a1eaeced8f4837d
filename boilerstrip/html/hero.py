"""The page's head in a chrome-named wrapper: a ``hero-banner``, ``teaser`` or ``promo`` section
around the page's ``<h1>`` and its pitch (a service page's title, intro and call to action).

A ``<header>`` holding the ``<h1>`` is the article's own header already (:mod:`.dom`); an element
named by class/id vocabulary that holds the ``<h1>`` is the same thing under a theme's name, as
long as it is small: a wrapper around a whole page that happens to hold the ``<h1>`` is not the
page's head. :mod:`.dom` flattens such an element as content and lists it in ``Page.heroes``;
trafilatura still reads the page without it (``html._without_chrome``): freeing it from
trafilatura's input moved trafilatura's choice on a service page (its text fell from 3,191 to 611
characters there), so the own blocks alone get it back. Derived on wcxb dev fold a: 0.8607 ->
0.8609 (service 0.8279 -> 0.8298, lost 36 -> 35); fold b 0.8606 -> 0.8607 (service 0.8308 ->
0.8310, no page worse); ScrapingHub unchanged; the trafilatura set 0.9523 -> 0.9520 (one page: a
shop's discount line in its title banner).
"""

from __future__ import annotations

from typing import Any, Final

#: A chrome-named element holding the ``<h1>`` is the page's head when its text is at most this
#: long (chars): a title, an intro paragraph or two and a call to action. Without the cap a page
#: wrapper holding the ``<h1>`` freed a whole page of menus (the trafilatura set: -0.0006).
HERO_MAX_CHARS: Final = 1000


def is_hero(node: Any) -> bool:
    """Whether the chrome-named element ``node`` is the page's head (see HERO_MAX_CHARS)."""
    return node.css_first("h1") is not None and len(node.text(deep=True)) <= HERO_MAX_CHARS
