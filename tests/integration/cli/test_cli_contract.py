"""CONTRACT §1–§4 through the CLI: commands, JSON shapes, exit codes, error shape."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable
from pathlib import Path

import pytest

from phrapp.domain.records import (
    Allergy,
    AllergyKind,
    Checkup,
    CheckupItem,
    Drug,
    DrugCodeSystem,
    FollowUpVisit,
    HealthBackground,
    Immunization,
    ItemStatus,
    MedicationOrigin,
    MedicationRecord,
    Provenance,
    Sex,
    Smoking,
)
from phrapp.services.profiles import ProfileService
from phrapp.services.records import RecordService
from phrapp.services.session import Session

COMMON = {"id", "profile", "provenance", "source", "created_at", "updated_at"}
KEYS = {
    "bp": {"measured_at", "systolic", "diastolic", "pulse", "context", "slot",
           "irregular_heartbeat", "note"},
    "weight": {"measured_at", "kg", "body_fat_percent", "original_unit"},
    "steps": {"date", "steps", "primary"},
    "labs": {"date", "code", "name", "value", "unit", "facility"},
    "checkups": {"date", "institution", "sex", "birth_date", "metabolic_syndrome",
                 "guidance_level", "items"},
    "medications": {"origin", "dispensed_on", "pharmacy", "prescriber_institution", "doctor",
                    "drugs"},
    "allergies": {"kind", "text", "recorded_on"},
    "immunizations": {"date", "vaccine", "code", "code_system", "dose_number", "lot", "place"},
    "background": {"date", "smoking", "on_bp_drugs", "on_glucose_drugs", "on_lipid_drugs",
                   "diabetes", "ckd", "pad", "cad_or_stroke", "family_history_cad"},
}
ITEM_KEYS = {"code", "name", "value", "value_display", "code_system", "unit", "comparator",
             "flag", "status"}
DRUG_KEYS = {"name", "code", "code_system", "dose", "unit", "usage", "quantity",
             "quantity_unit", "form", "start", "end"}
ISO_UTC = r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$"


def check_common(row: dict, kind: str) -> None:
    import re
    import uuid

    assert set(row) == COMMON | KEYS[kind], set(row) ^ (COMMON | KEYS[kind])
    uuid.UUID(row["id"])
    assert row["profile"] == "本人"
    assert row["provenance"] in {"manual", "device", "device-edited", "checkup", "import"}
    assert set(row["source"]) == {"app", "device", "batch"}
    assert re.match(ISO_UTC, row["created_at"]) and re.match(ISO_UTC, row["updated_at"])


def test_init_json(cli: Callable, tmp_path: Path) -> None:
    result = cli("init", "--json")
    assert result.code == 0
    data = result.json
    assert data["vault"] == str(tmp_path / "vault")
    assert data["profile"] == "本人"
    assert len(data["recovery_key"].split("-")) == 8
    again = cli("init", "--json")
    assert again.code == 2 and again.json["error"]["code"] == "vault-exists"


def test_bp_add_and_list(vault: Callable) -> None:
    added = vault("add", "bp", "128", "82", "--pulse", "70", "--at", "2024-12-01T06:42",
                  "--note", "after walk", "--json")
    assert added.code == 0, added.err
    rows = vault("list", "bp", "--json").json
    assert rows == [added.json]
    row = rows[0]
    check_common(row, "bp")
    assert row["measured_at"] == "2024-12-01T06:42:00+09:00"
    assert (row["systolic"], row["diastolic"], row["pulse"]) == (128, 82, 70)
    assert row["context"] is None and row["slot"] == "morning"
    assert row["irregular_heartbeat"] is False and row["note"] == "after walk"
    assert row["provenance"] == "manual"
    assert row["source"] == {"app": None, "device": None, "batch": None}


def test_bp_context_wins_and_irregular(vault: Callable) -> None:
    row = vault("add", "bp", "140", "90", "--at", "2024-12-01T14:00+09:00", "--context",
                "evening", "--irregular", "--json").json
    assert row["context"] == "evening" and row["slot"] == "evening"
    assert row["irregular_heartbeat"] is True and row["pulse"] is None


def test_weight_steps_lab(vault: Callable) -> None:
    w = vault("add", "weight", "68.4", "--at", "2024-12-01T07:00", "--body-fat", "22.5",
              "--json").json
    check_common(w, "weight")
    assert (w["kg"], w["body_fat_percent"], w["original_unit"]) == (68.4, 22.5, "kg")
    s = vault("add", "steps", "8421", "--date", "2024-12-01", "--json").json
    check_common(s, "steps")
    assert (s["date"], s["steps"], s["primary"]) == ("2024-12-01", 8421, True)
    # One record per (profile, date, source): a second entry replaces the day.
    vault("add", "steps", "9000", "--date", "2024-12-01")
    steps = vault("list", "steps", "--json").json
    assert [r["steps"] for r in steps] == [9000] and steps[0]["id"] == s["id"]
    lab = vault("add", "lab", "hba1c", "5.8", "--date", "2024-11-20", "--facility",
                "山田内科", "--json").json
    check_common(lab, "labs")
    assert lab["code"] == "3D046000001999902" and lab["name"] == "HbA1c(NGSP値)"
    assert lab["value"] == 5.8 and lab["unit"] == "%" and lab["facility"] == "山田内科"
    assert vault("list", "labs", "--json").json == [lab]
    by_code = vault("add", "lab", "3F015000002399901", "150", "--date", "2024-11-20", "--json")
    assert by_code.json["unit"] == "mg/dl" or by_code.json["unit"].lower() == "mg/dl"
    bad = vault("add", "lab", "12345", "1", "--json")
    assert bad.code == 2 and bad.json["error"]["code"] == "invalid-value"


def _session_records(tmp_path: Path) -> None:
    """Kinds without an `add` command yet are stored through the services."""
    session = Session.open(tmp_path / "vault", passphrase=os.environ["PHRAPP_PASSPHRASE"])
    try:
        me = ProfileService(session).active()
        pid = me.id
        RecordService(session).add_many([
            Checkup(profile_id=pid, provenance=Provenance.CHECKUP, date=dt.date(2024, 6, 1),
                    institution_id="1310000001", institution_name="健診センター",
                    sex=Sex.MALE, birth_date=dt.date(1970, 1, 2), metabolic_syndrome=1,
                    guidance_level=2, items=(
                        CheckupItem(code="9N006000000000001", name="体重", value=70.0,
                                    value_display="70.0", unit="kg", flag="N"),
                        CheckupItem(code="1A020000000190111", name="尿糖", value="1",
                                    value_display="－", code_system="1.2.392.200119.6.2101"),
                        CheckupItem(code="9A751000000000001", name="既往歴", value=None,
                                    status=ItemStatus.NOT_PERFORMED))),
            MedicationRecord(profile_id=pid, provenance=Provenance.IMPORT,
                             origin=MedicationOrigin.DISPENSING, dispensed_on=dt.date(2024, 7, 1),
                             pharmacy="みどり薬局", prescriber_institution="山田内科",
                             doctor="山田 一郎", drugs=(
                                 Drug(name="アムロジピン錠5mg", code="2171022F1023",
                                      code_system=DrugCodeSystem.YJ, dose=1, unit="錠",
                                      usage="1日1回朝食後", quantity=28, quantity_unit="日分",
                                      form="内服", start=dt.date(2024, 7, 1)),)),
            Allergy(profile_id=pid, kind=AllergyKind.ADVERSE_REACTION, text="ペニシリンで発疹",
                    recorded_on=dt.date(2020, 1, 1)),
            Immunization(profile_id=pid, date=dt.date(2024, 10, 15), vaccine="インフルエンザ",
                         dose_number=1, lot="AB123", place="山田内科"),
            HealthBackground(profile_id=pid, date=dt.date(2024, 6, 1), smoking=Smoking.NEVER,
                             on_bp_drugs=True, diabetes=False),
            FollowUpVisit(profile_id=pid, date=dt.date(2024, 8, 1), facility="山田内科",
                          item_code="3D046000001999902"),
        ])
    finally:
        session.close()


def test_every_kind_lists_in_contract_shape(vault: Callable, tmp_path: Path) -> None:
    _session_records(tmp_path)
    checkups = vault("list", "checkups", "--json").json
    assert len(checkups) == 1
    c = checkups[0]
    check_common(c, "checkups")
    assert c["institution"] == {"id": "1310000001", "name": "健診センター"}
    assert (c["sex"], c["birth_date"], c["metabolic_syndrome"], c["guidance_level"]) == \
        ("male", "1970-01-02", 1, 2)
    assert all(set(i) == ITEM_KEYS for i in c["items"])
    weight, urine, history = c["items"]
    assert weight["value"] == 70 and isinstance(weight["value"], int | float)
    assert urine["value"] == "1" and urine["value_display"] == "－"
    assert history["value"] is None and history["status"] == "not-performed"

    meds = vault("list", "medications", "--json").json
    check_common(meds[0], "medications")
    assert meds[0]["origin"] == "dispensing" and meds[0]["dispensed_on"] == "2024-07-01"
    drug = meds[0]["drugs"][0]
    assert set(drug) == DRUG_KEYS
    assert (drug["code"], drug["code_system"], drug["quantity"], drug["start"]) == \
        ("2171022F1023", "yj", 28, "2024-07-01")

    allergies = vault("list", "allergies", "--json").json
    check_common(allergies[0], "allergies")
    assert allergies[0]["kind"] == "adverse-reaction"

    imms = vault("list", "immunizations", "--json").json
    check_common(imms[0], "immunizations")
    assert imms[0]["dose_number"] == 1 and imms[0]["lot"] == "AB123"

    bg = vault("list", "background", "--json").json
    check_common(bg[0], "background")
    assert bg[0]["smoking"] == "never" and bg[0]["on_bp_drugs"] is True
    assert bg[0]["diabetes"] is False and bg[0]["ckd"] is None


def test_period_filter_in_home_zone(vault: Callable) -> None:
    # 23:30 local on 1 Dec is 14:30 UTC: the local date decides, not the UTC one.
    vault("add", "bp", "120", "80", "--at", "2024-12-01T23:30")
    vault("add", "bp", "121", "80", "--at", "2024-12-02T00:30")
    vault("add", "bp", "122", "80", "--at", "2024-12-03T07:00")
    only_first = vault("list", "bp", "--from", "2024-12-01", "--to", "2024-12-01", "--json").json
    assert [r["systolic"] for r in only_first] == [120]
    from_second = vault("list", "bp", "--from", "2024-12-02", "--json").json
    assert [r["systolic"] for r in from_second] == [121, 122]
    bad = vault("list", "bp", "--from", "2024-12-05", "--to", "2024-12-01", "--json")
    assert bad.code == 1 and bad.json["error"]["code"] == "usage"


def test_lists_are_sorted_oldest_first(vault: Callable) -> None:
    for at in ("2024-12-03T07:00", "2024-12-01T07:00", "2024-12-02T07:00"):
        vault("add", "bp", "120", "80", "--at", at)
    rows = vault("list", "bp", "--json").json
    assert [r["measured_at"][:10] for r in rows] == ["2024-12-01", "2024-12-02", "2024-12-03"]


def test_profiles(vault: Callable) -> None:
    added = vault("profile", "add", "母", "--sex", "female", "--birth", "1940-03-03", "--zone",
                  "Asia/Tokyo", "--json")
    assert added.code == 0 and added.json["active"] is False
    listed = vault("profile", "list", "--json").json
    assert [(p["name"], p["active"]) for p in listed] == [("本人", True), ("母", False)]
    assert vault("profile", "use", "母", "--json").json["active"] is True
    vault("add", "bp", "150", "90", "--at", "2024-12-01T07:00")
    assert vault("list", "bp", "--profile", "本人", "--json").json == []
    mine = vault("list", "bp", "--json").json
    assert [r["profile"] for r in mine] == ["母"]
    vault("add", "bp", "120", "80", "--at", "2024-12-01T08:00", "--profile", "本人")
    both = vault("list", "bp", "--all-profiles", "--json").json
    assert [r["profile"] for r in both] == ["母", "本人"]
    changed = vault("profile", "set", "母", "--zone", "Europe/Berlin", "--json").json
    assert changed["zone"] == "Europe/Berlin"
    assert vault("profile", "set", "母", "--zone", "Mars/Base", "--json").code == 2
    dup = vault("profile", "add", "母", "--json")
    assert dup.code == 2 and dup.json["error"]["code"] == "profile-exists"
    missing = vault("profile", "use", "父", "--json")
    assert missing.code == 2 and missing.json["error"]["code"] == "not-found"


def test_new_profile_in_another_zone_gets_its_offset(vault: Callable) -> None:
    vault("profile", "add", "Anna", "--zone", "Europe/Berlin")
    row = vault("add", "bp", "120", "80", "--at", "2024-07-01T07:00", "--profile", "Anna",
                "--json").json
    assert row["measured_at"] == "2024-07-01T07:00:00+02:00"


@pytest.mark.parametrize(("argv", "code", "slug"), [
    (["add", "bp", "400", "80"], 2, "invalid-value"),
    (["add", "bp", "80", "120"], 2, "invalid-value"),
    (["add", "bp", "120"], 1, "usage"),
    (["add", "bp", "abc", "80"], 1, "usage"),
    (["add", "bp", "120", "80", "--at", "tomorrow-ish"], 1, "usage"),
    (["add", "weight", "900"], 2, "invalid-value"),
    (["add", "steps", "-5"], 2, "invalid-value"),
    (["list", "nothing"], 1, "usage"),
    (["frobnicate"], 1, "usage"),
])
def test_errors_have_codes_and_json_shape(vault: Callable, argv: list[str], code: int,
                                          slug: str) -> None:
    result = vault(*argv, "--json")
    assert result.code == code
    error = result.json["error"]
    assert error["code"] == slug and error["message"] and "\n" not in error["message"]
    assert set(error) <= {"code", "message", "path"}
    assert vault("list", "bp", "--json").json == []  # nothing changed


def test_warning_for_unusual_values(vault: Callable) -> None:
    result = vault("add", "bp", "260", "100", "--json")
    assert result.code == 0 and "unusual" in result.err


def test_wrong_passphrase_and_missing_secret(vault: Callable,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PHRAPP_PASSPHRASE", "wrong wrong wrong wrong")
    result = vault("list", "bp", "--json")
    assert result.code == 2 and result.json["error"]["code"] == "wrong-passphrase"
    monkeypatch.delenv("PHRAPP_PASSPHRASE")
    result = vault("list", "bp", "--json")
    assert result.code == 2 and result.json["error"]["code"] == "missing-secret"


def test_missing_vault_is_exit_3(cli: Callable) -> None:
    result = cli("list", "bp", "--json")
    assert result.code == 3 and result.json["error"]["code"] == "vault-missing"


def test_damaged_vault_is_exit_3(vault: Callable, tmp_path: Path) -> None:
    db = tmp_path / "vault" / "phrapp.db"
    db.write_bytes(b"\x00" * 8192)
    result = vault("list", "bp", "--json")
    assert result.code == 3 and result.json["error"]["code"] == "vault-damaged"


def test_recovery_key_variable_unlocks(cli: Callable, monkeypatch: pytest.MonkeyPatch) -> None:
    key = cli("init", "--json").json["recovery_key"]
    monkeypatch.setenv("PHRAPP_PASSPHRASE", "wrong wrong wrong wrong")
    monkeypatch.setenv("PHRAPP_RECOVERY_KEY", key)
    assert cli("list", "bp", "--json").code == 0


def test_passwd(vault: Callable, monkeypatch: pytest.MonkeyPatch) -> None:
    vault("add", "bp", "120", "80")
    monkeypatch.setenv("PHRAPP_NEW_PASSPHRASE", "short")
    weak = vault("passwd", "--json")
    assert weak.code == 2 and weak.json["error"]["code"] == "weak-passphrase"
    monkeypatch.setenv("PHRAPP_NEW_PASSPHRASE", "a brand new passphrase 99")
    assert vault("passwd", "--json").json == {"changed": True}
    old = vault("list", "bp", "--json")
    assert old.code == 2 and old.json["error"]["code"] == "wrong-passphrase"
    monkeypatch.setenv("PHRAPP_PASSPHRASE", "a brand new passphrase 99")
    assert len(vault("list", "bp", "--json").json) == 1


def test_init_refuses_weak_passphrase(cli: Callable, monkeypatch: pytest.MonkeyPatch,
                                      tmp_path: Path) -> None:
    monkeypatch.setenv("PHRAPP_PASSPHRASE", "tiny")
    result = cli("init", "--json")
    assert result.code == 2 and result.json["error"]["code"] == "weak-passphrase"
    assert not (tmp_path / "vault").exists()


def test_human_output_goes_to_stdout_and_messages_to_stderr(vault: Callable) -> None:
    vault("add", "bp", "128", "82", "--at", "2024-12-01T06:42")
    result = vault("list", "bp")
    assert "128/82 mmHg" in result.out and "1 bp record" in result.err


def test_add_checkup_by_hand(vault: Callable) -> None:
    result = vault("add", "checkup", "--date", "2026-06-01", "--facility", "健診センター",
                   "height=170.2", "hba1c=5.8", "1A020000000190111=＋",
                   "9N506000000000011=2", "--json")
    assert result.code == 0, result.err
    listed = vault("list", "checkups", "--json").json
    assert listed == [result.json]
    row = listed[0]
    check_common(row, "checkups")
    assert row["provenance"] == "manual" and row["guidance_level"] == 2
    assert (row["sex"], row["birth_date"]) == ("male", "1970-01-02")
    urine = next(i for i in row["items"] if i["code"] == "1A020000000190111")
    assert (urine["value"], urine["value_display"]) == ("3", "＋")
    bad = vault("add", "checkup", "--date", "2026-06-01", "hba1c=abc", "--json")
    assert bad.code == 2 and bad.json["error"]["path"] == "3D046000001999902"
    missing_date = vault("add", "checkup", "hba1c=5.8", "--json")
    assert missing_date.code == 1
