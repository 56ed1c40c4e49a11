"""Trend and risk rules (``specs/risk-rules.md``): pure functions, no I/O.

Each rule names its guideline, the guideline's version and the spec's status tag
([confirmed] / [single] / [unconfirmed]) in its docstring. Numeric cut-offs live in
tables, never inline in the functions that apply them.

* :mod:`phrapp.domain.risk.thresholds`: 保健指導判定値 / 受診勧奨判定値 (特定健診 第4期,
  risk-rules §5) and the ``calc lab_judgement`` judgement (CONTRACT §4).
"""
