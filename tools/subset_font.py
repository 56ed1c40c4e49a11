"""Build the vendored PDF font: a Japanese subset of Noto Sans CJK JP (SIL OFL 1.1).

The doctor's PDF (``phrapp/ui/report/``) embeds this font so the page looks the same on
every machine, whatever fonts it has. The full Noto Sans CJK JP is ~16 MB per weight;
the subset keeps what Japanese medical text needs and stays well under 5 MB.

Dev-time tool only (fontTools is **not** a phrapp dependency)::

    .venv/bin/pip install fonttools
    .venv/bin/python tools/subset_font.py \\
        --source /usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc \\
        --out phrapp/resources/fonts/NotoSansCJKjp-Subset-Regular.otf

(the defaults are exactly these paths; Debian/Ubuntu package ``fonts-noto-cjk``).
The source is a collection: face 0 is "Noto Sans CJK JP" (Japanese glyph forms).

Character set:
  * ASCII and Latin-1 (U+0020–U+007E, U+00A0–U+00FF);
  * every character CP932 can encode (JIS X 0208 level 1+2 kanji, kana, full-width
    forms, Japanese punctuation, NEC special characters such as ①, ㎎, ㈱, and the IBM
    extension kanji);
  * every character EUC-JP encodes in one or two bytes (JIS X 0208 again, half-width
    katakana); its three-byte JIS X 0212 area is left out on purpose (rare kanji);
  * a few symbols the UI and the report draw: ▲ ◆ ● ○ ⚠ ℃ ≥ ≤ – — … and friends.
Characters the font itself lacks are simply not in the subset (the tool reports how
many). Layout features are kept (``palt``, ``locl``, ``vert`` …) so text shapes as in
the original.

Naming (OFL §3, "Reserved Font Name"): Noto has none; the Adobe copyright line reserves
"Source", which we do not use. The family is renamed to "Noto Sans CJK JP Subset" so the
name stays honest and Qt never mixes it up with a full Noto Sans CJK JP installed on the
machine (it would otherwise take the system's Bold or a different version).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from fontTools import subset  # dev-time only: pip install fonttools
from fontTools.ttLib import TTFont

REPO = Path(__file__).resolve().parents[1]
DEFAULT_SOURCE = Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc")
DEFAULT_OUT = REPO / "phrapp" / "resources" / "fonts" / "NotoSansCJKjp-Subset-Regular.otf"
JP_FACE = 0  # "Noto Sans CJK JP" inside the collection

FAMILY = "Noto Sans CJK JP Subset"
STYLE = "Regular"
POSTSCRIPT = "NotoSansCJKjpSubset-Regular"

#: Symbols beyond the legacy encodings that the app and the report use.
EXTRA_SYMBOLS = (
    "▲△▼▽◆◇●○■□★☆◎※⚠✓✔✗✕→←↑↓⇒"
    "℃℉㎎㎏㎝㎜㎞㎡㏄μµ±×÷≥≤≧≦≒≠∼〜～"
    "‐‑‒–—―…‥・･·•′″"
    "①②③④⑤⑥⑦⑧⑨⑩ⅠⅡⅢⅣⅤ"
    "“”‘’«»‹›€"
    "γ"
)


def _encodable(encoding: str, max_bytes: int) -> set[str]:
    """Every BMP character ``encoding`` encodes in at most ``max_bytes`` bytes."""
    out: set[str] = set()
    for code in range(0x20, 0x10000):
        if 0xD800 <= code <= 0xDFFF:
            continue
        char = chr(code)
        try:
            encoded = char.encode(encoding)
        except UnicodeEncodeError:
            continue
        if len(encoded) <= max_bytes:
            out.add(char)
    return out


def character_set() -> set[str]:
    """The characters the subset should cover (see the module docstring)."""
    chars = {chr(c) for c in range(0x20, 0x7F)} | {chr(c) for c in range(0xA0, 0x100)}
    chars |= _encodable("cp932", 2)
    chars |= _encodable("euc_jp", 2)  # 3-byte sequences are JIS X 0212: left out
    chars |= set(EXTRA_SYMBOLS)
    return {c for c in chars if c.isprintable() or c == "\u3000"}


def _rename(font: TTFont) -> None:
    """Give the subset its own family and PostScript names (kept honest, see docstring)."""
    name = font["name"]
    version = name.getDebugName(5) or ""
    full = f"{FAMILY} {STYLE}"
    values = {
        1: FAMILY, 2: STYLE, 3: f"{version.split(';')[0]};{POSTSCRIPT}", 4: full,
        6: POSTSCRIPT, 16: FAMILY, 17: STYLE,
    }
    # Drop every localised family record (e.g. the Japanese 「Noto Sans CJK JP」) first.
    name.names = [rec for rec in name.names if rec.nameID not in values]
    for name_id, text in values.items():
        name.setName(text, name_id, 3, 1, 0x409)  # Windows, Unicode BMP, en-US
        name.setName(text, name_id, 1, 0, 0)  # Mac Roman, English
    description = ("Subset of Noto Sans CJK JP Regular (Version " + version.split(";")[0]
                   .removeprefix("Version ") + ") for phrapp's PDF report; built with "
                   "tools/subset_font.py (fontTools).")
    name.setName(description, 10, 3, 1, 0x409)
    if "CFF " in font:
        cff = font["CFF "].cff
        top = cff.topDictIndex[0]
        cff.fontNames = [POSTSCRIPT]
        top.FullName = full
        top.FamilyName = FAMILY
        if hasattr(top, "CIDFontName"):
            top.CIDFontName = POSTSCRIPT


def build(source: Path, out: Path) -> tuple[int, int, int]:
    """Write the subset; return (characters asked for, characters kept, bytes)."""
    wanted = character_set()
    font = TTFont(str(source), fontNumber=JP_FACE, lazy=False)
    cmap = font.getBestCmap()
    present = {c for c in wanted if ord(c) in cmap}
    options = subset.Options()
    options.font_number = JP_FACE
    options.layout_features = ["*"]
    options.name_IDs = ["*"]
    options.name_languages = ["*"]
    options.name_legacy = True
    options.notdef_outline = True
    options.glyph_names = False
    options.hinting = True
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=sorted(ord(c) for c in present))
    subsetter.subset(font)
    _rename(font)
    out.parent.mkdir(parents=True, exist_ok=True)
    font.save(str(out))
    return len(wanted), len(present), out.stat().st_size


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--source", type=Path, default=DEFAULT_SOURCE)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args(argv)
    wanted, kept, size = build(args.source, args.out)
    sys.stderr.write(f"{args.out}: {kept} of {wanted} characters ({wanted - kept} not in "
                     f"the font), {size / 1_000_000:.2f} MB\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
