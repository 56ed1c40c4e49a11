"""Where things live on this computer (shared by the CLI and the GUI)."""

from __future__ import annotations

import os
from pathlib import Path

VAULT_ENV = "PHRAPP_VAULT"


def default_vault_folder() -> Path:
    """``$PHRAPP_VAULT``, else the per-user data folder (platformdirs) + ``vault``."""
    if os.environ.get(VAULT_ENV):
        return Path(os.environ[VAULT_ENV]).expanduser()
    import platformdirs

    return Path(platformdirs.user_data_dir("phrapp", appauthor=False)) / "vault"
