"""phrapp.settings: typed settings declared once, stored as JSON, no Qt."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from phrapp.settings import ConfigVar, FontSize, Language, Settings, default_path


def test_defaults_are_the_documented_ones() -> None:
    settings = Settings()
    assert settings.language is Language.SYSTEM
    assert settings.font_size is FontSize.NORMAL
    assert settings.font_size.points >= 11
    assert settings.auto_lock_minutes == 5
    assert settings.home_zone_default == "Asia/Tokyo"
    assert settings.steps_target == 8000
    assert settings.show_suita is False
    assert {v.key for v in Settings.vars()} == {
        "language", "font_size", "auto_lock_minutes", "home_zone_default", "steps_target",
        "show_suita"}


def test_flags_accept_only_booleans() -> None:
    import pytest

    assert Settings.show_suita.coerce(True) is True
    for bad in (1, "true", None):
        with pytest.raises(ValueError):
            Settings.show_suita.coerce(bad)
    with pytest.raises(ValueError):
        Settings.steps_target.coerce(True)


def test_class_attribute_is_the_declaration() -> None:
    var = Settings.auto_lock_minutes
    assert isinstance(var, ConfigVar)
    assert (var.key, var.default, var.minimum, var.maximum) == ("auto_lock_minutes", 5, 1, 60)


@pytest.mark.parametrize(("name", "value"), [
    ("auto_lock_minutes", 0), ("auto_lock_minutes", 61), ("auto_lock_minutes", True),
    ("auto_lock_minutes", 2.5), ("steps_target", 10), ("language", "fr"),
    ("font_size", "huge"), ("home_zone_default", "Mars/Olympus"),
])
def test_invalid_values_are_refused(name: str, value: object) -> None:
    settings = Settings()
    with pytest.raises(ValueError):
        setattr(settings, name, value)
    assert getattr(settings, name) == getattr(Settings, name).default


def test_save_and_load_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "conf" / "settings.json"
    settings = Settings(path)
    settings.language = Language.JA
    settings.font_size = FontSize.XLARGE
    settings.auto_lock_minutes = 12
    settings.home_zone_default = "Europe/Berlin"
    settings.steps_target = 6500
    settings.save()
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data == {"language": "ja", "font_size": "xlarge", "auto_lock_minutes": 12,
                    "home_zone_default": "Europe/Berlin", "steps_target": 6500}
    if os.name == "posix":
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
    loaded = Settings.load(path)
    assert loaded.as_dict() == settings.as_dict()
    assert loaded.language is Language.JA


def test_bad_file_gives_defaults_and_keeps_unknown_keys(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text(json.dumps({"auto_lock_minutes": "many", "steps_target": 9000,
                                "from_a_newer_version": [1, 2]}), encoding="utf-8")
    settings = Settings.load(path)
    assert settings.auto_lock_minutes == 5
    assert settings.steps_target == 9000
    settings.save()
    assert json.loads(path.read_text(encoding="utf-8"))["from_a_newer_version"] == [1, 2]
    path.write_text("{not json", encoding="utf-8")
    assert Settings.load(path).as_dict() == Settings().as_dict()
    assert Settings.load(tmp_path / "missing.json").steps_target == 8000


def test_config_dir_override(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PHRAPP_CONFIG_DIR", str(tmp_path / "x"))
    assert default_path() == tmp_path / "x" / "settings.json"


def test_settings_module_does_not_import_qt() -> None:
    code = ("import sys, phrapp.settings; "
            "bad = [m for m in sys.modules if m.split('.')[0] in ('PySide6', 'pyqtgraph')]; "
            "sys.exit(1 if bad else 0)")
    assert subprocess.run([sys.executable, "-c", code], timeout=60).returncode == 0
