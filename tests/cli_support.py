"""Running ``phrapp`` in-process for integration tests (the ``cli`` fixture's machinery)."""

from __future__ import annotations

import io
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from phrapp.cli import main

PASS = "correct horse battery staple 7"


class CliResult:
    """Exit code, stdout and stderr of one in-process run."""

    def __init__(self, code: int, out: str, err: str) -> None:
        self.code = code
        self.out = out
        self.err = err

    @property
    def json(self) -> Any:
        lines = self.out.strip().splitlines()
        assert len(lines) == 1, f"expected one JSON line, got {self.out!r}"
        return json.loads(lines[0])

    @property
    def lines(self) -> list[Any]:
        return [json.loads(line) for line in self.out.splitlines()]


Cli = Callable[..., CliResult]
Result = CliResult


def make_cli(vault_dir: Path, monkeypatch: pytest.MonkeyPatch,
             capsys: pytest.CaptureFixture[str]) -> Cli:
    """A runner bound to ``vault_dir`` with the test passphrase (fast KDF via the hook)."""
    monkeypatch.setenv("PHRAPP_VAULT", str(vault_dir))
    monkeypatch.setenv("PHRAPP_PASSPHRASE", PASS)
    monkeypatch.delenv("PHRAPP_RECOVERY_KEY", raising=False)
    monkeypatch.delenv("PHRAPP_NEW_PASSPHRASE", raising=False)
    monkeypatch.setenv("PHRAPP_CONFIG_DIR", str(vault_dir.parent / "config"))

    def run(*argv: str, stdin: bytes | None = None) -> CliResult:
        capsys.readouterr()
        if stdin is not None:
            monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(stdin),
                                                              encoding="utf-8"))
        code = main(list(argv))
        captured = capsys.readouterr()
        return CliResult(code, captured.out, captured.err)

    return run


def query(tmp_path: Path, sql: str) -> list[tuple[Any, ...]]:
    """Rows of ``sql`` run on the vault in ``tmp_path / "vault"``."""
    from phrapp.services.session import Session

    with Session.open(tmp_path / "vault", passphrase=PASS) as session:
        return [tuple(row) for row in session.db.query(sql)]
