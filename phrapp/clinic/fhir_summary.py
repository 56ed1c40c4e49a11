"""What a doctor wants to see first, read straight from FHIR resources (no vault).

:func:`classify` names the kind of FHIR file (phrapp's own export, JP Core, JP-CLINS,
eCheckup); :func:`summarise` fills a :class:`~phrapp.clinic.report.ClinicReport`
from the resources: patient, counts by resourceType, period, the latest home BP
(LOINC 85354-9 panel with 8480-6/8462-4), weight (29463-7) and steps (41950-7), the
home-BP evaluation of CONTRACT §5, medicines, immunizations and checkups (flagged
items per exam date).

The input may be invalid FHIR (the report then says so): every access here is
defensive, and nothing raises on odd shapes. Checkup values never become home BP or
weight (CONTRACT §5): an Observation coded with a 特定健診 item code is a checkup item
even when it also carries a LOINC coding.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import defaultdict
from collections.abc import Iterator
from typing import Any, Final

from phrapp.clinic.report import ClinicReport, JsonDict, empty_home_bp, json_number, widen_period
from phrapp.domain.records import BloodPressure, BpContext
from phrapp.domain.time import DEFAULT_ZONE, iso_with_offset, parse_instant

LOINC: Final = "http://loinc.org"
ITEM_CODE_SYSTEM: Final = "urn:oid:1.2.392.200119.6.1005"
BP_PANEL: Final = "85354-9"
SYSTOLIC: Final = "8480-6"
DIASTOLIC: Final = "8462-4"
BODY_WEIGHT: Final = "29463-7"
STEPS_DAY: Final = "41950-7"
INTERPRETATION: Final = "http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation"
#: Interpretation codes counted as a flag (high, low, abnormal and their critical forms).
FLAG_CODES: Final = frozenset({"H", "L", "A", "HH", "LL", "AA", "HU", "LU"})
_SKIP_STATUS: Final = frozenset({"cancelled", "entered-in-error"})
#: Weight units (UCUM) -> factor to kg.
_KG: Final = {"kg": 1.0, "g": 0.001, "[lb_av]": 0.45359237, "lb": 0.45359237}


# --------------------------------------------------------------------------- classification


def _strings_in(resource: dict[str, Any]) -> Iterator[str]:
    """Profile, tag, identifier-system and extension URLs of one resource (top level)."""
    meta = resource.get("meta")
    if isinstance(meta, dict):
        for profile in meta.get("profile") or ():
            if isinstance(profile, str):
                yield profile
        for tag in meta.get("tag") or ():
            if isinstance(tag, dict) and isinstance(tag.get("system"), str):
                yield tag["system"]
    idents = resource.get("identifier")
    for ident in idents if isinstance(idents, list) else [idents]:
        if isinstance(ident, dict) and isinstance(ident.get("system"), str):
            yield ident["system"]
    for ext in resource.get("extension") or ():
        if isinstance(ext, dict) and isinstance(ext.get("url"), str):
            yield ext["url"]


def classify(root: dict[str, Any]) -> str:
    """``phrapp-fhir``, ``echeckup``, ``jp-clins`` or ``jp-core`` (any other R4 content).

    * phrapp: a phrapp tag, identifier system or extension on the root or an entry;
    * eCheckup: a ``document`` whose Bundle or Composition claims an eCheckup profile,
      or whose Composition is typed 53576-5 (検診・健診報告書);
    * JP-CLINS: a CLINS Bundle profile, or resources claiming eCS/CLINS profiles;
    * everything else, including plain HL7 R4 resources, is reported as ``jp-core``
      (JP Core is the base the other Japanese profiles build on).
    """
    resources = [root, *(r for _, r in _entries(root))]
    urls = [u for r in resources[:50] for u in _strings_in(r)]
    if any("phrapp" in u for u in urls):
        return "phrapp-fhir"
    if root.get("resourceType") == "Bundle" and root.get("type") == "document":
        first = resources[1] if len(resources) > 1 else {}
        if any("eCheckup" in u for u in _strings_in(root)) or any(
                "eCheckup" in u for u in _strings_in(first)):
            return "echeckup"
        if first.get("resourceType") == "Composition" and any(
                code == "53576-5" for _, code in _codings(first.get("type"))):
            return "echeckup"
    if any("eCheckup" in u for u in _strings_in(root)):
        return "echeckup"
    if any("/fhir/clins/" in u or "/fhir/eCS/" in u or "/fhir/ePCS/" in u
           or "/fhir/eReferral/" in u for u in urls):
        return "jp-clins"
    return "jp-core"


# --------------------------------------------------------------------------- helpers


def _entries(root: dict[str, Any]) -> Iterator[tuple[str | None, dict[str, Any]]]:
    """``(fullUrl, resource)`` of a Bundle, one nested Bundle level flattened (phrapp
    exports keep an eCheckup document as an entry)."""
    if root.get("resourceType") != "Bundle":
        return
    entries = root.get("entry")
    for entry in entries if isinstance(entries, list) else ():
        if not isinstance(entry, dict) or not isinstance(entry.get("resource"), dict):
            continue
        resource = entry["resource"]
        full = entry.get("fullUrl") if isinstance(entry.get("fullUrl"), str) else None
        yield full, resource
        if resource.get("resourceType") == "Bundle":
            for inner in resource.get("entry") or ():
                if isinstance(inner, dict) and isinstance(inner.get("resource"), dict):
                    inner_url = inner.get("fullUrl")
                    yield (inner_url if isinstance(inner_url, str) else None,
                           inner["resource"])


def resources_of(root: dict[str, Any]) -> list[tuple[str | None, dict[str, Any]]]:
    """Every resource of the file: the entries of a Bundle, or the single resource."""
    if root.get("resourceType") == "Bundle":
        return list(_entries(root))
    return [(None, root)]


def _codings(concept: Any) -> list[tuple[str | None, str]]:
    if not isinstance(concept, dict):
        return []
    out = []
    for coding in concept.get("coding") or ():
        if isinstance(coding, dict) and isinstance(coding.get("code"), str):
            system = coding.get("system")
            out.append((system if isinstance(system, str) else None, coding["code"]))
    return out


def _concept_text(concept: Any) -> str | None:
    if not isinstance(concept, dict):
        return None
    if isinstance(concept.get("text"), str):
        return str(concept["text"])
    for coding in concept.get("coding") or ():
        if isinstance(coding, dict) and isinstance(coding.get("display"), str):
            return str(coding["display"])
    return None


def _has_code(resource: dict[str, Any], system: str, code: str) -> bool:
    return (system, code) in _codings(resource.get("code"))


def _is_checkup_item(resource: dict[str, Any]) -> bool:
    return any(system == ITEM_CODE_SYSTEM for system, _ in _codings(resource.get("code")))


def _effective_text(resource: dict[str, Any]) -> str | None:
    for key in ("effectiveDateTime", "effectiveInstant"):
        if isinstance(resource.get(key), str):
            return str(resource[key])
    period = resource.get("effectivePeriod")
    if isinstance(period, dict):
        for key in ("start", "end"):
            if isinstance(period.get(key), str):
                return str(period[key])
    return None


def _instant(text: str | None, home_zone: str) -> dt.datetime | None:
    if not text:
        return None
    try:
        return parse_instant(text.replace("Z", "+00:00"), home_zone)
    except ValueError:
        return None


def _quantity(element: Any) -> tuple[float, str | None] | None:
    if not isinstance(element, dict):
        return None
    q = element.get("valueQuantity")
    if not isinstance(q, dict):
        return None
    value = q.get("value")
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    unit = q.get("code") if isinstance(q.get("code"), str) else q.get("unit")
    return float(value), unit if isinstance(unit, str) else None


def _phrapp_fields(resource: dict[str, Any]) -> dict[str, Any]:
    """The phrapp exporter's record extension (a JSON valueString), if present."""
    for ext in resource.get("extension") or ():
        if (isinstance(ext, dict) and str(ext.get("url", "")).endswith("/phrapp-record")
                and isinstance(ext.get("valueString"), str)):
            try:
                fields = json.loads(ext["valueString"])
            except ValueError:
                return {}
            return fields if isinstance(fields, dict) else {}
    return {}


def _patient(resource: dict[str, Any]) -> JsonDict:
    name = kana = None
    for entry in resource.get("name") or ():
        if not isinstance(entry, dict):
            continue
        rep = None
        for ext in entry.get("extension") or ():
            if isinstance(ext, dict) and str(ext.get("url", "")).endswith(
                    "iso21090-EN-representation"):
                rep = ext.get("valueCode")
        text = entry.get("text") if isinstance(entry.get("text"), str) else None
        if text is None:
            given = " ".join(g for g in entry.get("given") or () if isinstance(g, str))
            family = entry.get("family") if isinstance(entry.get("family"), str) else ""
            text = " ".join(p for p in (family, given) if p) or None
        if rep == "SYL":
            kana = kana or text
        elif rep == "IDE" or name is None:
            name = text  # the kanji (IDE) name wins over an untagged one
    gender = resource.get("gender")
    birth = resource.get("birthDate")
    return {"name": name, "name_kana": kana,
            "sex": gender if isinstance(gender, str) else None,
            "birth_date": birth if isinstance(birth, str) else None}


# --------------------------------------------------------------------------- summary


class _Index:
    """Resolve references inside the file (fullUrl, Type/id, #contained)."""

    def __init__(self, resources: list[tuple[str | None, dict[str, Any]]]) -> None:
        self.by_url: dict[str, dict[str, Any]] = {}
        for full, res in resources:
            if full:
                self.by_url[full] = res
            rid = res.get("id")
            if isinstance(rid, str) and isinstance(res.get("resourceType"), str):
                self.by_url.setdefault(f"{res['resourceType']}/{rid}", res)

    def resolve(self, owner: dict[str, Any], ref: Any) -> dict[str, Any] | None:
        if not isinstance(ref, dict) or not isinstance(ref.get("reference"), str):
            return None
        target = ref["reference"]
        if target.startswith("#"):
            for contained in owner.get("contained") or ():
                if isinstance(contained, dict) and contained.get("id") == target[1:]:
                    return contained
            return None
        return self.by_url.get(target)


def summarise(root: dict[str, Any], report: ClinicReport, kind: str, *,
              home_zone: str = DEFAULT_ZONE) -> None:
    """Fill ``report`` (everything but ``kind``/``valid``/``errors``) from FHIR content."""
    resources = resources_of(root)
    index = _Index(resources)
    counts: dict[str, int] = defaultdict(int)
    readings: list[BloodPressure] = []
    latest_bp: tuple[dt.datetime, JsonDict] | None = None
    latest_weight: tuple[dt.datetime, JsonDict] | None = None
    latest_steps: tuple[str, int] | None = None
    medications: list[tuple[str, JsonDict]] = []
    immunizations: list[tuple[str, JsonDict]] = []
    checkups: dict[str, int] = {}
    echeckup_doc = kind == "echeckup"
    for _full, res in resources:
        rtype = res.get("resourceType")
        if not isinstance(rtype, str):
            continue
        counts[rtype] += 1
        if rtype == "Patient" and report.patient["name"] is None \
                and report.patient["birth_date"] is None:
            report.patient = _patient(res)
        elif rtype == "Observation":
            status = res.get("status")
            when_text = _effective_text(res)
            widen_period(report, when_text)
            if status in _SKIP_STATUS:
                continue
            if echeckup_doc or _is_checkup_item(res):
                day = (when_text or "")[:10]
                if day:
                    checkups[day] = checkups.get(day, 0) + _flag_count(res)
                continue
            when = _instant(when_text, home_zone)
            if when is None:
                continue
            if _has_code(res, LOINC, BP_PANEL):
                bp = _bp(res, when, when_text or "")
                if bp is not None:
                    readings.append(bp)
                    item = {"measured_at": iso_with_offset(when),
                            "systolic": bp.systolic, "diastolic": bp.diastolic}
                    if latest_bp is None or when >= latest_bp[0]:
                        latest_bp = (when, item)
            elif _has_code(res, LOINC, BODY_WEIGHT):
                q = _quantity(res)
                if q is not None and (q[1] or "kg") in _KG:
                    kg = round(q[0] * _KG[q[1] or "kg"], 2)
                    item = {"measured_at": iso_with_offset(when), "kg": json_number(kg)}
                    if latest_weight is None or when >= latest_weight[0]:
                        latest_weight = (when, item)
            elif _has_code(res, LOINC, STEPS_DAY):
                q = _quantity(res)
                day = (when_text or "")[:10]
                if q is not None and day:
                    steps = int(q[0])
                    # Several sources on one day: the largest total (CONTRACT §5 primary).
                    if latest_steps is None or (day, steps) > latest_steps:
                        latest_steps = (day, steps)
        elif rtype in ("MedicationStatement", "MedicationRequest"):
            medications.append(_medication(res, index))
            widen_period(report, medications[-1][0] or None)
        elif rtype == "Immunization":
            immunizations.append(_immunization(res))
            widen_period(report, immunizations[-1][0] or None)
        elif rtype in ("Condition", "AllergyIntolerance"):
            widen_period(report, res.get("recordedDate") if isinstance(
                res.get("recordedDate"), str) else None)
    report.counts = dict(counts)
    report.latest = {
        "bp": latest_bp[1] if latest_bp else None,
        "weight": latest_weight[1] if latest_weight else None,
        "steps": {"date": latest_steps[0], "steps": latest_steps[1]} if latest_steps else None,
    }
    report.home_bp = home_bp(readings)
    report.medications = [m for _, m in sorted(medications, key=lambda p: p[0])]
    report.immunizations = [i for _, i in sorted(immunizations, key=lambda p: p[0])]
    report.checkups = [{"date": day, "flags": n} for day, n in sorted(checkups.items())]


def home_bp(readings: list[BloodPressure]) -> JsonDict:
    """CONTRACT §4 ``home_bp`` for the 14 days ending on the file's latest reading date.

    A clinic opens a file days after it was made: evaluating "as of today" would let the
    window slide past the readings, so the window ends on the newest reading's own
    local date, which is added as ``as_of``.
    """
    if not readings:
        return empty_home_bp()
    from phrapp.services.risk import home_bp_json

    as_of = max(r.measured_at.date() for r in readings if r.extra.get("time_known") is not False
                ) if any(r.extra.get("time_known") is not False for r in readings) else None
    if as_of is None:
        return empty_home_bp()
    out = home_bp_json(readings, as_of)
    out["as_of"] = as_of.isoformat()
    return out


def _bp(res: dict[str, Any], when: dt.datetime, when_text: str) -> BloodPressure | None:
    values: dict[str, float] = {}
    for comp in res.get("component") or ():
        if not isinstance(comp, dict):
            continue
        q = _quantity(comp)
        if q is None:
            continue
        for system, code in _codings(comp.get("code")):
            if system == LOINC and code in (SYSTOLIC, DIASTOLIC):
                values[code] = q[0]
    if SYSTOLIC not in values or DIASTOLIC not in values:
        return None
    fields = _phrapp_fields(res)
    context = fields.get("context")
    extra: dict[str, Any] = {}
    if len(when_text) <= 10:  # a date without a time of day cannot be slotted
        extra["time_known"] = False
    try:
        return BloodPressure(
            profile_id="", measured_at=when, systolic=round(values[SYSTOLIC]),
            diastolic=round(values[DIASTOLIC]),
            context=BpContext(context) if context in ("morning", "evening", "other") else None,
            extra=extra)
    except (TypeError, ValueError):
        return None


def _flag_count(res: dict[str, Any]) -> int:
    flagged = 0
    for concept in res.get("interpretation") or ():
        if any(code in FLAG_CODES for _, code in _codings(concept)):
            flagged = 1
    return flagged


def _medication(res: dict[str, Any], index: _Index) -> tuple[str, JsonDict]:
    concept = res.get("medicationCodeableConcept")
    if concept is None:
        med = index.resolve(res, res.get("medicationReference"))
        concept = med.get("code") if med else None
        name = _concept_text(concept) or (
            res["medicationReference"].get("display")
            if isinstance(res.get("medicationReference"), dict) else None)
    else:
        name = _concept_text(concept)
    codes = _codings(concept)
    date = ""
    period = res.get("effectivePeriod")
    for candidate in (period.get("start") if isinstance(period, dict) else None,
                      res.get("effectiveDateTime"), res.get("authoredOn"),
                      res.get("dateAsserted")):
        if isinstance(candidate, str):
            date = candidate[:10]
            break
    status = res.get("status")
    return date, {"name": name, "code": codes[0][1] if codes else None,
                  "status": status if isinstance(status, str) else None}


def _immunization(res: dict[str, Any]) -> tuple[str, JsonDict]:
    when = res.get("occurrenceDateTime")
    date = when[:10] if isinstance(when, str) else None
    codes = _codings(res.get("vaccineCode"))
    dose = None
    for applied in res.get("protocolApplied") or ():
        if isinstance(applied, dict) and isinstance(applied.get("doseNumberPositiveInt"), int):
            dose = applied["doseNumberPositiveInt"]
    location = res.get("location")
    place = location.get("display") if isinstance(location, dict) else None
    lot = res.get("lotNumber")
    return date or "", {
        "date": date, "vaccine": _concept_text(res.get("vaccineCode")),
        "code": codes[0][1] if codes else None, "code_system": codes[0][0] if codes else None,
        "dose_number": dose, "lot": lot if isinstance(lot, str) else None,
        "place": place if isinstance(place, str) else None,
        "status": res.get("status") if isinstance(res.get("status"), str) else None}


__all__ = ["classify", "home_bp", "resources_of", "summarise"]
