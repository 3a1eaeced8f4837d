"""The JSON-LD articleBody stands in for the page's text when the page shows only a fragment of
it (boilerstrip/html/__init__.py: jsonld_body). Pages are built by hand."""

from __future__ import annotations

import json

import boilerstrip
from boilerstrip.html import BY_JSONLD, jsonld_paragraphs

PARAS = [
    "The council approved the new budget on Tuesday evening after a debate that lasted almost four hours and ended close to midnight.",
    "Spending on schools rises by three percent, while the road maintenance fund is cut for the second year running, to the anger of the opposition.",
    "Opposition members said the cuts would leave several bridges without repairs until at least next spring, and asked for an independent survey.",
    "The mayor replied that the city had no choice, given the fall in tax revenue since the factory closed and the rising cost of energy.",
    "A final vote on the housing plan was postponed until the December session of the council, when the new figures should be known.",
    "Residents can comment on the plan at the town hall or online until the end of November; the council will publish every comment it receives.",
    "Local businesses welcomed the decision to keep parking charges unchanged, which several shop owners had feared would rise again next year.",
    "The budget now goes to the regional authority, which has six weeks to approve it or send it back to the council with its objections.",
]
TEASER = "The council approved the new budget after a long debate. Subscribe to read the full story."


def _page(visible: list[str], body: str) -> str:
    ld = json.dumps({"@context": "https://schema.org", "@type": "NewsArticle", "headline": "Council passes budget", "articleBody": body})
    ps = "".join(f"<p>{t}</p>" for t in visible)
    return (
        f"<html><head><title>Council passes budget</title><script type='application/ld+json'>{ld}</script></head>"
        f"<body><nav><a href='/'>Home</a></nav><article><h1>Council passes budget</h1>{ps}</article></body></html>"
    )


def test_teaser_page_gets_its_body_from_jsonld():
    art = boilerstrip.extract(_page([TEASER], "\n".join(PARAS)))
    assert art.title == "Council passes budget"
    assert art.body == "\n\n".join(PARAS)
    assert any(r.rule == "html-main-content" and r.reason == BY_JSONLD and r.text == TEASER for r in art.removed)


def test_visible_body_wins_over_jsonld_when_the_page_shows_it():
    # the articleBody is the same text on one line: the page's own paragraphs are used
    art = boilerstrip.extract(_page(PARAS, " ".join(PARAS)))
    assert art.body == "\n\n".join(PARAS)
    assert not any(r.reason == BY_JSONLD for r in art.removed)


def test_short_jsonld_body_is_not_used():
    short = PARAS[0] + "\n" + PARAS[1]  # under JSONLD_BODY_MIN_CHARS: likely a summary, not the body
    art = boilerstrip.extract(_page([TEASER], short))
    assert art.body == TEASER


def test_jsonld_paragraphs_drop_markup_and_decode_entities():
    assert jsonld_paragraphs("<p>Fish &amp; chips</p><p>Second  para</p>\n") == ["Fish & chips", "Second para"]
    assert jsonld_paragraphs("One line.\r\n\r\nTwo lines.") == ["One line.", "Two lines."]


def test_jsonld_paragraphs_keep_inline_markup_in_the_sentence_and_literal_brackets():
    assert jsonld_paragraphs("<p>A <em>bold</em> claim: 2 < 3 and 5 > 4.</p><br/>Next") == ["A bold claim: 2 < 3 and 5 > 4.", "Next"]
    assert jsonld_paragraphs("unclosed <p tag and text") == ["unclosed <p tag and text"]
    # markup escaped inside the JSON string is still markup
    assert jsonld_paragraphs("&lt;p&gt;Hello&lt;/p&gt;&lt;p&gt;World&lt;/p&gt;") == ["Hello", "World"]
