"""The 特定健診 item code table (第4期): counts, lookups, aliases, and that it is up to date."""

from __future__ import annotations

import dataclasses
import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

from phrapp.domain.codes import checkup_items_table
from phrapp.domain.codes.checkup_items import (
    COMMON_LABS,
    ItemDef,
    all_items,
    by_name,
    decimals,
    item,
)

REPO = Path(__file__).resolve().parents[3]
GENERATOR = REPO / "tools" / "gen_item_codes.py"
GENERATED = REPO / "phrapp" / "domain" / "codes" / "checkup_items_table.py"

N_MAIN = 322
N_EXT = 201


def _load_generator() -> ModuleType:
    spec = importlib.util.spec_from_file_location("_gen_item_codes", GENERATOR)
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = mod  # dataclasses need the module registered
    try:
        spec.loader.exec_module(mod)
    finally:
        del sys.modules[spec.name]
    return mod


@pytest.fixture(scope="module")
def gen() -> ModuleType:
    return _load_generator()


def test_counts() -> None:
    items = all_items()
    assert len(items) == N_MAIN + N_EXT == 523
    assert sum(not it.extension for it in items) == N_MAIN
    assert sum(it.extension for it in items) == N_EXT
    assert items is checkup_items_table.ITEMS


def test_main_table_comes_first() -> None:
    flags = [it.extension for it in all_items()]
    assert flags == [False] * N_MAIN + [True] * N_EXT


def test_codes_are_17_chars_and_unique() -> None:
    codes = [it.code for it in all_items()]
    assert all(len(c) == 17 for c in codes)
    assert len(set(codes)) == len(codes)


def test_height() -> None:
    h = item("9N001000000000001")
    assert h is not None
    assert (h.name, h.unit, h.ucum, h.value_type, h.format) == ("身長", "cm", "cm", "PQ", "NNN.N")
    assert decimals(h) == 1
    assert h.group_no == 10 and h.group_name == "身体計測"
    assert h.tokutei == "1" and not h.extension
    assert h.method_code is None and h.result_code_oid is None


def test_weight() -> None:
    w = item("9N006000000000001")
    assert w is not None
    assert (w.name, w.unit, w.value_type) == ("体重", "kg", "PQ")
    assert decimals(w) == 1


def test_hba1c() -> None:
    a = item("3D046000001906202")
    assert a is not None
    assert a.name == "HbA1c(NGSP値)"
    assert (a.unit, a.format, decimals(a)) == ("%", "NN.N", 1)
    assert a.method_code == "3D04610000"
    assert COMMON_LABS["hba1c"] == "3D046000001999902"  # method unstated: その他
    # One code per measurement method; the table lists 免疫学的方法 first.
    rows = by_name("HbA1c(NGSP値)")
    assert [r.code for r in rows] == [
        "3D046000001906202",
        "3D046000001920402",
        "3D046000001927102",
        "3D046000001999902",
    ]


def test_extension_item() -> None:
    ph = item("1A035000000190101")
    assert ph is not None
    assert ph.extension and ph.name == "尿ｐＨ" and ph.ucum == "[pH]"
    assert ph.group_no == 810 and ph.order == "5100"
    assert decimals(ph) == 1


def test_unknown_code() -> None:
    assert item("0000000000000000X") is None
    assert item("") is None


def test_decimals() -> None:
    base = item("9N001000000000001")
    assert base is not None

    def with_format(fmt: str, value_type: str = "PQ") -> ItemDef:
        return dataclasses.replace(base, format=fmt, value_type=value_type)

    assert decimals(with_format("NNN")) == 0
    assert decimals(with_format("NN.NN")) == 2
    assert decimals(with_format("N.NNN")) == 3
    assert decimals(with_format("256")) is None
    assert decimals(with_format("N", "CD")) is None  # a code's width, not a precision
    assert decimals(with_format("256", "ST")) is None
    creat = item(COMMON_LABS["creatinine"])
    assert creat is not None and decimals(creat) == 2


def test_every_pq_has_a_numeric_format() -> None:
    assert all(decimals(it) is not None for it in all_items() if it.value_type == "PQ")


def test_common_labs_exist() -> None:
    expected = {
        "hba1c", "fpg", "random_glucose", "tg", "hdl", "ldl", "creatinine", "egfr",
        "ast", "alt", "ggt", "sbp", "dbp", "height", "weight", "waist", "bmi",
    }  # fmt: skip
    assert expected <= COMMON_LABS.keys()
    for alias, code in COMMON_LABS.items():
        it = item(code)
        assert it is not None, alias
        assert it.value_type == "PQ", alias
        assert not it.extension, alias


@pytest.mark.parametrize(
    ("alias", "name"),
    [
        ("fpg", "空腹時血糖"),
        ("random_glucose", "随時血糖"),
        ("tg", "空腹時中性脂肪(トリグリセリド)"),
        ("hdl", "HDLコレステロール"),
        ("ldl", "LDLコレステロール"),
        ("creatinine", "血清クレアチニン"),
        ("egfr", "eGFR"),
        ("ast", "AST(GOT)"),
        ("alt", "ALT(GPT)"),
        ("ggt", "γ-GT(γ-GTP)"),
        ("sbp", "収縮期血圧(その他)"),
        ("dbp", "拡張期血圧(その他)"),
        ("height", "身長"),
        ("weight", "体重"),
        ("waist", "腹囲(実測)"),
        ("bmi", "BMI"),
    ],
)
def test_common_lab_names(alias: str, name: str) -> None:
    it = item(COMMON_LABS[alias])
    assert it is not None
    assert [r.code for r in by_name(name)].count(it.code) == 1


def test_lab_aliases_prefer_method_unspecified() -> None:
    for alias in ("fpg", "random_glucose", "tg", "hdl", "ldl", "creatinine", "ast", "alt", "ggt"):
        it = item(COMMON_LABS[alias])
        assert it is not None and it.method_name is not None
        assert "その他" in it.method_name, alias


def test_by_name_nfkc() -> None:
    # The source spells it with a full-width closing bracket: "腹囲(実測）".
    assert [r.code for r in by_name("腹囲(実測)")] == ["9N016160100000001"]
    assert [r.code for r in by_name("ＢＭＩ")] == ["9N011000000000001"]
    assert len(by_name("空腹時血糖")) == 4
    assert by_name("no such item") == []


def test_names_are_trimmed() -> None:
    assert all(it.name == it.name.strip() for it in all_items())
    ws = item("9N512000000000011")  # source: " 測定不可能・検査未実施の理由"
    assert ws is not None and ws.name == "測定不可能・検査未実施の理由"


def test_generated_module_is_up_to_date(gen: ModuleType, tmp_path: Path) -> None:
    data_dir = REPO / "tools" / "data"
    assert gen.DATA_DIR == data_dir
    out = tmp_path / "checkup_items_table.py"
    result = gen.write(out, data_dir)
    assert (result.n_main, result.n_ext, result.notes) == (N_MAIN, N_EXT, ())
    assert out.read_bytes() == GENERATED.read_bytes(), "run tools/gen_item_codes.py"


def test_generator_is_deterministic(gen: ModuleType, tmp_path: Path) -> None:
    a, b = tmp_path / "a.py", tmp_path / "b.py"
    assert gen.main(["--out", str(a)]) == 0
    assert gen.main(["--out", str(b)]) == 0
    assert a.read_bytes() == b.read_bytes()
    assert gen.main(["--check", "--out", str(a)]) == 0


def test_generator_keeps_first_duplicate(gen: ModuleType, tmp_path: Path) -> None:
    data_dir = REPO / "tools" / "data"
    main_csv = (data_dir / "XMLhc24tab.csv").read_bytes()
    ext_csv = (data_dir / "XMLhc24ext.csv").read_bytes()
    # Append a copy of the main table's first data row to the extension table.
    first_row = main_csv.decode("utf-8-sig").split("\r\n")[3]
    (tmp_path / "XMLhc24tab.csv").write_bytes(main_csv)
    (tmp_path / "XMLhc24ext.csv").write_bytes(ext_csv + (first_row + "\r\n").encode("cp932"))
    result = gen.render(tmp_path)
    assert (result.n_main, result.n_ext) == (N_MAIN, N_EXT)
    assert len(result.notes) == 1 and "9N001000000000001" in result.notes[0]


def test_generator_decodes_strictly(gen: ModuleType, tmp_path: Path) -> None:
    data_dir = REPO / "tools" / "data"
    (tmp_path / "XMLhc24tab.csv").write_bytes((data_dir / "XMLhc24tab.csv").read_bytes())
    # UTF-8 text is not valid CP932 throughout: decoding must fail, not substitute.
    ext_as_utf8 = (data_dir / "XMLhc24ext.csv").read_bytes().decode("cp932").encode("utf-8")
    (tmp_path / "XMLhc24ext.csv").write_bytes(ext_as_utf8)
    with pytest.raises(UnicodeDecodeError):
        gen.render(tmp_path)
