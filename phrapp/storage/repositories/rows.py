"""Column helpers shared by the mappers: common record columns and value conversions."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from phrapp.domain.records import Device, Provenance, Source
from phrapp.domain.records.common import Record
from phrapp.domain.time import from_storage, to_utc_text

COMMON_COLUMNS = (
    "id", "profile_id", "provenance", "source_app", "device_maker", "device_model",
    "device_serial", "batch_id", "source_key", "extra", "created_at", "updated_at",
)


def common_row(record: Record) -> dict[str, Any]:
    device = record.source.device
    return {
        "id": record.id,
        "profile_id": record.profile_id,
        "provenance": record.provenance.value,
        "source_app": record.source.app,
        "device_maker": device.maker if device else None,
        "device_model": device.model if device else None,
        "device_serial": device.serial if device else None,
        "batch_id": record.source.batch,
        "source_key": record.source.identity_key(),
        "extra": dumps(record.extra) if record.extra else None,
        "created_at": to_utc_text(record.created_at),
        "updated_at": to_utc_text(record.updated_at),
    }


def common_fields(row: dict[str, Any]) -> dict[str, Any]:
    """Keyword arguments for the Record base fields from a row."""
    device = None
    if any(row[c] is not None for c in ("device_maker", "device_model", "device_serial")):
        device = Device(row["device_maker"], row["device_model"], row["device_serial"])
    return {
        "id": row["id"],
        "profile_id": row["profile_id"],
        "provenance": Provenance(row["provenance"]),
        "source": Source(app=row["source_app"], device=device, batch=row["batch_id"]),
        "created_at": from_storage(row["created_at"], 0),
        "updated_at": from_storage(row["updated_at"], 0),
        "extra": json.loads(row["extra"]) if row["extra"] else {},
    }


def day(value: dt.date | None) -> str | None:
    return value.isoformat() if value is not None else None


def to_day(text: str | None) -> dt.date | None:
    return dt.date.fromisoformat(text) if text else None


def to_day_required(text: str | None) -> dt.date:
    if not text:
        raise ValueError("a required date column is empty")
    return dt.date.fromisoformat(text)


def to_bool(value: int | None) -> bool | None:
    return None if value is None else bool(value)


def from_bool(value: bool | None) -> int | None:
    return None if value is None else int(value)


# json.dumps with options builds a new JSONEncoder per call; one shared encoder gives the
# same text (it is stateless between calls) without that cost per stored record.
_ENCODER = json.JSONEncoder(ensure_ascii=False, sort_keys=True)


def dumps(value: Any) -> str:
    return _ENCODER.encode(value)
