from __future__ import annotations

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


@pytest.fixture
def cli(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> Callable[..., CliResult]:
    """Run ``phrapp`` in-process against a vault in tmp_path (fast KDF via the hook)."""
    monkeypatch.setenv("PHRAPP_VAULT", str(tmp_path / "vault"))
    monkeypatch.setenv("PHRAPP_PASSPHRASE", PASS)
    monkeypatch.delenv("PHRAPP_RECOVERY_KEY", raising=False)
    monkeypatch.delenv("PHRAPP_NEW_PASSPHRASE", raising=False)

    def run(*argv: str) -> CliResult:
        capsys.readouterr()
        code = main(list(argv))
        captured = capsys.readouterr()
        return CliResult(code, captured.out, captured.err)

    return run


@pytest.fixture
def vault(cli: Callable[..., CliResult]) -> Callable[..., CliResult]:
    result = cli("init", "--profile", "本人", "--sex", "male", "--birth", "1970-01-02", "--json")
    assert result.code == 0, result.err
    return cli
