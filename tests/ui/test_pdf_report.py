"""The doctor's PDF: 1–2 A4 pages, the vendored font embedded, key text present."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

import pytest

from phrapp.domain.records import Profile, Record, RecordKind, Sex
from phrapp.domain.records.kinds import kind_of
from phrapp.io.exporters.base import ExportData, ExportRequest
from phrapp.services.demo_data import DemoPerson, generate

TODAY = dt.date(2026, 11, 23)
NOTE = "朝の血圧が高めです。薬を続けるか相談したいです。"


def _export_data(sex: Sex = Sex.MALE, *, empty: bool = False) -> tuple[ExportRequest, ExportData]:
    birth = dt.date(1962, 4, 2) if sex is Sex.MALE else dt.date(1965, 9, 15)
    profile = Profile(name="山田 太郎" if sex is Sex.MALE else "山田 花子", sex=sex,
                      birth_date=birth)
    records: list[Record] = [] if empty else generate(
        DemoPerson(profile.id, sex, birth, profile.home_zone), TODAY, seed=7, years=1)
    by_kind: dict[RecordKind, list[Record]] = {}
    for record in records:
        by_kind.setdefault(kind_of(record), []).append(record)
    data = ExportData(profile=profile, records=by_kind,
                      primary_steps=frozenset(r.id for r in by_kind.get(RecordKind.STEPS, [])),
                      generated_at=dt.datetime(2026, 11, 23, 5, 30, tzinfo=dt.UTC))
    request = ExportRequest(profile=profile, out=Path("unused.pdf"), kinds=tuple(RecordKind),
                            note=NOTE)
    return request, data


def _export(tmp_path: Path, request: ExportRequest, data: ExportData) -> bytes:
    from phrapp.ui.report.pdf_export import PdfExporter

    out = tmp_path / "report.pdf"
    result = PdfExporter().export(ExportRequest(
        profile=request.profile, out=out, kinds=request.kinds, note=request.note), data)
    assert result.files == [out]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.pdf"]  # no temp files
    return out.read_bytes()


def _page_count(pdf: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page(?![a-zA-Z])", pdf))


def _all_text(pdf: bytes) -> str | None:
    """Text through QtPdf when this PySide6 build has it (Essentials does not)."""
    try:
        from PySide6.QtCore import QBuffer, QByteArray, QIODevice
        from PySide6.QtPdf import QPdfDocument
    except ImportError:
        return None
    buffer = QBuffer()
    buffer.setData(QByteArray(pdf))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document = QPdfDocument()
    document.load(buffer)
    return "\n".join(document.getAllText(i).text() for i in range(document.pageCount()))


def test_demo_report_is_a_two_page_pdf_with_the_font_embedded(qapp: Any,
                                                               tmp_path: Path) -> None:
    from phrapp.ui.report import fonts

    pdf = _export(tmp_path, *_export_data())
    assert pdf.startswith(b"%PDF-")
    assert pdf.rstrip().endswith(b"%%EOF")
    assert 1 <= _page_count(pdf) <= 2
    assert b"/FontFile2" in pdf or b"/FontFile3" in pdf
    assert fonts.POSTSCRIPT_NAME.encode() in pdf
    # Never a system font: the page must look the same on every machine.
    names = set(re.findall(rb"/BaseFont\s*/(?:[A-Z]{6}\+)?([^\s/<>\[\]]+)", pdf))
    assert names == {fonts.POSTSCRIPT_NAME.encode()}
    text = _all_text(pdf)
    if text is not None:
        for expected in ("山田 太郎", "アムロジピン", "ペニシリン", NOTE[:10], "1 / 2"):
            assert expected in text


def test_empty_export_still_says_so_on_one_page(qapp: Any, tmp_path: Path) -> None:
    pdf = _export(tmp_path, *_export_data(empty=True))
    assert pdf.startswith(b"%PDF-")
    assert _page_count(pdf) == 1


def test_layout_words_and_limits(qapp: Any) -> None:
    """The model feeds the page: home-BP class, current medicines, checkup flags; a
    huge note and many medicines never push the report past two pages."""
    from phrapp.ui.report import fonts
    from phrapp.ui.report.model import build_model
    from phrapp.ui.report.pdf_report import render_images

    request, data = _export_data()
    model = build_model(request, data)
    assert model.home_bp.morning.sufficient and model.home_bp.category is not None
    assert {line.drug.name[:6] for line in model.medicines} >= {"アムロジピン"}
    assert model.duplicates, "the demo's duplicate amlodipine is reported"
    assert model.checkup is not None
    assert any(v.key == "ldl" and v.flag == "受診勧奨" for v in model.checkup.values)
    assert model.steps.target == 8000  # age 64: 健康日本21 by age
    long = ExportRequest(profile=request.profile, out=request.out, kinds=request.kinds,
                         note="長い相談内容。" * 400)
    images = render_images(build_model(long, data), fonts.report_family(), dpi=40)
    assert 1 <= len(images) <= 2


@pytest.mark.parametrize("sex", [Sex.FEMALE])
def test_no_medicines_no_allergies_are_named(qapp: Any, tmp_path: Path, sex: Sex) -> None:
    from phrapp.ui.report.model import build_model

    request, data = _export_data(sex)
    model = build_model(request, data)
    assert model.medicines == () and model.allergies == ()
    pdf = _export(tmp_path, request, data)
    assert 1 <= _page_count(pdf) <= 2
