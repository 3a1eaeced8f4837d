"""How the own region and trafilatura's text are combined (boilerstrip/html/blocks.py), and DOM
edge cases of the flattener (boilerstrip/html/dom.py). Pages are built by hand; trafilatura's
output is given as text (MainText), so these tests do not depend on trafilatura's version."""

from __future__ import annotations

from pathlib import Path

import boilerstrip
from boilerstrip.html.blocks import BY_TRAFILATURA, TRAF_ONLY, MainText, decide, select
from boilerstrip.html.dom import parse
from boilerstrip.html.entries import keep_entries
from boilerstrip.html.structure import keep_structure

FIX_HTML = Path(__file__).resolve().parent.parent / "fixtures" / "html"

PROSE = [
    "The council approved the new budget on Tuesday evening after a debate that lasted almost four hours.",
    "Spending on schools rises by three percent, while the road maintenance fund is cut for the second year running.",
    "Opposition members said the cuts would leave several bridges without repairs until at least next spring.",
    "The mayor replied that the city had no choice, given the fall in tax revenue since the factory closed.",
    "A final vote on the housing plan was postponed until the December session of the council.",
    "Residents can comment on the plan at the town hall or online until the end of November.",
]


def _p(text: str) -> str:
    return f"<p>{text}</p>"


def test_trafilatura_text_matches_blocks_whatever_its_spacing_around_inline_tags():
    quote = "„Geeignete Konzepte und Methoden hierfür sind aktuell nicht verfügbar oder nicht ausgereift“, sagt sie heute in Bonn."
    (block,) = parse("<html><body><div>" + _p(quote) + "</div></body></html>").blocks
    # trafilatura pads quotes and inline elements with spaces the page does not have
    traf = MainText("„ Geeignete Konzepte und Methoden hierfür sind aktuell nicht verfügbar oder nicht ausgereift “, sagt sie heute in Bonn.")
    assert traf.has(block)
    assert not MainText("Ganz andere Worte über etwas anderes, die in keinem Absatz der Seite stehen.").has(block)


def test_lead_at_the_top_of_the_own_region_stays_when_trafilatura_skips_it():
    lead = "Short version: the council passed the budget, cut the road fund and put off the housing vote until December."
    html = "<html><body><nav><a href='/'>Home</a> <a href='/news'>News</a></nav><div class='story'>" + _p(lead) + "".join(_p(t) for t in PROSE) + "</div></body></html>"
    p = parse(html)
    own = select(p.blocks)
    traf = MainText("\n".join(PROSE))  # trafilatura starts at the body, without the lead
    drop, source = decide(p.blocks, own, traf)
    kept = [b.text for b, d in zip(p.blocks, drop, strict=True) if d is None]
    assert source == "both"
    assert kept == [lead, *PROSE]


def test_paragraph_above_the_region_is_not_a_lead_when_the_scan_reaches_no_edge():
    # the same lead, but seven link lines between it and the body: too far up to be the lead
    lead = "Short version: the council passed the budget, cut the road fund and put off the housing vote until December."
    links = "".join(f"<div><a href='/t{k}'>Topic number {k}</a></div>" for k in range(7))
    html = "<html><body><div class='story'>" + _p(lead) + links + "".join(_p(t) for t in PROSE) + "</div></body></html>"
    p = parse(html)
    drop, _ = decide(p.blocks, select(p.blocks), MainText("\n".join(PROSE)))
    lead_index = next(i for i, b in enumerate(p.blocks) if b.text == lead)
    assert drop[lead_index] == BY_TRAFILATURA


def test_trafilatura_fragment_inside_the_own_region_does_not_cut_the_article():
    long_prose = [f"{t} It was the {k + 1}th item on a long agenda." for k, t in enumerate(PROSE * 3)]
    html = "<html><body><div class='story'>" + "".join(_p(t) for t in long_prose) + "</div></body></html>"
    p = parse(html)
    own = select(p.blocks)
    # trafilatura returned only the last paragraph (it lost its way in the markup): a fragment
    drop, source = decide(p.blocks, own, MainText(long_prose[-1] + " " + "x" * 600))
    assert source == "own"
    assert drop == [None] * len(long_prose)


def test_same_kind_paragraphs_after_a_truncated_trafilatura_text_stay():
    head = PROSE[:3]
    tail = [f"{t} (continued)" for t in PROSE[3:]]
    promo = "Subscribe to our weekly letter: all the council news in your inbox every Friday morning, free of charge."
    html = "<html><body><div class='story'>" + "".join(_p(t) for t in head + tail) + "<div class='box'><span>" + promo + "</span></div>" + "</div></body></html>"
    p = parse(html)
    own = select(p.blocks)
    traf = MainText("\n".join(head) + "\n" + "y" * 500)  # stops after three paragraphs
    drop, source = decide(p.blocks, own, traf)
    kept = [b.text for b, d in zip(p.blocks, drop, strict=True) if d is None]
    assert source == "trafilatura"
    assert kept == head + tail  # the paragraphs that follow, same tag and depth; not the promo div


def _sections(names: list[str]) -> list[list[str]]:
    return [[f"In {name}, {t} Our {name} team does this for every client, whatever the {name} job." for t in PROSE[:4]] for name in names]


def test_sections_trafilatura_skips_between_the_parts_it_keeps_stay():
    # a service page: trafilatura keeps the intro and the last section, and leaves out the two
    # sections between them (their headings, their paragraphs): the own region decides
    parts = _sections(["planning", "design", "building", "care"])
    html = "<html><body><div class='page'>" + "".join(f"<h2>Section {k}</h2>" + "".join(_p(t) for t in ps) for k, ps in enumerate(parts)) + "</div></body></html>"
    p = parse(html)
    drop, source = decide(p.blocks, select(p.blocks), MainText("\n".join(parts[0] + parts[3])))
    assert source == "own"
    assert all(d is None for d in drop)


def test_sections_near_miss_a_tail_after_the_text_trafilatura_keeps_still_goes():
    # the same amount left out, but after trafilatura's text (a comment thread under an article): trimmed
    parts = _sections(["planning", "design", "building", "care"])
    comments = "<h2>Comments</h2><ol>" + "".join(f"<li>{_p(t)}</li>" for t in parts[2] + parts[3]) + "</ol>"
    html = "<html><body><div class='page'>" + "".join(_p(t) for t in parts[0] + parts[1]) + comments + "</div></body></html>"
    p = parse(html)
    drop, source = decide(p.blocks, select(p.blocks), MainText("\n".join(parts[0] + parts[1][:2])))
    kept = [b.text for b, d in zip(p.blocks, drop, strict=True) if d is None]
    assert source == "trafilatura"
    assert parts[2][0] not in kept and parts[0][0] in kept


def test_caption_class_on_an_article_wrapper_is_not_a_figure():
    wrapper = "<div class='media-article'><h1>Budget passed</h1>" + "".join(_p(t) for t in PROSE) + "</div>"
    html = "<html><body>" + wrapper + "<div class='image-caption'><p>The council chamber on Tuesday.</p></div></body></html>"
    by_text = {b.text: b for b in parse(html).blocks}
    assert not by_text[PROSE[0]].in_figure  # 'media' on a wrapper of 600+ chars
    assert by_text["The council chamber on Tuesday."].in_figure


def test_caption_class_on_the_article_head_is_not_a_figure():
    head = "<div class='media-head'><h1>Budget passed</h1><p>The council passed the budget and put off the housing vote.</p></div>"
    by_text = {b.text: b for b in parse("<html><body>" + head + "</body></html>").blocks}
    assert not by_text["The council passed the budget and put off the housing vote."].in_figure


def test_body_swallowed_by_an_unclosed_noscript_is_recovered():
    html = "<html><body><noscript><img src='/pixel.gif'>" + "<div class='story'>" + "".join(_p(t) for t in PROSE) + "</div></body></html>"
    assert boilerstrip.clean(html) == "\n\n".join(PROSE)


def test_small_noscript_is_still_dropped():
    html = "<html><body><noscript>Please enable JavaScript to use all the features of this site.</noscript><div>" + "".join(_p(t) for t in PROSE) + "</div></body></html>"
    assert "JavaScript" not in boilerstrip.clean(html)


def test_list_items_trafilatura_leaves_out_stay_when_their_list_is_kept():
    items = ["200 g flour", "3 eggs", "1 pinch of salt", "250 ml milk"]
    html = "<html><body><div class='recipe'>" + "".join(_p(t) for t in PROSE) + "<ul>" + "".join(f"<li>{t}</li>" for t in items) + "</ul></div></body></html>"
    p = parse(html)
    own = select(p.blocks)
    traf = MainText("\n".join(PROSE + [items[0], items[1], items[3]]))  # one item lost
    drop, source = decide(p.blocks, own, traf)
    kept = [b.text for b, d in zip(p.blocks, drop, strict=True) if d is None]
    assert source == "both"
    assert kept == PROSE + items


def test_headings_after_the_last_kept_paragraph_go():
    html = "<html><body><div class='story'><h2>What the council decided</h2>" + "".join(_p(t) for t in PROSE) + "<h3>More from the town hall</h3></div></body></html>"
    p = parse(html)
    drop, _ = decide(p.blocks, select(p.blocks), MainText("\n".join(["What the council decided", *PROSE, "More from the town hall"])))
    kept = [b.text for b, d in zip(p.blocks, drop, strict=True) if d is None]
    assert kept == ["What the council decided", *PROSE]  # the heading above paragraphs stays


def test_a_page_set_in_headings_only_keeps_them():
    heads = ["<h2>Poster contest for children</h2>", "<h3>Children from 6 to 12 can take part until April.</h3>", "<h4>Send your poster to the town hall.</h4>"]
    p = parse("<html><body><div>" + "".join(heads) + "</div></body></html>")
    texts = [b.text for b in p.blocks]
    drop, _ = decide(p.blocks, [None] * len(texts), MainText("\n".join(texts)))
    assert drop == [None] * len(texts)


def test_a_teaser_box_without_a_link_is_the_lead_not_chrome():
    lead = "The council passed the budget on Tuesday and postponed the housing vote until its December session."
    html = (
        "<html><body><div class='story'><h1>Budget passed</h1><div class='intro-teaser'>"
        + lead
        + "</div>"
        + "".join(_p(t) for t in PROSE)
        + "<div class='teaser'><a href='/other'>Other news: the new harbour tunnel opens on Thursday morning</a></div>"
        + "</div></body></html>"
    )
    by_text = {b.text: b for b in parse(html).blocks}
    assert by_text[lead].chrome is None
    assert by_text["Other news: the new harbour tunnel opens on Thursday morning"].chrome == "class/id 'teaser'"


def test_lead_below_a_kept_caption_stays():
    lead = "Short version: the council passed the budget, cut the road fund and put off the housing vote until December."
    html = (
        "<html><body><div class='story'><h1>Budget passed</h1><figure><figcaption>The council chamber. Photo: Jan Berg</figcaption></figure>"
        + "<div>"
        + lead
        + "</div>"
        + "".join(_p(t) for t in PROSE)
        + "</div></body></html>"
    )
    p = parse(html)
    traf = MainText("\n".join(["The council chamber. Photo: Jan Berg", *PROSE]))  # caption yes, lead no
    drop, _ = decide(p.blocks, select(p.blocks), traf)
    kept = [b.text for b, d in zip(p.blocks, drop, strict=True) if d is None]
    assert lead in kept


def test_a_dateline_of_fields_does_not_weigh_as_prose():
    # a "PUBLISHED: ... | UPDATED: ..." line has commas but is a row of fields, not a sentence:
    # it must not pull the page head (title, standfirst heading) into the main region
    from boilerstrip.html.blocks import SHORT_WEIGHT, weight

    dateline, sentence = parse(
        "<html><body><div>PUBLISHED: 10:48, Tue, Nov 19, 2019 | UPDATED: 11:05, Tue, Nov 19, 2019</div>"
        "<p>Prices rose in every region | the report says, and the rise was steepest in the north.</p></body></html>"
    ).blocks
    assert weight(dateline) == SHORT_WEIGHT * len(dateline.text) < 0
    assert weight(sentence) == len(sentence.text)  # a punctuated sentence with a pipe is still prose


def test_named_anchor_left_open_does_not_make_the_article_a_link_list():
    # old hand-written pages: '<h2><a name="x">Title</h2>' and a stray '<a/>' leave an href-less
    # <a> open over the paragraphs that follow; they are text, not links
    body = "".join(_p(t) for t in PROSE)
    html = f"<html><body><h2><a name='intro'>Introduction</h2><div>{body}</div><p>See <a href='/x'>TCLUG<a/> for more.</p></body></html>"
    blocks = parse(html).blocks
    prose = [b for b in blocks if b.text in PROSE]
    assert len(prose) == len(PROSE) and all(b.link_chars == 0 for b in prose)
    assert next(b for b in blocks if b.text.startswith("See")).link_chars == len("TCLUG")
    assert [b.text for b in blocks if b.text in PROSE] == [b.text for b in blocks if b.text in PROSE and select(blocks)[blocks.index(b)] is None]


def test_short_trafilatura_pick_mostly_outside_a_long_own_region_does_not_replace_it():
    # trafilatura kept a pull quote of the article and footer lines outside it: too little, and
    # too much of it elsewhere, to stand for a long article
    long_prose = [f"{t} It was the {k + 1}th item on a long agenda." for k, t in enumerate(PROSE * 6)]
    outside = [f"Footer line number {k}: reproduction only with permission" for k in range(8)]
    html = "<html><body><div class='story'>" + "".join(_p(t) for t in long_prose) + "</div><div class='bottom'>" + "".join(_p(t) for t in outside) + "</div></body></html>"
    p = parse(html)
    own = select(p.blocks)
    assert [b.text for b, r in zip(p.blocks, own, strict=True) if r is None] == long_prose
    traf = MainText("\n".join([long_prose[5], *outside]))
    assert 500 <= len(traf) < 0.15 * sum(map(len, long_prose))
    drop, source = decide(p.blocks, own, traf)
    assert source == "own"
    assert [b.text for b, d in zip(p.blocks, drop, strict=True) if d is None] == long_prose


def test_article_split_by_an_inline_teaser_keeps_its_first_part():
    # the own region is the longer second part; trafilatura keeps both parts: the first part
    # comes back (the teaser between them does not), a byline alone above the body does not
    first = PROSE[:2]
    second = [f"{t} It was the {k + 1}th item on a long agenda." for k, t in enumerate(PROSE * 2)]
    byline = "By Jane Doe"
    title = "about the council and its budget, with a long teaser title that runs on to make you click it"
    links = "".join(f"<p><a href='/other{k}'>Another story number {k} {title}</a></p>" for k in range(2))
    teaser = f"<div class='box'><div>Advertisement</div><h3>Read also</h3>{links}</div>"
    html = (
        f"<html><body><h1>Council passes budget</h1><div><p>{byline}</p><div>{''.join(_p(t) for t in first)}</div>{teaser}"
        f"<section><div>{''.join(_p(t) for t in second)}</div></section></div></body></html>"
    )
    p = parse(html)
    own = select(p.blocks)
    assert not any(r is None for b, r in zip(p.blocks, own, strict=True) if b.text in first)
    drop, source = decide(p.blocks, own, MainText("\n".join([byline, *first, *second])))
    kept = [b.text for b, d in zip(p.blocks, drop, strict=True) if d is None]
    assert source == "both"
    assert kept == [*first, *second]


def test_quoted_tweet_in_the_article_stays_though_trafilatura_leaves_it_out():
    tweet = "Yes this is real and the state spent nearly half a million dollars on it"
    signature = "— Jane Roe (@janeroe) November 18, 2019"
    embed = f"<div class='social-media-embed'><blockquote class='twitter-tweet'><p>{tweet}</p>{signature}</blockquote></div>"
    share = "<div class='social-share'><a href='/s'>Share this story on social media</a></div>"
    html = "<html><body><div class='story'>" + "".join(_p(t) for t in PROSE[:3]) + embed + "".join(_p(t) for t in PROSE[3:]) + share + "</div></body></html>"
    p = parse(html)
    assert [b.in_embed for b in p.blocks if b.text in (tweet, signature)] == [True, True]
    drop, source = decide(p.blocks, select(p.blocks), MainText("\n".join(PROSE)))  # trafilatura skips embeds
    kept = [b.text for b, d in zip(p.blocks, drop, strict=True) if d is None]
    assert source == "both"
    assert kept == [*PROSE[:3], tweet, signature, *PROSE[3:]]  # the share box is still chrome


def test_printed_url_in_the_region_is_not_a_link_list():
    # a product list whose every item is followed by its address written out as a link; a real
    # link list (titles as anchors) inside the region still goes
    items = "".join(f"<p>{t}</p><p><a href='http://amzn.to/x{k}'>http://amzn.to/x{k}</a></p>" for k, t in enumerate(PROSE))
    related = "<p><a href='/r1'>Related story about the council budget</a></p>"
    p = parse(f"<html><body><div class='story'>{items}{related}</div></body></html>")
    own = select(p.blocks)
    kept = [b.text for b, r in zip(p.blocks, own, strict=True) if r is None]
    assert kept == [x for k, t in enumerate(PROSE) for x in (t, f"http://amzn.to/x{k}")]


def test_long_print_named_container_is_content_and_a_print_button_is_chrome():
    # each step holds under a third of the page's text (a chrome name on the whole text is
    # overruled anyway): its name alone decides
    texts = [f"{t} It was item {k} on a long agenda." for k, t in enumerate(PROSE)]
    steps = "".join(f"<div class='tip-print-step'>{_p(texts[k])}{_p(texts[k + 1])}</div>" for k in (0, 2, 4))
    steps += _p("More tips from our readers follow next week, with the best of the comments on this one. " * 2)
    button = "<div class='print-button'><span>Print this tip</span></div>"
    blocks = parse(f"<html><body><div>{button}{steps}</div></body></html>").blocks
    assert [b.chrome for b in blocks if b.text in texts] == [None] * len(texts)
    assert next(b for b in blocks if "Print this tip" in b.text).chrome is not None


def _structure_page() -> tuple[list, list, list]:
    html = (FIX_HTML / "structure_in_region.html").read_text(encoding="utf-8")
    p = parse(html)
    own = select(p.blocks)
    # trafilatura's text: the prose paragraphs only (it left the lists, subheadings and code out)
    prose = [b.text for b in p.blocks if b.tag == "p" and not b.chrome and "Copyright" not in b.text]
    drop, source = decide(p.blocks, own, MainText("\n".join(prose)))
    assert source == "both"
    return p.blocks, own, drop


def test_structure_of_the_agreed_region_that_trafilatura_drops_stays():
    blocks, _, drop = _structure_page()
    kept = {b.text for b, d in zip(blocks, drop, strict=True) if d is None}
    assert {"What you need", "Checking the reading", "A post or fence at least one metre high"} <= kept
    assert any(t.startswith("station --read rain") for t in kept)  # the <pre>


def test_structure_near_misses_short_items_and_a_lone_item_still_go():
    blocks, _, drop = _structure_page()
    gone = {b.text for b, d in zip(blocks, drop, strict=True) if d is not None}
    assert {"May 3, 2024", "4 min read", "Only one tip on its own list, it is a note and not a list"} <= gone


def test_structure_near_misses_linked_items_and_comment_paragraphs_in_list_items_still_go():
    items = "".join(f"<li><a href='/r{k}'>Related story number {k} about the weather</a></li>" for k in range(3))
    comments = "".join(f"<li><p>Comment {k}: I agree, the bridge repairs should have come first this year.</p></li>" for k in range(3))
    html = "<html><body><div class='story'>" + "".join(_p(t) for t in PROSE) + f"<ul>{items}</ul><ol>{comments}</ol></div></body></html>"
    p = parse(html)
    own = select(p.blocks)
    drop, source = decide(p.blocks, own, MainText("\n".join(PROSE)))
    assert source == "both"
    kept = [b.text for b, d in zip(p.blocks, drop, strict=True) if d is None]
    assert kept == PROSE


def test_structure_is_kept_end_to_end():
    body = boilerstrip.clean((FIX_HTML / "structure_in_region.html").read_text(encoding="utf-8"), input_format="html")
    assert "A screwdriver that fits the two supplied screws" in body and "rain_mm=0.0" in body
    assert "Copyright" not in body


# --------------------------------------------------------------------------- entry lists (entries.keep_entries)


def _entry_page() -> tuple[list, list]:
    p = parse((FIX_HTML / "entry_list.html").read_text(encoding="utf-8"))
    # trafilatura's text: the title and the blurb only, which is also the own prose region
    drop, _ = decide(p.blocks, select(p.blocks), MainText("Remote programming jobs\n" + next(b.text for b in p.blocks if b.text.startswith("Twelve new openings"))))
    return p.blocks, drop


def test_entry_list_is_kept_whole_when_it_outweighs_the_kept_blurb():
    blocks, drop = _entry_page()
    kept = {b.text for b, d in zip(blocks, drop, strict=True) if d is None}
    assert {"Backend Developer (Python)", "Developer Advocate", "Toronto, Canada", "$45,000 - $55,000 a year", "Posted a week ago"} <= kept


def test_entry_list_near_miss_menu_and_link_columns_still_go():
    # the footer's link columns are repeated siblings too (a heading and four links each), but
    # their blocks are one-word links: a link tree, not entries
    blocks, drop = _entry_page()
    gone = {b.text for b, d in zip(blocks, drop, strict=True) if d is not None}
    assert {"Company", "Careers", "Post a job", "Privacy", "LinkedIn"} <= gone
    assert any(b.text.startswith("Home Jobs") for b, d in zip(blocks, drop, strict=True) if d is not None)  # the nav


def test_entry_list_near_miss_teaser_grid_under_an_article_still_goes():
    # related stories (a linked title and an excerpt each) under an article: smaller than
    # ENTRY_OVER_KEPT times the article, so not the page's content
    teasers = "".join(
        f"<div class='card'><h3><a href='/s{k}'>Another story number {k} from the town hall</a></h3><p>What the council said about item {k} on the agenda.</p></div>"
        for k in range(6)
    )
    html = "<html><body><div class='story'>" + "".join(_p(t) for t in PROSE) + f"</div><div class='more'>{teasers}</div></body></html>"
    p = parse(html)
    drop, _ = decide(p.blocks, select(p.blocks), MainText("\n".join(PROSE)))
    assert [b.text for b, d in zip(p.blocks, drop, strict=True) if d is None] == PROSE


def _card_page(cards: int, blurb: str) -> tuple[list, list]:
    # a feed of posts: each entry is one link around its title and its tags (all link text)
    entries = "".join(
        f"<div class='post'><a href='/p{k}'><h2>How we moved service number {k} to the new cluster</h2><div>#ops #kubernetes #migration #{k}</div></a></div>"
        for k in range(cards)
    )
    html = f"<html><body><div class='intro'><p>{blurb}</p></div><div class='feed'>{entries}</div></body></html>"
    p = parse(html)
    drop, _ = decide(p.blocks, select(p.blocks), MainText(blurb))
    return p.blocks, drop


def test_a_list_of_link_cards_that_dwarfs_the_kept_text_is_kept():
    blocks, drop = _card_page(12, "Posts from the team about running our platform.")
    kept = [b.text for b, d in zip(blocks, drop, strict=True) if d is None]
    assert "How we moved service number 7 to the new cluster" in kept and "#ops #kubernetes #migration #7" in kept


def test_a_list_of_link_cards_near_miss_beside_text_it_does_not_dwarf_still_goes():
    # the same cards under a product description: "more like this", not the page; they hold over
    # ENTRY_OVER_KEPT but under ENTRY_LINKED_OVER_KEPT times its text
    blocks, drop = _card_page(8, PROSE[0])
    assert [b.text for b, d in zip(blocks, drop, strict=True) if d is None] == [PROSE[0]]


def _grid(cards: int) -> tuple[list, list]:
    # a shop's product grid: trafilatura keeps each card's price line, not its linked name or swatches
    colours = ["Sand", "Moss", "Ink", "Rust"]
    swatches = ["<div>" + "".join(f"<div><a href='/c{k}?c={c}'>{c}</a></div>" for c in colours) + "</div>" for k in range(cards)]
    html = "<html><body><div class='grid'>" + "".join(
        f"<div class='card'><h2><a href='/c{k}'>Travel cup {k}</a></h2>{swatches[k]}<div>Size {k} • 118ml ${k}9.95</div></div>" for k in range(cards)
    ) + "</div></body></html>"
    p = parse(html)
    drop, _ = decide(p.blocks, select(p.blocks), MainText("\n".join(f"Size {k} • 118ml ${k}9.95" for k in range(cards))))
    return p.blocks, drop


def test_entries_of_a_grid_of_which_trafilatura_keeps_one_piece_each_are_kept_whole():
    blocks, drop = _grid(6)
    assert all(d is None for d in drop)


def test_entries_near_miss_too_few_cards_keep_only_their_pieces():
    blocks, drop = _grid(4)
    assert [b.text for b, d in zip(blocks, drop, strict=True) if d is None] == [f"Size {k} • 118ml ${k}9.95" for k in range(4)]


def test_entry_list_page_end_to_end_keeps_entries_and_drops_the_link_columns():
    body = boilerstrip.clean((FIX_HTML / "entry_list.html").read_text(encoding="utf-8"), input_format="html")
    assert "London, United Kingdom" in body and "Posted three weeks ago" in body
    assert "Imprint" not in body and "Careers" not in body


def test_trafilatura_text_partly_outside_the_own_region_keeps_both_regions():
    # a service page: an intro trafilatura keeps, the sections below it the own region holds; they
    # sit in different branches (a menu between them), and trafilatura keeps only the first sections
    intro = [
        "We plan, build and look after gardens for families, schools and small businesses across the county.",
        "Every project starts with a free visit, a sketch of the ideas we discussed and a written quote.",
        "Our team of twelve gardeners has worked together for more than ten years.",
        "We also run short courses on pruning, planting and composting in spring and autumn.",
    ]
    menu = "<div class='links'>" + "".join(f"<a href='/s{i}'>Section number {i} of the site</a><br>" for i in range(40)) + "</div>"
    html = "<html><body><div class='intro'>" + "".join(_p(t) for t in intro) + "</div>" + menu + "<div class='sections'>" + "".join(_p(t) for t in PROSE) + "</div></body></html>"
    p = parse(html)
    own = select(p.blocks)
    assert [b.text for b, d in zip(p.blocks, own, strict=True) if d is None] == PROSE
    drop, source = decide(p.blocks, own, MainText("\n".join(intro + PROSE[:2])))
    kept = [b.text for b, d in zip(p.blocks, drop, strict=True) if d is None]
    assert source == "trafilatura"
    assert kept == intro + PROSE  # before: the intro and PROSE[:2] (what trafilatura kept), and no sibling rescue


# --------------------------------------------------------------------------- inner prose (blocks._inner_prose)


def _inner_page(middle: str, tail: str = "") -> tuple[list, list[str | None], str]:
    """A docs page: intro, a code sample, ``middle``, another sample, a closing paragraph, ``tail``;
    trafilatura keeps the intro and the closing paragraph (and, as it does, not ``middle``)."""
    intro, closing = PROSE[:3], PROSE[3:]
    html = (
        "<html><body><nav><a href='/'>Home</a> <a href='/docs'>Docs</a></nav><div class='doc'>"
        + "".join(_p(t) for t in intro)
        + "<pre>gauge --read rain</pre>"
        + middle
        + "<pre>gauge --reset</pre>"
        + "".join(_p(t) for t in closing)
        + tail
        + "</div></body></html>"
    )
    p = parse(html)
    drop, source = decide(p.blocks, select(p.blocks), MainText("\n".join(PROSE)))
    return p.blocks, drop, source


def test_prose_trafilatura_leaves_out_between_the_text_both_keep_stays():
    middle = "The reading is given in millimetres of rain since midnight, and it resets itself at the end of each day."
    blocks, drop, source = _inner_page(_p(middle))
    assert source == "both"
    kept = [b.text for b, d in zip(blocks, drop, strict=True) if d is None]
    assert middle in kept


def test_a_list_item_trafilatura_leaves_out_between_the_text_both_keep_stays():
    # one item (not a list _keep_structure keeps), with a link: of no tag the kept paragraphs have
    item = "Mount the gauge level: a tilted funnel catches less rain, see <a href='/level'>levelling</a> for how."
    blocks, drop, source = _inner_page(f"<ul><li>{item}</li></ul>")
    assert source == "both"
    kept = [b.text for b, d in zip(blocks, drop, strict=True) if d is None]
    assert any(t.startswith("Mount the gauge level") for t in kept)


def test_inner_prose_near_misses_a_tail_a_caption_a_link_line_and_a_box_of_another_tag_still_go():
    box = "<div>Get our newsletter. The best guides and tips, delivered to your inbox every week.</div>"
    caption = "<figure><figcaption>The gauge on its post, seen from the south side of the garden.</figcaption></figure>"
    links = "<p><a href='/a'>See the reset command</a> and <a href='/b'>the list of all other commands</a>.</p>"
    tail = _p("Was this page helpful? Tell us what we could explain better, we read every single answer.")
    blocks, drop, source = _inner_page(caption + links + box, tail)
    assert source == "both"
    gone = [b.text for b, d in zip(blocks, drop, strict=True) if d is not None]
    assert any(t.startswith("The gauge on its post") for t in gone)
    assert any(t.startswith("See the reset command") for t in gone)
    assert any(t.startswith("Was this page helpful?") for t in gone)
    assert any(t.startswith("Get our newsletter.") for t in gone)


# --------------------------------------------------------------------------- a grid of short items under a subheading


FEATURES = ["Audit logs", "Single sign-on", "Custom domains", "Daily backups", "Role-based access", "Priority support"]


def _grid_page(before: str, features: list[str]) -> tuple[list, list[str | None], str]:
    """A service page: intro, ``before``, a grid of feature names set in nested divs (no list
    markup), closing prose; trafilatura keeps the prose only (it drops such grids whole)."""
    cells = "".join(f"<div class='feature'><div class='cell'><div class='label'>{f}</div></div></div>" for f in features)
    html = (
        "<html><body><nav><a href='/'>Home</a> <a href='/pricing'>Pricing</a></nav><div class='page'>"
        + "".join(_p(t) for t in PROSE[:3])
        + before
        + f"<div class='grid'>{cells}</div>"
        + "".join(_p(t) for t in PROSE[3:])
        + "</div></body></html>"
    )
    p = parse(html)
    drop, source = decide(p.blocks, select(p.blocks), MainText("\n".join(PROSE)))
    return p.blocks, drop, source


def test_a_grid_of_short_items_under_a_kept_subheading_stays():
    blocks, drop, source = _grid_page("<h3>Included in every plan:</h3>", FEATURES)
    assert source == "both"
    kept = {b.text for b, d in zip(blocks, drop, strict=True) if d is None}
    assert "Included in every plan:" in kept
    assert set(FEATURES) <= kept


def test_grid_near_misses_no_subheading_above_it_or_too_few_items_still_go():
    # after a paragraph (a box of facts or a run of hidden metadata fields set in divs) ...
    blocks, drop, _ = _grid_page(_p("Every plan comes with a thirty day trial, no card needed."), FEATURES)
    kept = {b.text for b, d in zip(blocks, drop, strict=True) if d is None}
    assert not set(FEATURES) & kept
    # ... or three cells under a subheading: not a grid of items (keep_structure leaves them out;
    # decide keeps them all the same, as the text of the kept subheading: structure.keep_headed_text)
    blocks, drop, _ = _grid_page("<h3>Included in every plan:</h3>", FEATURES[:3])
    own = select(blocks)
    out = [None if b.text in PROSE or b.heading else BY_TRAFILATURA for b in blocks]
    out = [o if r is None else r for o, r in zip(out, own, strict=True)]
    keep_structure(blocks, own, out, BY_TRAFILATURA)
    assert not set(FEATURES[:3]) & {b.text for b, d in zip(blocks, out, strict=True) if d is None}
    assert set(FEATURES[:3]) <= {b.text for b, d in zip(blocks, drop, strict=True) if d is None}


# --------------------------------------------------------------------------- linked titles over kept text


ENTRIES = [
    ("Rain gauges for small gardens", "A short guide to choosing a gauge that fits a small garden and still reads accurately."),
    ("Reading a gauge after a storm", "How to read the gauge after heavy rain, and why the overflow tube matters in summer."),
    ("Winter care for outdoor gauges", "What to do before the first frost so that the funnel and the tube do not crack."),
]


def _titles_page(middle: str) -> tuple[list, list[str | None], str]:
    """A page: intro, ``middle``, closing prose; trafilatura keeps the prose and each entry's
    description, not the linked titles."""
    html = (
        "<html><body><nav><a href='/'>Home</a> <a href='/guides'>Guides</a></nav><div class='guides'>"
        + "".join(_p(t) for t in PROSE[:3])
        + middle
        + "".join(_p(t) for t in PROSE[3:])
        + "</div></body></html>"
    )
    p = parse(html)
    drop, source = decide(p.blocks, select(p.blocks), MainText("\n".join(PROSE[:3] + [d for _, d in ENTRIES] + PROSE[3:])))
    return p.blocks, drop, source


def test_linked_entry_titles_over_their_kept_descriptions_stay():
    entries = "".join(f"<h3><a href='/g{k}'>{t}</a></h3>{_p(d)}" for k, (t, d) in enumerate(ENTRIES))
    blocks, drop, source = _titles_page(entries)
    assert source == "both"
    kept = {b.text for b, d in zip(blocks, drop, strict=True) if d is None}
    assert {t for t, _ in ENTRIES} <= kept


def test_linked_titles_near_misses_a_run_of_headlines_and_a_title_over_a_heading_still_go():
    # a box of related headlines (linked headings in a row) between two kept descriptions ...
    run = "".join(f"<h4><a href='/r{k}'>{t}</a></h4>" for k, (t, _) in enumerate(ENTRIES))
    # ... and a linked title over a (linked) category line, not over kept text
    over = f"<h3><a href='/p'>{ENTRIES[0][0]} and more</a></h3><h4><a href='/c'>Advocacy Notes</a></h4>"
    middle = _p(ENTRIES[0][1]) + run + _p(ENTRIES[1][1]) + over + _p(ENTRIES[2][1])
    blocks, drop, source = _titles_page(middle)
    assert source == "both"
    kept = {b.text for b, d in zip(blocks, drop, strict=True) if d is None}
    assert not {t for t, _ in ENTRIES} & kept
    assert f"{ENTRIES[0][0]} and more" not in kept
    assert {d for _, d in ENTRIES} <= kept


# --------------------------------------------------------------------------- entry cards (entries._complete_cards)


def _cards(k: int) -> str:
    return (
        f"<div class='post-card'><h3><a href='/news/{k}'>Harbour works enter phase {k} of the renovation plan</a></h3>"
        f"<div class='meta'><a href='/author/{k}'>Staff</a></div>"
        f"<p>The port authority says berth {k} reopens to ferries once the new quay wall has been tested.</p></div>"
    )


def _teasers(n: int) -> list[str]:
    return [f"The port authority says berth {k} reopens to ferries once the new quay wall has been tested." for k in range(n)]


def test_linked_titles_of_entry_cards_whose_teasers_were_kept_stay():
    # a news section front: trafilatura keeps each card's teaser, not its linked title
    html = "<html><body><h1>Harbour news</h1><div class='feed'>" + "".join(_cards(k) for k in range(6)) + "</div></body></html>"
    p = parse(html)
    drop, _ = decide(p.blocks, select(p.blocks), MainText("\n".join(_teasers(6))), p.shape)
    kept = [b.text for b, d in zip(p.blocks, drop, strict=True) if d is None]
    assert all(f"Harbour works enter phase {k} of the renovation plan" in kept for k in range(6))
    assert "Staff" not in kept  # a short author link is no title


def test_entry_cards_near_miss_related_stories_beside_an_article_keep_only_their_teasers():
    # the same cards under an article, trafilatura keeping their teasers too: they hold under
    # CARD_TEXT_SHARE of the kept text, a box beside the page's content: their titles still go
    html = "<html><body><div class='story'>" + "".join(_p(t) for t in PROSE) + "</div><div class='related'>" + "".join(_cards(k) for k in range(6)) + "</div></body></html>"
    p = parse(html)
    drop, _ = decide(p.blocks, select(p.blocks), MainText("\n".join(PROSE + _teasers(6))), p.shape)
    kept = [b.text for b, d in zip(p.blocks, drop, strict=True) if d is None]
    assert not any(t.startswith("Harbour works") for t in kept)


def test_entry_cards_near_miss_too_few_cards_keep_only_their_teasers():
    html = "<html><body><h1>Harbour news</h1><div class='feed'>" + "".join(_cards(k) for k in range(3)) + "</div></body></html>"
    p = parse(html)
    drop, _ = decide(p.blocks, select(p.blocks), MainText("\n".join(_teasers(3))), p.shape)
    kept = [b.text for b, d in zip(p.blocks, drop, strict=True) if d is None]
    assert not any(t.startswith("Harbour works") for t in kept)


def test_entry_cards_of_one_kind_though_each_carries_its_own_classes():
    # a blog theme's entries: "entry post-17 category-harbour" ... one kind by their first class
    cards = "".join(_cards(k).replace("class='post-card'", f"class='post-card post-{k} category-c{k % 3}'") for k in range(6))
    p = parse(f"<html><body><h1>Harbour news</h1><div class='feed'>{cards}</div></body></html>")
    drop, _ = decide(p.blocks, select(p.blocks), MainText("\n".join(_teasers(6))), p.shape)
    kept = [b.text for b, d in zip(p.blocks, drop, strict=True) if d is None]
    assert all(f"Harbour works enter phase {k} of the renovation plan" in kept for k in range(6))



# --------------------------------------------------------------------------- link cards under a kept subheading (entries._keep_headed_cards)

SOUP_INTRO = "Soup is the easiest dinner we know: one pot, a few vegetables and half an hour on the stove."
SOUP_END = "Every recipe lists its ingredients by weight and by cup, and each one says how long it keeps in the freezer."


def _soup_card(k: int, linked_text: bool = True, name: str = "number") -> str:
    """A recipe card: its rating and its title, each a link (or a title and a short unlinked line)."""
    if linked_text:
        rating = f"<div class='rating'><a href='/r{k}#reviews'>{10 + k} reviews / 4.{k} average</a></div>"
        return f"<div class='card'>{rating}<h3><a href='/r{k}'>Roasted vegetable soup {name} {k}</a></h3></div>"
    return f"<div class='card'><h3><a href='/r{k}'>Roasted vegetable soup {name} {k}</a></h3><p>Carrots, leeks and beans, {name} {k}</p></div>"


def _soup_page(cards: int, linked_text: bool = True, tail: str = "") -> tuple[list, list, str]:
    """A listing: an intro, a section of recipe cards under its subheading, a closing section
    (``tail`` after it); trafilatura keeps the prose and the subheadings, not the cards."""
    grid = "".join(_soup_card(k, linked_text) for k in range(cards))
    html = (
        f"<html><body><h1>Soup recipes</h1><div class='page'>{_p(SOUP_INTRO)}<h2>Top rated soups</h2><div class='grid'>{grid}</div>"
        f"<h2>Weeknight soups</h2>{_p(SOUP_END)}{tail}</div></body></html>"
    )
    p = parse(html)
    traf = [SOUP_INTRO, "Top rated soups", "Weeknight soups", SOUP_END] + (["More soups"] if tail else [])
    drop, source = decide(p.blocks, select(p.blocks), MainText("\n".join(traf)), p.shape)
    return p.blocks, drop, source


def test_link_cards_right_under_a_kept_subheading_stay():
    blocks, drop, source = _soup_page(5)
    assert source == "trafilatura"
    kept = [b.text for b, d in zip(blocks, drop, strict=True) if d is None]
    assert all(f"Roasted vegetable soup number {k}" in kept and f"{10 + k} reviews / 4.{k} average" in kept for k in range(5))


def test_headed_cards_near_misses_too_few_cards_and_cards_with_unlinked_text_still_go():
    blocks, drop, _ = _soup_page(3)
    assert not any(b.text.startswith("Roasted vegetable soup") for b, d in zip(blocks, drop, strict=True) if d is None)
    # cards of a title and an unlinked line (a team's names over their roles, teasers): no link
    # cards; the step alone, on trafilatura's verdicts, leaves them out
    grid = "".join(_soup_card(k, linked_text=False) for k in range(5))
    p = parse(f"<html><body><div class='page'>{_p(SOUP_INTRO)}<h2>Top rated soups</h2><div class='grid'>{grid}</div><h2>Weeknight soups</h2>{_p(SOUP_END)}</div></body></html>")
    kept = {SOUP_INTRO, "Top rated soups", "Weeknight soups", SOUP_END}
    out: list[str | None] = [None if b.text in kept else TRAF_ONLY for b in p.blocks]
    keep_entries(p.blocks, out, frozenset({TRAF_ONLY}), p.shape)
    assert {b.text for b, d in zip(p.blocks, out, strict=True) if d is None} == kept


def test_headed_cards_near_miss_a_grid_under_a_heading_after_the_kept_text_still_goes():
    # "More soups" under the page's last paragraph: a related grid, not a section of the listing
    more = "<h2>More soups</h2><div class='more'>" + "".join(_soup_card(k, name="extra") for k in range(5)) + "</div>"
    blocks, drop, _ = _soup_page(5, tail=more)
    kept = [b.text for b, d in zip(blocks, drop, strict=True) if d is None]
    assert not any(t.startswith("Roasted vegetable soup extra") for t in kept)
