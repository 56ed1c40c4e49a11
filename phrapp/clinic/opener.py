"""``clinic open``: recognise a file by its content, verify it, and summarise it.

Kinds (CONTRACT §4): a share package (JSON envelope with ``v`` and ``kdf``; the
passphrase is asked for only then), FHIR JSON (``resourceType``; classified by
:func:`phrapp.clinic.fhir_summary.classify`), a 特定健診 CDA file or zip, a JAHIS TC
file. Nothing here opens a vault or writes a file: problems with the file become
``errors`` in the report (``valid: false``); only a missing secret
(:class:`~phrapp.errors.MissingSecret` from the provider) propagates, because no
report can be made without it.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any, Final

from phrapp.clinic import fhir_summary
from phrapp.clinic.records_summary import summarise_records
from phrapp.clinic.report import ClinicReport
from phrapp.domain.people import PersonInfo
from phrapp.domain.records import Record
from phrapp.domain.time import DEFAULT_ZONE
from phrapp.errors import PhrError
from phrapp.io.importers.base import (
    HEAD_BYTES,
    Importer,
    ImportSource,
    MemorySource,
    ParseContext,
    ParsedRecord,
    ParseWarning,
)
from phrapp.io.safe_zip import is_zip

#: FHIR JSON larger than this is refused before parsing (a 100k-Observation Bundle
#: is about 80 MB).
MAX_JSON_BYTES: Final = 512 * 1024 * 1024
#: JSON nesting cap (specs/security.md T5); real FHIR stays far below it.
MAX_DEPTH: Final = 100

PassphraseProvider = Callable[[], str]


def open_file(path: Path, passphrase_provider: PassphraseProvider, *,
              home_zone: str = DEFAULT_ZONE) -> ClinicReport:
    """Open ``path`` (never a vault) and report on it; see the module docstring."""
    report = ClinicReport(source_name=path.name)
    try:
        size = path.stat().st_size
        with open(path, "rb") as handle:
            head = handle.read(HEAD_BYTES)
    except OSError as exc:
        report.error(path.name, f"cannot read the file ({exc.strerror or 'I/O error'})")
        return report
    from phrapp.io.share_package import looks_like_package

    if looks_like_package(head):
        _open_share(path, passphrase_provider, report, home_zone)
        return report
    stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if stripped.startswith((b"{", b"[")):
        if size > MAX_JSON_BYTES:
            report.error(path.name, f"the file is larger than {MAX_JSON_BYTES // 2**20} MB")
            return report
        open_fhir_bytes(path.read_bytes(), path.name, report, home_zone)
        return report
    source = ImportSource(path=path, name=path.name, size=size, head=head)
    _open_other(source, report, home_zone)
    return report


def _recognise(source: ImportSource) -> tuple[str, Importer] | None:
    """The CDA or JAHIS importer that claims ``source`` by content, if any."""
    from phrapp.io.importers.jahis_tc import JahisTcImporter
    from phrapp.io.importers.tokutei_cda import TokuteiCdaImporter

    if is_zip(source.head) and isinstance(source, MemorySource):
        return None  # a zip inside a share package: SafeZip reads real files only
    importer: Importer
    for kind, importer in (("tokutei-cda", TokuteiCdaImporter()),
                           ("jahis-tc", JahisTcImporter())):
        try:
            confidence = importer.sniff(source)
        except Exception:  # a sniffer must not take the report down
            confidence = 0.0
        if confidence >= 0.5:
            return kind, importer
    return None


def _open_other(source: ImportSource, report: ClinicReport, home_zone: str) -> None:
    """CDA (file or zip) or JAHIS TC, else an "unsupported file" error."""
    found = _recognise(source)
    if found is None:
        report.error(source.name, "unsupported file: not a share package, FHIR JSON, "
                     "特定健診 CDA (file or zip) or JAHIS TC file")
        return
    report.kind = found[0]
    if found[0] == "tokutei-cda":
        check_cda_schema(source, report)
    parse_records(found[1], source, report, home_zone)
    if report.errors:
        report.valid = False


#: A CDA file or zip member larger than this is not schema-checked (the importer's own
#: caps still apply); real exams are a few hundred kilobytes.
MAX_CDA_SCHEMA_BYTES: Final = 20 * 1024 * 1024


def check_cda_schema(source: ImportSource, report: ClinicReport) -> None:
    """Validate each CDA document against the official hc08 XSD (errors go in the report).

    A file or each ``.xml`` member of a zip that holds a ClinicalDocument; the zip's
    other members (the submission archive's index and XSD copies) are not exams.
    """
    from phrapp.io.cda_schema import validate_cda
    from phrapp.io.safe_zip import SafeZip

    documents: list[tuple[str, bytes]] = []
    try:
        if is_zip(source.head):
            with SafeZip(source.path, name=source.name) as archive:
                for member in archive.names:
                    if (member.lower().endswith(".xml")
                            and archive.size(member) <= MAX_CDA_SCHEMA_BYTES):
                        data = archive.read(member)
                        if b"ClinicalDocument" in data[:4096]:
                            documents.append((f"{source.name}!{member}", data))
        elif source.size <= MAX_CDA_SCHEMA_BYTES:
            with source.open() as handle:
                documents.append((source.name, handle.read()))
        for name, data in documents:
            for issue in validate_cda(data, name):
                report.error(issue.path, f"hc08 XSD: {issue.message}")
    except PhrError as exc:
        report.error(exc.path or source.name, exc.message)


def parse_records(importer: Importer, source: ImportSource, report: ClinicReport,
                  home_zone: str) -> None:
    """Parse with ``importer`` (no vault); importer errors become report errors."""
    records: list[Record] = []
    persons: list[PersonInfo] = []
    try:
        for item in importer.parse(source, ParseContext(home_zone=home_zone)):
            if isinstance(item, ParsedRecord):
                records.append(item.record)
            elif isinstance(item, PersonInfo):
                persons.append(item)
            elif isinstance(item, ParseWarning):
                report.warnings.append(item.text)
    except PhrError as exc:
        report.error(exc.path or source.name, exc.message)
        return
    report.valid = not report.errors
    report.records.extend(records)
    report.persons.extend(persons)
    summarise_records(report.records, report.persons, report, home_zone=home_zone)


def _depth_ok(value: Any) -> bool:
    stack: list[tuple[Any, int]] = [(value, 1)]
    while stack:
        node, depth = stack.pop()
        if depth > MAX_DEPTH:
            return False
        if isinstance(node, dict):
            stack.extend((v, depth + 1) for v in node.values() if isinstance(v, dict | list))
        elif isinstance(node, list):
            stack.extend((v, depth + 1) for v in node if isinstance(v, dict | list))
    return True


def load_json(data: bytes, name: str, report: ClinicReport) -> Any:
    """Strict UTF-8 JSON (a BOM is tolerated) with a depth cap; None + error on failure."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        report.error(name, "FHIR JSON must be UTF-8")
        return None
    try:
        doc = json.loads(text)
    except RecursionError:
        report.error(name, f"JSON nested deeper than {MAX_DEPTH} levels")
        return None
    except ValueError as exc:
        line = getattr(exc, "lineno", None)
        report.error(name, "not valid JSON" + (f" (line {line})" if line else ""))
        return None
    if not _depth_ok(doc):
        report.error(name, f"JSON nested deeper than {MAX_DEPTH} levels")
        return None
    return doc


def open_fhir_bytes(data: bytes, name: str, report: ClinicReport,
                    home_zone: str = DEFAULT_ZONE) -> None:
    """Validate and summarise FHIR JSON bytes into ``report``."""
    from phrapp.io.fhir_validate import validate_bundle, validate_resource

    doc = load_json(data, name, report)
    if doc is None:
        return
    if not isinstance(doc, dict) or not isinstance(doc.get("resourceType"), str):
        report.error(name, "unsupported JSON: no FHIR resourceType (and not a share package)")
        return
    report.kind = fhir_summary.classify(doc)
    issues = validate_bundle(doc) if doc["resourceType"] == "Bundle" else \
        validate_resource(doc)
    report.valid = not issues
    report.errors.extend(issue.to_json() for issue in issues)
    report.fhir_bytes = data
    fhir_summary.summarise(doc, report, report.kind, home_zone=home_zone)


def _open_share(path: Path, provider: PassphraseProvider, report: ClinicReport,
                home_zone: str) -> None:
    from phrapp.io.share_package import ShareError, open_package_file

    report.kind = "share"
    passphrase = provider()  # MissingSecret propagates: exit 2 without a report
    try:
        package = open_package_file(path, passphrase)
    except ShareError as exc:
        report.error(exc.path if exc.path and exc.path != str(path) else path.name,
                     f"{exc.code}: {exc.message}")
        return
    primary = _primary_fhir(package.members)
    if primary is not None:
        name, data = primary
        open_fhir_bytes(data, name, report, home_zone)
        report.kind = "share"
        return
    # No FHIR inside: read the CDA and JAHIS members instead (all of them, merged).
    recognised = False
    for name in sorted(package.members):
        source = MemorySource.of(name, package.members[name])
        found = _recognise(source)
        if found is not None:
            recognised = True
            parse_records(found[1], source, report, home_zone)
    report.kind = "share"
    if not recognised:
        report.error("", "the share package holds no file the clinic side can read")


def _primary_fhir(members: dict[str, bytes]) -> tuple[str, bytes] | None:
    """The package's FHIR file: a Bundle first (phrapp's own preferred), else a resource."""
    best: tuple[int, str, bytes] | None = None
    for name in sorted(members):
        data = members[name]
        if not data.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{"):
            continue
        head = data[:4096]
        if b'"resourceType"' not in head and b'"resourceType"' not in data[:1 << 20]:
            continue
        rank = 0 if b'"Bundle"' in head else 1
        if best is None or rank < best[0]:
            best = (rank, name, data)
    return (best[1], best[2]) if best else None


__all__ = ["MAX_JSON_BYTES", "MemorySource", "PassphraseProvider", "load_json",
           "open_fhir_bytes", "open_file", "parse_records"]
