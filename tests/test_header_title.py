"""header-title: which line becomes the title in text mode, and the families of headline-shaped
chrome that never do (pager links, breadcrumbs, ad disclosures, datelines, section labels)."""

from __future__ import annotations

import pytest

import boilerstrip
from boilerstrip.rules.header_title import _title_like
from boilerstrip.segment import split_lines

BODY = (
    "The city council approved the new budget on Tuesday after a long and heated debate.\n"
    "Officials said most of the money would go to schools, roads and public transport."
)
TITLE = "Council approves new budget after long debate"


def _line(text: str):
    (line,) = [ln for ln in split_lines(text) if ln.text]
    return line


@pytest.mark.parametrize(
    "text",
    [
        # pager links, by arrow and by word, in several languages
        "← Das F-Wort – Teil 2",
        "« Speicher via SSHFS mounten und Truecrypt Container laden",
        "Nachdenken über das Nachrufen – anlässlich Schirrmacher →",
        "Newer post: Our trip to the coast »",
        "Previous post: Our trip to the coast in May",
        "Vorheriger Beitrag: Unser Ausflug an die Küste",
        "Zurück zur Übersicht",
        "Article précédent : Notre voyage sur la côte",
        "Entrada anterior: Nuestro viaje a la costa",
        "Articolo precedente: Il nostro viaggio al mare",
        # ad / affiliate / sponsorship disclosures
        "Anzeige, enthält Affiliate Links",
        "Werbung | Mein Erfahrungsbericht mit dem Rad",
        "Sponsored by Acme Outdoor Gear",
        "This post contains affiliate links",
        "Publicité : notre sélection de la semaine",
        "Contenido patrocinado por Acme Viajes",
        "In collaborazione con Acme Viaggi",
        # breadcrumbs
        "Home › Technik › Freizeit › News",
        "Startseite > News & Analysen > Topthemen > Influencer und Trading Apps",
        "home / InfoStream / Eigentumsvorbehalt: Das sollten Käufer wissen",
        "Sie sind hier: Home Presse Pressemitteilungen",
        # datelines, counters, credited captions, section labels, odd openers
        "Von Claudia Riedler 19. Oktober 2019 00:04 Uhr",
        "Sonntag, 02.11.2014 | Tags: Weihnachtsmarkt",
        "5343 mal gelesen | 32 Kommentare",
        "Birgit Kelle im Gespräch (Bild: Facebook)",
        "Unternehmen & Märkte",
        "‐ Konzepte ‐",
        ":: Leben & Wohnen",
        "ET Online |",
        "durch Yirou Chen und Team",
    ],
)
def test_headline_shaped_chrome_is_never_a_title_candidate(text):
    assert not _title_like(_line(text))


@pytest.mark.parametrize(
    "text",
    [
        TITLE,
        "»Haltet unsere Gewässer sauber!«",
        "« Je ne regrette rien » : le retour d'un classique",
        "Gitarre & Bass 02/2022 im Test",
        "Bundesliga: Dortmund - Gladbach live sehen!",
        "Influencer und Trading Apps: Die Jungen entdecken die Börse",
        "#RieslingBirthday Posts gewinnen",
        "iPhone SE arrives in India: here's all we know",
        "Next Generation Firewalls Explained",
        "Zurück in die Zukunft: Der Film wird 40",
        "Advertising agencies face a tough year",
    ],
)
def test_real_headlines_stay_candidates(text):
    assert _title_like(_line(text))


@pytest.mark.parametrize(
    ("above", "title"),
    [
        ("← The old bridge reopens after repairs", TITLE),  # pager link above the headline
        ("Previous post: Our trip to the coast in May", TITLE),
        ("News from the City", TITLE),  # a kicker: the headline under it is the title
        ("Home > News > City", TITLE),
    ],
)
def test_chrome_above_the_headline_does_not_take_the_title(above, title):
    art = boilerstrip.extract(f"{above}\n{TITLE}\nBy Jane Doe\n\n{BODY}")
    assert art.title == title
    assert above in boilerstrip.clean(f"{above}\n{TITLE}\nBy Jane Doe\n\n{BODY}")


def test_an_ad_disclosure_above_the_byline_is_not_the_title():
    art = boilerstrip.extract(f"Anzeige, enthält Affiliate Links\nVon Jessie Muster\n\n{BODY}")
    assert art.title is None
    assert art.authors == ("Jessie Muster",)


def test_title_over_standfirst_takes_the_upper_line():
    standfirst = "Most of the money will go to schools, roads and public transport, officials say"
    art = boilerstrip.extract(f"{TITLE}\n{standfirst}\nBy Jane Doe\n\n{BODY}")
    assert art.title == TITLE
    assert standfirst in boilerstrip.clean(f"{TITLE}\n{standfirst}\nBy Jane Doe\n\n{BODY}")


def test_a_moved_date_far_below_a_headline_is_no_evidence():
    text = f"Our Partner Sites Around The World\nHome\nNews\nSport\nMarch 12, 2024\n\n{BODY}"
    art = boilerstrip.extract(text)
    assert art.title is None
    assert art.published == "March 12, 2024"


def test_header_settle_moves_the_header_a_second_clean_would_move():
    """A prose-shaped login prompt inside the menu is the raw page's first "paragraph", so the
    header rules read the menu; once the region cuts the menu, header-settle reads the lines
    above the real first paragraph: the headline and the date move, as a second clean() would
    move them (fixtures/rules/header-settle.json holds the same page)."""
    import json
    from pathlib import Path

    fixture = Path(__file__).resolve().parent.parent / "fixtures" / "rules" / "header-settle.json"
    page = json.loads(fixture.read_text(encoding="utf-8"))["cases"][0]["input"]
    art = boilerstrip.extract(page)
    assert art.title == "Why do wind farms wait so long?"
    assert art.published == "12.03.2024"
    assert boilerstrip.clean(art.body) == art.body
    without = boilerstrip.extract(page, disable={"header-settle"})
    assert without.title is None
    assert boilerstrip.clean(without.body) != without.body  # the second clean() moves the headline


MENU = ["Find Jobs", "Career Services", "Free Resume Review Tool New!", "Automate Your Job Search Today", "About Us"]


def test_a_menu_printed_twice_gives_no_title():
    """A menu printed for the desktop and again for the phone repeats every label: a label in a
    run of three lines printed twice in the same order is no title printed twice. Were it taken,
    its copy would go as the duplicate, and a second clean() would take the next label (the page
    would not be idempotent)."""
    text = "\n".join([*MENU, "", *MENU, "", BODY])
    art = boilerstrip.extract(text)
    assert art.title is None
    assert boilerstrip.clean(art.body) == art.body


def test_a_title_printed_twice_between_other_lines_is_still_the_title():
    text = f"News from the City\n{TITLE}\nBy Jane Doe\n\nHome > News\n{TITLE}\n\n{BODY}"
    art = boilerstrip.extract(text)
    assert art.title == TITLE
    assert TITLE not in art.body
