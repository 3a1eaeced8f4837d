"""The public API's contract: types, options, the removal log."""

from __future__ import annotations

import datetime as dt

import pytest

import boilerstrip
from boilerstrip import Article, Config, InputError
from boilerstrip.api import replay

AD = "A storm hit the coast on Monday, and thousands of homes lost power.\nAdvertisement\nCrews expect to restore service by Friday, officials said."


def test_public_names():
    assert set(boilerstrip.__all__) == {"clean", "extract", "explain", "Article", "Image", "Removal", "Config", "InputError", "COMPILED", "__version__"}
    assert isinstance(boilerstrip.COMPILED, bool)


def test_clean_returns_body_paragraphs_separated_by_one_blank_line():
    assert boilerstrip.clean(AD) == (
        "A storm hit the coast on Monday, and thousands of homes lost power.\n\nCrews expect to restore service by Friday, officials said."
    )


def test_bytes_and_str_give_the_same_result():
    assert boilerstrip.clean(AD.encode("utf-8")) == boilerstrip.clean(AD)
    assert boilerstrip.clean(AD.encode("utf-16")) == boilerstrip.clean(AD)


def test_extract_returns_frozen_article_whose_str_is_the_body():
    art = boilerstrip.extract(AD)
    assert isinstance(art, Article)
    assert str(art) == art.body
    with pytest.raises(AttributeError):
        art.body = "x"  # type: ignore[misc]
    d = art.to_dict()
    assert d["body"] == art.body and d["removed"][0]["rule"] == "inline-ad-marker"


def test_every_removal_is_logged_with_rule_family_and_input_lines():
    (rem,) = boilerstrip.extract(AD).removed
    assert (rem.rule, rem.family, rem.start_line, rem.end_line, rem.text) == ("inline-ad-marker", "insert", 2, 2, "Advertisement")


def test_log_replays_to_the_output():
    art = boilerstrip.extract(AD)
    assert replay(AD, art.removed) == art.body


def test_disable_switches_a_rule_off_and_config_object_is_equivalent():
    assert "Advertisement" in boilerstrip.clean(AD, disable={"inline-ad-marker"})
    assert boilerstrip.clean(AD, config=Config(disable=frozenset({"inline-ad-marker"}))) == boilerstrip.clean(AD, disable=["inline-ad-marker"])


def test_unknown_rule_id_and_unknown_option_are_errors():
    with pytest.raises(ValueError, match="unknown rule id"):
        boilerstrip.clean(AD, disable={"no-such-rule"})
    with pytest.raises(TypeError, match="unknown option"):
        boilerstrip.clean(AD, colour="red")


def test_options_are_keyword_only():
    with pytest.raises(TypeError):
        boilerstrip.clean(AD, Config())  # type: ignore[misc]
    with pytest.raises(TypeError):
        boilerstrip.extract(AD, Config())  # type: ignore[misc]


def test_naive_reference_time_is_taken_as_utc():
    cfg = Config(reference_time=dt.datetime(2025, 8, 16, 12))
    assert cfg.reference_time is not None and cfg.reference_time.tzinfo is dt.UTC


def test_reference_time_takes_an_iso_string_as_the_cli_does():
    """Issue 16: the API refused "2025-08-16T12:00:00Z" that --reference-time takes."""
    text = "Al Jazeera2 days ago\nThe council approved the new budget on Tuesday after a long debate about school funding."
    art = boilerstrip.extract(text, reference_time="2025-08-16T12:00:00Z")
    assert art.published == "2 days ago"
    assert art.published_at == dt.datetime(2025, 8, 14, 12, tzinfo=dt.UTC)
    assert Config(reference_time="2025-08-16").reference_time == dt.datetime(2025, 8, 16, tzinfo=dt.UTC)  # naive: UTC
    with pytest.raises(ValueError, match="ISO 8601"):
        boilerstrip.clean(text, reference_time="yesterday")


def test_render_marks_lines_as_the_cli_explain_does():
    """One marker style (issue 16): ``render()`` used ``[-id]`` / ``[>field id]``, the CLI ``- [id]``."""
    text = "Breaking: the council approved the budget\nBy Jane Doe\nAdvertisement\nThe council approved the new budget on Tuesday after a long debate about schools."
    ex = boilerstrip.explain(text)
    assert ex.render().split("\n") == [
        "> [title<-header-title] Breaking: the council approved the budget",
        "> [authors<-byline] By Jane Doe",
        "- [inline-ad-marker] Advertisement",
        "  The council approved the new budget on Tuesday after a long debate about schools.",
    ]


@pytest.mark.parametrize(
    "text",
    [
        "By TOM KRISHER, AP Auto Writer",
        "By Tom Krisher, Staff Reporter",
        "Par Marie Dupont, correspondante à Bruxelles",
    ],
)
def test_a_role_after_the_name_in_a_byline_is_cut(text):
    """README: roles are cut from author names (issue 16: "AP Auto Writer" came out as an author)."""
    body = "The automaker is recalling nearly two million vehicles because the rearview camera image can fail to appear, the company said."
    art = boilerstrip.extract(f"{text}\n{body}\n{body}")
    name = text.split(" ", 1)[1].split(",")[0]
    assert art.authors == (name,)


def test_a_second_author_after_a_comma_is_not_a_role():
    body = "The automaker is recalling nearly two million vehicles because the rearview camera image can fail to appear, the company said."
    assert boilerstrip.extract(f"By Jane Doe, John Roe\n{body}\n{body}").authors == ("Jane Doe", "John Roe")


def test_a_role_in_html_author_markup_is_cut():
    body = "<p>" + "The automaker is recalling nearly two million vehicles because the rearview camera image can fail to appear. " * 4 + "</p>"
    head = '<title>Ford recalls SUVs</title><meta name="author" content="TOM KRISHER, AP Auto Writer">'
    page = f"<html><head>{head}</head><body><article><h1>Ford recalls SUVs</h1>{body}</article></body></html>"
    assert boilerstrip.extract(page).authors == ("TOM KRISHER",)
    printed = page.replace('<meta name="author" content="TOM KRISHER, AP Auto Writer">', "").replace("</h1>", '</h1><p class="byline">By TOM KRISHER, AP Auto Writer</p>')
    assert boilerstrip.extract(printed).authors == ("TOM KRISHER",)


def test_wrong_type_is_an_input_error():
    with pytest.raises(InputError, match="str or bytes"):
        boilerstrip.clean(12345)  # type: ignore[arg-type]
    assert issubclass(InputError, ValueError)


def test_size_limit_is_a_clear_error():
    with pytest.raises(InputError, match="max_bytes"):
        boilerstrip.clean("x" * 101, max_bytes=100)


def test_user_rules_file(tmp_path):
    f = tmp_path / "site.toml"
    f.write_text(
        '[[rule]]\nid = "acme-footer"\nfamily = "trailer"\naction = "cut-tail"\npatterns = ["More from ACME"]\n', encoding="utf-8"
    )
    text = "The mayor opened the new bridge on Sunday morning.\nMore from ACME\nAnother story about the weather."
    art = boilerstrip.extract(text, rules=f)
    assert art.body == "The mayor opened the new bridge on Sunday morning."
    assert [(r.rule, r.family, r.start_line, r.end_line) for r in art.removed] == [("acme-footer", "trailer", 2, 3)]
    assert "More from ACME" in boilerstrip.clean(text, rules=f, disable={"acme-footer"})


def test_bad_user_rules_file_is_a_clear_error(tmp_path):
    f = tmp_path / "bad.toml"
    f.write_text('[[rule]]\nid = "Bad Id"\npatterns = ["x"]\n', encoding="utf-8")
    with pytest.raises(ValueError, match="kebab-case"):
        boilerstrip.clean("text", rules=f)


def test_images_merge_only_a_markup_picture_with_its_caption_line():
    from boilerstrip.model import Image
    from boilerstrip.pipeline import as_images

    markup = Image(caption="Harbour at dawn.", credit="Foto: dpa", url="https://example.org/a.jpg")
    line = Image(caption="Harbour at dawn.", credit="Foto: dpa")
    other = Image(caption="Harbour at dawn.", credit="Foto: dpa", url="https://example.org/b.jpg")
    assert as_images([line, markup]) == (markup,)  # one picture: the URL joins the caption line
    assert as_images([markup, other]) == (markup, other)  # two pictures that read the same
    assert as_images([markup, line, other]) == (markup, other)
