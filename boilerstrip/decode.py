"""bytes -> str, or a clear :class:`InputError` when the bytes cannot be text.

Order of evidence, first that applies wins: a byte-order mark; UTF-16/32 without a BOM
(recognised by its NUL-byte pattern); strictly valid UTF-8; a charset declared in an HTML
``<meta>`` or XML prolog (mapped to the WHATWG superset a browser would use); UTF-8 with a few
stray bytes (:func:`_stray_bytes_in_utf8`: the valid characters stay as they are, only the stray
bytes are read as cp1252, and :func:`decode_noting` says so); charset-normalizer's guess; cp1252
with replacement characters as the last resort.

>>> decode("Grüße".encode("cp1252"))
'Grüße'
>>> decode(b"\\x89PNG\\r\\n\\x1a\\n\\x00\\x00")
Traceback (most recent call last):
...
boilerstrip.decode.InputError: input is binary (PNG image), not text
"""

from __future__ import annotations

import codecs
import re
import warnings

from .config import Config

#: Binary formats we name in the error message, by magic number.
MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"%PDF-", "PDF document"),
    (b"\x1f\x8b", "gzip data"),
    (b"PK\x03\x04", "zip archive"),
    (b"BZh", "bzip2 data"),
    (b"\xfd7zXZ\x00", "xz data"),
    (b"\x7fELF", "ELF executable"),
    (b"RIFF", "RIFF media"),
    (b"\x00\x00\x00\x18ftyp", "MP4 video"),
    (b"\x00\x00\x00\x20ftyp", "MP4 video"),
    (b"OggS", "Ogg media"),
    (b"ID3", "MP3 audio"),
    (b"wOFF", "web font"),
    (b"wOF2", "web font"),
    (b"\xd0\xcf\x11\xe0", "MS Office document"),
    (b"SQLite format 3\x00", "SQLite database"),
    (b"\xca\xfe\xba\xbe", "Java class or Mach-O binary"),
    (b"\x00asm", "WebAssembly module"),
    (b"\x28\xb5\x2f\xfd", "zstd data"),
    (b"7z\xbc\xaf\x27\x1c", "7z archive"),
    (b"Rar!\x1a\x07", "RAR archive"),
)
#: Share of C0 control bytes other than NUL, tab, newline, CR, FF and ESC in the sample above which
#: bytes are binary. Text has next to none; random or compressed bytes have ~10% (26 of 255 values),
#: so 5% separates them with a wide margin on any sample of a few hundred bytes.
BINARY_CONTROL_SHARE = 0.05
#: Compressed or encrypted bytes can dip under that; when over this share of the sample is bytes
#: >= 0x80 and it is not UTF-8 (so: legacy 8-bit text or binary), a lower control share decides.
#: Legacy text (cp1251, Shift-JIS...) has no control bytes at all.
BINARY_CONTROL_SHARE_8BIT = 0.01
HIGH_BYTE_SHARE_8BIT = 0.25
#: Bytes looked at for sniffing (magic numbers, UTF-16 pattern, declared charset).
SNIFF_BYTES = 8192
#: Below this many bytes charset detection is a coin toss; short legacy text is read as cp1252.
DETECT_MIN_BYTES = 64

#: UTF-16 without BOM in a non-Latin alphabet (``_utf16_one_script``): at least this many code
#: units in the sample, this share of them with a NUL high byte (spaces, line ends, digits), at most
#: this share with a NUL low byte, one high byte value for this share of the rest (one script),
#: and the decoded sample this much letters+spaces and printable.
UTF16_MIN_UNITS = 8
UTF16_MIN_NUL_SHARE = 0.02
UTF16_MAX_LOW_NUL_SHARE = 0.02
UTF16_SCRIPT_SHARE = 0.8
UTF16_LETTER_SHARE = 0.7
UTF16_PRINTABLE_SHARE = 0.98

#: High bytes of CJK text in UTF-16: CJK punctuation and kana, unified ideographs, Hangul, fullwidth forms.
_CJK_HIGH = bytes([0x30, *range(0x4E, 0xA0), *range(0xAC, 0xD8), 0xFF])

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_META = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_:.+-]{1,40})""", re.I)
_XML = re.compile(rb"""^\s*<\?xml[^>]{0,200}encoding\s*=\s*["']([A-Za-z0-9_:.+-]{1,40})""", re.I)
_SUPERSET = {
    "iso-8859-1": "cp1252", "iso8859-1": "cp1252", "latin-1": "cp1252", "latin1": "cp1252",
    "ascii": "cp1252", "us-ascii": "cp1252", "iso-8859-9": "cp1254", "tis-620": "cp874",
    "gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030", "shift_jis": "cp932",
    "shift-jis": "cp932", "sjis": "cp932", "x-sjis": "cp932", "euc-kr": "cp949",
    "ks_c_5601-1987": "cp949", "big5": "big5hkscs",
    "utf-16": "utf-8", "utf-16le": "utf-8", "utf-16be": "utf-8",
}
_HIGH = bytes(range(0x80, 0x100))
#: Damaged UTF-8 (spliced or corrupted files) stays UTF-8 when at most this share of it is invalid
#: and it holds at least this many valid multi-byte characters per invalid sequence; legacy 8-bit
#: text (cp1252, cp1251, Shift-JIS) forms valid multi-byte UTF-8 sequences only by accident.
UTF8_MAX_BAD_SHARE = 0.05
UTF8_MIN_VALID_PER_BAD = 3
#: UTF-8 with at most this many stray bytes stays UTF-8 whatever the file's size (a Latin-1 line
#: appended to a UTF-8 article): too few for charset detection to judge, which on a mostly-ASCII
#: file guesses anything (Mac Roman turned every ``’`` into ``‚Äô``).
UTF8_FEW_BAD_BYTES = 8
#: More stray bytes still leave valid UTF-8 alone when it has valid multi-byte characters and this
#: share of the stray bytes stand alone, one between two valid characters: Latin-1/cp1252
#: accented letters spliced into UTF-8 ("Caf\xe9"). Non-Latin legacy text (cp1251, Greek,
#: Shift-JIS, GB18030) gives runs of high bytes, one run a word, so it goes on to detection.
UTF8_LONE_BAD_SHARE = 0.9
_NOT_CHARSETS = frozenset({"idna", "punycode", "unicode-escape", "raw-unicode-escape", "undefined", "utf-7"})
_CONTROL = bytes(c for c in range(32) if c not in (9, 10, 12, 13, 27))
#: Stray (invalid) bytes after ``decode("utf-8", "surrogateescape")``: one lone surrogate a byte.
_STRAY = re.compile("[\udc80-\udcff]+")


class InputError(ValueError):
    """The input cannot be text at all (binary data, too large, wrong type); the message says why."""


def sniff_binary(data: bytes) -> str | None:
    """The name of the binary format ``data`` looks like, or None if it may be text."""
    for magic, name in MAGIC:
        if data.startswith(magic):
            return name
    sample = data[:SNIFF_BYTES]
    if not sample or _utf16_codec(sample):
        return None
    rest = sample.translate(None, b"\0")  # NUL padding and stray NULs do not make text binary
    if not rest:
        return None
    controls = (len(rest) - len(rest.translate(None, _CONTROL))) / len(rest)
    if controls > BINARY_CONTROL_SHARE:
        return "binary data"
    if controls > BINARY_CONTROL_SHARE_8BIT and len(rest.translate(None, _HIGH)) < (1 - HIGH_BYTE_SHARE_8BIT) * len(rest) and not _truncated_utf8(rest):
        return "binary data"
    return None


def _utf16_codec(sample: bytes) -> str | None:
    """UTF-16 without a BOM: NULs in every other byte of mostly-ASCII text."""
    if len(sample) < 4:
        return None
    even, odd = sample[0::2], sample[1::2]
    n = min(len(even), len(odd))
    if odd[:n].count(0) > 0.4 * n and even[:n].count(0) < 0.05 * n:
        return "utf-16-le"
    if even[:n].count(0) > 0.4 * n and odd[:n].count(0) < 0.05 * n:
        return "utf-16-be"
    return _utf16_one_script(sample)


def _utf16_one_script(sample: bytes) -> str | None:
    """UTF-16 without a BOM in one non-Latin alphabet (Cyrillic, Greek, Arabic, Thai...) or CJK.

    Spaces and line ends give NUL high bytes, the letters share one high byte (0x04 for
    Cyrillic) or fall in the CJK/kana/Hangul/fullwidth blocks, and the decoded text is letters and
    spaces. Legacy 8-bit text has no NULs, and ASCII with a stray NUL has spaces and capitals
    among its "high" bytes, so neither passes.
    """
    n = len(sample) // 2
    if n < UTF16_MIN_UNITS:
        return None
    for codec, lo, hi in (("utf-16-le", sample[0 : 2 * n : 2], sample[1 : 2 * n : 2]), ("utf-16-be", sample[1 : 2 * n : 2], sample[0 : 2 * n : 2])):
        nuls = hi.count(0)
        if nuls < max(1, UTF16_MIN_NUL_SHARE * n) or lo.count(0) > max(2, UTF16_MAX_LOW_NUL_SHARE * n):
            continue
        rest = hi.replace(b"\0", b"")
        if not rest:
            continue
        one_script = max(rest.count(b) for b in set(rest)) >= UTF16_SCRIPT_SHARE * len(rest)
        if not one_script and len(rest.translate(None, _CJK_HIGH)) > (1 - UTF16_SCRIPT_SHARE) * len(rest):
            continue
        try:
            text = sample[: 2 * n].decode(codec)
        except UnicodeDecodeError:  # cut inside a surrogate pair at the end of the sample
            try:
                text = sample[: 2 * n - 2].decode(codec)
            except UnicodeDecodeError:
                continue
        wordy = sum(1 for ch in text if ch.isalpha() or ch.isspace())
        printable = sum(1 for ch in text if ch.isprintable() or ch in "\t\n\r")
        if wordy >= UTF16_LETTER_SHARE * len(text) and printable >= UTF16_PRINTABLE_SHARE * len(text):
            return codec
    return None


def declared_charset(data: bytes) -> str | None:
    head = data[:SNIFF_BYTES]
    m = _XML.search(head) or _META.search(head)
    if not m:
        return None
    label = m.group(1).decode("ascii", "ignore").strip().lower()
    label = _SUPERSET.get(label, label)
    try:
        info = codecs.lookup(label)
    except LookupError:
        return None
    # <meta charset="uu"> names a bytes-to-bytes codec; idna/unicode_escape are not page charsets.
    if not getattr(info, "_is_text_encoding", True) or info.name in _NOT_CHARSETS:
        return None
    return info.name


def decode(data: bytes) -> str:
    """Decode bytes to text by the order of evidence above; raise InputError for binary."""
    return decode_noting(data)[0]


def decode_noting(data: bytes) -> tuple[str, str | None]:
    """:func:`decode`, and a note for the user when the bytes were repaired (None when not).

    >>> decode_noting("It’s fine.\\n".encode() + b"Caf\\xe9.")
    ('It’s fine.\\nCafé.', 'not valid UTF-8: 1 stray byte read as cp1252, the rest as UTF-8')
    """
    for bom, enc in _BOMS:
        if data.startswith(bom):
            if enc == "utf-8-sig":
                return _utf8_noting(data[len(bom) :])
            return data.decode(enc, errors="replace"), None
    wide = _utf16_codec(data[:SNIFF_BYTES])
    if wide:
        return data.decode(wide, errors="replace"), None
    kind = sniff_binary(data)
    if kind:
        raise InputError(f"input is binary ({kind}), not text")
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError:
        pass
    codec = declared_charset(data)
    if codec == "utf-8":
        return _utf8_noting(data)
    if codec:
        try:
            return data.decode(codec, errors="replace"), None
        except (LookupError, UnicodeError):  # a codec that refuses errors="replace": detect instead
            pass
    if _truncated_utf8(data):
        return data.decode("utf-8", errors="replace"), "not valid UTF-8: it ends inside a character (a truncated file?)"
    escaped = data.decode("utf-8", errors="surrogateescape")
    if _stray_bytes_in_utf8(escaped):
        return _repair(escaped)
    if len(data) < DETECT_MIN_BYTES:
        return data.decode("cp1252", errors="replace"), None
    try:
        from charset_normalizer import from_bytes

        best = from_bytes(data[: 2 * 1024 * 1024]).best()
        if best is not None and best.encoding:
            return data.decode(best.encoding, errors="replace"), None
    except Exception:  # noqa: BLE001 - detection is best effort; fall through to cp1252
        pass
    return data.decode("cp1252", errors="replace"), None


def as_text(data: str | bytes, cfg: Config) -> str:
    """What every input goes through first: type and size checks, then bytes -> str (by
    :func:`decode_noting`; bytes that needed repair, UTF-8 with stray bytes or a cut-off last
    character, give a :class:`UnicodeWarning` that says what was done) and ``str`` made safe to
    write (lone surrogates)."""
    if isinstance(data, (bytes, bytearray, memoryview)):
        data = bytes(data)
        if len(data) > cfg.max_bytes:
            raise InputError(f"input is {len(data):,} bytes, over the max_bytes limit of {cfg.max_bytes:,}")
        text, note = decode_noting(data)
        if note:
            warnings.warn(note, UnicodeWarning, stacklevel=4)  # the caller of clean/extract/explain
        return text
    if not isinstance(data, str):
        raise InputError(f"input must be str or bytes, not {type(data).__name__}")
    if len(data) > cfg.max_bytes:
        raise InputError(f"input is {len(data):,} characters, over the max_bytes limit of {cfg.max_bytes:,}")
    if not data.isascii():
        try:
            data.encode("utf-8")
        except UnicodeEncodeError:  # lone surrogates: pair what pairs, U+FFFD for the rest, so output can be written
            data = data.encode("utf-16", "surrogatepass").decode("utf-16", "replace")
    return data


def _utf8_noting(data: bytes) -> tuple[str, str | None]:
    """Bytes known to be UTF-8 (BOM, declared charset): stray bytes read as cp1252, noted."""
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError:
        return _repair(data.decode("utf-8", errors="surrogateescape"))


def _repair(escaped: str) -> tuple[str, str]:
    """Text decoded with ``surrogateescape``: each run of stray bytes read as cp1252."""
    n = 0

    def as_cp1252(m: re.Match[str]) -> str:
        nonlocal n
        raw = m.group().encode("utf-8", errors="surrogateescape")
        n += len(raw)
        return raw.decode("cp1252", errors="replace")

    text = _STRAY.sub(as_cp1252, escaped)
    return text, f"not valid UTF-8: {n} stray byte{'s' if n != 1 else ''} read as cp1252, the rest as UTF-8"


def _stray_bytes_in_utf8(escaped: str) -> bool:
    """Valid UTF-8 with some stray bytes, not legacy 8-bit text (``escaped`` is the data decoded
    with ``surrogateescape``, so each stray byte is one lone surrogate).

    It is UTF-8 when the stray bytes are few (:data:`UTF8_FEW_BAD_BYTES`). More of them, under
    :data:`UTF8_MAX_BAD_SHARE` of the text, leave UTF-8 when the text has valid multi-byte characters
    and either they outnumber the stray bytes :data:`UTF8_MIN_VALID_PER_BAD` to one, or the stray
    bytes stand alone (:data:`UTF8_LONE_BAD_SHARE`) as spliced Latin-1 letters do. Legacy 8-bit
    text forms valid multi-byte UTF-8 only by accident, and in its own script high bytes come in runs.
    """
    runs = _STRAY.findall(escaped)
    bad = sum(len(r) for r in runs)
    if not bad:
        return False
    multibyte = len(escaped) - len(escaped.encode("ascii", "ignore")) - bad
    if bad <= UTF8_FEW_BAD_BYTES:
        return True
    if bad > UTF8_MAX_BAD_SHARE * len(escaped) or not multibyte:
        return False
    lone = sum(1 for r in runs if len(r) == 1)
    return multibyte >= UTF8_MIN_VALID_PER_BAD * bad or lone >= UTF8_LONE_BAD_SHARE * bad


def _truncated_utf8(data: bytes) -> bool:
    """Valid UTF-8 cut inside the last character (a file truncated mid-sequence)."""
    try:
        codecs.getincrementaldecoder("utf-8")().decode(data, final=False)
        return True
    except UnicodeDecodeError:
        return False
