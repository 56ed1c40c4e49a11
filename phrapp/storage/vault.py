"""The vault: a folder holding the encrypted database and its key slots.

```
<vault>/phrapp.db      SQLCipher 4, raw 256-bit key (the DEK)
<vault>/vault.key      the DEK wrapped under the passphrase and the recovery key
<vault>/phrapp.lock    held (OS lock) while a process has the vault open
<vault>/backups/       encrypted copies (e.g. before a schema migration)
```
Order of checks on open: lock (VaultBusy, exit 3) -> key file (VaultMissing or
VaultDamaged) -> unwrap (WrongPassphrase, exit 2; the database is not touched) ->
database checks (VaultDamaged, exit 3) -> migrations (with a backup first).
"""

from __future__ import annotations

import logging
import os
import shutil
import uuid
from dataclasses import dataclass
from pathlib import Path

from phrapp.domain.passphrase import assess
from phrapp.domain.time import utc_now
from phrapp.errors import VaultDamaged, VaultExists, VaultMissing, WeakPassphrase
from phrapp.storage import audit, kdf, keyslots, migrate
from phrapp.storage.atomic import make_private_dir, remove_stale_temps, write_atomic
from phrapp.storage.database import Database
from phrapp.storage.lockfile import VaultLock

log = logging.getLogger(__name__)

DB_NAME = "phrapp.db"
KEY_NAME = "vault.key"
LOCK_NAME = "phrapp.lock"
BACKUP_DIR = "backups"


@dataclass(frozen=True, slots=True)
class VaultPaths:
    folder: Path

    @property
    def db(self) -> Path:
        return self.folder / DB_NAME

    @property
    def keyfile(self) -> Path:
        return self.folder / KEY_NAME

    @property
    def lock(self) -> Path:
        return self.folder / LOCK_NAME

    @property
    def backups(self) -> Path:
        return self.folder / BACKUP_DIR

    def exists(self) -> bool:
        return self.db.exists()


def check_policy(passphrase: str) -> None:
    """WeakPassphrase (exit 2) when the policy refuses ``passphrase``."""
    strength = assess(passphrase)
    if not strength.acceptable:
        raise WeakPassphrase(f"passphrase too weak: {strength.warning}")


class Vault:
    """An unlocked vault. Close it (or use it as a context manager) to lock it again."""

    def __init__(self, paths: VaultPaths, db: Database, dek: bytearray, lock: VaultLock,
                 keyfile: keyslots.KeyFile) -> None:
        self.paths = paths
        self.db = db
        self._dek = dek
        self._lock = lock
        self._keyfile = keyfile

    # -- lifecycle ---------------------------------------------------------------
    @classmethod
    def create(cls, folder: Path, passphrase: str) -> tuple[Vault, str]:
        """Create a vault; returns it and the recovery key (show it once, never store it)."""
        check_policy(passphrase)
        paths = VaultPaths(Path(folder))
        if paths.db.exists():
            raise VaultExists("a vault already exists here", path=str(paths.folder))
        make_private_dir(paths.folder)
        lock = VaultLock(paths.lock)
        lock.acquire()
        try:
            dek = bytearray(os.urandom(kdf.KEY_BYTES))
            vault_id = str(uuid.uuid4())
            params = kdf.calibrate()
            recovery_text, recovery_raw = keyslots.new_recovery_key()
            keyfile = keyslots.KeyFile(vault_id, (
                keyslots.make_slot(keyslots.PASSPHRASE, vault_id,
                                   keyslots.normalise_passphrase(passphrase), dek, params),
                keyslots.make_slot(keyslots.RECOVERY, vault_id, recovery_raw, dek, params),
            ))
            # The key file first: a crash before the database exists leaves nothing
            # to lose, and init may run again (it refuses only when a database exists).
            keyslots.save(paths.keyfile, keyfile)
            db = Database.open(paths.db, dek, create=True)
            _chmod_private(paths.db)
            migrate.migrate(db)
            vault = cls(paths, db, dek, lock, keyfile)
            audit.record(db, "vault-created")
        except BaseException:
            lock.release()
            raise
        return vault, recovery_text

    @classmethod
    def open(cls, folder: Path, *, passphrase: str | None = None,
             recovery_key: str | None = None) -> Vault:
        """Unlock with the passphrase, or with the recovery key when given instead."""
        paths = VaultPaths(Path(folder))
        if not paths.keyfile.exists():
            if paths.db.exists():
                raise VaultDamaged("the key file vault.key is missing", path=str(paths.folder))
            raise VaultMissing("no vault here (run `phrapp init` first)", path=str(paths.folder))
        lock = VaultLock(paths.lock)
        lock.acquire()
        try:
            keyfile = keyslots.load(paths.keyfile)
            if recovery_key is not None:
                dek = keyslots.unwrap(keyfile, keyslots.RECOVERY,
                                      keyslots.parse_recovery_key(recovery_key))
                slot = keyslots.RECOVERY
            else:
                dek = keyslots.unwrap(keyfile, keyslots.PASSPHRASE,
                                      keyslots.normalise_passphrase(passphrase or ""))
                slot = keyslots.PASSPHRASE
            remove_stale_temps(paths.keyfile)
            db = Database.open(paths.db, dek)
            vault = cls(paths, db, dek, lock, keyfile)
            try:
                migrate.migrate(db, backup=vault._backup_before_migration)
                audit.record(db, "unlock", slot=slot)
            except BaseException:
                db.close()
                raise
        except BaseException:
            lock.release()
            raise
        return vault

    def close(self) -> None:
        """Close the database, forget the key, release the lock."""
        try:
            self.db.close()
        finally:
            for i in range(len(self._dek)):
                self._dek[i] = 0
            self._lock.release()

    def __enter__(self) -> Vault:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def is_open(self) -> bool:
        return not self.db.closed

    # -- key management ----------------------------------------------------------
    def change_passphrase(self, new_passphrase: str) -> None:
        """Rewrap the DEK under ``new_passphrase``: one atomic replace of ``vault.key``.

        A crash before the replace leaves the old passphrase working, after it the new
        one; never both, never neither. The database is not rewritten.
        """
        check_policy(new_passphrase)
        current = self._keyfile.slot(keyslots.PASSPHRASE)
        params = current.params if current and kdf.check_bounds(current.params) is None \
            else kdf.calibrate()
        if not kdf.test_mode() and kdf.check_bounds(params) is not None:
            params = kdf.calibrate()
        slot = keyslots.make_slot(keyslots.PASSPHRASE, self._keyfile.vault_id,
                                  keyslots.normalise_passphrase(new_passphrase), self._dek,
                                  params)
        updated = self._keyfile.with_slot(slot)
        keyslots.save(self.paths.keyfile, updated)
        self._keyfile = updated
        with self.db.transaction():
            audit.record(self.db, "passphrase-changed")

    # -- backups -----------------------------------------------------------------
    def backup_to(self, target: Path) -> Path:
        """Write an encrypted copy (database + key file) into the new folder ``target``.

        ``sqlcipher_export`` into a temp file, fsync, rename; never a raw file copy.
        """
        make_private_dir(target)
        tmp_db = target / (DB_NAME + ".partial")
        if tmp_db.exists():
            tmp_db.unlink()
        self.db.export_to(tmp_db, self._dek)
        with open(tmp_db, "rb+") as handle:
            os.fsync(handle.fileno())
        os.replace(tmp_db, target / DB_NAME)
        write_atomic(target / KEY_NAME, self._keyfile.to_bytes())
        return target

    def _backup_before_migration(self, from_version: int) -> None:
        stamp = utc_now().strftime("%Y%m%dT%H%M%SZ")
        target = self.paths.backups / f"pre-migration-v{from_version:04d}-{stamp}"
        self.backup_to(target)
        log.info("backup before migration from schema %d written", from_version)

    def remove_backups(self) -> None:
        """Delete the backups this vault manages (used by erase)."""
        shutil.rmtree(self.paths.backups, ignore_errors=True)


def _chmod_private(path: Path) -> None:
    try:
        os.chmod(path, 0o600)
    except OSError:  # pragma: no cover - e.g. filesystems without modes
        pass
