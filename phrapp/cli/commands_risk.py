"""``risk`` (the risk summary of a profile) and ``calc`` (one rule on given values).

``calc`` never opens a vault. Its output is always JSON (CONTRACT §4): ``calc RULE
--input JSON`` prints one result object, an input problem exits 1 with the error object;
``calc --jsonl`` answers each stdin line ``{"rule": R, "input": {...}}`` in order with
the result or an ``{"error": {...}}`` line, and exits 0 unless stdin cannot be read.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from decimal import Decimal
from typing import Any, BinaryIO

from phrapp.cli.context import date_arg, open_session
from phrapp.cli.output import Output
from phrapp.domain.risk import calc
from phrapp.errors import PhrError, Refused, UsageError

log = logging.getLogger(__name__)

#: Longest accepted ``--input`` or ``--jsonl`` line (bytes): rule inputs are tiny.
MAX_INPUT_BYTES = 64 * 1024


# -- risk ------------------------------------------------------------------------------
def suita_enabled() -> bool:
    """The Suita score is shown only when the user turned its setting on (default off).

    Reads the ``show_suita`` setting when :class:`phrapp.settings.Settings` declares it.
    """
    from phrapp.settings import Settings

    var = Settings.var("show_suita")
    if var is None:
        return False
    return bool(Settings.load().get(var))


def cmd_risk(args: argparse.Namespace, out: Output) -> int:
    from phrapp.services.profiles import ProfileService
    from phrapp.services.risk import RiskService

    as_of = date_arg(args.as_of, "--as-of")
    with open_session(args) as session:
        profile = ProfileService(session).resolve(args.profile)
        result = RiskService(session).evaluate(profile, as_of, include_suita=suita_enabled())
    if args.json:
        out.data(result)
    else:
        _print_summary(out, profile.name, result)
    return 0


def _print_summary(out: Output, name: str, r: dict[str, Any]) -> None:
    out.line(f"{name}  {r['as_of']}  (ガイドラインの基準との比較です。診断ではありません)")
    for key, label in (("home_bp", "家庭血圧"), ("office_bp", "診察室血圧(健診)"),
                       ("tokutei_level", "特定保健指導"), ("metabolic_syndrome", "メタボ判定"),
                       ("hisayama", "久山町スコア"), ("suita", "吹田スコア(参考)"),
                       ("bmi", "BMI"), ("egfr", "eGFR"), ("steps", "歩数"),
                       ("weight", "体重")):
        if key in r:
            out.line(f"  {label}: {_brief(r[key])}")
    flags = r.get("referral_flags") or []
    out.line(f"  判定値を超えた項目: {len(flags)}")
    for f in flags:
        out.line(f"    {f['name']} {f['value']} {f['unit'] or ''}  {f['kind']} "
                 f"({f['comparator']} {f['threshold']})")


def _brief(section: Any) -> str:
    if section is None:
        return "-"
    if isinstance(section, dict):
        if "not_applicable" in section:
            return "対象年齢外"
        shown = [f"{k}={v}" for k, v in section.items()
                 if v not in (None, [], {}) and not isinstance(v, dict)]
        for k, v in section.items():
            if isinstance(v, dict):
                shown.append(f"{k}=" + "/".join(str(x) for x in v.values()))
        return ", ".join(shown) or "-"
    return str(section)


# -- calc ------------------------------------------------------------------------------
def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a JSON number")


def loads(text: str) -> Any:
    """JSON with exact decimals (``5.6`` -> Decimal) and no NaN/Infinity."""
    try:
        return json.loads(text, parse_float=Decimal, parse_constant=_reject_constant)
    except RecursionError:
        raise ValueError("nested too deeply") from None


def cmd_calc(args: argparse.Namespace, out: Output) -> int:
    out.json_mode = True  # calc always answers in JSON, errors included
    if args.jsonl:
        if args.rule is not None or args.input is not None:
            raise UsageError("--jsonl reads {\"rule\", \"input\"} lines from stdin; "
                             "give no RULE or --input")
        return _calc_jsonl(out)
    if args.rule is None:
        raise UsageError("give RULE --input JSON, or --jsonl")
    if args.input is None:
        raise UsageError("--input JSON is required with a RULE", path="input")
    if len(args.input.encode("utf-8", "surrogatepass")) > MAX_INPUT_BYTES:
        raise UsageError("--input is too large", path="input")
    try:
        data = loads(args.input)
    except ValueError:
        raise UsageError("--input is not valid JSON", path="input") from None
    try:
        result = calc.run(args.rule, data)
    except calc.CalcInputError as exc:
        raise UsageError(exc.message, path=exc.path) from None
    out.data(result)
    return 0


def _stdin_bytes() -> BinaryIO:
    buffer = getattr(sys.stdin, "buffer", None)
    if buffer is None:
        raise Refused("stdin cannot be read", code="unreadable-input")
    return buffer  # type: ignore[no-any-return]


def _error_line(out: Output, number: int, code: str, message: str,
                path: str | None = None) -> None:
    where = f"line {number}" + (f": {path}" if path else "")
    out.data({"error": {"code": code, "message": message, "path": where}})


def _calc_jsonl(out: Output) -> int:
    try:
        stream = _stdin_bytes()
        number = 0
        for raw in stream:
            number += 1
            _answer_line(out, number, raw)
    except OSError:
        raise Refused("stdin cannot be read", code="unreadable-input") from None
    return 0


def _answer_line(out: Output, number: int, raw: bytes) -> None:
    if len(raw) > MAX_INPUT_BYTES:
        _error_line(out, number, "too-large", "line too long")
        return
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        _error_line(out, number, "encoding", "line is not UTF-8")
        return
    text = text.lstrip("\ufeff").strip()
    if not text:
        # A blank line is not an input: nothing to answer (keeps one line per input).
        return
    try:
        request = loads(text)
    except ValueError:
        _error_line(out, number, "malformed", "line is not valid JSON")
        return
    try:
        result = calc.run_line(request)
    except calc.CalcInputError as exc:
        _error_line(out, number, "usage", exc.message, exc.path)
        return
    except PhrError as exc:  # pragma: no cover - rules raise CalcInputError only
        _error_line(out, number, exc.code, exc.message)
        return
    except Exception as exc:
        # Class name only: a message could quote a value.
        log.error("calc: internal error (%s) on line %d", type(exc).__name__, number)
        _error_line(out, number, "internal", f"internal error ({type(exc).__name__})")
        return
    out.data(result)
