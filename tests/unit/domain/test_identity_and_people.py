from __future__ import annotations

import datetime as dt

import pytest

from phrapp.domain.identity import natural_key
from phrapp.domain.people import PersonInfo, matches, resolve
from phrapp.domain.records import BloodPressure, Device, Profile, Sex, Source
from phrapp.errors import AmbiguousPerson, UnknownPerson

JST = dt.timezone(dt.timedelta(hours=9))


def test_natural_key_ignores_values_and_seconds() -> None:
    a = BloodPressure(profile_id="p", measured_at=dt.datetime(2024, 1, 1, 7, 0, 5, tzinfo=JST),
                      systolic=120, diastolic=80)
    b = BloodPressure(profile_id="p", measured_at=dt.datetime(2024, 1, 1, 7, 0, 55, tzinfo=JST),
                      systolic=150, diastolic=95)
    assert natural_key(a) == natural_key(b)


def test_natural_key_includes_source() -> None:
    at = dt.datetime(2024, 1, 1, 7, 0, tzinfo=JST)
    manual = BloodPressure(profile_id="p", measured_at=at, systolic=120, diastolic=80)
    device = BloodPressure(profile_id="p", measured_at=at, systolic=120, diastolic=80,
                           source=Source(device=Device("OMRON", "HCR", "1")))
    app = BloodPressure(profile_id="p", measured_at=at, systolic=120, diastolic=80,
                        source=Source(app="omron-connect", batch="b1"))
    keys = {natural_key(manual), natural_key(device), natural_key(app)}
    assert len(keys) == 3
    assert natural_key(manual)[-1] == "manual"
    # The batch is not part of identity.
    again = BloodPressure(profile_id="p", measured_at=at, systolic=1, diastolic=0,
                          source=Source(app="omron-connect", batch="b2"))
    assert natural_key(again) == natural_key(app)


TARO = Profile(name="太郎", sex=Sex.MALE, birth_date=dt.date(1962, 4, 2), name_kana="ヤマダ タロウ")
BLANK = Profile(name="本人")


def person(**kw) -> PersonInfo:
    base = {"ref": "p1", "sex": Sex.MALE, "birth_date": dt.date(1962, 4, 2)}
    base.update(kw)
    return PersonInfo(**base)


def test_match_by_birth_and_sex_and_kana_after_nfkc() -> None:
    assert matches(person(name_kana="ﾔﾏﾀﾞ　ﾀﾛｳ"), TARO)  # half-width + full-width space
    assert not matches(person(name_kana="ヤマダ ハナコ"), TARO)
    assert matches(person(), TARO)  # no kana on one side: birth + sex decide
    assert not matches(person(sex=Sex.FEMALE), TARO)


def test_blank_active_profile_adopts_the_only_person() -> None:
    result = resolve([person()], [BLANK], BLANK)
    assert result.assignments["p1"].profile_id == BLANK.id
    assert result.assignments["p1"].adopt
    assert result.warnings


def test_adoption_also_with_create_profiles() -> None:
    result = resolve([person()], [BLANK], BLANK, create_profiles=True)
    assert result.assignments["p1"].adopt


def test_unmatched_person_needs_a_decision() -> None:
    with pytest.raises(UnknownPerson):
        resolve([person(birth_date=dt.date(1990, 1, 1))], [TARO], TARO)
    created = resolve([person(birth_date=dt.date(1990, 1, 1), name="山田 次郎")], [TARO], TARO,
                      create_profiles=True)
    assert created.assignments["p1"].create_name == "山田 次郎"
    chosen = resolve([person(birth_date=dt.date(1990, 1, 1))], [TARO, BLANK], TARO,
                     requested=BLANK)
    assert chosen.assignments["p1"].profile_id == BLANK.id


def test_profile_option_is_only_for_single_person_inputs() -> None:
    two = [person(ref="a", birth_date=dt.date(1990, 1, 1)),
           person(ref="b", birth_date=dt.date(1991, 1, 1))]
    with pytest.raises(UnknownPerson):
        resolve(two, [TARO, BLANK], TARO, requested=BLANK)


def test_matching_person_goes_to_its_profile() -> None:
    result = resolve([person()], [BLANK, TARO], BLANK)
    # BLANK is active without identity, but TARO matches: never adopt then.
    assert result.assignments["p1"].profile_id == TARO.id
    assert not result.assignments["p1"].adopt


def test_two_matching_profiles_are_ambiguous() -> None:
    twin = Profile(name="太郎2", sex=Sex.MALE, birth_date=dt.date(1962, 4, 2))
    with pytest.raises(AmbiguousPerson):
        resolve([person()], [TARO, twin], TARO)


def test_created_names_are_unique() -> None:
    taken = Profile(name="山田 次郎", sex=Sex.MALE, birth_date=dt.date(1950, 1, 1))
    result = resolve([person(birth_date=dt.date(1990, 1, 1), name="山田 次郎")], [taken], taken,
                     create_profiles=True)
    assert result.assignments["p1"].create_name == "山田 次郎 (2)"
