"""Integration fixtures: ``cli`` runs ``phrapp`` in-process against ``tmp_path/vault``."""

from __future__ import annotations

from pathlib import Path

import pytest
from cli_support import Cli, make_cli


@pytest.fixture
def vault_dir(tmp_path: Path) -> Path:
    return tmp_path / "vault"


@pytest.fixture
def cli(vault_dir: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> Cli:
    """Run ``phrapp`` in-process; ``stdin=b"…"`` feeds standard input."""
    return make_cli(vault_dir, monkeypatch, capsys)
