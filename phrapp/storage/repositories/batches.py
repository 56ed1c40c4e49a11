"""Import batches, their files and the journal that makes ``import undo`` exact."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from phrapp.storage.database import Database


@dataclass(frozen=True, slots=True)
class JournalEntry:
    seq: int
    action: str  # "added" | "replaced"
    kind: str
    record_id: str
    previous: dict[str, Any] | None


@dataclass(frozen=True, slots=True)
class BatchInfo:
    id: str
    committed_at: str
    profile_ids: list[str]
    summary: dict[str, Any]
    undone_at: str | None
    files: list[dict[str, Any]]


class BatchRepository:
    def __init__(self, db: Database) -> None:
        self.db = db

    def create(self, batch_id: str, committed_at: str, profile_ids: list[str],
               summary: dict[str, Any]) -> None:
        self.db.execute(
            "INSERT INTO import_batches (id, committed_at, profile_ids, summary_json) "
            "VALUES (?, ?, ?, ?)",
            (batch_id, committed_at, json.dumps(profile_ids), json.dumps(summary, sort_keys=True)))

    def add_file(self, batch_id: str, seq: int, name: str, sha256: str, size: int,
                 fmt: str) -> None:
        self.db.execute(
            "INSERT INTO import_files (batch_id, seq, name, sha256, size, format) "
            "VALUES (?, ?, ?, ?, ?, ?)", (batch_id, seq, name, sha256, size, fmt))

    def journal(self, batch_id: str, entries: Iterable[JournalEntry]) -> None:
        """Insert the entries; an iterator streams into ``executemany`` unheld."""
        self.db.executemany(
            "INSERT INTO batch_journal (batch_id, seq, action, kind, record_id, previous_json) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            ((batch_id, e.seq, e.action, e.kind, e.record_id,
              json.dumps(e.previous, ensure_ascii=False) if e.previous is not None else None)
             for e in entries))

    def entries(self, batch_id: str) -> list[JournalEntry]:
        rows = self.db.query(
            "SELECT seq, action, kind, record_id, previous_json FROM batch_journal "
            "WHERE batch_id = ? ORDER BY seq", (batch_id,))
        return [JournalEntry(r[0], r[1], r[2], r[3], json.loads(r[4]) if r[4] else None)
                for r in rows]

    def get(self, batch_id: str) -> BatchInfo | None:
        row = self.db.query_one(
            "SELECT id, committed_at, profile_ids, summary_json, undone_at FROM import_batches "
            "WHERE id = ?", (batch_id,))
        return self._info(row) if row else None

    def history(self) -> list[BatchInfo]:
        rows = self.db.query(
            "SELECT id, committed_at, profile_ids, summary_json, undone_at FROM import_batches "
            "ORDER BY committed_at, id")
        return [self._info(r) for r in rows]

    def mark_undone(self, batch_id: str, at: str) -> None:
        self.db.execute("UPDATE import_batches SET undone_at = ? WHERE id = ?", (at, batch_id))

    def file_seen(self, sha256: str) -> bool:
        """True when a committed, not undone batch already holds a file with this hash."""
        return bool(self.db.scalar(
            "SELECT count(*) FROM import_files f JOIN import_batches b ON b.id = f.batch_id "
            "WHERE f.sha256 = ? AND b.undone_at IS NULL", (sha256,)))

    def _info(self, row: tuple[Any, ...]) -> BatchInfo:
        files = [
            {"name": r[0], "sha256": r[1], "size": r[2], "format": r[3]}
            for r in self.db.query(
                "SELECT name, sha256, size, format FROM import_files WHERE batch_id = ? "
                "ORDER BY seq", (row[0],))
        ]
        return BatchInfo(row[0], row[1], json.loads(row[2]), json.loads(row[3]), row[4], files)
