"""The page's head in a chrome-named wrapper (boilerstrip/html/hero.py): a small element named
``banner``/``teaser``/``promo`` that holds the ``<h1>`` is the page's title and pitch, not chrome;
one without the ``<h1>``, or a page-sized wrapper, still is. Pages are written by hand."""

from __future__ import annotations

import boilerstrip
from boilerstrip.html import _without_chrome
from boilerstrip.html.dom import parse
from boilerstrip.html.hero import HERO_MAX_CHARS

PITCH = "We repair and service heat pumps across the valley, with a fixed call-out fee and parts in stock for most brands."
SECTIONS = [
    ("Annual service", "Every autumn we clean the coils, check the refrigerant and test the controls, so the pump is ready for winter."),
    ("Emergency repairs", "When a pump stops on a cold night, an engineer comes out the same day and carries the common parts in the van."),
    ("New installations", "We size the pump to the house, handle the permit and leave the old boiler in place until the new system runs."),
]
PROMO = "Spring offer: book before the end of the month and the second visit of the year is free of charge."
MENU = "<nav><ul>" + "".join(f"<li><a href='/m{i}'>Menu entry {i}</a></li>" for i in range(8)) + "</ul></nav>"


def _page(hero_cls: str = "hero-banner", promo: str = "") -> str:
    hero = f"<section class='{hero_cls}'><h1>Heat pump service</h1><p>{PITCH}</p><a href='/book'>Book a visit</a></section>"
    body = "".join(f"<section><h2>{h}</h2><p>{t}</p></section>" for h, t in SECTIONS)
    return f"<html><body>{MENU}<main>{hero}{promo}{body}</main></body></html>"


def test_a_small_chrome_named_element_holding_the_h1_is_the_pages_head():
    for cls in ("hero-banner", "page-teaser", "promo-header"):
        body = boilerstrip.clean(_page(cls))
        assert PITCH in body, cls
        assert all(t in body for _, t in SECTIONS)


def test_trafilatura_reads_the_page_without_the_head_as_before():
    page = parse(_page())
    assert len(page.heroes) == 1 and not any(b.chrome for b in page.blocks if PITCH in b.text)
    html = _without_chrome(page)
    assert PITCH not in html and SECTIONS[0][1] in html and "Menu entry" not in html


def test_near_miss_a_banner_without_the_h1_still_goes():
    body = boilerstrip.clean(_page(promo=f"<div class='promo-banner'><h3>Spring offer</h3><p>{PROMO}</p></div>"))
    assert PROMO not in body and PITCH in body


def test_near_miss_a_wrapper_longer_than_a_head_holding_the_h1_is_not_a_head():
    # (a quarter of the page's text: below the share at which any chrome name is overruled)
    filler = "".join(f"<p>Opening hours for branch {i}: weekdays from eight to six, Saturdays from nine to one.</p>" for i in range(14))
    assert len(filler) > HERO_MAX_CHARS
    main = "".join(f"<p>{t} (Region {i}.)</p>" for i in range(10) for _, t in SECTIONS)
    html = f"<html><body>{MENU}<div class='modal-wrap'><h1>Heat pump service</h1>{filler}</div><main>{main}</main></body></html>"
    page = parse(html)
    assert not page.heroes and any(b.chrome and "modal" in b.chrome for b in page.blocks)
