"""In-process ``phrapp`` runner for the risk tests (same as tests/integration/cli)."""

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


@pytest.fixture
def vault_dir(tmp_path: Path) -> Path:
    return tmp_path / "vault"


@pytest.fixture
def cli(vault_dir: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> Callable[..., CliResult]:
    """Run ``phrapp`` in-process (fast KDF via the suite hook); ``stdin`` bytes optional."""
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


@pytest.fixture
def vault(cli: Callable[..., CliResult]) -> Callable[..., CliResult]:
    result = cli("init", "--profile", "本人", "--sex", "male", "--birth", "1970-01-02", "--json")
    assert result.code == 0, result.err
    return cli
