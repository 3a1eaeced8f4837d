"""UTF-8 with stray bytes stays UTF-8 (issue 16): the valid characters are never re-read in
another charset, only the stray bytes are read as cp1252, and the repair is reported."""

from __future__ import annotations

import warnings

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import boilerstrip
from boilerstrip.decode import UTF8_FEW_BAD_BYTES, decode, decode_noting

PARA = "The company said on Monday that shares rose after the report, and analysts expected more growth this year. "
#: A 2.9 KB UTF-8 article with three curly quotes and one Latin-1 line appended: read whole as
#: Mac Roman before the fix (charset detection on a mostly-ASCII file), so ’ came out as ‚Äô.
SPLICED = ("The firm’s chief said it’s “fine”. " + PARA * 26).encode() + b"\nCaf\xe9 \xe9t\xe9 \xe0 la plage\n"


def test_a_latin1_line_appended_to_a_utf8_article_leaves_the_utf8_alone():
    assert 2800 < len(SPLICED) < 3000
    text, note = decode_noting(SPLICED)
    assert text.startswith("The firm’s chief said it’s “fine”.")
    assert text.endswith("\nCafé été à la plage\n")
    assert note == "not valid UTF-8: 4 stray bytes read as cp1252, the rest as UTF-8"


def test_the_api_reads_it_the_same_and_warns():
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        body = boilerstrip.clean(SPLICED)
    assert "The firm’s chief said it’s “fine”." in body
    assert "‚Äô" not in body
    assert [str(w.message) for w in caught if issubclass(w.category, UnicodeWarning)] == ["not valid UTF-8: 4 stray bytes read as cp1252, the rest as UTF-8"]


def test_clean_utf8_gives_no_warning():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        boilerstrip.clean(("The firm’s chief said it’s fine. " + PARA).encode())
    assert decode_noting(PARA.encode()) == (PARA, None)


def test_a_whole_latin1_paragraph_spliced_into_utf8_stays_latin1_there():
    """More stray bytes than "a few", but each alone between valid characters: accented letters."""
    fr = "Le conseil municipal a voté le budget après un long débat sur les écoles et les crèches. "
    data = ("Le maire l’a dit à la presse : « c’est fait ». " + PARA * 10).encode() + (fr * 4).encode("cp1252")
    text, note = decode_noting(data)
    assert text.startswith("Le maire l’a dit à la presse : « c’est fait ».")
    assert text.endswith(fr * 4)
    assert note is not None and "UTF-8" in note


@pytest.mark.parametrize(
    ("text", "encoding"),
    [
        ("Президент заявил во вторник, что правительство поддержит новый закон о школах. " * 3, "cp1251"),
        ("Η κυβέρνηση ανακοίνωσε την Τρίτη νέα μέτρα για την οικονομία και τις επιχειρήσεις. " * 3, "cp1253"),
        ("東京都は火曜日、新しい図書館の建設計画を発表しました。知事は記者会見で詳細を述べました。" * 2, "shift_jis"),
    ],
    ids=["cp1251", "cp1253", "shift-jis"],
)
def test_legacy_text_in_another_script_is_still_detected(text, encoding):
    """Its high bytes come in runs, one a word, so it is not taken for damaged UTF-8."""
    data = text.encode(encoding)
    assert decode_noting(data) == (text, None)


# --- the property: valid UTF-8 plus a few invalid bytes keeps every valid character ------------

#: Any text a file may hold: no control characters but tab and newline, no surrogates (not
#: encodable), no BOM (at the start it would say "UTF-8 with BOM" and be dropped).
TEXT = st.text(st.characters(blacklist_categories=("Cc", "Cs"), blacklist_characters="\ufeff") | st.sampled_from("\n\t"), max_size=400)


@st.composite
def damaged(draw: st.DrawFn) -> tuple[str, list[int], bytes]:
    """(text, the character positions where a stray byte goes, the bytes): 1..8 stray bytes, each
    alone between two characters (two side by side could form a valid character themselves)."""
    text = draw(TEXT)
    k = draw(st.integers(1, UTF8_FEW_BAD_BYTES))
    places = sorted(draw(st.sets(st.integers(0, len(text)), min_size=min(k, len(text) + 1), max_size=min(k, len(text) + 1))))
    strays = draw(st.lists(st.integers(0x80, 0xFF), min_size=len(places), max_size=len(places)))
    data = b""
    last = 0
    for at, b in zip(places, strays, strict=True):
        data += text[last:at].encode() + bytes([b])
        last = at
    data += text[last:].encode()
    return text, places, data


@settings(max_examples=300, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(damaged())
def test_valid_utf8_plus_a_few_invalid_bytes_keeps_its_valid_characters(case):
    text, places, data = case
    out = decode(data)
    assert len(out) == len(text) + len(places)  # one character for each stray byte
    shifted = {at + i for i, at in enumerate(places)}
    assert "".join(ch for i, ch in enumerate(out) if i not in shifted) == text


@settings(max_examples=100, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(damaged())
def test_the_stray_bytes_themselves_read_as_cp1252(case):
    text, places, data = case
    out = decode(data)
    want = [bytes([b]).decode("cp1252", errors="replace") for b in _strays(text, places, data)]
    if places == [len(text)] and 0xC2 <= data[-1] <= 0xF4:  # only a lead byte at the very end: a cut-off character
        want[-1] = "\ufffd"
    assert [out[at + i] for i, at in enumerate(places)] == want


def _strays(text: str, places: list[int], data: bytes) -> list[int]:
    out, pos, last = [], 0, 0
    for at in places:
        pos += len(text[last:at].encode())
        out.append(data[pos])
        pos += 1
        last = at
    return out
