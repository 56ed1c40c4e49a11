"""服用中 and the duplicate-ingredient check (phrapp.domain.medication_current), at boundaries."""

from __future__ import annotations

import datetime as dt

import pytest

from phrapp.domain.medication_current import (
    check_overlap,
    current_lines,
    supply_period,
    yj_ingredient,
)
from phrapp.domain.records import Drug, DrugCodeSystem, MedicationOrigin, MedicationRecord

D = dt.date
YJ = DrugCodeSystem.YJ


APRIL_1 = D(2024, 4, 1)


def med(*drugs: Drug, on: dt.date = APRIL_1, origin: MedicationOrigin =
        MedicationOrigin.DISPENSING, institution: str | None = "甲病院",
        doctor: str | None = "甲医師") -> MedicationRecord:
    return MedicationRecord(profile_id="p", origin=origin, dispensed_on=on,
                            prescriber_institution=institution, doctor=doctor, drugs=drugs)


def daily(name: str, days: float, *, code: str | None = None,
          system: DrugCodeSystem | None = None, form: str | None = "内服",
          start: dt.date | None = None) -> Drug:
    return Drug(name=name, code=code, code_system=system, quantity=days, quantity_unit="日分",
                form=form, start=start)


@pytest.mark.parametrize(("day", "current"), [
    (D(2024, 3, 31), False),  # the day before dispensing
    (D(2024, 4, 1), True),  # the dispensing day is day 1
    (D(2024, 4, 28), True),  # the last day of a 28-day supply is included
    (D(2024, 4, 29), False),  # the day after is excluded
])
def test_28_day_supply_boundaries(day: dt.date, current: bool) -> None:
    record = med(daily("薬", 28))
    assert bool(current_lines([record], day)) is current


def test_one_day_supply_is_current_on_its_day_only() -> None:
    record = med(daily("薬", 1))
    assert current_lines([record], D(2024, 4, 1))
    assert not current_lines([record], D(2024, 4, 2))


def test_explicit_end_date_wins_and_is_inclusive() -> None:
    record = med(Drug(name="薬", start=D(2024, 4, 1), end=D(2024, 4, 10), quantity=28,
                      quantity_unit="日分", form="内服"))
    assert supply_period(record, record.drugs[0]) == (D(2024, 4, 1), D(2024, 4, 10))
    assert current_lines([record], D(2024, 4, 10))
    assert not current_lines([record], D(2024, 4, 11))


def test_drug_start_overrides_dispensing_date() -> None:
    record = med(daily("薬", 7, start=D(2024, 4, 3)))
    assert supply_period(record, record.drugs[0]) == (D(2024, 4, 3), D(2024, 4, 9))


@pytest.mark.parametrize("drug", [
    Drug(name="頓服", quantity=10, quantity_unit="回分", form="頓服"),
    Drug(name="外用", quantity=1, quantity_unit="調剤", form="外用"),
    Drug(name="注射", quantity=1, quantity_unit="調剤", form="注射"),
    Drug(name="日分でも外用", quantity=14, quantity_unit="日分", form="外用"),
    Drug(name="端数", quantity=2.5, quantity_unit="日分", form="内服"),
    Drug(name="数量なし", form="内服"),
])
def test_lines_without_a_supply_period_are_never_current(drug: Drug) -> None:
    record = med(drug)
    assert supply_period(record, drug) is None
    assert current_lines([record], D(2024, 4, 1)) == []


@pytest.mark.parametrize("form", ["内滴", "浸煎", "湯", None])
def test_other_daily_forms_count_days(form: str | None) -> None:
    record = med(daily("薬", 3, form=form))
    assert supply_period(record, record.drugs[0]) == (D(2024, 4, 1), D(2024, 4, 3))


def test_manual_without_end_is_ongoing_otc_without_end_is_not() -> None:
    manual = med(Drug(name="自分で記録", start=D(2024, 1, 1)), on=D(2024, 1, 1),
                 origin=MedicationOrigin.MANUAL)
    otc = med(Drug(name="OTC", start=D(2024, 1, 1)), on=D(2024, 1, 1),
              origin=MedicationOrigin.OTC)
    assert [line.drug.name for line in current_lines([manual, otc], D(2030, 1, 1))] == [
        "自分で記録"]
    assert current_lines([manual], D(2023, 12, 31)) == []
    otc_with_end = med(Drug(name="OTC", start=D(2024, 1, 1), end=D(2024, 1, 3)),
                       on=D(2024, 1, 1), origin=MedicationOrigin.OTC)
    assert current_lines([otc_with_end], D(2024, 1, 3))
    assert not current_lines([otc_with_end], D(2024, 1, 4))


def test_current_lines_are_per_drug_and_ordered_by_start() -> None:
    later = med(daily("後", 7), daily("頓服", 0), on=D(2024, 4, 5))
    earlier = med(daily("先", 30), on=D(2024, 3, 20))
    lines = current_lines([later, earlier], D(2024, 4, 6))
    assert [(line.drug.name, line.start, line.end) for line in lines] == [
        ("先", D(2024, 3, 20), D(2024, 4, 18)), ("後", D(2024, 4, 5), D(2024, 4, 11))]


# -- duplicate ingredients --------------------------------------------------------------------------


def test_same_yj_ingredient_from_two_prescribers_warns() -> None:
    a = med(daily("アムロジピン錠５ｍｇ「甲」", 28, code="2171022F1999", system=YJ))
    b = med(daily("アムロジピンＯＤ錠５ｍｇ「乙」", 14, code="2171022F2999", system=YJ),
            on=D(2024, 4, 10), institution="乙クリニック", doctor="乙医師")
    check = check_overlap([a, b], D(2024, 4, 15))
    [dup] = check.duplicates
    assert dup.ingredient == "2171022"
    assert dup.prescribers == ("甲病院 甲医師", "乙クリニック 乙医師")
    assert [line.drug.name for line in dup.lines] == ["アムロジピン錠５ｍｇ「甲」",
                                                      "アムロジピンＯＤ錠５ｍｇ「乙」"]
    assert check.unchecked == ()
    assert check.notes == ["the same ingredient (YJ 2171022) is current from 2 prescribers"]


def test_overlap_boundaries_last_day_included_day_after_excluded() -> None:
    a = med(daily("甲", 28, code="2171022F1999", system=YJ))  # 04-01 .. 04-28
    b = med(daily("乙", 14, code="2171022F2999", system=YJ), on=D(2024, 4, 28),
            institution="乙", doctor=None)
    assert check_overlap([a, b], D(2024, 4, 28)).duplicates
    assert not check_overlap([a, b], D(2024, 4, 29)).duplicates
    assert not check_overlap([a, b], D(2024, 4, 27)).duplicates


def test_same_prescriber_refill_is_not_a_duplicate() -> None:
    a = med(daily("甲", 28, code="2171022F1999", system=YJ))
    b = med(daily("甲", 28, code="2171022F1999", system=YJ), on=D(2024, 4, 20),
            institution="甲病院", doctor="甲　医師".replace("　", ""))
    assert check_overlap([a, b], D(2024, 4, 25)).duplicates == ()


def test_prescriber_names_compare_after_nfkc_without_spaces() -> None:
    a = med(daily("甲", 28, code="2171022F1999", system=YJ), institution="ＡＢＣ病院",
            doctor="山田 太郎")
    b = med(daily("乙", 28, code="2171022F2999", system=YJ), institution="ABC病院",
            doctor="山田　太郎")
    assert check_overlap([a, b], D(2024, 4, 2)).duplicates == ()


def test_unknown_prescriber_differs_from_a_named_one() -> None:
    a = med(daily("甲", 28, code="2171022F1999", system=YJ))
    b = med(daily("乙", 28, code="2171022F2999", system=YJ), institution=None, doctor=None)
    [dup] = check_overlap([a, b], D(2024, 4, 2)).duplicates
    assert dup.prescribers == ("甲病院 甲医師", "")


def test_different_ingredients_do_not_warn() -> None:
    a = med(daily("甲", 28, code="2171022F1999", system=YJ))
    b = med(daily("乙", 28, code="2171023F1999", system=YJ), institution="乙")
    assert check_overlap([a, b], D(2024, 4, 2)).duplicates == ()


def test_non_yj_codes_cannot_be_checked() -> None:
    receipt = med(daily("レセ電", 28, code="620004992", system=DrugCodeSystem.RECEIPT))
    hot = med(daily("HOT", 28, code="123456789", system=DrugCodeSystem.HOT), institution="乙")
    none = med(daily("コードなし", 28), institution="丙")
    check = check_overlap([receipt, hot, none], D(2024, 4, 2))
    assert check.duplicates == ()
    assert [line.drug.name for line in check.unchecked] == ["レセ電", "HOT", "コードなし"]
    assert check.notes == ["3 current drug lines have no YJ code: overlap cannot be checked "
                           "for them"]
    assert check_overlap([receipt], D(2024, 6, 1)).unchecked == ()  # not current


@pytest.mark.parametrize(("code", "system", "expected"), [
    ("2171022F1999", YJ, "2171022"), ("2171022f1999", YJ, "2171022"),
    ("２１７１０２２Ｆ１９９９", YJ, "2171022"), ("21710", YJ, None), (None, YJ, None),
    ("2171022F1999", DrugCodeSystem.RECEIPT, None), ("2171022F1999", None, None),
])
def test_yj_ingredient(code: str | None, system: DrugCodeSystem | None,
                       expected: str | None) -> None:
    assert yj_ingredient(Drug(name="x", code=code, code_system=system)) == expected
