"""User settings, each declared once as a typed :class:`ConfigVar` (after Electrum).

Widgets never use string keys: they read ``settings.auto_lock_minutes`` and assign
``settings.auto_lock_minutes = 10``; the class attribute ``Settings.auto_lock_minutes``
is the :class:`ConfigVar` itself (default, bounds, choices). The values live in a small
JSON file in the per-user config folder, written atomically. It never holds health
data, names or paths to records: only preferences. No Qt here.
"""

from __future__ import annotations

import json
import logging
import os
from collections.abc import Callable
from enum import StrEnum
from pathlib import Path
from typing import Any, Generic, TypeVar, overload

from phrapp.domain.time import DEFAULT_ZONE, zone
from phrapp.storage.atomic import make_private_dir, write_atomic

log = logging.getLogger(__name__)

CONFIG_DIR_ENV = "PHRAPP_CONFIG_DIR"
SETTINGS_FILE = "settings.json"

T = TypeVar("T")


class Language(StrEnum):
    """The UI language; ``system`` follows the OS locale (Japanese locale → ja)."""

    SYSTEM = "system"
    JA = "ja"
    EN = "en"


class FontSize(StrEnum):
    """Three text sizes (標準 / 大 / 特大); the default is at least 11 pt (UX.md)."""

    NORMAL = "normal"
    LARGE = "large"
    XLARGE = "xlarge"

    @property
    def points(self) -> int:
        """The base font size in points."""
        return {FontSize.NORMAL: 11, FontSize.LARGE: 13, FontSize.XLARGE: 16}[self]


class ConfigVar(Generic[T]):
    """One setting: its key in the file, type, default and allowed values.

    Used as a descriptor on :class:`Settings`: on an instance it reads or writes the
    value (validated), on the class it is the declaration itself.
    """

    def __init__(self, key: str, default: T, *, parse: Callable[[Any], T],
                 minimum: int | None = None, maximum: int | None = None,
                 check: Callable[[T], bool] | None = None) -> None:
        self.key = key
        self.default = default
        self._parse = parse
        self.minimum = minimum
        self.maximum = maximum
        self._check = check
        self.coerce(default)  # a bad declaration fails at import time

    def coerce(self, raw: object) -> T:
        """``raw`` as a valid value of this setting; ValueError when it is not one."""
        if isinstance(raw, bool) != isinstance(self.default, bool):
            # bool is an int subclass: never a valid number, and only bools are flags.
            raise ValueError(f"{self.key}: not a valid value")
        try:
            value = self._parse(raw)
        except (TypeError, ValueError, KeyError) as exc:
            raise ValueError(f"{self.key}: not a valid value") from exc
        if isinstance(value, int) and not isinstance(value, bool):
            if self.minimum is not None and value < self.minimum:
                raise ValueError(f"{self.key}: below {self.minimum}")
            if self.maximum is not None and value > self.maximum:
                raise ValueError(f"{self.key}: above {self.maximum}")
        if self._check is not None and not self._check(value):
            raise ValueError(f"{self.key}: not a valid value")
        return value

    @overload
    def __get__(self, instance: None, owner: type[Any]) -> ConfigVar[T]: ...

    @overload
    def __get__(self, instance: Settings, owner: type[Any]) -> T: ...

    def __get__(self, instance: Settings | None, owner: type[Any]) -> ConfigVar[T] | T:
        if instance is None:
            return self
        return instance.get(self)

    def __set__(self, instance: Settings, value: T) -> None:
        instance.set(self, value)

    def __repr__(self) -> str:
        return f"ConfigVar({self.key!r}, default={self.default!r})"


def _int(raw: Any) -> int:
    if isinstance(raw, float) and not raw.is_integer():
        raise ValueError("not a whole number")
    return int(raw)


def _bool(raw: Any) -> bool:
    if not isinstance(raw, bool):
        raise TypeError("expected true or false")
    return raw


def _zone_name(raw: Any) -> str:
    if not isinstance(raw, str):
        raise TypeError("zone names are text")
    zone(raw)  # ValueError when unknown
    return raw


class Settings:
    """The user's preferences; see the module docstring. ``path`` None = not saved."""

    language: ConfigVar[Language] = ConfigVar("language", Language.SYSTEM, parse=Language)
    font_size: ConfigVar[FontSize] = ConfigVar("font_size", FontSize.NORMAL, parse=FontSize)
    auto_lock_minutes: ConfigVar[int] = ConfigVar("auto_lock_minutes", 5, parse=_int,
                                                  minimum=1, maximum=60)
    home_zone_default: ConfigVar[str] = ConfigVar("home_zone_default", DEFAULT_ZONE,
                                                  parse=_zone_name)
    steps_target: ConfigVar[int] = ConfigVar("steps_target", 8000, parse=_int,
                                             minimum=1000, maximum=50000)
    # The Suita score is a reference only (JAS GL2017, unconfirmed): off by default.
    show_suita: ConfigVar[bool] = ConfigVar("show_suita", False, parse=_bool)

    def __init__(self, path: Path | None = None, values: dict[str, Any] | None = None) -> None:
        self.path = path
        self._values: dict[str, Any] = {}
        self._unknown: dict[str, Any] = {}
        for key, raw in (values or {}).items():
            var = self.var(key)
            if var is None:
                self._unknown[key] = raw  # a newer version's setting: keep it on save
                continue
            try:
                self._values[key] = var.coerce(raw)
            except ValueError:
                log.warning("setting %s has an invalid value; using the default", key)

    # -- declarations ------------------------------------------------------------
    @classmethod
    def vars(cls) -> list[ConfigVar[Any]]:
        """Every declared setting."""
        return [v for v in vars(cls).values() if isinstance(v, ConfigVar)]

    @classmethod
    def var(cls, key: str) -> ConfigVar[Any] | None:
        return next((v for v in cls.vars() if v.key == key), None)

    # -- values ------------------------------------------------------------------
    def get(self, var: ConfigVar[T]) -> T:
        value: T = self._values.get(var.key, var.default)
        return value

    def set(self, var: ConfigVar[T], value: T) -> None:
        """Validate and set (in memory; call :meth:`save` to write the file)."""
        self._values[var.key] = var.coerce(value)

    def reset(self, var: ConfigVar[Any]) -> None:
        self._values.pop(var.key, None)

    def as_dict(self) -> dict[str, Any]:
        """Every setting with its current value (defaults included)."""
        return {var.key: self.get(var) for var in self.vars()}

    # -- file --------------------------------------------------------------------
    @classmethod
    def load(cls, path: Path | None = None) -> Settings:
        """Read ``path`` (default: :func:`default_path`); a missing or bad file gives defaults."""
        path = path or default_path()
        values: dict[str, Any] = {}
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            if isinstance(data, dict):
                values = data
            else:
                log.warning("settings file is not a JSON object; using defaults")
        except FileNotFoundError:
            pass
        except (OSError, ValueError) as exc:
            log.warning("settings file unreadable (%s); using defaults", type(exc).__name__)
        return cls(path, values)

    def save(self) -> None:
        """Write the file atomically (no-op for in-memory settings)."""
        if self.path is None:
            return
        make_private_dir(self.path.parent)
        data = {**self._unknown, **{k: _plain(v) for k, v in self._values.items()}}
        text = json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
        write_atomic(self.path, text.encode("utf-8"))


def _plain(value: Any) -> Any:
    return value.value if isinstance(value, StrEnum) else value


def config_dir() -> Path:
    """``$PHRAPP_CONFIG_DIR``, else the platform's per-user config folder."""
    override = os.environ.get(CONFIG_DIR_ENV)
    if override:
        return Path(override).expanduser()
    import platformdirs

    return Path(platformdirs.user_config_dir("phrapp", appauthor=False))


def default_path() -> Path:
    return config_dir() / SETTINGS_FILE
