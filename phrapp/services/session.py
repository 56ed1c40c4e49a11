"""A session: one unlocked vault and its repositories, the object every client holds."""

from __future__ import annotations

from pathlib import Path

from phrapp.storage.repositories import Repositories
from phrapp.storage.vault import Vault


class Session:
    """Wraps :class:`Vault`; ``repos`` gives the repositories over its database."""

    def __init__(self, vault: Vault) -> None:
        self.vault = vault
        self.repos = Repositories(vault.db)

    @classmethod
    def open(cls, folder: Path, *, passphrase: str | None = None,
             recovery_key: str | None = None) -> Session:
        return cls(Vault.open(folder, passphrase=passphrase, recovery_key=recovery_key))

    @classmethod
    def create(cls, folder: Path, passphrase: str) -> tuple[Session, str]:
        vault, recovery = Vault.create(folder, passphrase)
        return cls(vault), recovery

    @property
    def db(self):  # type: ignore[no-untyped-def]
        return self.vault.db

    def close(self) -> None:
        self.vault.close()

    def __enter__(self) -> Session:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
