from __future__ import annotations

import datetime as dt

import pytest

from phrapp.domain.records import BloodPressure, LabValue, Steps, Weight
from phrapp.domain.validation import RANGES, errors_of, validate, warnings_of

NOW = dt.datetime(2026, 11, 23, 12, 0, tzinfo=dt.UTC)
AT = dt.datetime(2026, 11, 23, 7, 0, tzinfo=dt.timezone(dt.timedelta(hours=9)))


def bp(sys_: int = 120, dia: int = 80, pulse: int | None = 70, at: dt.datetime = AT):
    return BloodPressure(profile_id="p", measured_at=at, systolic=sys_, diastolic=dia,
                         pulse=pulse)


def _severity(record) -> str:
    issues = validate(record, NOW)
    if errors_of(issues):
        return "error"
    return "warning" if warnings_of(issues) else "ok"


@pytest.mark.parametrize("field", ["systolic", "diastolic", "pulse"])
def test_bp_bands_at_every_boundary(field: str) -> None:
    band = RANGES[field]

    def check(value: float) -> str:
        values = {"systolic": 300, "diastolic": 20, "pulse": 70, field: int(value)}
        issues = [i for i in validate(bp(values["systolic"], values["diastolic"],
                                         values["pulse"]), NOW) if i.field == field]
        if any(i.severity == "error" for i in issues):
            return "error"
        return "warning" if issues else "ok"

    assert check(band.possible_lo - 1) == "error"
    assert check(band.possible_lo) == "warning"
    assert check(band.usual_lo - 1) == "warning"
    assert check(band.usual_lo) == "ok"
    assert check(band.usual_hi) == "ok"
    assert check(band.usual_hi + 1) == "warning"
    assert check(band.possible_hi) == "warning"
    assert check(band.possible_hi + 1) == "error"


def test_bp_usual_values_pass() -> None:
    assert _severity(bp()) == "ok"


def test_systolic_must_exceed_diastolic() -> None:
    issues = validate(bp(80, 80), NOW)
    assert any("higher than diastolic" in i.message for i in errors_of(issues))


@pytest.mark.parametrize(("kg", "expected"), [
    (0.4, "error"), (0.5, "warning"), (9.9, "warning"), (10, "ok"), (200, "ok"),
    (200.1, "warning"), (400, "warning"), (400.1, "error"),
])
def test_weight_boundaries(kg: float, expected: str) -> None:
    assert _severity(Weight(profile_id="p", measured_at=AT, kg=kg)) == expected


@pytest.mark.parametrize(("steps", "expected"), [
    (-1, "error"), (0, "ok"), (60_000, "ok"), (60_001, "warning"), (150_000, "warning"),
    (150_001, "error"),
])
def test_steps_boundaries(steps: int, expected: str) -> None:
    assert _severity(Steps(profile_id="p", date=dt.date(2026, 11, 1), steps=steps)) == expected


def test_future_readings_refused_beyond_a_day() -> None:
    assert _severity(bp(at=NOW + dt.timedelta(hours=23))) == "ok"
    assert _severity(bp(at=NOW + dt.timedelta(hours=25))) == "error"


def test_naive_instant_refused() -> None:
    assert _severity(bp(at=dt.datetime(2026, 11, 1, 7, 0))) == "error"  # noqa: DTZ001


def test_lab_code_must_be_17_characters() -> None:
    good = LabValue(profile_id="p", date=dt.date(2026, 1, 5), code="3D045000001906202",
                    name="HbA1c", value=5.8, unit="%")
    assert _severity(good) == "ok"
    bad = LabValue(profile_id="p", date=dt.date(2026, 1, 5), code="3D0450", name="HbA1c",
                   value=5.8, unit="%")
    assert _severity(bad) == "error"


def test_every_issue_has_a_stable_code() -> None:
    records = [bp(400, 80), bp(260, 100), bp(80, 80), bp(at=NOW + dt.timedelta(days=3)),
               Weight(profile_id="p", measured_at=AT, kg=float("nan")),
               LabValue(profile_id="p", date=dt.date(1800, 1, 1), code="x", name="x",
                        value=1, unit="")]
    codes = {i.code for r in records for i in validate(r, NOW)}
    assert codes == {"impossible", "unusual", "order", "future", "not-a-number", "too-old",
                     "format"}
