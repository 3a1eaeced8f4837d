"""HTML in, article out: body, metadata, removal log, decoding, detection (fixtures/html/)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

import boilerstrip
from boilerstrip.api import replay
from boilerstrip.html import looks_like_html
from boilerstrip.html.blocks import MainText, decide, select
from boilerstrip.html.dom import parse
from boilerstrip.html.metadata import iso_date

FIX = Path(__file__).resolve().parent.parent / "fixtures" / "html"


def page(name: str) -> bytes:
    return (FIX / name).read_bytes()


TUNNEL = [
    "The harbour tunnel opened to traffic on Thursday morning, six years after construction began and two years later than first planned.",
    "City officials said the tunnel would take around twenty thousand cars a day off the old swing bridge, which has been closed for repairs more often than it has been open.",
    "Residents on both sides of the harbour welcomed the opening, although some questioned the final cost, which rose to almost twice the original estimate.",
]


def test_jsonld_article_body_is_the_three_paragraphs():
    assert boilerstrip.clean(page("jsonld_article.html")) == "\n\n".join(TUNNEL)


def test_jsonld_article_metadata_comes_from_structured_data():
    a = boilerstrip.extract(page("jsonld_article.html"))
    assert a.title == "Harbour tunnel opens after six years of work"  # JSON-LD headline, not <title>
    assert a.authors == ("Maria Lopez", "Tom Becker")
    assert a.published_at == dt.datetime(2024, 3, 14, 9, 30, tzinfo=dt.timezone(dt.timedelta(hours=1)))
    assert a.source == "The Coastal Courier"  # og:site_name
    assert a.url == "https://courier.example/news/harbour-tunnel-opens"  # rel=canonical
    assert a.language == "en"
    (img,) = a.images
    assert img.caption == "The first cars enter the tunnel on Thursday morning."
    assert img.url == "https://courier.example/img/tunnel.jpg"


def test_chrome_elements_are_logged_one_removal_each():
    a = boilerstrip.extract(page("jsonld_article.html"))
    chrome = {r.reason for r in a.removed if r.rule == "html-chrome-container"}
    assert chrome == {"<header> element", "class/id 'share'", "<aside> element", "<footer> element"}
    title = [r for r in a.removed if r.rule == "html-title"]
    assert [(r.field, r.text) for r in title] == [("title", "Harbour tunnel opens after six years of work")]


def test_opengraph_only_page():
    a = boilerstrip.extract(page("opengraph_only.html"))
    assert a.title == "Neue Radwege am Stadtpark"  # og:title without its " | Stadtblatt" suffix
    assert a.source == "Stadtblatt"
    assert a.authors == ("Jana Schulz",)
    assert a.published_at is not None and a.published_at.date() == dt.date(2023, 9, 2)
    assert a.url == "https://stadtblatt.example/radwege-stadtpark"
    assert a.language == "de"
    assert a.body.startswith("Am Stadtpark entstehen bis zum Frühjahr zwei neue Radwege")
    assert a.body.endswith("über den gefährlichen Mischverkehr auf der Parkstraße beklagt.")
    assert "Newsletter" not in a.body and "Lokales" not in a.body


def test_share_ad_related_comment_and_cookie_containers_go_by_class_and_role():
    a = boilerstrip.extract(page("chrome_containers.html"))
    assert a.body == "\n\n".join(
        [
            "The town library will stay open until nine in the evening from next month, the council announced on Monday after a consultation with readers.",
            "The longer hours will be paid for by moving two staff positions from the closed branch in the market square, the council said.",
            "Readers who answered the consultation had asked above all for evening hours and a quiet study room, both of which the plan includes.",
        ]
    )
    reasons = [r.reason for r in a.removed if r.rule == "html-chrome-container"]
    assert reasons == ['role="banner"', "class/id 'breadcrumb'", "class/id 'ad'", "class/id 'related'", "class/id 'comments'", 'role="dialog"']


def test_legacy_charset_bytes_are_decoded_by_the_declared_charset():
    raw = page("legacy_latin1.html")
    with pytest.raises(UnicodeDecodeError):
        raw.decode("utf-8")
    a = boilerstrip.extract(raw)
    assert a.title == "Grüße aus Köln"
    assert a.body.startswith("Die Straßenbahn fährt ab Montag wieder über die Brücke")
    assert "\ufffd" not in a.body
    assert a.language == "de"


def test_page_of_links_without_prose_keeps_its_entries_not_its_chrome():
    # a site map, an index, a collection: its entries are what a reader came for (issue 13; it
    # used to come out empty)
    a = boilerstrip.extract(page("no_article.html"))
    assert a.body == "Annual report\n\nBoard members\n\nContact\n\nData protection"
    assert {r.rule for r in a.removed} == {"html-chrome-container"}


@pytest.mark.parametrize("name", ["jsonld_article.html", "opengraph_only.html", "chrome_containers.html", "no_article.html"])
def test_removal_log_replays_to_the_body_over_the_flattened_lines(name):
    e = boilerstrip.explain(page(name))
    assert replay(list(e.lines), e.removed) == e.article.body
    # every flattened block is either in the body or in exactly one removal
    covered = set()
    for r in e.removed:
        span = set(range(r.start_line, r.end_line + 1))
        assert not covered & span
        covered |= span
    kept = {line.index + 1 for line in e.lines if line.text} - covered
    assert "\n\n".join(e.lines[i - 1].text for i in sorted(kept)) == e.article.body


def test_html_is_detected_and_can_be_forced_either_way():
    html = page("chrome_containers.html").decode()
    assert looks_like_html(html)
    assert not looks_like_html("Plain text.\n\nWith <b>one tag</b> in it.")
    assert boilerstrip.clean(html) == boilerstrip.clean(html, input_format="html")
    as_text = boilerstrip.clean(html, input_format="text")
    assert "<p>The town library" in as_text  # forced text mode does not parse the markup


def test_disabling_the_html_rules_keeps_what_they_would_drop():
    html = page("chrome_containers.html")
    body = boilerstrip.clean(html, disable={"html-chrome-container"})
    assert "Sponsored: Try our premium reading app free for 30 days" in body


def test_flattening_keeps_dom_features():
    p = parse('<html><body><ul><li><a href="/a">One link</a></li></ul><h2>Sub</h2><p>Some <a href="#">linked</a> text here.</p></body></html>')
    by_text = {b.text: b for b in p.blocks}
    assert by_text["One link"].in_list and by_text["One link"].link_density == 1.0
    assert by_text["Sub"].heading == 2
    assert 0 < by_text["Some linked text here."].link_density < 0.5


def test_own_region_and_trafilatura_agreeing_drop_what_either_drops():
    prose = [f"<p>Paragraph {k} of the report says that the river level rose again overnight, and that more rain is expected.</p>" for k in range(4)]
    html = "<html><body><div class='a'>" + "".join(prose) + "<p>Read more: other stories about the weather this week and next.</p></div></body></html>"
    p = parse(html)
    own = select(p.blocks)
    assert own == [None] * 5  # all in the one container
    traf = MainText("\n".join(b.text for b in p.blocks[:4]))
    drop, source = decide(p.blocks, own, traf)
    assert source == "both" and drop[:4] == [None] * 4 and drop[4] is not None


def test_iso_date_reads_iso_and_day_month_year():
    assert iso_date("2024-03-14T09:30:00+01:00") == "2024-03-14"
    assert iso_date("14.3.2024") == "2024-03-14"
    assert iso_date("yesterday") is None


@pytest.mark.parametrize(
    ("markup", "chrome"),
    [
        ("<div class='related-posts has-thumbnails'>", True),  # a modifier does not rescue a related box
        ("<div class='sidebar with-widgets'>", True),
        ("<div class='newsletter-embed'>", True),  # 'embed' alone is no quoted post
        ("<section class='o-section--has-ads'>", False),  # holds ads, is not one
        ("<div class='layout with-sidebar'>", False),
        ("<blockquote class='twitter-tweet'>", False),  # a quoted post is content
    ],
)
def test_class_vocabulary_modifiers_and_embeds(markup, chrome):
    from selectolax.lexbor import LexborHTMLParser

    from boilerstrip.html.dom import chrome_reason

    tag = markup[1:].split()[0]
    node = LexborHTMLParser(f"<html><body>{markup}<p>Text.</p></{tag}></body></html>").css_first(tag)
    assert (chrome_reason(node) is not None) is chrome
