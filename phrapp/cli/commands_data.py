"""``profile …``, ``add …`` and ``list …``."""

from __future__ import annotations

import argparse
from typing import Any

from phrapp.cli.context import date_arg, open_session
from phrapp.cli.output import Output
from phrapp.domain.records import (
    BloodPressure,
    BpContext,
    LabValue,
    Profile,
    Provenance,
    Record,
    RecordKind,
    Sex,
    Steps,
    Weight,
)
from phrapp.domain.serialize import profile_json, to_json
from phrapp.domain.time import parse_instant, today_in, utc_now
from phrapp.errors import InvalidValue, UsageError
from phrapp.services.profiles import ProfileService
from phrapp.services.records import RecordService
from phrapp.services.session import Session


# -- profiles -----------------------------------------------------------------------
def _identity_changes(args: argparse.Namespace) -> dict[str, Any]:
    changes: dict[str, Any] = {}
    if args.sex:
        changes["sex"] = Sex(args.sex)
    if args.birth:
        changes["birth_date"] = date_arg(args.birth, "--birth")
    if args.zone:
        changes["home_zone"] = args.zone
    if args.kana:
        changes["name_kana"] = args.kana
    return changes


def cmd_profile_add(args: argparse.Namespace, out: Output) -> int:
    with open_session(args) as session:
        service = ProfileService(session)
        changes = _identity_changes(args)
        profile = service.add(args.name, **changes)
        active = service.active().id == profile.id
    _print_profile(out, args, profile, active, "added")
    return 0


def cmd_profile_list(args: argparse.Namespace, out: Output) -> int:
    with open_session(args) as session:
        service = ProfileService(session)
        profiles = service.list()
        active = service.active_or_none()
    rows = [profile_json(p, active=bool(active and p.id == active.id)) for p in profiles]
    if args.json:
        out.data(rows)
    else:
        for row in rows:
            mark = "*" if row["active"] else " "
            out.line(f"{mark} {row['name']}  {row['sex'] or '-'}  {row['birth_date'] or '-'}  "
                     f"{row['zone']}")
    return 0


def cmd_profile_use(args: argparse.Namespace, out: Output) -> int:
    with open_session(args) as session:
        profile = ProfileService(session).use(args.name)
    _print_profile(out, args, profile, True, "active")
    return 0


def cmd_profile_set(args: argparse.Namespace, out: Output) -> int:
    changes = _identity_changes(args)
    if args.rename:
        changes["name"] = args.rename.strip()
    if not changes:
        raise UsageError("nothing to change: give --sex, --birth, --zone, --kana or --rename")
    with open_session(args) as session:
        service = ProfileService(session)
        profile = service.update(service.get(args.name), **changes)
        active = service.active().id == profile.id
    _print_profile(out, args, profile, active, "updated")
    return 0


def _print_profile(out: Output, args: argparse.Namespace, profile: Profile, active: bool,
                   verb: str) -> None:
    if args.json:
        out.data(profile_json(profile, active=active))
    else:
        out.info(f"profile {profile.name}: {verb}")


# -- add ------------------------------------------------------------------------------
def _build_record(args: argparse.Namespace, profile: Profile) -> Record:
    now = utc_now()
    at = parse_instant(args.at, profile.home_zone) if getattr(args, "at", None) else \
        now.astimezone(_zone_info(profile.home_zone))
    if args.kind == "bp":
        return BloodPressure(profile_id=profile.id, provenance=Provenance.MANUAL,
                             measured_at=at, systolic=args.systolic, diastolic=args.diastolic,
                             pulse=args.pulse,
                             context=BpContext(args.context) if args.context else None,
                             irregular_heartbeat=args.irregular, note=args.note)
    if args.kind == "weight":
        return Weight(profile_id=profile.id, provenance=Provenance.MANUAL, measured_at=at,
                      kg=round(args.kg, 2), body_fat_percent=args.body_fat)
    if args.kind == "steps":
        day = date_arg(args.date, "--date") or today_in(profile.home_zone)
        return Steps(profile_id=profile.id, provenance=Provenance.MANUAL, date=day,
                     steps=args.steps)
    if args.kind == "lab":
        from phrapp.domain.codes.checkup_items import COMMON_LABS, item

        code = COMMON_LABS.get(args.code.lower(), args.code.strip().upper())
        definition = item(code)
        if definition is None:
            raise InvalidValue(f"{args.code!r} is not a known 特定健診 item code", path="code")
        day = date_arg(args.date, "--date") or today_in(profile.home_zone)
        return LabValue(profile_id=profile.id, provenance=Provenance.MANUAL, date=day,
                        code=definition.code, name=definition.name, value=args.value,
                        unit=definition.ucum or definition.unit or "",
                        facility=args.facility)
    if args.kind == "checkup":
        from phrapp.domain.checkup_entry import EntryError, build_checkup, parse_pair

        exam_day = date_arg(args.date, "--date")
        assert exam_day is not None
        try:
            return build_checkup(profile, exam_day, [parse_pair(p) for p in args.pairs],
                                 facility=args.facility)
        except EntryError as exc:
            raise InvalidValue(str(exc), path=exc.code) from None
    raise UsageError(f"unknown kind {args.kind!r}")  # pragma: no cover


def _zone_info(name: str):  # type: ignore[no-untyped-def]
    from phrapp.domain.time import zone

    return zone(name)


def cmd_add(args: argparse.Namespace, out: Output) -> int:
    with open_session(args) as session:
        profile = ProfileService(session).resolve(args.profile)
        try:
            record = _build_record(args, profile)
        except ValueError as exc:
            raise UsageError(str(exc)) from None
        service = RecordService(session)
        replaced = False
        if isinstance(record, Steps):
            warnings, replaced = service.upsert_steps(record)
        else:
            warnings = service.add(record)
        stored = service.get(RecordKind.STEPS if isinstance(record, Steps) else
                             _kind_for(record), record.id) or record
        primary = stored.id in service.primary_steps(
            service.list(RecordKind.STEPS, [profile], record.date, record.date)) \
            if isinstance(record, Steps) else None
    for warning in warnings:
        out.warn(warning)
    if args.json:
        out.data(to_json(stored, profile.name, primary=primary))
    else:
        out.info(f"{'replaced' if replaced else 'added'} {args.kind} for {profile.name}")
    return 0


def _kind_for(record: Record) -> RecordKind:
    from phrapp.domain.records import kind_of

    return kind_of(record)


# -- list -----------------------------------------------------------------------------
def list_json(session: Session, kind: RecordKind, profiles: list[Profile],
              date_from: Any, date_to: Any) -> list[dict[str, Any]]:
    """Records of ``kind`` as CONTRACT §4 objects (shared by the CLI and tests)."""
    service = RecordService(session)
    records = service.list(kind, profiles, date_from, date_to)
    names = {p.id: p.name for p in profiles}
    primary: set[str] = set()
    if kind is RecordKind.STEPS:
        # Primary is decided per day across all sources, whatever the listed period.
        primary = service.primary_steps(records)
    return [to_json(r, names[r.profile_id], primary=r.id in primary if kind is
                    RecordKind.STEPS else None) for r in records]


def cmd_list(args: argparse.Namespace, out: Output) -> int:
    date_from = date_arg(args.date_from, "--from")
    date_to = date_arg(args.date_to, "--to")
    if date_from and date_to and date_from > date_to:
        raise UsageError("--from is after --to")
    kind = RecordKind(args.kind)
    with open_session(args) as session:
        service = ProfileService(session)
        profiles = service.list() if args.all_profiles else [service.resolve(args.profile)]
        rows = list_json(session, kind, profiles, date_from, date_to)
    if args.json:
        out.data(rows)
    else:
        _print_table(out, kind, rows)
    return 0


def _print_table(out: Output, kind: RecordKind, rows: list[dict[str, Any]]) -> None:
    if not rows:
        out.info(f"no {kind.value} records")
        return
    for row in rows:
        out.line(_summary(kind, row))
    out.info(f"{len(rows)} {kind.value} record(s)")


def _summary(kind: RecordKind, row: dict[str, Any]) -> str:
    who = row["profile"]
    if kind is RecordKind.BP:
        pulse = f"  pulse {row['pulse']}" if row["pulse"] is not None else ""
        return (f"{row['measured_at']}  {row['systolic']}/{row['diastolic']} mmHg{pulse}  "
                f"{row['slot']}  {who}")
    if kind is RecordKind.WEIGHT:
        fat = f"  fat {row['body_fat_percent']}%" if row["body_fat_percent"] is not None else ""
        return f"{row['measured_at']}  {row['kg']} kg{fat}  {who}"
    if kind is RecordKind.STEPS:
        src = row["source"]["app"] or "manual"
        return f"{row['date']}  {row['steps']} steps  {src}{' *' if row['primary'] else ''}  {who}"
    if kind is RecordKind.LABS:
        return f"{row['date']}  {row['name']} {row['value']} {row['unit']}  {who}"
    date = row.get("date") or row.get("dispensed_on") or row.get("recorded_on") or ""
    label = row.get("vaccine") or row.get("text") or row.get("pharmacy") or \
        (row.get("institution") or {}).get("name") or ""
    return f"{date}  {label}  {who}"
