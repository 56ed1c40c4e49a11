"""FHIR R4 export (``--format fhir``): one ``collection`` Bundle (specs/fhir.md §4–§5.1).

Shape: ``entry[0]`` is the Patient, then Observations (BP panels with their pulse,
weights with their body fat, daily steps, labs, checkup items), DiagnosticReports (one
per checkup, grouping its items), eCheckup documents kept verbatim (a ``document``
Bundle as an entry), MedicationStatements (one per drug line), Immunizations,
AllergyIntolerances and Conditions.

* Every ``fullUrl`` is ``urn:uuid:<id>``; references use those URNs and resolve inside
  the Bundle. A resource's id is its record's stable id (CONTRACT §4); resources derived
  from one record (the pulse of a BP reading, the n-th drug of a dispensing) get a
  name-based UUID from that id, so a re-export gives the same ids even after edits.
* Every resource has a phrapp ``identifier`` (``urn:ietf:rfc:3986`` = its URN) so a
  receiving system can update conditionally, and the extension
  :data:`~phrapp.io.fhir_codes.EXT_RECORD` carrying phrapp-only fields (provenance,
  source app and device, BP context, checkup item detail …) so phrapp's own import
  restores the records exactly. Device readings also carry
  :data:`~phrapp.io.fhir_codes.EXT_DATA_INPUT_CODE`.
* Streamed: each resource is built as a dict, checked (the R4 schema for each resource,
  its ``fhir.resources.R4B`` model once per shape: :mod:`phrapp.io.fhir_stream_check`)
  and written as compact JSON (sorted keys, UTF-8, Japanese not ``\\u``-escaped; only the
  phrapp extension's machine JSON is ASCII). No 100k-entry model is held in memory.
* No ``meta.profile`` is claimed yet: specs/fhir.md allows a claim only where a test
  proves the profile's constraints.
* Records of kinds FHIR export does not cover (health background, follow-up visits) are
  not written.
"""

from __future__ import annotations

import datetime as dt
import json
import uuid
from collections.abc import Iterator
from typing import Any, BinaryIO, ClassVar

from phrapp.domain.records import (
    Allergy,
    AllergyKind,
    BloodPressure,
    Checkup,
    CheckupItem,
    Drug,
    DrugCodeSystem,
    Immunization,
    ItemStatus,
    LabValue,
    MedicationOrigin,
    MedicationRecord,
    Profile,
    Provenance,
    Record,
    RecordKind,
    Steps,
    Weight,
)
from phrapp.domain.serialize import to_json
from phrapp.domain.time import iso_with_offset, today_in, zone
from phrapp.io import fhir_codes as fc
from phrapp.io.exporters.base import ExportData, Exporter, ExportRequest, Progress, Sink
from phrapp.io.fhir_stream_check import StreamValidator
from phrapp.io.importers.fhir import read_echeckup

SLUG = "fhir"
#: Name-based UUIDs for resources derived from a record (pulse, body fat, drug lines).
_NAMESPACE = uuid.UUID("6f1c9a52-37a4-4e0b-9a55-0e3f6b1d2c41")
_DATA_INPUT = {Provenance.DEVICE: "0", Provenance.MANUAL: "1", Provenance.DEVICE_EDITED: "2"}
_DRUG_SYSTEMS = {DrugCodeSystem.YJ: fc.YJ_URL, DrugCodeSystem.RECEIPT: fc.RECEIPT_DRUG_SYSTEM,
                 DrugCodeSystem.MHLW: fc.MHLW_DRUG_SYSTEM}
Resource = dict[str, Any]


def resource_uuid(record_id: str, part: str = "") -> str:
    """The UUID of a record's resource (its own id) or of a part derived from it."""
    if not part:
        try:
            return str(uuid.UUID(record_id))
        except ValueError:
            pass
    return str(uuid.uuid5(_NAMESPACE, f"{record_id}/{part}"))


def urn(resource_id: str) -> str:
    return f"urn:uuid:{resource_id}"


class InvalidExport(RuntimeError):
    """phrapp built a resource that is not valid FHIR R4 (a bug: nothing is written)."""


def validate_resource(resource: Resource, checker: StreamValidator | None = None) -> None:
    """Check one resource (R4 schema, R4B model per shape); raise :class:`InvalidExport`."""
    issues = (checker or StreamValidator()).issues(resource, resource["resourceType"])
    if issues:
        # Paths and rule names only: never the values (health data stays out of logs).
        raise InvalidExport("; ".join(f"{i.path}: {i.message}" for i in issues[:3]))


def dumps(resource: Resource) -> bytes:
    """Deterministic compact JSON: sorted keys, UTF-8 (no ``\\u`` escapes for Japanese)."""
    return json.dumps(resource, ensure_ascii=False, sort_keys=True,
                      separators=(",", ":")).encode("utf-8")


def _number(value: float) -> int | float:
    return int(value) if float(value).is_integer() else value


def _quantity(value: float, ucum: str | None, display: str | None = None) -> Resource:
    out: Resource = {"value": _number(value)}
    if ucum:
        out.update(unit=display or ucum, system=fc.UCUM, code=ucum)
    return out


def _loinc(code: str, text: str | None = None) -> Resource:
    concept: Resource = {"coding": [{"system": fc.LOINC, "code": code,
                                     "display": fc.LOINC_DISPLAY.get(code, code)}]}
    if text:
        concept["text"] = text
    return concept


def _categories(jp: str, hl7: str | None) -> list[Resource]:
    out = [{"coding": [{"system": fc.JP_OBS_CATEGORY, "code": jp}]}]
    if hl7:
        out.append({"coding": [{"system": fc.HL7_OBS_CATEGORY, "code": hl7}]})
    return out


def _vaccine_system(code_system: str | None) -> str:
    """A FHIR system for a vaccine code as recorded (HOT9 by name, OIDs as URNs)."""
    if code_system is None or not code_system.strip():
        return fc.VACCINE_CODE_SYSTEM
    if code_system.lower() in ("hot", "hot9"):
        return fc.HOT9_URL
    if code_system[:1].isdigit():
        code_system = f"urn:oid:{code_system}"
    return fc.normalise_system(code_system) or fc.VACCINE_CODE_SYSTEM


def _date(value: dt.date | None) -> str | None:
    return value.isoformat() if value is not None else None


class _Writer:
    """Builds the resources of one profile's export (pure dict building)."""

    def __init__(self, data: ExportData) -> None:
        self.data = data
        self.profile = data.profile
        self.patient_id = resource_uuid(self.profile.id)
        self.subject = {"reference": urn(self.patient_id)}

    # -- common ---------------------------------------------------------------------------
    def base(self, resource_type: str, resource_id: str, record: Record,
             fields: dict[str, Any], *, measured: bool = False) -> Resource:
        """The shared part of a record's resource: id, phrapp identifier and extensions.

        ``measured`` readings (BP, weight, steps) also carry the exchange protocol's
        ``data_input_code`` (0 device, 1 typed by hand, 2 device value edited by hand).
        """
        src = record.source
        phrapp: dict[str, Any] = {"provenance": record.provenance.value, **fields}
        if src.app or src.device:
            phrapp["source"] = {"app": src.app, "device": None if src.device is None else {
                "maker": src.device.maker, "model": src.device.model,
                "serial": src.device.serial}}
        # ASCII-escaped: a machine field for phrapp only, kept free of characters (such as
        # U+3000) that validators with a Unicode-aware ``\S`` wrongly reject.
        extensions: list[Resource] = [{"url": fc.EXT_RECORD, "valueString": json.dumps(
            phrapp, ensure_ascii=True, sort_keys=True, separators=(",", ":"))}]
        code = _DATA_INPUT.get(record.provenance)
        if measured and code is not None:
            extensions.append({"url": fc.EXT_DATA_INPUT_CODE, "valueCode": code})
        return {"resourceType": resource_type, "id": resource_id,
                "extension": extensions,
                "identifier": [{"system": fc.URI_SYSTEM, "value": urn(resource_id)}]}

    def device(self, record: Record) -> Resource | None:
        dev = record.source.device
        text = " ".join(p for p in (dev.maker, dev.model) if p) if dev else ""
        text = text or (record.source.app or "")
        return {"display": text} if text else None

    def patient(self) -> Resource:
        p: Profile = self.profile
        out: Resource = {
            "resourceType": "Patient", "id": self.patient_id,
            "identifier": [{"system": fc.URI_SYSTEM, "value": urn(self.patient_id)}],
            "name": [],
        }
        if p.name.strip():
            out["name"].append({"text": p.name, "extension": [
                {"url": fc.ISO21090_EN_REP, "valueCode": "IDE"}]})
        if p.name_kana:
            out["name"].append({"text": p.name_kana, "extension": [
                {"url": fc.ISO21090_EN_REP, "valueCode": "SYL"}]})
        if not out["name"]:
            del out["name"]  # ele-1: no empty list
        if p.sex is not None:
            out["gender"] = p.sex.value
        if p.birth_date is not None:
            out["birthDate"] = p.birth_date.isoformat()
        return out

    # -- vital signs ------------------------------------------------------------------------
    def bp(self, r: BloodPressure) -> Iterator[Resource]:
        rid = resource_uuid(r.id)
        obs = self.base("Observation", rid, r, {
            "context": r.context.value if r.context else None,
            "irregular_heartbeat": r.irregular_heartbeat}, measured=True)
        obs.update(
            status="final", category=_categories("vital-signs", "vital-signs"),
            code=_loinc(fc.BP_PANEL, "血圧"), subject=self.subject,
            effectiveDateTime=iso_with_offset(r.measured_at),
            component=[
                {"code": _loinc(fc.SYSTOLIC), "valueQuantity": _quantity(
                    r.systolic, "mm[Hg]", "mmHg")},
                {"code": _loinc(fc.DIASTOLIC), "valueQuantity": _quantity(
                    r.diastolic, "mm[Hg]", "mmHg")}])
        device = self.device(r)
        if device:
            obs["device"] = device
        if r.note:
            obs["note"] = [{"text": r.note}]
        pulse = None
        if r.pulse is not None:
            pid = resource_uuid(r.id, "pulse")
            pulse = {"resourceType": "Observation", "id": pid,
                     "identifier": [{"system": fc.URI_SYSTEM, "value": urn(pid)}],
                     "status": "final", "category": _categories("vital-signs", "vital-signs"),
                     "code": _loinc(fc.PULSE, "脈拍"), "subject": self.subject,
                     "effectiveDateTime": obs["effectiveDateTime"],
                     "valueQuantity": _quantity(r.pulse, "/min", "/min"),
                     "derivedFrom": [{"reference": urn(rid)}]}
            if device:
                pulse["device"] = device
            obs["hasMember"] = [{"reference": urn(pid)}]
        yield obs
        if pulse is not None:
            yield pulse

    def weight(self, r: Weight) -> Iterator[Resource]:
        rid = resource_uuid(r.id)
        obs = self.base("Observation", rid, r, {"original_unit": r.original_unit.value},
                        measured=True)
        obs.update(status="final", category=_categories("body-measurement", "vital-signs"),
                   code=_loinc(fc.BODY_WEIGHT, "体重"), subject=self.subject,
                   effectiveDateTime=iso_with_offset(r.measured_at),
                   valueQuantity=_quantity(r.kg, "kg"))
        device = self.device(r)
        if device:
            obs["device"] = device
        yield obs
        if r.body_fat_percent is not None:
            fid = resource_uuid(r.id, "body-fat")
            fat: Resource = {
                "resourceType": "Observation", "id": fid,
                "identifier": [{"system": fc.URI_SYSTEM, "value": urn(fid)}],
                "status": "final", "category": _categories("body-measurement", None),
                "code": _loinc(fc.BODY_FAT, "体脂肪率"), "subject": self.subject,
                "effectiveDateTime": obs["effectiveDateTime"],
                "valueQuantity": _quantity(r.body_fat_percent, "%"),
                "derivedFrom": [{"reference": urn(rid)}]}
            if device:
                fat["device"] = device
            yield fat

    def steps(self, r: Steps) -> Resource:
        rid = resource_uuid(r.id)
        tz = zone(self.profile.home_zone)
        start = dt.datetime.combine(r.date, dt.time(0, 0), tz)
        end = dt.datetime.combine(r.date, dt.time(23, 59, 59), tz)
        obs = self.base("Observation", rid, r, {"date": r.date.isoformat()}, measured=True)
        obs.update(status="final", category=_categories("activity", "activity"),
                   code=_loinc(fc.STEPS_DAY, "歩数"), subject=self.subject,
                   effectivePeriod={"start": start.isoformat(), "end": end.isoformat()},
                   valueQuantity=_quantity(r.steps, "/d", "steps/day"))
        device = self.device(r)
        if device:
            obs["device"] = device
        return obs

    # -- labs and checkups -------------------------------------------------------------------
    def _item_code(self, code: str, name: str) -> Resource:
        coding = [{"system": fc.ITEM_CODE_SYSTEM, "code": code, "display": name}]
        loinc = fc.item_loinc(code)
        if loinc:
            coding.append({"system": fc.LOINC, "code": loinc})
        return {"coding": coding, "text": name}

    def lab(self, r: LabValue) -> Resource:
        rid = resource_uuid(r.id)
        obs = self.base("Observation", rid, r, {"unit": r.unit})
        obs.update(status="final", category=_categories("laboratory", "laboratory"),
                   code=self._item_code(r.code, r.name), subject=self.subject,
                   effectiveDateTime=r.date.isoformat(),
                   valueQuantity=_quantity(r.value, r.unit or None))
        if r.facility:
            obs["performer"] = [{"display": r.facility}]
        return obs

    def checkup(self, r: Checkup) -> Iterator[Resource]:
        original = self._echeckup_original(r)
        if original is not None:
            yield original
            return
        rid = resource_uuid(r.id)
        results: list[Resource] = []
        for index, item in enumerate(r.items):
            obs = self.checkup_item(r, item, index)
            results.append({"reference": urn(obs["id"])})
            yield obs
        report = self.base("DiagnosticReport", rid, r, {
            "institution_id": r.institution_id, "institution_name": r.institution_name,
            "sex": r.sex.value if r.sex else None, "birth_date": _date(r.birth_date),
            "metabolic_syndrome": r.metabolic_syndrome, "guidance_level": r.guidance_level})
        report.update(status="final", category=[{"coding": [
            {"system": fc.JP_OBS_CATEGORY, "code": "exam"}]}],
            code={"text": "健診結果 (特定健診)"}, subject=self.subject,
            effectiveDateTime=r.date.isoformat())
        if r.institution_name:
            report["performer"] = [{"display": r.institution_name}]
        if results:
            report["result"] = results
        yield report

    def _echeckup_original(self, r: Checkup) -> Resource | None:
        """An imported eCheckup document, verbatim (specs/fhir.md §5.2: never re-authored)."""
        if r.document_id is None or r.extra.get("fhir_document") != "echeckup":
            return None
        content = self.data.document(r.document_id)
        if content is None:
            return None
        # Verbatim only while the record is what the document says: an edited checkup
        # is written as Observations like any other (the document would contradict it).
        stored = read_echeckup(content, self.profile.home_zone)
        if stored is None or _checkup_key(stored) != _checkup_key(r):
            return None
        parsed: Resource = json.loads(content.decode("utf-8"))
        return parsed

    def checkup_item(self, r: Checkup, item: CheckupItem, index: int) -> Resource:
        oid = resource_uuid(r.id, f"item/{index}")
        fields = {"checkup": resource_uuid(r.id), "index": index, "item": {
            "code": item.code, "name": item.name, "value": item.value,
            "value_display": item.value_display, "code_system": item.code_system,
            "unit": item.unit, "comparator": item.comparator, "flag": item.flag,
            "status": item.status.value, "detail": item.detail}}
        obs = self.base("Observation", oid, r, fields)
        category = fc.item_category(item.code)
        obs.update(code=self._item_code(item.code, item.name), subject=self.subject,
                   effectiveDateTime=r.date.isoformat(),
                   category=[{"coding": [{"system": fc.JP_OBS_CATEGORY, "code": category}]}],
                   status="final")
        method = item.detail.get("method_code")
        if isinstance(method, str) and method:
            obs["method"] = {"coding": [{"system": fc.METHOD_SYSTEM, "code": method}]}
        if item.status is not ItemStatus.MEASURED or item.value is None:
            if item.status is ItemStatus.NOT_PERFORMED:
                obs["status"] = "cancelled"
                obs["dataAbsentReason"] = {"coding": [
                    {"system": fc.DATA_ABSENT, "code": "not-performed"}], "text": "未実施"}
            elif item.status is ItemStatus.UNMEASURABLE:
                obs["dataAbsentReason"] = {"coding": [
                    {"system": fc.DATA_ABSENT, "code": "error"}], "text": "測定不能"}
            else:
                obs["dataAbsentReason"] = {"coding": [
                    {"system": fc.DATA_ABSENT, "code": "unknown"}], "text": "値なし"}
        elif isinstance(item.value, float | int) and not isinstance(item.value, bool):
            quantity = _quantity(item.value, item.unit or None)
            if item.comparator in (">=", "<="):
                quantity["comparator"] = item.comparator
            obs["valueQuantity"] = quantity
        elif item.code_system:
            system = item.code_system
            if system[:1].isdigit():
                system = f"urn:oid:{system}"
            concept: Resource = {"coding": [{"system": system, "code": str(item.value)}]}
            if item.value_display:
                concept["coding"][0]["display"] = item.value_display
                concept["text"] = item.value_display
            obs["valueCodeableConcept"] = concept
        else:
            obs["valueString"] = str(item.value)
        if item.flag in ("H", "L", "N"):
            obs["interpretation"] = [{"coding": [
                {"system": fc.INTERPRETATION, "code": item.flag}]}]
        return obs

    # -- medications, immunizations, allergies ---------------------------------------------
    def medication(self, r: MedicationRecord) -> Iterator[Resource]:
        for index, drug in enumerate(r.drugs):
            yield self._statement(r, drug, index)

    def _statement(self, r: MedicationRecord, drug: Drug, index: int) -> Resource:
        sid = resource_uuid(r.id) if index == 0 else resource_uuid(r.id, f"drug/{index}")
        fields = {
            "record": resource_uuid(r.id), "index": index, "count": len(r.drugs),
            "origin": r.origin.value, "dispensed_on": r.dispensed_on.isoformat(),
            "pharmacy": r.pharmacy, "prescriber_institution": r.prescriber_institution,
            "doctor": r.doctor, "note": r.note, "drug": {
                "name": drug.name, "code": drug.code,
                "code_system": drug.code_system.value if drug.code_system else None,
                "dose": drug.dose, "unit": drug.unit, "usage": drug.usage,
                "quantity": drug.quantity, "quantity_unit": drug.quantity_unit,
                "form": drug.form, "start": _date(drug.start), "end": _date(drug.end)}}
        st = self.base("MedicationStatement", sid, r, fields)
        concept: Resource = {"text": drug.name}
        system = self._drug_system(drug)
        if system and drug.code:
            concept["coding"] = [{"system": system, "code": drug.code, "display": drug.name}]
        start = drug.start or r.dispensed_on
        end = drug.end
        today = today_in(self.profile.home_zone)
        status = "unknown" if end is None else ("active" if end >= today else "completed")
        period: Resource = {"start": start.isoformat()}
        if end is not None and end >= start:
            period["end"] = end.isoformat()
        category = "community" if r.origin is MedicationOrigin.DISPENSING else "patientspecified"
        st.update(status=status, medicationCodeableConcept=concept, subject=self.subject,
                  informationSource={"reference": urn(self.patient_id)},
                  effectivePeriod=period, dateAsserted=r.dispensed_on.isoformat(),
                  category={"coding": [{"system": fc.MED_STATEMENT_CATEGORY,
                                         "code": category}]})
        text = " ".join(p for p in (
            drug.usage, None if drug.dose is None else f"{_number(drug.dose)}{drug.unit or ''}",
            None if drug.quantity is None
            else f"{_number(drug.quantity)}{drug.quantity_unit or ''}") if p)
        if text:
            st["dosage"] = [{"text": text}]
        if r.note:
            st["note"] = [{"text": r.note}]
        return st

    @staticmethod
    def _drug_system(drug: Drug) -> str | None:
        if drug.code_system is DrugCodeSystem.HOT and drug.code:
            return {9: fc.HOT9_URL, 13: fc.HOT13_URL, 7: fc.HOT7_URL}.get(len(drug.code))
        return _DRUG_SYSTEMS.get(drug.code_system) if drug.code_system else None

    def immunization(self, r: Immunization) -> Resource:
        rid = resource_uuid(r.id)
        res = self.base("Immunization", rid, r, {"code_system": r.code_system,
                                                 "place": r.place})
        concept: Resource = {"text": r.vaccine}
        if r.code:
            concept["coding"] = [{"system": _vaccine_system(r.code_system), "code": r.code,
                                  "display": r.vaccine}]
        res.update(status="completed", vaccineCode=concept, patient=self.subject,
                   occurrenceDateTime=r.date.isoformat(), primarySource=False)
        if r.lot:
            res["lotNumber"] = r.lot
        if r.place:
            res["location"] = {"display": r.place}
        if r.dose_number is not None:
            res["protocolApplied"] = [{"doseNumberPositiveInt": r.dose_number}]
        return res

    def allergy(self, r: Allergy) -> Resource:
        rid = resource_uuid(r.id)
        fields = {"kind": r.kind.value}
        if r.kind in (AllergyKind.ALLERGY, AllergyKind.ADVERSE_REACTION):
            res = self.base("AllergyIntolerance", rid, r, fields)
            res.update(
                clinicalStatus={"coding": [{"system": fc.ALLERGY_CLINICAL, "code": "active"}]},
                type="allergy" if r.kind is AllergyKind.ALLERGY else "intolerance",
                code={"text": r.text}, patient=self.subject)
        else:
            res = self.base("Condition", rid, r, fields)
            res.update(
                clinicalStatus={"coding": [{"system": fc.CONDITION_CLINICAL,
                                            "code": "active"}]},
                code={"text": r.text}, subject=self.subject)
        if r.recorded_on is not None:
            res["recordedDate"] = r.recorded_on.isoformat()
        return res


_OBSERVATION_KINDS = (RecordKind.BP, RecordKind.WEIGHT, RecordKind.STEPS, RecordKind.LABS,
                      RecordKind.CHECKUPS)


class FhirExporter(Exporter):
    """``fhir``: the personal ``collection`` Bundle of one profile (see the module doc)."""

    slug = SLUG
    kinds: ClassVar[tuple[RecordKind, ...]] = (
        RecordKind.BP, RecordKind.WEIGHT, RecordKind.STEPS, RecordKind.LABS,
        RecordKind.CHECKUPS, RecordKind.MEDICATIONS, RecordKind.IMMUNIZATIONS,
        RecordKind.ALLERGIES)
    plaintext = True
    single_file = True
    suffix = ".json"

    def file_name(self, data: ExportData) -> str:
        return f"phrapp-fhir-{data.generated_at.strftime('%Y%m%d')}.json"

    def emit(self, request: ExportRequest, data: ExportData, sink: Sink,
             progress: Progress | None = None) -> dict[str, int]:
        kinds = [k for k in self.kinds if k in request.kinds]
        total = sum(len(data.of(k)) for k in kinds)
        counts: dict[str, int] = {}
        with sink.open(self.file_name(data)) as out:
            self.write_bundle(out, data, kinds, counts, progress, total)
        return counts

    def write_bundle(self, out: BinaryIO, data: ExportData, kinds: list[RecordKind],
                     counts: dict[str, int], progress: Progress | None = None,
                     total: int = 0) -> None:
        """Write the Bundle to ``out``, one validated entry at a time."""
        writer = _Writer(data)
        checker = StreamValidator()
        stamp = data.generated_at.astimezone(dt.UTC).replace(microsecond=0).isoformat()
        bundle_id = str(uuid.uuid5(_NAMESPACE, f"bundle/{data.profile.id}/{stamp}"))
        shell: Resource = {
            "resourceType": "Bundle", "id": bundle_id, "type": "collection",
            "identifier": {"system": fc.URI_SYSTEM, "value": urn(bundle_id)},
            "timestamp": stamp,
            "meta": {"lastUpdated": stamp,
                     "tag": [{"system": fc.TAG_SYSTEM, "code": fc.TAG_EXPORT}]},
            "entry": []}
        validate_resource({k: v for k, v in shell.items() if k != "entry"}, checker)
        head = dumps(shell)
        before, after = head.split(b'"entry":[]', 1)
        out.write(before + b'"entry":[')
        first = True
        done = 0

        def entry(resource: Resource) -> None:
            nonlocal first
            validate_resource(resource, checker)
            rid = resource.get("id")
            full = urn(rid) if isinstance(rid, str) and _is_uuid(rid) else None
            body = b'{"fullUrl":"' + full.encode() + b'","resource":' if full else \
                b'{"resource":'
            out.write((b"" if first else b",") + body + dumps(resource) + b"}")
            first = False

        entry(writer.patient())
        order = [k for k in _OBSERVATION_KINDS if k in kinds] + [
            k for k in kinds if k not in _OBSERVATION_KINDS]
        for kind in order:
            records = data.of(kind)
            for record in records:
                for resource in self._resources(writer, record):
                    entry(resource)
                done += 1
                if progress is not None and done % 1000 == 0:
                    progress(done, total)
            if records:
                counts[kind.value] = len(records)
        out.write(b"]" + after)
        if progress is not None:
            progress(done, total)

    @staticmethod
    def _resources(writer: _Writer, record: Record) -> Iterator[Resource]:
        if isinstance(record, BloodPressure):
            yield from writer.bp(record)
        elif isinstance(record, Weight):
            yield from writer.weight(record)
        elif isinstance(record, Steps):
            yield writer.steps(record)
        elif isinstance(record, LabValue):
            yield writer.lab(record)
        elif isinstance(record, Checkup):
            yield from writer.checkup(record)
        elif isinstance(record, MedicationRecord):
            yield from writer.medication(record)
        elif isinstance(record, Immunization):
            yield writer.immunization(record)
        elif isinstance(record, Allergy):
            yield writer.allergy(record)


def _checkup_key(checkup: Checkup) -> str:
    """The checkup's domain content (CONTRACT JSON without ids, source and timestamps)."""
    out = to_json(checkup, "")
    for key in ("id", "profile", "provenance", "source", "created_at", "updated_at"):
        out.pop(key, None)
    out["items"] = sorted(out["items"], key=lambda item: json.dumps(item, sort_keys=True))
    return json.dumps(out, sort_keys=True, ensure_ascii=False)


def _is_uuid(text: str) -> bool:
    try:
        uuid.UUID(text)
    except ValueError:
        return False
    return True


__all__ = ["SLUG", "FhirExporter", "InvalidExport", "dumps", "resource_uuid", "validate_resource"]
