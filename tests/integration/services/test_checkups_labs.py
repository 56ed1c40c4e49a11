"""An item's history on the 健診 page: checkup values and lab values between checkups.

A real vault: the CDA fixture imported through the pipeline, lab values added as
``phrapp add lab`` adds them (RecordService) and from the exchange-protocol CSV.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from phrapp.domain.codes.checkup_items import COMMON_LABS, item
from phrapp.domain.records import LabValue, Profile, Provenance, Sex
from phrapp.services.checkups import CheckupService, item_key
from phrapp.services.import_service import ImportService
from phrapp.services.profiles import ProfileService
from phrapp.services.records import RecordService
from phrapp.services.session import Session

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"
HBA1C_FILE = "3D046000001906202"  # HbA1c 免疫学的方法 (the CDA fixture's method)
HBA1C_OTHER = "3D046000001999902"  # HbA1c その他 (``add lab hba1c``)
FPG_FILE = "3D010000001926101"  # 空腹時血糖 電位差法 (the fixture's)


@pytest.fixture
def taro(session: Session) -> Profile:
    """A profile with the CDA examinee's identity (male, 1960-04-01), made active."""
    service = ProfileService(session)
    service.add("太郎", sex=Sex.MALE, birth_date=dt.date(1960, 4, 1))
    return service.use("太郎")


def _import(session: Session, *paths: Path) -> None:
    service = ImportService(session)
    service.commit(service.preview(list(paths)))


def _lab(profile: Profile, alias: str, value: float, day: dt.date, *,
         unit: str | None = None, facility: str | None = None) -> LabValue:
    """What ``phrapp add lab ALIAS VALUE --date DAY`` builds (commands_data._build_record)."""
    definition = item(COMMON_LABS[alias])
    assert definition is not None
    return LabValue(profile_id=profile.id, provenance=Provenance.MANUAL, date=day,
                    code=definition.code, name=definition.name, value=value,
                    unit=unit if unit is not None else (definition.ucum or definition.unit
                                                       or ""),
                    facility=facility)


def test_same_item_rule() -> None:
    # One analyte, several methods: one item.
    assert item_key(HBA1C_FILE) == item_key(HBA1C_OTHER)
    assert item_key(FPG_FILE) == item_key(COMMON_LABS["fpg"])
    # Same JLAC10 analyte prefix 3D010, but fasting and random glucose are two items.
    assert item_key(COMMON_LABS["fpg"]) != item_key(COMMON_LABS["random_glucose"])
    # Unknown codes match only themselves.
    assert item_key("ZZ000000000000001") == "code:ZZ000000000000001"


def test_history_overlays_labs_never_columns(session: Session, taro: Profile) -> None:
    _import(session, FIXTURES / "cda" / "full_period4.xml")
    records = RecordService(session)
    between = _lab(taro, "hba1c", 6.1, dt.date(2024, 9, 10), facility="かかりつけ内科")
    records.add(between)
    records.add(_lab(taro, "hba1c", 6.0, dt.date(2024, 3, 1)))
    records.add(_lab(taro, "ldl", 140, dt.date(2024, 10, 1)))
    # A glucose in mmol/L: the same item, another unit — listed, never drawn or converted.
    records.add(_lab(taro, "fpg", 6.2, dt.date(2024, 8, 1), unit="mmol/L"))
    # A random glucose is not a fasting glucose (same 3D010 prefix).
    records.add(_lab(taro, "random_glucose", 140, dt.date(2024, 8, 2)))
    # Another person's lab never shows here.
    other = ProfileService(session).add("花子", sex=Sex.FEMALE, birth_date=dt.date(1962, 1, 1))
    records.add(_lab(other, "hba1c", 7.0, dt.date(2024, 9, 1)))
    _import(session, FIXTURES / "kokan" / "hba1c.csv")  # HbA1c 5.8 % on 2024-11-15

    service = CheckupService(session)
    table = service.table(taro)
    # Labs are never exams (columns) nor rows of their own.
    assert [e.date for e in table.exams] == [dt.date(2024, 6, 3)]
    assert len(table.labs) == 6
    assert table.labs_without_row() == 1  # the random glucose: no exam has that item

    history = service.item_history(taro, HBA1C_OTHER)
    assert history is not None
    assert history.name == "HbA1c(NGSP値)" and history.unit == "%"
    assert [(c.date, c.number, c.code) for c in history.checkups] == \
        [(dt.date(2024, 6, 3), 5.8, HBA1C_FILE)]
    assert [(p.date, p.value, p.unit) for p in history.labs] == [
        (dt.date(2024, 3, 1), 6.0, "%"), (dt.date(2024, 9, 10), 6.1, "%"),
        (dt.date(2024, 11, 15), 5.8, "%")]
    first_lab, by_hand, from_csv = history.labs
    assert by_hand.id == between.id and by_hand.facility == "かかりつけ内科"
    assert by_hand.provenance == "manual" and by_hand.source_app is None
    assert not by_hand.imported and by_hand.device is None
    assert by_hand.code == HBA1C_OTHER and by_hand.method == "4:その他"
    # From the exchange-protocol CSV: its device and batch are kept (data_input_code 1:
    # typed into the device's app by hand, hence manual).
    assert from_csv.imported and from_csv.device == "HbA1c測定器"
    assert history.other_unit == ()
    # The same history by the file's own code or by the row.
    assert service.item_history(taro, HBA1C_FILE) == history
    row = table.row(item_key(HBA1C_FILE))
    assert row is not None and table.item_history(row.key) == history

    fpg = service.item_history(taro, COMMON_LABS["fpg"])
    assert fpg is not None and fpg.unit == "mg/dL"
    assert fpg.labs == ()
    assert [(p.value, p.unit) for p in fpg.other_unit] == [(6.2, "mmol/L")]

    ldl = service.item_history(taro, COMMON_LABS["ldl"])
    assert ldl is not None and [p.value for p in ldl.labs] == [140]
    assert service.item_history(taro, COMMON_LABS["random_glucose"]) is None


def test_no_labs_no_change(session: Session, taro: Profile) -> None:
    _import(session, FIXTURES / "cda" / "full_period4.xml")
    table = CheckupService(session).table(taro)
    row = table.row(item_key(HBA1C_FILE))
    assert row is not None
    history = table.item_history(row.key)
    assert history is not None and history.labs == () and history.other_unit == ()
    assert [c.number for c in history.checkups] == [5.8]
    assert table.item_history("no-such-row") is None
