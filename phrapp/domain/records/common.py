"""Fields every record shares (CONTRACT §4 "Common")."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from phrapp.domain.time import utc_now


class Provenance(StrEnum):
    """Where a record came from (DESIGN rule 6; 交換規約 ``data_input_code``)."""

    MANUAL = "manual"  # typed by hand (data_input_code 1)
    DEVICE = "device"  # device value as measured (data_input_code 0)
    DEVICE_EDITED = "device-edited"  # device value corrected by hand (data_input_code 2)
    CHECKUP = "checkup"  # from a checkup document
    IMPORT = "import"  # from another file (FHIR, JAHIS, share package …)


@dataclass(frozen=True, slots=True)
class Device:
    """The measuring device (交換規約: maker code, model number, serial)."""

    maker: str | None = None
    model: str | None = None
    serial: str | None = None

    def key(self) -> str:
        """A stable text key for identity (maker/model/serial)."""
        return "/".join(part or "" for part in (self.maker, self.model, self.serial))


@dataclass(frozen=True, slots=True)
class Source:
    """The app or device a record came from, and the import batch that brought it."""

    app: str | None = None
    device: Device | None = None
    batch: str | None = None

    def identity_key(self) -> str:
        """The "source app or device" part of the natural key (CONTRACT §5).

        Hand-entered records use ``manual``; the batch is not part of identity, so a
        re-import of the same reading from the same source is recognised.
        """
        if self.app:
            return f"app:{self.app}"
        if self.device is not None:
            return f"device:{self.device.key()}"
        return "manual"


def new_id() -> str:
    """A fresh stable record id: a random UUID, never derived from values."""
    return str(uuid.uuid4())


@dataclass(frozen=True, kw_only=True, slots=True)
class Record:
    """Common fields. ``profile_id`` is the owning profile's id (the JSON shows its name).

    ``extra`` keeps fields a source format carries that phrapp does not model (e.g. the
    exchange protocol's ``update_time`` or ``walk_time``), so nothing is silently lost.
    """

    id: str = field(default_factory=new_id)
    profile_id: str
    provenance: Provenance = Provenance.MANUAL
    source: Source = field(default_factory=Source)
    created_at: dt.datetime = field(default_factory=utc_now)
    updated_at: dt.datetime = field(default_factory=utc_now)
    extra: dict[str, Any] = field(default_factory=dict)
