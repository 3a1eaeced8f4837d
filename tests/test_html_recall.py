"""Recall on pages that are not plain articles (boilerstrip/html): a chrome name never removes the
article, a page of short entries keeps its entries, a crawler view in <noscript> reaches
trafilatura as the page had it. Pages are written by hand."""

from __future__ import annotations

import pytest

import boilerstrip
import boilerstrip.html as H
from boilerstrip.html.blocks import TRAF_ONLY, MainText, decide, select
from boilerstrip.html.dom import parse

P = [
    "The city council voted on Tuesday to extend the night bus network to the northern suburbs, after a two-year trial.",
    "Officials said the new routes would start running in March, and that fares would stay the same for another year.",
    "Residents who had campaigned for the change welcomed the decision, although some asked why it had taken so long.",
]
MENU = "<div class='menu-list'><ul>" + "".join(f"<li><a href='/s{i}'>Section number {i} of the site</a></li>" for i in range(40)) + "</ul></div>"


def test_a_chrome_class_on_the_element_holding_the_prose_does_not_remove_it():
    for cls in ("paywall-wrapper", "ad-container", "print-area"):
        html = f"<html><body>{MENU}<div class='{cls}'>" + "".join(f"<p>{p}</p>" for p in P) + "</div></body></html>"
        assert boilerstrip.clean(html) == "\n\n".join(P), cls


def test_a_chrome_box_inside_the_article_still_goes():
    ad = "Advertisement: subscribe today for unlimited access to every story, podcast and newsletter we publish each week."
    html = f"<html><body>{MENU}<div class='story'><p>{P[0]}</p><div class='ad-box'><p>{ad}</p></div><p>{P[1]}</p><p>{P[2]}</p></div></body></html>"
    e = boilerstrip.explain(html)
    assert ad not in e.article.body and all(p in e.article.body for p in P)
    assert any(r.rule == "html-chrome-container" and ad in r.text for r in e.removed)


def test_the_prose_guard_spares_nav_and_footer_which_are_chrome_by_tag():
    legal = "Prices include VAT. Offers are valid while stocks last, and delivery times depend on the address and the item chosen."
    items = "".join(f"<p>Blue mug, size {i}</p><p>{i + 10} EUR</p>" for i in range(25))  # twice the footer's text, none of it prose
    html = f"<html><body><div class='shop'>{items}</div><footer><p>{legal}</p><p>{legal.replace('VAT', 'tax')}</p></footer></body></html>"
    assert legal not in boilerstrip.clean(html)


SECTIONS = [
    ("Harbour workshop", "Our harbour workshop opens every weekend, with room for forty makers who sell their own prints, ceramics and clothing to visitors."),
    ("Riverside hall", "The riverside hall hosts a smaller market on weekdays, where new makers try their first stall before they apply for a weekend place."),
    ("Station arcade", "In the station arcade a rotating group of bakers and printers shares one long counter, and the line-up changes every second week."),
]


def _section_page(cls: str) -> str:
    hours = "Opening hours are posted at the door, and stall fees are listed on the application form."
    boxes = "".join(f"<div class='{cls}'><h3>{h}</h3><p>{t}</p><p>{hours}</p></div>" for h, t in SECTIONS)
    return f"<html><body>{MENU}<h1>Markets</h1><p>Join us.</p><div class='grid'>{boxes}</div></body></html>"


def test_a_run_of_same_named_sections_holding_most_of_the_prose_is_content():
    # each section alone holds a third of the prose (below the guard), together they are the page
    for cls in ("location-overlay card", "banner-block"):
        body = boilerstrip.clean(_section_page(cls))
        assert all(t in body for _, t in SECTIONS), cls


def test_a_run_of_comment_boxes_beside_an_article_still_goes():
    # the shape of a thread: same-named replies that together outweigh a short article (freed as
    # a run, they would take the region; data/html_thread.txt keeps them chrome)
    replies = [f"Reply number {i}: I took the new night bus last weekend and it was great, although the stop near the harbour was hard to find." for i in range(8)]
    tail = "who also rides the early tram to work on most days and likes the new timetable."
    thread = "".join(f"<div class='comment-box'><p>{r}</p><p>Posted by reader {i}, {tail}</p></div>" for i, r in enumerate(replies))
    html = f"<html><body>{MENU}<div class='story'><h1>Night buses</h1>" + "".join(f"<p>{p}</p>" for p in P[:2]) + f"</div><div class='thread'>{thread}</div></body></html>"
    body = boilerstrip.clean(html)
    assert all(p in body for p in P[:2]) and not any(r in body for r in replies)


def test_same_named_chrome_boxes_holding_less_than_half_of_the_prose_still_go():
    promo = "Subscribe to our weekly letter for bus news, timetable changes and the stories behind each route, delivered every Friday."
    box = f"<div class='promo-box'><p>{promo}</p><p>Sign up today, and read the first month of letters free of charge before you decide.</p></div>"
    article = "".join(f"<p>{p}</p><p>{p.replace('the', 'this')}</p>" for p in P)
    html = f"<html><body>{MENU}<div class='story'>{box}{article}{box}</div></body></html>"
    body = boilerstrip.clean(html)
    assert promo not in body and all(p in body for p in P)


LISTING = (
    "<html><body><nav><a href='/'>Home</a> <a href='/books'>Books</a> <a href='/lists'>Lists</a></nav><div class='list'>"
    + "".join(
        f"<div class='entry'><a href='/b{i}'>Book title number {i}</a> <span>by Author {i}</span> <span>4.{i} avg rating, {i}00 ratings</span></div>"
        for i in range(1, 10)
    )
    + "</div><div class='side'><a href='/x'>Sign in</a> <a href='/y'>Join</a></div></body></html>"
)


def test_a_page_of_short_entries_keeps_its_entries():
    page = parse(LISTING)
    own = select(page.blocks)
    # no prose region, and trafilatura found only the first entry
    drop, source = decide(page.blocks, own, MainText("Book title number 1 by Author 1 4.1 avg rating, 100 ratings"))
    kept = [b.text for b, d in zip(page.blocks, drop, strict=True) if d is None]
    assert source == "trafilatura"
    assert [f"Book title number {i} by Author {i} 4.{i} avg rating, {i}00 ratings" for i in range(1, 10)] == kept
    assert all(d in (None, TRAF_ONLY) or page.blocks[i].chrome for i, d in enumerate(drop))


def test_a_crawler_view_in_noscript_reaches_trafilatura_as_the_page_had_it(monkeypatch):
    body = "".join(f"<p>{p}</p>" for p in P)
    html = f"<html><head><title>T</title></head><body><div id='app'></div><noscript><div class='topic'>{body}</div></noscript></body></html>"
    assert parse(html).noscript_unwrapped
    seen: list[str] = []
    real = H.lxml_tree
    monkeypatch.setattr(H, "lxml_tree", lambda h: seen.append(h) or real(h))
    assert boilerstrip.clean(html) == "\n\n".join(P)
    assert seen and all("<noscript>" in h for h in seen)  # the original markup, not the unwrapped tree



FAQ = [
    ("How long does delivery take?", "Orders placed before noon leave our warehouse the same day, and most arrive within two to three working days."),
    ("Can I return an item?", "You can return any unused item within thirty days, and we refund the full price once it reaches us again."),
    ("Do you ship abroad?", "We ship to every country in the European Union, and the cost of shipping is shown before you pay for the order."),
]


def _accordion(panel_attrs: str) -> str:
    items = "".join(
        f"<div class='acc-item'><button id='q{i}' aria-controls='a{i}'>{q}</button><div id='a{i}' {panel_attrs.format(i=i)}><p>{a}</p></div></div>"
        for i, (q, a) in enumerate(FAQ)
    )
    return f"<html><body>{MENU}<main><h1>Questions</h1><p>{P[0]}</p>{items}</main><div hidden><p>{P[1]}</p></div></body></html>"


def test_a_closed_tab_or_accordion_panel_is_content_the_reader_opens():
    # the panel names the control that opens it: aria-labelledby, or role=tabpanel
    for attrs in ("hidden aria-labelledby='q{i}'", "role='tabpanel' aria-hidden='true'", "style='display:none' aria-labelledby='q{i}'"):
        body = boilerstrip.clean(_accordion(attrs))
        assert all(a in body for _, a in FAQ), attrs
        assert P[1] not in body  # a hidden element that is no panel is still chrome
    # named only from outside (a button's aria-controls): folded content, weighing nothing in the
    # region choice (see boilerstrip/html/hidden.py)
    body = boilerstrip.clean(_accordion("style='display:none'"))
    assert all(a in body for _, a in FAQ) and P[1] not in body


def test_a_hidden_menu_a_button_opens_is_still_chrome():
    # near miss: the hamburger's panel is named by aria-controls too, but its class names a menu
    menu = "<button aria-controls='nav1'>Menu</button><div id='nav1' class='mobile-menu' style='display:none'><p>" + P[2] + "</p></div>"
    body = boilerstrip.clean(_accordion("style='display:none'").replace("<main>", menu + "<main>"))
    assert P[2] not in body and all(a in body for _, a in FAQ)


def test_a_hidden_panel_is_still_chrome_by_its_name_or_tag():
    from selectolax.lexbor import LexborHTMLParser

    from boilerstrip.html.dom import chrome_reason
    from boilerstrip.html.hidden import HIDDEN

    menu = "<div id='m' class='menu-panel' role='tabpanel' hidden><a href='/'>Home</a></div><nav id='v' aria-labelledby='b' hidden>x</nav>"
    tree = LexborHTMLParser(f"<html><body>{menu}<div id='n' hidden>x</div></body></html>")
    assert chrome_reason(tree.css_first("#m")) == "class/id 'menu'"
    assert chrome_reason(tree.css_first("#v")) == "<nav> element"
    assert chrome_reason(tree.css_first("#n")) == HIDDEN


def test_class_words_are_words_not_hashes_or_utility_expressions():
    from selectolax.lexbor import LexborHTMLParser

    from boilerstrip.html.dom import chrome_reason

    def reason(cls: str) -> str | None:
        return chrome_reason(LexborHTMLParser(f"<html><body><div class='{cls}'><p>Text.</p></div></body></html>").css_first("div"))

    assert reason("hJDwNd-AhqUyc jXK9ad D2fZ2") is None  # a generated hash ending in "ad"
    assert reason("cta-8d75ad3b") is None
    assert reason("stack lg:first:has-[>[data-slot=banner]]:pt-0") is None  # the CSS it applies, not its name
    assert reason("ad-box") == "class/id 'ad'"
    assert reason("sidebar2") == "class/id 'sidebar'"
    assert reason("banner hover:bg-accent") == "class/id 'banner'"
    # end to end: a page whose every section carries a hash with "ad" in it keeps its text
    html = f"<html><body>{MENU}" + "".join(f"<div class='x{i}ad q9ad'><p>{p}</p></div>" for i, p in enumerate(P)) + "</body></html>"
    assert boilerstrip.clean(html) == "\n\n".join(P)



def test_an_id_spelling_its_heading_is_an_anchor_not_a_chrome_name():
    from selectolax.lexbor import LexborHTMLParser

    from boilerstrip.html.dom import chrome_reason

    def reason(html: str) -> str | None:
        return chrome_reason(LexborHTMLParser(f"<html><body>{html}</body></html>").css_first("body > *"))

    # a docs generator's anchors: the section's or the heading's id is its heading's words
    assert reason("<section id='respond-to-review-comments'><h2>Respond to review comments</h2><p>Text.</p></section>") is None
    assert reason("<h3 id='Skip_package_from_being_upgraded'>Skip package from being upgraded</h3>") is None
    assert reason("<section id='editing-shared-menus'><h2>2.1 Editing shared menus</h2></section>") is None  # numbered heading
    # near misses: one or two words are how themes name chrome boxes; an id that is not the heading
    assert reason("<div id='comments'><h3>Comments</h3><p>Nice post.</p></div>") == "class/id 'comments'"
    assert reason("<div id='related-posts'><h3>Related posts</h3></div>") == "class/id 'related'"
    assert reason("<div id='share-buttons-top-row'><h3>Tell your friends</h3></div>") == "class/id 'share'"
    # one word is an anchor too when the heading links to it (the permalink a generator sets after it) ...
    assert reason("<section id='cookies'><h2>Cookies<a class='headerlink' href='#cookies'>¶</a></h2><p>Read them.</p></section>") is None
    # ... not when the link goes elsewhere, or the heading is not the id's words
    assert reason("<div id='cookies'><h2>Cookies<a href='/privacy#cookies'>¶</a></h2><p>We use them.</p></div>") == "class/id 'cookies'"
    assert reason("<div id='comments'><h3>Leave a reply<a href='#comments'>¶</a></h3></div>") == "class/id 'comments'"
    # end to end: the section about review comments stays in the guide
    sec = "Your patch will almost certainly get comments from reviewers, and each of them deserves a reply before you send the next version."
    html = f"<html><body>{MENU}<main><h1>Submitting patches</h1>" + "".join(f"<p>{p}</p>" for p in P)
    html += f"<section id='respond-to-review-comments'><h2>Respond to review comments</h2><p>{sec}</p></section><p>{P[0]} Again.</p></main></body></html>"
    assert sec in boilerstrip.clean(html)

def test_the_header_of_a_section_is_content_the_page_banner_and_attribution_lines_are_not():
    intro = "Our favourite quick dinners, all ready in under thirty minutes and tested in a home kitchen."
    entries = "".join(f"<li><a href='/r{i}'>Quick dinner recipe number {i}</a> <span>{i}0 reviews</span></li>" for i in range(8))
    html = (
        f"<html><body><header><a href='/'>Recipes home</a> <a href='/about'>About us</a></header><main>"
        f"<p>{P[0]}</p><p>{P[1]}</p><p>{P[2]}</p>"
        f"<section><header><h2>Quick dinners</h2><p>{intro}</p></header><ul>{entries}</ul></section>"
        f"<article><header><a href='/u/ann'>ann</a> <time>Oct 28, 2023</time></header><p>{P[0].replace('city', 'town')}</p></article>"
        "</main></body></html>"
    )
    blocks = parse(html).blocks
    chrome = {b.text: b.chrome for b in blocks if b.chrome}
    assert chrome == {"Recipes home About us": "<header> element", "ann Oct 28, 2023": "<header> element"}
    assert {"Quick dinners", intro} <= {b.text for b in blocks}


SLIDES = [
    "Our kitchen was finished in four weeks, and the team cleaned up every evening before they went home.",
    "They explained every choice of material to us, and the final bill matched the quote to the last cent.",
    "We have recommended them to our neighbours, who are now planning a new bathroom with the same crew.",
]


def _carousel(slide_attrs: str) -> str:
    slides = "".join(
        f"<div class='slide' {'' if i == 0 else slide_attrs}><p>{s}</p></div>" for i, s in enumerate(SLIDES)
    )
    return f"<html><body>{MENU}<main><h1>Kitchen renovation</h1><p>{P[0]}</p><p>{P[1]}</p><div class='reviews'>{slides}</div></main></body></html>"


def test_aria_hidden_slides_are_content_a_screen_reader_skips():
    # a carousel's other slides (or a closed answer) are aria-hidden, not hidden from the eye
    body = boilerstrip.clean(_carousel("aria-hidden='true'"))
    assert all(s in body for s in SLIDES) and P[0] in body


def test_aria_hidden_near_miss_hidden_attribute_or_chrome_name_still_goes():
    for attrs in ("hidden aria-hidden='true'", "style='display:none'"):
        body = boilerstrip.clean(_carousel(attrs))
        assert SLIDES[0] in body and not any(s in body for s in SLIDES[1:]), attrs
    menu = "<div class='mobile-menu' aria-hidden='true'><ul>" + "".join(f"<li><a href='/m{i}'>Menu entry {i}</a></li>" for i in range(12)) + "</ul></div>"
    body = boilerstrip.clean(_carousel("aria-hidden='true'").replace("<main>", menu + "<main>"))
    assert "Menu entry" not in body


def test_aria_hidden_text_does_not_pick_the_main_region():
    # a closed drawer of long text elsewhere on the page weighs nothing in the main-content choice:
    # the visible article stays the region (the drawer's prose would outweigh it)
    drawer = "<div class='drawer' aria-hidden='true'>" + "".join(f"<p>{p} {q}</p>" for p in P for q in P) + "</div>"
    html = f"<html><body>{drawer}{MENU}<div class='story'>" + "".join(f"<p>{p}</p>" for p in P) + "</div><p>Sign up</p></body></html>"
    blocks = parse(html).blocks
    out = select(blocks)
    kept = [b.text for b, r in zip(blocks, out, strict=True) if r is None]
    assert kept == P


#: A consent "preference centre": a dialog of several purposes, each a heading and a paragraph of
#: legal prose, left in the markup after a page of short entries (more text than the entries).
CONSENT = "".join(
    f"<h4>Purpose {i}</h4><p>With your permission we and our partners may store and access information on your device to "
    f"measure how content number {i} performs, build profiles of your interests and develop and improve our services.</p>"
    for i in range(8)
)
ENTRIES = "".join(
    f"<div class='card'><h3><a href='/r{i}'>Weeknight recipe number {i} with rice and greens</a></h3><span>{i + 3} ratings</span></div>"
    for i in range(12)
)


@pytest.mark.parametrize("opening", ["<div role='dialog' aria-modal='true' aria-label='Preferences'>", "<dialog open>", "<div role='alertdialog'>"])
def test_a_dialog_stays_chrome_however_much_of_the_page_text_it_holds(opening):
    closing = "</dialog>" if opening.startswith("<dialog") else "</div>"
    html = f"<html><body><h1>Dinner recipes</h1><div class='grid'>{ENTRIES}</div>{opening}{CONSENT}{closing}</body></html>"
    page = parse(html)
    dialog = [b for b in page.blocks if b.chrome]
    assert len(dialog) == 1 and "Purpose 0" in dialog[0].text and "Purpose 7" in dialog[0].text  # one block, logged as chrome
    assert len(dialog[0].text) > 0.35 * sum(len(b.text) for b in page.blocks)  # it outweighs the share that spares other chrome
    out = boilerstrip.clean(html)
    assert "partners" not in out and "Weeknight recipe number 11 with rice and greens" in out


def test_a_dialog_holding_the_article_is_kept():
    html = f"<html><body>{MENU}<div role='dialog'><article>" + "".join(f"<p>{p}</p>" for p in P) + "</article></div></body></html>"
    assert boilerstrip.clean(html) == "\n\n".join(P)


def _plain_accordion(body_attrs: str, toggle: str = "div", link_body: bool = False) -> str:
    # an FAQ built from styled divs: no button, no ARIA; each item a question and its closed answer
    def body(a: str) -> str:
        return "".join(f"<a href='/x{i}'>{w}</a> " for i, w in enumerate(a.split())) if link_body else f"<p>{a}</p>"

    items = "".join(f"<div class='faq-item'><{toggle} class='q'>{q}</{toggle}><div class='a' {body_attrs}>{body(a)}</div></div>" for q, a in FAQ)
    return f"<html><body>{MENU}<main><h1>Questions</h1><p>{P[0]}</p><p>{P[2]}</p><div class='faq'>{items}</div></main><div hidden><p>{P[1]}</p></div></body></html>"


def test_a_closed_accordion_without_aria_is_content_the_reader_opens():
    # a run of items, each a short visible toggle then one hidden body of prose (see .hidden)
    for attrs in ("style='visibility:hidden'", "style='display: none'", "hidden"):
        body = boilerstrip.clean(_plain_accordion(attrs))
        assert all(a in body for _, a in FAQ), attrs
        assert P[1] not in body  # a lone hidden element is still chrome


def test_an_accordion_needs_a_run_of_items_of_prose():
    from selectolax.lexbor import LexborHTMLParser

    from boilerstrip.html.hidden import is_accordion_body

    def bodies(html: str) -> list[bool]:
        return [is_accordion_body(n) for n in LexborHTMLParser(html).css("div.a")]

    assert bodies(_plain_accordion("hidden")) == [True, True, True]
    # one item alone: a closed box after a heading is a menu or a notice as often as an answer
    one = "<html><body><div class='box'><div class='faq-item'><div>Question?</div><div class='a' hidden><p>" + FAQ[0][1] + "</p></div></div></div></body></html>"
    assert bodies(one) == [False]
    # a closed drop-down of links under each menu label is a submenu, not an answer
    assert bodies(_plain_accordion("hidden", link_body=True)) == [False, False, False]
    # a first child longer than a toggle's label is a teaser, not the control; the item after it
    # still has a neighbour of its shape, the first one has none
    long_q = _plain_accordion("hidden").replace(FAQ[1][0], " ".join(["word"] * 40))
    assert bodies(long_q) == [False, False, False]
    long_q = _plain_accordion("hidden").replace(FAQ[0][0], " ".join(["word"] * 40))
    assert bodies(long_q) == [False, True, True]
    # its own chrome name still removes the body
    named = boilerstrip.clean(_plain_accordion("hidden").replace("class='a'", "class='menu-panel'"))
    assert not any(a in named for _, a in FAQ)
