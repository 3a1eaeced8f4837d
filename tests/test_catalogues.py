"""Every phrase catalogue parses, and multilingual families cover en, de, fr, es and it."""

from __future__ import annotations

import re

import pytest

from boilerstrip import lexicon

TXT = [n.removesuffix(".txt") for n in lexicon.available(".txt")]
RE = [n.removesuffix(".re") for n in lexicon.available(".re")]

#: Families that are multilingual in the wild: their catalogues must cover these languages.
MULTILINGUAL = [
    "ad_markers", "newsletter", "comment_widget", "related_headings", "read_more", "share", "trailers",
    "app_promos", "aggregator_promos", "byline_prefixes", "credit_labels",
    "pager_links", "ad_disclosures", "breadcrumb_labels", "author_roles",
    "month_names", "date_line_prefixes", "date_labels", "date_label_connectors", "media_count_nouns",
    "name_conjunctions", "credit_connectors", "caption_credit_markers", "caption_credit_labels",
    "video_more_labels", "legal_notice",
]
LANGUAGES = ("en", "de", "fr", "es", "it")


def _source(name: str) -> str:
    from importlib import resources

    for suffix in (".txt", ".re"):
        f = resources.files("boilerstrip.data").joinpath(name + suffix)
        if f.is_file():
            return f.read_text(encoding="utf-8")
    raise FileNotFoundError(name)


@pytest.mark.parametrize("name", TXT)
def test_phrase_catalogue_parses_and_is_not_empty(name):
    entries = lexicon.phrases(name)
    assert entries, f"data/{name}.txt has no entries"
    assert all(e == e.strip() and e for e in entries)


@pytest.mark.parametrize("name", RE)
def test_pattern_catalogue_compiles_each_line(name):
    import regex

    assert lexicon.pattern(name).pattern
    for line in lexicon._entries(f"{name}.re"):
        regex.compile(line)  # a broken line fails here with its own text


@pytest.mark.parametrize("name", MULTILINGUAL)
def test_multilingual_catalogue_has_a_section_per_language(name):
    sections = set(re.findall(r"^#\s*([a-z]{2})\s*$", _source(name), flags=re.M))
    missing = [lang for lang in LANGUAGES if lang not in sections]
    assert not missing, f"{name} lacks sections for {missing}"


@pytest.mark.parametrize(
    ("name", "hints"),
    [
        ("newsletter", lexicon.hints("newsletter")),
        ("app_promos", lexicon.hints("app_promos")),
        ("aggregator_promos", lexicon.hints("aggregator_promos")),
        ("related_headings", lexicon.hints("related_headings")),
        ("comment_headings", lexicon.hints("comment_headings")),
    ],
)
def test_every_pattern_carries_a_prefilter_hint(name, hints):
    """The rules skip the regex when no hint substring is in the line; a pattern without a hint would never fire."""
    for line in lexicon._entries(f"{name}.re"):
        assert any(h in line.casefold() for h in hints), f"{name}.re: {line!r} has none of the pre-filter hints"


def test_legal_notice_terms_carry_the_prefilter_hint():
    stems = lexicon.hints("legal_notice")
    assert all(any(h in term for h in stems) for term in lexicon.phrases("legal_notice"))


def test_newsletter_end_markers_carry_the_prefilter_hint():
    assert all(any(h in e for h in lexicon.hints("newsletter_end")) for e in lexicon.phrases("newsletter_end"))


def test_every_stock_library_passes_the_credit_prefilter():
    from boilerstrip import credits

    assert all(lexicon.line_hints_of(e) & credits.CREDIT_HINT for e in lexicon.catalogue("photo_stock"))


@pytest.mark.parametrize("name", [n.removesuffix(".hints") for n in lexicon.available(".hints")])
def test_hints_are_lower_case_substrings_with_their_spaces(name):
    """Hints are compared against ``Line.lower``: an upper-case hint would never match, and the
    quotes that keep a hint's spaces must not end up in it."""
    found = lexicon.hints(name)
    assert found and all(h and h == h.lower() and '"' not in h for h in found), found
    assert len(set(found)) == len(found), "duplicate hints"


def test_hint_masks_say_which_files_have_a_hint_in_the_line():
    """``line_hints`` (one Aho-Corasick pass over the line) answers what a substring test of every
    hint of every file answers, hints at line edges included."""
    from boilerstrip.segment import split_lines

    names = [n.removesuffix(".hints") for n in lexicon.available(".hints")]
    text = "\n".join(
        [
            "Sign up to our newsletter",  # newsletter
            " read more",  # a hint with its leading space, at the start of the line
            "Photo: Jane Doe / Reuters",
            "Nothing to see here",
            "",
            "Download the app on the App Store",
            *(_fixture_texts()),
        ]
    )
    lines = split_lines(text)
    for line in lines:
        want = sum(lexicon.hint_flag(n) for n in names if any(h in line.lower for h in lexicon.hints(n)))
        assert lexicon.line_hints(line) == want, line
        assert line._hints == want  # memoised
    assert lexicon.line_hints(lines[0]) & lexicon.hint_flag("newsletter")
    assert lexicon.line_hints(lines[3]) == 0


def _fixture_texts() -> list[str]:
    import json
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent / "fixtures"
    out = [p.read_text(encoding="utf-8") for p in sorted((root / "seeds").glob("*.txt"))]
    for p in sorted((root / "rules").glob("*.json")):
        out.extend(case["input"] for case in json.loads(p.read_text(encoding="utf-8"))["cases"])
    return out


def test_every_line_of_month_names_has_twelve_months():
    rows = lexicon.ordered("month_names")
    assert rows and all(len(r.split()) == 12 for r in rows)


def test_no_date_line_prefix_is_a_prefix_of_another():
    """dates.is_date_line_text cuts the first prefix that starts the line: the order must not matter."""
    ps = lexicon.phrases("date_line_prefixes")
    assert not [(a, b) for a in ps for b in ps if a != b and b.startswith(a)]
