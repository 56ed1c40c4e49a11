"""``phrapp clinic open FILE [--out DIR] [--json]`` end to end (CONTRACT §2–§4).

Until the lead wires ``clinic open`` into ``phrapp/cli/parser.py``, the runner below
builds the same subcommand on a local parser and runs it with ``main``'s error
handling; once the wiring exists it runs the real ``phrapp.cli.main``.
"""

from __future__ import annotations

import argparse
import io
import json
from pathlib import Path
from typing import Any

import pytest

from phrapp.cli.output import Output

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"
PASS = "correct horse battery staple 7"


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    from phrapp.cli import main

    capsys.readouterr()
    code = main(argv)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.fixture(autouse=True)
def _no_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("PHRAPP_SHARE_PASSPHRASE", raising=False)
    monkeypatch.setattr("sys.stdin", io.StringIO(""))  # not a terminal: never prompt


def one_json(text: str) -> dict[str, Any]:
    lines = text.strip().splitlines()
    assert len(lines) == 1, text
    value = json.loads(lines[0])
    assert isinstance(value, dict)
    return value


def test_valid_bundle_json(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["clinic", "open", str(FIXTURES / "fhir" / "clinic" / "valid-bundle.json"),
                        "--json"], capsys)
    report = one_json(out)
    assert code == 0
    assert report["valid"] is True and report["kind"] == "jp-core"


def test_gender_m_exits_2_with_the_report(capsys: pytest.CaptureFixture[str],
                                          tmp_path: Path) -> None:
    code, out, _ = run(["clinic", "open", str(FIXTURES / "fhir" / "clinic" / "gender-m.json"),
                        "--out", str(tmp_path / "out"), "--json"], capsys)
    report = one_json(out)
    assert code == 2
    assert "error" not in report  # the report object, not the bare error shape
    assert report["valid"] is False
    assert [e["path"] for e in report["errors"]] == [
        "Bundle.entry[0].resource.gender"]
    assert not (tmp_path / "out").exists()  # nothing written


def test_unsupported_file_exits_2_with_the_report(capsys: pytest.CaptureFixture[str],
                                                  tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_text("hello", encoding="utf-8")
    code, out, _ = run(["clinic", "open", str(path), "--json"], capsys)
    report = one_json(out)
    assert code == 2 and report["valid"] is False and report["kind"] is None
    assert report["errors"]


def test_out_writes_fhir_and_csv(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, out, err = run(["clinic", "open", str(FIXTURES / "cda" / "edge_interpretation.xml"),
                          "--out", str(tmp_path)], capsys)
    assert code == 0
    assert "tokutei-cda (valid)" in out
    assert "Checkup 2024-06-03: 2 flagged items" in out
    assert sorted(p.name for p in tmp_path.iterdir()) == ["checkups.csv", "clinic-fhir.json"]
    assert "wrote" in err


def test_share_without_passphrase_is_missing_secret(capsys: pytest.CaptureFixture[str],
                                                    tmp_path: Path) -> None:
    from phrapp.io.share_package import seal
    from phrapp.storage import kdf

    path = tmp_path / "p.phrapp"
    path.write_bytes(seal({"b.json": (FIXTURES / "fhir" / "clinic" / "valid-bundle.json")
                           .read_bytes()}, PASS, params=kdf.TEST_PARAMS))
    code, out, _ = run(["clinic", "open", str(path), "--json"], capsys)
    assert code == 2
    assert one_json(out)["error"]["code"] == "missing-secret"


def test_share_with_passphrase(capsys: pytest.CaptureFixture[str], tmp_path: Path,
                               monkeypatch: pytest.MonkeyPatch) -> None:
    from phrapp.io.share_package import seal
    from phrapp.storage import kdf

    path = tmp_path / "p.phrapp"
    path.write_bytes(seal({"b.json": (FIXTURES / "fhir" / "clinic" / "valid-bundle.json")
                           .read_bytes()}, PASS, params=kdf.TEST_PARAMS))
    monkeypatch.setenv("PHRAPP_SHARE_PASSPHRASE", PASS)
    code, out, _ = run(["clinic", "open", str(path), "--json"], capsys)
    report = one_json(out)
    assert code == 0 and report["kind"] == "share" and report["valid"] is True
    monkeypatch.setenv("PHRAPP_SHARE_PASSPHRASE", "not the passphrase at all")
    code, out, _ = run(["clinic", "open", str(path), "--json"], capsys)
    assert code == 2 and one_json(out)["valid"] is False


def test_human_summary(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["clinic", "open", str(FIXTURES / "fhir" / "clinic" / "valid-bundle.json")],
                       capsys)
    assert code == 0
    assert "Patient: 山田　花子 / ヤマダ ハナコ  sex female  born 1960-04-01" in out
    assert "Latest BP: 134/78 mmHg" in out
    assert "Home BP morning: 141.5/88 mmHg over 6 days" in out


def test_usage_error_exits_1(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, _ = run(["clinic", "open"], capsys)
    assert code == 1


def test_args_namespace_direct(capsys: pytest.CaptureFixture[str]) -> None:
    from phrapp.cli.commands_clinic import cmd_clinic_open

    args = argparse.Namespace(file=str(FIXTURES / "fhir" / "samples" / "Observation-bmi.json"),
                              out=None, json=True)
    assert cmd_clinic_open(args, Output(json_mode=True)) == 0
    assert one_json(capsys.readouterr().out)["counts"] == {"Observation": 1}


def test_clinic_viewer_flag_opens_the_window(capsys: pytest.CaptureFixture[str],
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    opened: list[Path] = []

    def fake_viewer(path: Path) -> int:
        opened.append(path)
        return 0

    monkeypatch.setattr("phrapp.ui.clinic_window.run_clinic_viewer", fake_viewer)
    bundle = FIXTURES / "fhir" / "clinic" / "valid-bundle.json"
    code, _out, _err = run(["--clinic", str(bundle)], capsys)
    assert code == 0 and opened == [bundle]
    code, _out, err = run(["--clinic", str(bundle), "--demo"], capsys)
    assert code == 1 and "--clinic" in err
