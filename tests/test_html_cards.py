"""Cards linked whole (boilerstrip/html/cards.py): one ``<a>`` around a card's heading and its
description is the card's text, not a link list; menus and labels inside links stay links. Pages are
written by hand."""

from __future__ import annotations

import boilerstrip
from boilerstrip.html.blocks import weight
from boilerstrip.html.cards import is_card_text
from boilerstrip.html.dom import parse

INTRO = [
    "We help small clinics move their records to one secure system, without closing a single day for the switch.",
    "Our team plans the move with your staff, runs both systems side by side for a month, and trains everyone on site.",
]
CARDS = [
    ("Records migration", "We move every patient file, scan and invoice into the new system and check each one against the old copy."),
    ("Staff training", "Short sessions at your clinic teach receptionists, nurses and doctors the screens they use every day."),
    ("Ongoing support", "A named engineer answers your calls for the first year and visits twice to tune the setup to your workflow."),
    ("Security review", "Before go-live we test access rights, backups and logging, and you get a written report of what we found."),
]
MENU = "<nav><ul>" + "".join(f"<li><a href='/m{i}'>Menu entry {i}</a></li>" for i in range(30)) + "</ul></nav>"


def _service_page(card: str = "<a class='card' href='/s{i}'><h3>{h}</h3><p>{t}</p><span>Learn more</span></a>") -> str:
    cards = "".join(card.format(i=i, h=h, t=t) for i, (h, t) in enumerate(CARDS))
    intro = "".join(f"<p>{p}</p>" for p in INTRO)
    return f"<html><body>{MENU}<main><h1>Clinic records services</h1>{intro}<h2>What we do</h2><div class='grid'>{cards}</div></main></body></html>"


def test_a_link_around_a_heading_and_a_sentence_is_a_card_whose_text_is_not_link_text():
    page = parse(_service_page())
    by_text = {b.text: b for b in page.blocks}
    for h, t in CARDS:
        assert by_text[h].card_text and by_text[t].card_text
        assert by_text[t].link_chars == len(t)  # still linked ...
        assert by_text[t].link_density == 0.0 and weight(by_text[t]) > 0  # ... but read as the card's text
    assert not by_text["Learn more"].card_text  # a label in the card is still a link
    assert all(not b.card_text for b in page.blocks if b.text.startswith("Menu entry"))


def test_the_descriptions_of_cards_linked_whole_are_kept():
    body = boilerstrip.clean(_service_page())
    assert all(p in body for p in INTRO)
    assert all(t in body for _, t in CARDS), body
    assert "Menu entry 3" not in body


def test_near_miss_a_link_without_a_heading_is_not_a_card():
    # a mega-menu entry or a teaser set in divs inside one link: no heading, so still link text
    page = parse(_service_page("<a href='/s{i}'><div>{h}</div><div>{t}</div></a>"))
    assert not any(b.card_text for b in page.blocks)
    assert all(b.link_density == 1.0 for b in page.blocks if b.text in {t for _, t in CARDS})


def test_card_text_is_a_sentence_not_a_label():
    assert is_card_text(CARDS[0][1])
    assert not is_card_text("Learn more about our records migration service")  # no sentence end
    assert not is_card_text("Read more.")  # too short to be a description
