"""The region's line scores (rules/region_scores.py): a list of months run into one line (a
blog's archive menu or "Select Month" drop-down, flattened) scores as chrome however long it is,
so it never outweighs a short post as the page's densest run of prose; a sentence that dates a
few events keeps its prose score."""

from __future__ import annotations

from boilerstrip import dates
from boilerstrip.config import Config
from boilerstrip.model import Line
from boilerstrip.pipeline import Context, Doc
from boilerstrip.rules import prose, region_scores
from boilerstrip.segment import split_lines

MONTHS_EN = "December November October September August July June May April March February January".split()
MONTHS_DE = "Dezember November Oktober September August Juli Juni Mai April März Februar Januar".split()
MONTHS_FR = "décembre novembre octobre septembre août juillet juin mai avril mars février janvier".split()


def _archive(label: str, months: list[str], years: tuple[int, ...], counts: bool) -> str:
    items = [f"{m} {y}" + (f" ({(i * 5) % 7 + 1})" if counts else "") for y in years for i, m in enumerate(months)]
    return f"{label} " + " ".join(items)


ARCHIVES = [
    _archive("Archives Select Month", MONTHS_EN, (2023, 2022), counts=True),
    _archive("Archiv Monat auswählen", MONTHS_DE, (2019,), counts=False),
    _archive("Archives Sélectionner un mois", MONTHS_FR, (2021, 2020), counts=True),
]

DATED_PROSE = [
    "The bridge opened in May 2005, closed for repairs in June 2006 and again in March 2008, April 2009, "
    "May 2010 and June 2011, each time after an inspection found new cracks in its supports.",
    "Zwischen Januar 2018 und März 2019 wurden die Teilnehmer befragt, im Juni 2019 folgte eine zweite Runde, "
    "und die Ergebnisse erschienen schließlich im Oktober 2020 in einer Fachzeitschrift.",
]


def _scores(text: str) -> list[float]:
    lines = split_lines(text)
    doc = Doc(lines, [line for line in lines if line.text], {})
    return region_scores.scores(doc, Context(Config()), removed_barriers=False)


def test_month_lists_are_recognised_in_every_language():
    for text in ARCHIVES:
        assert dates.is_month_list(text, len(text.split())), text


def test_sentences_that_date_events_are_not_month_lists():
    for text in DATED_PROSE:
        assert not dates.is_month_list(text, len(text.split())), text


def test_a_month_list_scores_as_chrome_and_dated_prose_as_prose():
    for text in ARCHIVES:
        assert _scores(text) == [prose.CHROME]
    for text in DATED_PROSE:
        assert _scores(text)[0] > 0


# A comment thread of one comment: blog themes spell the count out in every translation they
# ship (one heading per language family; titles invented).
SPELLED_COMMENT_HEADINGS = [
    "One thought on “How to repot a fern”",  # en
    "One Reply to “Ten walks by the river”",
    "Ein Gedanke zu „Brot backen im Holzofen“",  # de
    "Eine Antwort auf „Der Garten im Herbst“",
    "Une réflexion sur « La route des vins »",  # fr
    "Un comentario en «Recetas de otoño»",  # es
    "Um comentário em “Como plantar tomates”",  # pt
    "Un pensiero su “Il lago d'inverno”",  # it
    "Eén reactie op “Fietsen langs de kust”",  # nl
    "En tanke om ”Vandring i fjällen”",  # sv / da / nb
    "Jeden komentarz do „Spacer po lesie”",  # pl
    "Один комментарий к «Прогулка по лесу»",  # ru
    "1 Gedanke zu „Der Garten im Herbst“",  # a digit count of one, singular noun
    "1 gedachte over “Fietsen langs de kust”",
]

# Lines of prose that start the same way but name no post in quotes: not a comment heading.
SPELLED_LOOKALIKES = [
    "One thought on the matter kept coming back to her.",
    "Ein Gedanke zu diesem Thema: die Kosten steigen weiter.",
    "Une réflexion sur la ville et ses habitants",
    "Un comentario en la radio provocó la polémica.",
    "One comment",
]


def _line(text: str) -> Line:
    return split_lines(text)[0]


def test_spelled_out_comment_counts_are_comment_headings() -> None:
    assert [t for t in SPELLED_COMMENT_HEADINGS if not region_scores.is_comment_heading(_line(t))] == []


def test_prose_opening_like_a_comment_heading_is_not_one() -> None:
    assert [t for t in SPELLED_LOOKALIKES if region_scores.is_comment_heading(_line(t))] == []
