"""Small key/value settings stored inside the vault (active profile, per-vault settings)."""

from __future__ import annotations

from phrapp.storage.database import Database


class MetaRepository:
    def __init__(self, db: Database) -> None:
        self.db = db

    def get(self, key: str) -> str | None:
        value = self.db.scalar("SELECT value FROM meta WHERE key = ?", (key,))
        return str(value) if value is not None else None

    def set(self, key: str, value: str) -> None:
        self.db.execute(
            "INSERT INTO meta (key, value) VALUES (?, ?) "
            "ON CONFLICT(key) DO UPDATE SET value = excluded.value", (key, value))

    def delete(self, key: str) -> None:
        self.db.execute("DELETE FROM meta WHERE key = ?", (key,))
