"""Look and feel: font (≥ 11 pt, three larger steps), a calm palette, 44 px targets."""

from __future__ import annotations

from phrapp.settings import FontSize
from phrapp.ui.qt import QApplication, QFont, QFontDatabase, QStyleFactory

# Preferred UI families, Japanese-capable first; Qt falls back per glyph anyway.
FAMILIES = ("Noto Sans CJK JP", "Noto Sans JP", "Hiragino Sans", "Yu Gothic UI", "Meiryo UI",
            "Noto Sans", "DejaVu Sans")

ACCENT = "#2f5d8a"


def style_sheet(points: int) -> str:
    big = round(points * 1.7)
    title = round(points * 1.6)
    small = max(points - 1, 10)
    return f"""
QWidget {{ font-size: {points}pt; }}
QMainWindow, QDialog, #vaultWindow {{ background: #f7f8fa; }}
#topBar {{ background: #ffffff; border-bottom: 1px solid #dde1e6; }}
#brand {{ font-size: {round(points * 1.35)}pt; font-weight: 600; color: {ACCENT}; }}
#nav {{ background: #eef1f5; border-right: 1px solid #dde1e6; padding-top: 8px;
        outline: 0; }}
#nav::item {{ padding: 6px 12px; margin: 2px 8px; border-radius: 8px; color: #1f2933; }}
#nav::item:selected {{ background: #d5e3f2; color: #10263d; font-weight: 600; }}
#nav::item:hover:!selected {{ background: #e3e8ef; }}
#pageTitle {{ font-size: {title}pt; font-weight: 600; color: #1f2933; }}
#dialogTitle {{ font-size: {round(points * 1.3)}pt; font-weight: 600; }}
#card {{ background: #ffffff; border: 1px solid #dde1e6; border-radius: 10px; }}
#cardHeading {{ font-size: {round(points * 1.25)}pt; font-weight: 600; }}
#cardTitle {{ color: #52606d; font-size: {small}pt; }}
#cardValue {{ font-size: {big}pt; font-weight: 600; color: #1f2933; }}
#chartLegend {{ color: #3a3a3a; padding: 2px 4px; }}
#cardCaption, #muted {{ color: #52606d; font-size: {small}pt; }}
#emptyHeading {{ font-size: {title}pt; font-weight: 600; }}
#errorText, #errorMessage {{ color: #a32020; }}
#recoveryKey {{ background: #ffffff; border: 1px solid #c5ccd5; border-radius: 6px;
                padding: 12px; }}
QPushButton {{ min-height: 40px; padding: 2px 16px; border-radius: 8px;
               border: 1px solid #b8c2cc; background: #ffffff; color: #1f2933; }}
QPushButton:hover {{ background: #f0f4f8; }}
QPushButton:disabled {{ color: #9aa5b1; border-color: #d9dee4; background: #f4f5f7; }}
QPushButton#primary {{ background: {ACCENT}; color: #ffffff; border: 1px solid {ACCENT};
                       font-weight: 600; }}
QPushButton#primary:hover {{ background: #264d73; }}
QPushButton#primary:disabled {{ background: #9fb3c8; border-color: #9fb3c8; }}
QPushButton#rangeButton {{ min-width: 72px; }}
QPushButton#rangeButton:checked {{ background: #d5e3f2; border-color: {ACCENT};
                                   font-weight: 600; }}
QPushButton#flat {{ border: none; background: transparent; color: {ACCENT};
                    text-decoration: underline; }}
/* Inputs keep Fusion's own frames and arrows; only their height is raised. */
QLineEdit, QSpinBox, QDoubleSpinBox, QDateEdit, QTimeEdit, QComboBox {{ min-height: 40px; }}
QCheckBox {{ min-height: 32px; spacing: 10px; }}
QCheckBox::indicator {{ width: 20px; height: 20px; }}
QTableView {{ background: #ffffff; alternate-background-color: #f5f7fa;
              gridline-color: #e4e7eb; border: 1px solid #dde1e6; border-radius: 6px; }}
QHeaderView::section {{ background: #eef1f5; padding: 8px 10px; border: none;
                        border-bottom: 1px solid #dde1e6; font-weight: 600; }}
QGroupBox {{ font-weight: 600; border: 1px solid #dde1e6; border-radius: 10px;
             margin-top: 14px; padding: 18px 16px 12px 16px; background: #ffffff; }}
QGroupBox::title {{ subcontrol-origin: margin; left: 12px; padding: 0 4px; }}
QProgressBar {{ border: 1px solid #c5ccd5; border-radius: 4px; background: #ffffff; }}
QProgressBar::chunk {{ background: {ACCENT}; }}
QProgressBar[acceptable="false"]::chunk {{ background: #c0661b; }}
#plainScroll, #plainBody {{ background: transparent; }}
#dropZone {{ background: #ffffff; border: 2px dashed #9fb3c8; border-radius: 12px; }}
#dropZone[hover="true"] {{ background: #eaf2fb; border-color: {ACCENT}; }}
#banner {{ background: #eef6ee; border: 1px solid #b9d8bb; border-radius: 8px; }}
#banner[error="true"] {{ background: #fdf0ef; border-color: #e3b4ae; }}
#historyRow {{ background: #ffffff; border: 1px solid #dde1e6; border-radius: 8px; }}
#details {{ background: #ffffff; }}
#warningStrip {{ background: #fff3df; border: 2px solid #d98a2b; border-radius: 8px; }}
#warningIcon {{ color: #9a4a00; font-size: {title}pt; font-weight: 700; }}
QRadioButton {{ min-height: 32px; spacing: 10px; }}
QRadioButton::indicator {{ width: 20px; height: 20px; }}
QStatusBar {{ background: #ffffff; border-top: 1px solid #dde1e6; }}
"""


def apply(app: QApplication, size: FontSize) -> None:
    """Fusion style, the preferred font family at ``size`` and the style sheet."""
    fusion = QStyleFactory.create("Fusion")
    if fusion is not None:
        app.setStyle(fusion)
    families = set(QFontDatabase.families())
    font = QFont(app.font())
    for family in FAMILIES:
        if family in families:
            font.setFamily(family)
            break
    font.setPointSize(size.points)
    if font != app.font():
        app.setFont(font)
    sheet = style_sheet(size.points)
    if app.styleSheet() != sheet:  # setting it re-polishes every widget
        app.setStyleSheet(sheet)
