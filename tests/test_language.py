"""language.detect's speed paths give the answers of the plain definition: the sample's
casefolded words come from Line.lower, and a byte pre-check skips the CJK regex."""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

import pytest

from boilerstrip import language
from boilerstrip.language import _ANY_CJK, _maybe_cjk, detect, script_language
from boilerstrip.model import Line
from boilerstrip.segment import split_lines

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(os.environ.get("BOILERSTRIP_EVALDATA", ROOT.parent / "shared" / "evaldata"))
EVERY_CHAR = "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c <= 0xDFFF)


def test_casefold_is_context_free() -> None:
    """Joining casefolded lines equals casefolding the joined lines: each character folds alone
    (unlike lower(), casefold has no final-sigma rule) and nothing folds to a space."""
    assert " ".join(map(str.casefold, EVERY_CHAR)) == " ".join(EVERY_CHAR).casefold()
    assert "ΟΔΟΣ ΟΔΟΣ".casefold() == "οδοσ οδοσ" != "ΟΔΟΣ ΟΔΟΣ".lower()


def test_maybe_cjk_never_hides_a_cjk_character() -> None:
    cjk = _ANY_CJK.findall(EVERY_CHAR)
    assert len(cjk) > 30_000 and all(map(_maybe_cjk, cjk))
    assert not _maybe_cjk(EVERY_CHAR[:0x3000]) and not _maybe_cjk(EVERY_CHAR[0xD800:])
    assert _maybe_cjk("abc\u3000") and _maybe_cjk("\ud7ff") and not _maybe_cjk("’“”—€…")


def test_maybe_cjk_takes_lone_surrogates() -> None:
    assert _maybe_cjk("a\ud800b")


def plain_detect(lines: Sequence[Line]) -> str | None:
    """The definition detect() implements, written the straightforward way."""
    sample: list[str] = []
    n = 0
    for line in lines:
        if line.n_chars > 40 and line.n_words >= language.SAMPLE_MIN_WORDS:
            sample.append(line.text)
            n += line.n_words
            if n >= language.SAMPLE_WORDS:
                break
    if n < language.SAMPLE_WORDS // 4:
        sample = [line.text for line in lines if line.text][:400]
    text = " ".join(sample)
    sample_cjk = text[: language.SCRIPT_SAMPLE]
    if _ANY_CJK.search(sample_cjk):
        cjk = script_language(sample_cjk)
        if cjk:
            return cjk
    index = language._index()
    votes: Counter[str] = Counter()
    for word in text.casefold().split():
        for code in index.get(word) or index.get(word.strip(language._PUNCT)) or ():
            votes[code] += 1
    if not votes:
        return None
    code, hits = votes.most_common(1)[0]
    return code if hits >= language.MIN_HITS else None


SAMPLES = (
    "Der Hund und die Katze sind nicht im Haus, sondern auf der Straße. " * 3,
    "DER HUND UND DIE KATZE SIND NICHT IM HAUS, SONDERN AUF DER STRASSE. " * 3,  # found only casefolded
    "It’s the ‘best’ thing that has happened to the town in years, the mayor said. " * 3,
    "ΟΔΟΣ ΣΊΣΥΦΟΣ και η ΑΘΗΝΑ είναι στην Ελλάδα, είπε ο δήμαρχος της πόλης. " * 3,
    "東京で昨日、新しい駅が開業しました。多くの人が訪れました。" * 5,
    "서울에서 어제 새로운 역이 문을 열었습니다. 많은 사람들이 방문했습니다." * 5,
    "North Korea (조선) and Japan (日本) are mentioned in this English sentence about the region.",
    "ok",
    "",
)


@pytest.mark.parametrize("text", SAMPLES)
def test_detect_matches_the_definition(text: str) -> None:
    lines = split_lines(text)
    assert detect(lines) == plain_detect(lines)


def test_detect_matches_the_definition_on_dev_pages() -> None:
    pages = sorted(DATA.glob("*/flat-*/*.txt"))[::5]
    if not pages:
        pytest.skip(f"no evaluation data in {DATA} (set BOILERSTRIP_EVALDATA)")
    for path in pages:
        lines = split_lines(path.read_text(encoding="utf-8"))
        assert detect(lines) == plain_detect(lines), path.name
