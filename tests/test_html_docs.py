"""Documentation and service pages in HTML mode (issue 13): linked terms of kept definitions, code
listings set as figures, and grids of prose boxes that trafilatura leaves out where it and the own
region agree (boilerstrip/html/structure.py, blocks._inner_prose). Pages are built by hand and
trafilatura's output is given as text (MainText), as in tests/test_html_combine.py."""

from __future__ import annotations

from boilerstrip.html.blocks import LINK_LIST, MainText, decide, select
from boilerstrip.html.dom import parse

INTRO = [
    "The rain gauge client reads a station's gauges over the network and reports each reading once a minute.",
    "Every reading carries the station's name, the time it was taken and the amount of rain since midnight.",
]
CLOSING = [
    "Readings older than a week are kept in the archive, where they can be fetched one day at a time.",
    "The client retries a failed request three times before it reports the station as unreachable.",
]


def _p(text: str) -> str:
    return f"<p>{text}</p>"


def _run(middle: str, traf: list[str]) -> tuple[list, list[str | None], str]:
    """A docs page: a sidebar, intro, ``middle``, closing prose; trafilatura keeps ``traf``."""
    html = (
        "<html><body><nav><a href='/'>Home</a> <a href='/docs'>Docs</a></nav><div class='doc'>"
        + "".join(_p(t) for t in INTRO)
        + middle
        + "".join(_p(t) for t in CLOSING)
        + "</div></body></html>"
    )
    p = parse(html)
    drop, source = decide(p.blocks, select(p.blocks), MainText("\n".join(traf)))
    return p.blocks, drop, source


def _kept(blocks: list, drop: list[str | None]) -> list[str]:
    return [b.text for b, d in zip(blocks, drop, strict=True) if d is None]


# --------------------------------------------------------------------------- linked terms (structure.keep_terms)

MEMBERS = [
    ("Gauge.reading", "The amount of rain since midnight, in millimetres, as the gauge last reported it."),
    ("Gauge.station", "The name of the station the gauge belongs to, as printed on its post."),
    ("Gauge.reset()", "Sets the reading back to zero; the gauge does this by itself at midnight."),
]


def test_a_linked_term_over_its_kept_definition_stays():
    terms = "<dl>" + "".join(f"<dt><a href='/{t}'>{t}</a></dt><dd><p>{d}</p></dd>" for t, d in MEMBERS) + "</dl>"
    blocks, drop, source = _run(terms, INTRO + [d for _, d in MEMBERS] + CLOSING)
    assert source == "both"
    kept = _kept(blocks, drop)
    assert [t for t, _ in MEMBERS] == [t for t in kept if t.startswith("Gauge.")]


def test_a_linked_cell_beside_its_kept_text_stays():
    rows = "".join(f"<tr><td><a href='/{t}'>{t}</a></td><td>{d}</td></tr>" for t, d in MEMBERS)
    blocks, drop, source = _run(f"<table>{rows}</table>", INTRO + [d for _, d in MEMBERS] + CLOSING)
    assert source == "both"
    assert {t for t, _ in MEMBERS} <= set(_kept(blocks, drop))


def test_term_near_misses_a_link_list_without_kept_text_and_a_link_line_in_the_kept_cell_still_go():
    # linked terms whose definitions are not kept (a box of links to other pages) ...
    terms = "<dl>" + "".join(f"<dt><a href='/{t}'>{t}</a></dt><dd><a href='/more'>More about it</a></dd>" for t, _ in MEMBERS) + "</dl>"
    blocks, drop, _ = _run(terms, INTRO + CLOSING)
    assert not any(t.startswith("Gauge.") for t in _kept(blocks, drop))
    assert LINK_LIST in drop
    # ... and a link line under the text of the kept cell itself (a post's "see also" in a forum table)
    (_, text), see = MEMBERS[0], "<a href='/more'>See the gauge reference</a>"
    blocks, drop, _ = _run(f"<table><tr><td>{text}<br>{see}</td></tr></table>", INTRO + [text] + CLOSING)
    kept = _kept(blocks, drop)
    assert text in kept and "See the gauge reference" not in kept


# --------------------------------------------------------------------------- code listings (structure._keep_listing_captions)

LISTING = "Listing 2-1: Reading a gauge and printing the amount of rain since midnight"


def test_a_code_listing_set_as_a_figure_stays_with_its_caption():
    figure = f"<figure class='listing'><pre><code>gauge = Gauge('north')\nprint(gauge.reading)</code></pre><figcaption>{LISTING}</figcaption></figure>"
    blocks, drop, source = _run(figure, INTRO + CLOSING)
    assert source == "both"
    kept = _kept(blocks, drop)
    assert any(t.startswith("gauge = Gauge('north')") for t in kept)
    assert LISTING in kept


def test_listing_near_miss_an_image_caption_still_goes():
    caption = "The north gauge on its post, seen from the south side of the station's garden"
    figure = f"<figure><img src='gauge.jpg' alt=''><figcaption>{caption}</figcaption></figure>"
    blocks, drop, source = _run(figure, INTRO + CLOSING)
    assert source == "both"
    assert caption not in _kept(blocks, drop)


# --------------------------------------------------------------------------- grids of prose boxes (structure.grid_boxes)

NOTES = [
    "Tip: a gauge that reports no rain for a month may have a blocked funnel, so check it first.",
    "Warning: resetting a gauge by hand erases the day's reading, and it cannot be fetched again.",
    "Note: stations in the mountains report every five minutes to save the battery of the gauge.",
]


def _boxes(n: int) -> str:
    """``n`` note boxes among the paragraphs, each alone in its element (a docs page's admonitions)."""
    return "".join(_p(f"The gauge keeps working in frost down to minus {10 * (k + 1)} degrees.") + f"<div class='box'>{NOTES[k]}</div>" for k in range(n))


def test_a_grid_of_prose_boxes_trafilatura_leaves_out_stays():
    blocks, drop, source = _run(_boxes(3), INTRO + [f"The gauge keeps working in frost down to minus {10 * (k + 1)} degrees." for k in range(3)] + CLOSING)
    assert source == "both"
    assert set(NOTES) <= set(_kept(blocks, drop))


def test_box_near_miss_two_boxes_are_no_grid_and_still_go():
    # (one box between paragraphs, a newsletter sign-up, is tests/test_html_combine.py's near miss)
    blocks, drop, source = _run(_boxes(2), INTRO + [f"The gauge keeps working in frost down to minus {10 * (k + 1)} degrees." for k in range(2)] + CLOSING)
    assert source == "both"
    assert not set(NOTES[:2]) & set(_kept(blocks, drop))


# --------------------------------------------------------------------------- linked lines (structure.keep_linked_lines)

STEPS = [
    "Install the rain gauge client on the station's computer",
    "Register the station with the network's archive",
    "Set the gauge's reporting interval in the client",
]
SEE = "See Reading a gauge for the fields of every reading."


def _linked(items: list[str], para: str = SEE) -> str:
    """A list of linked steps and a linked sentence among the paragraphs (a docs page's how-to)."""
    return "<ul>" + "".join(f"<li><a href='/{k}'>{t}</a></li>" for k, t in enumerate(items)) + f"</ul><p><a href='/reading'>{para}</a></p>"


def test_linked_lines_trafilatura_keeps_between_the_text_stay():
    blocks, drop, source = _run(_linked(STEPS), INTRO + STEPS + [SEE] + CLOSING)
    assert source == "both"
    kept = _kept(blocks, drop)
    assert set(STEPS) <= set(kept) and SEE in kept


def test_linked_line_near_misses_links_trafilatura_drops_short_labels_and_a_linked_title_still_go():
    # the same links, left out by trafilatura (a box of links to other pages) ...
    blocks, drop, _ = _run(_linked(STEPS), INTRO + CLOSING)
    kept = _kept(blocks, drop)
    assert not set(STEPS) & set(kept) and SEE not in kept
    # ... short link labels trafilatura keeps (a link column: "Home page", "Source") ...
    labels = ["Home page", "Source code", "Issue tracker"]
    blocks, drop, _ = _run(_linked(labels), INTRO + labels + [SEE] + CLOSING)
    kept = _kept(blocks, drop)
    assert not set(labels) & set(kept)
    # ... and a linked paragraph that is no sentence (a teaser's title)
    title = "Reading a gauge and the fields of every reading it reports"
    blocks, drop, _ = _run(_linked(STEPS, title), INTRO + STEPS + [title] + CLOSING)
    assert title not in _kept(blocks, drop)



SETTINGS = ["gauge.interval", "gauge.station_name", "archive.retention_days"]
ANNOUNCE = "The client reads the following settings from its configuration file:"


def _announced(line: str, at_end: bool = False, linked: bool = True) -> tuple[list, list[str | None], str]:
    """A list of setting names (linked, or plain short items) under ``line``, among the text or
    after its last paragraph; trafilatura keeps the line and the text around, not the items."""
    items = "<ul>" + "".join(f"<li><a href='/settings#{t}'>{t}</a></li>" if linked else f"<li>{t}</li>" for t in SETTINGS) + "</ul>"
    html = (
        "<html><body><nav><a href='/'>Home</a> <a href='/docs'>Docs</a></nav><div class='doc'>"
        + "".join(_p(t) for t in INTRO + ([] if at_end else CLOSING))
        + _p(line)
        + items
        + "</div></body></html>"
    )
    p = parse(html)
    drop, source = decide(p.blocks, select(p.blocks), MainText("\n".join(INTRO + ([] if at_end else CLOSING) + [line])))
    return p.blocks, drop, source


def test_a_list_a_kept_paragraph_announces_stays():
    # links (dropped as link text) or short plain items (left out by trafilatura)
    for at_end in (False, True):
        for linked in (True, False):
            blocks, drop, source = _announced(ANNOUNCE, at_end, linked)
            assert source == "both"
            assert set(SETTINGS) <= set(_kept(blocks, drop)), (at_end, linked)


def test_announced_list_near_misses_a_short_label_or_a_line_without_a_colon():
    for line in ("Related:", "The client reads its settings from its configuration file."):
        for linked in (True, False):
            blocks, drop, _ = _announced(line, linked=linked)
            assert not set(SETTINGS) & set(_kept(blocks, drop)), (line, linked)

# --------------------------------------------------------------------------- skipped prose (blocks._keep_skipped_prose)

OFFER = [
    "The station kit holds a gauge, a post, a cable and the client software, and it arrives ready to be set up in a day.",
    "Our engineers set the station up for you, check every gauge on the spot and register it with the network's archive.",
    "Each station is serviced twice a year: we clean the funnels, test the cables and replace any gauge that drifts.",
]


def _sections(skipped: str) -> tuple[list, list[str | None], str]:
    """A service page: the own region is its intro (a row of links parts it from the sections
    below), and trafilatura's text runs on into those sections (the two picked different regions),
    skipping ``skipped`` between two it keeps."""
    intro = "".join(_p(t) for t in INTRO + CLOSING)
    links = " ".join(f"<a href='/station/{k}'>Rain gauge station number {k}</a>" for k in range(16))
    html = (
        f"<html><body><div class='intro'>{intro}</div><div class='more'>{links}</div><div class='offer'>"
        f"<section><h2>The kit</h2>{_p(OFFER[0])}</section><section><h2>Set-up</h2>{skipped}</section>"
        f"<section><h2>Service</h2>{_p(OFFER[2])}</section></div></body></html>"
    )
    p = parse(html)
    drop, source = decide(p.blocks, select(p.blocks), MainText("\n".join(INTRO + CLOSING + [OFFER[0], OFFER[2]])))
    return p.blocks, drop, source


def test_prose_trafilatura_skips_between_its_sections_stays():
    blocks, drop, source = _sections(_p(OFFER[1]))
    assert source == "trafilatura"
    assert OFFER[1] in _kept(blocks, drop)


def test_skipped_prose_near_miss_a_line_at_another_depth_still_goes():
    # the same sentence set one level deeper (a card's line in a grid, not a section's paragraph)
    blocks, drop, source = _sections(f"<div class='card'>{_p(OFFER[1])}</div>")
    assert source == "trafilatura"
    assert OFFER[1] not in _kept(blocks, drop)


# --------------------------------------------------------------------------- text of kept subheadings (structure.keep_headed_text)

FEATURES = [
    ("Live readings", "Every gauge, once a minute"),
    ("Alerts", "A message when rain passes your limit"),
    ("Archive", "A year of readings, day by day"),
]


def _cards(features: list[tuple[str, str]], after: str = "") -> str:
    """A service page's feature cards: a subheading over a short line each (too short, and
    unpunctuated, for the inner-prose test), and ``after`` the last card."""
    return "".join(f"<div class='card'><h3>{h}</h3><p>{t}</p></div>" for h, t in features) + after


def test_text_under_kept_subheadings_stays():
    heads = [h for h, _ in FEATURES]
    blocks, drop, source = _run(_cards(FEATURES), INTRO + heads + CLOSING)
    assert source == "both"
    kept = _kept(blocks, drop)
    assert all(t in kept for _, t in FEATURES)


def test_a_run_of_lines_under_a_kept_subheading_stays_up_to_the_next_heading():
    lines = "".join(_p(t) for t in ("Gauges read every minute", "Stations report every five", "Archive fetched by the day"))
    blocks, drop, _ = _run(f"<h2>What a station does</h2>{lines}<h2>Closing notes</h2>", INTRO + ["What a station does", "Closing notes"] + CLOSING)
    kept = _kept(blocks, drop)
    assert {"Gauges read every minute", "Stations report every five", "Archive fetched by the day"} <= set(kept)


def test_headed_text_near_misses_a_linked_line_a_caption_and_a_box_after_the_text_still_go():
    heads = [h for h, _ in FEATURES]
    # a linked line under the heading ("Read more" to another page) ...
    linked = [(h, f"<a href='/{k}'>{t}</a>") for k, (h, t) in enumerate(FEATURES)]
    blocks, drop, _ = _run(_cards(linked), INTRO + heads + CLOSING)
    assert not {t for _, t in FEATURES} & set(_kept(blocks, drop))
    # ... a caption under the heading ...
    fig = "<h3>The station</h3><figure><img src='s.jpg'><figcaption>A station on the hill</figcaption></figure>"
    blocks, drop, _ = _run(fig, INTRO + ["The station"] + CLOSING)
    assert "A station on the hill" not in _kept(blocks, drop)
    # ... and a heading with its line after the last text both keep (a sign-up box under the page)
    html = (
        "<html><body><div class='doc'>" + "".join(_p(t) for t in INTRO + CLOSING)
        + "<h3>Stay in touch</h3><p>Our letter, once a month</p></div></body></html>"
    )
    p = parse(html)
    drop, _ = decide(p.blocks, select(p.blocks), MainText("\n".join(INTRO + ["Stay in touch"] + CLOSING)))
    assert "Our letter, once a month" not in _kept(p.blocks, drop)


# --------------------------------------------------------------------------- repeated steps (structure.keep_repeated_steps)

STEP_AGAIN = "Connect the gauge to the station's network cable."


def _procedure(steps: list[str]) -> str:
    return "<ol>" + "".join(f"<li><p>{s}</p></li>" for s in steps) + "</ol>"


NORTH = ["Unpack the north gauge and mount it on its post.", STEP_AGAIN, "Set the north gauge's clock to the station's time."]
SOUTH = ["Unpack the south gauge and level its funnel.", STEP_AGAIN, "Pair the south gauge with the north one."]


def test_a_step_that_repeats_an_earlier_step_among_new_ones_stays():
    middle = _p("To set up the north gauge:") + _procedure(NORTH) + _p("To set up the south gauge:") + _procedure(SOUTH)
    texts = INTRO + ["To set up the north gauge:", *NORTH, "To set up the south gauge:", *SOUTH] + CLOSING
    blocks, drop, source = _run(middle, texts)
    assert source == "both"
    assert _kept(blocks, drop).count(STEP_AGAIN) == 2
    assert "Pair the south gauge with the north one." in _kept(blocks, drop)


def test_repeated_step_near_misses_a_list_copied_whole_and_a_quoted_step_still_go():
    # the same procedure printed a second time (a print-only copy): every item repeats
    copied = _procedure(NORTH) + _p("The gauge needs no other setting before its first reading.") + _procedure(NORTH)
    texts = INTRO + NORTH + ["The gauge needs no other setting before its first reading."] + NORTH + CLOSING
    blocks, drop, _ = _run(copied, texts)
    assert _kept(blocks, drop).count(STEP_AGAIN) == 1
    # a reply in a thread set as an ordered list quotes an earlier post: the quote is a copy
    post = "Mounting the gauge on a wooden post works well, as long as the post stands straight."
    reply = "I did the same at our station and the readings have been steady since then."
    thread = f"<ol><li><p>{post}</p></li><li><blockquote><p>{post}</p></blockquote><p>{reply}</p></li></ol>"
    blocks, drop, _ = _run(thread, INTRO + [post, post, reply] + CLOSING)
    kept = _kept(blocks, drop)
    assert kept.count(post) == 1
    assert reply in kept
