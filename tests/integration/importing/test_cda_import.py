"""``phrapp import`` of 特定健診 CDA files and archives, end to end.

In-process through ``phrapp.cli.main`` (fast KDF via the test hook) for the CONTRACT
JSON, the people rule, idempotence, undo and the stored originals; hostile files both
in-process and as real ``python -m phrapp`` processes against a vault made by the real
CLI (wall time and peak RSS compared with a ``list checkups`` baseline: < 1 s and
< 100 MB more, specs/security.md T3/T4).
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import subprocess
import sys
import time
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from cli_support import Cli, query

PASS = "correct horse battery staple 7"
FIX = Path(__file__).resolve().parents[2] / "fixtures" / "cda"
FULL = FIX / "full_period4.xml"
OID = "1.2.392.200119.6."
CANARY_TEXT = "CANARY-5d1e-xxe-must-not-leak"


# -- in-process CLI -------------------------------------------------------------------------


@pytest.fixture
def taro_vault(cli: Cli) -> Cli:
    """A vault whose profile 本人 is the examinee of the fixtures (male, 1960-04-01)."""
    result = cli("init", "--profile", "本人", "--sex", "male", "--birth", "1960-04-01", "--json")
    assert result.code == 0, result.err
    return cli


@pytest.fixture
def other_vault(cli: Cli) -> Cli:
    """A vault whose only profile is somebody else (male, 1970-01-02)."""
    result = cli("init", "--profile", "本人", "--sex", "male", "--birth", "1970-01-02", "--json")
    assert result.code == 0, result.err
    return cli


def dump_database(tmp_path: Path) -> str:
    from phrapp.services.session import Session

    with Session.open(tmp_path / "vault", passphrase=PASS) as session:
        tables = [r[0] for r in session.db.query(
            "SELECT name FROM sqlite_master WHERE type = 'table'")]
        return "\n".join(repr(session.db.query(f'SELECT * FROM "{t}"')) for t in tables)


def item(code: str, name: str, value: Any, display: str | None, system: str | None = None,
         unit: str | None = None, flag: str | None = None) -> dict[str, Any]:
    return {"code": code, "name": name, "value": value, "value_display": display,
            "code_system": system, "unit": unit, "comparator": None, "flag": flag,
            "status": "measured"}


EXPECTED_ITEMS = [
    item("9N001000000000001", "身長", 168.2, "168.2", unit="cm"),
    item("9N006000000000001", "体重", 65.4, "65.4", unit="kg"),
    item("9N011000000000001", "BMI", 23.1, "23.1", unit="kg/m2"),
    item("9N016160100000001", "腹囲(実測）", 84.5, "84.5", unit="cm"),
    item("9A751000000000001", "収縮期血圧(1回目)", 128, "128", unit="mm[Hg]"),
    item("9A761000000000001", "拡張期血圧(1回目)", 82, "82", unit="mm[Hg]"),
    item("9A752000000000001", "収縮期血圧(2回目)", 124, "124", unit="mm[Hg]"),
    item("9A762000000000001", "拡張期血圧(2回目)", 80, "80", unit="mm[Hg]"),
    item("9N141000000000011", "採血時間(食後)", "2", "食後10時間以上", OID + "2202"),
    item("3F015000002327101", "空腹時中性脂肪(トリグリセリド)", 98, "98", unit="mg/dL"),
    item("3F070000002327101", "HDLコレステロール", 58, "58", unit="mg/dL"),
    item("3F077000002327101", "LDLコレステロール", 132, "132", unit="mg/dL", flag="H"),
    item("3B035000002327201", "AST(GOT)", 22, "22", unit="U/L"),
    item("3B045000002327201", "ALT(GPT)", 25, "25", unit="U/L"),
    item("3B090000002327101", "γ-GT(γ-GTP)", 30, "30", unit="U/L"),
    item("3D010000001926101", "空腹時血糖", 102, "102", unit="mg/dL", flag="H"),
    item("3D046000001906202", "HbA1c(NGSP値)", 5.8, "5.8", unit="%", flag="H"),
    item("1A020000000191111", "尿糖", "1", "－", OID + "2102"),
    item("1A010000000191111", "尿蛋白", "2", "±", OID + "2102"),
    item("9N056000000000011", "既往歴", "2", "特記すべきことなし", OID + "2001"),
    item("9N061000000000011", "自覚症状", "2", "特記すべきことなし", OID + "2001"),
    item("9N066000000000011", "他覚症状", "2", "特記すべきことなし", OID + "2001"),
    item("9N701000000000011", "服薬1(血圧)", "2", "服薬なし", OID + "2003"),
    item("9N706000000000011", "服薬2(血糖)", "2", "服薬なし", OID + "2003"),
    item("9N711000000000011", "服薬3(脂質)", "2", "服薬なし", OID + "2003"),
    item("9N736000000000011", "喫煙", "3", "いいえ", OID + "24060"),
    item("9N786000000000011", "飲酒", "4", "週1～2日", OID + "24040"),
    item("9N791000000000011", "飲酒量", "1", "1合未満", OID + "24050"),
    item("9N501000000000011", "メタボリックシンドローム判定", "3", "非該当", OID + "1008"),
    item("9N506000000000011", "保健指導レベル", "3", "なし", OID + "3001"),
    item("9N511000000000049", "医師の診断(判定)", "特記すべき所見なし。", "特記すべき所見なし。"),
]
UTC = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$")


# -- CONTRACT §3/§4 ---------------------------------------------------------------------------


def test_import_then_list_checkups_matches_the_contract(taro_vault: Cli) -> None:
    result = taro_vault("import", str(FULL), "--json")
    assert result.code == 0, result.err
    batch = result.json["batch"]
    assert result.json["files"] == [{
        "file": "full_period4.xml", "format": "tokutei-cda", "persons": 1, "profile": "本人",
        "added": {"checkups": 1}, "replaced": {}, "duplicates": {}, "skipped": [],
        "warnings": [], "profiles_created": []}]
    rows = taro_vault("list", "checkups", "--json").json
    assert len(rows) == 1
    row = rows[0]
    assert set(row) == {"id", "profile", "provenance", "source", "created_at", "updated_at",
                        "date", "institution", "sex", "birth_date", "metabolic_syndrome",
                        "guidance_level", "items"}
    assert re.fullmatch(r"[0-9a-f-]{36}", row["id"])
    assert UTC.match(row["created_at"]) and UTC.match(row["updated_at"])
    assert {k: v for k, v in row.items() if k not in ("id", "created_at", "updated_at")} == {
        "profile": "本人", "provenance": "checkup",
        "source": {"app": "tokutei-cda", "device": None, "batch": batch},
        "date": "2024-06-03",
        "institution": {"id": "1310000001", "name": "架空健診センター"},
        "sex": "male", "birth_date": "1960-04-01",
        "metabolic_syndrome": 3, "guidance_level": 3,
        "items": EXPECTED_ITEMS,
    }
    # Numbers are JSON numbers; whole numbers print without ".0".
    assert '"value":128,' in taro_vault("list", "checkups", "--json").out


def test_stored_original_equals_the_file_bytes(taro_vault: Cli, tmp_path: Path) -> None:
    assert taro_vault("import", str(FULL), "--json").code == 0
    data = FULL.read_bytes()
    [(doc_id, fmt, name, sha, content)] = query(
        tmp_path, "SELECT id, format, name, sha256, content FROM documents")
    assert (fmt, name) == ("tokutei-cda", "full_period4.xml")
    assert bytes(content) == data and sha == hashlib.sha256(data).hexdigest()
    assert query(tmp_path, "SELECT document_id FROM checkups") == [(doc_id,)]


# -- people rule ---------------------------------------------------------------------------------


def test_archive_with_two_examinees_needs_create_profiles(other_vault: Cli,
                                                           tmp_path: Path) -> None:
    archive = FIX / "archive_standard.zip"
    refused = other_vault("import", str(archive), "--json")
    assert refused.code == 2
    assert refused.json["error"]["code"] == "unknown-person"
    assert other_vault("list", "checkups", "--all-profiles", "--json").json == []
    assert query(tmp_path, "SELECT count(*) FROM documents") == [(0,)]

    created = other_vault("import", str(archive), "--create-profiles", "--json")
    assert created.code == 0, created.err
    [entry] = created.json["files"]
    assert entry["format"] == "tokutei-cda" and entry["persons"] == 2
    assert entry["profiles_created"] == ["ケンシン　タロウ", "ケンシン　ハナコ"]
    assert entry["profiles"] == ["ケンシン　タロウ", "ケンシン　ハナコ"]
    assert entry["added"] == {"checkups": 2} and entry["warnings"] == []
    profiles = {p["name"]: p for p in other_vault("profile", "list", "--json").json}
    assert set(profiles) == {"本人", "ケンシン　タロウ", "ケンシン　ハナコ"}
    assert (profiles["ケンシン　タロウ"]["sex"], profiles["ケンシン　タロウ"]["birth_date"],
            profiles["ケンシン　タロウ"]["name_kana"]) == ("male", "1960-04-01", "ケンシン　タロウ")
    assert (profiles["ケンシン　ハナコ"]["sex"], profiles["ケンシン　ハナコ"]["birth_date"]) == \
        ("female", "1965-08-15")
    rows = other_vault("list", "checkups", "--all-profiles", "--json").json
    assert sorted((r["profile"], r["sex"]) for r in rows) == \
        [("ケンシン　タロウ", "male"), ("ケンシン　ハナコ", "female")]
    # Each original is stored under its examinee's profile, byte for byte.
    stored = query(tmp_path, "SELECT d.name, p.name, d.content FROM documents d "
                             "JOIN profiles p ON p.id = d.profile_id ORDER BY d.name")
    with zipfile.ZipFile(archive) as zf:
        assert [(n, who, bytes(c)) for n, who, c in stored] == [
            (n, who, zf.read(n)) for n, who in [
                ("1310000001_06130012_202406101_1/DATA/h1310000001202406101_0001_06130012.xml",
                 "ケンシン　タロウ"),
                ("1310000001_06130012_202406101_1/DATA/h1310000001202406101_0002_06130012.xml",
                 "ケンシン　ハナコ")]]


def test_empty_profile_adopts_the_examinee(cli: Cli) -> None:
    assert cli("init", "--profile", "本人", "--json").code == 0
    result = cli("import", str(FULL), "--json")
    assert result.code == 0, result.err
    [entry] = result.json["files"]
    assert entry["profile"] == "本人" and entry["added"] == {"checkups": 1}
    assert entry["warnings"] == ["profile '本人' took the birth date and sex from the file"]
    [profile] = cli("profile", "list", "--json").json
    assert (profile["sex"], profile["birth_date"], profile["name_kana"]) == \
        ("male", "1960-04-01", "ケンシン　タロウ")
    # The next exam of the same person now matches by birth date + sex + kana.
    again = cli("import", str(FIX / "full_period4_2025.xml"), "--json").json["files"][0]
    assert again["added"] == {"checkups": 1} and again["warnings"] == []


# -- idempotence ---------------------------------------------------------------------------------


def test_idempotent_reimport_reencoded_copy_and_a_second_exam(taro_vault: Cli,
                                                             tmp_path: Path) -> None:
    assert taro_vault("import", str(FULL), "--json").code == 0
    before = taro_vault("list", "checkups", "--json").json
    same = taro_vault("import", str(FULL), "--json").json["files"][0]
    assert (same["added"], same["duplicates"]) == ({}, {"checkups": 1})
    assert "this file was imported before; only new records are added" in same["warnings"]
    reencoded = FIX / "full_period4_reencoded.xml"
    assert reencoded.read_bytes() != FULL.read_bytes()
    assert b"\r\n" in FULL.read_bytes() and b"\r\n" not in reencoded.read_bytes()
    copy = taro_vault("import", str(reencoded), "--json").json["files"][0]
    assert (copy["added"], copy["duplicates"]) == ({}, {"checkups": 1})
    assert taro_vault("list", "checkups", "--json").json == before  # nothing changed
    # Duplicates do not store their original a second time.
    assert query(tmp_path, "SELECT count(*) FROM documents") == [(1,)]
    second = taro_vault("import", str(FIX / "full_period4_2025.xml"), "--json").json["files"][0]
    assert (second["added"], second["duplicates"]) == ({"checkups": 1}, {})
    rows = taro_vault("list", "checkups", "--json").json
    assert [r["date"] for r in rows] == ["2024-06-03", "2025-06-02"]
    assert rows[0] == before[0]


def test_folder_of_data_files_and_the_archive_overlap(taro_vault: Cli, tmp_path: Path) -> None:
    folder = tmp_path / "DATA"
    folder.mkdir()
    (folder / "h0001.xml").write_bytes(FULL.read_bytes())
    (folder / "readme.txt").write_text("not a checkup", encoding="utf-8")
    first = taro_vault("import", str(folder), "--json")
    assert first.code == 0, first.err
    assert [f["file"] for f in first.json["files"]] == ["h0001.xml"]
    second = taro_vault("import", str(FIX / "archive_no_top.zip"), "--create-profiles",
                        "--json").json["files"][0]
    assert second["added"] == {"checkups": 1} and second["duplicates"] == {"checkups": 1}


# -- undo ------------------------------------------------------------------------------------------


def _state(cli: Cli, tmp_path: Path) -> tuple[Any, ...]:
    return (cli("list", "checkups", "--all-profiles", "--json").json,
            cli("profile", "list", "--json").json,
            query(tmp_path, "SELECT id, profile_id, format, name, sha256 FROM documents "
                            "ORDER BY id"))


def test_undo_restores_the_exact_previous_state(taro_vault: Cli, tmp_path: Path) -> None:
    assert taro_vault("import", str(FULL), "--json").code == 0
    before = _state(taro_vault, tmp_path)
    batch = taro_vault("import", str(FIX / "archive_standard.zip"), str(FIX / "full_period4_2025.xml"),
                       "--create-profiles", "--json").json["batch"]
    assert _state(taro_vault, tmp_path) != before
    undone = taro_vault("import", "undo", batch, "--json")
    assert undone.code == 0 and undone.json["undone"] is True
    assert _state(taro_vault, tmp_path) == before


def test_undo_reverts_an_adopted_identity(cli: Cli, tmp_path: Path) -> None:
    assert cli("init", "--profile", "本人", "--json").code == 0
    before = _state(cli, tmp_path)
    batch = cli("import", str(FULL), "--json").json["batch"]
    assert cli("import", "undo", batch, "--json").code == 0
    assert _state(cli, tmp_path) == before
    [profile] = cli("profile", "list", "--json").json
    assert (profile["sex"], profile["birth_date"], profile["name_kana"]) == (None, None, None)


# -- hostile input -----------------------------------------------------------------------------------


def _zip(path: Path, members: list[tuple[str, bytes]]) -> Path:
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, data in members:
            archive.writestr(zipfile.ZipInfo(name, date_time=(2024, 6, 10, 0, 0, 0)), data)
    return path


def _zip_bomb(path: Path) -> Path:
    """90 MiB of zeros compressed to about 90 KB (ratio ~1,000) beside a real CDA."""
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        zf.writestr("DATA/h0001.xml", FULL.read_bytes())
        info = zipfile.ZipInfo("DATA/h0002.xml", date_time=(2024, 6, 10, 0, 0, 0))
        info.compress_type = zipfile.ZIP_DEFLATED
        with zf.open(info, "w", force_zip64=True) as member:
            chunk = b"\0" * 2**20
            for _ in range(90):
                member.write(chunk)
    return path


HOSTILE: dict[str, str] = {  # name -> the CONTRACT error slug expected
    "truncated.xml": "malformed",
    "not_cda.xml": "unsupported-format",
    "billion_laughs.xml": "hostile-input",
    "quadratic.xml": "hostile-input",
    "xxe.xml": "hostile-input",
    "external_dtd.xml": "hostile-input",
    "deep.xml": "hostile-input",
    "bomb.zip": "hostile-input",
    "traversal.zip": "hostile-input",
    "many_members.zip": "hostile-input",
}


def build_hostile(name: str, folder: Path) -> Path:
    path = folder / name
    if name in ("truncated.xml", "not_cda.xml"):
        path.write_bytes((FIX / "negative" / name).read_bytes())
    elif name in ("billion_laughs.xml", "external_dtd.xml"):
        path.write_bytes((FIX / "hostile" / name).read_bytes())
    elif name == "quadratic.xml":  # 50,000 references to a 50 KB entity
        path.write_bytes(
            b'<?xml version="1.0"?>\n<!DOCTYPE ClinicalDocument [<!ENTITY a "' + b"x" * 50_000
            + b'">]>\n<ClinicalDocument xmlns="urn:hl7-org:v3"><title>' + b"&a;" * 50_000
            + b"</title></ClinicalDocument>\n")
    elif name == "xxe.xml":
        canary = folder / "canary.txt"
        canary.write_text(CANARY_TEXT, encoding="utf-8")
        path.write_bytes(
            (f'<?xml version="1.0"?>\n<!DOCTYPE ClinicalDocument [<!ENTITY xxe SYSTEM '
             f'"file://{canary}">]>\n' + FULL.read_text(encoding="utf-8")
             .split("?>", 1)[1].replace("ケンシン　タロウ", "&xxe;")).encode("utf-8"))
    elif name == "deep.xml":
        path.write_bytes(b'<ClinicalDocument xmlns="urn:hl7-org:v3">' + b"<a>" * 10_000
                         + b"</a>" * 10_000 + b"</ClinicalDocument>")
    elif name == "bomb.zip":
        _zip_bomb(path)
    elif name == "traversal.zip":
        _zip(path, [("DATA/h0001.xml", FULL.read_bytes()), ("../../evil.txt", b"owned")])
    elif name == "many_members.zip":
        _zip(path, [("DATA/h0001.xml", FULL.read_bytes())]
             + [(f"DATA/pad{n:04d}.txt", b"") for n in range(1001)])
    else:  # pragma: no cover
        raise AssertionError(name)
    return path


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_file_exit_2_nothing_written(name: str, taro_vault: Cli, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    path = build_hostile(name, folder)
    profiles = taro_vault("profile", "list", "--json").json
    result = taro_vault("import", str(path), "--json")
    assert result.code == 2, result.out + result.err
    assert result.json["error"]["code"] == HOSTILE[name]
    assert taro_vault("import", "history", "--json").json == []
    assert taro_vault("list", "checkups", "--all-profiles", "--json").json == []
    assert taro_vault("profile", "list", "--json").json == profiles
    assert query(tmp_path, "SELECT count(*) FROM documents") == [(0,)]
    assert not (tmp_path / "evil.txt").exists() and not (folder.parent / "evil.txt").exists()
    if name == "xxe.xml":
        assert CANARY_TEXT not in result.out + result.err
        assert CANARY_TEXT not in dump_database(tmp_path)


# -- real processes: time and memory guards ---------------------------------------------------------

# Runs phrapp.cli.main and reports its peak RSS. Argon2id (256 MiB) dominates that peak,
# so the wrapper also resets the kernel's high-water mark when the import's parse phase
# (ImportService.preview) starts and reports the parse phase's own peak and duration.
WRAPPER = """
import resource, sys, time
def status(key):
    with open('/proc/self/status') as handle:
        for line in handle:
            if line.startswith(key):
                return int(line.split()[1])
    return -1
def reset_peak():
    try:
        with open('/proc/self/clear_refs', 'w') as handle:
            handle.write('5')
        return True
    except OSError:
        return False
from phrapp.services import import_service
original = import_service.ImportService.preview
peak_before_reset = [0]
def preview(self, *args, **kwargs):
    peak_before_reset[0] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    ok = reset_peak()
    start_rss = status('VmRSS:')
    started = time.monotonic()
    try:
        return original(self, *args, **kwargs)
    finally:
        sys.stderr.write('\\nPARSE_SECONDS=%.4f\\n' % (time.monotonic() - started))
        if ok:
            sys.stderr.write('PARSE_PEAK_KB=%d\\n' % (status('VmHWM:') - start_rss))
import_service.ImportService.preview = preview
from phrapp.cli import main
code = main(sys.argv[1:])
# The whole process's peak, as if the high-water mark had never been reset.
peak = max(peak_before_reset[0], resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
sys.stderr.write('\\nMAXRSS_KB=%d\\n' % peak)
sys.exit(code)
"""


@dataclass
class Run:
    code: int
    out: str
    err: str
    seconds: float
    rss_kb: int
    parse_seconds: float | None = None
    parse_peak_kb: int | None = None


def run_phrapp(vault: Path, *argv: str) -> Run:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PHRAPP_")}
    env.update({"PHRAPP_VAULT": str(vault), "PHRAPP_PASSPHRASE": PASS})
    started = time.monotonic()
    done = subprocess.run([sys.executable, "-c", WRAPPER, *argv], env=env,
                          capture_output=True, text=True, timeout=120,
                          stdin=subprocess.DEVNULL)
    seconds = time.monotonic() - started
    match = re.search(r"MAXRSS_KB=(\d+)", done.stderr)
    assert match, done.stderr
    parse_seconds = re.search(r"PARSE_SECONDS=([\d.]+)", done.stderr)
    parse_peak = re.search(r"PARSE_PEAK_KB=(-?\d+)", done.stderr)
    return Run(done.returncode, done.stdout, done.stderr, seconds, int(match.group(1)),
               float(parse_seconds.group(1)) if parse_seconds else None,
               int(parse_peak.group(1)) if parse_peak else None)


@pytest.fixture(scope="module")
def real_vault(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, Path]]:
    """A vault made by the real CLI (calibrated KDF) and the hostile files."""
    root = tmp_path_factory.mktemp("cda-real")
    vault = root / "vault"
    made = run_phrapp(vault, "init", "--profile", "本人", "--sex", "male", "--birth",
                      "1960-04-01", "--json")
    assert made.code == 0, made.err
    files = root / "files"
    files.mkdir()
    for name in HOSTILE:
        build_hostile(name, files)
    yield vault, files


@pytest.fixture(scope="module")
def baseline(real_vault: tuple[Path, Path]) -> Run:
    vault, _ = real_vault
    runs = [run_phrapp(vault, "list", "checkups", "--json") for _ in range(3)]
    assert all(r.code == 0 and json.loads(r.out) == [] for r in runs)
    return Run(0, "", "", sum(r.seconds for r in runs) / len(runs),
               sum(r.rss_kb for r in runs) // len(runs))


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_file_in_a_real_process_is_cheap(name: str, real_vault: tuple[Path, Path],
                                                 baseline: Run,
                                                 record_property: Callable[[str, Any], None]
                                                 ) -> None:
    vault, files = real_vault
    run = run_phrapp(vault, "import", str(files / name), "--json")
    record_property("seconds", round(run.seconds, 3))
    record_property("baseline_seconds", round(baseline.seconds, 3))
    record_property("rss_kb", run.rss_kb)
    record_property("baseline_rss_kb", baseline.rss_kb)
    record_property("parse_seconds", run.parse_seconds)
    record_property("parse_peak_kb", run.parse_peak_kb)
    assert run.code == 2, run.out + run.err
    assert json.loads(run.out)["error"]["code"] == HOSTILE[name]
    assert CANARY_TEXT not in run.out + run.err
    assert run.seconds - baseline.seconds < 1.0
    assert (run.rss_kb - baseline.rss_kb) < 100 * 1024
    # The parse phase itself (not hidden under the KDF's peak): same limits.
    assert run.parse_seconds is not None and run.parse_seconds < 1.0
    if run.parse_peak_kb is not None:
        assert run.parse_peak_kb < 100 * 1024


@pytest.mark.slow
def test_real_vault_is_untouched_after_the_hostile_files(real_vault: tuple[Path, Path],
                                                         baseline: Run) -> None:
    vault, _ = real_vault
    history = run_phrapp(vault, "import", "history", "--json")
    assert history.code == 0 and json.loads(history.out) == []


# -- hand entry vs import ------------------------------------------------------------------------

_SAME = ("code", "value", "value_display", "unit", "comparator", "status")


def test_hand_entered_and_imported_checkups_list_identically(taro_vault: Cli) -> None:
    """The same paper values typed by hand list like the imported exam (CONTRACT §4)."""
    imported = taro_vault("import", str(FULL), "--json")
    assert imported.code == 0
    exam = taro_vault("list", "checkups", "--json").json[0]
    typed = [i for i in exam["items"]
             if i["status"] == "measured" and i["comparator"] is None
             and (isinstance(i["value"], int | float) or i["code_system"])]
    assert len(typed) >= 10
    pairs = [f"{i['code']}={i['value']}" for i in typed]
    hand = taro_vault("add", "checkup", "--date", exam["date"], "--facility", "紙の結果表",
                      *pairs, "--json")
    assert hand.code == 0, hand.err
    rows = {r["provenance"]: r for r in taro_vault("list", "checkups", "--json").json}
    assert set(rows) == {"checkup", "manual"}
    assert set(rows["manual"]) == set(rows["checkup"])  # same keys, same shape
    by_code = {i["code"]: i for i in rows["manual"]["items"]}
    for item in typed:
        assert {k: item[k] for k in _SAME} == {k: by_code[item["code"]][k] for k in _SAME}
    assert (rows["manual"]["sex"], rows["manual"]["birth_date"]) == \
        (rows["checkup"]["sex"], rows["checkup"]["birth_date"])
