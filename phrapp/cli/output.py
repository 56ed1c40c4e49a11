"""stdout for data (one compact JSON value with ``--json``), stderr for people."""

from __future__ import annotations

import json
import sys
from typing import Any

from phrapp.errors import PhrError


class Output:
    def __init__(self, json_mode: bool = False) -> None:
        self.json_mode = json_mode

    def data(self, value: Any) -> None:
        """Print ``value`` as one compact JSON line (``--json`` mode)."""
        sys.stdout.write(json.dumps(value, ensure_ascii=False, separators=(",", ":")) + "\n")
        sys.stdout.flush()

    def line(self, text: str = "") -> None:
        """A line of human output on stdout (tables, listings)."""
        sys.stdout.write(text + "\n")

    def info(self, text: str) -> None:
        """A message for people: stderr, so stdout stays machine-readable."""
        sys.stderr.write(text + "\n")
        sys.stderr.flush()

    def warn(self, text: str) -> None:
        self.info(f"warning: {text}")

    def error(self, exc: PhrError) -> None:
        if self.json_mode:
            self.data({"error": exc.to_json()})
        where = f" ({exc.path})" if exc.path else ""
        self.info(f"phrapp: error: {exc.message}{where}")
