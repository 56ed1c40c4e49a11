"""保健指導判定値 / 受診勧奨判定値 (risk-rules §5): the table, the judgement, the code mapping.

Two kinds of checks. Generated ones walk :data:`THRESHOLDS` and probe every 判定値 just
below, on and just above it. They cannot catch a typo in the table, so the expectations
below are typed independently from ``specs/risk-rules.md`` §5 and
``specs/checkup-cda.md`` §5, and the table must match them exactly.
"""

from __future__ import annotations

import operator
from collections.abc import Callable
from decimal import Decimal

import pytest

from phrapp.domain.codes.checkup_items import decimals, item
from phrapp.domain.risk import thresholds as th
from phrapp.domain.risk.thresholds import (
    LAB_JUDGEMENT_ITEMS,
    PROGRAM_R6,
    THRESHOLDS,
    URINE_GRADES,
    BySex,
    Limit,
    ThresholdRow,
    codes_for,
    item_key_for_code,
    judge,
    judge_code,
    normalize_urine_grade,
    row,
)

G, R = "保健指導判定値", "受診勧奨判定値"
SEVERITY = {"基準範囲": 0, "保健指導": 1, "受診勧奨": 2}
KIND_SEVERITY = {G: 1, R: 2}

# --------------------------------------------------------------------------- spec, typed by hand

# CONTRACT §4 calc lab_judgement item keys.
CONTRACT_ITEMS = {
    "sbp", "dbp", "fpg", "hba1c", "random_glucose", "tg_fasting", "tg_random", "hdl", "ldl",
    "non_hdl", "ast", "alt", "ggt", "hb", "egfr", "urine_protein", "urine_sugar",
}

# risk-rules §5, one entry per 判定値: (item, sex, kind, comparator text).
SPEC_LIMITS = {
    ("sbp", None, G, "≥ 130"), ("sbp", None, R, "≥ 140"),
    ("dbp", None, G, "≥ 85"), ("dbp", None, R, "≥ 90"),
    ("tg_fasting", None, G, "≥ 150"), ("tg_fasting", None, R, "≥ 300"),
    ("tg_random", None, G, "≥ 175"), ("tg_random", None, R, "≥ 300"),
    ("hdl", None, G, "< 40"),  # no 受診勧奨判定値 (decision in §16)
    ("ldl", None, G, "≥ 120"), ("ldl", None, R, "≥ 140"),
    ("non_hdl", None, G, "≥ 150"), ("non_hdl", None, R, "≥ 170"),
    ("fpg", None, G, "≥ 100"), ("fpg", None, R, "≥ 126"),
    ("random_glucose", None, G, "≥ 100"), ("random_glucose", None, R, "≥ 126"),
    ("hba1c", None, G, "≥ 5.6"), ("hba1c", None, R, "≥ 6.5"),
    ("ast", None, G, "≥ 31"), ("ast", None, R, "≥ 51"),
    ("alt", None, G, "≥ 31"), ("alt", None, R, "≥ 51"),
    ("ggt", None, G, "≥ 51"), ("ggt", None, R, "≥ 101"),
    ("egfr", None, G, "< 60"), ("egfr", None, R, "< 45"),
    ("hb", "male", G, "≤ 13.0"), ("hb", "female", G, "≤ 12.0"),
    ("hb", "male", R, "≤ 12.0"), ("hb", "female", R, "≤ 11.0"),
    ("urine_protein", None, G, "≥ ±"), ("urine_protein", None, R, "≥ +"),
    ("uric_acid", None, G, "> 7.0"), ("uric_acid", None, R, "≥ 8.0"),
    ("creatinine", "male", G, "> 1.00"), ("creatinine", "female", G, "> 0.70"),
    ("creatinine", "male", R, "≥ 1.30"), ("creatinine", "female", R, "≥ 1.00"),
}

# risk-rules §5 status column (normalised: "verify" -> unconfirmed).
SPEC_STATUS = {
    "sbp": "confirmed", "dbp": "confirmed", "tg_fasting": "confirmed", "tg_random": "confirmed",
    "hdl": "unconfirmed", "ldl": "confirmed", "non_hdl": "confirmed", "fpg": "confirmed",
    "random_glucose": "confirmed", "hba1c": "confirmed", "ast": "confirmed",
    "alt": "confirmed", "ggt": "confirmed", "egfr": "confirmed", "hb": "unconfirmed",
    "urine_protein": "single", "urine_sugar": "not-found", "uric_acid": "single",
    "creatinine": "single",
}

LOWER_IS_WORSE = {"hdl", "egfr", "hb"}

# (item, sex, value, expected flag): below / on / above every 判定値, from the spec text.
N, GD, RF = "基準範囲", "保健指導", "受診勧奨"
SPEC_CASES: list[tuple[str, str | None, str, str]] = [
    ("sbp", None, "129", N), ("sbp", None, "130", GD), ("sbp", None, "131", GD),
    ("sbp", None, "139", GD), ("sbp", None, "140", RF), ("sbp", None, "141", RF),
    ("dbp", None, "84", N), ("dbp", None, "85", GD), ("dbp", None, "86", GD),
    ("dbp", None, "89", GD), ("dbp", None, "90", RF), ("dbp", None, "91", RF),
    ("tg_fasting", None, "149", N), ("tg_fasting", None, "150", GD),
    ("tg_fasting", None, "151", GD), ("tg_fasting", None, "299", GD),
    ("tg_fasting", None, "300", RF), ("tg_fasting", None, "301", RF),
    ("tg_random", None, "174", N), ("tg_random", None, "175", GD),
    ("tg_random", None, "176", GD), ("tg_random", None, "299", GD),
    ("tg_random", None, "300", RF), ("tg_random", None, "301", RF),
    ("hdl", None, "39", GD), ("hdl", None, "40", N), ("hdl", None, "41", N),
    ("hdl", None, "35", GD), ("hdl", None, "34", GD), ("hdl", None, "20", GD),
    ("ldl", None, "119", N), ("ldl", None, "120", GD), ("ldl", None, "121", GD),
    ("ldl", None, "139", GD), ("ldl", None, "140", RF), ("ldl", None, "141", RF),
    ("non_hdl", None, "149", N), ("non_hdl", None, "150", GD), ("non_hdl", None, "151", GD),
    ("non_hdl", None, "169", GD), ("non_hdl", None, "170", RF), ("non_hdl", None, "171", RF),
    ("fpg", None, "99", N), ("fpg", None, "100", GD), ("fpg", None, "101", GD),
    ("fpg", None, "125", GD), ("fpg", None, "126", RF), ("fpg", None, "127", RF),
    ("random_glucose", None, "99", N), ("random_glucose", None, "100", GD),
    ("random_glucose", None, "101", GD), ("random_glucose", None, "125", GD),
    ("random_glucose", None, "126", RF), ("random_glucose", None, "127", RF),
    ("hba1c", None, "5.5", N), ("hba1c", None, "5.6", GD), ("hba1c", None, "5.7", GD),
    ("hba1c", None, "6.4", GD), ("hba1c", None, "6.5", RF), ("hba1c", None, "6.6", RF),
    ("ast", None, "30", N), ("ast", None, "31", GD), ("ast", None, "32", GD),
    ("ast", None, "50", GD), ("ast", None, "51", RF), ("ast", None, "52", RF),
    ("alt", None, "30", N), ("alt", None, "31", GD), ("alt", None, "32", GD),
    ("alt", None, "50", GD), ("alt", None, "51", RF), ("alt", None, "52", RF),
    ("ggt", None, "50", N), ("ggt", None, "51", GD), ("ggt", None, "52", GD),
    ("ggt", None, "100", GD), ("ggt", None, "101", RF), ("ggt", None, "102", RF),
    ("egfr", None, "60.1", N), ("egfr", None, "60.0", N), ("egfr", None, "59.9", GD),
    ("egfr", None, "45.1", GD), ("egfr", None, "45.0", GD), ("egfr", None, "44.9", RF),
    ("hb", "male", "13.1", N), ("hb", "male", "13.0", GD), ("hb", "male", "12.9", GD),
    ("hb", "male", "12.1", GD), ("hb", "male", "12.0", RF), ("hb", "male", "11.9", RF),
    ("hb", "female", "12.1", N), ("hb", "female", "12.0", GD), ("hb", "female", "11.9", GD),
    ("hb", "female", "11.1", GD), ("hb", "female", "11.0", RF), ("hb", "female", "10.9", RF),
    ("hb", "male", "12.5", GD), ("hb", "female", "12.5", N),
    ("uric_acid", None, "6.9", N), ("uric_acid", None, "7.0", N), ("uric_acid", None, "7.1", GD),
    ("uric_acid", None, "7.9", GD), ("uric_acid", None, "8.0", RF), ("uric_acid", None, "8.1", RF),
    ("creatinine", "male", "0.99", N), ("creatinine", "male", "1.00", N),
    ("creatinine", "male", "1.01", GD), ("creatinine", "male", "1.29", GD),
    ("creatinine", "male", "1.30", RF), ("creatinine", "male", "1.31", RF),
    ("creatinine", "female", "0.69", N), ("creatinine", "female", "0.70", N),
    ("creatinine", "female", "0.71", GD), ("creatinine", "female", "0.99", GD),
    ("creatinine", "female", "1.00", RF), ("creatinine", "female", "1.01", RF),
]

# checkup-cda.md §5: every 17-char code of each analyte, all method / occasion variants.
SPEC_CODES = {
    "sbp": {"9A751000000000001", "9A752000000000001", "9A755000000000001"},
    "dbp": {"9A761000000000001", "9A762000000000001", "9A765000000000001"},
    "tg_fasting": {"3F015000002327101", "3F015000002327201", "3F015000002399901"},
    "tg_random": {"3F015129902327101", "3F015129902327201", "3F015129902399901"},
    "hdl": {"3F070000002327101", "3F070000002327201", "3F070000002399901"},
    "ldl": {"3F077000002327101", "3F077000002327201", "3F077000002399901",
            "3F077000002391901"},
    "non_hdl": {"3F069000002391901"},
    "fpg": {"3D010000001926101", "3D010000002227101", "3D010000001927201",
            "3D010000001999901"},
    "random_glucose": {"3D010129901926101", "3D010129902227101", "3D010129901927201",
                       "3D010129901999901"},
    "hba1c": {"3D046000001906202", "3D046000001920402", "3D046000001927102",
              "3D046000001999902"},
    "ast": {"3B035000002327201", "3B035000002399901"},
    "alt": {"3B045000002327201", "3B045000002399901"},
    "ggt": {"3B090000002327101", "3B090000002399901"},
    "hb": {"2A030000001930101"},
    "egfr": {"8A065000002391901"},
    "urine_protein": {"1A010000000191111", "1A010000000190111"},
    "urine_sugar": {"1A020000000191111", "1A020000000190111"},
    "uric_acid": {"3C020000002327101", "3C020000002399901"},
    "creatinine": {"3C015000002327101", "3C015000002399901"},
}


# --------------------------------------------------------------------------- helpers

_OPS: dict[str, Callable[[Decimal, Decimal], bool]] = {
    "≥": operator.ge, ">": operator.gt, "≤": operator.le, "<": operator.lt,
}


def _table_limits() -> list[tuple[ThresholdRow, str | None, str, Limit]]:
    out: list[tuple[ThresholdRow, str | None, str, Limit]] = []
    for r in THRESHOLDS:
        for kind, lim in ((G, r.guidance), (R, r.referral)):
            if lim is None:
                continue
            if isinstance(lim, BySex):
                out.append((r, "male", kind, lim.male))
                out.append((r, "female", kind, lim.female))
            else:
                out.append((r, None, kind, lim))
    return out


def _limit_id(x: tuple[ThresholdRow, str | None, str, Limit]) -> str:
    r, sex, kind, lim = x
    return f"{r.key}-{sex or 'any'}-{kind}-{lim.text}"


# --------------------------------------------------------------------------- the table vs the spec


def test_table_limits_match_the_spec_exactly() -> None:
    got = {(r.key, sex, kind, lim.text) for r, sex, kind, lim in _table_limits()}
    assert got == SPEC_LIMITS


def test_limit_values_match_their_display() -> None:
    for r, _sex, _kind, lim in _table_limits():
        if r.value_kind == "numeric":
            assert lim.value == Decimal(lim.display)
        else:
            assert lim.value == URINE_GRADES.index(lim.display)


def test_contract_items_are_all_in_the_table() -> None:
    assert set(LAB_JUDGEMENT_ITEMS) == CONTRACT_ITEMS
    assert CONTRACT_ITEMS <= set(th.item_keys())
    assert set(th.item_keys()) == set(SPEC_STATUS)


def test_status_per_row_matches_the_spec() -> None:
    assert {r.key: r.status for r in THRESHOLDS} == SPEC_STATUS
    for r in THRESHOLDS:
        assert r.reference_only == (r.status != "confirmed")
        assert r.status_note


def test_direction_per_row() -> None:
    lower = {r.key for r in THRESHOLDS if r.direction == "lower-is-worse"}
    assert lower == LOWER_IS_WORSE


def test_sex_specific_rows() -> None:
    assert {r.key for r in THRESHOLDS if r.sex_specific} == {"hb", "creatinine"}


def test_every_row_cites_its_source() -> None:
    for r in THRESHOLDS:
        assert r.source.title and r.source.version and r.source.spec_section
        assert r.name
    program_rows = {r.key for r in THRESHOLDS if r.source is PROGRAM_R6}
    assert program_rows == CONTRACT_ITEMS  # uric acid / creatinine: old prefecture table
    assert PROGRAM_R6.title == "標準的な健診・保健指導プログラム(令和6年度版)案"
    assert "令和6年度版" in PROGRAM_R6.citation


def test_resolution_matches_the_item_table_format() -> None:
    for r in THRESHOLDS:
        for code in codes_for(r.key):
            it = item(code)
            assert it is not None
            if r.value_kind == "numeric":
                assert decimals(it) == r.decimals, (r.key, code, it.format)
            else:
                assert it.value_type == "CO" and r.decimals == 0


def test_every_spec_limit_has_hand_typed_boundary_cases() -> None:
    cases = {(k, s, Decimal(v)) for k, s, v, _ in SPEC_CASES}
    for key, sex, _kind, text in SPEC_LIMITS:
        if key.startswith("urine"):
            continue  # grades: see the urine tests
        on = Decimal(text.split(" ", 1)[1])
        assert (key, sex, on) in cases, (key, sex, text)


def test_a_row_with_an_inverted_comparator_is_rejected() -> None:
    base = row("hdl")
    with pytest.raises(ValueError, match="contradicts"):
        ThresholdRow(
            key="x", name="x", unit=None, value_kind="numeric", direction="lower-is-worse",
            decimals=0, guidance=Limit("≥", Decimal(40), "40"), referral=None,
            item_names=(), source=base.source, status="confirmed", status_note="",
        )
    with pytest.raises(ValueError, match="milder"):
        ThresholdRow(
            key="x", name="x", unit=None, value_kind="numeric", direction="higher-is-worse",
            decimals=0, guidance=Limit("≥", Decimal(140), "140"),
            referral=Limit("≥", Decimal(130), "130"),
            item_names=(), source=base.source, status="confirmed", status_note="",
        )


# --------------------------------------------------------------------------- judgement: hand-typed


@pytest.mark.parametrize(("key", "sex", "value", "flag"), SPEC_CASES,
                         ids=[f"{k}-{s or 'any'}-{v}" for k, s, v, _ in SPEC_CASES])
def test_spec_boundaries(key: str, sex: str | None, value: str, flag: str) -> None:
    assert judge(key, value, sex).flag == flag  # text
    assert judge(key, Decimal(value), sex).flag == flag  # Decimal
    assert judge(key, float(value), sex).flag == flag  # float, as JSON delivers it


# --------------------------------------------------------------------------- judgement: generated


@pytest.mark.parametrize("entry", _table_limits(), ids=_limit_id)
def test_generated_boundaries(entry: tuple[ThresholdRow, str | None, str, Limit]) -> None:
    r, sex, kind, lim = entry
    step = Decimal(1).scaleb(-r.decimals)
    probes = [lim.value - step, lim.value, lim.value + step]
    if r.value_kind == "urine-grade":
        probes = [p for p in probes if 0 <= p < len(URINE_GRADES)]
    for x in probes:
        crossed = _OPS[lim.comparator](x, lim.value)
        value: Decimal | str = URINE_GRADES[int(x)] if r.value_kind == "urine-grade" else x
        j = judge(r.key, value, sex)
        if crossed:
            assert SEVERITY[j.flag] >= KIND_SEVERITY[kind], (x, j)
            if SEVERITY[j.flag] == KIND_SEVERITY[kind]:
                assert j.threshold == lim and j.kind == kind
        else:
            assert SEVERITY[j.flag] < KIND_SEVERITY[kind], (x, j)


@pytest.mark.parametrize("r", THRESHOLDS, ids=lambda r: r.key)
def test_judgement_carries_row_metadata(r: ThresholdRow) -> None:
    sex = "female" if r.sex_specific else None
    value: str = "-" if r.value_kind == "urine-grade" else "1"
    j = judge(r.key, value, sex)
    assert j.item_key == r.key and j.name == r.name and j.unit == r.unit
    assert j.source == r.source and j.status == r.status
    assert j.reference_only == (r.status != "confirmed")
    assert j.has_thresholds == (r.guidance is not None or r.referral is not None)


# --------------------------------------------------------------------------- judgement: details


def test_crossed_threshold_and_kind() -> None:
    j = judge("sbp", 140)
    assert (j.flag, j.kind, j.threshold and j.threshold.text) == ("受診勧奨", R, "≥ 140")
    assert j.value == Decimal(140) and j.unit == "mmHg"
    j = judge("sbp", 135)
    assert (j.flag, j.kind, j.threshold and j.threshold.text) == ("保健指導", G, "≥ 130")
    j = judge("sbp", 120)
    assert (j.flag, j.kind, j.threshold) == ("基準範囲", None, None)
    j = judge("egfr", 30)
    assert (j.kind, j.threshold and j.threshold.text) == (R, "< 45")
    j = judge("hdl", 39)
    assert (j.flag, j.kind, j.threshold and j.threshold.text) == ("保健指導", G, "< 40")
    assert j.reference_only  # HDL row is "verify" in the spec


def test_hdl_never_reaches_referral() -> None:
    """§16 decision: no HDL 受診勧奨判定値 in 第4期 (第3期 had ≤34)."""
    for v in (34, 20, 1, 0):
        assert judge("hdl", v).flag == "保健指導"


def test_decimal_exactness_at_edges() -> None:
    assert judge("hba1c", 5.6).flag == "保健指導"
    assert judge("hba1c", 5.59999).flag == "基準範囲"
    # A float is read through its shortest repr, not its binary expansion (5.5999…).
    assert judge("hba1c", 5.6).value == Decimal("5.6")
    assert judge("creatinine", 1.0, "male").value == Decimal("1.0")
    assert judge("egfr", 59.99999).flag == "保健指導"
    assert judge("egfr", "60.00").flag == "基準範囲"
    assert judge("sbp", "１４０").flag == "受診勧奨"  # full-width digits (NFKC)
    assert judge("sbp", 139.9).flag == "保健指導"  # unrounded


def test_sex_specific_hb() -> None:
    assert judge("hb", 12.5, "male").flag == "保健指導"
    assert judge("hb", 12.5, "female").flag == "基準範囲"
    assert judge("hb", 11.5, "male").flag == "受診勧奨"
    assert judge("hb", 11.5, "female").flag == "保健指導"
    j = judge("hb", 12.0, "male")
    assert j.threshold is not None and j.threshold.text == "≤ 12.0" and j.status == "unconfirmed"


def test_missing_or_bad_sex() -> None:
    with pytest.raises(ValueError, match="sex is required"):
        judge("hb", 12.0)
    with pytest.raises(ValueError, match="sex is required"):
        judge("creatinine", 1.2)
    with pytest.raises(ValueError, match="'male' or 'female'"):
        judge("hb", 12.0, "M")
    with pytest.raises(ValueError, match="'male' or 'female'"):
        judge("sbp", 120, "other")
    assert judge("sbp", 120, "female").flag == "基準範囲"  # sex allowed, not needed


@pytest.mark.parametrize("key", ["bmi", "waist", "", "SBP", "hba1c_jds", "uric"])
def test_unknown_item_raises(key: str) -> None:
    with pytest.raises(ValueError, match="unknown judgement item"):
        judge(key, 1)
    with pytest.raises(ValueError, match="unknown judgement item"):
        codes_for(key)


@pytest.mark.parametrize("value", ["abc", "130mmHg", "", "1e3", float("nan"), float("inf"),
                                   "NaN", True, -1, "-0.5", None])
def test_bad_numeric_value_raises(value: object) -> None:
    with pytest.raises(ValueError, match="sbp"):
        judge("sbp", value)  # type: ignore[arg-type]


# --------------------------------------------------------------------------- urine grades


@pytest.mark.parametrize(("grade", "flag"), [
    ("-", "基準範囲"), ("±", "保健指導"), ("+", "受診勧奨"), ("2+", "受診勧奨"),
    ("3+", "受診勧奨"),
    ("－", "基準範囲"), ("−", "基準範囲"), ("＋", "受診勧奨"), ("1+", "受診勧奨"),
    ("１＋", "受診勧奨"), ("＋＋", "受診勧奨"), ("+++", "受診勧奨"), (" ± ", "保健指導"),
])
def test_urine_protein_grades(grade: str, flag: str) -> None:
    assert judge("urine_protein", grade).flag == flag


def test_urine_protein_threshold_texts() -> None:
    j = judge("urine_protein", "±")
    assert (j.kind, j.threshold and j.threshold.text, j.value) == (G, "≥ ±", "±")
    j = judge("urine_protein", "＋＋")
    assert (j.kind, j.threshold and j.threshold.text, j.value) == (R, "≥ +", "2+")
    assert j.status == "single" and j.reference_only


@pytest.mark.parametrize("grade", URINE_GRADES + ("－", "＋", "1+"))
def test_urine_sugar_has_no_thresholds(grade: str) -> None:
    j = judge("urine_sugar", grade)
    assert j.flag == "基準範囲" and j.threshold is None and j.kind is None
    assert not j.has_thresholds and j.status == "not-found" and j.reference_only


@pytest.mark.parametrize("bad", ["4+", "x", "", "+-", "++++", "0", "陰性", "1"])
@pytest.mark.parametrize("key", ["urine_protein", "urine_sugar"])
def test_bad_urine_grade_raises(key: str, bad: str) -> None:
    with pytest.raises(ValueError, match="urine grade"):
        judge(key, bad)


@pytest.mark.parametrize("key", ["urine_protein", "urine_sugar"])
def test_urine_number_raises(key: str) -> None:
    with pytest.raises(ValueError, match="urine grade"):
        judge(key, 2)


def test_normalize_urine_grade() -> None:
    assert [normalize_urine_grade(g) for g in ("－", "±", "＋", "１＋", "2+", "＋＋＋")] == [
        "-", "±", "+", "+", "2+", "3+"]


# --------------------------------------------------------------------------- item codes


@pytest.mark.parametrize("key", sorted(SPEC_CODES))
def test_codes_cover_every_variant(key: str) -> None:
    assert set(codes_for(key)) == SPEC_CODES[key]
    for code in SPEC_CODES[key]:
        assert item_key_for_code(code) == key


def test_all_four_hba1c_ngsp_codes() -> None:
    assert len(codes_for("hba1c")) == 4
    assert all(item_key_for_code(c) == "hba1c" for c in codes_for("hba1c"))


def test_every_table_row_has_codes() -> None:
    assert set(SPEC_CODES) == set(th.item_keys())


@pytest.mark.parametrize("code", [
    "3D045000001906202",  # HbA1c JDS (legacy): never judged with the NGSP cut-offs
    "3D010100001926101",  # 負荷前血糖値 (OGTT, extension table)
    "1A020106000191111",  # 負荷１時間後尿糖
    "3F050000002399901",  # 総コレステロール
    "9N011000000000001",  # BMI
    "9N016160100000001",  # 腹囲
    "3C015161602399911",  # 血清クレアチニン（対象者）
    "XXXXXXXXXXXXXXXXX",
    "",
])
def test_codes_without_thresholds(code: str) -> None:
    assert item_key_for_code(code) is None
    assert judge_code(code, 1) is None


def test_judge_code() -> None:
    j = judge_code("3D046000001927102", 6.5)  # HbA1c 酵素法
    assert j is not None and (j.item_key, j.flag) == ("hba1c", "受診勧奨")
    j = judge_code("9A752000000000001", 130)  # 収縮期血圧(2回目)
    assert j is not None and (j.item_key, j.flag) == ("sbp", "保健指導")
    j = judge_code("3F015129902399901", 174)  # 随時中性脂肪
    assert j is not None and (j.item_key, j.flag) == ("tg_random", "基準範囲")
    j = judge_code("3F015000002399901", 174)  # 空腹時中性脂肪
    assert j is not None and (j.item_key, j.flag) == ("tg_fasting", "保健指導")
    j = judge_code("2A030000001930101", 12.0, "female")
    assert j is not None and j.flag == "保健指導"
    with pytest.raises(ValueError, match="sex is required"):
        judge_code("2A030000001930101", 12.0)


@pytest.mark.parametrize(("coded", "flag"), [
    ("1", "基準範囲"), ("2", "保健指導"), ("3", "受診勧奨"), ("4", "受診勧奨"), ("5", "受診勧奨"),
    ("±", "保健指導"), ("＋", "受診勧奨"),
])
def test_judge_code_accepts_urine_result_codes(coded: str, flag: str) -> None:
    """OID .2102 result codes (1 − … 5 +++), as checkup records store CO values."""
    j = judge_code("1A010000000190111", coded)
    assert j is not None and j.flag == flag


def test_judge_code_rejects_bad_urine_code() -> None:
    with pytest.raises(ValueError, match="urine grade"):
        judge_code("1A010000000191111", "6")


# --------------------------------------------------------------------------- docstrings


@pytest.mark.parametrize("fn", [judge, judge_code, codes_for, item_key_for_code, row])
def test_public_functions_cite_the_guideline(fn: Callable[..., object]) -> None:
    doc = fn.__doc__ or ""
    assert "標準的な健診・保健指導プログラム(令和6年度版)案" in doc
