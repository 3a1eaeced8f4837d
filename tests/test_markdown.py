"""Output formats: Markdown from HTML (headings, lists, tables, code, quotes) and from text, JSON
from clean(), fragments without tags, the CLI's --format markdown. Pages are written by hand."""

from __future__ import annotations

import json

import pytest

import boilerstrip
from boilerstrip.markdown import from_text

P1 = "The council approved the new budget on Tuesday evening after a debate that lasted almost four hours, officials said."
P2 = "Spending on schools rises by three percent, while the road maintenance fund is cut for the second year running."
P3 = "Opposition members said the cuts would leave several bridges without repairs until at least next spring."


def page(body: str) -> str:
    return (
        "<html><head><title>Budget passed - Town News</title></head><body>"
        "<nav><a href='/'>Home</a> <a href='/news'>News</a></nav>"
        f"<article><h1>Budget passed</h1>{body}</article>"
        "<footer>Copyright Town News</footer></body></html>"
    )


def test_headings_lists_and_quotes_keep_their_markup():
    html = page(
        f"<p>{P1}</p><h2>What changes</h2>"
        "<ul><li>Schools get three percent more money next year.</li><li>Roads get less.<ul><li>Bridges wait.</li></ul></li></ul>"
        "<ol><li>First step of the plan</li><li>Second step of the plan</li></ol>"
        f"<p>{P2}</p><blockquote>We had no choice, the mayor said at the meeting on Tuesday.</blockquote><p>{P3}</p>"
    )
    md = boilerstrip.extract(html).to_markdown()
    assert md == "\n\n".join(
        [
            P1,
            "## What changes",
            "- Schools get three percent more money next year.\n- Roads get less.\n  - Bridges wait.",
            "1. First step of the plan\n2. Second step of the plan",
            P2,
            "> We had no choice, the mayor said at the meeting on Tuesday.",
            P3,
        ]
    )
    # the title is metadata, as in the plain body; chrome stays out of both
    assert "Budget passed" not in md and "Home" not in md and "Copyright" not in md


def test_a_data_table_becomes_a_pipe_table_with_its_header_row():
    html = page(
        f"<p>{P1}</p><table><tr><th>Item</th><th>Cost</th></tr><tr><td>Schools</td><td>$3 | 4m</td></tr>"
        f"<tr><td>Roads</td><td>$1m</td></tr></table><p>{P2}</p>"
    )
    art = boilerstrip.extract(html)
    assert art.to_markdown() == f"{P1}\n\n| Item | Cost |\n| --- | --- |\n| Schools | $3 \\| 4m |\n| Roads | $1m |\n\n{P2}"
    # the plain body keeps the table too: every cell, in reading order
    assert art.body == "\n\n".join([P1, "Item", "Cost", "Schools", "$3 | 4m", "Roads", "$1m", P2])


def test_a_layout_table_is_rendered_as_its_paragraphs():
    html = page(f"<table><tr><td><p>{P1}</p><p>{P2}</p></td></tr><tr><td><p>{P3}</p></td></tr></table>")
    assert boilerstrip.extract(html).to_markdown() == "\n\n".join([P1, P2, P3])


def test_code_keeps_its_lines_and_indentation_in_a_fence():
    code = "def total(items):\n    return sum(i.cost for i in items)\n\nprint(total([]))"
    html = page(f"<p>{P1}</p><pre><code>{code}</code></pre><p>{P2}</p>")
    md = boilerstrip.extract(html).to_markdown()
    assert f"\n\n```\n{code}\n```\n\n" in md
    html = page(f"<p>{P1}</p><pre>a = '```'</pre><p>{P2}</p>")
    assert "\n````\na = '```'\n````\n" in boilerstrip.extract(html).to_markdown()  # a longer fence than the code's


def test_paragraphs_that_would_read_as_markup_are_escaped():
    html = page(f"<p>{P1}</p><p># 1 priority for the council, said the mayor, is the budget that it passed today.</p><p>2. {P2}</p>")
    md = boilerstrip.extract(html).to_markdown()
    assert "\n\n\\# 1 priority" in md and f"\n\n\\2. {P2}" in md


def test_markdown_has_the_same_paragraphs_as_the_body():
    html = page(f"<p>{P1}</p><h2>What changes</h2><ul><li>Schools get three percent more.</li><li>Roads get less.</li></ul><p>{P2}</p>")
    art = boilerstrip.extract(html)
    strip = str.maketrans("", "", "#-> ")
    assert [p.translate(strip) for p in art.to_markdown().split("\n") if p] == [p.translate(strip) for p in art.body.split("\n") if p]


@pytest.mark.parametrize(
    "fragment",
    [
        "<p>Hello <b>world</b>, this is a fragment.</p>",
        "<div><p>Hello <b>world</b>, this is a fragment.</p><ul><li>one</li><li>two</li></ul></div>",
        "  <ul><li>Only a list</li><li>of two items</li></ul>",
        f"<h2>A heading</h2><p>{P1}</p><table><tr><td>a</td><td>b</td></tr></table>",
    ],
)
def test_fragments_never_leak_tags(fragment):
    for output in ("text", "markdown", "json"):
        out = boilerstrip.clean(fragment, output=output)
        assert "<" not in out and ">" not in out.replace("> ", ""), (output, out)
    assert boilerstrip.clean(fragment)  # and something is kept


def test_plain_text_with_a_tag_in_a_sentence_stays_text():
    text = "Plain text about markup.\n\nUse <b>bold</b> sparingly, the style guide says."
    assert boilerstrip.clean(text) == text
    # a flattened docs page that names an element first and shows its closing tag far below
    doc = "<table>: The Table element\n\nSkip to main content\n\nThe table element represents data.\n\nExample\n\nA row ends with </table> in the example."
    assert not boilerstrip.api._looks_like_html(doc)


def test_text_input_markdown_shows_the_headings_and_list_items_it_had():
    assert from_text(f"{P1}\n\nWhat changes\n\n{P2}\n• schools\n• roads\n3) bridges\n\nThe end") == (
        f"{P1}\n\n## What changes\n\n{P2}\n- schools\n- roads\n3. bridges\n\nThe end"  # a last short line heads nothing
    )
    assert from_text("First heading\n\nSecond heading\n\n" + P1) == "First heading\n\n## Second heading\n\n" + P1
    assert from_text("") == ""
    text = f"Advertisement\n{P1}\n\nWhat changes\n\n{P2}"
    assert boilerstrip.clean(text, output="markdown") == f"{P1}\n\n## What changes\n\n{P2}"


def test_json_output_is_the_article_with_its_metadata():
    html = page(f"<p>{P1}</p><p>{P2}</p>")
    d = json.loads(boilerstrip.clean(html, output="json"))
    assert d["body"] == f"{P1}\n\n{P2}" and d["title"] == "Budget passed" and "removed" not in d


def test_output_is_one_checked_option():
    with pytest.raises(ValueError, match="output must be"):
        boilerstrip.clean("x", output="pdf")
    assert boilerstrip.Config(output="markdown").output == "markdown"


def test_cli_format_markdown_writes_md_files(tmp_path):
    from boilerstrip.cli import main

    src = tmp_path / "in"
    src.mkdir()
    (src / "a.html").write_text(page(f"<p>{P1}</p><ul><li>one item here</li><li>two items here</li></ul><p>{P2}</p>"), encoding="utf-8")
    assert main(["clean", str(src), "-o", str(tmp_path / "out"), "--format", "markdown", "--jobs", "1"]) == 0
    md = (tmp_path / "out" / "a.md").read_text(encoding="utf-8")
    assert md == f"{P1}\n\n- one item here\n- two items here\n\n{P2}\n"
