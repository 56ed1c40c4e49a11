"""Which checkup item feeds which rule (risk-rules §4 and the §16 decisions)."""

from __future__ import annotations

import dataclasses
import datetime as dt
from decimal import Decimal

from phrapp.domain.checkup_entry import build_checkup
from phrapp.domain.records import Checkup, HealthBackground, ItemStatus, Profile, Sex, Smoking
from phrapp.domain.risk import checkup_inputs as ci

PROFILE = Profile(name="本人", sex=Sex.MALE, birth_date=dt.date(1970, 1, 2))
DAY = dt.date(2024, 6, 1)


def checkup(**pairs: str) -> Checkup:
    return build_checkup(PROFILE, DAY, list(pairs.items()))


def test_bp_mean_of_first_and_second_else_either_else_other() -> None:
    both = checkup(**{"9A751000000000001": "150", "9A752000000000001": "141",
                      "9A755000000000001": "120", "9A761000000000001": "90",
                      "9A762000000000001": "85"})
    assert ci.blood_pressure(both) == (Decimal("145.5"), Decimal("87.5"))
    second = checkup(**{"9A752000000000001": "141", "9A755000000000001": "120",
                        "9A765000000000001": "70"})
    assert ci.blood_pressure(second) == (Decimal(141), Decimal(70))
    other = checkup(sbp="120", dbp="70")
    assert ci.blood_pressure(other) == (Decimal(120), Decimal(70))
    assert ci.blood_pressure(checkup(hba1c="5.5")) == (None, None)


def test_waist_preference() -> None:
    c = checkup(**{"9N016160300000001": "80", "9N016160200000001": "82",
                   "9N016160100000001": "84"})
    assert ci.read(c).waist == Decimal(84)
    c = checkup(**{"9N016160300000001": "80", "9N016160200000001": "82"})
    assert ci.read(c).waist == Decimal(82)


def test_tg_fasting_or_random() -> None:
    assert (ci.read(checkup(tg="150")).tg, ci.read(checkup(tg="150")).tg_fasting) == \
        (Decimal(150), True)
    random = ci.read(checkup(**{"3F015129902399901": "180"}))
    assert (random.tg, random.tg_fasting) == (Decimal(180), False)
    none = ci.read(checkup(hdl="50"))
    assert (none.tg, none.tg_fasting) == (None, None)


def test_random_glucose_needs_sampling_code_3() -> None:
    ok = ci.read(checkup(random_glucose="120", **{"9N141000000000011": "3"}))
    assert ok.random_glucose == Decimal(120) and not ok.random_glucose_unusable
    soon = ci.read(checkup(random_glucose="120", **{"9N141000000000011": "4"}))
    assert soon.random_glucose is None and soon.random_glucose_unusable
    unknown = ci.read(checkup(random_glucose="120"))
    assert unknown.random_glucose is None and unknown.random_glucose_unusable


def test_questionnaire_codes() -> None:
    v = ci.read(checkup(**{"9N736000000000011": "1", "9N701000000000011": "1",
                           "9N706000000000011": "2"}))
    assert v.smoking is True
    assert v.drugs == {"bp": True, "glucose": False, "lipid": None}
    assert ci.read(checkup(**{"9N736000000000011": "2"})).smoking is False  # quit: not smoker
    assert ci.read(checkup(**{"9N736000000000011": "3"})).smoking is False
    assert ci.read(checkup(hdl="50")).smoking is None


def test_unmeasured_items_are_ignored() -> None:
    c = checkup(hdl="50")
    item = dataclasses.replace(c.items[0], status=ItemStatus.NOT_PERFORMED)
    c = dataclasses.replace(c, items=(item,))
    assert ci.read(c).hdl is None


def test_analytes_of_any_method() -> None:
    # HbA1c by HPLC (not the alias' その他 code) is still HbA1c.
    c = checkup(**{"3D046000001920402": "6.1", "3C015000002327101": "0.92"})
    v = ci.read(c)
    assert v.hba1c == Decimal("6.1") and v.creatinine == Decimal("0.92")


def test_background_latest_answer_per_question() -> None:
    older = HealthBackground(profile_id="p", date=dt.date(2024, 1, 1), smoking=Smoking.CURRENT,
                             diabetes=False)
    newer = HealthBackground(profile_id="p", date=dt.date(2024, 5, 1), smoking=None,
                             diabetes=True)
    future = HealthBackground(profile_id="p", date=dt.date(2024, 7, 1), smoking=Smoking.NEVER)
    bg = ci.background([newer, future, older], DAY)
    assert bg.smoking is Smoking.CURRENT and bg.current_smoker is True
    assert bg.diabetes is True
    assert ci.background([], DAY) == ci.Background()
    assert ci.Background(smoking=Smoking.FORMER).current_smoker is False


def test_on_drugs_checkup_first_then_background() -> None:
    v = ci.read(checkup(**{"9N701000000000011": "2", "9N706000000000011": "2",
                           "9N711000000000011": "2"}))
    assert ci.on_drugs(v, ci.Background(on_bp_drugs=True)) is False
    partial = ci.read(checkup(**{"9N701000000000011": "2"}))
    assert ci.on_drugs(partial, ci.Background()) is None
    assert ci.on_drugs(partial, ci.Background(on_glucose_drugs=False,
                                              on_lipid_drugs=False)) is False
    assert ci.on_drugs(partial, ci.Background(on_lipid_drugs=True)) is True
    assert ci.on_drugs(None, ci.Background(on_bp_drugs=False, on_glucose_drugs=False,
                                           on_lipid_drugs=False)) is False
