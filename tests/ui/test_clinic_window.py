"""The clinic viewer (``phrapp --clinic FILE``): a valid FHIR Bundle shows the patient and
the counts; the gender-M Bundle is shown as not valid with the error's path; a share
package asks for its passphrase (in a dialog, here replaced) and opens; nothing is
written anywhere unless the doctor saves, and then only FHIR/CSV into the chosen folder."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path
from typing import Any

import pytest

from phrapp.domain.records import (
    BloodPressure,
    Profile,
    Provenance,
    Record,
    RecordKind,
    Sex,
)
from phrapp.io.exporters.base import ExportData, ExportRequest
from phrapp.io.exporters.share_export import ShareExporter, share_inner
from phrapp.ui import clinic_window
from phrapp.ui.clinic_window import ClinicWindow
from phrapp.ui.qt import QFileDialog

CLINIC = Path(__file__).resolve().parents[1] / "fixtures" / "fhir" / "clinic"
JST = dt.timezone(dt.timedelta(hours=9))
SHARE_PASSPHRASE = "ABCD-EFGH-JKMN-PQRS-TVWX-YZ12"


@pytest.fixture
def window(qtbot: Any) -> ClinicWindow:
    win = ClinicWindow()
    qtbot.addWidget(win)
    return win


def _open(qtbot: Any, win: ClinicWindow, path: Path) -> None:
    win.open_path(path)
    qtbot.waitUntil(lambda: win.report is not None and not win._busy, timeout=20_000)


def _files(folder: Path) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*"))


def test_valid_bundle_shows_patient_and_counts(qtbot: Any, window: ClinicWindow,
                                               tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)  # nothing may appear in the working folder either
    _open(qtbot, window, CLINIC / "valid-bundle.json")
    assert window.report is not None and window.report.valid
    assert window.state.text().startswith("✔ Valid")
    assert window.errors_box.isHidden()
    assert "山田" in window.values["patient"].text()
    assert "ヤマダ ハナコ" in window.values["patient"].text()
    assert "female" in window.values["birth"].text()
    counts = window.values["counts"].text()
    assert "Observation: 16" in counts and "MedicationStatement: 1" in counts
    assert "134/78 mmHg" in window.values["bp"].text()
    assert "58.4 kg" in window.values["weight"].text()
    assert "Morning: 141.5/88 mmHg over 6 days" in window.values["home_bp"].text()
    meds = window.table_texts(window.medications)
    assert meds[0][0] == "アムロジピン錠5mg" and meds[0][2] == "taking"
    assert window.table_texts(window.immunizations)[0][1] == "インフルエンザHAワクチン"
    assert window.table_texts(window.checkups)[0][1] == "1"
    assert window.windowTitle() == "phrapp"  # never a name in the title
    assert window.save_button.isEnabled()
    window.close()
    assert window.report is None  # the report goes with the window
    assert _files(tmp_path) == []


def test_gender_m_is_not_valid_with_the_path(qtbot: Any, window: ClinicWindow,
                                             tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    _open(qtbot, window, CLINIC / "gender-m.json")
    assert window.report is not None and not window.report.valid
    assert window.state.text().startswith("✖ Not valid")
    assert window.errors_box.isVisible() or not window.errors_box.isHidden()
    errors = window.table_texts(window.errors)
    assert errors[0][0] == "Bundle.entry[0].resource.gender"
    assert "value set" in errors[0][1]
    assert not window.save_button.isEnabled()  # an invalid file is never written out

    def refuse(*_a: Any, **_k: Any) -> str:
        raise AssertionError("no folder may be asked for an invalid file")

    monkeypatch.setattr(QFileDialog, "getExistingDirectory", refuse)
    window.save_outputs()
    assert _files(tmp_path) == []


def _share_package(folder: Path) -> Path:
    profile = Profile(name="花子", sex=Sex.FEMALE, birth_date=dt.date(1960, 4, 1))
    readings: list[Record] = [BloodPressure(profile_id=profile.id, systolic=130 + day, diastolic=80,
                              measured_at=dt.datetime(2024, 12, day, 7, 0, tzinfo=JST),
                              provenance=Provenance.MANUAL) for day in range(1, 4)]
    data = ExportData(profile=profile, records={RecordKind.BP: readings})
    target = folder / "patient.phrapp"
    request = ExportRequest(profile=profile, out=target, kinds=(RecordKind.BP,))
    result = ShareExporter(share_inner(), passphrase=SHARE_PASSPHRASE).export(request, data)
    assert result.files == [target]
    return target


def test_share_package_asks_for_the_passphrase(qtbot: Any, window: ClinicWindow,
                                               tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    incoming = tmp_path / "incoming"
    incoming.mkdir()
    package = _share_package(incoming)
    asked: list[bool] = []
    answers = iter(["WRONG-WRONG-WRONG-WRONG-WRONG-WRONG", SHARE_PASSPHRASE])

    def ask(_parent: Any, name: str, retry: bool = False) -> str:
        assert name == "patient.phrapp"
        asked.append(retry)
        return next(answers)

    monkeypatch.setattr(clinic_window, "ask_share_passphrase", ask)
    window.open_path(package)
    qtbot.waitUntil(lambda: window.report is not None and not window._busy
                    and len(asked) == 2, timeout=20_000)
    assert asked == [False, True]  # a wrong passphrase asks again, saying so
    report = window.report
    assert report is not None and report.valid and report.kind == "share"
    assert "encrypted share file" in window.state.text()
    assert "Observation: 3" in window.values["counts"].text()
    assert "133/80 mmHg" in window.values["bp"].text()
    # Opening wrote nothing: the decrypted content stays in memory.
    assert _files(incoming) == ["patient.phrapp"]

    # Saving: FHIR and CSV into the chosen folder, nothing else anywhere.
    out = tmp_path / "clinic-system"
    out.mkdir()
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *_a, **_k: str(out))
    window.save_outputs()
    qtbot.waitUntil(lambda: not window._busy and "Saved" in window.message.text(),
                    timeout=20_000)
    saved = _files(out)
    assert "clinic-fhir.json" in saved and any(name.endswith(".csv") for name in saved)
    assert _files(incoming) == ["patient.phrapp"]


def test_cancelled_passphrase_opens_nothing(qtbot: Any, window: ClinicWindow,
                                            tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    package = _share_package(tmp_path)
    monkeypatch.setattr(clinic_window, "ask_share_passphrase", lambda *_a, **_k: None)
    window.open_path(package)
    assert window.report is None and not window._busy
    assert "no passphrase" in window.message.text()
    assert not window.save_button.isEnabled()
    assert os.listdir(tmp_path) == ["patient.phrapp"]

    # A wrong passphrase, then 取消 at the second question: the refusal, with its path.
    answers = iter(["WRONG-WRONG-WRONG-WRONG-WRONG-WRONG", None])
    monkeypatch.setattr(clinic_window, "ask_share_passphrase",
                        lambda *_a, **_k: next(answers))
    window.open_path(package)
    qtbot.waitUntil(lambda: window.report is not None and not window._busy, timeout=20_000)
    assert window.report is not None and not window.report.valid
    assert window.table_texts(window.errors)[0][0] == "patient.phrapp"
    assert "wrong passphrase" in window.table_texts(window.errors)[0][1]
    assert not window.save_button.isEnabled()
    assert os.listdir(tmp_path) == ["patient.phrapp"]
