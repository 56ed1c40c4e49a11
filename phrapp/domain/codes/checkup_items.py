"""特定健診 XML item codes (第4期, MHLW 「XML用特定健診項目情報」).

The rows live in the generated module :mod:`phrapp.domain.codes.checkup_items_table`
(built by ``tools/gen_item_codes.py`` from the vendored CSVs in ``tools/data/``).
This module defines the row type and the lookups.

A 17-character code identifies one item *including its measurement method*: the same
analyte measured by different methods has different codes (e.g. four 空腹時血糖 codes).
Codes are unique in the current data; should a later table repeat one, every row is
kept in :func:`all_items` and :func:`item` returns the first.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from types import MappingProxyType
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Mapping


@dataclass(frozen=True, slots=True)
class ItemDef:
    """One row of the item table. Empty optional cells are ``None``."""

    code: str  # 17-char XMLITEM_17CODE
    name: str  # XMLITEM_NAME (XML表示名)
    group_no: int  # XMLITEM_CATNO
    group_name: str  # XMLITEM_CATNAME
    order: str  # XMLITEM_SEQNO
    value_type: str  # XMLITEM_TYPE: PQ / CD / CO / ST
    format: str  # XMLITEM_FORMAT, e.g. "NNN.N" (PQ), "N" (code), "256" (max string length)
    unit: str | None  # XMLITEM_UNITNAME (display unit)
    ucum: str | None  # XMLITEM_UNIT (UCUM)
    method_code: str | None  # XMLITEM_METHOD (XML検査方法コード)
    method_name: str | None  # XMLITEM_METHODNAME
    result_code_oid: str | None  # XMLITEM_CODEOID
    item_code_oid: str | None  # XMLITEM_ITEMOID
    note: str | None  # XMLITEM_NOTE
    tokutei: str  # XMLITEM_CASE01 ("1" required, "2" detailed, "0" not used, letters: pick one)
    extension: bool  # True for rows from the extension table (XMLhc24ext.csv)


_NUMERIC_FORMAT = re.compile(r"N+(?:\.(N+))?")


def decimals(item: ItemDef) -> int | None:
    """Digits after the decimal point for a numeric item: "NNN.N" -> 1, "NNN" -> 0.

    ``None`` when the format is not a numeric pattern (e.g. "256" for a string) or
    the item is not a physical quantity (PQ): a CD/CO format "N" is a code's width,
    not a precision.
    """
    if item.value_type != "PQ":
        return None
    m = _NUMERIC_FORMAT.fullmatch(item.format)
    if m is None:
        return None
    return len(m.group(1) or "")


@cache
def _items() -> tuple[ItemDef, ...]:
    # Imported lazily: the table module imports ItemDef from here.
    from phrapp.domain.codes.checkup_items_table import ITEMS

    return ITEMS


@cache
def _by_code() -> Mapping[str, ItemDef]:
    index: dict[str, ItemDef] = {}
    for it in _items():
        index.setdefault(it.code, it)  # first row wins
    return MappingProxyType(index)


def _norm(name: str) -> str:
    return unicodedata.normalize("NFKC", name).strip()


@cache
def _by_name() -> Mapping[str, tuple[ItemDef, ...]]:
    index: dict[str, list[ItemDef]] = {}
    for it in _items():
        index.setdefault(_norm(it.name), []).append(it)
    return MappingProxyType({k: tuple(v) for k, v in index.items()})


def all_items() -> tuple[ItemDef, ...]:
    """Every row: main table in table order, then the extension table."""
    return _items()


def item(code: str) -> ItemDef | None:
    """The item with this 17-char code (the first row if repeated), else ``None``."""
    return _by_code().get(code)


def by_name(name: str) -> list[ItemDef]:
    """Items whose XML display name equals ``name`` after NFKC (and trimming), in table order.

    NFKC folds full-width letters and brackets, so "ＡＳＴ" and "AST", or "腹囲(実測）"
    and "腹囲(実測)", compare equal. Usually several rows: one per measurement method.
    """
    return list(_by_name().get(_norm(name), ()))


# Short aliases used by the CLI -> the 17-char code of the "standard" item.
#
# Rule: where the table offers the same analyte by several methods, take the
# method-unspecified row ("その他", JLAC10 method digits 99901): a value read off a
# paper report or typed in by a person rarely states the method, and claiming one
# would be wrong. Items with a single row take that row.
COMMON_LABS: dict[str, str] = {
    # 60 血糖検査: HbA1c(NGSP値) rows are 06202 免疫学的方法 (listed first), 20402 HPLC,
    # 27102 酵素法, 99902 その他. Chosen: その他, like every other multi-method item.
    "hba1c": "3D046000001999902",
    # 空腹時血糖: 1 電位差法, 2 可視吸光, 3 紫外吸光, 4 その他 -> 4: その他.
    "fpg": "3D010000001999901",
    # 随時血糖 (V4: separate codes with 1299 in the sampling digits) -> 4: その他.
    "random_glucose": "3D010129901999901",
    # 50 生化学検査: 空腹時中性脂肪(トリグリセリド) -> 3: その他. (随時中性脂肪 is
    # 3F015129902399901, not aliased.)
    "tg": "3F015000002399901",
    # HDLコレステロール -> 3: その他.
    "hdl": "3F070000002399901",
    # LDLコレステロール: 1 可視, 2 紫外, 3 その他, 4 計算法 (V3) -> 3: その他.
    # A Friedewald value is 3F077000002391901 (計算法), not aliased.
    "ldl": "3F077000002399901",
    # 血清クレアチニン: 1 酵素法, 2 その他 -> 2: その他.
    "creatinine": "3C015000002399901",
    # eGFR: one row only (calculated, series group with 血清クレアチニン).
    "egfr": "8A065000002391901",
    # AST(GOT): 1 JSCC標準化対応法, 2 その他 -> 2: その他.
    "ast": "3B035000002399901",
    # ALT(GPT): 1 JSCC標準化対応法, 2 その他 -> 2: その他.
    "alt": "3B045000002399901",
    # γ-GT(γ-GTP): 1 JSCC標準化対応法, 2 その他 -> 2: その他.
    "ggt": "3B090000002399901",
    # 30 血圧等: 収縮期血圧 その他 / 2回目 / 1回目 -> その他 (9A755): listed first, and
    # a single home or clinic reading is not the "1回目"/"2回目" of a checkup pair.
    "sbp": "9A755000000000001",
    # 拡張期血圧: same reasoning -> その他 9A765.
    "dbp": "9A765000000000001",
    # 10 身体計測: 身長, 体重, BMI have a single row each.
    "height": "9N001000000000001",
    "weight": "9N006000000000001",
    # 腹囲: 実測 / 自己判定 / 自己申告 -> 実測 (listed first; the checkup measurement).
    "waist": "9N016160100000001",
    "bmi": "9N011000000000001",
}
