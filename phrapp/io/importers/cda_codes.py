"""Code and OID tables for the 特定健診 CDA importer (specs/checkup-cda.md §4–§7).

Only what the spec states is written here. Item codes themselves are never copied:
they come from the generated MHLW table (:mod:`phrapp.domain.codes.checkup_items`),
and so do the per-item answer texts (the table's ``XMLITEM_NOTE`` column, e.g.
``1:服薬あり、2:服薬なし``), which :func:`note_value_set` reads at run time.

Decoding a coded value (:func:`decode`), in order:

1. the item's own table note, when the file's codeSystem is the item's table OID
   (the MHLW wording for that item, e.g. 服薬 「服薬あり」 rather than the generic 「はい」);
2. the value sets of spec §6 (and §5/§7) below, keyed by (codeSystem, code) — this is
   what decodes older files whose codeSystem differs from the 第4期 table
   (喫煙 with ``.2003`` means 1 はい / 2 いいえ, not the 第4期 3-answer set);
3. otherwise nothing (the caller falls back to the file's displayName and warns).
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

    from phrapp.domain.codes.checkup_items import ItemDef

HL7_NS = "urn:hl7-org:v3"
XSI_NS = "http://www.w3.org/2001/XMLSchema-instance"

OID = "1.2.392.200119.6."
# §4/§8.3: defaults when ``codeSystem`` is omitted (the hc08 XSD defaults).
ITEM_CODE_SYSTEM = OID + "1005"  # 特定健診項目コード
METHOD_CODE_SYSTEM = OID + "1007"  # XML検査方法コード
REPORT_TYPE_SYSTEM = OID + "1001"  # 報告区分
PROGRAM_TYPE_SYSTEM = OID + "1002"  # 健診プログラム種別
SECTION_CODE_SYSTEM = OID + "1010"
SEX_SYSTEM = OID + "1104"
HL7_GENDER_SYSTEM = "2.16.840.1.113883.5.1"
OUT_OF_RANGE_SYSTEM = "2.16.840.1.113883.5.83"  # §4 "Out of input range" marker (H / L)

REPORT_TYPE_TOKUTEI = "10"  # §6 .1001: 10 特定健診
SECTION_TOKUTEI = "01010"  # §3 特定健診検査・問診セクション
SECTION_EXTRA = "01990"  # §3 optional extra items
KNOWN_SECTIONS = frozenset({SECTION_TOKUTEI, SECTION_EXTRA})

# §2 recordTarget/patientRole/id roots -> the key phrapp stores them under.
PATIENT_ID_ROOTS: Mapping[str, str] = MappingProxyType({
    OID + "101": "insurer_number",  # 保険者番号
    OID + "204": "card_symbol",  # 被保険者証等記号
    OID + "205": "card_number",  # 被保険者証等番号
    OID + "211": "card_branch",  # 枝番 (since 2021)
})
INSTITUTION_ROOT = OID + "102"  # 健診・保健指導機関番号
VOUCHER_FUNCTION_SYSTEM = OID + "208"
VOUCHER_ROOT_PREFIX = OID + "209.1"  # + 8-digit 保険者番号

# §4 "Out of input range": comparator for the first value's code.
OUT_OF_RANGE: Mapping[str, str] = MappingProxyType({"H": ">=", "L": "<="})

# §4 interpretationCode values carried into CheckupItem.flag.
FLAGS = frozenset({"H", "L", "N"})

# §4: 測定不能 is ``nullFlavor="NI"`` on the value. Other flavours are not in the spec;
# "not applicable / not asked" read as not performed, the rest as could-not-measure.
NOT_PERFORMED_FLAVORS = frozenset({"NA", "NASK"})

# §6 result-code value sets (codeSystem OID -> code -> text), exactly as the spec lists
# them, plus §4 (.24080), §5 (.2202, .24060, .2102) and §7 (.2003 for old 喫煙).
_SPEC_VALUE_SETS: dict[str, dict[str, str]] = {
    OID + "1001": {"10": "特定健診"},
    OID + "1002": {"010": "特定健診"},
    OID + "1008": {"1": "基準該当", "2": "予備群該当", "3": "非該当", "4": "判定不能"},
    OID + "1104": {"1": "男", "2": "女"},
    OID + "2001": {"1": "特記すべきことあり", "2": "特記すべきことなし"},
    OID + "2002": {"1": "所見あり", "2": "所見なし", "3": "要再撮影"},
    OID + "2003": {"1": "はい", "2": "いいえ"},
    OID + "2004": {"1": "速い", "2": "ふつう", "3": "遅い"},
    # Full-width marks, as the MHLW table note writes them (and CONTRACT §4's `＋`).
    OID + "2102": {"1": "－", "2": "±", "3": "＋", "4": "＋＋", "5": "＋＋＋"},
    OID + "2202": {"2": "食後10時間以上", "3": "食後3.5時間以上10時間未満",
                   "4": "食後3.5時間未満"},
    OID + "3001": {"1": "積極的支援", "2": "動機付け支援", "3": "なし", "4": "判定不能"},
    OID + "24060": {"1": "はい", "2": "以前は吸っていたが最近1ヶ月間は吸っていない",
                    "3": "いいえ"},
    OID + "24080": {"1": "生理中", "2": "腎疾患等で排尿障害", "3": "その他"},
    OUT_OF_RANGE_SYSTEM: {"H": "以上", "L": "以下"},
}
SPEC_VALUE_SETS: Mapping[str, Mapping[str, str]] = MappingProxyType(
    {oid: MappingProxyType(values) for oid, values in _SPEC_VALUE_SETS.items()})

# §5: メタボ判定 and 保健指導レベル, copied into Checkup.metabolic_syndrome / guidance_level.
METABOLIC_SYNDROME_CODE = "9N501000000000011"
GUIDANCE_LEVEL_CODE = "9N506000000000011"
DOCTOR_JUDGEMENT_CODE = "9N511000000000049"  # ST, author = the doctor (§4)
DOCTOR_NAME_CODE = "9N516000000000049"  # the item the author element carries (§4)
SMOKING_CODE = "9N736000000000011"


@dataclass(frozen=True, slots=True)
class Group:
    """A 一連検査グループ (§4 "Groups"): its id is the 実施理由 item's code."""

    id: str
    name: str
    members: tuple[str, ...]  # 5-char analyte prefixes of the member items (§5)


# §4 "Groups" and the member items of §5.
GROUPS: tuple[Group, ...] = (
    Group("2A020161001930149", "貧血検査", ("2A020", "2A030", "2A040")),
    Group("3C015161002399949", "血清クレアチニン", ("3C015", "8A065")),
    Group("9A110161000000049", "心電図", ("9A110",)),
    Group("9E100161000000049", "眼底検査", ("9E100",)),
)


@dataclass(frozen=True, slots=True)
class LegacyItem:
    """An item code of an older 期 that the 第4期 table no longer lists (§5, §7)."""

    code: str
    name: str
    value_type: str
    unit: str
    tag: str


# §5 "HbA1c (JDS, before FY2013)": legacy only, never an NGSP value.
LEGACY_ITEMS: Mapping[str, LegacyItem] = MappingProxyType({
    code: LegacyItem(code, "HbA1c(JDS値)", "PQ", "%", "jds-hba1c")
    for code in ("3D045000001906202", "3D045000001920402", "3D045000001927102",
                 "3D045000001999902")
})

# §7: codes that only exist from 第4期 on (随時中性脂肪, 9N512, 咀嚼 9N872, 食べ方3 9N782).
FOURTH_PERIOD_PREFIXES = ("3F0151299", "9N512", "9N872", "9N782")
# §7: value sets introduced in 第4期 (喫煙, 飲酒, 飲酒量, 咀嚼, 食べ方3).
FOURTH_PERIOD_SYSTEMS = frozenset({OID + "24060", OID + "24040", OID + "24050",
                                   OID + "18030", OID + "18040"})

# §1.1 side-file namespaces (matched for labelling only; elements by local name).
SIDE_NS_PERIOD_1_3 = "http://tokuteikenshin.jp/checkup/2007"
SIDE_NS_PERIOD_4 = "https://www.mhlw.go.jp/stf/seisakunitsuite/bunya/0000161103.html"

PERIOD_LABELS: Mapping[int, str] = MappingProxyType(
    {1: "第1期", 2: "第2期", 3: "第3期", 4: "第4期"})


def period_of_fiscal_year(fiscal_year: int) -> int | None:
    """The 特定健診 期 of a fiscal year: 第1期 FY2008–12, 第2期 –17, 第3期 –23, 第4期 –29."""
    if 2008 <= fiscal_year <= 2012:
        return 1
    if 2013 <= fiscal_year <= 2017:
        return 2
    if 2018 <= fiscal_year <= 2023:
        return 3
    if 2024 <= fiscal_year <= 2029:
        return 4
    return None


def group_for(codes: list[str]) -> Group | None:
    """The known group whose 実施理由 code, or else whose member analytes, ``codes`` hold."""
    for group in GROUPS:
        if group.id in codes:
            return group
    for group in GROUPS:
        if any(code[:5] in group.members for code in codes):
            return group
    return None


# "1:text" up to the next "、2:" / "。2:" / ", 2:" (a "、" may occur inside a text).
_NOTE_ENTRY = re.compile(
    r"(?<![0-9０-９.．])([0-9０-９]+)\s*[:：]\s*(.*?)(?=[、。,]\s*[0-9０-９]+\s*[:：]|$)",
    re.S)


@cache
def note_value_set(note: str | None) -> Mapping[str, str]:
    """The ``code -> text`` pairs of a table note such as ``1:－、2:±、3:＋``.

    Codes are folded to ASCII digits (``１`` -> ``1``); texts are kept as the table
    writes them, cut before a trailing remark (``. 受診者の事情…``).
    """
    if not note:
        return MappingProxyType({})
    out: dict[str, str] = {}
    for match in _NOTE_ENTRY.finditer(note):
        code = unicodedata.normalize("NFKC", match.group(1))
        text = re.split(r"。|\. ", match.group(2), maxsplit=1)[0].strip()
        if text and code not in out:
            out[code] = text
    return MappingProxyType(out)


def decode(code_system: str | None, code: str, item: ItemDef | None) -> str | None:
    """The display text of ``code`` in ``code_system`` (see the module doc), or None."""
    if item is not None and item.result_code_oid and code_system == item.result_code_oid:
        text = note_value_set(item.note).get(code)
        if text is not None:
            return text
    if code_system is not None:
        values = SPEC_VALUE_SETS.get(code_system)
        if values is not None:
            return values.get(code)
    return None


__all__ = [
    "DOCTOR_JUDGEMENT_CODE",
    "GROUPS",
    "GUIDANCE_LEVEL_CODE",
    "HL7_NS",
    "ITEM_CODE_SYSTEM",
    "LEGACY_ITEMS",
    "METABOLIC_SYNDROME_CODE",
    "METHOD_CODE_SYSTEM",
    "OUT_OF_RANGE",
    "OUT_OF_RANGE_SYSTEM",
    "PERIOD_LABELS",
    "SPEC_VALUE_SETS",
    "Group",
    "LegacyItem",
    "decode",
    "group_for",
    "note_value_set",
    "period_of_fiscal_year",
]
