"""Reads: RecordService.list over a year (or ten) and a daily aggregate, SQL vs Python.

    python bench/bench_query.py [--years Y] [--n N] [--repeat R]

Builds a temp vault (real calibrated KDF, untimed) with one profile (Asia/Tokyo) holding
Y years (default 1) ending yesterday: N BP readings (default 4 a day for one year; for
Y > 1, 10,000 a year, i.e. the DESIGN's 10-year load of ~100k with ``--years 10``), a
daily weight and a daily steps record, all stored through ``RecordService.add_many``.

Timed (p50 and min of R runs after one warm-up, default R = 5):

* baseline: the raw SQL ``SELECT`` of the BP rows of the last year through
  ``session.db.query`` (tuples, no record objects); each ``RecordService.list`` of BP
  (last year, last 14 days, and all Y years when Y > 1) follows the raw select of the
  same rows, so both "vs the year baseline" and "vs the same rows" ratios are printed;
  weight and steps of the last year are listed too;
* daily mean systolic BP over the year: SQL ``GROUP BY local_date`` through
  ``session.db.query`` (baseline) vs ``RecordService.list`` + grouping in Python (the
  results are compared: they must match); for Y > 1 also the SQL over all Y years.

It also prints SQLite's query plans of the list query and of the raw select (the list
plan comes from repository internals: diagnostic only, skipped if they change).
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import tempfile
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

from _common import (
    BP_DEVICE,
    PASSPHRASE,
    Timing,
    header,
    ms,
    ratio,
    stopwatch,
    table,
    time_runs,
)

from phrapp.domain.records import (
    BloodPressure,
    Device,
    Profile,
    Provenance,
    Record,
    RecordKind,
    Source,
    Steps,
    Weight,
)
from phrapp.domain.time import to_utc_text, zone
from phrapp.services.profiles import ProfileService
from phrapp.services.records import RecordService
from phrapp.services.session import Session
from phrapp.storage.repositories.mappers import MAPPERS
from phrapp.storage.repositories.rows import COMMON_COLUMNS

HOME = "Asia/Tokyo"
BP_COLUMNS = ", ".join(COMMON_COLUMNS + MAPPERS[RecordKind.BP].columns)
SELECT_BP = (f"SELECT {BP_COLUMNS} FROM bp "  # noqa: S608 - constants only
             "WHERE profile_id = ? AND measured_at_utc >= ? AND measured_at_utc < ? "
             "ORDER BY measured_at_utc")
DAILY_SBP = ("SELECT local_date, avg(systolic), count(*) FROM bp "
             "WHERE profile_id = ? AND measured_at_utc >= ? AND measured_at_utc < ? "
             "GROUP BY local_date ORDER BY local_date")


def build(profile_id: str, first: dt.date, days: int, n_bp: int,
          seed: int = 20261123) -> list[Record]:
    """BP readings spread over the days (half at 06:00 on, half at 21:00 on, 2 min apart,
    distinct minutes), one weight at 07:10 and one steps total per day."""
    rng = random.Random(seed)
    tz = dt.timezone(dt.timedelta(hours=9))
    bp_source = Source(device=Device(*BP_DEVICE))
    scale_source = Source(device=Device("TANITA", "BC-768", "BENCH0002"))
    steps_source = Source(app="bench-pedometer")
    out: list[Record] = []
    kg = 68.0
    per_day, extra = divmod(n_bp, days)
    for d in range(days):
        day = first + dt.timedelta(days=d)
        count = per_day + (1 if d < extra else 0)
        morning = (count + 1) // 2
        for i in range(count):
            base = dt.time(6, 0) if i < morning else dt.time(21, 0)
            slot_i = i if i < morning else i - morning
            at = (dt.datetime.combine(day, base, tz)
                  + dt.timedelta(minutes=2 * slot_i, seconds=rng.randrange(60)))
            sbp = min(195, max(92, round(rng.gauss(128, 13))))
            dbp = min(sbp - 20, max(50, round(sbp * 0.62 + rng.gauss(0, 6))))
            out.append(BloodPressure(profile_id=profile_id, measured_at=at, systolic=sbp,
                                     diastolic=dbp, pulse=min(110, max(45, round(
                                         rng.gauss(70, 9)))),
                                     provenance=Provenance.DEVICE, source=bp_source))
        kg = min(90.0, max(50.0, kg + rng.gauss(0, 0.15)))
        out.append(Weight(profile_id=profile_id,
                          measured_at=dt.datetime.combine(day, dt.time(7, 10), tz),
                          kg=round(kg, 1), provenance=Provenance.DEVICE, source=scale_source))
        out.append(Steps(profile_id=profile_id, date=day, steps=rng.randrange(2000, 14000),
                         provenance=Provenance.DEVICE, source=steps_source))
    return out


def utc_bounds(date_from: dt.date, date_to: dt.date) -> tuple[str, str]:
    """[since, until) storage text for inclusive local dates in the home zone."""
    tz = zone(HOME)
    return (to_utc_text(dt.datetime.combine(date_from, dt.time(), tz)),
            to_utc_text(dt.datetime.combine(date_to + dt.timedelta(days=1), dt.time(), tz)))


def python_daily_sbp(records: list[Record]) -> list[tuple[str, float, int]]:
    sums: dict[dt.date, list[int]] = defaultdict(lambda: [0, 0])
    for r in records:
        assert isinstance(r, BloodPressure)
        acc = sums[r.measured_at.date()]  # the reading's own offset, like local_date
        acc[0] += r.systolic
        acc[1] += 1
    return [(day.isoformat(), total / count, count)
            for day, (total, count) in sorted(sums.items())]


def query_plan(session: Session, profile: Profile, since: str, until: str) -> list[str]:
    """SQLite's plan for the list query (uses repository internals: diagnostic only)."""
    repo = session.repos.records(RecordKind.BP)
    try:
        where, params = repo._where([profile.id], since, until)
        col = repo.mapper.time_column
        sql = (f"{repo._select_sql}{where} ORDER BY \"{col}\" IS NOT NULL, \"{col}\", "
               "created_at, id")
    except AttributeError:
        return ["(repository internals changed; plan not available)"]
    return [str(row[-1]) for row in session.db.query("EXPLAIN QUERY PLAN " + sql, params)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--years", type=int, default=1, help="years of data (default 1)")
    parser.add_argument("--n", type=int, default=None,
                        help="BP readings in total (default 4/day for 1 year, else 10000/year)")
    parser.add_argument("--repeat", type=int, default=5, help="timed runs (default 5)")
    args = parser.parse_args()
    years, repeat = max(1, args.years), max(1, args.repeat)
    days = 365 * years
    n_bp = args.n if args.n is not None else (4 * days if years == 1 else 10_000 * years)
    header(f"bench_query: {years} year(s), {n_bp} BP + {days} weight + {days} steps, "
           f"repeat={repeat}")

    last = dt.datetime.now(tz=zone(HOME)).date() - dt.timedelta(days=1)
    first = last - dt.timedelta(days=days - 1)
    year_from = last - dt.timedelta(days=364)
    two_weeks_from = last - dt.timedelta(days=13)

    with tempfile.TemporaryDirectory(prefix="phrapp-bench-") as tmp:
        session, _ = Session.create(Path(tmp) / "vault", PASSPHRASE)
        try:
            profile = ProfileService(session).add("Bench")
            records = build(profile.id, first, days, n_bp)
            service = RecordService(session)
            with stopwatch() as t_fill:
                service.add_many(records)
            del records
            print(f"   stored {n_bp + 2 * days} records via add_many in {t_fill[0]:.2f} s "
                  "(untimed setup)\n")
            profiles = [profile]
            since, until = utc_bounds(year_from, last)

            def list_kind(kind: RecordKind, date_from: dt.date) -> int:
                return len(service.list(kind, profiles, date_from, last))

            counts: dict[str, int] = {}
            cases: list[tuple[str, Timing]] = []

            def case(label: str, fn: Callable[[], int]) -> None:
                timing = time_runs(fn, repeat, warmup=1)
                counts[label] = fn()
                cases.append((label, timing))

            case("raw SQL select, BP year = baseline",
                 lambda: len(session.db.query(SELECT_BP, (profile.id, since, until))))
            case("list BP, last year", lambda: list_kind(RecordKind.BP, year_from))
            since14, until14 = utc_bounds(two_weeks_from, last)
            case("raw SQL select, BP 14 days",
                 lambda: len(session.db.query(SELECT_BP, (profile.id, since14, until14))))
            case("list BP, last 14 days", lambda: list_kind(RecordKind.BP, two_weeks_from))
            if years > 1:
                all_since, all_until = utc_bounds(first, last)
                case(f"raw SQL select, BP all {years} years",
                     lambda: len(session.db.query(SELECT_BP, (profile.id, all_since,
                                                              all_until))))
                case(f"list BP, all {years} years", lambda: list_kind(RecordKind.BP, first))
            case("list weight, last year", lambda: list_kind(RecordKind.WEIGHT, year_from))
            case("list steps, last year", lambda: list_kind(RecordKind.STEPS, year_from))

            sql_rows = session.db.query(DAILY_SBP, (profile.id, since, until))
            listed = service.list(RecordKind.BP, profiles, year_from, last)
            py_rows = python_daily_sbp(listed)
            match = (len(sql_rows) == len(py_rows) and all(
                a[0] == b[0] and abs(a[1] - b[1]) < 1e-9 and a[2] == b[2]
                for a, b in zip(sql_rows, py_rows, strict=True)))
            t_sql_agg = time_runs(
                lambda: session.db.query(DAILY_SBP, (profile.id, since, until)), repeat,
                warmup=1)
            t_py_agg = time_runs(
                lambda: python_daily_sbp(service.list(RecordKind.BP, profiles, year_from,
                                                      last)), repeat, warmup=1)
            t_py_only = time_runs(lambda: python_daily_sbp(listed), repeat, warmup=1)
            t_sql_all = None
            if years > 1:
                t_sql_all = time_runs(
                    lambda: session.db.query(DAILY_SBP, (profile.id, all_since, all_until)),
                    repeat, warmup=1)
            plan = query_plan(session, profile, since, until)
            raw_plan = [str(r[-1]) for r in session.db.query(
                "EXPLAIN QUERY PLAN " + SELECT_BP, (profile.id, since, until))]
        finally:
            session.close()

    base = cases[0][1].p50
    rows = []
    previous: Timing | None = None
    for label, timing in cases:
        # A "list BP" row follows the raw SQL select of the same rows.
        same = ratio(timing.p50, previous.p50) if previous and label.startswith("list BP") \
            else ""
        rows.append([label, counts[label], ms(timing.p50), ms(timing.min),
                     ratio(timing.p50, base), same])
        previous = timing if label.startswith("raw SQL") else None
    table(["read", "rows", "p50 ms", "min ms", "vs raw SQL year", "vs raw SQL same rows"],
          rows)

    print(f"\nDaily mean systolic BP over the last year ({len(sql_rows)} days, "
          f"results match: {'yes' if match else 'NO'}):")
    table(["aggregate", "p50 ms", "min ms", "vs SQL"], [
        ["SQL GROUP BY local_date (db.query) = baseline", ms(t_sql_agg.p50), ms(t_sql_agg.min),
         "1.00x"],
        ["RecordService.list + Python grouping", ms(t_py_agg.p50), ms(t_py_agg.min),
         ratio(t_py_agg.p50, t_sql_agg.p50)],
        ["  Python grouping alone (records in hand)", ms(t_py_only.p50), ms(t_py_only.min),
         ratio(t_py_only.p50, t_sql_agg.p50)],
        *([[f"SQL GROUP BY local_date, all {years} years", ms(t_sql_all.p50),
            ms(t_sql_all.min), ratio(t_sql_all.p50, t_sql_agg.p50)]] if t_sql_all else []),
    ])
    print("\nQuery plan of RecordService.list(BP, year):")
    for line in plan:
        print(f"   {line}")
    print("Query plan of the raw SQL baseline:")
    for line in raw_plan:
        print(f"   {line}")


if __name__ == "__main__":
    main()
