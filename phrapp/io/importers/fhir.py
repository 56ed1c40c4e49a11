"""FHIR R4 JSON import (``fhir``): phrapp's own Bundles, JP Core / JP-CLINS resources and
eCheckup documents (specs/fhir.md §5–§6).

Steps: size and nesting caps, strict UTF-8 JSON, then every resource is validated with
its ``fhir.resources.R4B`` model plus the code checks the models miss
(``Patient.gender``); any invalid resource refuses the whole file (``invalid-fhir``,
with the path of the first error) so nothing is half-imported.

Mapping (by system + code; OID forms are normalised to URLs first):

==========================================  =================================================
Patient                                     a :class:`PersonInfo` (people rule); kanji name
                                            (IDE) and kana (SYL)
Observation 85354-9 (or 8480-6 + 8462-4)    :class:`BloodPressure`; pulse from a ``hasMember``
components)                                 8867-4 Observation
Observation 29463-7 / 3141-9                :class:`Weight` (``[lb_av]`` converted); body fat
                                            from a 41982-0 Observation ``derivedFrom`` it
Observation 41950-7                         :class:`Steps` of the effective local day
Observation 1005 code with a Quantity       :class:`LabValue`
DiagnosticReport written by phrapp          :class:`Checkup` with its item Observations
eCheckup ``document`` Bundle                :class:`Checkup`; the document is kept verbatim
                                            (re-exported as is, never re-authored)
MedicationStatement / MedicationRequest     :class:`MedicationRecord` (phrapp's own lines are
                                            regrouped into their dispensing)
Immunization                                :class:`Immunization`
AllergyIntolerance / Condition              :class:`Allergy` (allergy / adverse reaction /
                                            history)
==========================================  =================================================

Observations phrapp has no kind for (BMI, height, JLAC10-only labs …) are counted as
skipped (``unsupported-observation``) with one warning per code; other resource types
(Organization, Encounter, Coverage …) are context and are not imported. phrapp-only
fields (provenance, source, BP context, checkup item detail) are read back from the
:data:`~phrapp.io.fhir_codes.EXT_RECORD` extension of phrapp's own export.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import uuid
from collections import Counter
from collections.abc import Iterator
from typing import Any, ClassVar

from phrapp.domain.codes.checkup_items import item as item_def
from phrapp.domain.people import PersonInfo
from phrapp.domain.records import (
    Allergy,
    AllergyKind,
    BloodPressure,
    BpContext,
    Checkup,
    CheckupItem,
    Device,
    Drug,
    DrugCodeSystem,
    Immunization,
    ItemStatus,
    LabValue,
    MedicationOrigin,
    MedicationRecord,
    Provenance,
    RecordKind,
    Sex,
    Source,
    Steps,
    Weight,
    WeightUnit,
)
from phrapp.domain.records.profile import normalise_kana
from phrapp.domain.time import parse_instant
from phrapp.errors import EncodingRefused, HostileInput, MalformedInput, PhrError, TooLarge
from phrapp.io import fhir_codes as fc
from phrapp.io.fhir_stream_check import StreamValidator
from phrapp.io.importers.base import (
    Importer,
    ImportSource,
    ParseContext,
    ParsedDocument,
    ParsedRecord,
    ParseItem,
    ParseSkip,
    ParseWarning,
)
from phrapp.io.importers.cda_codes import GUIDANCE_LEVEL_CODE, METABOLIC_SYNDROME_CODE, decode

SLUG = "fhir"
DOCUMENT_FORMAT = "fhir-echeckup"
MAX_DEPTH = 100  # specs/security.md T5
MAX_ENTRIES = 1_000_000  # specs/security.md T5: ≤ 1M rows
LB_TO_KG = 0.45359237
Resource = dict[str, Any]


class InvalidFhir(MalformedInput):
    """A resource that is not valid FHIR R4 (CONTRACT slug ``invalid-fhir``)."""

    code = "invalid-fhir"


def sniff_fhir(head: bytes) -> float:
    """Confidence from content: a JSON object with a ``resourceType``."""
    text = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if not text.startswith(b"{"):
        return 0.0
    if b'"resourceType"' not in text:
        return 0.0
    return 0.9


def check_resource(checker: StreamValidator, resource: Any, path: str) -> None:
    """Refuse ``resource`` unless it is valid FHIR R4 (schema, R4B model per shape)."""
    issues = checker.issues(resource, path)
    if issues:
        raise InvalidFhir(f"not valid FHIR R4: {issues[0].message}", path=issues[0].path)


_STRING = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"')
_NOT_BRACKET = re.compile(r"[^\[\]{}]+")
_PAIR = re.compile(r"\{\}|\[\]")


def json_depth_ok(text: str, limit: int = MAX_DEPTH) -> bool:
    """True when no array/object nests deeper than ``limit`` (checked before parsing).

    Strings are dropped, then every other character but brackets, then innermost pairs
    are removed one level per pass: all in C, so a 100 MB Bundle takes a fraction of a
    second (a character loop in Python took seconds).
    """
    brackets = _NOT_BRACKET.sub("", _STRING.sub("", text))
    for _ in range(limit):
        if not brackets:
            return True
        brackets, removed = _PAIR.subn("", brackets)
        if not removed:
            return True  # unbalanced: json.loads refuses it
    return not brackets


def load_json(data: bytes, name: str) -> Any:
    """Strict UTF-8 JSON with a nesting cap (hostile-input safe)."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise EncodingRefused("FHIR JSON must be UTF-8", path=name) from exc
    if not json_depth_ok(text, MAX_DEPTH):
        raise HostileInput(f"JSON nested deeper than {MAX_DEPTH} levels", path=name)
    try:
        return json.loads(text)
    except RecursionError as exc:  # pragma: no cover - the depth check comes first
        raise HostileInput("JSON nested too deeply", path=name) from exc
    except ValueError as exc:
        raise MalformedInput(f"not valid JSON ({exc.__class__.__name__})", path=name) from exc


def _codings(concept: Any) -> list[tuple[str | None, str]]:
    if not isinstance(concept, dict):
        return []
    out = []
    for coding in concept.get("coding") or []:
        if isinstance(coding, dict) and isinstance(coding.get("code"), str):
            out.append((fc.normalise_system(coding.get("system")), coding["code"]))
    return out


def _has(concept: Any, system: str, code: str) -> bool:
    return (system, code) in _codings(concept)


def _text(concept: Any) -> str | None:
    if not isinstance(concept, dict):
        return None
    if isinstance(concept.get("text"), str) and concept["text"].strip():
        return str(concept["text"]).strip()
    for coding in concept.get("coding") or []:
        if isinstance(coding, dict) and isinstance(coding.get("display"), str):
            return str(coding["display"])
    return None


def _phrapp(resource: Resource) -> dict[str, Any] | None:
    for ext in resource.get("extension") or []:
        if isinstance(ext, dict) and ext.get("url") == fc.EXT_RECORD:
            try:
                value = json.loads(ext.get("valueString") or "")
            except ValueError:
                return None
            return value if isinstance(value, dict) else None
    return None


def _source(meta: dict[str, Any] | None) -> tuple[Provenance, Source]:
    if not meta:
        return Provenance.IMPORT, Source(app=None)
    try:
        provenance = Provenance(meta.get("provenance") or "import")
    except ValueError:
        provenance = Provenance.IMPORT
    src = meta.get("source") or {}
    device = src.get("device") if isinstance(src, dict) else None
    dev = Device(device.get("maker"), device.get("model"), device.get("serial")) \
        if isinstance(device, dict) else None
    app = src.get("app") if isinstance(src, dict) else None
    return provenance, Source(app=app if isinstance(app, str) else None, device=dev)


def _date(text: Any) -> dt.date | None:
    if not isinstance(text, str) or len(text) < 10:
        return None
    try:
        return dt.date.fromisoformat(text[:10])
    except ValueError:
        return None


class _Bundle:
    """The resources of one file, indexed for reference resolution."""

    def __init__(self, resources: list[tuple[str | None, Resource]]) -> None:
        self.resources = resources
        self.by_ref: dict[str, Resource] = {}
        for full_url, res in resources:
            if full_url:
                self.by_ref[full_url] = res
            if isinstance(res.get("id"), str):
                self.by_ref[f"{res['resourceType']}/{res['id']}"] = res

    def resolve(self, reference: Any) -> Resource | None:
        if isinstance(reference, dict):
            reference = reference.get("reference")
        return self.by_ref.get(reference) if isinstance(reference, str) else None


class FhirImporter(Importer):
    """``fhir``: FHIR R4 JSON resources and Bundles (see the module doc)."""

    slug = SLUG
    kinds: ClassVar[tuple[RecordKind, ...]] = (
        RecordKind.BP, RecordKind.WEIGHT, RecordKind.STEPS, RecordKind.LABS,
        RecordKind.CHECKUPS, RecordKind.MEDICATIONS, RecordKind.IMMUNIZATIONS,
        RecordKind.ALLERGIES)
    #: json.loads holds the whole document (about 15x the file in memory): 200 MB covers
    #: ten years of home readings (100k BP readings make a ~150 MB Bundle).
    max_bytes: ClassVar[int] = 200 * 1024 * 1024

    def sniff(self, source: ImportSource) -> float:
        return sniff_fhir(source.head)

    def parse(self, source: ImportSource, ctx: ParseContext) -> Iterator[ParseItem]:
        data = self.read_capped(source)
        root = load_json(data, source.name)
        if not isinstance(root, dict):
            raise InvalidFhir("not a FHIR resource (no JSON object)", path=source.name)
        yield from _Parser(ctx, source.name).run(root, data)


class _Parser:
    def __init__(self, ctx: ParseContext, name: str) -> None:
        self.ctx = ctx
        self.name = name
        self.skips: Counter[str] = Counter()
        self.unsupported: Counter[str] = Counter()
        self.warnings: list[str] = []
        self.persons: dict[int, str] = {}  # id(Patient dict) -> person ref
        self.checker = StreamValidator()
        self.body_fat: dict[int, float] = {}
        self.infos: list[PersonInfo] = []

    def warn(self, text: str) -> None:
        if len(self.warnings) < 50 and text not in self.warnings:
            self.warnings.append(text)

    # -- entry points ------------------------------------------------------------------------
    def run(self, root: Resource, raw: bytes) -> Iterator[ParseItem]:
        """Check everything first (any invalid resource refuses the file), then map."""
        check_resource(self.checker, root, root.get("resourceType") or "$")
        resources = self.flatten(root, "Bundle")
        for meta in root.get("meta", {}).get("profile", []) if isinstance(
                root.get("meta"), dict) else []:
            if isinstance(meta, str) and ("/R4B/" in meta or "/R5/" in meta):
                self.warn("the file names an R4B/R5 profile; read as R4")
        if self._is_echeckup(root):
            yield from self.echeckup(root, raw)  # the file's own bytes, kept verbatim
        else:
            yield from self.collection(_Bundle(resources))
        for code, count in sorted(self.unsupported.items()):
            self.warnings.append(f"{count} observation(s) coded {code} not imported "
                                 "(phrapp has no record kind for them)")
            self.skips["unsupported-observation"] += count
        for text in self.warnings:
            yield ParseWarning(text)
        for reason, count in sorted(self.skips.items()):
            yield ParseSkip(reason, count)

    def flatten(self, root: Resource, path: str) -> list[tuple[str | None, Resource]]:
        if root.get("resourceType") != "Bundle":
            return [(None, root)]
        entries = root.get("entry") or []
        if not isinstance(entries, list):
            raise InvalidFhir("Bundle.entry is not a list", path=f"{path}.entry")
        if len(entries) > MAX_ENTRIES:
            raise TooLarge(f"more than {MAX_ENTRIES} entries", path=self.name)
        out: list[tuple[str | None, Resource]] = []
        for index, entry in enumerate(entries):
            if index and index % 1000 == 0:
                self.ctx.progress(index)
            res = entry.get("resource") if isinstance(entry, dict) else None
            where = f"{path}.entry[{index}].resource"
            if not isinstance(res, dict):
                raise InvalidFhir("a Bundle entry without a resource",
                                  path=f"{path}.entry[{index}]")
            check_resource(self.checker, res, where)
            if res.get("resourceType") == "Bundle":
                self.flatten(res, where)  # checks the nested document's entries
            full = entry.get("fullUrl")
            out.append((full if isinstance(full, str) else None, res))
        return out

    @staticmethod
    def _is_echeckup(bundle: Resource) -> bool:
        if bundle.get("resourceType") != "Bundle" or bundle.get("type") != "document":
            return False
        meta = bundle.get("meta") if isinstance(bundle.get("meta"), dict) else {}
        profiles = set(meta.get("profile") or []) if isinstance(meta, dict) else set()
        if profiles & fc.ECHECKUP_BUNDLE_PROFILES:
            return True
        entries = bundle.get("entry") or []
        first = entries[0].get("resource") if entries and isinstance(entries[0], dict) else None
        return isinstance(first, dict) and first.get("resourceType") == "Composition" and \
            _has(first.get("type"), "http://jpfhir.jp/fhir/Common/CodeSystem/doc-typecodes",
                 fc.ECHECKUP_DOC_TYPE)

    # -- people -------------------------------------------------------------------------------
    def person(self, patient: Resource) -> PersonInfo:
        ref = f"patient:{len(self.persons) + 1}"
        self.persons[id(patient)] = ref
        name = kana = None
        for entry in patient.get("name") or []:
            if not isinstance(entry, dict):
                continue
            text = entry.get("text") or "".join(
                [entry.get("family") or ""] + list(entry.get("given") or []))
            rep = next((e.get("valueCode") for e in entry.get("extension") or []
                        if isinstance(e, dict) and e.get("url") == fc.ISO21090_EN_REP), None)
            if rep == "SYL":
                kana = kana or text or None
            else:
                name = name or text or None
        gender = patient.get("gender")
        sex = Sex(gender) if gender in ("male", "female") else None
        info = PersonInfo(ref=ref, name=name, name_kana=kana, sex=sex,
                          birth_date=_date(patient.get("birthDate")))
        self.infos.append(info)
        return info

    def person_of(self, bundle: _Bundle, res: Resource, key: str = "subject") -> str | None:
        target = bundle.resolve(res.get(key) or res.get("patient"))
        if target is not None and id(target) in self.persons:
            return self.persons[id(target)]
        if len(self.persons) == 1:
            reference = (res.get(key) or res.get("patient") or {}).get("reference")
            if reference and target is None:
                self.warn(f"a reference ({reference}) does not resolve inside the file; "
                          "the file's only Patient was used")
            return next(iter(self.persons.values()))
        reference = (res.get(key) or res.get("patient") or {}).get("reference")
        if reference and target is None:
            self.warn(f"a reference ({reference}) does not resolve inside the file")
        return None

    # -- a collection (or a single resource) ------------------------------------------------
    def collection(self, bundle: _Bundle) -> Iterator[ParseItem]:
        for _full, res in bundle.resources:
            if res.get("resourceType") == "Patient":
                yield self.person(res)
        if len(self.persons) > 1:
            self.warn("the file holds several Patients; each record goes to its subject")
        members = self._members(bundle)
        medications: dict[str, list[tuple[int, Drug, dict[str, Any], Resource]]] = {}
        for _full, res in bundle.resources:
            kind = res.get("resourceType")
            try:
                if kind == "Bundle":
                    if self._is_echeckup(res):
                        yield from self.echeckup(res, json.dumps(res, ensure_ascii=False)
                                                 .encode("utf-8"))
                    else:
                        self.skips["unsupported-bundle"] += 1
                elif kind == "Observation" and id(res) not in members:
                    yield from self.observation(bundle, res)
                elif kind == "DiagnosticReport":
                    yield from self.report(bundle, res)
                elif kind in ("MedicationStatement", "MedicationRequest"):
                    yield from self.medication(bundle, res, medications)
                elif kind == "Immunization":
                    yield from self.immunization(bundle, res)
                elif kind in ("AllergyIntolerance", "Condition"):
                    yield from self.allergy(bundle, res)
            except (ValueError, TypeError, KeyError, AttributeError):
                self.skips["invalid-value"] += 1
                self.warn(f"a {kind} could not be read and was skipped")
        for lines in medications.values():
            yield from self._medication_group(bundle, lines)

    def _members(self, bundle: _Bundle) -> set[int]:
        """Observations read as part of another (BP pulse, body fat, checkup items).

        Also fills ``self.body_fat``: weight Observation (by ``id()``) -> body fat %.
        """
        out: set[int] = set()
        for _full, res in bundle.resources:
            kind = res.get("resourceType")
            refs: list[Any] = []
            if kind == "Observation" and _has(res.get("code"), fc.LOINC, fc.BODY_FAT):
                for ref in res.get("derivedFrom") or []:
                    target = bundle.resolve(ref)
                    value = (res.get("valueQuantity") or {}).get("value")
                    if target is not None and isinstance(value, int | float):
                        out.add(id(res))
                        self.body_fat[id(target)] = float(value)
                continue
            if kind == "Observation":
                refs = list(res.get("hasMember") or [])
            elif kind == "DiagnosticReport" and _phrapp(res) is not None:
                refs = list(res.get("result") or [])
            for ref in refs:
                target = bundle.resolve(ref)
                if target is not None:
                    out.add(id(target))
        return out

    # -- observations -------------------------------------------------------------------------
    def _instant(self, res: Resource) -> dt.datetime | None:
        text = res.get("effectiveDateTime") or res.get("effectiveInstant")
        if not isinstance(text, str):
            period = res.get("effectivePeriod")
            text = period.get("start") if isinstance(period, dict) else None
        if not isinstance(text, str):
            return None
        return parse_instant(text if len(text) > 10 else f"{text}T00:00", self.ctx.home_zone)

    def observation(self, bundle: _Bundle, res: Resource) -> Iterator[ParseItem]:
        code = res.get("code")
        codes = _codings(code)
        meta = _phrapp(res)
        person = self.person_of(bundle, res)
        if res.get("status") in ("cancelled", "entered-in-error"):
            self.skips["not-final"] += 1
            return
        components = {c: comp for comp in res.get("component") or []
                      for (s, c) in _codings(comp.get("code")) if s == fc.LOINC}
        if (fc.LOINC, fc.BP_PANEL) in codes or (
                fc.SYSTOLIC in components and fc.DIASTOLIC in components):
            yield from self._bp(bundle, res, components, meta, person)
        elif (fc.LOINC, fc.BODY_WEIGHT) in codes or (fc.LOINC, fc.BODY_WEIGHT_MEASURED) in codes:
            yield from self._weight(bundle, res, meta, person)
        elif (fc.LOINC, fc.STEPS_DAY) in codes:
            yield from self._steps(res, meta, person)
        elif any(s == fc.ITEM_CODE_SYSTEM for s, _c in codes):
            yield from self._lab(res, meta, person)
        else:
            label = next((f"{c}" for s, c in codes), _text(code) or "(no code)")
            self.unsupported[label] += 1

    def _bp(self, bundle: _Bundle, res: Resource, components: dict[str, Any],
            meta: dict[str, Any] | None, person: str | None) -> Iterator[ParseItem]:
        at = self._instant(res)
        sys_q = (components.get(fc.SYSTOLIC) or {}).get("valueQuantity") or {}
        dia_q = (components.get(fc.DIASTOLIC) or {}).get("valueQuantity") or {}
        if at is None or "value" not in sys_q or "value" not in dia_q:
            self.skips["incomplete-bp"] += 1
            self.warn("a blood-pressure Observation without a time, systolic or diastolic "
                      "value was skipped")
            return
        for q in (sys_q, dia_q):
            if q.get("code") not in ("mm[Hg]", None) or (
                    q.get("system") not in (fc.UCUM, None)):
                self.skips["unsupported-unit"] += 1
                self.warn("a blood-pressure value not in mm[Hg] was skipped")
                return
        pulse = None
        for ref in res.get("hasMember") or []:
            member = bundle.resolve(ref)
            if member is not None and _has(member.get("code"), fc.LOINC, fc.PULSE):
                pulse = int(round(float(member["valueQuantity"]["value"])))
        if pulse is None and fc.PULSE in components:
            pulse = int(round(float(components[fc.PULSE]["valueQuantity"]["value"])))
        provenance, source = _source(meta)
        context = (meta or {}).get("context")
        note = "\n".join(n["text"] for n in res.get("note") or [] if n.get("text")) or None
        yield ParsedRecord(BloodPressure(
            profile_id="", provenance=provenance, source=source, measured_at=at,
            systolic=int(round(float(sys_q["value"]))),
            diastolic=int(round(float(dia_q["value"]))), pulse=pulse,
            context=BpContext(context) if context in ("morning", "evening", "other") else None,
            irregular_heartbeat=bool((meta or {}).get("irregular_heartbeat", False)),
            note=note), person=person)

    def _weight(self, bundle: _Bundle, res: Resource, meta: dict[str, Any] | None,
                person: str | None) -> Iterator[ParseItem]:
        at = self._instant(res)
        q = res.get("valueQuantity") or {}
        if at is None or "value" not in q:
            self.skips["incomplete-weight"] += 1
            return
        unit = q.get("code") or q.get("unit")
        kg = float(q["value"])
        original = WeightUnit.KG
        if unit in ("[lb_av]", "lb", "lbs"):
            kg, original = round(kg * LB_TO_KG, 2), WeightUnit.LB
        elif unit not in ("kg", None):
            self.skips["unsupported-unit"] += 1
            self.warn(f"a weight in {unit!r} was skipped")
            return
        if (meta or {}).get("original_unit") == "lb":
            original = WeightUnit.LB
        fat = self.body_fat.get(id(res))
        provenance, source = _source(meta)
        yield ParsedRecord(Weight(profile_id="", provenance=provenance, source=source,
                                  measured_at=at, kg=kg, body_fat_percent=fat,
                                  original_unit=original), person=person)

    def _steps(self, res: Resource, meta: dict[str, Any] | None,
               person: str | None) -> Iterator[ParseItem]:
        at = self._instant(res)
        q = res.get("valueQuantity") or {}
        if at is None or "value" not in q:
            self.skips["incomplete-steps"] += 1
            return
        day = _date((meta or {}).get("date")) or at.date()
        provenance, source = _source(meta)
        yield ParsedRecord(Steps(profile_id="", provenance=provenance, source=source,
                                 date=day, steps=int(round(float(q["value"])))), person=person)

    def _lab(self, res: Resource, meta: dict[str, Any] | None,
             person: str | None) -> Iterator[ParseItem]:
        code = next(c for s, c in _codings(res.get("code")) if s == fc.ITEM_CODE_SYSTEM)
        q = res.get("valueQuantity") or {}
        at = self._instant(res)
        if at is None or "value" not in q:
            self.skips["unsupported-observation"] += 1
            return
        table = item_def(code)
        display = next((c.get("display") for c in res["code"].get("coding") or []
                        if c.get("system") == fc.ITEM_CODE_SYSTEM and c.get("display")), None)
        name = display or (table.name if table else (_text(res.get("code")) or code))
        unit = (meta or {}).get("unit") or q.get("code") or q.get("unit") or ""
        facility = next((p.get("display") for p in res.get("performer") or []
                         if isinstance(p, dict) and p.get("display")), None)
        provenance, source = _source(meta)
        yield ParsedRecord(LabValue(profile_id="", provenance=provenance, source=source,
                                    date=at.date(), code=code, name=name,
                                    value=float(q["value"]), unit=unit, facility=facility),
                           person=person)

    # -- checkups ------------------------------------------------------------------------------
    def report(self, bundle: _Bundle, res: Resource) -> Iterator[ParseItem]:
        meta = _phrapp(res)
        if meta is None:
            self.skips["unsupported-report"] += 1
            return
        items: list[tuple[int, CheckupItem]] = []
        for ref in res.get("result") or []:
            obs = bundle.resolve(ref)
            item_meta = _phrapp(obs) if obs is not None else None
            if item_meta is None or not isinstance(item_meta.get("item"), dict):
                continue
            raw = item_meta["item"]
            value = raw.get("value")
            items.append((int(item_meta.get("index", len(items))), CheckupItem(
                code=str(raw["code"]), name=str(raw.get("name") or raw["code"]),
                value=value if isinstance(value, str) or value is None else float(value),
                value_display=raw.get("value_display"), code_system=raw.get("code_system"),
                unit=raw.get("unit"), comparator=raw.get("comparator"),
                flag=raw.get("flag"), status=ItemStatus(raw.get("status") or "measured"),
                detail=dict(raw.get("detail") or {}))))
        day = _date(res.get("effectiveDateTime"))
        if day is None:
            raise ValueError("a checkup without a date")
        provenance, source = _source(meta)
        sex = meta.get("sex")
        yield ParsedRecord(Checkup(
            profile_id="", provenance=provenance, source=source, date=day,
            institution_id=meta.get("institution_id"),
            institution_name=meta.get("institution_name"),
            sex=Sex(sex) if sex in ("male", "female") else None,
            birth_date=_date(meta.get("birth_date")),
            metabolic_syndrome=meta.get("metabolic_syndrome"),
            guidance_level=meta.get("guidance_level"),
            items=tuple(item for _i, item in sorted(items, key=lambda pair: pair[0]))),
            person=self.person_of(bundle, res))

    def echeckup(self, document: Resource, content: bytes) -> Iterator[ParseItem]:
        """An eCheckup document -> one Checkup; the document is kept verbatim."""
        bundle = _Bundle(self.flatten(document, "Bundle"))
        patients = [res for _f, res in bundle.resources if res.get("resourceType") == "Patient"]
        if len(patients) != 1:
            raise InvalidFhir("an eCheckup document must hold exactly one Patient",
                              path=self.name)
        if id(patients[0]) not in self.persons:
            candidate = self.person(patients[0])
            same = next((info for info in self.infos if info is not candidate
                         and _same_person(info, candidate)), None)
            if same is None:
                yield candidate
            else:
                # A phrapp Bundle that carries the person's eCheckup document names them
                # twice; one person, not two (never create a second profile for them).
                self.infos.remove(candidate)
                self.persons[id(patients[0])] = same.ref
        ref = self.persons[id(patients[0])]
        composition = bundle.resources[0][1]
        items: dict[str, CheckupItem] = {}
        day: dt.date | None = None
        for _f, res in bundle.resources:
            if res.get("resourceType") != "Observation":
                continue
            codes = [c for s, c in _codings(res.get("code")) if s == fc.ITEM_CODE_SYSTEM]
            if not codes:
                self.unsupported[next((c for _s, c in _codings(res.get("code"))),
                                      "(no code)")] += 1
                continue
            try:
                entry = self._echeckup_item(codes[0], res)
            except (ValueError, TypeError, KeyError, AttributeError):
                self.skips["invalid-value"] += 1
                self.warn(f"item {codes[0]} could not be read and was skipped")
                continue
            if entry.code in items:
                self.warn(f"item {entry.code} appears more than once; the first is kept")
                continue
            items[entry.code] = entry
            day = day or _date(res.get("effectiveDateTime"))
        for event in composition.get("event") or []:
            day = _date((event.get("period") or {}).get("start")) or day
        if day is None:
            raise InvalidFhir("an eCheckup document without an exam date", path=self.name)
        org = bundle.resolve(composition.get("custodian")) or {}
        institution_id = next((i.get("value") for i in org.get("identifier") or []
                               if isinstance(i, dict) and i.get("value")), None)
        patient = patients[0]
        gender = patient.get("gender")
        doc_id = str(uuid.uuid4())
        yield ParsedDocument(id=doc_id, format=DOCUMENT_FORMAT, name=self.name,
                             content=content, person=ref)
        yield ParsedRecord(Checkup(
            profile_id="", provenance=Provenance.CHECKUP, source=Source(app=None), date=day,
            institution_id=institution_id, institution_name=org.get("name"),
            sex=Sex(gender) if gender in ("male", "female") else None,
            birth_date=_date(patient.get("birthDate")),
            metabolic_syndrome=_level(items.get(METABOLIC_SYNDROME_CODE)),
            guidance_level=_level(items.get(GUIDANCE_LEVEL_CODE)),
            items=tuple(items.values()), document_id=doc_id,
            extra={"fhir_document": "echeckup"}), person=ref)

    def _echeckup_item(self, code: str, res: Resource) -> CheckupItem:
        table = item_def(code)
        name = table.name if table else (_text(res.get("code")) or code)
        detail: dict[str, Any] = {"code_system": fc.ITEM_CODE_SYSTEM.removeprefix("urn:oid:")}
        flag = next((c for _s, c in _codings((res.get("interpretation") or [None])[0])
                     if c in ("H", "L", "N")), None)
        method = next((c for s, c in _codings(res.get("method"))
                       if s == fc.METHOD_SYSTEM), None)
        if method:
            detail["method_code"] = method
        if res.get("status") == "cancelled" or "dataAbsentReason" in res:
            status = ItemStatus.NOT_PERFORMED if res.get("status") == "cancelled" \
                else ItemStatus.UNMEASURABLE
            return CheckupItem(code=code, name=name, value=None, status=status, flag=flag,
                               detail=detail)
        if "valueQuantity" in res:
            q = res["valueQuantity"]
            value = float(q["value"])
            return CheckupItem(code=code, name=name, value=value,
                               value_display=f"{q['value']}",
                               unit=q.get("code") or q.get("unit"),
                               comparator=q.get("comparator") if q.get("comparator") in (
                                   ">=", "<=") else None, flag=flag, detail=detail)
        if "valueCodeableConcept" in res:
            system, value_code = (_codings(res["valueCodeableConcept"]) or [(None, "")])[0]
            oid = (system or "").removeprefix("urn:oid:") or None
            display = decode(oid, value_code, table) or _text(res["valueCodeableConcept"])
            return CheckupItem(code=code, name=name, value=value_code, value_display=display,
                               code_system=oid, flag=flag, detail=detail)
        text = res.get("valueString")
        if text is None and "valueDateTime" in res:
            text = res["valueDateTime"]
        return CheckupItem(code=code, name=name, value=text, value_display=text, flag=flag,
                           detail=detail)

    # -- medications -----------------------------------------------------------------------
    def medication(self, bundle: _Bundle, res: Resource,
                   groups: dict[str, list[tuple[int, Drug, dict[str, Any], Resource]]],
                   ) -> Iterator[ParseItem]:
        meta = _phrapp(res)
        concept = res.get("medicationCodeableConcept")
        if concept is None and res.get("medicationReference"):
            ref = res["medicationReference"].get("reference", "")
            contained = {f"#{c.get('id')}": c for c in res.get("contained") or []}
            medication = contained.get(ref) or bundle.resolve(ref) or {}
            concept = medication.get("code")
        name = _text(concept)
        if not name:
            self.skips["invalid-value"] += 1
            self.warn(f"a {res['resourceType']} without a drug name was skipped")
            return
        code = system = None
        for sys_url, value in _codings(concept):
            mapped = {fc.YJ_URL: DrugCodeSystem.YJ, fc.HOT9_URL: DrugCodeSystem.HOT,
                      fc.HOT13_URL: DrugCodeSystem.HOT, fc.HOT7_URL: DrugCodeSystem.HOT,
                      fc.RECEIPT_DRUG_SYSTEM: DrugCodeSystem.RECEIPT,
                      fc.MHLW_DRUG_SYSTEM: DrugCodeSystem.MHLW}.get(sys_url or "")
            if mapped is not None:
                code, system = value, mapped
                break
        if meta is not None and isinstance(meta.get("drug"), dict):
            d = meta["drug"]
            drug = Drug(name=d.get("name") or name, code=d.get("code"),
                        code_system=DrugCodeSystem(d["code_system"]) if d.get("code_system")
                        else None, dose=d.get("dose"), unit=d.get("unit"),
                        usage=d.get("usage"), quantity=d.get("quantity"),
                        quantity_unit=d.get("quantity_unit"), form=d.get("form"),
                        start=_date(d.get("start")), end=_date(d.get("end")))
            key = str(meta.get("record") or res.get("id"))
            groups.setdefault(key, []).append((int(meta.get("index", 0)), drug, meta, res))
            return
        period = res.get("effectivePeriod") or {}
        start = _date(period.get("start")) or _date(res.get("effectiveDateTime")) or _date(
            res.get("authoredOn")) or _date(res.get("dateAsserted"))
        if start is None:
            self.skips["invalid-value"] += 1
            self.warn(f"a {res['resourceType']} without a date was skipped")
            return
        usage = next((d.get("text") for d in res.get("dosage") or res.get(
            "dosageInstruction") or [] if isinstance(d, dict) and d.get("text")), None)
        drug = Drug(name=name, code=code, code_system=system, usage=usage, start=start,
                    end=_date(period.get("end")))
        dispensed = _has(res.get("category"), fc.MED_STATEMENT_CATEGORY, "community")
        yield ParsedRecord(MedicationRecord(
            profile_id="", provenance=Provenance.IMPORT, source=Source(app=None),
            origin=MedicationOrigin.DISPENSING if dispensed else MedicationOrigin.MANUAL,
            dispensed_on=start, drugs=(drug,)), person=self.person_of(bundle, res))

    def _medication_group(self, bundle: _Bundle,
                          lines: list[tuple[int, Drug, dict[str, Any], Resource]],
                          ) -> Iterator[ParseItem]:
        lines.sort(key=lambda line: line[0])
        _i, _d, meta, res = lines[0]
        provenance, source = _source(meta)
        note = meta.get("note")
        yield ParsedRecord(MedicationRecord(
            profile_id="", provenance=provenance, source=source,
            origin=MedicationOrigin(meta.get("origin") or "manual"),
            dispensed_on=_date(meta.get("dispensed_on")) or dt.date.fromisoformat(
                res["effectivePeriod"]["start"][:10]),
            pharmacy=meta.get("pharmacy"), prescriber_institution=meta.get(
                "prescriber_institution"), doctor=meta.get("doctor"),
            note=note if isinstance(note, str) else None,
            drugs=tuple(drug for _i, drug, _m, _r in lines)),
            person=self.person_of(bundle, res))

    # -- immunizations, allergies ------------------------------------------------------------
    def immunization(self, bundle: _Bundle, res: Resource) -> Iterator[ParseItem]:
        meta = _phrapp(res)
        if res.get("status") != "completed":
            self.skips["not-completed"] += 1
            return
        day = _date(res.get("occurrenceDateTime")) or _date(res.get("recorded"))
        vaccine = _text(res.get("vaccineCode"))
        if day is None or not vaccine:
            self.skips["invalid-value"] += 1
            return
        codes = _codings(res.get("vaccineCode"))
        code = codes[0][1] if codes else None
        code_system = (meta or {}).get("code_system") if meta else (codes[0][0] if codes
                                                                    else None)
        dose = next((p.get("doseNumberPositiveInt") for p in res.get("protocolApplied") or []
                     if isinstance(p.get("doseNumberPositiveInt"), int)), None)
        place = (meta or {}).get("place") or (res.get("location") or {}).get("display")
        provenance, source = _source(meta)
        yield ParsedRecord(Immunization(
            profile_id="", provenance=provenance, source=source, date=day, vaccine=vaccine,
            code=code, code_system=code_system, dose_number=dose, lot=res.get("lotNumber"),
            place=place), person=self.person_of(bundle, res, "patient"))

    def allergy(self, bundle: _Bundle, res: Resource) -> Iterator[ParseItem]:
        meta = _phrapp(res)
        text = _text(res.get("code"))
        if not text:
            self.skips["invalid-value"] += 1
            return
        if meta is not None and meta.get("kind") in {k.value for k in AllergyKind}:
            kind = AllergyKind(meta["kind"])
        elif res["resourceType"] == "Condition":
            kind = AllergyKind.HISTORY
        else:
            kind = AllergyKind.ADVERSE_REACTION if res.get("type") == "intolerance" \
                else AllergyKind.ALLERGY
        recorded = _date(res.get("recordedDate")) or _date(res.get("onsetDateTime"))
        provenance, source = _source(meta)
        key = "patient" if res["resourceType"] == "AllergyIntolerance" else "subject"
        yield ParsedRecord(Allergy(profile_id="", provenance=provenance, source=source,
                                   kind=kind, text=text, recorded_on=recorded),
                           person=self.person_of(bundle, res, key))


def read_echeckup(content: bytes, home_zone: str) -> Checkup | None:
    """The checkup an eCheckup document holds (None when it is not one or is invalid)."""
    try:
        root = load_json(content, "echeckup")
        if not isinstance(root, dict) or not _Parser._is_echeckup(root):
            return None
        parser = _Parser(ParseContext(home_zone), "echeckup")
        for item in parser.echeckup(root, content):
            if isinstance(item, ParsedRecord) and isinstance(item.record, Checkup):
                return item.record
    except (PhrError, ValueError, TypeError, KeyError, AttributeError):
        return None
    return None


def _same_person(one: PersonInfo, other: PersonInfo) -> bool:
    """Birth date and sex known and equal, and kana equal when both have one."""
    if one.birth_date is None or one.sex is None:
        return False
    if (one.birth_date, one.sex) != (other.birth_date, other.sex):
        return False
    if one.name_kana and other.name_kana:
        return normalise_kana(one.name_kana) == normalise_kana(other.name_kana)
    return True


def _level(entry: CheckupItem | None) -> int | None:
    if entry is None or not isinstance(entry.value, str) or entry.value not in "1234" or \
            len(entry.value) != 1:
        return None
    return int(entry.value)


__all__ = ["DOCUMENT_FORMAT", "SLUG", "FhirImporter", "InvalidFhir", "check_resource",
           "load_json", "read_echeckup", "sniff_fhir"]
