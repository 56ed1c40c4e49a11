"""Dependency pins that protect users (DEVELOPERS.md "Setup")."""

from __future__ import annotations

import sys
from importlib import metadata
from pathlib import Path

import pytest

PYPROJECT = Path(__file__).resolve().parents[2] / "pyproject.toml"


def _version_tuple(text: str) -> tuple[int, ...]:
    parts = []
    for piece in text.split(".")[:3]:
        digits = "".join(ch for ch in piece if ch.isdigit())
        parts.append(int(digits or 0))
    return tuple(parts)


def test_pyside6_below_6_12_on_python_below_3_12() -> None:
    """PySide6 6.12.0 crashes CPython 3.11 (every void Qt call drops a ref to None)."""
    if sys.version_info >= (3, 12):
        pytest.skip("Python 3.12+ may take newer PySide6")
    installed = metadata.version("PySide6-Essentials")
    assert _version_tuple(installed) < (6, 12), f"PySide6 {installed} on Python < 3.12"


def test_pyproject_marks_the_pin_by_python_version() -> None:
    import tomllib

    deps = tomllib.loads(PYPROJECT.read_text(encoding="utf-8"))["project"]["dependencies"]
    pyside = [d for d in deps if d.lower().startswith("pyside6")]
    assert any("<6.12" in d and "python_version < '3.12'" in d for d in pyside), pyside
    assert any("python_version >= '3.12'" in d and "<6.12" not in d for d in pyside), pyside


def test_argon2id_available_in_shipped_cryptography() -> None:
    from cryptography.hazmat.primitives.kdf.argon2 import Argon2id

    key = Argon2id(salt=b"s" * 16, length=32, iterations=1, lanes=1, memory_cost=64).derive(b"x")
    assert len(key) == 32


def test_sqlcipher_is_version_4() -> None:
    import sqlcipher3

    conn = sqlcipher3.connect(":memory:")
    assert conn.execute("PRAGMA cipher_version").fetchone()[0].startswith("4.")
