"""特定保健指導 第4期 stratification (risk-rules §4), typed from the spec by hand."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from decimal import Decimal
from typing import Any

import pytest

from phrapp.domain.risk import tokutei
from phrapp.domain.risk.tokutei import TokuteiInput, stratify

INT, MOT, INFO, OUT = "積極的支援", "動機付け支援", "情報提供", "対象外"


def person(**changes: Any) -> TokuteiInput:
    """A 50-year-old man with no risk at all, not on drugs, non-smoker, waist below 85."""
    base = TokuteiInput(sex="male", age=50, waist=Decimal("80"), bmi=Decimal("22"),
                        sbp=Decimal("118"), dbp=Decimal("70"), tg=Decimal("100"),
                        tg_fasting=True, hdl=Decimal("60"), fpg=Decimal("90"),
                        hba1c=Decimal("5.2"), random_glucose=None, smoking=False,
                        on_drugs=False)
    return replace(base, **{k: Decimal(str(v)) if isinstance(v, int | float) and
                            not isinstance(v, bool) and k != "age" else v
                            for k, v in changes.items()})


def level(**changes: Any) -> str | None:
    return stratify(person(**changes)).level


# --------------------------------------------------------------------------- step 0


def test_drugs_make_it_not_eligible() -> None:
    r = stratify(person(on_drugs=True, waist=100, sbp=150))
    assert (r.level, r.reason) == (OUT, "drugs")


@pytest.mark.parametrize(("age", "expected"), [(39, OUT), (40, MOT), (64, MOT), (65, MOT),
                                               (74, MOT), (75, OUT)])
def test_age_range_40_to_74(age: int, expected: str) -> None:
    r = stratify(person(age=age, waist=90, sbp=130))
    assert r.level == expected
    if expected == OUT:
        assert r.reason == "age"


# --------------------------------------------------------------------------- step 1


@pytest.mark.parametrize(("sex", "waist", "expected"), [
    ("male", "84.9", INFO), ("male", "85", MOT), ("male", "85.1", MOT),
    ("female", "89.9", INFO), ("female", "90", MOT), ("female", "90.1", MOT),
])
def test_waist_edges(sex: str, waist: str, expected: str) -> None:
    # one risk (BP) with BMI < 25: only the waist decides between 動機付け and 情報提供.
    assert level(sex=sex, waist=Decimal(waist), sbp=130) == expected


@pytest.mark.parametrize(("bmi", "expected"), [("24.9", INFO), ("25", MOT), ("25.1", MOT)])
def test_bmi_edges_when_waist_is_below(bmi: str, expected: str) -> None:
    assert level(bmi=Decimal(bmi), sbp=130) == expected


def test_visceral_fat_stands_in_for_waist() -> None:
    assert stratify(person(waist=None, visceral_fat=Decimal("100"), sbp=130, fpg=100)).level \
        == INT
    assert stratify(person(waist=None, visceral_fat=Decimal("99.9"), sbp=130, fpg=100)).level \
        == INFO


def test_neither_waist_nor_bmi_gives_information_only() -> None:
    assert level(sbp=180, fpg=200, tg=500, smoking=True) == INFO


# --------------------------------------------------------------------------- step 2 edges


@pytest.mark.parametrize(("changes", "risks"), [
    ({"fpg": 99}, 0), ({"fpg": 100}, 1),
    ({"fpg": None, "hba1c": "5.5"}, 0), ({"fpg": None, "hba1c": "5.6"}, 1),
    ({"fpg": None, "hba1c": None, "random_glucose": 99}, 0),
    ({"fpg": None, "hba1c": None, "random_glucose": 100}, 1),
    ({"tg": 149}, 0), ({"tg": 150}, 1),
    ({"tg": 174, "tg_fasting": False}, 0), ({"tg": 175, "tg_fasting": False}, 1),
    ({"hdl": 40}, 0), ({"hdl": 39}, 1), ({"hdl": "39.9"}, 1),
    ({"sbp": 129}, 0), ({"sbp": 130}, 1), ({"dbp": 84}, 0), ({"dbp": 85}, 1),
    ({"sbp": 130, "dbp": 85}, 1),  # one BP risk, not two
    ({"tg": 150, "hdl": 39}, 1),  # one lipid risk, not two
])
def test_risk_edges(changes: dict[str, Any], risks: int) -> None:
    r = stratify(person(waist=90, **changes))
    assert r.risk_count == risks


def test_fpg_decides_over_hba1c() -> None:
    # §16 decision: FPG if present, else HbA1c, else random glucose.
    assert stratify(person(waist=90, fpg=99, hba1c="6.0")).risk_count == 0
    assert stratify(person(waist=90, fpg=100, hba1c="5.0")).risk_count == 1
    assert stratify(person(waist=90, fpg=None, hba1c="5.5", random_glucose=130)).risk_count == 0


def test_smoking_counts_only_with_another_risk() -> None:
    assert stratify(person(waist=90, smoking=True)).risk_count == 0
    assert level(waist=90, smoking=True) == INFO
    assert stratify(person(waist=90, smoking=True, sbp=130)).risk_count == 2
    assert level(waist=90, smoking=True, sbp=130) == INT


# --------------------------------------------------------------------------- step 3 table


@pytest.mark.parametrize(("step1", "risks", "young", "old"), [
    ("waist", 0, INFO, INFO),
    ("waist", 1, MOT, MOT),
    ("waist", 2, INT, MOT),
    ("waist", 3, INT, MOT),
    ("waist", 4, INT, MOT),
    ("bmi", 0, INFO, INFO),
    ("bmi", 1, MOT, MOT),
    ("bmi", 2, MOT, MOT),
    ("bmi", 3, INT, MOT),
    ("bmi", 4, INT, MOT),
])
def test_level_table(step1: str, risks: int, young: str, old: str) -> None:
    body = {"waist": 90} if step1 == "waist" else {"bmi": 26}
    values: dict[str, Any] = {}
    order = [("sbp", 140), ("fpg", 110), ("tg", 200), ("smoking", True)]
    for key, value in order[:risks]:
        values[key] = value
    assert level(age=64, **body, **values) == young
    assert level(age=65, **body, **values) == old
    assert stratify(person(age=64, **body, **values)).step1 == step1


# --------------------------------------------------------------------------- unknowns


def test_missing_inputs_are_never_guessed() -> None:
    r = stratify(person(waist=None, bmi=None, sbp=140))
    assert r.level is None
    assert "waist" in r.missing and "bmi" in r.missing
    r = stratify(person(on_drugs=None))
    assert r.level is None and r.missing == ("on_drugs",)


def test_unknowns_that_cannot_change_the_level_do_not_block_it() -> None:
    # waist positive with BP and glucose risks: 積極的支援 whatever the lipids are.
    r = stratify(person(waist=90, sbp=140, fpg=110, tg=None, hdl=None))
    assert r.level == INT
    assert r.missing == ("tg", "hdl")
    # no waist/BMI finding: 情報提供 whatever the risks.
    r = stratify(person(sbp=None, dbp=None, fpg=None, hba1c=None))
    assert r.level == INFO


def test_tg_without_sampling_kind() -> None:
    assert stratify(person(waist=90, tg=149, tg_fasting=None)).risk_count == 0
    assert stratify(person(waist=90, tg=175, tg_fasting=None)).risk_count == 1
    r = stratify(person(waist=90, tg=160, tg_fasting=None))
    assert r.level is None and "tg_fasting" in r.missing


def test_missing_age() -> None:
    r = stratify(person(age=None))
    assert r.level is None and r.missing == ("age",)


# --------------------------------------------------------------------------- fiscal year


@pytest.mark.parametrize(("birth", "exam", "age"), [
    ("1984-06-01", "2024-05-10", 40),  # FY2024 ends 2025-03-31: 40 by then
    ("1984-06-01", "2024-03-10", 39),  # FY2023 ends 2024-03-31: still 39
    ("1985-03-31", "2024-04-01", 40),
    ("1985-04-01", "2024-04-01", 40),  # reaches 40 at the end of 31 March (年齢計算ニ関スル法律)
    ("1985-04-02", "2024-04-01", 39),
    ("1950-01-01", "2025-01-15", 75),
])
def test_age_at_fiscal_year_end(birth: str, exam: str, age: int) -> None:
    assert tokutei.age_at_fiscal_year_end(dt.date.fromisoformat(birth),
                                          dt.date.fromisoformat(exam)) == age


def test_fiscal_year_end() -> None:
    assert tokutei.fiscal_year_end(dt.date(2024, 3, 31)) == dt.date(2024, 3, 31)
    assert tokutei.fiscal_year_end(dt.date(2024, 4, 1)) == dt.date(2025, 3, 31)


def test_file_levels_and_agreement() -> None:
    assert [tokutei.from_file(c) for c in (1, 2, 3, 4, None)] == [INT, MOT, INFO, None, None]
    assert tokutei.agrees(INFO, OUT)
    assert tokutei.agrees(INT, INT)
    assert not tokutei.agrees(MOT, INT)
    assert tokutei.agrees(None, INT)


def test_docstring_cites_guideline_and_status() -> None:
    doc = stratify.__doc__ or ""
    assert "第4期" in doc and "[confirmed]" in doc and "[unconfirmed]" in doc
