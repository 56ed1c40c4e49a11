"""FHIR R4 systems, codes and phrapp's own URLs, shared by the exporter and the importer.

Sources: ``specs/fhir.md`` §2–§4 (JP Core 1.1.2-url / 1.2.0, HL7 R4 vital signs, the
HL7 Physical Activity IG). Emit URL forms; accept the OID forms too (JP Core
``guide-urlmap.md``). The 特定健診 item code system has no URL form and stays an OID.

**phrapp convention** (documented with the export): phrapp's own extension and
identifier URLs live under :data:`PHRAPP_BASE`. Receiving systems may ignore them; phrapp
reads them back so that its own Bundle (a move to a new PC) round-trips without loss.
"""

from __future__ import annotations

from typing import Final

# --- phrapp's own URLs (phrapp convention) -------------------------------------------
PHRAPP_BASE: Final = "http://phrapp.example/fhir"
#: valueString = compact JSON of the phrapp-only fields of a record (see the exporter).
EXT_RECORD: Final = f"{PHRAPP_BASE}/StructureDefinition/phrapp-record"
#: valueCode = the 健康情報等交換規約 ``data_input_code`` (0 device, 1 manual, 2 edited).
EXT_DATA_INPUT_CODE: Final = f"{PHRAPP_BASE}/StructureDefinition/data-input-code"
#: meta.tag marking a Bundle written by phrapp.
TAG_SYSTEM: Final = f"{PHRAPP_BASE}/CodeSystem/phrapp-tag"
TAG_EXPORT: Final = "phrapp-export"

# --- identifiers -----------------------------------------------------------------------
URI_SYSTEM: Final = "urn:ietf:rfc:3986"

# --- code systems ------------------------------------------------------------------------
LOINC: Final = "http://loinc.org"
UCUM: Final = "http://unitsofmeasure.org"
ITEM_CODE_SYSTEM: Final = "urn:oid:1.2.392.200119.6.1005"  # 特定健診項目コード (OID only)
METHOD_SYSTEM: Final = "urn:oid:1.2.392.200119.6.1007"
HL7_OBS_CATEGORY: Final = "http://terminology.hl7.org/CodeSystem/observation-category"
JP_OBS_CATEGORY: Final = (
    "http://jpfhir.jp/fhir/core/CodeSystem/JP_SimpleObservationCategory_CS")
INTERPRETATION: Final = "http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation"
DATA_ABSENT: Final = "http://terminology.hl7.org/CodeSystem/data-absent-reason"
MED_STATEMENT_CATEGORY: Final = (
    "http://terminology.hl7.org/CodeSystem/medication-statement-category")
ALLERGY_CLINICAL: Final = "http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical"
CONDITION_CLINICAL: Final = "http://terminology.hl7.org/CodeSystem/condition-clinical"
ISO21090_EN_REP: Final = "http://hl7.org/fhir/StructureDefinition/iso21090-EN-representation"
RP_NUMBER_SYSTEM: Final = "http://jpfhir.jp/fhir/core/mhlw/IdSystem/Medication-RPGroupNumber"

YJ_URL: Final = "http://capstandard.jp/iyaku.info/CodeSystem/YJ-code"
HOT9_URL: Final = "http://medis.or.jp/CodeSystem/master-HOT9"
HOT13_URL: Final = "http://medis.or.jp/CodeSystem/master-HOT13"
HOT7_URL: Final = "http://medis.or.jp/CodeSystem/master-HOT7"
JLAC10_URL: Final = "http://medis.or.jp/CodeSystem/master-JLAC10-17digits"
#: レセ電 / 薬価基準 drug codes have no confirmed JP Core system (specs/fhir.md §2.3, open
#: question 6): phrapp-local systems.
RECEIPT_DRUG_SYSTEM: Final = f"{PHRAPP_BASE}/CodeSystem/receipt-drug-code"
MHLW_DRUG_SYSTEM: Final = f"{PHRAPP_BASE}/CodeSystem/mhlw-drug-code"
#: A vaccine code recorded without a named system (hand entry).
VACCINE_CODE_SYSTEM: Final = f"{PHRAPP_BASE}/CodeSystem/vaccine-code"

#: OID form -> URL form for the systems phrapp reads (JP Core guide-urlmap; both YJ OIDs).
OID_TO_URL: Final[dict[str, str]] = {
    "urn:oid:1.2.392.100495.20.2.73": YJ_URL,
    "urn:oid:1.2.392.100495.20.1.73": YJ_URL,
    "urn:oid:1.2.392.200119.4.403.1": HOT9_URL,
    "urn:oid:1.2.392.100495.20.2.74": HOT9_URL,
    "urn:oid:1.2.392.200119.4.403.2": HOT7_URL,
    "urn:oid:1.2.392.200119.4.402.1": HOT13_URL,
    "urn:oid:1.2.392.200119.4.504": JLAC10_URL,
}


def normalise_system(system: str | None) -> str | None:
    """The URL form of a code system given in OID form (others unchanged)."""
    if system is None:
        return None
    return OID_TO_URL.get(system, system)


# --- LOINC for home data (specs/fhir.md §3) ----------------------------------------------
BP_PANEL: Final = "85354-9"
SYSTOLIC: Final = "8480-6"
DIASTOLIC: Final = "8462-4"
PULSE: Final = "8867-4"
BODY_WEIGHT: Final = "29463-7"
BODY_WEIGHT_MEASURED: Final = "3141-9"
BODY_FAT: Final = "41982-0"
STEPS_DAY: Final = "41950-7"
STEPS_PERIOD: Final = "55423-8"

LOINC_DISPLAY: Final[dict[str, str]] = {
    BP_PANEL: "Blood pressure panel with all children optional",
    SYSTOLIC: "Systolic blood pressure",
    DIASTOLIC: "Diastolic blood pressure",
    PULSE: "Heart rate",
    BODY_WEIGHT: "Body weight",
    BODY_FAT: "Percentage of body fat Measured",
    STEPS_DAY: "Number of steps in 24 hour Measured",
}

#: 特定健診 item code prefix (first 5 characters) -> LOINC (specs/fhir.md §3 crosswalk;
#: the 1005 coding stays first, LOINC is a second coding).
ITEM_LOINC_PREFIX: Final[dict[str, str]] = {
    "9N006": "29463-7",
    "9A751": "8480-6", "9A752": "8480-6", "9A755": "8480-6",
    "9A761": "8462-4", "9A762": "8462-4", "9A765": "8462-4",
    "3D046": "4548-4",
    "9N001": "8302-2",
    "9N011": "39156-5",
}
ITEM_LOINC_EXACT: Final[dict[str, str]] = {"9N016160100000001": "8280-0"}


def item_loinc(code: str) -> str | None:
    """The LOINC code phrapp adds beside a 17-character item code, if mapped."""
    return ITEM_LOINC_EXACT.get(code) or ITEM_LOINC_PREFIX.get(code[:5])


#: Checkup item category (JP simple category code) by the item code's first characters:
#: body measurement, vital signs, laboratory, otherwise exam/survey.
def item_category(code: str) -> str:
    """The JP Core simple observation category for a checkup item (eCheckup-like)."""
    if code[:5] in ("9N001", "9N006", "9N011", "9N016"):
        return "body-measurement"
    if code.startswith("9A7"):
        return "vital-signs"
    if code[:1].isdigit() and not code.startswith("9"):
        return "laboratory"
    if code.startswith(("9N7", "9N8")):
        return "survey"
    return "exam"


# --- eCheckup (specs/fhir.md §5.2) --------------------------------------------------------
ECHECKUP_BUNDLE_PROFILES: Final = frozenset({
    "http://jpfhir.jp/fhir/clins/StructureDefinition/JP_Bundle_eCheckupGeneral",
    "http://jpfhir.jp/fhir/eCheckup/StructureDefinition/JP_Bundle_eCheckupGeneral",
})
ECHECKUP_DOC_TYPE: Final = "53576-5"
ECHECKUP_CATEGORY_SYSTEM: Final = "urn:oid:2.16.840.1.113883.2.2.1.6.1001"

__all__ = [name for name in dir() if name.isupper() or name in (
    "item_category", "item_loinc", "normalise_system")]
