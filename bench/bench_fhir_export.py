"""FHIR export and import parse of N Observations (DESIGN: "in seconds, not minutes").

    python bench/bench_fhir_export.py [--n N]

N/2 BP readings with a pulse (= N Observations: the panel and its pulse) of one profile
are exported with :class:`FhirExporter` into memory (every entry checked: R4 schema per
resource, R4B model per shape), then the bytes are parsed by :class:`FhirImporter`
(JSON caps, the same checks, mapping back to records). A floor for each: the export's
bare ``json.dumps`` of the same resource dicts, and the import's bare ``json.loads``.
Peak RSS is ``getrusage`` ru_maxrss (process-wide, so the import figure includes the
export's). The clinic-side open is benchmarked with the clinic code.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import json
import resource
import tempfile
import time
from pathlib import Path

from phrapp.domain.records import BloodPressure, Profile, RecordKind, Sex
from phrapp.io.exporters.base import ExportData
from phrapp.io.exporters.fhir import FhirExporter, _Writer
from phrapp.io.importers.base import ImportSource, ParseContext
from phrapp.io.importers.fhir import FhirImporter

JST = dt.timezone(dt.timedelta(hours=9))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=100_000, help="Observations (even)")
    args = parser.parse_args()
    profile = Profile(name="bench", sex=Sex.FEMALE, birth_date=dt.date(1960, 1, 1))
    start = dt.datetime(2015, 1, 1, 7, 0, tzinfo=JST)
    readings = [BloodPressure(profile_id=profile.id, measured_at=start + dt.timedelta(hours=i),
                              systolic=110 + i % 40, diastolic=65 + i % 25, pulse=55 + i % 40)
                for i in range(args.n // 2)]
    data = ExportData(profile=profile, records={RecordKind.BP: readings})

    writer = _Writer(data)
    t0 = time.perf_counter()
    for reading in readings:
        for res in writer.bp(reading):
            json.dumps(res, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    floor_export = time.perf_counter() - t0

    out = io.BytesIO()
    t0 = time.perf_counter()
    FhirExporter().write_bundle(out, data, [RecordKind.BP], {})
    export_s = time.perf_counter() - t0
    raw = out.getvalue()
    rss_export = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bundle.json"
        path.write_bytes(raw)
        t0 = time.perf_counter()
        json.loads(raw)
        floor_import = time.perf_counter() - t0
        t0 = time.perf_counter()
        items = list(FhirImporter().parse(ImportSource.from_path(path),
                                          ParseContext("Asia/Tokyo")))
        import_s = time.perf_counter() - t0
    rss_import = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{args.n} Observations, {len(raw) / 1e6:.1f} MB")
    print(f"export: {export_s:.1f} s (floor json.dumps {floor_export:.1f} s, "
          f"{export_s / floor_export:.1f}x), peak RSS {rss_export:.0f} MB")
    print(f"import parse: {import_s:.1f} s (floor json.loads {floor_import:.2f} s), "
          f"{len(items) - 1} BP records, peak RSS {rss_import:.0f} MB")


if __name__ == "__main__":
    main()
