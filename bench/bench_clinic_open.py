"""Clinic-side open of a FHIR Bundle with N Observations (issue 8: "clinic open of 100k").

    python bench/bench_clinic_open.py [--n N] [--repeat R]

A ``collection`` Bundle (a Patient, then N Observations: BP panels 85354-9 with both
components, with a weight 29463-7 every 10th and a daily steps 41950-7 every 24th) is
written to a temp file, then :func:`phrapp.clinic.open_file` is timed on it: read,
``json.loads``, the full validation (R4 schema compiled per resource, the R4B model per
entry, ele-1 / vs-2 / bdl-7 / reference rules) and the summary (latest values, home-BP
evaluation). Also timed alone: ``json.loads`` (the floor), ``validate_bundle``, and the
validation layers one by one on the same entries. Measures, never asserts.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import resource
import tempfile
import time
from pathlib import Path
from typing import Any

JST = dt.timezone(dt.timedelta(hours=9))
LOINC = "http://loinc.org"
CAT = [{"coding": [{"system": "http://terminology.hl7.org/CodeSystem/observation-category",
                    "code": "vital-signs"}]}]


def _q(value: float, code: str, unit: str) -> dict[str, Any]:
    return {"value": value, "unit": unit, "system": "http://unitsofmeasure.org", "code": code}


def build(n: int) -> dict[str, Any]:
    patient_url = "urn:uuid:00000000-0000-4000-8000-000000000000"
    entries: list[dict[str, Any]] = [{"fullUrl": patient_url, "resource": {
        "resourceType": "Patient", "id": "00000000-0000-4000-8000-000000000000",
        "name": [{"text": "ベンチ　花子"}], "gender": "female", "birthDate": "1960-01-01"}}]
    start = dt.datetime(2015, 1, 1, 7, 0, tzinfo=JST)
    for i in range(n):
        rid = f"00000000-0000-4000-8000-{i + 1:012d}"
        at = (start + dt.timedelta(hours=i)).isoformat()
        obs: dict[str, Any] = {"resourceType": "Observation", "id": rid, "status": "final",
                               "category": CAT, "subject": {"reference": patient_url},
                               "effectiveDateTime": at}
        if i % 24 == 5:
            obs["category"] = [{"coding": [{"system": CAT[0]["coding"][0]["system"],
                                            "code": "activity"}]}]
            obs["code"] = {"coding": [{"system": LOINC, "code": "41950-7"}]}
            day = at[:10]
            del obs["effectiveDateTime"]
            obs["effectivePeriod"] = {"start": f"{day}T00:00:00+09:00",
                                      "end": f"{day}T23:59:59+09:00"}
            obs["valueQuantity"] = _q(6000 + i % 5000, "/d", "steps/day")
        elif i % 10 == 3:
            obs["code"] = {"coding": [{"system": LOINC, "code": "29463-7"}]}
            obs["valueQuantity"] = _q(round(60 + (i % 50) / 10, 1), "kg", "kg")
        else:
            obs["code"] = {"coding": [{"system": LOINC, "code": "85354-9"}]}
            obs["component"] = [
                {"code": {"coding": [{"system": LOINC, "code": "8480-6"}]},
                 "valueQuantity": _q(110 + i % 40, "mm[Hg]", "mmHg")},
                {"code": {"coding": [{"system": LOINC, "code": "8462-4"}]},
                 "valueQuantity": _q(70 + i % 20, "mm[Hg]", "mmHg")}]
        entries.append({"fullUrl": f"urn:uuid:{rid}", "resource": obs})
    return {"resourceType": "Bundle", "type": "collection",
            "timestamp": "2026-01-01T00:00:00+09:00", "entry": entries}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=100_000, help="Observations")
    parser.add_argument("--repeat", type=int, default=1)
    args = parser.parse_args()
    from phrapp.clinic import open_file
    from phrapp.io import fhir_validate

    bundle = build(args.n)
    with tempfile.TemporaryDirectory(prefix="phrapp-bench-") as folder:
        path = Path(folder) / "bundle.json"
        path.write_text(json.dumps(bundle, ensure_ascii=False, separators=(",", ":")),
                        encoding="utf-8")
        size_mb = path.stat().st_size / 2**20
        fhir_validate.load_schema()  # one-off schema load (~0.3 s) is setup, not per file
        print(f"bundle: {args.n} Observations, {size_mb:.1f} MB")

        t = time.perf_counter()
        json.loads(path.read_bytes())
        print(f"json.loads floor: {time.perf_counter() - t:.2f} s")

        sample = [e["resource"] for e in bundle["entry"][1:2001]]
        t = time.perf_counter()
        for res in sample:
            fhir_validate.schema_issues(res, "")
        per_schema = (time.perf_counter() - t) / len(sample)
        from fhir.resources.R4B import get_fhir_model_class

        model = get_fhir_model_class("Observation")
        t = time.perf_counter()
        for res in sample:
            model.model_validate(res)
        per_model = (time.perf_counter() - t) / len(sample)
        import jsonschema

        v = jsonschema.Draft6Validator({"$ref": "#/definitions/Observation",
                                        "definitions": fhir_validate.load_schema()["definitions"]})
        t = time.perf_counter()
        for res in sample[:300]:
            v.is_valid(res)
        per_js = (time.perf_counter() - t) / 300
        print(f"per Observation: compiled schema {per_schema * 1e3:.3f} ms "
              f"(jsonschema Draft6Validator {per_js * 1e3:.3f} ms), "
              f"R4B model {per_model * 1e3:.3f} ms")

        for run in range(args.repeat):
            t = time.perf_counter()
            report = open_file(path, lambda: "")
            elapsed = time.perf_counter() - t
            out = report.to_json()
            print(f"open_file run {run + 1}: {elapsed:.1f} s, {args.n / elapsed:,.0f} obs/s, "
                  f"valid={out['valid']}, counts={out['counts']}, "
                  f"home_bp.category={out['home_bp']['category']}")
        rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"peak RSS: {rss:.0f} MB")


if __name__ == "__main__":
    main()
