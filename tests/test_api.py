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
