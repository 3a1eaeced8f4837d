"""HTML metadata: every field the issue lists, filled from the page (fixtures/html/meta-*.html),
and the clean-up of dates, authors, titles and picture credits by family."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

import boilerstrip
from boilerstrip.html import dom, metadata
from boilerstrip.html.metadata import plausible_authors, split_credit
from boilerstrip.model import Image

FIX = Path(__file__).resolve().parent.parent / "fixtures" / "html"


def article(name: str) -> boilerstrip.Article:
    return boilerstrip.extract((FIX / name).read_bytes())


def page_meta(html: str) -> dict:
    """metadata.extract alone (no text-mode language detection, no htmldate)."""
    page = dom.parse(html)
    h1 = next((b.text for b in page.blocks if b.heading == 1 and not b.chrome), None)
    return metadata.extract(page, h1)


# --- a news article: dateline, JSON-LD graph, canonical URL, lead picture -----------------------


def test_printed_dateline_gives_the_local_day_not_the_utc_timestamp():
    a = article("meta-dateline-local-day.html")
    # the markup says 2021-11-04T23:00Z; the page prints the day its readers saw
    assert a.published == "5. November 2021"
    assert a.published_at is not None and a.published_at.date() == dt.date(2021, 11, 5)


def test_jsonld_author_references_resolve_to_names():
    assert article("meta-dateline-local-day.html").authors == ("Katharina Hofer", "Lukas Brandl")


def test_title_source_url_language_of_a_news_article():
    a = article("meta-dateline-local-day.html")
    assert a.title == "Neue Brücke über die Mur freigegeben"
    assert a.source == "Grazer Wochenblick"  # og:site_name, not the JSON-LD publisher company
    assert a.url == "https://wochenblick.example/graz/neue-bruecke-ueber-die-mur"  # canonical, not og:url
    assert a.language == "de"


def test_lead_picture_caption_and_credit_are_split():
    (img,) = article("meta-dateline-local-day.html").images
    assert img == Image(caption="Die ersten Radfahrer auf der neuen Brücke.", credit="Anna Steiner", url="https://wochenblick.example/img/bruecke.jpg")


def test_body_keeps_the_article_text_and_not_the_headline():
    a = article("meta-dateline-local-day.html")
    assert "Nach zwei Jahren Bauzeit" in a.body
    assert a.title not in a.body


# --- a blog post: the site's h1, a byline, comments, a modification date -----------------------


def test_blog_title_is_the_post_not_the_site_name_h1():
    a = article("meta-blog-site-h1.html")
    assert a.title == "Repotting an old lemon tree"
    assert a.source == "Balcony Gardener"


def test_blog_author_is_the_byline_not_the_commenters():
    assert article("meta-blog-site-h1.html").authors == ("Jane Doe",)


def test_modification_time_is_not_the_publication_date():
    a = article("meta-blog-site-h1.html")
    assert a.published == "March 3, 2020"  # og:updated_time 2023-06-01 is ignored
    assert a.published_at is not None and a.published_at.date() == dt.date(2020, 3, 3)


def test_language_from_http_equiv_when_there_is_no_lang_attribute():
    html = (FIX / "meta-blog-site-h1.html").read_text(encoding="utf-8")
    assert page_meta(html)["language"] == "en"


# --- a page with no date, no author ------------------------------------------------------------


def test_page_without_a_date_or_author_gets_none():
    a = article("meta-no-date.html")
    assert a.published is None and a.published_at is None
    assert a.authors == ()
    assert a.title == "Notre équipe"
    assert a.source == "Atelier Lumière"  # the <title> part that is not the title
    assert a.language == "fr"
    (img,) = a.images
    assert img.caption == "L'atelier vu depuis la cour." and img.credit is None


# --- timestamps keep their own offset ----------------------------------------------------------

OFFSET_PAGE = """<!DOCTYPE html><html lang="en"><head><title>Night council vote passes</title>
<meta property="article:published_time" content="2024-03-14T00:30:00+02:00"></head>
<body><article><h1>Night council vote passes</h1>
<p>The council approved the budget shortly after midnight, after a debate that lasted more than nine hours.</p>
<p>The opposition said it would ask for a review of the procedure at the next session of the assembly.</p>
</article></body></html>"""


def test_markup_timestamp_keeps_its_offset_and_calendar_day():
    a = boilerstrip.extract(OFFSET_PAGE)
    assert a.published_at == dt.datetime(2024, 3, 14, 0, 30, tzinfo=dt.timezone(dt.timedelta(hours=2)))
    assert a.published_at.date() == dt.date(2024, 3, 14)  # in UTC it would be the 13th
    assert a.published == "2024-03-14T00:30:00+02:00"


def test_a_date_inside_the_headline_is_not_the_dateline():
    html = OFFSET_PAGE.replace("<h1>Night council vote passes</h1>", "<h1>Results of 12.05.2019 recounted</h1>")
    html = html.replace('<meta property="article:published_time" content="2024-03-14T00:30:00+02:00">', "")
    html = html.replace("<p>The opposition", "<p>Published 20.05.2019</p><p>The opposition")
    a = boilerstrip.extract(html)
    assert a.published_at is not None and a.published_at.date() == dt.date(2019, 5, 20)


# --- author values: clean-up and rejection (families, not pages) --------------------------------


@pytest.mark.parametrize(
    ("raw", "name"),
    [
        ("By Jane Doe", "Jane Doe"),
        ("Erstellt von Max Muster", "Max Muster"),
        ("Autor: Erika Beispiel", "Erika Beispiel"),
        ("par Claire Martin", "Claire Martin"),
        ("Por Ana Gómez", "Ana Gómez"),
        ("Ole Hansen, 01.12.2021", "Ole Hansen"),  # trailing date
        ("Mara Klein Stand: 05. Februar 2020", "Mara Klein"),  # trailing label + date
        ("Tom Reed -", "Tom Reed"),  # separator left by the markup
        ("Redacci&oacute;n Central", "Redacción Central"),  # entity escaped twice
        ("Di Stefano", "Di Stefano"),  # near miss: a surname particle, not a prefix
        ("Redaktion", "Redaktion"),  # an editorial byline is a byline
    ],
)
def test_author_values_are_cleaned_up(raw, name):
    assert plausible_authors([raw], None) == [name]


@pytest.mark.parametrize(
    "raw",
    [
        "Name *",
        "Reply",
        "257 Artikel",
        "Facebook",
        "Archiv anzeigen",
        "Stand: 20. April 2020, 14:57 Uhr",
        "admin",
        "By",
        "https://example.org/jane",
        "jane@example.org",
        "example.org",
    ],
)
def test_non_names_are_rejected(raw):
    assert plausible_authors([raw], None) == []


def test_structured_author_equal_to_the_site_is_dropped():
    assert plausible_authors(["Daily Example", "Jane Doe"], "Daily Example") == ["Jane Doe"]
    assert plausible_authors(["Daily Example - Jane Doe"], "Daily Example") == ["Jane Doe"]
    assert plausible_authors(["Jane Doe | dailyexample"], "Daily Example") == ["Jane Doe"]
    assert plausible_authors(["Jane Doe - Tom Roe"], "Daily Example") == ["Jane Doe - Tom Roe"]  # no site part: unchanged


# --- captions and credits -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("caption", "expected"),
    [
        ("Cars in the new tunnel. © Jane Doe", ("Cars in the new tunnel.", "Jane Doe")),
        ("Cars in the new tunnel (Photo: Example Agency)", ("Cars in the new tunnel", "Example Agency")),
        ("Die Brücke am Abend | Foto: Max Muster", ("Die Brücke am Abend", "Max Muster")),
        ("Foto: Max Muster", (None, "Max Muster")),
        ("Le pont au matin. Crédit photo : Agence Exemple", ("Le pont au matin.", "Agence Exemple")),
        # near misses: no credit marker at the end
        ("The photo shows the bridge at night.", ("The photo shows the bridge at night.", None)),
        (
            "Image: the bridge at night, seen from the old harbour wall on a very long caption line",
            ("Image: the bridge at night, seen from the old harbour wall on a very long caption line", None),
        ),
    ],
)
def test_caption_credit_split(caption, expected):
    assert split_credit(caption) == expected


# --- a byline printed as text near the headline -----------------------------------------------------

BYLINE_PAGE = """<!DOCTYPE html><html lang="de"><head><title>Sommerfest im Hof</title></head>
<body><div class="post"><h1>Sommerfest im Hof</h1><p>{byline}</p>
<p>Mehr als zweihundert Gäste kamen am Samstag in den Innenhof, um den Abschluss der Renovierung zu feiern.</p>
<p>Die Hausgemeinschaft will das Fest im nächsten Jahr wiederholen, dann auch mit einem Flohmarkt im Hof.</p>
</div></body></html>"""


def test_printed_byline_near_the_headline_names_the_author():
    a = boilerstrip.extract(BYLINE_PAGE.format(byline="Von Ruth Berger am 24. Juli 2017"))
    assert a.authors == ("Ruth Berger",)
    assert a.published_at is not None and a.published_at.date() == dt.date(2017, 7, 24)


def test_printed_byline_name_ends_at_a_comma_or_bracket():
    a = boilerstrip.extract(BYLINE_PAGE.format(byline="Autor: Ruth Berger (Pressestelle)"))
    assert a.authors == ("Ruth Berger",)


def test_two_printed_authors_are_two_values():
    a = boilerstrip.extract(BYLINE_PAGE.format(byline="Von Ruth Berger und Tom Kahl"))
    assert a.authors == ("Ruth Berger", "Tom Kahl")


def test_a_capitalised_particle_before_one_word_is_not_a_byline():
    # near miss: "Von Trier" (a name, or a heading) keeps its particle and is no printed byline
    page = dom.parse(BYLINE_PAGE.format(byline="Von Sprachregeln"))
    assert metadata.header_byline(page.blocks, 0) == []


# --- titles: the site's name is cut, a dash inside the headline is not ------------------------------


def _title_page(title: str, site: str | None = None, url: str = "https://www.kreditvergleich.example/ratgeber/zinsen") -> str:
    site_meta = f'<meta property="og:site_name" content="{site}">' if site else ""
    return f"""<html><head><title>{title}</title>{site_meta}<link rel="canonical" href="{url}"></head>
    <body><p>A paragraph of article text that is long enough to be a paragraph of the article body.</p></body></html>"""


@pytest.mark.parametrize(
    ("title", "site", "expected"),
    [
        ("So ermitteln Sie Ihre Zinsen | KREDITVERGLEICH", None, "So ermitteln Sie Ihre Zinsen"),  # the domain's name
        ("So ermitteln Sie Ihre Zinsen – Kreditvergleich.example", None, "So ermitteln Sie Ihre Zinsen"),
        ("Les taux en hausse | Crédit Média", "Credit Media", "Les taux en hausse"),  # accents and case
        ("Kreditvergleich | Zinsen steigen wieder", "Kreditvergleich", "Zinsen steigen wieder"),  # site first
        # near misses: the separator belongs to the headline
        ("Zinsen steigen - Sparer profitieren kaum", "Kreditvergleich", "Zinsen steigen - Sparer profitieren kaum"),
        ("Zinsen steigen - Kreditvergleich zeigt große Unterschiede bei Banken", None, "Zinsen steigen - Kreditvergleich zeigt große Unterschiede bei Banken"),
    ],
)
def test_title_loses_the_site_name_only(title, site, expected):
    assert page_meta(_title_page(title, site))["title"] == expected


@pytest.mark.parametrize(
    ("byline", "names"),
    [
        ("Von Ruth Berger, Tom Kahl", "Von Ruth Berger, Tom Kahl"),  # a second person after the comma
        ("Von Ruth Berger, dpa", "Von Ruth Berger"),  # an agency after the comma
        ("By Jane Doe, Staff writer", "By Jane Doe"),  # a role
        ("By Jane Doe | Updated daily", "By Jane Doe"),
        ("Par Claire Martin (envoyée spéciale)", "Par Claire Martin"),
    ],
)
def test_byline_names_part(byline, names):
    assert metadata.byline_names(byline) == names


def test_author_photo_alt_text_names_the_author_and_a_photo_credit_does_not():
    html = """<html><head><title>Wohnungsmarkt unter Druck</title></head><body><article>
    <div class="article-autor-img"><img src="/a.jpg" alt="Ruth Berger"></div>
    <span class="gallery-autor">Foto: Max Muster</span>
    <h1>Wohnungsmarkt unter Druck</h1><p>Die Mieten sind im vergangenen Jahr erneut stärker gestiegen als die Einkommen der Haushalte.</p>
    </article></body></html>"""
    page = dom.parse(html)
    assert metadata.byline_authors(page.tree, None) == ["Ruth Berger"]
    assert plausible_authors(["Foto: Max Muster"], None) == []


# --- htmldate's year-only answer ---------------------------------------------------------------------

NEW_YEAR_PAGE = """<html><head><title>Power plants and AI</title>
<script type="application/ld+json">{{"@type": "NewsArticle", "datePublished": "2020-01-21T07:00:00", {modified}}}</script>
</head><body><article><h1>Power plants and AI</h1><p>A paragraph of article text that is long enough to be the body.</p></article></body></html>"""


@pytest.mark.parametrize(
    ("modified", "day"),
    [
        ('"headline": "Power plants and AI"', dt.date(2020, 1, 21)),  # 1 January supported by nothing: the markup's day
        ('"dateModified": "2020-01-01T09:00:00"', dt.date(2020, 1, 1)),  # a timestamp of the page is on 1 January
    ],
)
def test_htmldate_new_year_only_when_a_timestamp_supports_it(monkeypatch, modified, day):
    monkeypatch.setattr(metadata, "htmldate_day", lambda tree, extensive: "2020-01-01")
    page = dom.parse(NEW_YEAR_PAGE.format(modified=modified))
    meta = metadata.extract(page, "Power plants and AI")
    metadata.complete(meta, page, None, meta.pop("title_line", None))
    assert meta["published_at"].date() == day


def test_the_dateline_after_the_headline_beats_the_site_headers_date_above_it():
    html = """<html><head><title>Winter exhibition opens</title></head><body>
    <div class="topbar">31. Oktober 2023</div><nav><a href="/">Home</a> <a href="/kultur">Kultur</a></nav>
    <article><h1>Winter exhibition opens</h1><p>30. Oktober 2023 Carola Beispiel</p>
    <p>The winter exhibition at the castle opens with costumes and props from the film's shooting.</p></article></body></html>"""
    a = boilerstrip.extract(html)
    assert a.published == "30. Oktober 2023"


# --- the h1 against a reworded og:title ----------------------------------------------------------------

H1_PAGE = """<html><head><title>{title}</title><meta property="og:title" content="{og}"></head>
<body>{above}<article><h1>{h1}</h1><p>A paragraph of article text that is long enough to be a paragraph of the body.</p>
</article></body></html>"""


@pytest.mark.parametrize(
    ("h1", "og", "expected"),
    [
        # the page's headline wins over the social title that rewords it
        ("Wait, are dead skin cells actually a good thing?", "Dead Skin Cells Might Actually Be A Good Thing", "Wait, are dead skin cells actually a good thing?"),
        ("Warum ich lieber „Bauchgeburt“ sage", 'Warum ich lieber "Bauchgeburt" sage', "Warum ich lieber „Bauchgeburt“ sage"),  # quotes
        ("1. Februar 2022 Ministerin stellt Programm vor", "Ministerin stellt Programm vor", "Ministerin stellt Programm vor"),  # a date in the h1
        # near miss: an h1 that shares nothing with the titles is an advert or a section label
        ("Visit the lake district this autumn", "Late goal decides the derby", "Late goal decides the derby"),
    ],
)
def test_h1_or_social_title(h1, og, expected):
    assert page_meta(H1_PAGE.format(title=og, og=og, above="", h1=h1))["title"] == expected
