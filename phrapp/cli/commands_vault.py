"""``init``, ``passwd`` and the app entry (``phrapp`` / ``phrapp --demo``)."""

from __future__ import annotations

import argparse

from phrapp.cli.context import date_arg, open_session, vault_folder
from phrapp.cli.output import Output
from phrapp.cli.secrets import NEW_PASSPHRASE, PASSPHRASE, read_secret
from phrapp.domain.records import Sex
from phrapp.domain.time import DEFAULT_ZONE
from phrapp.services.profiles import ProfileService
from phrapp.services.session import Session
from phrapp.storage.vault import check_policy


def cmd_init(args: argparse.Namespace, out: Output) -> int:
    folder = vault_folder(args)
    birth = date_arg(args.birth, "--birth")
    passphrase = read_secret(PASSPHRASE, "New passphrase (12+ characters): ", confirm=True)
    check_policy(passphrase)  # before the slow key derivation
    out.info("Creating the vault (deriving keys takes about a second)…")
    session, recovery = Session.create(folder, passphrase)
    try:
        profile = ProfileService(session).add(
            args.profile, sex=Sex(args.sex) if args.sex else None, birth_date=birth,
            home_zone=args.zone or DEFAULT_ZONE)
    finally:
        session.close()
    if args.json:
        out.data({"vault": str(folder), "profile": profile.name, "recovery_key": recovery})
    else:
        out.line(f"Vault created: {folder}")
        out.line(f"Profile: {profile.name}")
        out.line("")
        out.line("Recovery key (回復キー) — write it down and keep it somewhere safe.")
        out.line("It is shown only this once and opens the vault if you forget the passphrase:")
        out.line("")
        out.line(f"    {recovery}")
        out.line("")
        out.line("Without the passphrase or this key, the data cannot be recovered by anyone.")
    return 0


def cmd_passwd(args: argparse.Namespace, out: Output) -> int:
    session = open_session(args)
    try:
        new = read_secret(NEW_PASSPHRASE, "New passphrase: ", confirm=True)
        session.vault.change_passphrase(new)
    finally:
        session.close()
    if args.json:
        out.data({"changed": True})
    else:
        out.info("Passphrase changed. The old passphrase no longer opens this vault.")
    return 0


def cmd_app(args: argparse.Namespace, out: Output) -> int:
    """No subcommand: the desktop app (``--demo`` for a throwaway demo vault)."""
    from phrapp.cli.app_entry import run_app

    return run_app(args, out)
