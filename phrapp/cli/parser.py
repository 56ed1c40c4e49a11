"""The argument parser (CONTRACT §3). Usage errors raise UsageError (exit 1, not 2)."""

from __future__ import annotations

import argparse
from typing import NoReturn

from phrapp import __version__
from phrapp.errors import UsageError


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise UsageError(message)


def _json(p: argparse.ArgumentParser) -> None:
    p.add_argument("--json", action="store_true", help="print one JSON value on stdout")


def build_parser() -> argparse.ArgumentParser:
    from phrapp.cli import commands_clinic as clinic
    from phrapp.cli import commands_data as data
    from phrapp.cli import commands_export as export
    from phrapp.cli import commands_import as imp
    from phrapp.cli import commands_risk as risk
    from phrapp.cli import commands_vault as vault

    root = _Parser(prog="phrapp", description="phrapp: your health records, encrypted, on "
                   "your own PC.")
    root.add_argument("--vault", metavar="PATH", help="vault folder (else $PHRAPP_VAULT, else "
                      "the per-user default)")
    root.add_argument("--version", action="version", version=f"phrapp {__version__}")
    root.add_argument("--demo", action="store_true",
                      help="open a throwaway vault filled with synthetic data")
    root.add_argument("--smoke", action="store_true",
                      help="with --demo: build the demo, check every view headlessly, exit")
    root.add_argument("--clinic", metavar="FILE",
                      help="open a file a patient brought in the read-only clinic viewer "
                      "(no vault; a share package asks for its passphrase)")
    root.set_defaults(handler=vault.cmd_app)
    sub = root.add_subparsers(dest="command", parser_class=_Parser, metavar="COMMAND")

    p = sub.add_parser("init", help="create a vault and its first profile")
    p.add_argument("--profile", default="本人", metavar="NAME")
    p.add_argument("--sex", choices=["male", "female"])
    p.add_argument("--birth", metavar="YYYY-MM-DD")
    p.add_argument("--zone", metavar="IANA", default=None)
    _json(p)
    p.set_defaults(handler=vault.cmd_init)

    p = sub.add_parser("passwd", help="change the passphrase (instant: the key is rewrapped)")
    _json(p)
    p.set_defaults(handler=vault.cmd_passwd)

    prof = sub.add_parser("profile", help="people in this vault")
    psub = prof.add_subparsers(dest="action", parser_class=_Parser, required=True)
    p = psub.add_parser("add")
    p.add_argument("name")
    _identity_options(p)
    _json(p)
    p.set_defaults(handler=data.cmd_profile_add)
    p = psub.add_parser("list")
    _json(p)
    p.set_defaults(handler=data.cmd_profile_list)
    p = psub.add_parser("use")
    p.add_argument("name")
    _json(p)
    p.set_defaults(handler=data.cmd_profile_use)
    p = psub.add_parser("set")
    p.add_argument("name")
    _identity_options(p)
    p.add_argument("--rename", metavar="NEW_NAME")
    _json(p)
    p.set_defaults(handler=data.cmd_profile_set)

    add = sub.add_parser("add", help="record a reading by hand")
    asub = add.add_subparsers(dest="kind", parser_class=_Parser, required=True)
    p = asub.add_parser("bp", help="blood pressure in mmHg")
    p.add_argument("systolic", type=int)
    p.add_argument("diastolic", type=int)
    p.add_argument("--pulse", type=int)
    p.add_argument("--at", metavar="ISO8601")
    p.add_argument("--context", choices=["morning", "evening", "other"])
    p.add_argument("--irregular", action="store_true")
    p.add_argument("--note")
    _record_options(p)
    p = asub.add_parser("weight", help="body weight in kg")
    p.add_argument("kg", type=float)
    p.add_argument("--at", metavar="ISO8601")
    p.add_argument("--body-fat", type=float, metavar="PCT")
    _record_options(p)
    p = asub.add_parser("steps", help="steps of one day")
    p.add_argument("steps", type=int)
    p.add_argument("--date", metavar="YYYY-MM-DD")
    _record_options(p)
    p = asub.add_parser("lab", help="a lab value by 17-character item code (or alias)")
    p.add_argument("code")
    p.add_argument("value", type=float)
    p.add_argument("--date", metavar="YYYY-MM-DD")
    p.add_argument("--facility")
    _record_options(p)

    p = asub.add_parser("checkup", help="a paper checkup report: CODE=VALUE per item")
    p.add_argument("--date", required=True, metavar="YYYY-MM-DD", help="exam date")
    p.add_argument("--facility", help="the institution that did the exam")
    p.add_argument("pairs", nargs="+", metavar="CODE=VALUE")
    _record_options(p)

    p = sub.add_parser("list", help="list records of one kind")
    p.add_argument("kind", choices=["bp", "weight", "steps", "labs", "checkups", "medications",
                                    "allergies", "immunizations", "background", "visits"])
    p.add_argument("--from", dest="date_from", metavar="YYYY-MM-DD")
    p.add_argument("--to", dest="date_to", metavar="YYYY-MM-DD")
    group = p.add_mutually_exclusive_group()
    group.add_argument("--profile", metavar="NAME")
    group.add_argument("--all-profiles", action="store_true")
    _json(p)
    p.set_defaults(handler=data.cmd_list)

    p = sub.add_parser("import", help="import files (or `import history`, `import undo BATCH`)")
    p.add_argument("paths", nargs="+", metavar="FILE|FOLDER")
    group = p.add_mutually_exclusive_group()
    group.add_argument("--profile", metavar="NAME")
    group.add_argument("--create-profiles", action="store_true")
    p.add_argument("--dry-run", action="store_true")
    _json(p)
    p.set_defaults(handler=imp.cmd_import)

    p = sub.add_parser("risk", help="guideline-based risk summary of a profile (not a diagnosis)")
    p.add_argument("--profile", metavar="NAME", help="default: the active profile")
    p.add_argument("--as-of", dest="as_of", metavar="YYYY-MM-DD",
                   help="evaluation date (default: today in the profile's zone)")
    _json(p)
    p.set_defaults(handler=risk.cmd_risk)

    p = sub.add_parser("calc", help="evaluate one rule on given values (no vault needed)")
    p.add_argument("rule", nargs="?", metavar="RULE",
                   help="office_bp, home_bp, tokutei_level, lab_judgement, hisayama, suita, "
                   "bmi, egfr, ckd_stage")
    p.add_argument("--input", metavar="JSON", help="the rule's input as a JSON object")
    p.add_argument("--jsonl", action="store_true",
                   help='read {"rule": R, "input": {...}} lines from stdin, answer each')
    _json(p)
    p.set_defaults(handler=risk.cmd_calc, json=True)  # calc always prints JSON

    export.add_parser(sub)

    p = sub.add_parser("clinic", help="open a file a patient brought (never needs a vault)")
    csub = p.add_subparsers(dest="action", parser_class=_Parser, required=True, metavar="ACTION")
    p = csub.add_parser("open", help="verify and summarise a share package, FHIR, CDA or "
                        "JAHIS file")
    p.add_argument("file", metavar="FILE")
    p.add_argument("--out", metavar="DIR",
                   help="write FHIR and CSV for the clinic's system (valid input only)")
    _json(p)
    p.set_defaults(handler=clinic.cmd_clinic_open)
    return root


def _identity_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--sex", choices=["male", "female"])
    p.add_argument("--birth", metavar="YYYY-MM-DD")
    p.add_argument("--zone", metavar="IANA")
    p.add_argument("--kana", metavar="KANA")


def _record_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--profile", metavar="NAME", help="default: the active profile")
    _json(p)
    from phrapp.cli import commands_data as data

    p.set_defaults(handler=data.cmd_add)
