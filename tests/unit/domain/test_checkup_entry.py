from __future__ import annotations

import datetime as dt

import pytest

from phrapp.domain.checkup_entry import EntryError, build_checkup, code_labels, parse_pair
from phrapp.domain.codes.checkup_items import item
from phrapp.domain.records import ItemStatus, Profile, Provenance, Sex

ME = Profile(name="本人", sex=Sex.MALE, birth_date=dt.date(1962, 4, 2))
DAY = dt.date(2026, 6, 1)


def test_numbers_follow_the_table_format() -> None:
    checkup = build_checkup(ME, DAY, [("weight", "68.45"), ("hba1c", "5.8"), ("sbp", "132")],
                            facility="健診センター")
    by_code = {i.code: i for i in checkup.items}
    weight = by_code["9N006000000000001"]
    assert (weight.value, weight.value_display, weight.unit) == (68.5, "68.5", "kg")
    assert by_code["3D046000001999902"].value == 5.8
    assert by_code["9A755000000000001"].value_display == "132"
    assert checkup.provenance is Provenance.MANUAL
    assert (checkup.sex, checkup.birth_date, checkup.institution_name) == \
        (Sex.MALE, dt.date(1962, 4, 2), "健診センター")
    assert all(i.status is ItemStatus.MEASURED for i in checkup.items)


def test_items_are_in_table_order() -> None:
    checkup = build_checkup(ME, DAY, [("hba1c", "5.8"), ("height", "170.2")])
    assert [i.code for i in checkup.items] == ["9N001000000000001", "3D046000001999902"]


def test_out_of_range_form() -> None:
    entry = build_checkup(ME, DAY, [("3D046000001999902", ">=14.0")]).items[0]
    assert (entry.comparator, entry.value) == (">=", 14.0)


def test_coded_values_by_code_or_label() -> None:
    urine = "1A020000000190111"
    assert code_labels(item(urine))["3"] == "＋"  # type: ignore[arg-type]
    by_code = build_checkup(ME, DAY, [(urine, "3")]).items[0]
    by_label = build_checkup(ME, DAY, [(urine, "＋")]).items[0]
    assert by_code == by_label
    assert (by_code.value, by_code.value_display, by_code.code_system) == \
        ("3", "＋", "1.2.392.200119.6.2102")
    with pytest.raises(EntryError, match="choose one of"):
        build_checkup(ME, DAY, [(urine, "9")])


def test_header_levels_from_items() -> None:
    checkup = build_checkup(ME, DAY, [("9N506000000000011", "2"), ("9N501000000000011", "1")])
    assert (checkup.guidance_level, checkup.metabolic_syndrome) == (2, 1)


def test_text_items_kept_verbatim() -> None:
    text = "異常なし、経過観察=1年後"
    code, value = parse_pair(f"9N511000000000049={text}")
    entry = build_checkup(ME, DAY, [(code, value)]).items[0]
    assert entry.value == text and entry.value_display == text


@pytest.mark.parametrize(("pairs", "match"), [
    ([("hba1c", "abc")], "needs a number"),
    ([("hba1c", "-1")], "positive"),
    ([("hba1c", "")], "empty"),
    ([("12345", "1")], "not a known"),
    ([("hba1c", "5.8"), ("3D046000001999902", "5.9")], "twice"),
    ([], "at least one"),
])
def test_refusals(pairs: list[tuple[str, str]], match: str) -> None:
    with pytest.raises(EntryError, match=match):
        build_checkup(ME, DAY, pairs)


def test_parse_pair_needs_equals() -> None:
    with pytest.raises(EntryError):
        parse_pair("hba1c 5.8")
