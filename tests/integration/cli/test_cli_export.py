"""``phrapp export`` per CONTRACT §3: formats, --out file vs folder, --plaintext, share.

Round trips (CONTRACT §5 "Identical records"): what one vault exports, a fresh vault
imports back to the same records.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from cli_support import make_cli

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"
CDA = FIXTURES / "cda"
JAHIS = FIXTURES / "jahis"
COMMON = {"id", "source", "created_at", "updated_at", "provenance", "profile"}


def _strip(records: list[dict[str, Any]]) -> list[str]:
    """Records without the keys identical-record comparison ignores, as sorted JSON."""
    return sorted(json.dumps({k: v for k, v in r.items() if k not in COMMON},
                             sort_keys=True, ensure_ascii=False) for r in records)


@pytest.fixture
def filled(vault: Any, tmp_path: Path) -> Any:
    """Taro's vault: a CDA checkup, a JAHIS file and hand-entered readings."""
    assert vault("profile", "set", "本人", "--sex", "male", "--birth", "1960-04-01").code == 0
    assert vault("import", str(CDA / "full_period4.xml"), "--json").code == 0
    assert vault("add", "bp", "128", "82", "--pulse", "66", "--at",
                 "2026-11-20T07:05:00+09:00", "--context", "morning").code == 0
    assert vault("add", "bp", "121", "77", "--at", "2026-11-20T21:30:00-05:00").code == 0
    assert vault("add", "weight", "70.4", "--at", "2026-11-21T07:00:00+09:00").code == 0
    assert vault("add", "steps", "8123", "--date", "2026-11-21").code == 0
    return vault


def _fresh(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
           capsys: pytest.CaptureFixture[str], name: str) -> Any:
    other = make_cli(tmp_path / name / "vault", monkeypatch, capsys)
    assert other("init", "--profile", "本人", "--sex", "male", "--birth", "1960-04-01",
                 "--json").code == 0
    return other


def test_plaintext_formats_need_the_flag(filled: Any, tmp_path: Path) -> None:
    result = filled("export", "--format", "csv", "--out", str(tmp_path / "x"), "--json")
    assert result.code == 2
    assert result.json["error"]["code"] == "plaintext-required"
    assert not (tmp_path / "x").exists()


def test_usage_errors_exit_1(filled: Any, tmp_path: Path) -> None:
    assert filled("export", "--format", "xml", "--out", str(tmp_path / "x")).code == 1
    assert filled("export", "--format", "csv", "--out", str(tmp_path / "x"), "--kinds",
                  "bp,nonsense", "--plaintext").code == 1
    assert filled("export", "--format", "csv", "--out", str(tmp_path / "x"), "--plaintext",
                  "--regenerate").code == 1


def test_cda_one_exam_is_one_file_byte_identical(filled: Any, tmp_path: Path) -> None:
    out = tmp_path / "checkup.xml"
    result = filled("export", "--format", "cda", "--out", str(out), "--plaintext", "--json")
    assert result.code == 0, result.err
    assert result.json["files"] == [str(out)] and result.json["counts"] == {"checkups": 1}
    assert out.read_bytes() == (CDA / "full_period4.xml").read_bytes()
    folder = tmp_path / "regen"
    folder.mkdir()  # an existing folder: files go inside it
    again = filled("export", "--format", "cda", "--out", str(folder), "--plaintext",
                   "--regenerate", "--json")
    assert again.code == 0, again.err
    (written,) = folder.iterdir()
    assert written.suffix == ".xml"
    assert written.read_bytes() != (CDA / "full_period4.xml").read_bytes()


def test_cda_round_trip_stored_and_regenerated(filled: Any, tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    before = filled("list", "checkups", "--json").json
    for flag in ((), ("--regenerate",)):
        out = tmp_path / f"cda{len(flag)}"
        out.mkdir()
        assert filled("export", "--format", "cda", "--out", str(out), "--plaintext",
                      *flag).code == 0
        other = _fresh(tmp_path, monkeypatch, capsys, f"fresh{len(flag)}")
        assert other("import", str(out), "--json").code == 0
        assert _strip(other("list", "checkups", "--json").json) == _strip(before)


def test_jahis_round_trip(vault: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                          capsys: pytest.CaptureFixture[str]) -> None:
    imported = vault("import", str(JAHIS / "full_cp932_crlf.txt"), "--create-profiles",
                     "--json")
    assert imported.code == 0, imported.out
    profile = imported.json["files"][0]["profile"]
    before = vault("list", "medications", "--profile", profile, "--json").json
    assert before
    out = tmp_path / "okusuri.txt"
    result = vault("export", "--format", "jahis", "--out", str(out), "--profile", profile,
                   "--plaintext", "--json")
    assert result.code == 0, result.err
    raw = out.read_bytes()
    assert b"\r\n" in raw and b"\n" not in raw.replace(b"\r\n", b"")
    raw.decode("cp932")
    other = make_cli(tmp_path / "fresh" / "vault", monkeypatch, capsys)
    assert other("init", "--profile", "x", "--json").code == 0
    again = other("import", str(out), "--json")
    assert again.code == 0, again.out
    assert _strip(other("list", "medications", "--json").json) == _strip(before)


def test_csv_folder_round_trip_and_period(filled: Any, tmp_path: Path,
                                          monkeypatch: pytest.MonkeyPatch,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "csv"
    result = filled("export", "--format", "csv", "--out", str(out), "--kinds",
                    "bp,weight,steps", "--plaintext", "--json")
    assert result.code == 0, result.err
    names = sorted(Path(f).name for f in result.json["files"])
    assert names == ["bp.csv", "steps.csv", "weight.csv"]
    assert result.json["counts"] == {"bp": 2, "weight": 1, "steps": 1}
    assert sorted(p.name for p in out.iterdir()) == names  # only importable files
    other = _fresh(tmp_path, monkeypatch, capsys, "csvfresh")
    assert other("import", str(out), "--json").code == 0
    for kind in ("bp", "weight", "steps"):
        assert _strip(other("list", kind, "--json").json) == \
            _strip(filled("list", kind, "--json").json), kind
    one_day = filled("export", "--format", "csv", "--out", str(tmp_path / "bp.csv"),
                     "--kinds", "bp", "--from", "2026-11-20", "--to", "2026-11-20",
                     "--plaintext", "--json")
    assert one_day.json["counts"] == {"bp": 1}  # the -05:00 reading is 11-21 in Tokyo
    assert (tmp_path / "bp.csv").is_file()


def test_share_package_prints_the_passphrase_once(filled: Any, tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "for-clinic.phrapp"
    result = filled("export", "--format", "share", "--out", str(out), "--json")
    assert result.code == 0, result.err
    assert set(result.json) == {"file", "passphrase"}
    assert result.json["file"] == str(out)
    from phrapp.io.share_package import ShareError, open_package

    package = open_package(out.read_bytes(), result.json["passphrase"])
    names = set(package.members)
    assert any(name.startswith("cda/") for name in names)
    assert any(name.startswith("csv/") for name in names)
    with pytest.raises(ShareError) as refused:
        open_package(out.read_bytes(), "wrong passphrase entirely 99")
    assert refused.value.code == "integrity"
    assert any(name.startswith("fhir/") for name in names)
    history = filled("list", "bp", "--json")  # the vault is still usable afterwards
    assert history.code == 0


def test_pdf_for_the_doctor(filled: Any, tmp_path: Path) -> None:
    out = tmp_path / "for-doctor.pdf"
    result = filled("export", "--format", "pdf", "--out", str(out), "--plaintext",
                    "--note", "朝の頭痛が続いています", "--json")
    assert result.code == 0, result.err
    data = out.read_bytes()
    assert data.startswith(b"%PDF") and data.rstrip().endswith(b"%%EOF")
    assert b"/FontFile2" in data  # the vendored Japanese font is embedded
    counts = [int(n) for n in re.findall(rb"/Count\s+(\d+)", data)]
    assert counts and 1 <= max(counts) <= 2  # the page tree: 1–2 pages


@pytest.mark.parametrize(("asked", "setting", "expected"), [
    (None, "system", "ja"), (None, "en", "en"), (None, "ja", "ja"), ("en", "ja", "en"),
    ("ja", "en", "ja")])
def test_pdf_language_defaults_to_japanese(asked: str | None, setting: str,
                                           expected: str) -> None:
    from phrapp.cli.commands_export import pdf_language

    assert pdf_language(asked, setting) == expected


def test_lang_is_only_for_pdf(filled: Any, tmp_path: Path) -> None:
    result = filled("export", "--format", "csv", "--out", str(tmp_path / "x"), "--plaintext",
                    "--lang", "en")
    assert result.code == 1


def test_share_package_moves_records_to_a_fresh_vault(filled: Any, tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch,
                                                      capsys: pytest.CaptureFixture[str]
                                                      ) -> None:
    out = tmp_path / "move.phrapp"
    shared = filled("export", "--format", "share", "--out", str(out), "--json")
    assert shared.code == 0, shared.err
    other = _fresh(tmp_path, monkeypatch, capsys, "newpc")
    monkeypatch.delenv("PHRAPP_SHARE_PASSPHRASE", raising=False)
    missing = other("import", str(out), "--json")
    assert missing.code == 2 and missing.json["error"]["code"] == "missing-secret"
    monkeypatch.setenv("PHRAPP_SHARE_PASSPHRASE", "WRONG-WRONG-WRONG-WRONG-WRONG-WRONG")
    wrong = other("import", str(out), "--json")
    assert wrong.code == 2 and wrong.json["error"]["code"] == "integrity"
    assert other("list", "bp", "--json").json == []
    monkeypatch.setenv("PHRAPP_SHARE_PASSPHRASE", shared.json["passphrase"])
    result = other("import", str(out), "--json")
    assert result.code == 0, result.out
    assert result.json["files"][0]["format"] == "phrapp-share"
    for kind in ("bp", "weight", "steps", "checkups"):
        assert _strip(other("list", kind, "--json").json) == \
            _strip(filled("list", kind, "--json").json), kind
    again = other("import", str(out), "--json").json["files"][0]
    assert not again["added"]  # a second import adds nothing


def test_out_with_a_trailing_slash_is_a_folder(filled: Any, tmp_path: Path) -> None:
    result = filled("export", "--format", "cda", "--out", f"{tmp_path}/new/", "--plaintext",
                    "--json")
    assert result.code == 0, result.err
    (written,) = (tmp_path / "new").iterdir()
    assert written.suffix == ".xml" and result.json["files"] == [str(written)]
