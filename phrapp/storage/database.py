"""The SQLCipher connection, opened and checked exactly one way.

Never the stdlib ``sqlite3``: it silently accepts ``PRAGMA key`` and writes plaintext.
Every open asserts SQLCipher 4.x and the pinned ``cipher_settings`` (specs/security.md
§2), sets the durability and privacy pragmas, and runs ``quick_check``.

All SQL goes through :class:`Database`, which serialises access from several threads
and calls the optional thread guard first: the GUI turns the guard on so that any SQL
on the GUI thread fails loudly in tests (no SQL on the UI thread).
"""

from __future__ import annotations

import contextlib
import logging
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

import sqlcipher3

from phrapp.errors import VaultBusy, VaultDamaged

log = logging.getLogger(__name__)

# cipher_settings after a raw-key PRAGMA key, recorded with sqlcipher3 0.6.4
# (SQLCipher 4.19.0 community). kdf_iter is listed but unused with a raw key.
PINNED_CIPHER_SETTINGS: tuple[str, ...] = (
    "PRAGMA kdf_iter = 256000;",
    "PRAGMA cipher_page_size = 4096;",
    "PRAGMA cipher_use_hmac = 1;",
    "PRAGMA cipher_plaintext_header_size = 0;",
    "PRAGMA cipher_hmac_algorithm = HMAC_SHA512;",
    "PRAGMA cipher_kdf_algorithm = PBKDF2_HMAC_SHA512;",
)

SESSION_PRAGMAS = (
    "journal_mode=WAL",
    "synchronous=FULL",
    "secure_delete=ON",
    "temp_store=MEMORY",
    "foreign_keys=ON",
    "locking_mode=EXCLUSIVE",
)

Row = tuple[Any, ...]
DatabaseError = sqlcipher3.DatabaseError
IntegrityError = sqlcipher3.IntegrityError

# The thread guard (None = off). The UI installs one that raises on the GUI thread.
_thread_guard: Callable[[], None] | None = None


def set_thread_guard(guard: Callable[[], None] | None) -> None:
    """Install (or remove with None) a callable run before every statement."""
    global _thread_guard
    _thread_guard = guard


def key_pragma(dek: bytes | bytearray) -> str:
    """The raw-key ``PRAGMA key`` statement (no PBKDF2: the key is already random)."""
    return f"PRAGMA key = \"x'{bytes(dek).hex()}'\""


class Database:
    """A checked SQLCipher connection. Use :meth:`transaction` for every write."""

    def __init__(self, conn: sqlcipher3.Connection, path: Path) -> None:
        self._conn = conn
        self.path = path
        self._lock = threading.RLock()
        self._closed = False

    # -- opening -----------------------------------------------------------------
    @classmethod
    def open(cls, path: Path, dek: bytes | bytearray, *, create: bool = False) -> Database:
        """Open (or create) the database at ``path`` with the raw key ``dek``.

        VaultDamaged when the key does not open the file or a check fails.
        """
        if not create and not path.exists():
            raise VaultDamaged("the database file is missing", path=str(path))
        conn = sqlcipher3.connect(str(path), isolation_level=None, check_same_thread=False)
        try:
            cls._check_and_configure(conn, dek)
        except BaseException:
            conn.close()
            raise
        return cls(conn, path)

    @staticmethod
    def _check_and_configure(conn: sqlcipher3.Connection, dek: bytes | bytearray) -> None:
        conn.execute(key_pragma(dek))
        version = conn.execute("PRAGMA cipher_version").fetchone()
        if not version or not str(version[0]).startswith("4."):
            raise VaultDamaged(f"SQLCipher 4.x required, found {version!r}")
        settings = tuple(r[0] for r in conn.execute("PRAGMA cipher_settings").fetchall())
        if settings != PINNED_CIPHER_SETTINGS:
            raise VaultDamaged("unexpected SQLCipher settings; refusing to open")
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
            for pragma in SESSION_PRAGMAS:
                conn.execute(f"PRAGMA {pragma}").fetchall()
            check = conn.execute("PRAGMA quick_check").fetchone()
        except sqlcipher3.OperationalError as exc:
            if "locked" in str(exc):
                raise VaultBusy("the database is locked by another process") from None
            raise VaultDamaged(f"the database cannot be read ({exc})") from None
        except sqlcipher3.DatabaseError as exc:
            raise VaultDamaged(f"the database is damaged or not a phrapp vault ({exc})") from None
        if not check or check[0] != "ok":
            raise VaultDamaged("the database failed its integrity check")

    # -- statements ----------------------------------------------------------------
    def _guard(self) -> None:
        if self._closed:
            raise sqlcipher3.ProgrammingError("Cannot operate on a closed database.")
        if _thread_guard is not None:
            _thread_guard()

    def execute(self, sql: str, params: Sequence[Any] | dict[str, Any] = ()) -> int:
        """Run one statement; returns the number of changed rows."""
        self._guard()
        with self._lock:
            return int(self._conn.execute(sql, params).rowcount)

    def executemany(self, sql: str, rows: Iterable[Sequence[Any] | dict[str, Any]]) -> None:
        self._guard()
        with self._lock:
            self._conn.executemany(sql, rows)

    def executescript(self, script: str) -> None:
        self._guard()
        with self._lock:
            self._conn.executescript(script)

    def query(self, sql: str, params: Sequence[Any] | dict[str, Any] = ()) -> list[Row]:
        self._guard()
        with self._lock:
            return list(self._conn.execute(sql, params).fetchall())

    def query_one(self, sql: str, params: Sequence[Any] | dict[str, Any] = ()) -> Row | None:
        self._guard()
        with self._lock:
            row = self._conn.execute(sql, params).fetchone()
            return tuple(row) if row is not None else None

    def scalar(self, sql: str, params: Sequence[Any] | dict[str, Any] = ()) -> Any:
        row = self.query_one(sql, params)
        return row[0] if row else None

    @contextlib.contextmanager
    def transaction(self) -> Iterator[Database]:
        """``BEGIN IMMEDIATE … COMMIT``; rollback on any exception.

        SQLite rolls back by itself on SQLITE_FULL (disk full); the rollback then finds
        no transaction, which is tolerated (specs/security.md T6).
        """
        self._guard()
        with self._lock:
            if self._conn.in_transaction:
                # Nested use joins the outer transaction (a savepoint keeps it atomic).
                self._conn.execute("SAVEPOINT nested")
                try:
                    yield self
                except BaseException:
                    self._conn.execute("ROLLBACK TO nested")
                    self._conn.execute("RELEASE nested")
                    raise
                self._conn.execute("RELEASE nested")
                return
            self._conn.execute("BEGIN IMMEDIATE")
            try:
                yield self
            except BaseException:
                if self._conn.in_transaction:
                    self._conn.execute("ROLLBACK")
                raise
            self._conn.execute("COMMIT")

    @property
    def in_transaction(self) -> bool:
        return bool(self._conn.in_transaction)

    def checkpoint(self) -> None:
        """Fold the WAL back into the database and truncate it."""
        self.query("PRAGMA wal_checkpoint(TRUNCATE)")

    def export_to(self, target: Path, dek: bytes | bytearray) -> None:
        """Copy the live rows into a new encrypted database (``sqlcipher_export``)."""
        self._guard()
        with self._lock:
            self._conn.execute("ATTACH DATABASE ? AS export_target KEY ?",
                               (str(target), f"x'{bytes(dek).hex()}'"))
            try:
                self._conn.execute("SELECT sqlcipher_export('export_target')")
                version = self._conn.execute("PRAGMA user_version").fetchone()[0]
                self._conn.execute(f"PRAGMA export_target.user_version = {int(version)}")
            finally:
                self._conn.execute("DETACH DATABASE export_target")

    def close(self) -> None:
        """Checkpoint and close; later calls raise ProgrammingError."""
        if self._closed:
            return
        with self._lock:
            try:
                if self._conn.in_transaction:
                    self._conn.execute("ROLLBACK")
                self._conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            except sqlcipher3.Error as exc:  # closing must not fail; log the class only
                log.warning("checkpoint on close failed: %s", type(exc).__name__)
            finally:
                self._conn.close()
                self._closed = True

    @property
    def closed(self) -> bool:
        return self._closed
