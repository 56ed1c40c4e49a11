"""``phrapp risk --json`` on a vault with home BP, weight, steps, a hand-entered checkup
and a health background: the exact CONTRACT §4 shape and the values."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from phrapp.domain.records import (
    BloodPressure,
    HealthBackground,
    Profile,
    Smoking,
    Source,
    Steps,
    Weight,
)
from phrapp.services.profiles import ProfileService
from phrapp.services.records import RecordService
from phrapp.services.session import Session

Cli = Callable[..., Any]
PASS = "correct horse battery staple 7"
JST = dt.timezone(dt.timedelta(hours=9))
AS_OF = "2024-12-14"
END = dt.date(2024, 12, 14)

# 2024-06-01, entered from a paper report. BP: 1回目/2回目 -> mean 140/87.
CHECKUP = {
    "9A751000000000001": "142", "9A752000000000001": "138",
    "9A761000000000001": "88", "9A762000000000001": "86",
    "9N016160100000001": "88", "height": "170", "weight": "72.25", "bmi": "25.0",
    "tg": "160", "hdl": "38", "ldl": "145", "fpg": "112", "hba1c": "5.9",
    "ast": "25", "alt": "35", "ggt": "60", "creatinine": "0.95",
    "1A010000000191111": "±",
    "9N701000000000011": "2", "9N706000000000011": "2", "9N711000000000011": "2",
}


def at(day: dt.date, time: str) -> dt.datetime:
    return dt.datetime.combine(day, dt.time.fromisoformat(time), JST)


def fill(folder: Path, background: HealthBackground | None) -> None:
    """Home readings through the service (the CLI path is covered by a few `add bp`)."""
    with Session.open(folder, passphrase=PASS) as s:
        profile = ProfileService(s).get("本人")
        records: list[Any] = []
        for i in range(10):  # mornings 5–14 Dec: 138/88 then 136/86 -> occasion 137/87
            day = END - dt.timedelta(days=i)
            records.append(_bp(profile, at(day, "07:00"), 138, 88))
            records.append(_bp(profile, at(day, "07:03"), 136, 86))
        for i in range(1, 5):  # evenings 10–13 Dec: 128/82 (14 Dec comes from the CLI)
            records.append(_bp(profile, at(END - dt.timedelta(days=i), "21:00"), 128, 82))
        # outside the window (30 Nov): must not count
        records.append(_bp(profile, at(dt.date(2024, 11, 30), "07:00"), 200, 120))
        for i in range(8):  # 7–14 Dec: 70.0 … 69.3 kg (−0.1 kg/day)
            day = dt.date(2024, 12, 7) + dt.timedelta(days=i)
            records.append(Weight(profile_id=profile.id, measured_at=at(day, "07:10"),
                                  kg=round(70.0 - 0.1 * i, 1)))
        if background is not None:
            records.append(dataclass_with_profile(background, profile))
        service = RecordService(s)
        service.add_many(records)
        for i in range(7):  # 8–14 Dec: 6000 by hand …
            service.upsert_steps(Steps(profile_id=profile.id, date=END - dt.timedelta(days=i),
                                       steps=6000))
        # … and on 14 Dec a phone with more: it becomes that day's primary source.
        service.upsert_steps(Steps(profile_id=profile.id, date=END, steps=10000,
                                   source=Source(app="apple-health")))


def _bp(profile: Profile, when: dt.datetime, sbp: int, dbp: int) -> BloodPressure:
    return BloodPressure(profile_id=profile.id, measured_at=when, systolic=sbp, diastolic=dbp)


def dataclass_with_profile(bg: HealthBackground, profile: Profile) -> HealthBackground:
    import dataclasses

    return dataclasses.replace(bg, profile_id=profile.id)


@pytest.fixture
def filled(vault: Cli, vault_dir: Path) -> Cli:
    pairs = [f"{k}={v}" for k, v in CHECKUP.items()]
    r = vault("add", "checkup", "--date", "2024-06-01", "--facility", "テスト健診センター",
              *pairs, "--json")
    assert r.code == 0, r.err
    # 14 Dec evening by the CLI: 21:00 128/82 and 23:30+09:00 132/84 -> occasion 130/83.
    assert vault("add", "bp", "128", "82", "--at", "2024-12-14T21:00:00+09:00").code == 0
    assert vault("add", "bp", "132", "84", "--at", "2024-12-14T23:30:00+09:00").code == 0
    # 00:30+09:00 on 15 Dec is 14 Dec 15:30 UTC: neither in the window nor a slot.
    assert vault("add", "bp", "190", "115", "--at", "2024-12-15T00:30:00+09:00").code == 0
    fill(vault_dir, HealthBackground(profile_id="-", date=dt.date(2024, 5, 1),
                                     smoking=Smoking.CURRENT, on_bp_drugs=False,
                                     diabetes=False, ckd=False, pad=False,
                                     cad_or_stroke=False))
    return vault


def egfr_by_hand(sex: str, age: int, cr: float) -> float:
    value = 194 * cr ** -1.094 * age ** -0.287 * (0.739 if sex == "female" else 1)
    return float(f"{value:.1f}")


def test_risk_json_exact_shape_and_values(filled: Cli) -> None:
    r = filled("risk", "--as-of", AS_OF, "--json")
    assert r.code == 0, r.err
    got = r.json
    assert list(got) == ["as_of", "home_bp", "office_bp", "tokutei_level", "referral_flags",
                         "metabolic_syndrome", "hisayama", "bmi", "egfr", "steps", "weight"]
    assert got["as_of"] == AS_OF
    # Home BP: mornings 10 × 137/87 -> I度 (home); evenings (4×128 + 130)/5 = 128.4,
    # (4×82 + 83)/5 = 82.2 -> 高値. Hypertension (morning ≥135), target not met.
    assert got["home_bp"] == {
        "window_days": 14,
        "morning": {"days": 10, "sbp": 137, "dbp": 87},
        "evening": {"days": 5, "sbp": 128.4, "dbp": 82.2},
        "category": "I度高血圧", "hypertension": True, "meets_target": False, "missing": [],
    }
    assert got["office_bp"] == {"date": "2024-06-01", "sbp": 140, "dbp": 87,
                                "category": "I度高血圧"}
    # 55 at the end of FY2024; waist 88 (1); glucose, lipids, BP and smoking: 4 risks.
    assert got["tokutei_level"] == {"level": "積極的支援", "in_file": None,
                                    "computed": "積極的支援", "reason": None,
                                    "disagreement": None, "missing": []}
    assert got["referral_flags"] == [
        {"code": "9A752000000000001", "name": "収縮期血圧(2回目)", "value": 138,
         "unit": "mm[Hg]", "threshold": 130, "comparator": "≥", "kind": "保健指導"},
        {"code": "9A751000000000001", "name": "収縮期血圧(1回目)", "value": 142,
         "unit": "mm[Hg]", "threshold": 140, "comparator": "≥", "kind": "受診勧奨"},
        {"code": "9A762000000000001", "name": "拡張期血圧(2回目)", "value": 86,
         "unit": "mm[Hg]", "threshold": 85, "comparator": "≥", "kind": "保健指導"},
        {"code": "9A761000000000001", "name": "拡張期血圧(1回目)", "value": 88,
         "unit": "mm[Hg]", "threshold": 85, "comparator": "≥", "kind": "保健指導"},
        {"code": "3F015000002399901", "name": "空腹時中性脂肪(トリグリセリド)", "value": 160,
         "unit": "mg/dL", "threshold": 150, "comparator": "≥", "kind": "保健指導"},
        {"code": "3F070000002399901", "name": "HDLコレステロール", "value": 38,
         "unit": "mg/dL", "threshold": 40, "comparator": "<", "kind": "保健指導"},
        {"code": "3F077000002399901", "name": "LDLコレステロール", "value": 145,
         "unit": "mg/dL", "threshold": 140, "comparator": "≥", "kind": "受診勧奨"},
        {"code": "3B045000002399901", "name": "ALT(GPT)", "value": 35,
         "unit": "U/L", "threshold": 31, "comparator": "≥", "kind": "保健指導"},
        {"code": "3B090000002399901", "name": "γ-GT(γ-GTP)", "value": 60,
         "unit": "U/L", "threshold": 51, "comparator": "≥", "kind": "保健指導"},
        {"code": "3D010000001999901", "name": "空腹時血糖", "value": 112,
         "unit": "mg/dL", "threshold": 100, "comparator": "≥", "kind": "保健指導"},
        {"code": "3D046000001999902", "name": "HbA1c(NGSP値)", "value": 5.9,
         "unit": "%", "threshold": 5.6, "comparator": "≥", "kind": "保健指導"},
        {"code": "1A010000000191111", "name": "尿蛋白", "value": "±",
         "unit": None, "threshold": "±", "comparator": "≥", "kind": "保健指導"},
    ]
    assert got["metabolic_syndrome"] == {"judgement": "基準該当", "code": None,
                                         "source": "computed", "missing": []}
    # 54 on the exam date: 7 (male) + 3 (SBP 140) + 1 (FPG 112) + 2 (LDL 145)
    # + 2 (HDL 38) + 2 (current smoker) = 17 -> 50–59: 7.9 % 中リスク.
    assert got["hisayama"] == {"points": 17, "risk_percent": 7.9, "category": "中リスク",
                               "route": "scored", "missing": []}
    assert got["bmi"] == {"value": 25.0, "class": "肥満(1度)"}
    assert got["egfr"] == {"value": egfr_by_hand("male", 54, 0.95), "stage": "G2"}
    # 8–13 Dec 6000 (manual), 14 Dec 10000 (apple-health is primary): 46000 / 7 = 6571.4
    assert got["steps"] == {"avg_7d": 6571, "target": 8000}
    # 8–14 Dec: 69.9 … 69.3 -> 69.6; −0.1 kg/day -> −0.7 kg/week
    assert got["weight"] == {"avg_7d": 69.6, "slope_kg_per_week": -0.7}


def test_risk_defaults_to_today_and_prints_a_summary(filled: Cli) -> None:
    r = filled("risk")
    assert r.code == 0, r.err
    assert "診断ではありません" in r.out
    r = filled("risk", "--json")
    assert r.code == 0
    assert dt.date.fromisoformat(r.json["as_of"]) >= END


def test_hisayama_missing_smoking_is_never_guessed(vault: Cli, vault_dir: Path) -> None:
    pairs = [f"{k}={v}" for k, v in CHECKUP.items()]
    assert vault("add", "checkup", "--date", "2024-06-01", *pairs).code == 0
    fill(vault_dir, HealthBackground(profile_id="-", date=dt.date(2024, 5, 1),
                                     on_bp_drugs=False, on_glucose_drugs=False,
                                     on_lipid_drugs=False))
    got = vault("risk", "--as-of", AS_OF, "--json").json
    assert got["hisayama"] == {"points": None, "risk_percent": None, "category": None,
                               "route": "scored", "missing": ["smoking"]}
    # 特定保健指導 still decided: waist + 3 risks -> 積極的支援 with or without smoking,
    # but the absent answer is named.
    assert got["tokutei_level"]["level"] == "積極的支援"
    assert got["tokutei_level"]["missing"] == ["smoking"]


def test_file_level_wins_and_disagreement_is_flagged(vault: Cli, vault_dir: Path) -> None:
    pairs = [f"{k}={v}" for k, v in CHECKUP.items()]
    pairs += ["9N506000000000011=2", "9N501000000000011=2", "9N736000000000011=1"]
    assert vault("add", "checkup", "--date", "2024-06-01", *pairs).code == 0
    got = vault("risk", "--as-of", AS_OF, "--json").json
    t = got["tokutei_level"]
    assert (t["level"], t["in_file"], t["computed"]) == ("動機付け支援", 2, "積極的支援")
    assert t["disagreement"] and "動機付け支援" in t["disagreement"]
    assert got["metabolic_syndrome"] == {"judgement": "予備群該当", "code": 2,
                                         "source": "file", "missing": []}
    # smoking from the checkup's questionnaire when the background is silent
    assert got["hisayama"]["points"] == 17


def test_empty_vault(vault: Cli) -> None:
    got = vault("risk", "--as-of", AS_OF, "--json").json
    assert got == {
        "as_of": AS_OF,
        "home_bp": {"window_days": 14, "morning": None, "evening": None, "category": None,
                    "hypertension": None, "meets_target": None,
                    "missing": ["morning", "evening"]},
        "office_bp": None,
        "tokutei_level": {"level": None, "in_file": None, "computed": None, "reason": None,
                          "disagreement": None, "missing": ["checkup"]},
        "referral_flags": [],
        "metabolic_syndrome": {"judgement": None, "code": None, "source": None,
                               "missing": ["checkup"]},
        "hisayama": {"points": None, "risk_percent": None, "category": None,
                     "route": "scored", "missing": ["sbp", "igt", "ldl", "hdl", "smoking"]},
        "bmi": {"value": None, "class": None},
        "egfr": {"value": None, "stage": None},
        "steps": {"avg_7d": None, "target": 8000},
        "weight": {"avg_7d": None, "slope_kg_per_week": None},
    }


def test_minor_gets_not_applicable(vault: Cli) -> None:
    assert vault("profile", "add", "子", "--sex", "female", "--birth", "2012-05-05").code == 0
    assert vault("add", "bp", "110", "70", "--at", "2024-12-14T07:00:00+09:00",
                 "--profile", "子").code == 0
    got = vault("risk", "--profile", "子", "--as-of", AS_OF, "--json").json
    na = {"not_applicable": "age"}
    for key in ("home_bp", "office_bp", "tokutei_level", "metabolic_syndrome", "hisayama",
                "bmi", "egfr", "steps"):
        assert got[key] == na, key
    assert got["referral_flags"] == []
    assert got["weight"] == {"avg_7d": None, "slope_kg_per_week": None}


def test_bad_as_of_is_usage(vault: Cli) -> None:
    r = vault("risk", "--as-of", "14/12/2024", "--json")
    assert r.code == 1 and r.json["error"]["code"] == "usage"


def test_unknown_profile_is_refused(vault: Cli) -> None:
    r = vault("risk", "--profile", "誰", "--json")
    assert r.code == 2 and r.json["error"]["code"] == "not-found"


def test_suita_only_when_asked(filled: Cli, vault_dir: Path) -> None:
    from phrapp.services.risk import RiskService

    with Session.open(vault_dir, passphrase=PASS) as s:
        profile = ProfileService(s).get("本人")
        plain = RiskService(s).evaluate(profile, END)
        assert "suita" not in plain
        with_suita = RiskService(s).evaluate(profile, END, include_suita=True)
        assert with_suita["suita"] == {"points": None, "category": None, "risk_percent": None,
                                       "missing": ["family_history"]}
        RecordService(s).add(HealthBackground(profile_id=profile.id, date=dt.date(2024, 6, 1),
                                              family_history_cad=False))
        # 54 (38) + smoker 5 + office 140/87 I度 4 + HDL 38 0 + LDL 145 7 + IGT 5 = 59
        assert RiskService(s).evaluate(profile, END, include_suita=True)["suita"] == {
            "points": 59, "category": "高リスク", "risk_percent": "9", "missing": []}


def test_trend_service_on_the_vault(filled: Cli, vault_dir: Path) -> None:
    from decimal import Decimal

    from phrapp.services.trends import TrendService

    with Session.open(vault_dir, passphrase=PASS) as s:
        profile = ProfileService(s).get("本人")
        service = TrendService(s)
        bp7, bp14, bp28 = service.bp(profile, END)
        # 28 days reach back to 17 Nov and include the 30 Nov reading.
        assert (bp7.morning.occasions, bp14.morning.occasions, bp28.morning.occasions) == \
            (7, 10, 11)
        assert bp7.morning.sbp == 137 and bp7.morning.previous_occasions == 3
        assert bp7.morning.sbp_change == 0 and bp7.morning.sbp_sd == 0
        assert bp7.evening.occasions == 5
        assert bp7.morning_evening_sbp == Decimal("137") - Decimal("128.4")
        w = service.weight(profile, END)
        assert w.average_7d == Decimal("69.6")
        assert w.slope_kg_per_week is not None
        assert abs(w.slope_kg_per_week - Decimal("-0.7")) < Decimal("1e-9")
        st = service.steps(profile, 6000, END, days=7)
        assert [d.steps for d in st.days] == [6000] * 6 + [10000]
        assert (st.current_streak, st.longest_streak) == (7, 7)
        assert st.average_7d is not None and round(st.average_7d) == 6571
