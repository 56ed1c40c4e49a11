"""The report font: a Noto Sans CJK JP subset shipped in ``phrapp/resources/fonts``.

The font is registered from bytes (``addApplicationFontFromData``) rather than a file
path so it works from a zipped or frozen install too; Qt's PDF engine then embeds the
glyphs the page uses (a CID TrueType subset), so the PDF reads the same on a machine
without any Japanese font. The family has its own name ("Noto Sans CJK JP Subset") so
Qt never substitutes a differently versioned system Noto for it.
"""

from __future__ import annotations

import logging
from importlib import resources

from phrapp.ui.qt import QByteArray, QFontDatabase

log = logging.getLogger(__name__)

FONT_FILE = "NotoSansCJKjp-Subset-Regular.otf"
FAMILY = "Noto Sans CJK JP Subset"
POSTSCRIPT_NAME = "NotoSansCJKjpSubset-Regular"

_family: str | None = None


class FontUnavailableError(RuntimeError):
    """The vendored font is missing from the install or Qt could not load it."""


def font_bytes() -> bytes:
    """The vendored font file's bytes (package data)."""
    ref = resources.files("phrapp").joinpath("resources", "fonts", FONT_FILE)
    try:
        return ref.read_bytes()
    except OSError as exc:
        raise FontUnavailableError(f"the report font {FONT_FILE} is missing") from exc


def report_family() -> str:
    """Register the vendored font once per process (needs a Qt GUI application) and
    return its family name."""
    global _family
    if _family is not None and _family in QFontDatabase.families():
        return _family
    font_id = QFontDatabase.addApplicationFontFromData(QByteArray(font_bytes()))
    families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
    if not families:
        raise FontUnavailableError(f"Qt could not load the report font {FONT_FILE}")
    _family = families[0]
    log.debug("report font registered: %s", _family)
    return _family
