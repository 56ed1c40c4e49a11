"""Colours and glyphs shared by the screens and the PDF (UX.md "Classes and colours").

A class is always shown as a word, a glyph shape and a colour — never colour alone — and
the same class looks the same on the dashboard, in the charts and on the doctor's page.
Kept free of pyqtgraph so the headless PDF writer can use it.
"""

from __future__ import annotations

from typing import Final

NORMAL_COLOR: Final = "#3c8d40"
GUIDANCE_COLOR: Final = "#b86200"  # 保健指導: text and marker colour (orange, readable on white)
REFERRAL_COLOR: Final = "#b03a2e"  # 受診勧奨
GREY: Final = "#6b7785"

#: JSH2019 home-BP class -> (glyph, colour): green, then yellow, orange, red in class order.
BP_STYLE: Final[dict[str, tuple[str, str]]] = {
    "正常血圧": ("●", NORMAL_COLOR),
    "正常高値血圧": ("●", "#5f9e3a"),
    "高値血圧": ("▲", "#9a7b00"),
    "I度高血圧": ("▲", GUIDANCE_COLOR),
    "II度高血圧": ("◆", REFERRAL_COLOR),
    "III度高血圧": ("◆", "#7a1010"),
}


def bp_style(category: str | None) -> tuple[str, str]:
    """The glyph and colour of a JSH2019 class (a grey dot for anything else)."""
    return BP_STYLE.get(category or "", ("●", GREY))
