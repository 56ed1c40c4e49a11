"""Column mappings: JSON round trip, checks, header matching, date formats, row parsing."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from typing import Any

import pytest

from phrapp.domain.csv_mapping import (
    BUILTIN_MAPPINGS,
    DATE_FORMATS,
    CsvMapping,
    MappingError,
    RowError,
    RowValues,
    match_header,
    normalise_header,
    parse_datetime,
)

JST = dt.timezone(dt.timedelta(hours=9))
TOKYO = "Asia/Tokyo"


def bp(**changes: Any) -> CsvMapping:
    base = CsvMapping(name="手帳", kind="bp",
                      columns={"date": 0, "time": 1, "systolic": 2, "diastolic": 3,
                               "pulse": 4},
                      header=normalise_header(["日付", "時間", "上", "下", "脈拍"]))
    return dataclasses.replace(base, **changes)


COLS = {"date": 0, "time": 1, "systolic": 2, "diastolic": 3, "pulse": 4}


def test_json_round_trip_and_refusals() -> None:
    mapping = bp(unit="lb", zone="Europe/London", date_format="DD/MM/YYYY", delimiter="\t")
    assert CsvMapping.from_json(json.loads(mapping.dumps())) == mapping
    data = mapping.to_json()
    for broken in ({**data, "kind": "pulse"}, {**data, "columns": {"date": 0}},
                   {**data, "encoding": "latin-1"}, {**data, "zone": "Mars/Base"},
                   {**data, "header_row": True}, {**data, "name": ""},
                   {k: v for k, v in data.items() if k != "columns"}, [data], "x"):
        with pytest.raises(MappingError):
            CsvMapping.from_json(broken)


def test_problems_name_what_is_missing() -> None:
    assert bp().problems() == []
    assert "column:systolic" in bp(columns={"date": 0, "diastolic": 3}).problems()
    assert "field:weight" in bp(columns={**COLS, "weight": 5}).problems()
    assert "column:date" in bp(has_header=False, columns={**COLS, "date": "日付"}).problems()
    assert "name" in bp(name="a\nb").problems()


def test_header_matching_is_exact_after_normalising() -> None:
    mapping = bp()
    assert mapping.matches(["\ufeff日付 ", "時間", "上", "下", "脈拍", "", ""])
    assert mapping.matches(["日付", "時間", "上", "下", "脈拍"])
    assert not mapping.matches(["日付", "時間", "上", "下"])
    assert not mapping.matches(["日付", "時間", "上", "下", "脈拍", "メモ"])
    english = match_header(["DATE", "Time", "SYSTOLIC", "Diastolic", "Pulse"], BUILTIN_MAPPINGS)
    assert english is not None and english.name == "builtin:bp-en"
    fullwidth = match_header(["測定日", "測定時刻", "最高血圧（ｍｍＨｇ）", "最低血圧(mmHg)",
                              "脈拍(拍/分)"], BUILTIN_MAPPINGS)
    assert fullwidth is not None and fullwidth.name == "builtin:bp-ja-units"
    assert match_header(["when", "high", "low"], BUILTIN_MAPPINGS) is None


def test_columns_by_name_resolve_against_the_header() -> None:
    mapping = bp(columns={"date": "日付", "systolic": "上", "diastolic": 3})
    assert mapping.resolve(["日付", "時間", "上", "下"]) == {"date": 0, "systolic": 2,
                                                         "diastolic": 3}
    with pytest.raises(MappingError):
        mapping.resolve(["日付", "時間"])


@pytest.mark.parametrize(("fmt", "date", "time", "expected"), [
    ("YYYY-MM-DD", "2024-01-02", "07:30", (2024, 1, 2, 7, 30, 0)),
    ("YYYY/MM/DD", "2024/01/02 07:30:15", "", (2024, 1, 2, 7, 30, 15)),
    ("YYYY/M/D", "2024/1/2", "7:05", (2024, 1, 2, 7, 5, 0)),
    ("DD/MM/YYYY", "02/01/2024", "19:00", (2024, 1, 2, 19, 0, 0)),
    ("MM/DD/YYYY", "01/02/2024", "7:00 PM", (2024, 1, 2, 19, 0, 0)),
    ("YYYY年M月D日", "2024年1月2日(火)", "午前7時05分", (2024, 1, 2, 7, 5, 0)),
    ("YYYYMMDD", "202401020730", "", (2024, 1, 2, 7, 30, 0)),
    ("ISO8601", "2024-01-02T07:30:00", "", (2024, 1, 2, 7, 30, 0)),
    ("auto", "2024/1/2 7:30", "", (2024, 1, 2, 7, 30, 0)),
    ("auto", "2024年1月2日 7:30", "", (2024, 1, 2, 7, 30, 0)),
])
def test_date_formats(fmt: str, date: str, time: str,
                      expected: tuple[int, ...]) -> None:
    at, known = parse_datetime(date, time, fmt, TOKYO)
    assert at == dt.datetime(*expected, tzinfo=JST)
    assert at.tzinfo == JST and known


def test_offsets_zones_and_refusals() -> None:
    at, _ = parse_datetime("2024-01-02T07:30:00-05:00", "", "ISO8601", TOKYO)
    assert at.utcoffset() == dt.timedelta(hours=-5)
    at, _ = parse_datetime("2024-01-02", "07:30 +05:30", "YYYY-MM-DD", TOKYO)
    assert at.utcoffset() == dt.timedelta(hours=5, minutes=30)
    at, _ = parse_datetime("2024-07-02 07:30", "", "auto", "Europe/London")
    assert at.utcoffset() == dt.timedelta(hours=1)  # summer time, pinned
    at, known = parse_datetime("2024-01-02", "", "auto", TOKYO)
    assert (at.hour, known) == (0, False)
    for date, time, fmt in (("02/01/2024", "", "auto"),  # DD/MM vs MM/DD: never guessed
                            ("2024/02/30", "", "auto"), ("2024-01-02 07:30", "08:00", "auto"),
                            ("2024-01-02", "25:00", "auto"), ("yesterday", "", "auto"),
                            ("2024-01-02", "13:00 PM", "auto")):
        with pytest.raises(ValueError):
            parse_datetime(date, time, fmt, TOKYO)
    assert set(DATE_FORMATS) >= {"YYYY-MM-DD", "YYYY/MM/DD", "YYYY/M/D", "DD/MM/YYYY",
                                 "MM/DD/YYYY", "YYYY年M月D日", "ISO8601"}


def test_parse_row_values_and_errors() -> None:
    mapping = bp()
    ok = mapping.parse_row(["２０２４/1/2", "７:05", "１２８", "82", ""], COLS, TOKYO)
    assert isinstance(ok, RowValues)
    assert ok.measured_at == dt.datetime(2024, 1, 2, 7, 5, tzinfo=JST)
    assert ok.values == {"systolic": 128, "diastolic": 82, "pulse": None}
    assert mapping.parse_row(["'2024/1/2", "7:05", "'128", "82 mmHg", "60 bpm"], COLS,
                             TOKYO) == dataclasses.replace(
        ok, values={"systolic": 128, "diastolic": 82, "pulse": 60})
    cases = {("2024/1/2", "7:05", "", "82", ""): ("missing-field", "systolic"),
             ("2024/1/2", "7:05", "80", "82", ""): ("invalid-value", "diastolic"),
             ("2024/1/2", "7:05", "12O", "82", ""): ("invalid-value", "systolic"),
             ("2024/1/2", "7:05", "128", "82", "0"): ("invalid-value", "pulse"),
             ("2024/1/32", "7:05", "128", "82", ""): ("invalid-date", "date")}
    for row, (reason, field) in cases.items():
        error = mapping.parse_row(list(row), COLS, TOKYO)
        assert isinstance(error, RowError) and (error.reason, error.field) == (reason, field)
        assert row[2] not in error.message or not row[2]
    bad_zone = bp(zone=None).parse_row(["2024/1/2", "7:05", "128", "82", ""], COLS, "Nowhere")
    assert isinstance(bad_zone, RowError) and bad_zone.reason == "invalid-zone"


def test_weight_lb_steps_and_glucose_rows() -> None:
    weight = CsvMapping(name="w", kind="weight", columns={"date": 0, "weight": 1}, unit="lb")
    row = weight.parse_row(["2024-01-02 06:00", "150.0"], {"date": 0, "weight": 1}, TOKYO)
    assert isinstance(row, RowValues)
    assert row.values["kg"] == pytest.approx(68.04)
    assert row.original == {"unit": "lb", "value": "150.0"}
    comma = weight.parse_row(["2024-01-02 06:00", "150,0"], {"date": 0, "weight": 1}, TOKYO)
    assert isinstance(comma, RowError)  # a "," decimal only when chosen (not offered yet)
    steps = CsvMapping(name="s", kind="steps", columns={"date": 0, "steps": 1})
    day = steps.parse_row(["2024/01/02", "1,234"], {"date": 0, "steps": 1}, TOKYO)
    assert isinstance(day, RowValues)
    assert (day.measured_at, day.date, day.values) == (None, dt.date(2024, 1, 2),
                                                       {"steps": 1234})
    glucose = CsvMapping(name="g", kind="glucose", columns={"date": 0, "glucose": 1},
                         glucose="random")
    lab = glucose.parse_row(["2024-01-02 08:00", "131"], {"date": 0, "glucose": 1}, TOKYO)
    assert isinstance(lab, RowValues)
    assert lab.values["code"] == "3D010129901999901" and lab.values["glucose"] == 131.0


def test_builtins_are_valid_and_distinct() -> None:
    assert all(m.problems() == [] for m in BUILTIN_MAPPINGS)
    headers = [m.header for m in BUILTIN_MAPPINGS]
    assert len(set(headers)) == len(headers)
    assert all(m.name.startswith("builtin:") for m in BUILTIN_MAPPINGS)
