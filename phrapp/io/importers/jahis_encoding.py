"""Decoding JAHIS TC bytes: ``specs/security.md`` T5 and ``specs/medication-jahis.md`` §2.

The order is fixed and never guesses:

1. a trailing ``0x1A`` (MS-DOS end of file) is dropped;
2. BOM sniff: ``EF BB BF`` → UTF-8; ``FF FE`` / ``FE FF`` → **UTF-16, refused** (JAHIS TC
   is Shift_JIS or ASCII; some apps write UTF-8, none may write UTF-16). UTF-16 without a
   BOM (NUL bytes interleaved with ASCII) is refused the same way;
3. strict UTF-8;
4. strict CP932 (Windows-31J, not ``shift_jis``, which fails on ``髙①～``);
5. otherwise :class:`~phrapp.errors.EncodingRefused`.

``errors="replace"``/``"ignore"`` are never used: a byte that does not decode refuses the
file. The text is then normalised: the JIS X 0208 / CP932 mapping differences are folded
to the CP932 form (WAVE DASH ``〜`` U+301C → FULLWIDTH TILDE ``～`` U+FF5E and the six
others in :data:`JIS_TO_CP932`), so the same data decodes to the same text whether it came
as CP932 or as UTF-8 converted with a JIS table, and it can be encoded back to CP932 on
export; then NFC.
"""

from __future__ import annotations

import unicodedata

from phrapp.errors import EncodingRefused, MalformedInput

UTF8_BOM = b"\xef\xbb\xbf"
UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
EOF_MARK = b"\x1a"

#: JIS X 0208 code points (as a JIS-table converter writes them) → the CP932 decoding.
JIS_TO_CP932 = str.maketrans({
    "\u301c": "\uff5e",  # 〜 WAVE DASH → ～ FULLWIDTH TILDE
    "\u2016": "\u2225",  # ‖ DOUBLE VERTICAL LINE → ∥ PARALLEL TO
    "\u2212": "\uff0d",  # − MINUS SIGN → － FULLWIDTH HYPHEN-MINUS
    "\u00a2": "\uffe0",  # ¢ → ￠
    "\u00a3": "\uffe1",  # £ → ￡
    "\u00ac": "\uffe2",  # ¬ → ￢
    "\u2014": "\u2015",  # — EM DASH → ― HORIZONTAL BAR
})

# C0 and C1 controls other than TAB, LF and CR have no place in a JAHIS text file.
_CONTROLS = frozenset(chr(c) for c in (*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20),
                                       0x7F, *range(0x80, 0xA0)))


def looks_like_utf16(data: bytes) -> bool:
    """A UTF-16 BOM, or ASCII interleaved with NUL bytes in the first bytes."""
    if data.startswith(UTF16_BOMS):
        return True
    head = data[:64]
    if len(head) < 8:
        return False
    even_nul = head[0::2].count(0) >= len(head[0::2]) * 3 // 4
    odd_nul = head[1::2].count(0) >= len(head[1::2]) * 3 // 4
    return even_nul != odd_nul


def strip_eof(data: bytes) -> bytes:
    """Drop a trailing MS-DOS EOF mark (``0x1A``), also when a line end follows it."""
    stripped = data.rstrip(b"\r\n")
    if stripped.endswith(EOF_MARK):
        return stripped[:-1]
    return data


def decode(data: bytes, *, name: str | None = None) -> tuple[str, str]:
    """``(text, encoding)`` with ``encoding`` one of ``utf-8-sig``, ``utf-8``, ``cp932``.

    Raises :class:`EncodingRefused` (UTF-16, or neither UTF-8 nor CP932) and
    :class:`MalformedInput` (control characters). Messages never quote the content.
    """
    data = strip_eof(data)
    if looks_like_utf16(data):
        raise EncodingRefused("UTF-16 is not accepted for JAHIS TC files: save the file as "
                              "Shift_JIS (CP932) or UTF-8", path=name)
    if data.startswith(UTF8_BOM):
        try:
            text, encoding = data[3:].decode("utf-8"), "utf-8-sig"
        except UnicodeDecodeError:
            raise EncodingRefused("the file starts with a UTF-8 BOM but is not valid UTF-8",
                                  path=name) from None
    else:
        try:
            text, encoding = data.decode("utf-8"), "utf-8"
        except UnicodeDecodeError:
            try:
                text, encoding = data.decode("cp932"), "cp932"
            except UnicodeDecodeError:
                raise EncodingRefused("the file is neither UTF-8 nor Shift_JIS (CP932)",
                                      path=name) from None
    bad = next((i for i, ch in enumerate(text) if ch in _CONTROLS), None)
    if bad is not None:
        line = text.count("\n", 0, bad) + 1
        raise MalformedInput(f"line {line}: a control character in the text", path=name)
    return normalise(text), encoding


def normalise(text: str) -> str:
    """Fold JIS/CP932 mapping differences to the CP932 form, then NFC."""
    return unicodedata.normalize("NFC", text.translate(JIS_TO_CP932))


def has_gaiji(text: str) -> bool:
    """True when the text holds private-use characters (CP932 外字, forbidden by JAHIS)."""
    return any("\ue000" <= ch <= "\uf8ff" for ch in text)


__all__ = ["JIS_TO_CP932", "decode", "has_gaiji", "looks_like_utf16", "normalise", "strip_eof"]
