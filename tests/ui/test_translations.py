"""i18n/phrapp_ja.ts and phrapp_en.ts: complete, placeholder-safe, in step with the code."""

from __future__ import annotations

import importlib.util
import os
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from phrapp.ui import i18n
from phrapp.ui.qt import QCoreApplication

REPO = Path(__file__).resolve().parents[2]
LANGS = ("ja", "en")
PLACEHOLDER = re.compile(r"\{[^{}]*\}|%\d+|%n")


def _load_tool() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "build_translations", REPO / "tools" / "build_translations.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


tool = _load_tool()


def _entries(lang: str) -> list[tuple[str, Any]]:
    ts = tool.read_ts(REPO / "i18n" / f"phrapp_{lang}.ts")
    return [(context, entry) for context, entries in ts.contexts.items() for entry in entries]


@pytest.mark.parametrize("lang", LANGS)
def test_no_unfinished_or_empty_translations(lang: str) -> None:
    bad = [(c, e.source) for c, e in _entries(lang) if e.kind or not e.translation.strip()]
    assert not bad, f"unfinished in phrapp_{lang}.ts: {bad[:10]}"


@pytest.mark.parametrize("lang", LANGS)
def test_placeholders_match_the_source(lang: str) -> None:
    bad = [(c, e.source, e.translation) for c, e in _entries(lang)
           if sorted(PLACEHOLDER.findall(e.source)) != sorted(PLACEHOLDER.findall(e.translation))]
    assert not bad, bad


@pytest.mark.parametrize("lang", LANGS)
def test_every_string_in_the_code_is_translated(lang: str) -> None:
    messages, dynamic = tool.extract_messages(tool.source_files())
    assert len(messages) > 200
    assert not dynamic, f"tr() needs literal text: {dynamic}"
    known = {(c, e.source, e.comment) for c, e in _entries(lang)}
    missing = [(m.context, m.source) for m in messages
               if (m.context, m.source, m.comment) not in known]
    assert not missing, f"run tools/build_translations.py; missing in {lang}: {missing[:10]}"
    stale = known - {(m.context, m.source, m.comment) for m in messages}
    assert not stale, f"strings no longer in the code: {sorted(stale)[:10]}"


def test_english_is_the_source_text() -> None:
    assert all(e.translation == e.source for _c, e in _entries("en"))


def test_japanese_uses_the_ux_terms() -> None:
    ja = {(c, e.source): e.translation for c, e in _entries("ja")}
    expected = {
        ("Navigation", "Overview"): "ダッシュボード",
        ("Navigation", "Blood pressure"): "血圧",
        ("Navigation", "Weight"): "体重",
        ("Navigation", "Steps"): "歩数",
        ("Navigation", "Settings"): "設定",
        ("Navigation", "Medicines"): "お薬",
        ("MedicationsPage", "Taking now"): "服用中",
        ("MedicationsPage", "Dispensing"): "調剤",
        ("MedicationsPage", "Vaccinations"): "予防接種",
        ("MedicationsPage", "Allergies and adverse reactions"): "アレルギー・副作用歴",
        ("MedicationsPage", "The same ingredient is prescribed by more than one clinic"):
            "同じ成分のお薬が複数の医療機関から出ています",
        ("BpDialog", "Systolic"): "最高血圧",
        ("BpDialog", "Diastolic"): "最低血圧",
        ("BpDialog", "Pulse"): "脈拍",
        ("Vitals", "Morning"): "朝",
        ("Vitals", "Evening"): "晩",
        ("VaultWindow", "Passphrase"): "パスフレーズ",
        ("RecoveryKeyDialog", "Recovery key"): "回復キー",
        ("Charts", "Entered by hand"): "手入力",
        ("Charts", "Device"): "機器",
        ("Charts", "Device value corrected"): "機器の値を修正",
        ("RangeButtons", "2 weeks"): "2週間",
        ("RangeButtons", "3 months"): "3か月",
        ("RangeButtons", "1 year"): "1年",
        ("RangeButtons", "All"): "すべて",
        ("EmptyState", "Enter by hand"): "手入力する",
        ("EmptyState", "Import from a file"): "ファイルから取り込む",
        ("ErrorDialog", "Details"): "詳細",
    }
    assert {k: ja.get(k) for k in expected} == expected
    assert "保管庫" in ja[("VaultWindow", "Open your vault")]


def test_build_tool_agrees_with_lupdate() -> None:
    lupdate = tool.tool("pyside6-lupdate")
    if lupdate is None:
        pytest.skip("pyside6-lupdate is not installed")
    found = tool.extract_with_lupdate(lupdate, tool.source_files())
    ours, _dynamic = tool.extract_messages(tool.source_files())
    assert set(found) == set(ours)


@pytest.fixture
def english_after() -> Iterator[None]:
    yield
    i18n.install("en")


def test_runtime_reads_the_ts_without_a_build(monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
                                              qapp: Any, english_after: None) -> None:
    monkeypatch.setattr(i18n, "QM_DIR", tmp_path)  # nothing compiled
    assert i18n.install("ja") == "ts"
    assert QCoreApplication.translate("Navigation", "Blood pressure") == "血圧"
    assert QCoreApplication.translate("BpPage", "{count} readings").format(count=3) == "3 回"
    assert i18n.install("en") == "ts"
    assert QCoreApplication.translate("Navigation", "Blood pressure") == "Blood pressure"


def test_runtime_prefers_the_compiled_qm(monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
                                         qapp: Any, english_after: None) -> None:
    lrelease = tool.tool("pyside6-lrelease")
    if lrelease is None:
        pytest.skip("pyside6-lrelease is not installed")
    subprocess.run([str(lrelease), "-silent", str(REPO / "i18n" / "phrapp_ja.ts"), "-qm",
                    str(tmp_path / "phrapp_ja.qm")], check=True, timeout=60)
    monkeypatch.setattr(i18n, "QM_DIR", tmp_path)
    assert i18n.install("ja") == "qm"
    assert QCoreApplication.translate("RecoveryKeyDialog", "Recovery key") == "回復キー"


def test_language_setting_resolution() -> None:
    assert i18n.resolve_language("ja") == "ja"
    assert i18n.resolve_language("en") == "en"
    assert i18n.resolve_language("system") in ("ja", "en")


def test_ts_reader_skips_unfinished(tmp_path: Path) -> None:
    path = tmp_path / "x.ts"
    path.write_text(
        '<?xml version="1.0" encoding="utf-8"?><TS version="2.1" language="ja_JP"><context>'
        "<name>C</name><message><source>A</source><translation>あ</translation></message>"
        '<message><source>B</source><translation type="unfinished">い</translation>'
        "</message></context></TS>", encoding="utf-8")
    assert i18n.read_ts(path) == {("C", "A", ""): "あ"}


def test_ts_reader_refuses_entity_tricks(tmp_path: Path) -> None:
    path = tmp_path / "evil.ts"
    path.write_text('<?xml version="1.0"?><!DOCTYPE TS [<!ENTITY a "aaaa">]>'
                    "<TS><context><name>&a;</name></context></TS>", encoding="utf-8")
    with pytest.raises(Exception, match="(?i)entit"):
        i18n.read_ts(path)


def test_a_stale_compiled_file_is_not_used(monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
                                           qapp: Any, english_after: None) -> None:
    lrelease = tool.tool("pyside6-lrelease")
    if lrelease is None:
        pytest.skip("pyside6-lrelease is not installed")
    qm = tmp_path / "qm" / "phrapp_ja.qm"
    qm.parent.mkdir()
    subprocess.run([str(lrelease), "-silent", str(REPO / "i18n" / "phrapp_ja.ts"), "-qm",
                    str(qm)], check=True, timeout=60)
    ts = tmp_path / "phrapp_ja.ts"
    ts.write_bytes((REPO / "i18n" / "phrapp_ja.ts").read_bytes())
    os.utime(qm, (1_000_000_000, 1_000_000_000))  # built long before the source changed
    monkeypatch.setattr(i18n, "QM_DIR", qm.parent)
    monkeypatch.setattr(i18n, "TS_DIR", tmp_path)
    assert i18n.install("ja") == "ts"
