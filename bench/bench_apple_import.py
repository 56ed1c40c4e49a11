"""Apple Health import vs its floor, and peak RSS (issue 6 acceptance; measured, not asserted).

    .venv/bin/python bench/bench_apple_import.py [--size-mb 50] [--zip] [--keep DIR]
    .venv/bin/python bench/bench_apple_import.py --size-mb 1000       # the issue's figure

1. Generates a synthetic ``export.xml`` of about ``--size-mb`` MB in a temp folder (the
   Apple DTD prolog, then per day: Watch and iPhone step samples that overlap, heart-rate
   samples with a MetadataEntry, active-energy samples, two BP readings written as
   top-level component copies + a Correlation, one body mass in lb and its body fat).
2. **Floor**: an lxml ``iterparse`` pass over the same file that only counts
   ``Record``/``Correlation`` elements (clearing them, so it streams), in a child process.
3. **Ours**: ``ImportService.preview`` + ``commit`` of the file into a fresh vault (real
   Argon2id KDF, created untimed by this process), in a child process.
4. Peak RSS of each child: the child's own ``ru_maxrss`` after resetting the Linux
   peak mark once the vault is unlocked (so Argon2's 150–300 MiB is not counted), and
   the parent's ``RUSAGE_CHILDREN`` high-water mark (which does include it).
5. ``healthkit-to-sqlite`` (PyPI) on the same export as the peer baseline, when it is
   installed; the column is skipped otherwise.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

from _common import PASSPHRASE, header, table

HERE = Path(__file__).resolve().parent
PROLOG = """<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE HealthData [
<!-- HealthKit Export Version: 13 -->
<!ELEMENT HealthData (ExportDate,Me,(Record|Correlation|Workout|ActivitySummary)*)>
<!ATTLIST HealthData locale CDATA #REQUIRED>
<!ELEMENT ExportDate EMPTY>
<!ATTLIST ExportDate value CDATA #REQUIRED>
<!ELEMENT Record ((MetadataEntry|HeartRateVariabilityMetadataList)*)>
<!ATTLIST Record type CDATA #REQUIRED unit CDATA #IMPLIED value CDATA #IMPLIED
  sourceName CDATA #REQUIRED sourceVersion CDATA #IMPLIED device CDATA #IMPLIED
  creationDate CDATA #IMPLIED startDate CDATA #REQUIRED endDate CDATA #REQUIRED>
<!ELEMENT Correlation ((MetadataEntry|Record)*)>
<!ATTLIST Correlation type CDATA #REQUIRED sourceName CDATA #REQUIRED
  sourceVersion CDATA #IMPLIED device CDATA #IMPLIED creationDate CDATA #IMPLIED
  startDate CDATA #REQUIRED endDate CDATA #REQUIRED>
<!ELEMENT MetadataEntry EMPTY>
<!ATTLIST MetadataEntry key CDATA #REQUIRED value CDATA #REQUIRED>
]>
<HealthData locale="ja_JP">
 <ExportDate value="2026-11-23 09:00:00 +0900"/>
 <Me HKCharacteristicTypeIdentifierDateOfBirth="" HKCharacteristicTypeIdentifierBiologicalSex="HKBiologicalSexNotSet"/>
"""
WATCH = ('sourceName="Bench Apple Watch" sourceVersion="10.1" device="&lt;&lt;HKDevice: '
         '0x283f1a0f0&gt;, name:Apple Watch, manufacturer:Apple Inc., model:Watch, '
         'hardware:Watch6,1, software:10.1&gt;"')
PHONE = ('sourceName="Bench iPhone" sourceVersion="17.1" device="&lt;&lt;HKDevice: '
         '0x283f1a140&gt;, name:iPhone, manufacturer:Apple Inc., model:iPhone, '
         'hardware:iPhone14,5, software:17.1&gt;"')
OMRON = 'sourceName="OMRON connect" sourceVersion="7.1"'
PREFIX = "HKQuantityTypeIdentifier"


def _stamp(day: str, minute: int) -> str:
    return f"{day} {minute // 60:02d}:{minute % 60:02d}:00 +0900"


def _record(kind: str, source: str, unit: str, start: str, end: str, value: str,
            meta: str = "") -> str:
    attrs = (f' <Record type="{PREFIX}{kind}" {source} unit="{unit}" creationDate="{end}" '
             f'startDate="{start}" endDate="{end}" value="{value}"')
    return attrs + (f">\n{meta} </Record>\n" if meta else "/>\n")


def _day(day: str, rng: random.Random) -> tuple[str, str]:
    """(records, correlations) of one synthetic day (~300 KB)."""
    out: list[str] = []
    for block in range(6 * 60, 22 * 60, 10):  # every 10 minutes, 06:00-22:00
        if rng.random() < 0.6:
            steps = rng.randrange(50, 900)
            out.append(_record("StepCount", WATCH, "count", _stamp(day, block),
                               _stamp(day, block + 8), str(steps)))
            if rng.random() < 0.7:  # the phone in the pocket counts the same walk
                out.append(_record("StepCount", PHONE, "count", _stamp(day, block + 1),
                                   _stamp(day, block + 9), str(int(steps * 0.9))))
        out.append(_record("HeartRate", WATCH, "count/min", _stamp(day, block),
                           _stamp(day, block), str(rng.randrange(55, 120)),
                           '  <MetadataEntry key="HKMetadataKeyHeartRateMotionContext" '
                           'value="0"/>\n'))
        out.append(_record("ActiveEnergyBurned", WATCH, "kcal", _stamp(day, block),
                           _stamp(day, block + 10), f"{rng.uniform(0.5, 12):.3f}"))
        out.append(_record("BasalEnergyBurned", WATCH, "kcal", _stamp(day, block),
                           _stamp(day, block + 10), f"{rng.uniform(8, 12):.3f}"))
    correlations: list[str] = []
    for minute in (6 * 60 + 40 + rng.randrange(10), 21 * 60 + rng.randrange(30)):
        at = _stamp(day, minute)
        sys_, dia = rng.randrange(110, 150), rng.randrange(65, 95)
        parts = (_record("BloodPressureSystolic", OMRON, "mmHg", at, at, str(sys_))
                 + _record("BloodPressureDiastolic", OMRON, "mmHg", at, at, str(dia)))
        out.append(parts)
        correlations.append(f' <Correlation type="HKCorrelationTypeIdentifierBloodPressure" '
                            f'{OMRON} creationDate="{at}" startDate="{at}" endDate="{at}">\n'
                            f"{parts} </Correlation>\n")
    at = _stamp(day, 7 * 60 + 5)
    out.append(_record("BodyMass", OMRON, "lb", at, at, f"{rng.uniform(140, 160):.1f}"))
    out.append(_record("BodyFatPercentage", OMRON, "%", at, at, f"{rng.uniform(.18, .25):.3f}"))
    return "".join(out), "".join(correlations)


def generate(path: Path, size_mb: int) -> int:
    """Write the export; returns the number of days."""
    import datetime as dt

    rng = random.Random(20261123)
    target = size_mb * 1024 * 1024
    correlations: list[str] = []
    written = 0
    days = 0
    day = dt.date(2000, 1, 1)  # ~18 years fit before today at 1 GB (no future dates)
    with open(path, "w", encoding="utf-8") as out:
        out.write(PROLOG)
        while written < target:
            records, corr = _day(day.isoformat(), rng)
            out.write(records)
            correlations.append(corr)  # Apple writes correlations after all records
            written += len(records) + len(corr)
            day += dt.timedelta(days=1)
            days += 1
        out.write("".join(correlations))
        out.write("</HealthData>\n")
    return days


# -- child processes -------------------------------------------------------------------
def _reset_peak() -> bool:
    try:
        with open("/proc/self/clear_refs", "w", encoding="ascii") as handle:
            handle.write("5")
        return True
    except OSError:
        return False


def _own_peak_mib() -> float:
    # VmHWM honours the reset above; getrusage's ru_maxrss does not (measured: it kept
    # Argon2's peak), so it is only the fallback off Linux.
    hwm = _status_mib("VmHWM")
    if hwm:
        return hwm
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def _rss_mib() -> float:
    return _status_mib("VmRSS")


def _status_mib(field: str) -> float:
    try:
        with open("/proc/self/status", encoding="ascii") as handle:
            for line in handle:
                if line.startswith(field + ":"):
                    return float(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def child_floor(path: str) -> dict[str, object]:
    from lxml import etree

    _reset_peak()
    start = time.perf_counter()
    count = 0
    for _, elem in etree.iterparse(path, events=("end",), tag=("Record", "Correlation"),
                                   resolve_entities=False, no_network=True):
        count += 1
        elem.clear()
        parent = elem.getparent()
        while parent is not None and elem.getprevious() is not None:
            del parent[0]
    return {"seconds": time.perf_counter() - start, "elements": count,
            "peak_mib": _own_peak_mib()}


def child_import(vault: str, path: str) -> dict[str, object]:
    from phrapp.io.importers.apple_health import AppleHealthImporter
    from phrapp.io.importers.base import default_registry
    from phrapp.services.import_service import ImportService
    from phrapp.services.session import Session

    session = Session.open(Path(vault), passphrase=PASSPHRASE)
    reset = _reset_peak()  # Argon2's peak during unlock is not the import's
    at_start = _rss_mib()
    try:
        registry = default_registry()
        if registry.by_slug("apple-health") is None:
            registry.register(AppleHealthImporter())
        service = ImportService(session, registry)
        start = time.perf_counter()
        plan = service.preview([Path(path)])
        preview = time.perf_counter() - start
        start = time.perf_counter()
        service.commit(plan)
        commit = time.perf_counter() - start
        [fp] = plan.files
        return {"preview": preview, "commit": commit, "seconds": preview + commit,
                "format": fp.format, "added": dict(fp.added), "skipped": dict(fp.skipped),
                "peak_mib": _own_peak_mib(), "peak_reset": reset, "rss_at_start": at_start}
    finally:
        session.close()


def run_child(*args: str) -> tuple[dict[str, object], float]:
    """(the child's JSON answer, parent's RUSAGE_CHILDREN peak MiB so far)."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(HERE), str(HERE.parent)])}
    done = subprocess.run([sys.executable, str(Path(__file__).resolve()), "--child", *args],
                          capture_output=True, text=True, env=env, check=False)
    if done.returncode != 0:
        raise RuntimeError(done.stderr[-2000:])
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    peak_mib = peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024
    return json.loads(done.stdout.strip().splitlines()[-1]), peak_mib


def peer(tool: str, path: Path, tmp: Path) -> float | None:
    db = tmp / "peer.db"
    start = time.perf_counter()
    args = [tool, str(path), str(db)] + (["--xml"] if path.suffix == ".xml" else [])
    done = subprocess.run(args, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        print(f"   healthkit-to-sqlite failed: {done.stderr.strip()[-300:]}")
        return None
    return time.perf_counter() - start


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        kind, *rest = sys.argv[2:]
        answer = child_floor(rest[0]) if kind == "floor" else child_import(rest[0], rest[1])
        print(json.dumps(answer))
        return
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size-mb", type=int, default=50)
    parser.add_argument("--zip", action="store_true", help="also import the zipped export")
    parser.add_argument("--keep", type=Path, help="write the export here and keep it")
    args = parser.parse_args()
    header(f"Apple Health import, ~{args.size_mb} MB export.xml")
    with tempfile.TemporaryDirectory(prefix="phrapp-bench-apple-") as tmp_name:
        tmp = Path(tmp_name)
        folder = args.keep or tmp
        folder.mkdir(parents=True, exist_ok=True)
        xml = folder / "export.xml"
        start = time.perf_counter()
        days = generate(xml, args.size_mb)
        size = xml.stat().st_size
        print(f"   generated {size / 2**20:.0f} MiB, {days} days in "
              f"{time.perf_counter() - start:.1f} s: {xml}")
        inputs = [xml]
        if args.zip:
            archive = folder / "export.zip"
            with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as out:
                out.write(xml, "apple_health_export/export.xml")
            inputs.append(archive)
            print(f"   zipped to {archive.stat().st_size / 2**20:.0f} MiB")

        from phrapp.services.profiles import ProfileService
        from phrapp.services.session import Session

        floor, _ = run_child("floor", str(xml))
        rows = [["floor: iterparse count Record/Correlation", f"{floor['seconds']:.2f}",
                 "1.00x", f"{floor['peak_mib']:.0f}", "", f"{floor['elements']:,} elements"]]
        for index, path in enumerate(inputs):
            vault = tmp / f"vault{index}"
            session, _ = Session.create(vault, PASSPHRASE)  # untimed, real KDF
            ProfileService(session).add("Bench")
            session.close()
            ours, children_peak = run_child("import", str(vault), str(path))
            seconds = float(ours["seconds"])  # type: ignore[arg-type]
            rows.append([f"ours: preview+commit ({path.name})", f"{seconds:.2f}",
                         f"{seconds / float(floor['seconds']):.2f}x",  # type: ignore[arg-type]
                         f"{ours['peak_mib']:.0f} (at start {ours['rss_at_start']:.0f})",
                         f"{children_peak:.0f}",
                         f"added {ours['added']}"])
            print(f"   {path.name}: preview {ours['preview']:.2f} s, commit "
                  f"{ours['commit']:.2f} s; skipped {ours['skipped']}")
        # The venv's scripts folder is not always on PATH (`.venv/bin/python bench/…`).
        tool = shutil.which("healthkit-to-sqlite") or shutil.which(
            "healthkit-to-sqlite", path=str(Path(sys.executable).parent))
        if tool is not None:
            seconds_peer = peer(tool, inputs[-1], tmp)
            if seconds_peer is not None:
                rows.append([f"peer: healthkit-to-sqlite ({inputs[-1].name})",
                             f"{seconds_peer:.2f}",
                             f"{seconds_peer / float(floor['seconds']):.2f}x",  # type: ignore[arg-type]
                             "", "", "BP components twice, no daily steps"])
        else:
            print("   healthkit-to-sqlite not installed: peer column skipped")
        print()
        table(["case", "s", "vs floor", "peak RSS MiB (own, after unlock)",
               "peak RSS MiB (children incl. Argon2)", "notes"], rows)


if __name__ == "__main__":
    main()
