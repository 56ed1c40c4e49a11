"""Strict, deterministic text decoding for CSV/JSON imports (``specs/security.md`` T5).

Order (never guesses, never ``errors="replace"``/``"ignore"``):

1. BOM sniff: ``EF BB BF`` → UTF-8; ``FF FE`` → UTF-16-LE; ``FE FF`` → UTF-16-BE;
2. strict UTF-8;
3. strict CP932 (not ``shift_jis``, which fails on ``髙①～``); Python's codec also
   accepts the stray single bytes 0x80, 0xA0, 0xFD–0xFF, which are refused here;
4. otherwise :class:`~phrapp.errors.EncodingRefused`.

A NUL character in the decoded text refuses the file too: UTF-16 without a BOM "decodes"
as UTF-8 with NULs interleaved. CP932 can still decode foreign bytes into plausible
garbage, so callers **must** validate the decoded header against their schema.

The text is then normalised: WAVE DASH ``〜`` U+301C → FULLWIDTH TILDE ``～`` U+FF5E (the
CP932 form, so UTF-8 and CP932 copies of the same data decode identically), then NFC.
"""

from __future__ import annotations

import unicodedata

from phrapp.errors import EncodingRefused

UTF8_BOM = b"\xef\xbb\xbf"
UTF16_LE_BOM = b"\xff\xfe"
UTF16_BE_BOM = b"\xfe\xff"

_CP932_SINGLE_BYTE_EXTRAS = frozenset("\x80\uf8f0\uf8f1\uf8f2\uf8f3")
_FOLD = str.maketrans({"\u301c": "\uff5e"})


def decode_text(data: bytes, *, name: str | None = None) -> tuple[str, str]:
    """``(text, encoding)``; encoding is ``utf-8-sig``, ``utf-16``, ``utf-8`` or ``cp932``.

    Raises :class:`EncodingRefused`; the message never quotes the content.
    """
    text: str | None = None
    encoding = ""
    try:
        if data.startswith(UTF8_BOM):
            text, encoding = data[3:].decode("utf-8"), "utf-8-sig"
        elif data.startswith(UTF16_LE_BOM):
            text, encoding = data[2:].decode("utf-16-le"), "utf-16"
        elif data.startswith(UTF16_BE_BOM):
            text, encoding = data[2:].decode("utf-16-be"), "utf-16"
    except UnicodeDecodeError as exc:
        raise EncodingRefused(f"the file is not valid {encoding or 'text'} despite its "
                              "byte-order mark", path=name) from exc
    if text is None:
        for candidate in ("utf-8", "cp932"):
            try:
                text, encoding = data.decode(candidate), candidate
                break
            except UnicodeDecodeError:
                continue
    if text is not None and encoding == "cp932" and _CP932_SINGLE_BYTE_EXTRAS.intersection(text):
        # Python's cp932 maps the bytes 0x80, 0xA0, 0xFD–0xFF (no character in Windows-31J
        # text) to U+0080 and private-use U+F8F0–U+F8F3: a sign of foreign bytes.
        text = None
    if text is None:
        raise EncodingRefused("the file is neither UTF-8 nor Shift_JIS (CP932): save it as "
                              "UTF-8 and import it again", path=name)
    if "\x00" in text:
        raise EncodingRefused("the file holds NUL characters (UTF-16 without a byte-order "
                              "mark?): save it as UTF-8 and import it again", path=name)
    return unicodedata.normalize("NFC", text.translate(_FOLD)), encoding


def decode_head(head: bytes) -> str | None:
    """Best-effort strict decoding of a file's first bytes for sniffing (None: not text).

    The head may end in the middle of a character, so up to three trailing bytes are
    dropped until it decodes.
    """
    for cut in range(4):
        chunk = head[: len(head) - cut] if cut else head
        try:
            return decode_text(chunk)[0]
        except EncodingRefused:
            continue
    return None


__all__ = ["decode_head", "decode_text"]
