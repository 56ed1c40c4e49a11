"""``phrapp import`` of generic CSVs through the default registry: built-in header
mappings import, a header no mapping knows and UTF-16 without BOM exit 2, nothing
written; a saved mapping from the vault is used by the CLI too."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from phrapp.domain.csv_mapping import CsvMapping

CSV = Path(__file__).resolve().parents[2] / "fixtures" / "csv_mapped"


def test_builtin_headers_import_and_unknown_ones_are_refused(vault: Any) -> None:
    result = vault("import", str(CSV / "bp_cp932_builtin.csv"), "--json")
    assert result.code == 0, result.out
    (entry,) = result.json["files"]
    assert entry["format"] == "csv-mapped" and entry["added"] == {"bp": 2}
    weights = vault("import", str(CSV / "weight_lb_utf8bom.csv"), "--json").json
    assert weights["files"][0]["added"] == {"weight": 2}
    rows = vault("list", "weight", "--json").json
    assert {r["original_unit"] for r in rows} == {"lb"}
    for name in ("no_match.csv", "bp_utf16_nobom.csv"):
        refused = vault("import", str(CSV / name), "--json")
        assert refused.code == 2, name
        assert refused.json["error"]["code"] in {"unsupported-format", "encoding"}
    assert len(vault("list", "bp", "--json").json) == 2  # nothing else written


def test_a_saved_mapping_is_used_by_the_cli(vault: Any) -> None:
    from phrapp.cli.context import open_session
    from phrapp.services.csv_mappings import CsvMappingService

    refused = vault("import", str(CSV / "bp_cp932_dialog.csv"), "--json")
    assert refused.code == 2  # its headers (上の血圧 …) match no built-in mapping
    mapping = CsvMapping(name="血圧手帳", kind="bp", encoding="cp932",
                         columns={"date": 0, "time": 1, "systolic": 2, "diastolic": 3,
                                  "pulse": 4},
                         header=("日付", "時間", "上の血圧", "下の血圧", "脈拍", "メモ"))
    with open_session(argparse.Namespace(vault=None)) as session:
        CsvMappingService(session).save(mapping)
    result = vault("import", str(CSV / "bp_cp932_dialog.csv"), "--json")
    assert result.code == 0, result.out
    (entry,) = result.json["files"]
    assert entry["format"] == "csv-mapped"
    assert entry["added"] == {"bp": 3}  # three readable rows; the two broken ones skipped
    assert sum(s["count"] for s in entry["skipped"]) == 2
    first = vault("list", "bp", "--json").json[0]
    assert first["measured_at"] == "2024-11-01T07:05:00+09:00"
    assert (first["systolic"], first["diastolic"], first["pulse"]) == (128, 82, 66)
