"""Secrets come from the environment or a terminal prompt, never from the command line.

Without the variable and without a terminal, fail at once with exit 2
(``missing-secret``): a prompt must never hang a script waiting on stdin.
"""

from __future__ import annotations

import getpass
import os
import sys

from phrapp.errors import MissingSecret, Refused

PASSPHRASE = "PHRAPP_PASSPHRASE"
NEW_PASSPHRASE = "PHRAPP_NEW_PASSPHRASE"
RECOVERY_KEY = "PHRAPP_RECOVERY_KEY"
SHARE_PASSPHRASE = "PHRAPP_SHARE_PASSPHRASE"


def _interactive() -> bool:
    try:
        return sys.stdin is not None and sys.stdin.isatty()
    except (AttributeError, ValueError):
        return False


def read_secret(variable: str, prompt: str, *, confirm: bool = False) -> str:
    """The secret from ``variable``, else a no-echo prompt on a terminal, else exit 2."""
    value = os.environ.get(variable)
    if value:
        return value
    if not _interactive():
        raise MissingSecret(f"set {variable} or run phrapp in a terminal to be asked")
    first = getpass.getpass(prompt)
    if confirm:
        again = getpass.getpass("Repeat: ")
        if again != first:
            raise Refused("the two entries differ", code="mismatch")
    return first


def unlock_secrets() -> tuple[str | None, str | None]:
    """(passphrase, recovery key): the recovery key wins when PHRAPP_RECOVERY_KEY is set."""
    recovery = os.environ.get(RECOVERY_KEY)
    if recovery:
        return None, recovery
    return read_secret(PASSPHRASE, "Passphrase: "), None
