"""``phrapp import`` of JAHIS TC files, split data and QR images, end to end (in-process CLI).

CONTRACT §3 (import JSON), §4 (medications / allergies shapes), §5 (people rule,
idempotence with overlapping files: the same file, CRLF↔LF, another encoding, reordered
blocks, a re-export with one extra dispensing), undo, the stored originals, and refused
inputs (exit 2, nothing written).
"""

from __future__ import annotations

import json
import re
import struct
import zlib
from pathlib import Path
from typing import Any

import numpy as np
import pytest
import zxingcpp
from cli_support import Cli, query

from phrapp.io.importers.jahis_png import encode_png_grey

PASS = "correct horse battery staple 7"
FIX = Path(__file__).resolve().parents[2] / "fixtures" / "jahis"
FULL = FIX / "full_cp932_crlf.txt"
UTC = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$")


@pytest.fixture
def hanako(cli: Cli) -> Cli:
    """A vault whose profile 本人 is the patient of the fixtures (female, 1970-06-15)."""
    made = cli("init", "--profile", "本人", "--sex", "female", "--birth", "1970-06-15", "--json")
    assert made.code == 0, made.err
    return cli


@pytest.fixture
def stranger(cli: Cli) -> Cli:
    """A vault whose only profile is somebody else (male, 1970-01-02)."""
    made = cli("init", "--profile", "本人", "--sex", "male", "--birth", "1970-01-02", "--json")
    assert made.code == 0, made.err
    return cli


def strip(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [{k: v for k, v in r.items() if k not in ("id", "created_at", "updated_at", "source")}
            for r in rows]


def drug(name: str, code: str | None, system: str | None, dose: float, unit: str,
         usage: str | None, quantity: float, quantity_unit: str, form: str, start: str,
         end: str | None) -> dict[str, Any]:
    return {"name": name, "code": code, "code_system": system, "dose": dose, "unit": unit,
            "usage": usage, "quantity": quantity, "quantity_unit": quantity_unit,
            "form": form, "start": start, "end": end}


def otc(name: str, start: str, end: str | None) -> dict[str, Any]:
    return {"name": name, "code": None, "code_system": None, "dose": None, "unit": None,
            "usage": None, "quantity": None, "quantity_unit": None, "form": None,
            "start": start, "end": end}


def medication(origin: str, on: str, pharmacy: str | None, institution: str | None,
               doctor: str | None, drugs: list[dict[str, Any]]) -> dict[str, Any]:
    return {"profile": "本人", "provenance": "import", "origin": origin, "dispensed_on": on,
            "pharmacy": pharmacy, "prescriber_institution": institution, "doctor": doctor,
            "drugs": drugs}


PHARMACY = "架空調剤薬局 本町店"
EXPECTED_MEDICATIONS = [
    medication("dispensing", "2018-01-05", "架空病院 院内薬局", None, None, [
        drug("ﾑｺｿﾙﾊﾞﾝ錠15mg", "620002477", "receipt", 3, "錠", "【分３ 毎食後】", 7, "日分",
             "内服", "2018-01-05", "2018-01-11")]),
    medication("otc", "2024-03-01", None, None, None, [otc("ﾛｷｿﾆﾝS", "2024-03-01",
                                                           "2024-03-05")]),
    medication("dispensing", "2024-03-10", PHARMACY, "架空クリニック", "医院 次郎", [
        drug("アムロジピンＯＤ錠５ｍｇ「別」", "2171022F2999", "yj", 1, "錠", "【分１ 朝食後】", 14,
             "日分", "内服", "2024-03-10", "2024-03-23")]),
    medication("otc", "2024-03-10", None, None, None, [otc("ｶﾞｽﾀｰ10", "2024-03-10", None)]),
    medication("dispensing", "2024-04-01", PHARMACY, "架空総合病院", "医師 太郎", [
        drug("アムロジピン錠５ｍｇ「架空」", "2171022F1999", "yj", 1, "錠", "【分１ 朝食後】", 28,
             "日分", "内服", "2024-04-01", "2024-04-28"),
        drug("ﾛｷｿﾌﾟﾛﾌｪﾝNa錠60mg「架空」", "123456789", "hot", 1, "錠", "【疼痛時】", 10, "回分",
             "頓服", "2024-04-01", None)]),
    medication("dispensing", "2024-04-01", PHARMACY, "架空総合病院", "皮膚 花子", [
        drug("ヘパリン類似物質クリーム０．３％", "3339950N1", "mhlw", 25, "g",
             "【１日２回 患部に塗布】", 1, "調剤", "外用", "2024-04-01", None),
        drug("容器", None, None, 1, "個", None, 1, "調剤", "その他", "2024-04-01", None)]),
]
EXPECTED_ALLERGIES = [("allergy", "卵アレルギー①"), ("adverse-reaction", "ペニシリン系で発疹"),
                      ("history", "高血圧症（２０１５年～）"), ("other", "嚥下困難")]


def _sorted_meds(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return sorted(strip(rows), key=lambda r: (r["dispensed_on"], r["origin"] != "dispensing"
                                              and r["origin"] != "otc", json.dumps(r)))


# -- CONTRACT §3/§4 -------------------------------------------------------------------------------


def test_import_then_list_medications_and_allergies(hanako: Cli) -> None:
    result = hanako("import", str(FULL), "--json")
    assert result.code == 0, result.err
    batch = result.json["batch"]
    assert result.json["files"] == [{
        "file": "full_cp932_crlf.txt", "format": "jahis-tc", "persons": 1, "profile": "本人",
        "added": {"allergies": 4, "medications": 6}, "replaced": {}, "duplicates": {},
        "skipped": [], "profiles_created": [],
        "warnings": ["line 11 (record 88): unknown record number; kept",
                     "line 30 (record 999): unknown record number; kept"]}]
    meds = hanako("list", "medications", "--json").json
    for row in meds:
        assert set(row) == {"id", "profile", "provenance", "source", "created_at", "updated_at",
                            "origin", "dispensed_on", "pharmacy", "prescriber_institution",
                            "doctor", "drugs"}
        assert re.fullmatch(r"[0-9a-f-]{36}", row["id"])
        assert UTC.match(row["created_at"]) and UTC.match(row["updated_at"])
        assert row["source"] == {"app": "jahis-tc", "device": None, "batch": batch}
    assert [r["dispensed_on"] for r in meds] == sorted(r["dispensed_on"] for r in meds)
    assert _sorted_meds(meds) == _sorted_meds(EXPECTED_MEDICATIONS)
    allergies = hanako("list", "allergies", "--json").json
    for row in allergies:
        assert set(row) == {"id", "profile", "provenance", "source", "created_at", "updated_at",
                            "kind", "text", "recorded_on"}
        assert (row["profile"], row["provenance"], row["recorded_on"]) == ("本人", "import", None)
    assert sorted((r["kind"], r["text"]) for r in allergies) == sorted(EXPECTED_ALLERGIES)


def test_stored_original_equals_the_file_bytes(hanako: Cli, tmp_path: Path) -> None:
    assert hanako("import", str(FULL), "--json").code == 0
    [(fmt, name, content, profile)] = query(
        tmp_path, "SELECT d.format, d.name, d.content, p.name FROM documents d "
                  "JOIN profiles p ON p.id = d.profile_id")
    assert (fmt, name, bytes(content), profile) == ("jahis-tc", FULL.name, FULL.read_bytes(),
                                                    "本人")


# -- split data over several paths ----------------------------------------------------------------


def test_split_parts_as_several_paths_in_any_order(hanako: Cli, tmp_path: Path) -> None:
    parts = [FIX / f"split_{n}_of_3.txt" for n in (3, 1, 2)]
    result = hanako("import", *map(str, parts), "--json")
    assert result.code == 0, result.err
    [entry] = result.json["files"]
    assert entry["file"] == "split_3_of_3.txt + split_1_of_3.txt + split_2_of_3.txt"
    assert (entry["format"], entry["persons"], entry["added"]) == (
        "jahis-tc", 1, {"allergies": 1, "medications": 2})
    meds = hanako("list", "medications", "--json").json
    assert [(m["dispensed_on"], m["drugs"][0]["quantity"]) for m in meds] == [
        ("2024-03-10", 14), ("2024-04-01", 28)]
    stored = query(tmp_path, "SELECT name, content FROM documents ORDER BY name")
    assert [(n, bytes(c)) for n, c in stored] == [
        (f"split_{n}_of_3.txt", (FIX / f"split_{n}_of_3.txt").read_bytes()) for n in (1, 2, 3)]


def test_split_with_a_missing_part_exit_2_naming_it(hanako: Cli, tmp_path: Path) -> None:
    result = hanako("import", str(FIX / "split_3_of_3.txt"), str(FIX / "split_1_of_3.txt"),
                    "--json")
    assert result.code == 2
    error = result.json["error"]
    assert error["code"] == "malformed"
    assert "part 2 of 3 is missing" in error["message"]
    _assert_nothing_written(hanako, tmp_path)


# -- people rule ----------------------------------------------------------------------------------


def test_new_person_needs_create_profiles(stranger: Cli, tmp_path: Path) -> None:
    refused = stranger("import", str(FULL), "--json")
    assert refused.code == 2
    assert refused.json["error"]["code"] == "unknown-person"
    _assert_nothing_written(stranger, tmp_path)
    created = stranger("import", str(FULL), "--create-profiles", "--json")
    assert created.code == 0, created.err
    [entry] = created.json["files"]
    assert (entry["profile"], entry["profiles_created"], entry["persons"]) == (
        "髙橋 花子", ["髙橋 花子"], 1)
    profiles = {p["name"]: p for p in stranger("profile", "list", "--json").json}
    assert (profiles["髙橋 花子"]["sex"], profiles["髙橋 花子"]["birth_date"],
            profiles["髙橋 花子"]["name_kana"]) == ("female", "1970-06-15", "タカハシ ハナコ")
    rows = stranger("list", "medications", "--all-profiles", "--json").json
    assert {r["profile"] for r in rows} == {"髙橋 花子"} and len(rows) == 6
    # The next file of the same person goes to that profile without asking.
    again = stranger("import", str(FIX / "reexport_plus_one_utf8_lf.txt"), "--json")
    assert again.code == 0, again.err
    assert again.json["files"][0]["profile"] == "髙橋 花子"
    assert again.json["files"][0]["added"] == {"medications": 1}


def test_empty_profile_adopts_the_patient(cli: Cli) -> None:
    assert cli("init", "--profile", "本人", "--json").code == 0
    result = cli("import", str(FULL), "--json")
    assert result.code == 0, result.err
    assert "profile '本人' took the birth date and sex from the file" in \
        result.json["files"][0]["warnings"]
    [profile] = cli("profile", "list", "--json").json
    assert (profile["sex"], profile["birth_date"], profile["name_kana"]) == (
        "female", "1970-06-15", "タカハシ ハナコ")


# -- idempotence with overlapping files --------------------------------------------------------------


def _variant(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_idempotent_with_overlapping_files(hanako: Cli, tmp_path: Path) -> None:
    assert hanako("import", str(FULL), "--json").code == 0
    before_meds = hanako("list", "medications", "--json").json
    before_allergies = hanako("list", "allergies", "--json").json
    all_duplicates = {"allergies": 4, "medications": 6}
    same = hanako("import", str(FULL), "--json").json["files"][0]
    assert (same["added"], same["duplicates"]) == ({}, all_duplicates)
    assert "this file was imported before; only new records are added" in same["warnings"]
    text = FULL.read_bytes().decode("cp932")
    lf = _variant(tmp_path, "lf.txt", text.replace("\r\n", "\n").encode("cp932"))
    cr = _variant(tmp_path, "cr.txt", text.replace("\r\n", "\r").encode("cp932"))
    for path in (lf, cr, FIX / "full_utf8_lf.txt", FIX / "full_utf8_bom_crlf.txt"):
        copy = hanako("import", str(path), "--json")
        assert copy.code == 0, copy.err
        entry = copy.json["files"][0]
        assert (entry["added"], entry["duplicates"]) == ({}, all_duplicates), path.name
    # blocks reordered, another encoding and line end, plus one new dispensing
    plus_one = hanako("import", str(FIX / "reexport_plus_one_utf8_lf.txt"), "--json")
    entry = plus_one.json["files"][0]
    assert (entry["added"], entry["duplicates"]) == ({"medications": 1}, all_duplicates)
    after = hanako("list", "medications", "--json").json
    new = [m for m in after if m["id"] not in {b["id"] for b in before_meds}]
    assert [(m["dispensed_on"], m["drugs"][0]["name"], m["drugs"][0]["end"]) for m in new] == [
        ("2024-04-15", "ファモチジン錠２０ｍｇ「架空」", "2024-04-28")]
    assert [m for m in after if m["id"] in {b["id"] for b in before_meds}] == before_meds
    assert hanako("list", "allergies", "--json").json == before_allergies


def test_qr_image_of_an_imported_file_adds_nothing(hanako: Cli, tmp_path: Path) -> None:
    assert hanako("import", str(FULL), "--json").code == 0
    image = _qr_png(tmp_path / "okusuri.png", FULL.read_bytes())
    result = hanako("import", str(image), "--json")
    assert result.code == 0, result.err
    [entry] = result.json["files"]
    assert (entry["format"], entry["added"], entry["duplicates"]) == (
        "jahis-qr", {}, {"allergies": 4, "medications": 6})


# -- QR images -------------------------------------------------------------------------------------------


def _qr_png(path: Path, payload: bytes) -> Path:
    barcode = zxingcpp.create_barcode(payload, zxingcpp.BarcodeFormat.QRCode, ec_level="M")
    path.write_bytes(encode_png_grey(np.asarray(barcode.to_image(scale=3)).astype(np.uint8)))
    return path


def test_qr_split_over_two_images(hanako: Cli, tmp_path: Path) -> None:
    data = FULL.read_bytes()
    cut = len(data) // 2
    while not 0x81 <= data[cut - 1] <= 0x9F:  # inside a double-byte character
        cut += 1
    second = _qr_png(tmp_path / "qr_b.png", data[cut:])
    first = _qr_png(tmp_path / "qr_a.png", data[:cut])
    result = hanako("import", str(second), str(first), "--json")
    assert result.code == 0, result.err
    [entry] = result.json["files"]
    assert (entry["file"], entry["format"], entry["added"]) == (
        "qr_b.png + qr_a.png", "jahis-qr", {"allergies": 4, "medications": 6})
    assert _sorted_meds(hanako("list", "medications", "--json").json) == \
        _sorted_meds(EXPECTED_MEDICATIONS)
    [(name, content)] = query(tmp_path, "SELECT name, content FROM documents")
    assert (name, bytes(content)) == ("qr_a.png.txt", data)


# -- undo ------------------------------------------------------------------------------------------------


def _state(cli: Cli, tmp_path: Path) -> tuple[Any, ...]:
    return (cli("list", "medications", "--all-profiles", "--json").json,
            cli("list", "allergies", "--all-profiles", "--json").json,
            cli("profile", "list", "--json").json,
            query(tmp_path, "SELECT id, profile_id, format, name, sha256 FROM documents "
                            "ORDER BY id"))


def test_undo_restores_the_exact_previous_state(hanako: Cli, tmp_path: Path) -> None:
    assert hanako("import", str(FIX / "category2_cp932_crlf.txt"), "--create-profiles",
                  "--json").code == 0
    before = _state(hanako, tmp_path)
    batch = hanako("import", str(FULL), str(FIX / "split_1_of_3.txt"),
                   str(FIX / "split_2_of_3.txt"), str(FIX / "split_3_of_3.txt"),
                   "--json").json["batch"]
    assert _state(hanako, tmp_path) != before
    undone = hanako("import", "undo", batch, "--json")
    assert undone.code == 0 and undone.json["undone"] is True
    assert _state(hanako, tmp_path) == before


# -- refused input -------------------------------------------------------------------------------------


def _assert_nothing_written(cli: Cli, tmp_path: Path) -> None:
    assert cli("import", "history", "--json").json == []
    assert cli("list", "medications", "--all-profiles", "--json").json == []
    assert cli("list", "allergies", "--all-profiles", "--json").json == []
    assert query(tmp_path, "SELECT count(*) FROM documents") == [(0,)]


def _png_chunk(kind: bytes, body: bytes) -> bytes:
    return (struct.pack(">I", len(body)) + kind + body
            + struct.pack(">I", zlib.crc32(kind + body) & 0xFFFFFFFF))


HOSTILE: dict[str, tuple[bytes, str]] = {
    "utf16.txt": ((FIX / "full_utf16le_bom.txt").read_bytes(), "encoding"),
    "utf16_no_bom.txt": (FULL.read_bytes().decode("cp932").encode("utf-16-le"), "encoding"),
    "not_cp932.txt": (b"JAHISTC08,1\r\n1,\x82\xff\xfe,1,19800101\r\n", "encoding"),
    "nul.txt": (b"JAHISTC08,1\r\n1,a\x00b,1,19800101\r\n", "malformed"),
    "block_first.txt": (b"JAHISTC08,1\r\n201,1,x,1,y,1,,1\r\n", "malformed"),
    "bad_date.txt": (b"JAHISTC08,1\r\n5,H310501,1\r\n", "malformed"),
    "no_code.txt": ((FIX / "samples" / "tc-invalid-missing-drug-code.txt").read_bytes(),
                    "malformed"),
    "orphan_31.txt": ((FIX / "samples" / "tc-invalid-missing-otc-sequence-parent.txt")
                      .read_bytes(), "malformed"),
    "garbage_after_header.txt": (b"JAHISTC08,1\r\n\xde\xad\xbe\xef" * 3, "encoding"),
    "many_fields.txt": (b"JAHISTC08,1\r\n5" + b",1" * 1000 + b"\r\n", "malformed"),
    "long_line.txt": (b"JAHISTC08,1\r\n2,1," + b"a" * 70_000 + b",1\r\n", "malformed"),
    "huge.txt": (b"JAHISTC08,1\r\n" + b"2,1,a,1\r\n" * 1_400_000, "too-large"),
    "binary.bin": (bytes(range(256)) * 4, "unsupported-format"),
    "png_not_qr.png": (encode_png_grey(np.full((32, 32), 255, np.uint8)), "unsupported-format"),
    "png_60_megapixels.png": (b"\x89PNG\r\n\x1a\n" + _png_chunk(
        b"IHDR", struct.pack(">IIBBBBB", 10_000, 6_000, 8, 0, 0, 0, 0)), "too-large"),
}


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_refused_input_exit_2_nothing_written(name: str, hanako: Cli, tmp_path: Path) -> None:
    data, slug = HOSTILE[name]
    path = _variant(tmp_path, name, data)
    profiles = hanako("profile", "list", "--json").json
    result = hanako("import", str(path), "--json")
    assert result.code == 2, result.out + result.err
    assert set(result.json) == {"error"}
    assert result.json["error"]["code"] == slug, result.json
    assert hanako("profile", "list", "--json").json == profiles
    _assert_nothing_written(hanako, tmp_path)
    # messages never quote the file's content
    assert "髙橋" not in result.out + result.err


def test_dry_run_writes_nothing(hanako: Cli, tmp_path: Path) -> None:
    result = hanako("import", str(FULL), "--dry-run", "--json")
    assert result.code == 0 and result.json["batch"] is None
    assert result.json["files"][0]["added"] == {"allergies": 4, "medications": 6}
    _assert_nothing_written(hanako, tmp_path)


# -- folders, and the pipeline's grouping hook -------------------------------------------------------


def test_folder_with_split_parts_and_other_files(hanako: Cli, tmp_path: Path) -> None:
    folder = tmp_path / "okusuri"
    folder.mkdir()
    for n in (1, 2, 3):
        (folder / f"p{n}.txt").write_bytes((FIX / f"split_{n}_of_3.txt").read_bytes())
    (folder / "a_full.txt").write_bytes(FULL.read_bytes())
    (folder / "notes.md").write_text("not importable", encoding="utf-8")
    result = hanako("import", str(folder), "--json")
    assert result.code == 0, result.err
    assert [(f["file"], f["added"]) for f in result.json["files"]] == [
        ("a_full.txt", {"allergies": 4, "medications": 6}),
        ("p1.txt + p2.txt + p3.txt", {"medications": 1})]


def test_grouping_hook_keeps_order_and_checks_the_partition(session: Any,
                                                            tmp_path: Path) -> None:
    from phrapp.io.importers.base import ImporterRegistry, ImportSource
    from phrapp.io.importers.jahis_tc import JahisTcImporter
    from phrapp.services.import_service import ImportService

    class Dropping(JahisTcImporter):
        def group_sources(self, sources: Any) -> list[tuple[tuple[int, ...], ImportSource]]:
            return super().group_sources(sources)[:-1]

    paths = [FIX / "split_2_of_3.txt", FULL, FIX / "split_1_of_3.txt",
             FIX / "split_3_of_3.txt"]
    sources = ImportService(session).expand(paths)
    grouped = ImportService(session)._grouped(sources)
    assert [s.name for s in grouped] == [
        "split_2_of_3.txt + split_1_of_3.txt + split_3_of_3.txt", FULL.name]
    registry = ImporterRegistry()
    registry.register(Dropping())
    with pytest.raises(RuntimeError, match="exactly once"):
        ImportService(session, registry)._grouped(sources)


def test_duplicates_do_not_store_the_original_twice(hanako: Cli, tmp_path: Path) -> None:
    assert hanako("import", str(FULL), "--json").code == 0
    assert hanako("import", str(FULL), "--json").code == 0
    assert query(tmp_path, "SELECT count(*) FROM documents") == [(1,)]
