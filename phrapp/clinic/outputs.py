"""``clinic open --out DIR``: FHIR and CSV for the clinic's own system.

Written only for a valid input (an invalid one writes nothing). Each file is written
atomically by :class:`~phrapp.io.exporters.base.FolderSink` (temp file, fsync, rename);
if any file fails, the files already written by this call are removed again.

* FHIR input (or a share package's FHIR member): the FHIR bytes exactly as validated,
  plus CSV made from the records phrapp's FHIR importer reads out of them.
* CDA / JAHIS input: a FHIR ``collection`` Bundle built by phrapp's FHIR exporter from
  the parsed records, plus CSV.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from collections import defaultdict
from pathlib import Path

from phrapp.clinic.report import ClinicReport
from phrapp.domain.people import PersonInfo
from phrapp.domain.records import Profile, Record, RecordKind, kind_of
from phrapp.domain.time import DEFAULT_ZONE
from phrapp.errors import Refused
from phrapp.storage.atomic import fsync_dir

FHIR_NAME = "clinic-fhir.json"


class NothingWritten(Refused):
    """``--out`` with an invalid input: refused, nothing written (exit 2)."""

    code = "invalid-fhir"


def _profile(persons: list[PersonInfo]) -> Profile:
    person = persons[0] if persons else None
    # No invented name: a CDA examinee often has only a kana name (the Patient then
    # carries just that), never a placeholder a clinic system could file as a real name.
    return Profile(name=(person.name if person and person.name else ""),
                   sex=person.sex if person else None,
                   birth_date=person.birth_date if person else None,
                   name_kana=person.name_kana if person else None,
                   home_zone=DEFAULT_ZONE)


def _records_from_fhir(report: ClinicReport) -> tuple[list[Record], list[PersonInfo]]:
    """Records read from the validated FHIR bytes with phrapp's FHIR importer."""
    assert report.fhir_bytes is not None
    from phrapp.clinic.opener import MemorySource
    from phrapp.io.importers.base import ParseContext, ParsedRecord
    from phrapp.io.importers.fhir import FhirImporter

    records: list[Record] = []
    persons: list[PersonInfo] = []
    source = MemorySource.of(report.source_name or "input.json", report.fhir_bytes)
    for item in FhirImporter().parse(source, ParseContext(home_zone=DEFAULT_ZONE)):
        if isinstance(item, ParsedRecord):
            records.append(item.record)
        elif isinstance(item, PersonInfo):
            persons.append(item)
    return records, persons


def write_outputs(report: ClinicReport, out_dir: Path) -> list[Path]:
    """Write FHIR and CSV for ``report`` into ``out_dir``; returns the files written."""
    from phrapp.io.exporters.base import ExportData, ExportRequest, FolderSink
    from phrapp.io.exporters.csv_export import CsvExporter

    if not report.valid:
        raise NothingWritten("the file is not valid: nothing was written", path=str(out_dir))
    if out_dir.exists() and not out_dir.is_dir():
        raise Refused("--out must be a folder", path=str(out_dir), code="usage")
    out_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
    if report.fhir_bytes is not None:
        records, persons = _records_from_fhir(report)
    else:
        records, persons = list(report.records), list(report.persons)
    by_kind: dict[RecordKind, list[Record]] = defaultdict(list)
    for record in records:
        by_kind[kind_of(record)].append(record)
    profile = _profile(persons or report.persons)
    data = ExportData(profile=profile, records=dict(by_kind),
                      generated_at=dt.datetime.now(dt.UTC).replace(microsecond=0))
    sink = FolderSink(out_dir)
    try:
        if report.fhir_bytes is not None:
            with sink.open(FHIR_NAME) as handle:
                handle.write(report.fhir_bytes)
        else:
            from phrapp.io.exporters.fhir import FhirExporter

            exporter = FhirExporter()
            with sink.open(FHIR_NAME) as handle:
                exporter.write_bundle(handle, data,
                                      [k for k in exporter.kinds if k in by_kind], {})
        csv = CsvExporter()
        csv_kinds = tuple(k for k in csv.kinds if k in by_kind)
        if csv_kinds:
            request = ExportRequest(profile=profile, out=out_dir, kinds=csv_kinds)
            csv.emit(request, data, sink)
    except BaseException:
        with contextlib.suppress(OSError):
            sink.discard()
        raise
    fsync_dir(out_dir)
    return list(sink.written)


__all__ = ["FHIR_NAME", "NothingWritten", "write_outputs"]
