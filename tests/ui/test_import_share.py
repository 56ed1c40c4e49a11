"""取り込み of a share package: the page asks for the passphrase in a dialog (never stored),
asks again after a wrong one, and the package's records land in the vault."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from test_import_duplicates import _attach, _bp, _commit

from phrapp.domain.records import BloodPressure, Profile, RecordKind, Sex
from phrapp.io.exporters.base import ExportData, ExportRequest
from phrapp.io.exporters.fhir import FhirExporter
from phrapp.io.exporters.share_export import ShareExporter
from phrapp.ui.pages.import_page import PREVIEW

PASS = "TEST-PASS-WORD-FOR-SHARE-0001"
JST = dt.timezone(dt.timedelta(hours=9))


def _package(tmp_path: Path) -> Path:
    profile = Profile(name="太郎", sex=Sex.MALE, birth_date=dt.date(1970, 1, 2))
    readings: list[Any] = [BloodPressure(profile_id=profile.id, systolic=120 + i, diastolic=80,
                                         measured_at=dt.datetime(2026, 11, 1 + i, 7, tzinfo=JST))
                           for i in range(3)]
    out = tmp_path / "from-old-pc.phrapp"
    ShareExporter([FhirExporter()], passphrase=PASS).export(
        ExportRequest(profile=profile, out=out, kinds=(RecordKind.BP,)),
        ExportData(profile=profile, records={RecordKind.BP: readings}))
    return out


def test_share_package_asks_for_the_passphrase(qtbot: Any, session: Any, settings: Any,
                                               make_shell: Any, tmp_path: Path,
                                               monkeypatch: Any) -> None:
    monkeypatch.delenv("PHRAPP_SHARE_PASSPHRASE", raising=False)
    package = _package(tmp_path)
    shell = _attach(make_shell, settings, session, qtbot)
    main = shell.main_window
    main.go("import")
    page = main.pages["import"]
    page.import_paths([package])
    qtbot.waitUntil(lambda: page.dialog is not None, timeout=20_000)
    page.dialog.field.setText("WRONG-WRONG-WRONG-WRONG-WRONG-0000")
    page.dialog.accept()
    qtbot.waitUntil(lambda: page.dialog is not None and not page.busy, timeout=20_000)
    assert "did not open" in "\n".join(
        label.text() for label in page.dialog.findChildren(type(page.banner.message)))
    page.dialog.field.setText(PASS.lower())  # case and hyphens are tolerated
    page.dialog.accept()
    qtbot.waitUntil(lambda: page.stack.currentIndex() == PREVIEW, timeout=20_000)
    assert page.plan is not None and page.plan.files[0].format == "phrapp-share"
    _commit(qtbot, page)
    assert sorted(r.systolic for r in _bp(session)) == [120, 121, 122]
    assert page._share_passphrase is None  # forgotten once the package was read
