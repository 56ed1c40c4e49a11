"""No health values in logs, exit 4 for internal errors, and the demo's headless check."""

from __future__ import annotations

import logging
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

MARKER = "MARKER-LOG-ZQX"


def test_internal_error_exit_4_without_values(vault: Callable, caplog: pytest.LogCaptureFixture,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    def explode(self: object, record: object) -> list[str]:
        raise ValueError(f"{MARKER} systolic 128 for 本人")

    monkeypatch.setattr("phrapp.services.records.RecordService.add", explode)
    caplog.set_level(logging.DEBUG)
    result = vault("add", "bp", "128", "82", "--note", MARKER, "--json")
    assert result.code == 4
    assert result.json["error"]["code"] == "internal"
    assert "ValueError" in result.json["error"]["message"]
    everything = result.out + result.err + caplog.text
    assert MARKER not in everything and "本人" not in everything
    assert "test_cli_logging_and_demo.py" in caplog.text  # the location is logged


def test_debug_logging_of_a_normal_session_holds_no_values(
        vault: Callable, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch) -> None:
    caplog.set_level(logging.DEBUG)
    vault("profile", "add", f"{MARKER}-name")
    vault("add", "bp", "131", "87", "--note", MARKER, "--profile", f"{MARKER}-name")
    vault("list", "bp", "--all-profiles")
    monkeypatch.setenv("PHRAPP_PASSPHRASE", "wrong wrong wrong wrong")
    vault("list", "bp")
    text = caplog.text
    assert MARKER not in text
    assert "correct horse" not in text and "wrong wrong" not in text


def test_demo_smoke_passes_headless(tmp_path: Path) -> None:
    # No display and no QT_QPA_PLATFORM: --smoke must go offscreen by itself.
    env = {k: v for k, v in os.environ.items()
           if not k.startswith("PHRAPP_") and k not in ("QT_QPA_PLATFORM", "DISPLAY",
                                                         "WAYLAND_DISPLAY")}
    env["TMPDIR"] = str(tmp_path)
    result = subprocess.run([sys.executable, "-m", "phrapp", "--demo", "--smoke"], env=env,
                            capture_output=True, text=True, timeout=240,
                            stdin=subprocess.DEVNULL)
    assert result.returncode == 0, result.stderr[-2000:]
    assert list(tmp_path.iterdir()) == []  # the throwaway vault is gone
