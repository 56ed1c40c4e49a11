"""JAHIS TC decoding (specs/security.md T5): BOM sniff → strict UTF-8 → strict CP932 → refuse."""

from __future__ import annotations

import pytest

from phrapp.errors import EncodingRefused, MalformedInput
from phrapp.io.importers.jahis_encoding import decode, looks_like_utf16, strip_eof

TEXT = "JAHISTC08,1\r\n1,髙橋 花子,2,S450615\r\n2,1,卵①～,1\r\n"


@pytest.mark.parametrize(("data", "encoding"), [
    (TEXT.encode("cp932"), "cp932"),
    (TEXT.encode("utf-8"), "utf-8"),
    (b"\xef\xbb\xbf" + TEXT.encode("utf-8"), "utf-8-sig"),
])
def test_same_text_from_every_accepted_encoding(data: bytes, encoding: str) -> None:
    assert decode(data) == (TEXT, encoding)


def test_strict_shift_jis_would_fail_where_cp932_works() -> None:
    data = TEXT.encode("cp932")
    with pytest.raises(UnicodeDecodeError):
        data.decode("shift_jis")
    assert decode(data)[0] == TEXT


def test_wave_dash_is_folded_to_the_cp932_fullwidth_tilde() -> None:
    jis = "JAHISTC08,1\n2,3,狭心症（2011年〜）‖−,1\n".encode()
    text, _ = decode(jis)
    assert "〜" not in text and "～" in text and "∥" in text and "－" in text
    assert text.encode("cp932")  # what the exporter needs


def test_nfc() -> None:
    decomposed = "JAHISTC08,1\n2,9,カ\u3099,1\n".encode()  # カ + combining dakuten
    assert "ガ" in decode(decomposed)[0]


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_refused_with_or_without_bom(codec: str) -> None:
    data = TEXT.encode(codec)
    assert looks_like_utf16(data)
    with pytest.raises(EncodingRefused, match="UTF-16"):
        decode(data)


def test_neither_utf8_nor_cp932_refused() -> None:
    with pytest.raises(EncodingRefused, match="neither UTF-8 nor Shift_JIS"):
        decode(b"JAHISTC08,1\r\n1,\x82\xff\xfe\r\n")


def test_bom_but_not_utf8_refused() -> None:
    with pytest.raises(EncodingRefused, match="BOM"):
        decode(b"\xef\xbb\xbfJAHISTC08,1\r\n1," + "髙".encode("cp932"))


@pytest.mark.parametrize("bad", [b"\x00", b"\x07", b"\x1b", b"\x7f", "\u0085".encode()])
def test_control_characters_refused(bad: bytes) -> None:
    with pytest.raises(MalformedInput, match="line 2: a control character"):
        decode(b"JAHISTC08,1\r\n1,a" + bad + b"b\r\n")


def test_trailing_eof_mark_is_dropped() -> None:
    assert strip_eof(b"a\r\n\x1a") == b"a\r\n"
    assert strip_eof(b"a\r\n\x1a\r\n") == b"a\r\n"
    assert decode(TEXT.encode("cp932") + b"\x1a")[0] == TEXT


def test_errors_never_quote_content() -> None:
    with pytest.raises(EncodingRefused) as info:
        decode("JAHISTC08,1\r\n1,髙橋".encode("utf-16"))
    assert "髙" not in info.value.message
