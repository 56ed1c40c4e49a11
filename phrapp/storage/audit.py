"""The audit trail, kept inside the encrypted vault.

Events name what happened (unlock, import, export, delete, passphrase change) with
counts, formats and hashes: never health values, names or file contents. The
``detail`` keys are checked against an allow-list so a careless caller cannot log a value.
"""

from __future__ import annotations

import json
from typing import Any

from phrapp.domain.time import to_utc_text, utc_now
from phrapp.storage.database import Database

ALLOWED_DETAIL_KEYS = frozenset({
    "kind", "count", "format", "formats", "batch", "sha256", "size", "result", "encrypted",
    "target", "from_version", "to_version", "slot", "files", "profile_id", "reason",
})


def record(db: Database, event: str, **detail: Any) -> None:
    """Append an audit event. Raises ValueError for a detail key not on the allow-list."""
    unknown = set(detail) - ALLOWED_DETAIL_KEYS
    if unknown:
        raise ValueError(f"audit detail keys not allowed: {sorted(unknown)}")
    db.execute(
        "INSERT INTO audit_log (at, event, detail) VALUES (?, ?, ?)",
        (to_utc_text(utc_now()), event, json.dumps(detail, sort_keys=True, ensure_ascii=False)),
    )


def events(db: Database, limit: int = 1000) -> list[tuple[str, str, dict[str, Any]]]:
    """The latest events, oldest first: (at, event, detail)."""
    rows = db.query("SELECT at, event, detail FROM audit_log ORDER BY seq DESC LIMIT ?", (limit,))
    return [(r[0], r[1], json.loads(r[2])) for r in reversed(rows)]
