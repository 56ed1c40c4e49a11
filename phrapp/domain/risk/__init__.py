"""Trend and risk rules (``specs/risk-rules.md``): pure functions, no I/O.

Each rule names its guideline, the guideline's version and the spec's status tag
([confirmed] / [single] / [unconfirmed]) in its docstring. Numeric cut-offs live in
tables, never inline in the functions that apply them.

* :mod:`phrapp.domain.risk.thresholds`: 保健指導判定値 / 受診勧奨判定値 (特定健診 第4期,
  risk-rules §5) and the ``calc lab_judgement`` judgement (CONTRACT §4).
* :mod:`~phrapp.domain.risk.bp`: JSH2019 office and home classes, JSH2025 targets (§1–§2).
* :mod:`~phrapp.domain.risk.home_bp`: the CONTRACT §5 home-BP evaluation (§3).
* :mod:`~phrapp.domain.risk.tokutei`: 特定保健指導 第4期 stratification (§4).
* :mod:`~phrapp.domain.risk.hisayama` (§6) and :mod:`~phrapp.domain.risk.suita` (§7,
  reference only, behind a setting).
* :mod:`~phrapp.domain.risk.body` (BMI, JASSO §9), :mod:`~phrapp.domain.risk.metabolic`
  (§10), :mod:`~phrapp.domain.risk.glucose` (JDS §11), :mod:`~phrapp.domain.risk.kidney`
  (eGFR, CKD stage §12), :mod:`~phrapp.domain.risk.steps` (健康日本21 §14).
* :mod:`~phrapp.domain.risk.checkup_inputs`: which checkup item feeds which rule.
* :mod:`~phrapp.domain.risk.calc`: ``phrapp calc`` inputs and flat results (CONTRACT §4).
* :mod:`~phrapp.domain.risk.common`: exact numbers, citations, the age gates.
"""
