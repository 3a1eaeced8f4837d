"""Hostile and broken input (issue 5): a clear InputError for what cannot be text, a best-effort
result for everything else. Big inputs are in test_robustness_size.py, regex timing in
test_patterns_linear.py."""

from __future__ import annotations

import gzip
import zlib

import pytest

import boilerstrip
from boilerstrip import InputError
from boilerstrip.decode import decode
from boilerstrip.segment import normalize

PROSE = "The council approved the new budget on Tuesday after a long debate about schools and roads."
PROSE2 = "Crews expect to restore power to most homes by the end of the week, officials said."
RU = "Президент России заявил во вторник, что переговоры продолжатся на следующей неделе в Москве."
JA = "東京都の知事は火曜日に、新しい公園の建設計画を発表しました。市民の意見を聞いて決める予定です。"
ZH = "北京市政府周二宣布，将在明年春天开放一座新的公共图书馆，供市民免费使用。"
FR = "Le maire a présenté mardi un projet de piscine municipale, très attendu par les élèves du quartier."


# --- nothing to keep ------------------------------------------------------------------------


@pytest.mark.parametrize("text", ["", b"", " ", "\n\n\n", " \t\r\n \u00a0\u2028\u3000", b"\xef\xbb\xbf", "\u200b\u200b", b"\x00" * 64])
def test_empty_and_blank_inputs_give_an_empty_body(text):
    art = boilerstrip.extract(text)
    assert art.body == "" and art.removed == ()


def test_a_single_word_comes_back():
    assert boilerstrip.clean("Hello") == "Hello"


def test_a_page_of_nothing_but_chrome_gives_an_empty_body():
    page = "Advertisement\nlogo\nRelated Articles\nSource link\nLeave a Reply\nYour email address will not be published. Required fields are marked *"
    art = boilerstrip.extract(page)
    assert art.body == ""
    removed = {n for r in art.removed for n in range(r.start_line, r.end_line + 1)}
    assert removed == set(range(1, 7)), "every line leaves with a logged rule"


# --- bytes that are not text ---------------------------------------------------------------

PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\x00\x00\x00\x10\x08\x06\x00\x00\x00\x1f\xf3\xffa" + bytes(range(256)) * 4
PDF = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\nstream\n" + zlib.compress(b"BT /F1 12 Tf (Hello) Tj ET" * 50)


@pytest.mark.parametrize(
    ("data", "why"),
    [
        (PNG, "PNG image"),
        (gzip.compress((PROSE + "\n").encode() * 200), "gzip data"),
        (PDF, "PDF document"),
        (b"PK\x03\x04\x14\x00\x00\x00\x08\x00" + zlib.compress(b"x" * 1000), "zip archive"),
        (b"\x7fELF\x02\x01\x01" + bytes(1000), "ELF executable"),
    ],
)
def test_binary_formats_are_an_input_error_that_names_the_format(data, why):
    with pytest.raises(InputError, match=f"binary \\({why}\\)"):
        boilerstrip.clean(data)
    assert issubclass(InputError, ValueError)


def test_compressed_bytes_without_a_magic_number_are_binary_too():
    raw = zlib.compress(bytes(range(256)) * 3 + PROSE.encode() * 20)[2:]  # raw deflate: no header to sniff
    with pytest.raises(InputError, match="binary"):
        boilerstrip.clean(raw)


def test_binary_is_refused_only_for_bytes():
    """A str can always be read: control characters in a str are cleaned, not refused."""
    text = "\x89PNG\x00\x01\x02 " + PROSE
    assert boilerstrip.clean(text) == "PNG " + PROSE


# --- broken or unusual text ----------------------------------------------------------------


def test_nul_bytes_inside_text_are_dropped():
    data = (PROSE[:20] + "\x00" + PROSE[20:] + "\n\x00\n" + PROSE2).encode()
    assert boilerstrip.clean(data) == PROSE + "\n\n" + PROSE2


def test_nul_padding_after_the_text_does_not_make_it_binary():
    """A file preallocated and cut short by a crash: text, then a block of NULs."""
    assert boilerstrip.clean(PROSE.encode() + b"\x00" * 20000) == PROSE


def test_invalid_utf8_keeps_the_valid_text():
    data = FR.encode() + b"\n\xff\xfe stray bytes \xc3 here\n" + FR.encode()
    body = boilerstrip.clean(data)
    assert body.startswith(FR) and body.endswith(FR), "the accents of the UTF-8 text survive"
    assert "stray bytes" in body


def test_utf8_cut_inside_a_character_still_reads_as_utf8():
    data = (FR + " " + RU).encode()[:-1]
    assert boilerstrip.clean(data).startswith(FR + " Президент")


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-8-sig"])
@pytest.mark.parametrize("text", [PROSE + "\n" + PROSE2, RU + "\n" + RU, FR + "\n" + RU], ids=["en", "ru", "fr-ru"])
def test_unicode_encodings_with_and_without_bom(encoding, text):
    assert boilerstrip.clean(text.encode(encoding)) == text.replace("\n", "\n\n")


@pytest.mark.parametrize(
    ("text", "encoding"),
    [
        ("Η κυβέρνηση ανακοίνωσε την Τρίτη νέα μέτρα για την οικονομία.\nΟι επιχειρήσεις θα λάβουν στήριξη.", "utf-16-le"),
        ("الحكومة أعلنت يوم الثلاثاء عن إجراءات جديدة.\nستحصل الشركات على دعم إضافي.", "utf-16-be"),
        (ZH + "\n供市民免费使用。", "utf-16-le"),
        ("서울시는 화요일에 새로운 공원 건설 계획을 발표했다.\n시민들의 의견을 듣겠다고 밝혔다.", "utf-16-le"),
    ],
    ids=["greek-le", "arabic-be", "chinese-le", "korean-le"],
)
def test_utf16_without_bom_in_other_scripts(text, encoding):
    assert boilerstrip.clean(text.encode(encoding)) == text.replace("\n", "\n\n")


@pytest.mark.parametrize(
    ("text", "encoding"),
    [
        (RU + "\nЭто решение было принято после долгих обсуждений в правительстве и парламенте.", "cp1251"),
        (JA + "\n知事は記者会見で、計画の詳細を来月までに公表すると述べました。", "shift_jis"),
        (ZH + "\n图书馆将收藏超过十万册图书，并提供儿童阅读区和自习室。", "gb18030"),
        (FR + "\nLes travaux doivent commencer à l'été, selon la mairie.", "cp1252"),
    ],
    ids=["cp1251", "shift-jis", "gb18030", "cp1252"],
)
def test_legacy_charsets_are_detected(text, encoding):
    assert boilerstrip.clean(text.encode(encoding)) == text.replace("\n", "\n\n")


def test_declared_charset_in_html_wins():
    page = f'<html><head><meta charset="windows-1251"></head><body><p>{RU}</p></body></html>'
    assert RU in boilerstrip.clean(page.encode("cp1251"))


@pytest.mark.parametrize("label", ["uu", "base64", "idna", "unicode_escape", "no-such-charset"])
def test_a_bogus_declared_charset_falls_back_to_detection(label):
    page = f'<html><head><meta charset="{label}"></head><body><p>{FR}</p></body></html>'
    assert FR in boilerstrip.clean(page.encode("utf-8"))


def test_mixed_line_ends_split_into_lines():
    text = f"{PROSE}\r\n{PROSE2}\r{FR}\u2028{PROSE}\n\r\n{PROSE2}\x85{FR}"
    assert boilerstrip.clean(text) == "\n\n".join([PROSE, PROSE2, FR, PROSE, PROSE2, FR])


def test_zero_width_and_bidi_characters_are_dropped():
    text = f"\u200b{PROSE[:10]}\u200b{PROSE[10:]}\u200e\n\u202e{PROSE2}\u202c\u2066\u2069\ufeff"
    assert boilerstrip.clean(text) == PROSE + "\n\n" + PROSE2


def test_invisible_characters_do_not_hide_chrome():
    """Soft hyphens, zero-width spaces and bidi marks inside a catalogue phrase still match."""
    text = f"{PROSE}\n\u200eAdver\u00adtise\u200bment\u200f\n{PROSE2}"
    art = boilerstrip.extract(text)
    assert art.body == PROSE + "\n\n" + PROSE2
    assert [r.rule for r in art.removed] == ["inline-ad-marker"]


def test_zwj_and_zwnj_are_kept():
    """They carry meaning (Persian, Indic scripts, emoji sequences)."""
    assert normalize("می\u200cخواهم 👩\u200d💻") == "می\u200cخواهم 👩\u200d💻"


def test_combining_sequences_are_composed_and_zalgo_survives():
    decomposed = "Le maire a pre\u0301sente\u0301 mardi un projet tre\u0300s attendu."
    assert boilerstrip.clean(decomposed) == "Le maire a présenté mardi un projet très attendu."
    zalgo = "Z\u0336\u0335\u0334\u0337" * 300 + " " + PROSE
    assert boilerstrip.clean(zalgo).endswith(PROSE)


def test_control_characters_in_ascii_text_are_removed():
    assert normalize("a\x01b\x1fc\x7fd\te") == "abcd e"


def test_lone_surrogates_become_replacement_characters_so_the_output_can_be_written():
    text = PROSE + "\ud800\n" + PROSE2 + " \ud83d\ude00\udfff"
    body = boilerstrip.clean(text)
    assert body == PROSE + "\ufffd\n\n" + PROSE2 + " 😀\ufffd"
    body.encode("utf-8")


def test_decode_never_raises_anything_but_input_error_on_short_junk():
    for n in range(256):
        data = bytes([n]) * 3 + b"abc" + bytes([255 - n])
        try:
            assert isinstance(decode(data), str)
        except InputError:
            pass


# --- markup that is broken --------------------------------------------------------------


def test_unclosed_tags_still_give_the_text():
    page = f"<html><body><div><p>{PROSE}<p>{PROSE2}<b>bold <i>italic <a href='x'>link<table><tr><td>{FR}"
    body = boilerstrip.clean(page)
    assert PROSE in body and PROSE2 in body


def test_unterminated_comment_script_and_attribute():
    page = f"<html><body><p>{PROSE}</p><!-- never closed <p>{PROSE2}</p><script>var x = '<p>"
    assert PROSE in boilerstrip.clean(page)
    page = f"<html><body><p>{PROSE}</p><a href='" + "x" * 5000
    assert PROSE in boilerstrip.clean(page)


def test_entities_and_unknown_entities():
    page = "<html><body><p>Caf&eacute; &amp; cr&#232;me &#x263A; &bogus; &#99999999; &#0; were served after the long debate.</p></body></html>"
    body = boilerstrip.clean(page)
    assert body.startswith("Café & crème ☺ &bogus;")


def test_wrong_input_types_are_input_errors():
    for bad in (None, 3.14, ["a"], {"a": 1}):
        with pytest.raises(InputError, match="str or bytes"):
            boilerstrip.clean(bad)  # type: ignore[arg-type]


def test_bytearray_and_memoryview_are_bytes():
    assert boilerstrip.clean(bytearray(PROSE.encode())) == PROSE
    assert boilerstrip.clean(memoryview(PROSE.encode())) == PROSE


def test_soft_hyphens_stay_in_the_body():
    """U+00AD is the page's own hyphenation point (issue 12: keep the text as it was); a line of
    nothing but soft hyphens is blank."""
    line = "Die Donau\u00addampf\u00adschiff\u00adfahrt fuhr am Montag zum ersten Mal seit dem Hoch\u00adwasser wieder."
    text = f"{PROSE}\n{line}\n\u00ad\u00ad\n{PROSE2}"
    assert boilerstrip.clean(text) == f"{PROSE}\n\n{line}\n\n{PROSE2}"
