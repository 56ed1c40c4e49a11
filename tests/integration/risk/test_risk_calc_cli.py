"""``phrapp calc`` through the in-process CLI (CONTRACT §2, §4). No vault is needed."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest

Cli = Callable[..., Any]  # the ``cli`` fixture of conftest.py


@pytest.mark.parametrize(("rule", "inp", "expected"), [
    ("office_bp", {"sbp": 139, "dbp": 90}, {"category": "I度高血圧", "isolated_systolic": False}),
    ("office_bp", {"sbp": 160, "dbp": 89}, {"category": "II度高血圧", "isolated_systolic": True}),
    ("home_bp", {"sbp": 135, "dbp": 84}, {"category": "I度高血圧", "isolated_systolic": True}),
    ("home_bp", {"sbp": 114, "dbp": 74}, {"category": "正常血圧", "isolated_systolic": False}),
    ("tokutei_level", {"sex": "male", "age": 50, "waist": 85, "bmi": 24.0, "sbp": 130,
                       "dbp": 80, "tg": 100, "tg_fasting": True, "hdl": 50, "fpg": 99,
                       "hba1c": None, "random_glucose": None, "smoking": True,
                       "on_drugs": False}, {"level": "積極的支援"}),
    ("tokutei_level", {"sex": "male", "age": 70, "waist": 85, "sbp": 130, "fpg": 100,
                       "tg": 100, "tg_fasting": True, "hdl": 50, "smoking": False,
                       "on_drugs": False, "bmi": 24}, {"level": "動機付け支援"}),
    ("lab_judgement", {"item": "hba1c", "value": 5.6}, {"flag": "保健指導"}),
    ("lab_judgement", {"item": "hba1c", "value": 6.5}, {"flag": "受診勧奨"}),
    ("lab_judgement", {"item": "ldl", "value": 119}, {"flag": "基準範囲"}),
    ("lab_judgement", {"item": "urine_protein", "value": "±"}, {"flag": "保健指導"}),
    ("lab_judgement", {"item": "urine_protein", "value": "＋"}, {"flag": "受診勧奨"}),
    ("lab_judgement", {"code": "3F070000002399901", "value": 39}, {"flag": "保健指導"}),
    ("lab_judgement", {"item": "hb", "value": 11.0, "sex": "female"}, {"flag": "受診勧奨"}),
    ("hisayama", {"sex": "male", "age": 55, "sbp": 135, "igt": False, "ldl": 150, "hdl": 45,
                  "smoking": True}, {"points": 14, "risk_percent": 5.2, "category": "中リスク"}),
    ("hisayama", {"sex": "female", "age": 40, "sbp": 110, "igt": False, "ldl": 100,
                  "hdl": 70, "smoking": False},
     {"points": 0, "risk_percent": "<1.0", "category": "低リスク"}),
    ("hisayama", {"sex": "male", "age": 60, "sbp": 120, "igt": True, "ldl": 100, "hdl": 50,
                  "smoking": False, "diabetes": True},
     {"route": "high-risk-condition", "category": "高リスク"}),
    ("hisayama", {"sex": "male", "age": 60, "sbp": 120, "igt": True, "ldl": 100, "hdl": 50,
                  "smoking": False, "cad_or_stroke": True}, {"route": "secondary-prevention"}),
    ("hisayama", {"sex": "male", "age": 35, "sbp": 120, "igt": True, "ldl": 100, "hdl": 50,
                  "smoking": False}, {"route": "not-applicable"}),
    ("suita", {"sex": "male", "age": 50, "smoking": True, "sbp": 145, "dbp": 92, "hdl": 38,
               "ldl": 165, "igt": True, "family_history": True},
     {"points": 67, "category": "高リスク"}),
    ("bmi", {"height_cm": 170, "weight_kg": 72.25}, {"bmi": 25.0, "class": "肥満(1度)"}),
    ("bmi", {"bmi": 40}, {"bmi": 40.0, "class": "肥満(4度)"}),
    ("egfr", {"sex": "female", "age": 60, "creatinine": 0.8}, {"egfr": 56.5, "stage": "G3a"}),
    ("egfr", {"sex": "male", "age": 16, "creatinine": 0.8}, {"not_applicable": "age"}),
    ("ckd_stage", {"egfr": 29.9}, {"stage": "G4"}),
])
def test_each_rule(cli: Cli, rule: str, inp: dict[str, Any], expected: dict[str, Any]) -> None:
    r = cli("calc", rule, "--input", json.dumps(inp, ensure_ascii=False))
    assert r.code == 0, r.err
    assert r.json == expected


def test_json_flag_is_accepted(cli: Cli) -> None:
    r = cli("calc", "ckd_stage", "--input", '{"egfr": 95}', "--json")
    assert (r.code, r.json) == (0, {"stage": "G1"})


@pytest.mark.parametrize(("argv", "path"), [
    (("calc", "bmi", "--input", '{"bmi": 22, "shoe_size": 27}'), "input.shoe_size"),
    (("calc", "nope", "--input", "{}"), "rule"),
    (("calc", "bmi", "--input", "{not json"), "input"),
    (("calc", "bmi", "--input", '{"bmi": NaN}'), "input"),
    (("calc", "bmi"), "input"),
    (("calc", "office_bp", "--input", '{"sbp": "high", "dbp": 80}'), "input.sbp"),
    (("calc", "lab_judgement", "--input", '{"item": "urine_protein", "value": "4+"}'),
     "input.value"),
])
def test_usage_errors_exit_1_with_error_object(cli: Cli, argv: tuple[str, ...],
                                               path: str) -> None:
    r = cli(*argv)
    assert r.code == 1
    err = r.json["error"]
    assert err["code"] == "usage" and err["path"] == path and err["message"]
    assert set(r.json) == {"error"}


def test_calc_without_rule_or_input_is_usage(cli: Cli) -> None:
    assert cli("calc").code == 1
    assert cli("calc", "--jsonl", "--input", "{}", stdin=b"").code == 1


def test_jsonl_bad_line_in_the_middle(cli: Cli) -> None:
    lines = [
        {"rule": "bmi", "input": {"bmi": 18.45}},
        "this is not json",
        {"rule": "office_bp", "input": {"sbp": 120, "dbp": 80, "pulse": 70}},
        {"rule": "nope", "input": {}},
        "",
        {"rule": "hisayama", "input": {"sex": "male", "age": 70, "sbp": 110, "igt": True,
                                       "ldl": 100, "hdl": 60, "smoking": False}},
        {"rule": "lab_judgement", "input": {"item": "urine_protein", "value": "－"}},
    ]
    stdin = "\n".join(x if isinstance(x, str) else json.dumps(x, ensure_ascii=False)
                      for x in lines).encode("utf-8") + b"\n"
    r = cli("calc", "--jsonl", stdin=stdin)
    assert r.code == 0, r.err
    out = r.lines
    assert len(out) == 6  # the blank line is not an input
    assert out[0] == {"bmi": 18.5, "class": "普通体重"}
    assert out[1]["error"]["code"] == "malformed" and out[1]["error"]["path"] == "line 2"
    assert out[2]["error"]["code"] == "usage"
    assert out[2]["error"]["path"] == "line 3: input.pulse"
    assert out[3]["error"]["path"] == "line 4: rule"
    assert out[4] == {"points": 8, "risk_percent": 10.4, "category": "高リスク"}
    assert out[5] == {"flag": "基準範囲"}


def test_jsonl_bad_utf8_line_continues(cli: Cli) -> None:
    stdin = b'{"rule": "ckd_stage", "input": {"egfr": 50}}\n\xff\xfe\n' \
            b'{"rule": "ckd_stage", "input": {"egfr": 10}}\n'
    r = cli("calc", "--jsonl", stdin=stdin)
    assert r.code == 0
    assert r.lines == [{"stage": "G3a"},
                       {"error": {"code": "encoding", "message": "line is not UTF-8",
                                  "path": "line 2"}},
                       {"stage": "G5"}]


def test_jsonl_crlf_and_empty_input(cli: Cli) -> None:
    r = cli("calc", "--jsonl", stdin=b'{"rule":"ckd_stage","input":{"egfr":90}}\r\n')
    assert r.lines == [{"stage": "G1"}]
    assert cli("calc", "--jsonl", stdin=b"").out == ""


def test_jsonl_unreadable_stdin(cli: Cli, monkeypatch: pytest.MonkeyPatch) -> None:
    class Broken:
        @property
        def buffer(self) -> Any:
            raise OSError("gone")

    monkeypatch.setattr("sys.stdin", Broken())
    r = cli("calc", "--jsonl")
    assert r.code == 2
    assert r.json["error"]["code"] == "unreadable-input"


def test_calc_needs_no_vault(cli: Cli, vault_dir: Any) -> None:
    r = cli("calc", "ckd_stage", "--input", '{"egfr": 60}')
    assert r.code == 0
    assert not vault_dir.exists()
