"""Records: add with validation, edit, delete with undo, list by period and profile.

Every write is one transaction and one audit event (kind and count only, never values).
"""

from __future__ import annotations

import builtins
import dataclasses
import datetime as dt
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from phrapp.domain.records import Profile, Provenance, Record, RecordKind, Steps, kind_of
from phrapp.domain.time import to_utc_text, utc_now, zone
from phrapp.domain.validation import Issue, errors_of, validate, warnings_of
from phrapp.errors import InvalidValue, NotFound
from phrapp.services.session import Session
from phrapp.storage import audit

PREFERRED_STEPS_KEY = "steps_preferred_source:"


@dataclass(frozen=True, slots=True)
class Deleted:
    """What a delete removed, enough to undo it exactly."""

    kind: RecordKind
    snapshot: dict[str, Any]


def refuse_invalid(issues: list[Issue]) -> list[str]:
    """Raise InvalidValue for errors; return warning messages."""
    errors = errors_of(issues)
    if errors:
        raise InvalidValue("; ".join(e.message for e in errors), path=errors[0].field)
    return [w.message for w in warnings_of(issues)]


class RecordService:
    def __init__(self, session: Session) -> None:
        self.session = session
        self.repos = session.repos

    # -- writes ------------------------------------------------------------------
    def add(self, record: Record) -> list[str]:
        """Validate and store ``record``; returns warnings (unusual values)."""
        warnings = refuse_invalid(validate(record))
        with self.session.db.transaction():
            self._require_profile(record.profile_id)
            self.repos.of(record).add(record)
            audit.record(self.session.db, "record-added", kind=kind_of(record).value, count=1)
        return warnings

    def add_many(self, records: Sequence[Record]) -> list[str]:
        """Validate every record, then store them all in one transaction (all or nothing).

        For bulk hand-made data (demo, migration tools); imports use ImportService,
        which also deduplicates. Returns the warnings.
        """
        warnings: list[str] = []
        for record in records:
            warnings.extend(refuse_invalid(validate(record)))
        by_kind: dict[RecordKind, list[Record]] = defaultdict(list)
        for record in records:
            by_kind[kind_of(record)].append(record)
        with self.session.db.transaction():
            for profile_id in {r.profile_id for r in records}:
                self._require_profile(profile_id)
            for kind, group in by_kind.items():
                self.repos.records(kind).add_many(group)
                audit.record(self.session.db, "record-added", kind=kind.value, count=len(group))
        return warnings

    def upsert_steps(self, record: Steps) -> tuple[list[str], bool]:
        """Steps are one record per (profile, date, source): replace that day's record.

        Returns (warnings, replaced).
        """
        warnings = refuse_invalid(validate(record))
        repo = self.repos.records(RecordKind.STEPS)
        with self.session.db.transaction():
            self._require_profile(record.profile_id)
            existing = repo.find_identity(record.profile_id, record.date.isoformat(),
                                          record.source.identity_key())
            for old in existing:
                repo.delete(old.id)
            if existing:
                record = dataclasses.replace(record, id=existing[0].id,
                                             created_at=existing[0].created_at)
            repo.add(record)
            audit.record(self.session.db, "record-added", kind="steps", count=1)
        return warnings, bool(existing)

    def update(self, record: Record) -> list[str]:
        """Store an edited record. A device value edited by hand becomes ``device-edited``."""
        warnings = refuse_invalid(validate(record))
        repo = self.repos.of(record)
        with self.session.db.transaction():
            old = repo.get(record.id)
            if old is None:
                raise NotFound("the record no longer exists")
            provenance = record.provenance
            if old.provenance is Provenance.DEVICE:
                provenance = Provenance.DEVICE_EDITED
            record = dataclasses.replace(record, provenance=provenance, updated_at=utc_now(),
                                         created_at=old.created_at)
            repo.update(record)
            audit.record(self.session.db, "record-edited", kind=kind_of(record).value, count=1)
        return warnings

    def delete(self, kind: RecordKind, record_ids: Sequence[str]) -> list[Deleted]:
        """Delete records; the returned snapshots let :meth:`undo_delete` restore them."""
        repo = self.repos.records(kind)
        removed: list[Deleted] = []
        with self.session.db.transaction():
            for record_id in record_ids:
                snapshot = repo.snapshot(record_id)
                if snapshot is not None and repo.delete(record_id):
                    removed.append(Deleted(kind, snapshot))
            audit.record(self.session.db, "record-deleted", kind=kind.value, count=len(removed))
        return removed

    def undo_delete(self, deleted: Sequence[Deleted]) -> None:
        with self.session.db.transaction():
            for item in deleted:
                self.repos.records(item.kind).restore(item.snapshot)
            audit.record(self.session.db, "record-restored", count=len(deleted))

    # -- reads -------------------------------------------------------------------
    def list(self, kind: RecordKind, profiles: Sequence[Profile], date_from: dt.date | None = None,
             date_to: dt.date | None = None) -> builtins.list[Record]:
        """Records of ``kind`` for ``profiles``, oldest first.

        ``date_from``/``date_to`` are inclusive local dates in each profile's home zone.
        """
        repo = self.repos.records(kind)
        out: builtins.list[Record] = []
        for profile in profiles:
            since, until = _bounds(repo.mapper.time_mode, profile.home_zone, date_from, date_to)
            out.extend(repo.list([profile.id], since, until))
        if len(profiles) > 1:
            column = repo.mapper.time_column
            out.sort(key=lambda r: (_sort_key(r, column), to_utc_text(r.created_at)))
        return out

    def count(self, kind: RecordKind, profile: Profile, date_from: dt.date | None = None,
              date_to: dt.date | None = None) -> int:
        """How many records :meth:`list` would return for one profile (an SQL count)."""
        repo = self.repos.records(kind)
        since, until = _bounds(repo.mapper.time_mode, profile.home_zone, date_from, date_to)
        return repo.count([profile.id], since, until)

    def get(self, kind: RecordKind, record_id: str) -> Record | None:
        return self.repos.records(kind).get(record_id)

    def primary_steps(self, records: Sequence[Record]) -> set[str]:
        """Ids of the primary steps record of each (profile, day) (CONTRACT §5 "Steps").

        The profile's preferred source wins; else the largest total; ties go to the
        source key that sorts first, so the choice is stable.
        """
        by_day: dict[tuple[str, dt.date], list[Steps]] = defaultdict(list)
        for record in records:
            if isinstance(record, Steps):
                by_day[(record.profile_id, record.date)].append(record)
        preferred: dict[str, str | None] = {}
        primary: set[str] = set()
        for (profile_id, _day), group in by_day.items():
            if profile_id not in preferred:
                preferred[profile_id] = self.repos.meta.get(PREFERRED_STEPS_KEY + profile_id)
            wanted = preferred[profile_id]
            chosen = next((r for r in group if r.source.identity_key() == wanted), None)
            if chosen is None:
                chosen = min(group, key=lambda r: (-r.steps, r.source.identity_key()))
            primary.add(chosen.id)
        return primary

    def set_preferred_steps_source(self, profile: Profile, source_key: str | None) -> None:
        with self.session.db.transaction():
            if source_key is None:
                self.repos.meta.delete(PREFERRED_STEPS_KEY + profile.id)
            else:
                self.repos.meta.set(PREFERRED_STEPS_KEY + profile.id, source_key)

    def _require_profile(self, profile_id: str) -> None:
        if self.repos.profiles.by_id(profile_id) is None:
            raise NotFound("the profile does not exist")


def _bounds(mode: str, home_zone: str, date_from: dt.date | None,
            date_to: dt.date | None) -> tuple[str | None, str | None]:
    """Storage-text bounds [since, until) for inclusive local dates in ``home_zone``."""
    if mode == "instant":
        tz = zone(home_zone)
        since = (to_utc_text(dt.datetime.combine(date_from, dt.time(), tz))
                 if date_from else None)
        until = (to_utc_text(dt.datetime.combine(date_to + dt.timedelta(days=1), dt.time(), tz))
                 if date_to else None)
        return since, until
    return (date_from.isoformat() if date_from else None,
            (date_to + dt.timedelta(days=1)).isoformat() if date_to else None)


def _sort_key(record: Record, column: str) -> str:
    value = getattr(record, "measured_at", None)
    if isinstance(value, dt.datetime):
        return to_utc_text(value)
    attr = {"measured_at_utc": "measured_at"}.get(column, column)
    other = getattr(record, attr, None)
    return other.isoformat() if other is not None else ""
