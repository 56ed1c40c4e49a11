"""Numbered schema migrations (``migrations/NNNN_<slug>.sql``), after Electrum's chain.

``PRAGMA user_version`` holds the last applied number. Each migration runs in its own
transaction together with the version bump, so a crash leaves the schema at a whole
step. Before migrating an existing vault, an encrypted backup is written (the caller
passes ``backup``), so a failed upgrade can always be undone by hand.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from importlib import resources

from phrapp.storage.database import Database

_NAME = re.compile(r"^(\d{4})_([a-z0-9_]+)\.sql$")


@dataclass(frozen=True, slots=True)
class Migration:
    number: int
    slug: str
    script: str


def available() -> list[Migration]:
    """Every migration shipped in the package, in order; numbers must be 1..N."""
    found = []
    for entry in resources.files("phrapp.storage.migrations").iterdir():
        match = _NAME.match(entry.name)
        if match:
            found.append(Migration(int(match[1]), match[2], entry.read_text("utf-8")))
    found.sort(key=lambda m: m.number)
    if [m.number for m in found] != list(range(1, len(found) + 1)):
        raise RuntimeError("migration numbers must be consecutive from 0001")
    return found


def latest_version() -> int:
    return len(available())


def current_version(db: Database) -> int:
    return int(db.scalar("PRAGMA user_version"))


def migrate(db: Database, backup: Callable[[int], object] | None = None) -> list[int]:
    """Apply pending migrations; returns the numbers applied.

    ``backup(from_version)`` runs first when the database already has a schema.
    A database newer than this phrapp is refused (downgrades lose data).
    """
    version = current_version(db)
    pending = [m for m in available() if m.number > version]
    if version > latest_version():
        raise RuntimeError("this vault was written by a newer phrapp; please update phrapp")
    if not pending:
        return []
    if version > 0 and backup is not None:
        backup(version)
    applied = []
    for migration in pending:
        with db.transaction():
            for statement in _statements(migration.script):
                db.execute(statement)
            db.execute(f"PRAGMA user_version = {migration.number}")
        applied.append(migration.number)
    return applied


def _statements(script: str) -> list[str]:
    """Split a migration script into statements (our scripts hold no ';' in literals)."""
    lines = [line for line in script.splitlines() if not line.strip().startswith("--")]
    return [s.strip() for s in "\n".join(lines).split(";") if s.strip()]
