"""The generic record repository: CRUD, range queries and identity look-ups for one kind."""

from __future__ import annotations

import builtins
import dataclasses
import datetime as dt
import json
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from phrapp.domain.records import Record, RecordKind, Source, kind_of
from phrapp.domain.time import to_utc_text
from phrapp.storage.database import Database
from phrapp.storage.repositories.mappers import MAPPERS, Mapper, Row
from phrapp.storage.repositories.rows import COMMON_COLUMNS, common_fields, common_row, dumps

_CHUNK = 500  # ids per IN (...) when fetching child rows


class RecordRepository:
    """Records of one kind in one database. All methods run inside the caller's transaction."""

    def __init__(self, db: Database, kind: RecordKind) -> None:
        self.db = db
        self.kind = kind
        self.mapper: Mapper = MAPPERS[kind]
        self._all_columns = COMMON_COLUMNS + self.mapper.columns
        cols = ", ".join(f'"{c}"' for c in self._all_columns)
        marks = ", ".join("?" for _ in self._all_columns)
        self._insert_sql = f"INSERT INTO {self.mapper.table} ({cols}) VALUES ({marks})"
        self._select_sql = f"SELECT {cols} FROM {self.mapper.table}"
        child = self.mapper.child
        if child is not None:
            ccols = ", ".join(f'"{c}"' for c in (child.parent_column, *child.columns))
            cmarks = ", ".join("?" for _ in range(len(child.columns) + 1))
            self._child_insert = f"INSERT INTO {child.table} ({ccols}) VALUES ({cmarks})"

    # -- rows ------------------------------------------------------------------
    def to_storage(self, record: Record) -> tuple[Row, list[Row]]:
        """The table row and child rows for ``record`` (used by the batch journal too)."""
        if kind_of(record) is not self.kind:
            raise TypeError(f"{type(record).__name__} is not a {self.kind.value} record")
        return {**common_row(record), **self.mapper.to_row(record)}, self.mapper.child_rows(record)

    def _insert_rows(self, rows: Sequence[tuple[Row, list[Row]]]) -> None:
        self.db.executemany(self._insert_sql,
                            ([row[c] for c in self._all_columns] for row, _ in rows))
        child = self.mapper.child
        if child is not None:
            self.db.executemany(self._child_insert, (
                [row["id"], *(c[col] for col in child.columns)]
                for row, children in rows for c in children))

    def _from_db_row(self, values: Sequence[Any], children: list[Row]) -> Record:
        row = dict(zip(self._all_columns, values, strict=True))
        return self.mapper.from_row(common_fields(row), row, children)

    # -- writes ----------------------------------------------------------------
    def add(self, record: Record) -> None:
        self._insert_rows([self.to_storage(record)])

    def add_many(self, records: Iterable[Record]) -> int:
        rows = [self.to_storage(r) for r in records]
        self._insert_rows(rows)
        return len(rows)

    def add_imported(self, entries: Iterable[tuple[Record, str, dict[str, Any]]], *,
                     batch_id: str, stamped_at: dt.datetime) -> int:
        """Bulk insert for the import commit: each entry is a parsed record with the
        profile id and ``extra`` it is stored with; every row gets ``batch_id`` and
        ``stamped_at`` as created/updated time.

        The rows are exactly what :meth:`add_many` would store for the records rebuilt
        with those values, but no record is rebuilt and the rows stream into
        ``executemany`` (a million-row import holds no second copy as rows). Kinds with
        child rows take the :meth:`add_many` path.
        """
        if self.mapper.child is not None:
            return self.add_many(
                dataclasses.replace(record, profile_id=profile_id, extra=extra,
                                    source=Source(record.source.app, record.source.device,
                                                  batch_id),
                                    created_at=stamped_at, updated_at=stamped_at)
                for record, profile_id, extra in entries)
        stamp = to_utc_text(stamped_at)
        count = 0
        values = self.mapper.values
        source_keys: dict[int, tuple[Source, str]] = {}

        def rows() -> Iterator[list[Any]]:
            nonlocal count
            for record, profile_id, extra in entries:
                if kind_of(record) is not self.kind:
                    raise TypeError(f"{type(record).__name__} is not a {self.kind.value} "
                                    "record")
                source = record.source
                cached = source_keys.get(id(source))
                if cached is None:  # the Source object is kept so its id stays unique
                    cached = source_keys[id(source)] = (source, source.identity_key())
                device = source.device
                count += 1
                yield [record.id, profile_id, record.provenance.value, source.app,
                       device.maker if device else None, device.model if device else None,
                       device.serial if device else None, batch_id, cached[1],
                       dumps(extra) if extra else None, stamp, stamp, *values(record)]

        self.db.executemany(self._insert_sql, rows())
        return count

    def restore(self, stored: dict[str, Any]) -> None:
        """Insert a record from its journal form (``snapshot``), replacing any row with its id."""
        self.delete(stored["row"]["id"])
        self._insert_rows([(stored["row"], stored["children"])])

    def snapshot(self, record_id: str) -> dict[str, Any] | None:
        """The stored form of a record (row + children), as JSON-able data, for undo."""
        record = self.get(record_id)
        if record is None:
            return None
        row, children = self.to_storage(record)
        return {"row": row, "children": children}

    def update(self, record: Record) -> bool:
        """Replace the stored record with the same id; False when there is none."""
        if self.get(record.id) is None:
            return False
        self.delete(record.id)
        self.add(record)
        return True

    def delete(self, record_id: str) -> bool:
        # Child rows go by ON DELETE CASCADE.
        return self.db.execute(f"DELETE FROM {self.mapper.table} WHERE id = ?", (record_id,)) > 0

    # -- reads -----------------------------------------------------------------
    def get(self, record_id: str) -> Record | None:
        rows = self.db.query(self._select_sql + " WHERE id = ?", (record_id,))
        if not rows:
            return None
        return self._materialise(rows)[0]

    def list(self, profile_ids: Sequence[str] | None = None, since: str | None = None,
             until: str | None = None, *, limit: int | None = None) -> builtins.list[Record]:
        """Records ordered oldest first. ``since`` ≤ time < ``until`` (storage text form).

        Records without a time (e.g. an undated allergy) are always included.
        """
        where, params = self._where(profile_ids, since, until)
        col = f'"{self.mapper.time_column}"'
        order = f"{col} IS NOT NULL, {col}" if self.mapper.time_nullable else col
        sql = f"{self._select_sql}{where} ORDER BY {order}, created_at, id"
        if limit is not None:
            sql += f" LIMIT {int(limit)}"
        return self._materialise(self.db.query(sql, params))

    def count(self, profile_ids: Sequence[str] | None = None, since: str | None = None,
              until: str | None = None) -> int:
        """How many records :meth:`list` would return (one SQL count, no records built)."""
        where, params = self._where(profile_ids, since, until)
        return int(self.db.scalar(f"SELECT count(*) FROM {self.mapper.table}{where}", params))

    def _where(self, profile_ids: Sequence[str] | None, since: str | None,
               until: str | None) -> tuple[str, builtins.list[Any]]:
        clauses: builtins.list[str] = []
        params: builtins.list[Any] = []
        if profile_ids is not None:
            clauses.append(f"profile_id IN ({', '.join('?' for _ in profile_ids)})")
            params.extend(profile_ids)
        col = f'"{self.mapper.time_column}"'
        null_ok = f"{col} IS NULL OR " if self.mapper.time_nullable else ""
        if since is not None:
            clauses.append(f"({null_ok}{col} >= ?)")
            params.append(since)
        if until is not None:
            clauses.append(f"({null_ok}{col} < ?)")
            params.append(until)
        return (" WHERE " + " AND ".join(clauses) if clauses else ""), params

    def _materialise(self, rows: builtins.list[tuple[Any, ...]]) -> builtins.list[Record]:
        child = self.mapper.child
        by_parent: dict[str, list[Row]] = {}
        if child is not None and rows:
            ids = [r[0] for r in rows]
            cols = ", ".join(f'"{c}"' for c in (child.parent_column, *child.columns))
            for start in range(0, len(ids), _CHUNK):
                chunk = ids[start : start + _CHUNK]
                marks = ", ".join("?" for _ in chunk)
                for values in self.db.query(
                        f"SELECT {cols} FROM {child.table} WHERE {child.parent_column} "
                        f"IN ({marks}) ORDER BY {child.parent_column}, seq", chunk):
                    by_parent.setdefault(values[0], []).append(
                        dict(zip(child.columns, values[1:], strict=True)))
        return [self._from_db_row(r, by_parent.get(r[0], [])) for r in rows]

    # -- identity (CONTRACT §5) --------------------------------------------------
    def find_identity(self, profile_id: str, key_value: str, source_key: str) -> builtins.list[Record]:
        """Records with the same natural key: minute (bp, weight) or date (steps) + source."""
        column = "minute_utc" if self.mapper.time_mode == "instant" else self.mapper.time_column
        rows = self.db.query(
            f"{self._select_sql} WHERE profile_id = ? AND \"{column}\" = ? AND source_key = ?",
            (profile_id, key_value, source_key))
        return self._materialise(rows)

    def near(self, profile_id: str, since_utc: str, until_utc: str) -> builtins.list[Record]:
        """Instant kinds: records in [since, until] (probable cross-source duplicates)."""
        rows = self.db.query(
            f"{self._select_sql} WHERE profile_id = ? AND measured_at_utc BETWEEN ? AND ?",
            (profile_id, since_utc, until_utc))
        return self._materialise(rows)


class Repositories:
    """Every repository over one database (the unit the services work with)."""

    def __init__(self, db: Database) -> None:
        from phrapp.storage.repositories.batches import BatchRepository
        from phrapp.storage.repositories.meta import MetaRepository
        from phrapp.storage.repositories.profiles import ProfileRepository

        self.db = db
        self.profiles = ProfileRepository(db)
        self.meta = MetaRepository(db)
        self.batches = BatchRepository(db)
        self._records = {kind: RecordRepository(db, kind) for kind in RecordKind}

    def records(self, kind: RecordKind) -> RecordRepository:
        return self._records[kind]

    def of(self, record: Record) -> RecordRepository:
        return self._records[kind_of(record)]


def dumps_snapshot(snapshot: dict[str, Any]) -> str:
    return json.dumps(snapshot, ensure_ascii=False, sort_keys=True)
