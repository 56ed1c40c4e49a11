"""Every rule is a pure function whose docstring cites the spec section and a status tag."""

from __future__ import annotations

import ast
import importlib
import inspect
from pathlib import Path

import pytest

RULE_MODULES = ("bp", "home_bp", "tokutei", "metabolic", "hisayama", "suita", "body",
                "kidney", "glucose", "steps")
# Helpers that apply no guideline value (ordering, dates, agreement).
HELPERS = {"higher", "local_date", "slotted", "fiscal_year_end", "agrees", "age_column"}
TAGS = ("[confirmed]", "[single]", "[unconfirmed]")


def _rules() -> list[tuple[str, str]]:
    out = []
    for m in RULE_MODULES:
        mod = importlib.import_module(f"phrapp.domain.risk.{m}")
        for name, fn in inspect.getmembers(mod, inspect.isfunction):
            if fn.__module__ == mod.__name__ and not name.startswith("_") \
                    and name not in HELPERS:
                out.append((m, name))
    return out


@pytest.mark.parametrize(("module", "name"), _rules())
def test_rule_docstring_cites_guideline_and_status(module: str, name: str) -> None:
    fn = getattr(importlib.import_module(f"phrapp.domain.risk.{module}"), name)
    doc = fn.__doc__ or ""
    assert any(tag in doc for tag in TAGS), f"{module}.{name}: no status tag"
    mod_doc = importlib.import_module(f"phrapp.domain.risk.{module}").__doc__ or ""
    assert "risk-rules" in doc or "risk-rules" in mod_doc or "CONTRACT" in doc


@pytest.mark.parametrize("module", RULE_MODULES + ("common", "calc", "checkup_inputs"))
def test_rule_modules_do_no_io(module: str) -> None:
    path = Path(importlib.import_module(f"phrapp.domain.risk.{module}").__file__ or "")
    tree = ast.parse(path.read_text(encoding="utf-8"))
    imported = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            imported |= {a.name.split(".")[0] for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            imported.add(node.module)
    forbidden = {"os", "sys", "logging", "pathlib", "subprocess", "phrapp.storage",
                 "phrapp.services", "phrapp.settings"}
    assert not imported & forbidden, f"{module} imports {imported & forbidden}"
    assert "print(" not in path.read_text(encoding="utf-8")
