"""Per-site template learning (boilerstrip.templates, rule site-template) on an invented corpus.

tests/sitegen.py wraps the fixtures' articles (seed bodies a person checked, the negative
fixtures' prose) in made-up chrome of five sites in five languages: menus, a breadcrumb, an
"updated" line whose date differs on every page, two promos that alternate inside the body, a
share line and a footer (with a long publisher sentence and a copyright year that differs).
"""

from __future__ import annotations

import json

import pytest
import sitegen

import boilerstrip
from boilerstrip.api import replay
from boilerstrip.segment import normalize
from boilerstrip.templates import MAX_KEYS_PER_SITE, MIN_PAGES, Learner, SiteTemplate, Templates, learn, page_site

#: What learning must achieve on the invented corpus (issue #14): share of chrome lines removed.
MIN_CHROME_REMOVED = 0.95


def _measure(pages: list[sitegen.Page], mode: str, model: Templates | None) -> dict:
    """Chrome lines removed, article lines lost (any rule) and article lines site-template took."""
    chrome = chrome_gone = article = 0
    lost: set[tuple[str, str]] = set()
    by_template: list[tuple[str, str]] = []
    for p in pages:
        data = p.text if mode == "text" else p.html
        options = {"templates": model, "site": p.site} if model is not None else {}
        art = boilerstrip.extract(data, input_format=mode, **options)
        body = set(art.body.split("\n"))
        template_lines = {t for r in art.removed if r.rule == "site-template" for t in r.text.split("\n")}
        if mode == "text":
            assert replay(data, art.removed) == art.body
        for kind, raw in p.lines:
            t = normalize(raw)
            if not t:
                continue
            if kind == "chrome":
                chrome += 1
                chrome_gone += t not in body
            else:
                article += 1
                if t not in body:
                    lost.add((p.name, t))
                if t in template_lines:
                    by_template.append((p.name, t))
    return {"chrome": chrome, "chrome_removed": chrome_gone / chrome, "article": article, "lost": lost, "by_template": by_template}


@pytest.mark.parametrize("mode", ["text", "html"])
def test_learning_removes_the_chrome_and_no_article_line(mode):
    pages = sitegen.corpus()
    assert len({p.site for p in pages}) == 5 and len(pages) >= 100
    model = learn(((p.site, p.text if mode == "text" else p.html) for p in pages), input_format=mode)
    before = _measure(pages, mode, None)
    after = _measure(pages, mode, model)
    print(f"{mode}: chrome lines removed {before['chrome_removed']:.3f} -> {after['chrome_removed']:.3f} of {after['chrome']}; "
          f"article lines lost {len(before['lost'])} -> {len(after['lost'])} of {after['article']}")
    assert after["chrome_removed"] >= MIN_CHROME_REMOVED
    assert after["chrome_removed"] > before["chrome_removed"]
    assert after["by_template"] == []  # the template rule takes no article line ...
    assert after["lost"] <= before["lost"]  # ... and learning makes no other rule take one


def test_a_lead_quoted_as_a_teaser_on_other_pages_stays_in_its_article():
    """The lead and headline of one article sit in a "Most read" box on 60% (then all) of the
    other pages of the site; the article itself keeps them."""
    pages = sitegen.site_pages("herald.example")

    def sentence(t: str) -> bool:  # a sentence of ten words or more (not a list item)
        return len(t.split()) >= 10 and t.endswith(".")

    def leads(p: sitegen.Page) -> list[str]:  # such sentences with another right after them (an article's lead, not an entry's blurb)
        body = [t for kind, t in p.lines if kind == "article"]
        return [t for t, nxt in zip(body, body[1:], strict=False) if sentence(t) and sentence(nxt)]

    # the first page with a lead (which one depends on the fixtures the corpus is cut from)
    k0 = next(k for k, p in enumerate(pages) if leads(p))
    star, lead = pages[k0], leads(pages[k0])[0]
    pages = [star, *pages[:k0], *pages[k0 + 1 :]]
    for share in (0.6, 1.0):
        teased = [star] + [_with_teaser(p, "Most read on the Herald", lead) if k < share * (len(pages) - 1) else p for k, p in enumerate(pages[1:])]
        model = learn((p.site, p.text) for p in teased)
        assert model.site("herald.example").lines.get("most read on the herald") is not None  # the box heading is learned
        body = boilerstrip.clean(star.text, templates=model, site="herald.example")
        assert lead in body.split("\n\n"), share


def _with_teaser(p: sitegen.Page, heading: str, teaser: str) -> sitegen.Page:
    k = max(i for i, (kind, _) in enumerate(p.lines) if kind == "article")
    return sitegen.Page(p.site, p.name, [*p.lines[: k + 1], ("", ""), ("chrome", heading), ("chrome", teaser), *p.lines[k + 1 :]])


def test_without_templates_nothing_changes_and_other_sites_are_untouched():
    pages = sitegen.site_pages("tagblatt.example")
    model = learn((p.site, p.text) for p in pages)
    # The pages whose footer line the generic rules keep beside the article (which pages those are
    # depends on the fixtures the corpus is cut from, so they are found, not named by index; a page
    # whose body holds no prose line is left out: site-template never takes a page's prose whole, so
    # there the footer sentence is what stays; see test_a_site_of_near_identical_pages_keeps_its_prose).
    def keeps(page: sitegen.Page) -> bool:
        body = boilerstrip.extract(page.text).body
        prose = [t for k, t in page.lines if k == "article" and len(t.split()) >= 10 and t.endswith(".")]
        return "Seetal Medien" in body.splitlines()[-1] and any(t in body for t in prose)

    kept = [p.text for p in pages if keeps(p)]
    assert len(kept) >= 3
    for page in kept:
        plain = boilerstrip.extract(page)
        assert boilerstrip.extract(page, templates=model, site="elsewhere.example") == plain
        assert boilerstrip.extract(page, templates=model) == plain  # text without a site: no template
        learned = boilerstrip.extract(page, templates=model, site="tagblatt.example")
        assert "Seetal Medien" not in learned.body


def test_an_html_page_finds_its_site_in_its_canonical_url():
    pages = sitegen.site_pages("courrier.example")
    canon = '<link rel="canonical" href="https://www.courrier.example/a/{n}.html">'
    docs = [p.html.replace("<title>", canon.format(n=k) + "<title>") for k, p in enumerate(pages)]
    assert page_site("x.html", docs[0]) == "courrier.example"
    model = learn((page_site("x.html", d), d) for d in docs)
    art = boilerstrip.extract(docs[1], templates=model)  # no site= given: the page's URL says it
    assert any(r.rule == "site-template" for r in art.removed)
    assert "Vie locale" not in art.body


def test_a_site_of_near_identical_pages_keeps_its_prose():
    page = "Menu\nThe shop sells bread, cakes and coffee every day from seven in the morning.\nContact"
    model = learn(("bakery", page) for _ in range(10))
    body = boilerstrip.clean(page, templates=model, site="bakery")
    assert body == "The shop sells bread, cakes and coffee every day from seven in the morning."


def test_learning_memory_is_bounded_per_site_and_keeps_the_template():
    """5,000 pages of one site, each with 30 lines of its own: the counters stay capped, and the
    menu and footer (on every page) and a promo on a third of the pages are still learned."""
    learner = Learner("text")
    for i in range(5000):
        own = [f"Line {j} of page {i:x} is a sentence with {chr(97 + i % 26)}{i // 26:x} in it." for j in range(30)]
        promo = ["Try Plus for a month"] if i % 3 == 0 else []
        learner.add("\n".join(["Home", "World", *own, *promo, "Imprint"]), "big.example")
        counts = learner._sites["big.example"].counts
        assert len(counts) <= MAX_KEYS_PER_SITE
    model = learner.result().site("big.example")
    assert model.pages == 5000
    assert set(model.lines) == {"home", "world", "imprint", "try plus for a month"}
    assert model.lines["home"] == 5000 and model.lines["try plus for a month"] >= 1600


def test_model_file_round_trip(tmp_path):
    pages = sitegen.site_pages("diario.example")
    model = learn((p.site, p.text) for p in pages)
    path = tmp_path / "t.json"
    model.save(path)
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["format"] == "boilerstrip-templates" and data["sites"]["diario.example"]["pages"] == len(pages)
    again = Templates.load(path)
    assert again.sites == model.sites and again.site("diario.example").lines == model.site("diario.example").lines
    assert boilerstrip.clean(pages[0].text, templates=again, site="diario.example") == boilerstrip.clean(pages[0].text, templates=model, site="diario.example")
    path.write_text('{"format": "other"}')
    with pytest.raises(ValueError, match="not a boilerstrip-templates model"):
        Templates.load(path)


def test_small_sites_learn_nothing():
    pages = sitegen.site_pages("gazzetta.example")[: MIN_PAGES - 1]
    assert learn((p.site, p.text) for p in pages).site("gazzetta.example") == SiteTemplate(MIN_PAGES - 1, {})


# --- the command line: learn, clean --learn, clean --templates, explain --templates ----------


def _write_corpus(root, html: bool = False) -> list[sitegen.Page]:
    pages = [p for site in ("herald.example", "tagblatt.example") for p in sitegen.site_pages(site)]
    for p in pages:
        path = root / (p.name + (".html" if html else ".txt"))
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(p.html if html else p.text, encoding="utf-8")
    return pages


def _run(*argv: str) -> tuple[int, str, str]:
    import io

    from boilerstrip.cli import main

    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), out, err)
    return code, out.getvalue(), err.getvalue()


@pytest.mark.parametrize("html", [False, True])
def test_cli_learn_then_clean_with_the_model_equals_clean_learn(tmp_path, html):
    pages = _write_corpus(tmp_path / "in", html)
    code, _, err = _run("learn", str(tmp_path / "in"), "-o", str(tmp_path / "model.json"))
    assert code == 0, err
    assert f"{len(pages)} pages of 2 sites (2 with a template" in err  # sites from the folder layout: in/<site>/...
    model = Templates.load(tmp_path / "model.json")
    assert sorted(model.sites) == ["herald.example", "tagblatt.example"]
    model_file = str(tmp_path / "model.json")
    code, _, err = _run("clean", str(tmp_path / "in"), "-o", str(tmp_path / "a"), "--templates", model_file, "-j", "2", "--summary-json", str(tmp_path / "s.json"))
    assert code == 0, err
    assert json.loads((tmp_path / "s.json").read_text())["rules"]["site-template"] > 0
    code, _, err = _run("clean", str(tmp_path / "in"), "-o", str(tmp_path / "b"), "--learn", "-j", "1")
    assert code == 0, err
    suffix = ".txt"
    for p in pages:
        a = (tmp_path / "a" / (p.name + suffix)).read_text(encoding="utf-8")
        assert a == (tmp_path / "b" / (p.name + suffix)).read_text(encoding="utf-8")
        assert "Titelseite" not in a and "Front Page" not in a and "Leserservice" not in a
    first = str(tmp_path / "in" / (pages[0].name + (".html" if html else ".txt")))
    code, out, _ = _run("explain", first, "--templates", model_file, "--site", pages[0].site, "--color", "never")
    assert code == 0 and "- [site-template] Front Page" in out


def test_cli_template_errors(tmp_path):
    (tmp_path / "bad.json").write_text("[]")
    code, _, err = _run("clean", str(tmp_path), "-o", str(tmp_path / "o"), "--templates", str(tmp_path / "bad.json"))
    assert code == 2 and "not a boilerstrip-templates model" in err
    code, _, err = _run("clean", "-", "--learn")
    assert code == 2 and "cannot read stdin" in err
