"""Shared CLI plumbing: where the vault is, unlocking it, parsing common values."""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path

from phrapp.cli.secrets import unlock_secrets
from phrapp.domain.time import parse_date
from phrapp.errors import UsageError, VaultMissing
from phrapp.services.locations import default_vault_folder
from phrapp.services.session import Session
from phrapp.storage.vault import VaultPaths


def vault_folder(args: argparse.Namespace) -> Path:
    """``--vault``, else ``$PHRAPP_VAULT``, else the per-user data folder."""
    if getattr(args, "vault", None):
        return Path(args.vault).expanduser()
    return default_vault_folder()


def open_session(args: argparse.Namespace) -> Session:
    """Unlock the vault (secrets from the environment or a prompt)."""
    folder = vault_folder(args)
    paths = VaultPaths(folder)
    if not paths.keyfile.exists() and not paths.db.exists():
        # Say so before asking for a passphrase that could not help.
        raise VaultMissing("no vault here (run `phrapp init` first)", path=str(folder))
    passphrase, recovery = unlock_secrets()
    return Session.open(folder, passphrase=passphrase, recovery_key=recovery)


def date_arg(value: str | None, name: str) -> dt.date | None:
    if value is None:
        return None
    try:
        return parse_date(value)
    except ValueError:
        raise UsageError(f"{name}: expected YYYY-MM-DD, got {value!r}") from None
