"""Exports: gather one profile's records, hand them to an exporter, record the export.

The service decides *what* leaves (profile, kinds, period) and leaves the *how* to the
format's :class:`~phrapp.io.exporters.base.Exporter`. Every export is written to the
audit log (format, kinds, counts, whether it was encrypted; never values or paths'
contents), and :meth:`ExportService.history` lists them for the 書き出し page.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from phrapp.domain.records import Profile, Record, RecordKind
from phrapp.io.exporters.base import ExportData, Exporter, ExportRequest, ExportResult, Progress
from phrapp.services.records import RecordService
from phrapp.services.session import Session
from phrapp.storage import audit

EXPORT_EVENT = "export"


@dataclass(frozen=True, slots=True)
class ExportPlan:
    """What an export would send: shown on the confirmation before anything is written."""

    profile: Profile
    format: str
    kinds: tuple[RecordKind, ...]
    date_from: dt.date | None
    date_to: dt.date | None
    counts: dict[str, int]
    plaintext: bool

    @property
    def total(self) -> int:
        return sum(self.counts.values())


@dataclass(frozen=True, slots=True)
class ExportHistoryEntry:
    at: str
    format: str
    kinds: list[str]
    count: int
    encrypted: bool
    profile_id: str | None = None


class ExportService:
    def __init__(self, session: Session) -> None:
        self.session = session
        self.records = RecordService(session)

    def kinds_for(self, exporter: Exporter,
                  wanted: Sequence[RecordKind] | None) -> tuple[RecordKind, ...]:
        """The requested kinds the format can carry (all of them when none are named)."""
        if not wanted:
            return exporter.kinds
        return tuple(kind for kind in exporter.kinds if kind in wanted)

    def collect(self, profile: Profile, kinds: Sequence[RecordKind],
                date_from: dt.date | None = None, date_to: dt.date | None = None) -> ExportData:
        """The profile's records of ``kinds`` in the inclusive local-date period."""
        records: dict[RecordKind, list[Record]] = {}
        for kind in kinds:
            records[kind] = self.records.list(kind, [profile], date_from, date_to)
        primary: frozenset[str] = frozenset()
        if RecordKind.STEPS in records:
            primary = frozenset(self.records.primary_steps(records[RecordKind.STEPS]))
        db = self.session.db

        def document(document_id: str) -> bytes | None:
            rows = db.query("SELECT content FROM documents WHERE id = ? AND profile_id = ?",
                            (document_id, profile.id))
            return bytes(rows[0][0]) if rows else None

        return ExportData(profile=profile, records=records, document=document,
                          primary_steps=primary)

    def plan(self, exporter: Exporter, profile: Profile, kinds: Sequence[RecordKind] | None,
             date_from: dt.date | None = None, date_to: dt.date | None = None) -> ExportPlan:
        chosen = self.kinds_for(exporter, kinds)
        # Counted in SQL: the confirmation must not build ten years of records to show a number.
        counts = {kind.value: self.records.count(kind, profile, date_from, date_to)
                  for kind in chosen}
        return ExportPlan(profile=profile, format=exporter.slug, kinds=chosen,
                          date_from=date_from, date_to=date_to, counts=counts,
                          plaintext=exporter.plaintext)

    def export(self, exporter: Exporter, request: ExportRequest,
               progress: Progress | None = None) -> ExportResult:
        """Collect, write (atomically, by the exporter), then record it in the audit log."""
        data = self.collect(request.profile, request.kinds, request.date_from, request.date_to)
        result = exporter.export(request, data, progress)
        with self.session.db.transaction():
            audit.record(self.session.db, EXPORT_EVENT, format=exporter.slug,
                         kind=",".join(kind.value for kind in request.kinds),
                         count=sum(result.counts.values()), files=len(result.files),
                         encrypted=not exporter.plaintext, profile_id=request.profile.id)
        return result

    def history(self, profile: Profile | None = None,
                limit: int = 200) -> list[ExportHistoryEntry]:
        """Past exports (of ``profile`` when given), newest first."""
        out = []
        for at, event, detail in reversed(audit.events(self.session.db, limit=5000)):
            if event != EXPORT_EVENT:
                continue
            if profile is not None and detail.get("profile_id") != profile.id:
                continue
            out.append(_entry(at, detail))
            if len(out) >= limit:
                break
        return out


def _entry(at: str, detail: dict[str, Any]) -> ExportHistoryEntry:
    kinds = [k for k in str(detail.get("kind", "")).split(",") if k]
    return ExportHistoryEntry(at=at, format=str(detail.get("format", "")), kinds=kinds,
                              count=int(detail.get("count", 0)),
                              encrypted=bool(detail.get("encrypted", False)),
                              profile_id=detail.get("profile_id"))
