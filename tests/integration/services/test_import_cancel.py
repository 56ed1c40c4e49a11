"""Cancel during an import preview: nothing is planned, nothing is written (issue 6 §8).

An importer stops early when ``ctx.cancelled()`` answers True and returns what it read so
far; the service must not plan (and later commit) that partial file as if it were whole.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest

from phrapp.domain.records import RecordKind
from phrapp.services.import_service import ImportCancelled, ImportService
from phrapp.services.profiles import ProfileService
from phrapp.services.records import RecordService
from phrapp.services.session import Session

HEADER = ("observation_time,systolic,diastolic,pulse,model_manufacturer_code,model_number,"
          "production_specification_serial,data_input_code,origin_of_time_code,update_time")


def kokan_bp(folder: Path, rows: int) -> Path:
    """An exchange-protocol BP file with ``rows`` readings one minute apart."""
    start = dt.datetime(2025, 1, 1, 6, 0, tzinfo=dt.UTC)  # only its wall clock is written
    lines = [HEADER]
    for i in range(rows):
        stamp = (start + dt.timedelta(minutes=i)).strftime("%Y%m%d%H%M%S")
        lines.append(f"{stamp},{120 + i % 30},{75 + i % 10},66,0002,HEM-7600,SN-B7,0,0,"
                     f"{stamp}000")
    path = folder / "bp.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def after_calls(n: int) -> tuple[Callable[[], bool], list[int]]:
    """A ``cancelled`` callback that answers True from its ``n``-th call on."""
    calls = [0]

    def cancelled() -> bool:
        calls[0] += 1
        return calls[0] >= n

    return cancelled, calls


def nothing_written(session: Session) -> None:
    profiles = ProfileService(session).list()
    assert RecordService(session).list(RecordKind.BP, profiles) == []
    assert session.repos.batches.history() == []


def test_cancel_while_parsing_plans_nothing(session: Session, tmp_path: Path) -> None:
    path = kokan_bp(tmp_path, 3000)
    service = ImportService(session)
    assert service.preview([path]).files[0].added == {"bp": 3000}  # the file is whole
    # Not cancelled before the file, nor at its first row; cancelled at row 1000: the
    # importer has read 999 rows by then and stops.
    cancelled, calls = after_calls(3)
    with pytest.raises(ImportCancelled) as caught:
        service.preview([path], cancelled=cancelled)
    assert calls[0] >= 3
    assert caught.value.code == "cancelled" and caught.value.exit_code == 2
    nothing_written(session)


def test_cancel_while_planning_plans_nothing(session: Session, tmp_path: Path) -> None:
    path = kokan_bp(tmp_path, 20)
    state = {"planning": False}

    def cancelled() -> bool:
        return state["planning"]

    def progress(stage: str, _name: str, _done: int, _total: int) -> None:
        if stage == "plan":
            state["planning"] = True  # the person presses Cancel once parsing is done

    with pytest.raises(ImportCancelled):
        ImportService(session).preview([path], progress=progress, cancelled=cancelled)
    nothing_written(session)


def test_cancel_before_the_first_file(session: Session, tmp_path: Path) -> None:
    with pytest.raises(ImportCancelled):
        ImportService(session).preview([kokan_bp(tmp_path, 5)], cancelled=lambda: True)
    nothing_written(session)


def test_never_cancelled_imports_everything(session: Session, tmp_path: Path) -> None:
    service = ImportService(session)
    plan = service.preview([kokan_bp(tmp_path, 1500)], cancelled=lambda: False)
    service.commit(plan)
    profiles = ProfileService(session).list()
    assert len(RecordService(session).list(RecordKind.BP, profiles)) == 1500
