"""保健指導判定値 / 受診勧奨判定値 (特定健診 第4期): one table and the judgement over it.

Guideline: 厚生労働省 「標準的な健診・保健指導プログラム(令和6年度版)案」 (第4期, FY2024–),
read through secondary sources and wic-net.com mirrors, as tabled in
``specs/risk-rules.md`` §5. Uric acid and creatinine come from an "old prefecture
table only" [single]. Every row carries its own source and status tag; a row whose
status is not ``confirmed`` must be shown as 「参考」 (risk-rules, preamble).

All cut-offs live in :data:`THRESHOLDS`; the functions below only read it. Values are
compared as :class:`~decimal.Decimal` (risk-rules: "use Decimal, never binary floats, at
threshold edges"), raw and unrounded, with the comparator exactly as the table states it.

The item keys are those of CONTRACT §4 ``calc lab_judgement`` (:data:`LAB_JUDGEMENT_ITEMS`);
the table additionally holds ``uric_acid`` and ``creatinine`` because §5 lists them.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import cache
from types import MappingProxyType
from typing import TYPE_CHECKING, Final, Literal

from phrapp.domain.codes.checkup_items import by_name

if TYPE_CHECKING:
    from collections.abc import Mapping

Flag = Literal["基準範囲", "保健指導", "受診勧奨"]
Kind = Literal["保健指導判定値", "受診勧奨判定値"]
Comparator = Literal["≥", ">", "≤", "<"]
Direction = Literal["higher-is-worse", "lower-is-worse"]
Status = Literal["confirmed", "single", "unconfirmed", "not-found"]
ValueKind = Literal["numeric", "urine-grade"]
Sex = Literal["male", "female"]

NORMAL: Final = "基準範囲"
GUIDANCE: Final = "保健指導"
REFERRAL: Final = "受診勧奨"

#: Canonical urine qualitative grades, mildest first (the index is the ordinal).
URINE_GRADES: Final[tuple[str, ...]] = ("-", "±", "+", "2+", "3+")

# Spellings accepted for each grade, after NFKC (which folds full-width "－" and "＋").
# U+2212 MINUS SIGN is what checkup-cda.md prints; NFKC leaves it alone.
_GRADE_SPELLINGS: Final[Mapping[str, str]] = MappingProxyType({
    "-": "-", "\u2212": "-",
    "±": "±",
    "+": "+", "1+": "+",
    "2+": "2+", "++": "2+",
    "3+": "3+", "+++": "3+",
})

# Result codes of OID 1.2.392.200119.6.2102 (定性: 尿糖, 尿蛋白), checkup-cda.md §6:
# a checkup record stores the code string for CO items (CONTRACT §4 "checkups").
_URINE_CODES_2102: Final[Mapping[str, str]] = MappingProxyType({
    "1": "-", "2": "±", "3": "+", "4": "2+", "5": "3+",
})

_NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)")


# --------------------------------------------------------------------------- types


@dataclass(frozen=True, slots=True)
class Source:
    """Where a row's values come from, as ``specs/risk-rules.md`` cites it."""

    title: str
    version: str
    publisher: str | None
    spec_section: str  # where phrapp's spec tables it
    urls: tuple[str, ...] = ()

    @property
    def citation(self) -> str:
        """One line for display: 「title」 (version)."""
        who = f"{self.publisher} " if self.publisher else ""
        return f"{who}「{self.title}」 ({self.version})"


@dataclass(frozen=True, slots=True)
class Limit:
    """One 判定値: a comparator and a value. Urine grades compare by their ordinal."""

    comparator: Comparator
    value: Decimal
    display: str  # as the spec writes it: "140", "5.6", "1.00", "±"

    @property
    def text(self) -> str:
        """Comparator and value, e.g. ``"≥ 140"``, ``"< 60"``, ``"≥ ±"``."""
        return f"{self.comparator} {self.display}"

    def crossed_by(self, x: Decimal) -> bool:
        """True when ``x`` meets this 判定値 (``x ≥ 140`` for ``"≥ 140"``)."""
        if self.comparator == "≥":
            return x >= self.value
        if self.comparator == ">":
            return x > self.value
        if self.comparator == "≤":
            return x <= self.value
        return x < self.value


@dataclass(frozen=True, slots=True)
class BySex:
    """A 判定値 that differs by sex."""

    male: Limit
    female: Limit

    def for_sex(self, sex: Sex) -> Limit:
        return self.male if sex == "male" else self.female


@dataclass(frozen=True, slots=True)
class ThresholdRow:
    """One judgement item of risk-rules §5.

    ``guidance`` is the 保健指導判定値 and ``referral`` the 受診勧奨判定値; ``None`` where
    the source has none. ``decimals`` is the resolution of the item's checkup format
    (``NNN`` -> 0, ``NN.N`` -> 1); for urine grades it is 0 (one grade).
    ``item_names`` are the XML display names (特定健診 item table, 第4期) whose 17-char
    codes carry this analyte; every method variant of each name is included.
    ``status_note`` is the spec's status column, verbatim.
    """

    key: str
    name: str
    unit: str | None
    value_kind: ValueKind
    direction: Direction
    decimals: int
    guidance: Limit | BySex | None
    referral: Limit | BySex | None
    item_names: tuple[str, ...]
    source: Source
    status: Status
    status_note: str

    def __post_init__(self) -> None:
        # Guard the table against an inverted comparator or swapped levels.
        allowed = ("≥", ">") if self.direction == "higher-is-worse" else ("≤", "<")
        for lim in _limits(self.guidance) + _limits(self.referral):
            if lim.comparator not in allowed:
                raise ValueError(f"{self.key}: {lim.text} contradicts {self.direction}")
        for sex in ("male", "female"):
            g, r = _pick(self.guidance, sex), _pick(self.referral, sex)
            if g is not None and r is not None:
                worse = r.value >= g.value if self.direction == "higher-is-worse" \
                    else r.value <= g.value
                if not worse:
                    raise ValueError(f"{self.key}: 受診勧奨 {r.text} is milder than {g.text}")

    @property
    def sex_specific(self) -> bool:
        return isinstance(self.guidance, BySex) or isinstance(self.referral, BySex)

    @property
    def reference_only(self) -> bool:
        """True when the UI must label results from this row 「参考」."""
        return self.status != "confirmed"


@dataclass(frozen=True, slots=True)
class Judgement:
    """The result of :func:`judge`.

    ``flag`` is the CONTRACT value. ``threshold`` is the 判定値 that was crossed (the
    受診勧奨判定値 when both were), ``None`` for 基準範囲; ``kind`` names it. ``value`` is
    the judged value as a Decimal, or the canonical urine grade. ``has_thresholds`` is
    False when the source gives no 判定値 at all (尿糖): 基準範囲 then only means that no
    判定値 exists to cross, and the UI should say so.
    """

    item_key: str
    name: str
    value: Decimal | str
    unit: str | None
    flag: Flag
    threshold: Limit | None
    kind: Kind | None
    has_thresholds: bool
    source: Source
    status: Status

    @property
    def reference_only(self) -> bool:
        """True when the result must be shown as 「参考」 (status other than confirmed)."""
        return self.status != "confirmed"


def _limits(x: Limit | BySex | None) -> tuple[Limit, ...]:
    if x is None:
        return ()
    if isinstance(x, BySex):
        return (x.male, x.female)
    return (x,)


def _pick(x: Limit | BySex | None, sex: Sex) -> Limit | None:
    if isinstance(x, BySex):
        return x.for_sex(sex)
    return x


def _ge(v: str) -> Limit:
    return Limit("≥", Decimal(v), v)


def _gt(v: str) -> Limit:
    return Limit(">", Decimal(v), v)


def _le(v: str) -> Limit:
    return Limit("≤", Decimal(v), v)


def _lt(v: str) -> Limit:
    return Limit("<", Decimal(v), v)


def _grade_ge(grade: str) -> Limit:
    return Limit("≥", Decimal(URINE_GRADES.index(grade)), grade)


# --------------------------------------------------------------------------- sources

#: risk-rules.md cites the 第4期 programme draft through these mirrors.
PROGRAM_R6: Final = Source(
    title="標準的な健診・保健指導プログラム(令和6年度版)案",
    version="令和6年度版(案), 特定健診 第4期 (FY2024–)",
    publisher="厚生労働省",
    spec_section="specs/risk-rules.md §5",
    urls=(
        "https://wic-net.com/material/document/8096/47",
        "https://wic-net.com/material/document/8096/79",
        "https://wic-net.com/material/document/8096/66",
        "https://wic-net.com/material/document/5451/35",
    ),
)

#: risk-rules.md §5: "old prefecture table only [single]"; the document is not named.
OLD_PREFECTURE_TABLE: Final = Source(
    title="old prefecture table (document not named in risk-rules.md)",
    version="before 第4期 (year not stated)",
    publisher=None,
    spec_section="specs/risk-rules.md §5",
)


# --------------------------------------------------------------------------- the table

#: risk-rules.md §5, row by row. The only place where a 判定値 is written down.
THRESHOLDS: Final[tuple[ThresholdRow, ...]] = (
    ThresholdRow(
        key="sbp", name="収縮期血圧", unit="mmHg", value_kind="numeric",
        direction="higher-is-worse", decimals=0,
        guidance=_ge("130"), referral=_ge("140"),
        item_names=("収縮期血圧(その他)", "収縮期血圧(2回目)", "収縮期血圧(1回目)"),
        source=PROGRAM_R6, status="confirmed", status_note="confirmed",
    ),
    ThresholdRow(
        key="dbp", name="拡張期血圧", unit="mmHg", value_kind="numeric",
        direction="higher-is-worse", decimals=0,
        guidance=_ge("85"), referral=_ge("90"),
        item_names=("拡張期血圧(その他)", "拡張期血圧(2回目)", "拡張期血圧(1回目)"),
        source=PROGRAM_R6, status="confirmed", status_note="confirmed",
    ),
    ThresholdRow(
        key="tg_fasting", name="空腹時中性脂肪", unit="mg/dL", value_kind="numeric",
        direction="higher-is-worse", decimals=0,
        guidance=_ge("150"), referral=_ge("300"),
        item_names=("空腹時中性脂肪(トリグリセリド)",),
        source=PROGRAM_R6, status="confirmed", status_note="confirmed",
    ),
    ThresholdRow(
        key="tg_random", name="随時中性脂肪", unit="mg/dL", value_kind="numeric",
        direction="higher-is-worse", decimals=0,
        guidance=_ge("175"), referral=_ge("300"),
        item_names=("随時中性脂肪(トリグリセリド)",),
        source=PROGRAM_R6, status="confirmed", status_note="confirmed",
    ),
    ThresholdRow(
        # §16 decision: no 受診勧奨判定値 in 第4期; HDL < 40 is 保健指導 only.
        key="hdl", name="HDLコレステロール", unit="mg/dL", value_kind="numeric",
        direction="lower-is-worse", decimals=0,
        guidance=_lt("40"), referral=None,
        item_names=("HDLコレステロール",),
        source=PROGRAM_R6, status="unconfirmed",
        status_note="verify: none in the 第4期 draft (第3期: ≤34); "
                    "decision until checked: HDL < 40 is 保健指導 only",
    ),
    ThresholdRow(
        key="ldl", name="LDLコレステロール", unit="mg/dL", value_kind="numeric",
        direction="higher-is-worse", decimals=0,
        guidance=_ge("120"), referral=_ge("140"),
        item_names=("LDLコレステロール",),
        source=PROGRAM_R6, status="confirmed", status_note="confirmed",
    ),
    ThresholdRow(
        key="non_hdl", name="Non-HDLコレステロール", unit="mg/dL", value_kind="numeric",
        direction="higher-is-worse", decimals=0,
        guidance=_ge("150"), referral=_ge("170"),
        item_names=("Non-HDLコレステロール",),
        source=PROGRAM_R6, status="confirmed", status_note="confirmed",
    ),
    ThresholdRow(
        key="fpg", name="空腹時血糖", unit="mg/dL", value_kind="numeric",
        direction="higher-is-worse", decimals=0,
        guidance=_ge("100"), referral=_ge("126"),
        item_names=("空腹時血糖",),
        source=PROGRAM_R6, status="confirmed", status_note="confirmed",
    ),
    ThresholdRow(
        key="random_glucose", name="随時血糖", unit="mg/dL", value_kind="numeric",
        direction="higher-is-worse", decimals=0,
        guidance=_ge("100"), referral=_ge("126"),
        item_names=("随時血糖",),
        source=PROGRAM_R6, status="confirmed", status_note="confirmed",
    ),
    ThresholdRow(
        # NGSP only: old JDS codes (3D045…) use other cut-offs (risk-rules §4) and are
        # deliberately not mapped.
        key="hba1c", name="HbA1c(NGSP値)", unit="%", value_kind="numeric",
        direction="higher-is-worse", decimals=1,
        guidance=_ge("5.6"), referral=_ge("6.5"),
        item_names=("HbA1c(NGSP値)",),
        source=PROGRAM_R6, status="confirmed", status_note="confirmed",
    ),
    ThresholdRow(
        key="ast", name="AST(GOT)", unit="U/L", value_kind="numeric",
        direction="higher-is-worse", decimals=0,
        guidance=_ge("31"), referral=_ge("51"),
        item_names=("AST(GOT)",),
        source=PROGRAM_R6, status="confirmed", status_note="confirmed",
    ),
    ThresholdRow(
        key="alt", name="ALT(GPT)", unit="U/L", value_kind="numeric",
        direction="higher-is-worse", decimals=0,
        guidance=_ge("31"), referral=_ge("51"),
        item_names=("ALT(GPT)",),
        source=PROGRAM_R6, status="confirmed", status_note="confirmed",
    ),
    ThresholdRow(
        key="ggt", name="γ-GT(γ-GTP)", unit="U/L", value_kind="numeric",
        direction="higher-is-worse", decimals=0,
        guidance=_ge("51"), referral=_ge("101"),
        item_names=("γ-GT(γ-GTP)",),
        source=PROGRAM_R6, status="confirmed", status_note="confirmed",
    ),
    ThresholdRow(
        key="egfr", name="eGFR", unit="mL/min/1.73m²", value_kind="numeric",
        direction="lower-is-worse", decimals=1,
        guidance=_lt("60"), referral=_lt("45"),
        item_names=("eGFR",),
        source=PROGRAM_R6, status="confirmed", status_note="confirmed",
    ),
    ThresholdRow(
        # §5 leaves 以下 (≤) vs 未満 (<) open (§16 question 4). ≤ is used until the primary
        # document is checked: it is the more cautious reading (the boundary value is
        # flagged), and secondary pages describe the bands that way (e.g. "12.1~13 →
        # 保健指導, 12以下 → 受診勧奨" for men). Hence status "unconfirmed".
        key="hb", name="血色素量(ヘモグロビン値)", unit="g/dL", value_kind="numeric",
        direction="lower-is-worse", decimals=1,
        guidance=BySex(male=_le("13.0"), female=_le("12.0")),
        referral=BySex(male=_le("12.0"), female=_le("11.0")),
        item_names=("血色素量(ヘモグロビン値)",),
        source=PROGRAM_R6, status="unconfirmed",
        status_note="single (draft); whether 以下 (≤) or 未満 (<) is unconfirmed",
    ),
    ThresholdRow(
        key="urine_protein", name="尿蛋白", unit=None, value_kind="urine-grade",
        direction="higher-is-worse", decimals=0,
        guidance=_grade_ge("±"), referral=_grade_ge("+"),
        item_names=("尿蛋白",),
        source=PROGRAM_R6, status="single", status_note="single",
    ),
    ThresholdRow(
        # §5: "– / – / not found". Grades are still validated; no 判定値 is invented.
        key="urine_sugar", name="尿糖", unit=None, value_kind="urine-grade",
        direction="higher-is-worse", decimals=0,
        guidance=None, referral=None,
        item_names=("尿糖",),
        source=PROGRAM_R6, status="not-found", status_note="not found",
    ),
    ThresholdRow(
        # Not a CONTRACT lab_judgement item; mixed comparators exactly as §5: > then ≥.
        key="uric_acid", name="血清尿酸", unit="mg/dL", value_kind="numeric",
        direction="higher-is-worse", decimals=1,
        guidance=_gt("7.0"), referral=_ge("8.0"),
        item_names=("血清尿酸",),
        source=OLD_PREFECTURE_TABLE, status="single",
        status_note="old prefecture table only [single]",
    ),
    ThresholdRow(
        # Not a CONTRACT lab_judgement item.
        key="creatinine", name="血清クレアチニン", unit="mg/dL", value_kind="numeric",
        direction="higher-is-worse", decimals=2,
        guidance=BySex(male=_gt("1.00"), female=_gt("0.70")),
        referral=BySex(male=_ge("1.30"), female=_ge("1.00")),
        item_names=("血清クレアチニン",),
        source=OLD_PREFECTURE_TABLE, status="single",
        status_note="old prefecture table only [single]",
    ),
)

#: The item keys CONTRACT §4 ``calc lab_judgement`` accepts.
LAB_JUDGEMENT_ITEMS: Final[frozenset[str]] = frozenset({
    "sbp", "dbp", "fpg", "hba1c", "random_glucose", "tg_fasting", "tg_random", "hdl",
    "ldl", "non_hdl", "ast", "alt", "ggt", "hb", "egfr", "urine_protein", "urine_sugar",
})


# --------------------------------------------------------------------------- lookups


@cache
def _rows_by_key() -> Mapping[str, ThresholdRow]:
    index: dict[str, ThresholdRow] = {}
    for r in THRESHOLDS:
        if r.key in index:
            raise ValueError(f"duplicate threshold row {r.key!r}")
        index[r.key] = r
    return MappingProxyType(index)


def item_keys() -> tuple[str, ...]:
    """Every item key of :data:`THRESHOLDS`, in table order."""
    return tuple(r.key for r in THRESHOLDS)


def row(item_key: str) -> ThresholdRow:
    """The table row for ``item_key``; ``ValueError`` when there is none.

    Source: risk-rules.md §5 (標準的な健診・保健指導プログラム(令和6年度版)案, 第4期).
    """
    r = _rows_by_key().get(item_key)
    if r is None:
        known = ", ".join(item_keys())
        raise ValueError(f"unknown judgement item {item_key!r} (known: {known})")
    return r


@cache
def _codes_by_key() -> Mapping[str, tuple[str, ...]]:
    out: dict[str, tuple[str, ...]] = {}
    for r in THRESHOLDS:
        want = "CO" if r.value_kind == "urine-grade" else "PQ"
        codes: list[str] = []
        for name in r.item_names:
            found = [it.code for it in by_name(name) if it.value_type == want]
            if not found:
                # The item table was regenerated with a new name: fail loudly, never
                # silently stop judging an analyte.
                raise LookupError(f"{r.key}: no {want} item named {name!r} in the item table")
            codes.extend(c for c in found if c not in codes)
        out[r.key] = tuple(codes)
    return MappingProxyType(out)


@cache
def _key_by_code() -> Mapping[str, str]:
    index: dict[str, str] = {}
    for key, codes in _codes_by_key().items():
        for code in codes:
            if code in index:
                raise ValueError(f"code {code} maps to both {index[code]} and {key}")
            index[code] = key
    return MappingProxyType(index)


def codes_for(item_key: str) -> tuple[str, ...]:
    """Every 17-char 特定健診 item code (第4期 item table) that carries ``item_key``.

    All measurement-method and measurement-occasion variants are included, e.g. the
    four HbA1c(NGSP値) codes or 収縮期血圧 1回目/2回目/その他. ``ValueError`` for an
    unknown key. Source of the judgement values: risk-rules.md §5
    (標準的な健診・保健指導プログラム(令和6年度版)案).
    """
    row(item_key)
    return _codes_by_key()[item_key]


def item_key_for_code(code: str) -> str | None:
    """The judgement item carried by a 17-char item code, or ``None`` when it has no 判定値.

    Old JDS HbA1c codes (``3D045…``) return ``None`` on purpose: the 第4期 HbA1c 判定値
    (標準的な健診・保健指導プログラム(令和6年度版)案) are NGSP values.
    """
    return _key_by_code().get(code)


# --------------------------------------------------------------------------- parsing


def normalize_urine_grade(text: str) -> str:
    """A urine qualitative grade in canonical form (``-``, ``±``, ``+``, ``2+``, ``3+``).

    Accepts full-width ``－ ± ＋``, U+2212 ``−``, ``1+`` for ``+`` and ``++``/``+++`` for
    ``2+``/``3+`` (CONTRACT §4 ``calc``). ``ValueError`` for anything else.
    """
    if not isinstance(text, str):
        raise ValueError(f"urine grade must be text such as '-', '±', '+', got {text!r}")
    norm = unicodedata.normalize("NFKC", text).strip()
    grade = _GRADE_SPELLINGS.get(norm)
    if grade is None:
        raise ValueError(
            f"bad urine grade {text!r}: expected one of {', '.join(URINE_GRADES)} "
            "(full-width － ± ＋ and 1+ accepted)"
        )
    return grade


def _to_decimal(item_key: str, value: Decimal | float | str) -> Decimal:
    if isinstance(value, bool):
        raise ValueError(f"{item_key}: value must be a number, got {value!r}")
    if isinstance(value, Decimal):
        d = value
    elif isinstance(value, int):
        d = Decimal(value)
    elif isinstance(value, float):
        # repr() is the shortest round-trip text: 5.6 -> Decimal("5.6"), not 5.5999…
        d = Decimal(repr(value))
    elif isinstance(value, str):
        text = unicodedata.normalize("NFKC", value).strip()
        if not _NUMBER.fullmatch(text):
            raise ValueError(f"{item_key}: value must be a number, got {value!r}")
        try:
            d = Decimal(text)
        except InvalidOperation as exc:  # pragma: no cover - the regex admits only numbers
            raise ValueError(f"{item_key}: value must be a number, got {value!r}") from exc
    else:
        raise ValueError(f"{item_key}: value must be a number, got {value!r}")
    if not d.is_finite():
        raise ValueError(f"{item_key}: value must be a finite number, got {value!r}")
    if d < 0:
        raise ValueError(f"{item_key}: value must not be negative, got {value!r}")
    return d


def _check_sex(r: ThresholdRow, sex: str | None) -> Sex:
    if sex is None:
        if r.sex_specific:
            raise ValueError(
                f"{r.key}: sex is required ('male' or 'female'), the 判定値 differ by sex"
            )
        return "male"  # unused: the row has no sex-specific 判定値
    if sex == "male":
        return "male"
    if sex == "female":
        return "female"
    raise ValueError(f"{r.key}: sex must be 'male' or 'female', got {sex!r}")


# --------------------------------------------------------------------------- judgement


def judge(item_key: str, value: Decimal | float | str, sex: str | None = None) -> Judgement:
    """Judge one value against the 保健指導判定値 and 受診勧奨判定値 of ``item_key``.

    Guideline: 厚生労働省 「標準的な健診・保健指導プログラム(令和6年度版)案」 (特定健診
    第4期), as tabled in risk-rules.md §5; uric acid and creatinine: an old prefecture
    table [single]. The row's status (confirmed / single / unconfirmed / not-found)
    is returned in the judgement; anything but confirmed is 「参考」.

    ``value`` is a number (int, float, Decimal or numeric text, compared as Decimal,
    unrounded) or, for ``urine_protein`` / ``urine_sugar``, a grade (``-`` ``±`` ``+``
    ``2+`` ``3+``; full-width and ``1+`` accepted). ``sex`` (``male``/``female``) is
    required for ``hb`` and ``creatinine``. Returns 受診勧奨 when the 受診勧奨判定値 is
    met, else 保健指導 when the 保健指導判定値 is met, else 基準範囲.

    ``ValueError``: unknown item, bad urine grade, non-numeric or negative value,
    missing or invalid sex.
    """
    r = row(item_key)
    s = _check_sex(r, sex)
    shown: Decimal | str
    if r.value_kind == "urine-grade":
        if not isinstance(value, str):
            raise ValueError(
                f"{item_key}: value must be a urine grade such as '-', '±', '+', got {value!r}"
            )
        grade = normalize_urine_grade(value)
        x = Decimal(URINE_GRADES.index(grade))
        shown = grade
    else:
        x = _to_decimal(item_key, value)
        shown = x
    referral, guidance = _pick(r.referral, s), _pick(r.guidance, s)
    flag: Flag = NORMAL
    crossed: Limit | None = None
    kind: Kind | None = None
    if referral is not None and referral.crossed_by(x):
        flag, crossed, kind = REFERRAL, referral, "受診勧奨判定値"
    elif guidance is not None and guidance.crossed_by(x):
        flag, crossed, kind = GUIDANCE, guidance, "保健指導判定値"
    return Judgement(
        item_key=r.key, name=r.name, value=shown, unit=r.unit, flag=flag,
        threshold=crossed, kind=kind,
        has_thresholds=r.guidance is not None or r.referral is not None,
        source=r.source, status=r.status,
    )


def judge_code(
    code: str, value: Decimal | float | str, sex: str | None = None
) -> Judgement | None:
    """:func:`judge` for a 17-char 特定健診 item code; ``None`` when the code has no 判定値.

    Guideline as :func:`judge` (標準的な健診・保健指導プログラム(令和6年度版)案, 第4期,
    risk-rules.md §5). For the urine items the stored result code of OID
    ``1.2.392.200119.6.2102`` (``"1"`` − … ``"5"`` +++) is accepted besides a grade.
    """
    key = item_key_for_code(code)
    if key is None:
        return None
    if row(key).value_kind == "urine-grade" and isinstance(value, str):
        coded = _URINE_CODES_2102.get(value.strip())
        if coded is not None:
            value = coded
    return judge(key, value, sex)
