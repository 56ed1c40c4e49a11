"""The お薬 page's read model on a real vault: 服用中 with the supply boundary, history
newest first, search, the duplicate-ingredient warning, unchecked lines, allergies and
vaccinations."""

from __future__ import annotations

import datetime as dt
from typing import Any

from phrapp.domain.records import (
    Allergy,
    AllergyKind,
    Drug,
    DrugCodeSystem,
    Immunization,
    MedicationOrigin,
    MedicationRecord,
    Profile,
    Provenance,
    Source,
)
from phrapp.domain.time import today_in
from phrapp.services.medications import MedicationService, dose_text, supply_text
from phrapp.services.profiles import ProfileService
from phrapp.services.records import RecordService

D0 = dt.date(2026, 3, 1)


def _day(n: int) -> dt.date:
    return D0 + dt.timedelta(days=n)


def _dispensing(profile: Profile, day: dt.date, clinic: str, doctor: str, pharmacy: str,
                *drugs: Drug) -> MedicationRecord:
    return MedicationRecord(profile_id=profile.id, provenance=Provenance.IMPORT,
                            source=Source(app="jahis-tc"), origin=MedicationOrigin.DISPENSING,
                            dispensed_on=day, pharmacy=pharmacy,
                            prescriber_institution=clinic, doctor=doctor, drugs=drugs)


def _yj(name: str, code: str, days: int) -> Drug:
    return Drug(name=name, code=code, code_system=DrugCodeSystem.YJ, dose=1, unit="錠",
                usage="1日1回 朝食後", quantity=days, quantity_unit="日分", form="内服")


def _fill(session: Any) -> tuple[Profile, dict[str, MedicationRecord]]:
    profile = ProfileService(session).list()[0]
    records = {
        # 1–14 March (14日分, the dispensing day is day 1)
        "a": _dispensing(profile, _day(0), "山田内科", "山田 一郎", "みどり薬局",
                         _yj("アムロジピン錠5mg", "2171022F1023", 14)),
        # 10–16 March, same ingredient (2171022) from another clinic
        "b": _dispensing(profile, _day(9), "さくら整形外科", "佐藤 健", "ひかり薬局",
                         _yj("アムロジピンOD錠5mg", "2171022F2020", 7),
                         _yj("レバミピド錠100mg", "2329021F1021", 7)),
        "otc": MedicationRecord(profile_id=profile.id, origin=MedicationOrigin.OTC,
                                dispensed_on=_day(5), pharmacy="ドラッグストア",
                                drugs=(Drug(name="ﾛｷｿﾆﾝS", quantity=12,
                                            quantity_unit="錠"),)),
        # hand-entered, no code, no end: current from 5 March on, cannot be checked
        "manual": MedicationRecord(profile_id=profile.id, origin=MedicationOrigin.MANUAL,
                                   dispensed_on=_day(4), prescriber_institution="皮膚科",
                                   drugs=(Drug(name="ビタミン剤", start=_day(4)),)),
    }
    service = RecordService(session)
    service.add_many(list(records.values()))
    service.add(Allergy(profile_id=profile.id, kind=AllergyKind.ADVERSE_REACTION,
                        text="ペニシリン系で発疹", recorded_on=dt.date(2020, 5, 1)))
    service.add(Immunization(profile_id=profile.id, date=dt.date(2025, 10, 25),
                             vaccine="インフルエンザ", dose_number=1))
    service.add(Immunization(profile_id=profile.id, date=dt.date(2025, 10, 11),
                             vaccine="新型コロナ", dose_number=7))
    return profile, records


def _names(lines: Any) -> list[str]:
    return [line.drug.name for line in lines]


def test_overlap_is_current_and_named(session: Any) -> None:
    profile, records = _fill(session)
    view = MedicationService(session).overview(profile, _day(11))
    assert _names(view.current) == ["アムロジピン錠5mg", "ビタミン剤", "アムロジピンOD錠5mg",
                                    "レバミピド錠100mg"]
    first = view.current[0]
    assert (first.pharmacy, first.prescriber, first.supply_end) == \
        ("みどり薬局", "山田内科 山田 一郎", _day(13))
    assert view.current[1].supply_end is None  # hand-entered, ongoing
    assert len(view.duplicates) == 1
    dup = view.duplicates[0]
    assert dup.ingredient == "2171022"
    assert dup.drug_names == ("アムロジピン錠5mg", "アムロジピンOD錠5mg")
    assert dup.prescribers == ("山田内科 山田 一郎", "さくら整形外科 佐藤 健")
    assert _names(view.unchecked) == ["ビタミン剤"]
    assert dose_text(first.drug) == "1 錠" and supply_text(first.drug) == "14 日分"


def test_supply_boundary(session: Any) -> None:
    profile, _records = _fill(session)
    service = MedicationService(session)
    last_day = service.overview(profile, _day(13))  # 14 March: the last day of "a"
    assert "アムロジピン錠5mg" in _names(last_day.current)
    assert len(last_day.duplicates) == 1
    after = service.overview(profile, _day(14))  # 15 March: "a" has run out
    assert "アムロジピン錠5mg" not in _names(after.current)
    assert "アムロジピンOD錠5mg" in _names(after.current)
    assert after.duplicates == []
    before = service.overview(profile, _day(8))  # 9 March: "b" not yet dispensed
    assert before.duplicates == [] and "アムロジピンOD錠5mg" not in _names(before.current)
    gone = service.overview(profile, _day(16))  # 17 March: only the ongoing manual line
    assert _names(gone.current) == ["ビタミン剤"]


def test_history_search_allergies_and_vaccinations(session: Any) -> None:
    profile, records = _fill(session)
    view = MedicationService(session).overview(profile, _day(11))
    assert [r.id for r in view.history] == [records[k].id for k in ("b", "otc", "manual", "a")]
    assert [r.id for r in view.search("ひかり")] == [records["b"].id]
    assert [r.id for r in view.search("ロキソニン")] == [records["otc"].id]  # NFKC: ﾛｷｿﾆﾝ
    assert [r.id for r in view.search("山田 アムロジピン")] == [records["a"].id]
    assert len(view.search("")) == 4 and view.search("存在しない") == []
    assert [a.text for a in view.allergies] == ["ペニシリン系で発疹"]
    assert [i.vaccine for i in view.immunizations] == ["インフルエンザ", "新型コロナ"]
    assert not view.is_empty


def test_empty_and_default_day(session: Any) -> None:
    profile = ProfileService(session).list()[0]
    view = MedicationService(session).overview(profile)
    assert view.is_empty and view.current == [] and view.duplicates == []
    assert view.day == today_in(profile.home_zone)
