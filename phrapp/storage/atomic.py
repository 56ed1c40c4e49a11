"""Atomic file writes (after Electrum's ``storage.py``).

Write a new file created 0600 *before* any data is in it, fsync it, ``os.replace`` it
over the target, then fsync the directory so the rename itself survives a power cut.
A crash at any point leaves either the old file or the new one, never a mix.
"""

from __future__ import annotations

import contextlib
import os
import secrets
from pathlib import Path

TMP_MARK = ".tmp-"


def fsync_dir(folder: Path) -> None:
    """Make a rename in ``folder`` durable (no-op where directories cannot be opened)."""
    if os.name == "nt":  # pragma: no cover - Windows has no directory fsync
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def write_atomic(path: Path, data: bytes, *, mode: int = 0o600) -> None:
    """Replace ``path`` with ``data`` atomically; the new file has permissions ``mode``."""
    tmp = path.with_name(f"{path.name}{TMP_MARK}{secrets.token_hex(4)}")
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    fd = os.open(tmp, flags, mode)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
        raise
    fsync_dir(path.parent)


def remove_stale_temps(path: Path) -> int:
    """Delete temp files a crash left beside ``path``; returns how many."""
    count = 0
    for stale in path.parent.glob(f"{path.name}{TMP_MARK}*"):
        with contextlib.suppress(FileNotFoundError):
            stale.unlink()
            count += 1
    return count


def make_private_dir(folder: Path) -> None:
    """Create ``folder`` (and parents) with 0700 on the leaf."""
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    with contextlib.suppress(OSError):
        os.chmod(folder, 0o700)
