"""Bulk insert: N BloodPressure readings through the services vs bare ``executemany``.

    python bench/bench_insert.py [--n N] [--repeat R] [--profile]

Same N readings (realistic values, distinct minutes, one profile, +09:00) every time:

(a) baseline: bare ``executemany`` of the prepared ``bp`` rows into plain stdlib
    ``sqlite3`` (a file in a temp dir; the ``bp`` DDL and indexes from the shipped
    migration; WAL, synchronous=FULL; one transaction);
(b) the same into SQLCipher (``sqlcipher3``, raw key, WAL, synchronous=FULL): the
    encryption cost;
(c) ``RecordService.add_many`` (validate all, then the repository, one transaction) on
    a fresh vault, plus two partial costs measured alone: ``validate()`` of every record
    and the repository's ``to_storage()`` row building;
(d) the import pipeline: a fake CSV importer (defined here) through
    ``ImportService.preview`` + ``commit`` (sniff, SHA-256, parse, people rule, dedupe,
    validation, journal) on a fresh vault;
(e) the DESIGN's CSV import floor: ``csv.reader`` + the minimal per-row work (UUID,
    UTC text, minute key) + bare ``executemany`` into SQLCipher, one transaction.

Only the insert/import work is timed: rows and records are prepared beforehand, and
vault creation (real calibrated KDF, ~2 s each) is untimed setup. Peak RSS is
``getrusage`` ru_maxrss, process-wide; on Linux the peak mark is reset at each phase
start (``/proc/self/clear_refs``) so each phase shows its own peak, including what the
bench holds (the readings) at that moment.
``--profile`` runs (d) once more under cProfile afterwards and prints the top costs.
"""

from __future__ import annotations

import argparse
import cProfile
import csv
import datetime as dt
import io
import os
import pstats
import re
import sqlite3
import tempfile
import uuid
from collections.abc import Iterator
from importlib import resources
from pathlib import Path

import sqlcipher3
from _common import (
    BP_DEVICE,
    JST,
    PASSPHRASE,
    Reading,
    RssPhase,
    Timing,
    bp_readings,
    header,
    ratio,
    rss_phase,
    rss_table,
    stopwatch,
    table,
)

from phrapp.domain.records import BloodPressure, Device, Provenance, RecordKind, Source
from phrapp.domain.validation import validate
from phrapp.io.importers.base import (
    Importer,
    ImporterRegistry,
    ImportSource,
    ParseContext,
    ParsedRecord,
    ParseItem,
)
from phrapp.services.import_service import ImportService
from phrapp.services.profiles import ProfileService
from phrapp.services.records import RecordService
from phrapp.services.session import Session
from phrapp.storage.database import key_pragma
from phrapp.storage.repositories.mappers import MAPPERS
from phrapp.storage.repositories.rows import COMMON_COLUMNS, common_row

CSV_HEADER = "measured_at,systolic,diastolic,pulse"
UTC = dt.UTC


# -- the fake importer (d) ------------------------------------------------------------
class BenchBpCsvImporter(Importer):
    """``measured_at,systolic,diastolic,pulse`` with ISO 8601 times (offset included)."""

    slug = "bench-bp-csv"
    kinds = (RecordKind.BP,)

    def sniff(self, source: ImportSource) -> float:
        return 1.0 if source.head.startswith(CSV_HEADER.encode()) else 0.0

    def parse(self, source: ImportSource, ctx: ParseContext) -> Iterator[ParseItem]:
        device = Source(device=Device(*BP_DEVICE))
        with source.open() as raw, io.TextIOWrapper(raw, encoding="utf-8", newline="") as text:
            reader = csv.reader(text)
            next(reader)
            for i, (at, sbp, dbp, pulse) in enumerate(reader):
                if i % 5000 == 0:
                    ctx.progress(i)
                    if ctx.cancelled():
                        return
                yield ParsedRecord(BloodPressure(
                    profile_id="", measured_at=dt.datetime.fromisoformat(at),
                    systolic=int(sbp), diastolic=int(dbp), pulse=int(pulse),
                    provenance=Provenance.DEVICE, source=device))


def write_csv(path: Path, readings: list[Reading]) -> None:
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(CSV_HEADER.split(","))
        for r in readings:
            writer.writerow([r.at.isoformat(), r.systolic, r.diastolic, r.pulse])


# -- schema and rows -------------------------------------------------------------------
def bp_ddl() -> list[str]:
    """The ``bp`` table and its indexes, exactly as the shipped migration creates them."""
    sql = (resources.files("phrapp.storage.migrations") / "0001_initial.sql").read_text("utf-8")
    table_sql = re.search(r"CREATE TABLE bp \(.*?\n\);", sql, re.S)
    assert table_sql is not None, "bp table not found in 0001_initial.sql"
    return [table_sql.group(0), *re.findall(r"CREATE INDEX bp_\w+ ON bp\([^)]*\);", sql)]


COLUMNS = COMMON_COLUMNS + MAPPERS[RecordKind.BP].columns
INSERT_SQL = (f"INSERT INTO bp ({', '.join(COLUMNS)}) "  # noqa: S608 - constants only
              f"VALUES ({', '.join('?' for _ in COLUMNS)})")


def make_records(readings: list[Reading], profile_id: str) -> list[BloodPressure]:
    source = Source(device=Device(*BP_DEVICE))
    return [BloodPressure(profile_id=profile_id, measured_at=r.at, systolic=r.systolic,
                          diastolic=r.diastolic, pulse=r.pulse, provenance=Provenance.DEVICE,
                          source=source) for r in readings]


def make_rows(records: list[BloodPressure]) -> list[tuple[object, ...]]:
    mapper = MAPPERS[RecordKind.BP]
    out = []
    for r in records:
        row = {**common_row(r), **mapper.to_row(r)}
        out.append(tuple(row[c] for c in COLUMNS))
    return out


def bare_insert(module: object, path: Path, rows: list[tuple[object, ...]],
                key: bytes | None, phases: dict[str, RssPhase], label: str) -> float:
    """Open, create the table (untimed), then time BEGIN + executemany + COMMIT."""
    conn = module.connect(str(path), isolation_level=None)  # type: ignore[attr-defined]
    try:
        if key is not None:
            conn.execute(key_pragma(key))
        conn.execute("PRAGMA journal_mode=WAL").fetchall()
        conn.execute("PRAGMA synchronous=FULL")
        for statement in bp_ddl():
            conn.execute(statement)
        with rss_phase() as phases[label], stopwatch() as t:
            conn.execute("BEGIN IMMEDIATE")
            conn.executemany(INSERT_SQL, rows)
            conn.execute("COMMIT")
    finally:
        conn.close()
    return t[0]


def csv_floor(path: Path, csv_path: Path, profile_id: str, phases: dict[str, RssPhase],
              label: str) -> float:
    """(e): parse the CSV and insert minimal rows into SQLCipher; timed from file open."""
    conn = sqlcipher3.connect(str(path), isolation_level=None)
    try:
        conn.execute(key_pragma(os.urandom(32)))
        conn.execute("PRAGMA journal_mode=WAL").fetchall()
        conn.execute("PRAGMA synchronous=FULL")
        for statement in bp_ddl():
            conn.execute(statement)
        now = dt.datetime.now(tz=UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
        source_key = "device:" + "/".join(BP_DEVICE)
        with rss_phase() as phases[label], stopwatch() as t:
            def rows() -> Iterator[tuple[object, ...]]:
                with open(csv_path, encoding="utf-8", newline="") as handle:
                    reader = csv.reader(handle)
                    next(reader)
                    for at_text, sbp, dbp, pulse in reader:
                        at = dt.datetime.fromisoformat(at_text)
                        utc = at.astimezone(UTC)
                        yield (str(uuid.uuid4()), profile_id, "device", None, *BP_DEVICE, None,
                               source_key, None, now, now, utc.strftime("%Y-%m-%dT%H:%M:%SZ"),
                               540, utc.strftime("%Y-%m-%dT%H:%MZ"), at_text[:10], int(sbp),
                               int(dbp), int(pulse), None, 0, None)

            conn.execute("BEGIN IMMEDIATE")
            conn.executemany(INSERT_SQL, rows())
            conn.execute("COMMIT")
        count = conn.execute("SELECT count(*) FROM bp").fetchone()[0]
    finally:
        conn.close()
    assert count > 0
    return t[0]


# -- vault cases ------------------------------------------------------------------------
def new_vault(tmp: Path, name: str, phases: dict[str, RssPhase]) -> tuple[Session, str]:
    with rss_phase() as phases["vault create (untimed; Argon2id, real params)"]:
        session, _ = Session.create(tmp / name, PASSPHRASE)
    profile = ProfileService(session).add("Bench")
    return session, profile.id


def service_insert(tmp: Path, name: str, readings: list[Reading],
                   phases: dict[str, RssPhase], label: str) -> float:
    session, profile_id = new_vault(tmp, name, phases)
    try:
        records = make_records(readings, profile_id)
        with rss_phase() as phases[label], stopwatch() as t:
            RecordService(session).add_many(records)
        stored = session.repos.records(RecordKind.BP).count([profile_id])
    finally:
        session.close()
    assert stored == len(readings), stored
    return t[0]


def pipeline_import(tmp: Path, name: str, csv_path: Path, phases: dict[str, RssPhase],
                    profiler: cProfile.Profile | None = None) -> tuple[float, float, int]:
    """(preview seconds, commit seconds, records added) on a fresh vault."""
    session, _ = new_vault(tmp, name, phases)
    try:
        registry = ImporterRegistry()
        registry.register(BenchBpCsvImporter())
        service = ImportService(session, registry)
        if profiler is not None:
            profiler.enable()
        with rss_phase() as phases["(d) import preview+commit"]:
            with stopwatch() as t_preview:
                plan = service.preview([csv_path])
            with stopwatch() as t_commit:
                service.commit(plan)
            added = sum(f.added.get("bp", 0) for f in plan.files)
            del plan
        if profiler is not None:
            profiler.disable()
    finally:
        session.close()
    return t_preview[0], t_commit[0], added


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=100_000, help="readings (default 100000)")
    parser.add_argument("--repeat", type=int, default=1,
                        help="runs per case; the table shows the best (default 1)")
    parser.add_argument("--profile", action="store_true",
                        help="afterwards, run (d) under cProfile and print the top costs")
    args = parser.parse_args()
    n, repeat = args.n, max(1, args.repeat)
    header(f"bench_insert: n={n} BP readings, repeat={repeat} (best of), real KDF (untimed)")
    phases: dict[str, RssPhase] = {}

    end = dt.datetime.now(tz=UTC).astimezone(JST) - dt.timedelta(days=1)
    readings = bp_readings(n, end)
    with tempfile.TemporaryDirectory(prefix="phrapp-bench-") as tmp_name:
        tmp = Path(tmp_name)
        csv_path = tmp / "readings.csv"
        write_csv(csv_path, readings)
        csv_mib = csv_path.stat().st_size / 2**20
        with rss_phase() as phases["setup: records + rows (untimed)"]:
            with stopwatch() as t_build:
                prepared = make_records(readings, str(uuid.uuid4()))
            # The repository's row building (common_row + mapper.to_row), timed alone.
            with stopwatch() as t_rows:
                rows = make_rows(prepared)

        t_plain = Timing(tuple(bare_insert(sqlite3, tmp / f"plain{i}.db", rows, None, phases,
                                           "(a) sqlite3 executemany") for i in range(repeat)))
        t_cipher = Timing(tuple(bare_insert(sqlcipher3, tmp / f"cipher{i}.db", rows,
                                            os.urandom(32), phases, "(b) sqlcipher3 executemany")
                                for i in range(repeat)))

        # The other partial cost of (c), measured alone on the prepared records.
        with stopwatch() as t_validate:
            for record in prepared:
                validate(record)
        del rows, prepared

        t_service = Timing(tuple(service_insert(tmp, f"svc{i}", readings, phases,
                                                "(c) RecordService.add_many")
                                 for i in range(repeat)))

        runs = [pipeline_import(tmp, f"imp{i}", csv_path, phases) for i in range(repeat)]
        best = min(runs, key=lambda r: r[0] + r[1])
        assert best[2] == n, f"import added {best[2]} of {n}"
        t_import = Timing(tuple(p + c for p, c, _ in runs))

        t_floor = Timing(tuple(csv_floor(tmp / f"floor{i}.db", csv_path, str(uuid.uuid4()),
                                         phases, "(e) CSV floor") for i in range(repeat)))

        profile_stats = None
        if args.profile:
            profiler = cProfile.Profile()
            pipeline_import(tmp, "profiled", csv_path, {}, profiler)
            profile_stats = pstats.Stats(profiler)

    a, b = t_plain.min, t_cipher.min
    print(f"   built {n} BloodPressure objects in {t_build[0]:.2f} s (untimed); "
          f"CSV {csv_mib:.1f} MiB\n")

    def line(label: str, seconds: float) -> list[str]:
        return [label, f"{seconds:.3f}", f"{n / seconds:,.0f}", ratio(seconds, a),
                ratio(seconds, b)]

    table(["case", "seconds", "rows/s", "vs (a)", "vs (b)"], [
        line("(a) sqlite3 executemany = baseline", a),
        line("(b) sqlcipher3 executemany (encryption)", b),
        line("(c) RecordService.add_many", t_service.min),
        line("    validate() alone (part of c)", t_validate[0]),
        line("    to_storage() rows alone (part of c)", t_rows[0]),
        line("(d) import: preview + commit", t_import.min),
        line("    preview (sniff, sha, parse, dedupe, validate)", best[0]),
        line("    commit (insert, journal, batch)", best[1]),
        line("(e) CSV floor: parse + executemany (cipher)", t_floor.min),
    ])
    print(f"\nDESIGN target 'imports within 2x of their floor': (d)/(e) = "
          f"{t_import.min / t_floor.min:.2f}x;  service overhead (c)/(b) = "
          f"{t_service.min / b:.2f}x")
    print()
    rss_table(phases)

    if profile_stats is not None:
        print("\ncProfile of one (d) run (profiler overhead inflates Python-heavy calls), "
              "top 15 by internal time:")
        stream = io.StringIO()
        profile_stats.stream = stream  # type: ignore[attr-defined]
        profile_stats.sort_stats("tottime").print_stats(15)
        print("\n".join(stream.getvalue().strip().splitlines()[-16:]))
        print("\nSame run, phrapp functions by cumulative time:")
        stream.seek(0)
        stream.truncate()
        profile_stats.sort_stats("cumulative").print_stats(r"phrapp[/\\]", 15)
        print("\n".join(stream.getvalue().strip().splitlines()[-16:]))


if __name__ == "__main__":
    main()
