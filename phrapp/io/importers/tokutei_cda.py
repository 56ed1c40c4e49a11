"""特定健診 CDA R2 (hc08) importer: a lone ClinicalDocument or a submission archive.

Spec: ``specs/checkup-cda.md`` (§1 inputs, §2 header, §3 body, §4 observation edge
cases, §7 older 期, §8 importer MUST); security: ``specs/security.md`` T3/T4.

* Detection is by content only: the first element of the file (or of an archive
  member) must be ``ClinicalDocument`` in ``urn:hl7-org:v3``. A zip is opened with
  :class:`~phrapp.io.safe_zip.SafeZip` (never extracted); its members are classified by
  their root element, so ``CLAIMS/`` (``checkupClaim``), ``XSD/`` (``schema``) and the
  ``ix08``/``su08`` side files (``index``/``summary``) are recognised whatever their
  names or folders (with or without a top folder, with or without ``XSD/``). ``ix08`` and
  ``su08`` are read only for sanity checks (record counts, the 期 of their namespace).
* XML is parsed only through :func:`phrapp.io.safe_xml.parse_xml` (no DTD, no entities,
  no network, size and depth caps).
* One CDA file = one :class:`Checkup` (plus one :class:`PersonInfo` per examinee and a
  :class:`ParsedDocument` holding the exact original bytes).

Every observation becomes a :class:`CheckupItem`; ``detail`` keeps what is needed to
regenerate it (keys present only when the file had them):

``code_system`` item code system (``.1005`` when omitted, then ``code_system_omitted``),
``display_name`` code/@displayName as written, ``xsi_type`` of the value, ``value_text``
(PQ ``@value`` / CD ``@code`` / ST text as written), ``unit`` (PQ ``@unit`` as written),
``value_code_system`` and ``value_display_name`` (coded values, as written),
``range_marker`` (the out-of-range ``H``/``L`` CD: ``code``, ``code_system``,
``display_name``), ``interpretation`` (interpretationCode as written), ``method_code`` +
``method_code_system`` (``.1007`` when omitted), ``reference_range`` (``xsi_type``,
``low``/``high`` with ``value``/``unit`` as written), ``negation`` (negationInd true),
``null_flavor`` (of the value), ``observation_null_flavor``, ``group`` (``id`` = the
group's 実施理由 code or the parent item's code, ``name``, ``relation`` COMP/RSON,
``seq`` = the group's order in the document), ``section`` (``code``, ``code_system``),
``author`` (``name``, ``time``, ``id``), ``unknown_item`` / ``legacy`` and
``extra_values`` (further ``value`` elements nobody expects).

Nothing here logs: warnings name item codes and fields, never values, names or ids.
"""

from __future__ import annotations

import datetime as dt
import math
import re
import unicodedata
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

from phrapp.domain.codes.checkup_items import ItemDef, item
from phrapp.domain.people import PersonInfo
from phrapp.domain.records import (
    Checkup,
    CheckupItem,
    ItemStatus,
    Provenance,
    RecordKind,
    Sex,
    Source,
)
from phrapp.domain.records.profile import normalise_kana
from phrapp.errors import HostileInput, MalformedInput, TooLarge, UnsupportedFormat
from phrapp.io.importers import cda_codes as codes
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
from phrapp.io.safe_xml import local_name, parse_xml
from phrapp.io.safe_zip import SafeZip, is_zip

SLUG = "tokutei-cda"
H = "{" + codes.HL7_NS + "}"
XSI_TYPE = "{" + codes.XSI_NS + "}type"
MEMBER_HEAD_BYTES = 16 * 1024
MAX_WARNINGS_PER_DOCUMENT = 60
ITEM_CODE = re.compile(r"^[0-9A-Z]{17}$")  # what domain validation accepts as an item code
_NUMBER = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$")
_NUMERIC_FORMAT = re.compile(r"(N+)(?:\.(N+))?")


# -- content sniffing -------------------------------------------------------------------

_START_TAG = re.compile(
    rb"<([A-Za-z_][\w.\-]*(?::[A-Za-z_][\w.\-]*)?)"
    rb"((?:\s+[^\s=>/]+\s*=\s*(?:\"[^\"]*\"|'[^']*'))*)\s*/?>")
_XMLNS = re.compile(rb"""xmlns(?::([\w.\-]+))?\s*=\s*["']([^"']*)["']""")


def _skip_markup_decl(data: bytes, pos: int) -> int:
    """End of a ``<!DOCTYPE …>`` (internal subset and quotes respected), or -1."""
    depth = 0
    quote = 0
    for i in range(pos + 2, len(data)):
        c = data[i]
        if quote:
            if c == quote:
                quote = 0
        elif c in (0x22, 0x27):
            quote = c
        elif c == 0x5B:  # [
            depth += 1
        elif c == 0x5D:  # ]
            depth -= 1
        elif c == 0x3E and depth <= 0:  # >
            return i + 1
    return -1


def root_element(head: bytes) -> tuple[str, str | None] | None:
    """(local name, namespace) of the first element in ``head``, from the bytes only."""
    data = head[3:] if head.startswith(b"\xef\xbb\xbf") else head
    pos, size = 0, len(data)
    while True:
        while pos < size and data[pos] in b" \t\r\n":
            pos += 1
        if data.startswith(b"<?", pos):
            end = data.find(b"?>", pos + 2)
            if end < 0:
                return None
            pos = end + 2
        elif data.startswith(b"<!--", pos):
            end = data.find(b"-->", pos + 4)
            if end < 0:
                return None
            pos = end + 3
        elif data.startswith(b"<!", pos):
            pos = _skip_markup_decl(data, pos)
            if pos < 0:
                return None
        elif data.startswith(b"<", pos):
            break
        else:
            return None
    match = _START_TAG.match(data, pos)
    if match is None:
        return None
    qname = match.group(1).decode("ascii", "replace")
    prefix, _, local = qname.rpartition(":")
    namespace = None
    for decl in _XMLNS.finditer(match.group(2)):
        if (decl.group(1) or b"").decode("ascii", "replace") == prefix:
            namespace = decl.group(2).decode("utf-8", "replace")
    return local, namespace


def sniff_cda(head: bytes) -> float:
    """Confidence that ``head`` starts a 特定健診 ClinicalDocument (0 for other XML)."""
    root = root_element(head)
    if root is None or root != ("ClinicalDocument", codes.HL7_NS):
        return 0.0
    # hc08 documents carry the MHLW OIDs (報告区分, 性別, section code …) in their header.
    return 0.95 if codes.OID.encode() in head else 0.6


def _classify(head: bytes) -> str:
    """What an archive member is, by its root element: cda, index, summary, claim, …"""
    if sniff_cda(head) > 0:
        return "cda"
    root = root_element(head)
    if root is None:
        return "other"
    return {"index": "index", "summary": "summary", "checkupClaim": "claim",
            "schema": "schema"}.get(root[0], "other")


def _member_head(archive: SafeZip, member: str) -> bytes:
    with archive.open_stream(member) as stream:
        return stream.read(MEMBER_HEAD_BYTES)


# -- the importer -----------------------------------------------------------------------


class TokuteiCdaImporter(Importer):
    """``tokutei-cda``: 特定健診 CDA files and submission archives (see the module doc)."""

    slug = SLUG
    kinds = (RecordKind.CHECKUPS,)

    def sniff(self, source: ImportSource) -> float:
        try:
            if is_zip(source.head):
                return self._sniff_archive(source)
            return sniff_cda(source.head)
        except Exception:  # a sniffer never raises
            return 0.0

    def _sniff_archive(self, source: ImportSource) -> float:
        try:
            with SafeZip(source.path, name=source.name) as archive:
                for member in archive.names:
                    if sniff_cda(_member_head(archive, member)) > 0:
                        return 0.9
        except (HostileInput, TooLarge):
            # The limits refuse to look inside: claim it at the threshold so that the
            # user hears "hostile-input" (from parse) rather than "unsupported-format";
            # any importer that positively recognises the archive outranks this.
            return 0.5
        return 0.0

    def parse(self, source: ImportSource, ctx: ParseContext) -> Iterator[ParseItem]:
        if is_zip(source.head):
            yield from self._parse_archive(source, ctx)
            return
        data = self.read_capped(source)
        if sniff_cda(data[:65536]) == 0.0:
            root = parse_xml(data, name=source.name)  # hostile / malformed first
            raise UnsupportedFormat(
                f"not a 特定健診 CDA document (the root element is {local_name(root)!r})",
                path=source.name)
        yield from _Emitter(ctx).emit(data, source.name, label=None)
        ctx.progress(len(data))

    def _parse_archive(self, source: ImportSource, ctx: ParseContext) -> Iterator[ParseItem]:
        with SafeZip(source.path, name=source.name) as archive:
            kinds = {member: _classify(_member_head(archive, member))
                     for member in archive.names}
            documents = sorted(m for m, kind in kinds.items() if kind == "cda")
            if not documents:
                raise UnsupportedFormat("the archive holds no 特定健診 CDA document",
                                        path=source.name)
            side = _SideFiles.read(archive, kinds)
            emitter = _Emitter(ctx, archive_extra=side.extra())
            for index, member in enumerate(documents, start=1):
                if ctx.cancelled():
                    return
                data = archive.read(member)
                yield from emitter.emit(data, member, label=f"DATA file {index}")
                ctx.progress(source.size * index // len(documents))
            yield from (ParseWarning(text) for text in side.check(
                documents=len(documents), persons=len(emitter.persons),
                periods=emitter.periods))
            others = sum(1 for kind in kinds.values() if kind == "other")
            if others:
                yield ParseSkip("unsupported-member", others)


# -- archives: side files ---------------------------------------------------------------


@dataclass(slots=True)
class _SideFiles:
    """What ix08 (index) and su08 (summary) say, for sanity checks only (§1.1)."""

    claims: int = 0
    namespace: str | None = None
    total_records: int | None = None
    total_subjects: int | None = None
    service_event: str | None = None
    problems: list[str] = field(default_factory=list)

    @classmethod
    def read(cls, archive: SafeZip, kinds: dict[str, str]) -> _SideFiles:
        side = cls(claims=sum(1 for k in kinds.values() if k == "claim"))
        for member, kind in sorted(kinds.items()):
            if kind not in ("index", "summary"):
                continue
            try:
                root = parse_xml(archive.read(member), name=member)
            except MalformedInput:
                side.problems.append(f"the {kind} file of the archive is not well-formed; "
                                     "it was not checked")
                continue
            namespace = root.tag[1:].split("}", 1)[0] if root.tag.startswith("{") else None
            side.namespace = side.namespace or namespace
            for element in root:
                name = local_name(element)
                if name == "totalRecordCount":
                    side.total_records = _int(element.get("value"))
                elif name == "totalSubjectCount":
                    side.total_subjects = _int(element.get("value"))
                elif name == "serviceEventType":
                    side.service_event = element.get("code")
        return side

    def period_label(self) -> str | None:
        if self.namespace == codes.SIDE_NS_PERIOD_4:
            return "第4期"
        if self.namespace == codes.SIDE_NS_PERIOD_1_3:
            return "第1〜3期"
        return None

    def extra(self) -> dict[str, Any]:
        return {"side_files": self.period_label()}

    def check(self, *, documents: int, persons: int, periods: set[int | None]) -> list[str]:
        out = list(self.problems)
        if self.total_records is not None and self.total_records != documents + self.claims:
            out.append(f"the archive index counts {self.total_records} files but the archive "
                       f"holds {documents} CDA and {self.claims} claim files")
        if self.total_subjects is not None and self.total_subjects != persons:
            out.append(f"the archive summary counts {self.total_subjects} examinees but the "
                       f"archive holds {persons}")
        if self.service_event not in (None, "1"):
            out.append("the archive index is not marked as 特定健診 (serviceEventType 1)")
        label = self.period_label()
        if label == "第1〜3期" and 4 in periods:
            out.append("the side files use the 第1〜3期 namespace but the exams are 第4期")
        if label == "第4期" and periods & {1, 2, 3}:
            out.append("the side files use the 第4期 namespace but some exams are older")
        return out


# -- one document -> items ----------------------------------------------------------------


class _Emitter:
    """Turns CDA documents into parse items; one examinee may have several documents."""

    def __init__(self, ctx: ParseContext, archive_extra: dict[str, Any] | None = None) -> None:
        self.ctx = ctx
        self.archive_extra = archive_extra
        self.persons: dict[tuple[Any, ...], str] = {}
        self.periods: set[int | None] = set()

    def emit(self, data: bytes, name: str, *, label: str | None) -> Iterator[ParseItem]:
        root = parse_xml(data, name=name)
        try:
            doc = _DocumentReader(root).read()
        except (MalformedInput, UnsupportedFormat) as exc:
            exc.path = exc.path or name
            raise
        self.periods.add(doc.period)
        document_id = str(uuid.uuid4())
        key = doc.person_key()
        ref = self.persons.get(key) if key is not None else None
        if ref is None:
            ref = f"examinee:{document_id}"
            if key is not None:
                self.persons[key] = ref
            else:
                self.persons[("unkeyed", ref)] = ref
            yield PersonInfo(ref=ref, name=doc.name, name_kana=doc.name_kana, sex=doc.sex,
                             birth_date=doc.birth_date)
        yield ParsedDocument(id=document_id, format=SLUG, name=name, content=data, person=ref)
        prefix = f"{label}: " if label else ""
        for text in doc.warnings:
            yield ParseWarning(prefix + text)
        extra = dict(doc.extra)
        if self.archive_extra is not None:
            extra["archive"] = dict(self.archive_extra)
        checkup = Checkup(profile_id="", provenance=Provenance.CHECKUP,
                          source=Source(app=SLUG), date=doc.exam_date,
                          institution_id=doc.institution_id,
                          institution_name=doc.institution_name, sex=doc.sex,
                          birth_date=doc.birth_date,
                          metabolic_syndrome=doc.metabolic_syndrome,
                          guidance_level=doc.guidance_level, items=tuple(doc.items),
                          document_id=document_id, extra=extra)
        yield ParsedRecord(checkup, person=ref)


@dataclass(slots=True)
class _Document:
    exam_date: dt.date
    name: str | None = None
    name_kana: str | None = None
    sex: Sex | None = None
    birth_date: dt.date | None = None
    institution_id: str | None = None
    institution_name: str | None = None
    metabolic_syndrome: int | None = None
    guidance_level: int | None = None
    period: int | None = None
    items: list[CheckupItem] = field(default_factory=list)
    extra: dict[str, Any] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)

    def person_key(self) -> tuple[Any, ...] | None:
        """Identical examinees in one archive share one person (never merge different ones)."""
        if self.sex is None or self.birth_date is None:
            return None
        name = normalise_kana(self.name_kana or self.name or "")
        card = tuple(sorted((self.extra.get("insurance") or {}).items()))
        if not name and not card:
            return None
        return (name, self.sex.value, self.birth_date.isoformat(), card)


class _DocumentReader:
    """Reads one ``ClinicalDocument`` element (already parsed by ``parse_xml``)."""

    def __init__(self, root: Any) -> None:
        self.root = root
        self.warnings: list[str] = []
        self.dropped_warnings = 0
        self.items: dict[str, CheckupItem] = {}
        self.duplicates: list[dict[str, Any]] = []
        self.unparsed: list[dict[str, Any]] = []
        self.group_seq = 0
        self.doctor: dict[str, str] | None = None
        self.warned_sections: set[str] = set()

    def warn(self, text: str) -> None:
        if len(self.warnings) < MAX_WARNINGS_PER_DOCUMENT:
            self.warnings.append(text)
        else:
            self.dropped_warnings += 1

    # -- header ----------------------------------------------------------------
    def read(self) -> _Document:
        root = self.root
        if root.tag != f"{H}ClinicalDocument":
            raise UnsupportedFormat("not a 特定健診 CDA document (the root is not an HL7 "
                                    "ClinicalDocument)")
        extra: dict[str, Any] = {}
        type_id = root.find(f"{H}typeId")
        if type_id is None or type_id.get("extension") != "POCD_HD000040":
            self.warn("the document's typeId is not the CDA R2 POCD_HD000040")
        self._report_type(root, extra)
        document_date = _ts_date(root.find(f"{H}effectiveTime"))
        if document_date is not None:
            extra["document_date"] = document_date.isoformat()
        doc = _Document(exam_date=dt.date.min)
        self._patient(root, doc, extra)
        self._voucher(root, extra)
        author_org = _organization(root.find(f"{H}author/{H}assignedAuthor/"
                                             f"{H}representedOrganization"))
        if author_org:
            extra["author_organization"] = author_org
        service = root.find(f"{H}documentationOf/{H}serviceEvent")
        exam_date = None
        performer: dict[str, str] = {}
        if service is not None:
            program = service.find(f"{H}code")
            if program is not None and program.get("code") is not None:
                extra["program_type"] = program.get("code")
                if program.get("code") != "010":
                    self.warn("the 健診プログラム種別 is not 010 (特定健診)")
            exam_date = _ts_date(service.find(f"{H}effectiveTime"))
            performer = _organization(service.find(f"{H}performer/{H}assignedEntity/"
                                                   f"{H}representedOrganization"))
        if exam_date is None:
            if document_date is None:
                raise MalformedInput("the document has no valid exam date "
                                     "(documentationOf/serviceEvent/effectiveTime)")
            self.warn("no exam date in serviceEvent/effectiveTime: the document date "
                      "(effectiveTime) is used")
            exam_date = document_date
        doc.exam_date = exam_date
        if not performer and author_org:
            self.warn("no performing institution in serviceEvent: the authoring "
                      "institution is used")
            performer = author_org
        doc.institution_id = performer.get("id")
        doc.institution_name = performer.get("name")
        fiscal_year = exam_date.year if exam_date.month >= 4 else exam_date.year - 1
        doc.period = codes.period_of_fiscal_year(fiscal_year)
        extra["fiscal_year"] = fiscal_year
        extra["period"] = doc.period
        extra["period_label"] = codes.PERIOD_LABELS.get(doc.period or 0)
        if doc.period is None:
            self.warn(f"the exam (FY{fiscal_year}) is outside 特定健診 第1〜4期")
        elif doc.period < 4:
            self.warn(f"a {codes.PERIOD_LABELS[doc.period]} exam (FY{fiscal_year}): items "
                      "are checked against the 第4期 item table")
        self._body(root, doc.period)
        doc.items = list(self.items.values())
        for entry in doc.items:
            self._period_checks(entry, doc.period)
        ms = self.items.get(codes.METABOLIC_SYNDROME_CODE)
        doc.metabolic_syndrome = self._level(ms, "メタボリックシンドローム判定")
        gl = self.items.get(codes.GUIDANCE_LEVEL_CODE)
        doc.guidance_level = self._level(gl, "保健指導レベル")
        if self.doctor:
            extra["doctor"] = self.doctor
        if self.duplicates:
            extra["duplicate_items"] = self.duplicates
        if self.unparsed:
            extra["unparsed_observations"] = self.unparsed
        if self.dropped_warnings:
            self.warnings.append(f"… and {self.dropped_warnings} more warnings")
        doc.extra = extra
        doc.warnings = self.warnings
        return doc

    def _report_type(self, root: Any, extra: dict[str, Any]) -> None:
        code = root.find(f"{H}code")
        if code is None:
            return  # optional in the XSD (§1): accepted
        system = code.get("codeSystem")
        if system is not None and system != codes.REPORT_TYPE_SYSTEM:
            raise UnsupportedFormat("a CDA document that is not a 特定健診 report "
                                    "(its code is not a 報告区分)")
        value = code.get("code")
        extra["report_type"] = value
        if value != codes.REPORT_TYPE_TOKUTEI:
            self.warn("the 報告区分 is not 10 (特定健診); the document was imported anyway")

    def _patient(self, root: Any, doc: _Document, extra: dict[str, Any]) -> None:
        targets = root.findall(f"{H}recordTarget")
        if len(targets) > 1:
            self.warn("the document names several examinees; the first is used")
        role = root.find(f"{H}recordTarget/{H}patientRole")
        if role is None:
            self.warn("the document has no examinee (recordTarget/patientRole)")
            return
        insurance: dict[str, str] = {}
        ids: list[dict[str, str]] = []
        for element in role.findall(f"{H}id"):
            entry = _attrs(element, "root", "extension", "nullFlavor")
            if entry:
                ids.append(entry)
            key = codes.PATIENT_ID_ROOTS.get(element.get("root") or "")
            if key and element.get("extension") and key not in insurance:
                insurance[key] = element.get("extension")
        if insurance:
            extra["insurance"] = insurance
        if ids:
            extra["patient_ids"] = ids
        patient_extra: dict[str, Any] = {}
        address = _address(role.find(f"{H}addr"))
        if address:
            patient_extra["address"] = address
        patient = role.find(f"{H}patient")
        if patient is not None:
            for element in patient.findall(f"{H}name"):
                text = _name_text(element)
                if not text:
                    continue
                if _is_kana(text):
                    doc.name_kana = doc.name_kana or text
                else:
                    doc.name = doc.name or text
            if doc.name and not doc.name_kana:
                self.warn("the examinee's name is not in katakana (the standard writes kana)")
            if doc.name_kana:
                patient_extra["name"] = doc.name_kana
            if doc.name:
                patient_extra["name_kanji"] = doc.name
            doc.sex = self._sex(patient.find(f"{H}administrativeGenderCode"))
            birth = patient.find(f"{H}birthTime")
            doc.birth_date = _ts_date(birth)
            if doc.birth_date is None:
                self.warn("the examinee's birth date is missing or not a date")
        else:
            self.warn("the document has no patient element (name, sex, birth date)")
        if patient_extra:
            extra["patient"] = patient_extra

    def _sex(self, element: Any) -> Sex | None:
        if element is None:
            self.warn("the examinee's sex is missing")
            return None
        code, system = element.get("code"), element.get("codeSystem")
        if system in (None, codes.SEX_SYSTEM):
            found = {"1": Sex.MALE, "2": Sex.FEMALE}.get(code or "")
        elif system == codes.HL7_GENDER_SYSTEM:
            found = {"M": Sex.MALE, "F": Sex.FEMALE}.get(code or "")
        else:
            found = None
        if found is None:
            self.warn("the examinee's sex is not coded as 1/2 in 1.2.392.200119.6.1104")
        return found

    def _voucher(self, root: Any, extra: dict[str, Any]) -> None:
        for participant in root.findall(f"{H}participant"):
            if participant.get("typeCode") != "HLD":
                continue
            voucher: dict[str, Any] = {}
            function = participant.find(f"{H}functionCode")
            if function is not None and function.get("code"):
                voucher["function_code"] = function.get("code")
            high = participant.find(f"{H}time/{H}high")
            if high is not None and high.get("value"):
                voucher["expires"] = high.get("value")
            entity = participant.find(f"{H}associatedEntity")
            if entity is not None:
                ident = entity.find(f"{H}id")
                if ident is not None:
                    voucher.update({k: v for k, v in (("number", ident.get("extension")),
                                                      ("root", ident.get("root"))) if v})
                insurer = entity.find(f"{H}scopingOrganization/{H}id")
                if insurer is not None and insurer.get("extension"):
                    voucher["insurer_number"] = insurer.get("extension")
            if voucher:
                extra.setdefault("vouchers", []).append(voucher)

    # -- body --------------------------------------------------------------------
    def _body(self, root: Any, period: int | None) -> None:
        body = root.find(f"{H}component/{H}structuredBody")
        if body is None:
            self.warn("the document has no structured body")
            return
        for section in body.iter(f"{H}section"):
            code = section.find(f"{H}code")
            info = _attrs(code, "code", "codeSystem") if code is not None else {}
            section_info = {key: info[attr] for key, attr in (("code", "code"),
                                                              ("code_system", "codeSystem"))
                            if attr in info}
            section_code = section_info.get("code") or ""
            if section_code not in codes.KNOWN_SECTIONS \
                    and section_code not in self.warned_sections:
                self.warned_sections.add(section_code)
                self.warn("a section other than 01010/01990 was read as well")
            for entry in section.findall(f"{H}entry"):
                observation = entry.find(f"{H}observation")
                if observation is None:
                    self.warn("an entry without an observation was ignored")
                    continue
                self._walk(observation, section_info, None)

    def _walk(self, obs: Any, section: dict[str, str], group: dict[str, Any] | None) -> None:
        code_el = obs.find(f"{H}code")
        code = (code_el.get("code") or "").strip() if code_el is not None else ""
        members = [(rel.get("typeCode"), rel.find(f"{H}observation"))
                   for rel in obs.findall(f"{H}entryRelationship")]
        members = [(kind, child) for kind, child in members if child is not None]
        if not code:
            if not members:
                self.warn("an observation without an item code was ignored")
                return
            # 一連検査グループ (§4): flatten, keeping the group's id and each relation.
            self.group_seq += 1
            found = codes.group_for([_code_of(child) for _, child in members])
            info: dict[str, Any] = {"id": found.id if found else None, "seq": self.group_seq}
            if found:
                info["name"] = found.name
            else:
                self.warn("a series group (一連検査グループ) of unknown items was flattened "
                          "without a group id")
            if group is not None:
                info["parent_seq"] = group["seq"]
            for kind, child in members:
                self._walk(child, section, {**info, "relation": kind})
            return
        self._add(self._item(obs, code_el, code, section, group))
        if members:
            self.group_seq += 1
            nested = {"id": code, "seq": self.group_seq, "parent": code}
            for kind, child in members:
                self._walk(child, section, {**nested, "relation": kind})

    def _add(self, entry: CheckupItem) -> None:
        if not ITEM_CODE.match(entry.code):
            self.unparsed.append(_item_dict(entry))
            self.warn("an observation whose code is not a 17-character item code was kept "
                      "aside (extra.unparsed_observations)")
            return
        if entry.code in self.items:
            self.duplicates.append(_item_dict(entry))
            self.warn(f"item {entry.code} appears more than once; the first is kept")
            return
        self.items[entry.code] = entry

    def _item(self, obs: Any, code_el: Any, code: str, section: dict[str, str],
              group: dict[str, Any] | None) -> CheckupItem:
        table = item(code)
        legacy = codes.LEGACY_ITEMS.get(code)
        written_system = code_el.get("codeSystem")
        display_name = _nfc(code_el.get("displayName"))
        detail: dict[str, Any] = {"code_system": written_system or codes.ITEM_CODE_SYSTEM}
        if written_system is None:
            detail["code_system_omitted"] = True
        elif written_system != codes.ITEM_CODE_SYSTEM:
            self.warn(f"item {code}: its code system is not the 特定健診 item code system")
        if display_name:
            detail["display_name"] = display_name
        if table is not None:
            name = table.name
        elif legacy is not None:
            name = legacy.name
            detail["legacy"] = legacy.tag
        else:
            name = display_name or code
            detail["unknown_item"] = True
            if ITEM_CODE.match(code):
                self.warn(f"item {code} is not in the 第4期 item tables; kept as written")
        label = f"item {code} ({name})"
        if obs.get("nullFlavor"):
            detail["observation_null_flavor"] = obs.get("nullFlavor")
        negation = (obs.get("negationInd") or "").strip().lower() in ("true", "1")
        if negation:
            detail["negation"] = True
        if section:
            detail["section"] = dict(section)
        if group is not None:
            detail["group"] = {k: v for k, v in group.items() if v is not None}
        value_type = table.value_type if table else (legacy.value_type if legacy else None)

        marker = None
        main = None
        extra_values: list[dict[str, str]] = []
        for element in obs.findall(f"{H}value"):
            if (marker is None and element.get("codeSystem") == codes.OUT_OF_RANGE_SYSTEM
                    and element.get("code") in codes.OUT_OF_RANGE):
                marker = element
            elif main is None:
                main = element
            else:
                extra_values.append(_raw_value(element))
        result = _Value()
        if marker is not None:
            result.comparator = codes.OUT_OF_RANGE[marker.get("code")]
            detail["range_marker"] = {k: v for k, v in (
                ("code", marker.get("code")), ("code_system", marker.get("codeSystem")),
                ("display_name", _nfc(marker.get("displayName")))) if v is not None}
        if main is not None:
            self._value(main, label, table, legacy, value_type, detail, result)
        elif marker is not None:
            result.display = codes.SPEC_VALUE_SETS[codes.OUT_OF_RANGE_SYSTEM].get(
                marker.get("code"))
            self.warn(f"{label}: an out-of-range marker without a number")
        else:
            result.status = ItemStatus.NOT_PERFORMED
            if not negation:
                self.warn(f"{label}: no value and no negationInd; recorded as not performed")
        if negation:
            if main is not None and main.get("nullFlavor") is None:
                self.warn(f"{label}: negationInd together with a value; the value is kept")
            else:
                result.status = ItemStatus.NOT_PERFORMED
        if extra_values:
            detail["extra_values"] = extra_values
            self.warn(f"{label}: more than one value; the first is used, the rest kept")
        flag = self._interpretation(obs, label, detail)
        self._method(obs, label, table, detail)
        reference = _reference_range(obs)
        if reference:
            detail["reference_range"] = reference
        author = _author(obs.find(f"{H}author"))
        if author:
            detail["author"] = author
            if code == codes.DOCTOR_JUDGEMENT_CODE and self.doctor is None:
                self.doctor = author
        return CheckupItem(code=code, name=name, value=result.value,
                           value_display=result.display, code_system=result.code_system,
                           unit=result.unit, comparator=result.comparator, flag=flag,
                           status=result.status, detail=detail)

    def _value(self, element: Any, label: str, table: ItemDef | None,
               legacy: codes.LegacyItem | None, value_type: str | None,
               detail: dict[str, Any], result: _Value) -> None:
        xsi_type = _xsi_type(element)
        if xsi_type is not None:
            detail["xsi_type"] = xsi_type
        else:
            xsi_type = _infer_type(element)
            self.warn(f"{label}: a value without xsi:type (read as {xsi_type})")
        if value_type is not None and xsi_type != value_type \
                and not {xsi_type, value_type} <= {"CD", "CO"}:
            self.warn(f"{label}: the value type {xsi_type} differs from the table's "
                      f"{value_type}; kept as written")
        flavor = element.get("nullFlavor")
        if flavor:
            detail["null_flavor"] = flavor
            result.status = (ItemStatus.NOT_PERFORMED if flavor in codes.NOT_PERFORMED_FLAVORS
                             else ItemStatus.UNMEASURABLE)
            if flavor != "NI":
                self.warn(f"{label}: nullFlavor {flavor} (the standard uses NI for "
                          "could-not-measure)")
            if xsi_type == "PQ" and element.get("unit") is not None:
                detail["unit"] = element.get("unit")
            return
        if xsi_type == "PQ":
            self._pq(element, label, table, legacy, detail, result)
        elif xsi_type in ("CD", "CO", "CE", "CV"):
            self._coded(element, label, table, detail, result)
        elif xsi_type == "ST":
            text = "".join(element.itertext())
            detail["value_text"] = text
            result.value = result.display = unicodedata.normalize("NFC", text)
            if table is not None and table.format.isdigit() and len(text) > int(table.format):
                self.warn(f"{label}: the text is longer than the table's {table.format} "
                          "characters; kept whole")
        else:
            text = element.get("value")
            if text is None:
                text = "".join(element.itertext())
            detail["value_text"] = text
            result.value = result.display = _nfc(text) or None
            self.warn(f"{label}: value type {xsi_type} is not used by 特定健診; kept as text")

    def _pq(self, element: Any, label: str, table: ItemDef | None,
            legacy: codes.LegacyItem | None, detail: dict[str, Any], result: _Value) -> None:
        text = element.get("value")
        unit = element.get("unit")
        if unit is not None:
            detail["unit"] = unit
        table_unit = table.ucum if table else (legacy.unit if legacy else None)
        result.unit = unit if unit is not None else table_unit
        if unit is not None and table_unit is not None and unit != table_unit:
            self.warn(f"{label}: the unit differs from the table's {table_unit}; kept as "
                      "written")
        if text is None:
            result.status = ItemStatus.UNMEASURABLE
            self.warn(f"{label}: a PQ value without a number; recorded as unmeasurable")
            return
        detail["value_text"] = text
        number = _decimal(text)
        result.display = text.strip()
        if number is None:
            self.warn(f"{label}: the value is not a number; kept as written")
            return
        result.value = float(number)
        if table is not None and _outside_format(number, table.format):
            self.warn(f"{label}: the value does not fit the table format {table.format}; "
                      "imported as written")

    def _coded(self, element: Any, label: str, table: ItemDef | None,
               detail: dict[str, Any], result: _Value) -> None:
        code = element.get("code")
        written = element.get("codeSystem")
        table_system = table.result_code_oid if table else None
        system = written or table_system
        if written is not None:
            detail["value_code_system"] = written
        value_display = _nfc(element.get("displayName"))
        if value_display:
            detail["value_display_name"] = value_display
        if code is None:
            self.warn(f"{label}: a coded value without a code")
            return
        detail["value_text"] = code
        if written is not None and table_system is not None and written != table_system:
            self.warn(f"{label}: the answer code system {written}{_period_hint(written)} "
                      f"differs from the 第4期 table's {table_system}; decoded with the file's")
        result.value = code
        result.code_system = system
        result.display = codes.decode(system, code, table) or value_display
        if result.display is None:
            self.warn(f"{label}: an answer code with no known meaning in {system}; kept")

    def _interpretation(self, obs: Any, label: str, detail: dict[str, Any]) -> str | None:
        element = obs.find(f"{H}interpretationCode")
        if element is None or element.get("code") is None:
            return None
        code = element.get("code")
        detail["interpretation"] = code
        if code in codes.FLAGS:
            return str(code)
        self.warn(f"{label}: interpretationCode other than H/L/N; kept in detail only")
        return None

    def _method(self, obs: Any, label: str, table: ItemDef | None,
                detail: dict[str, Any]) -> None:
        element = obs.find(f"{H}methodCode")
        if element is None or element.get("code") is None:
            return
        detail["method_code"] = element.get("code")
        detail["method_code_system"] = element.get("codeSystem") or codes.METHOD_CODE_SYSTEM
        expected = table.method_code if table else None
        if expected and len(expected) == 10 and element.get("code") != expected:
            self.warn(f"{label}: the method code differs from the table's {expected}")

    def _level(self, entry: CheckupItem | None, what: str) -> int | None:
        if entry is None or entry.value is None:
            return None
        if isinstance(entry.value, str) and entry.value in ("1", "2", "3", "4"):
            return int(entry.value)
        self.warn(f"the {what} is not coded 1–4; the header field is left empty")
        return None

    def _period_checks(self, entry: CheckupItem, period: int | None) -> None:
        label = codes.PERIOD_LABELS.get(period or 0, "unknown 期")
        if entry.detail.get("legacy") == "jds-hba1c":
            self.warn(f"item {entry.code}: HbA1c in JDS units (before FY2013, a {label} "
                      "exam); kept as JDS, never as an NGSP value")
        if period is not None and period < 4:
            if entry.code.startswith(codes.FOURTH_PERIOD_PREFIXES):
                self.warn(f"item {entry.code} is a 第4期 code but the exam is {label}")
            if entry.code_system in codes.FOURTH_PERIOD_SYSTEMS:
                self.warn(f"item {entry.code}: a 第4期 answer set in a {label} exam")


@dataclass(slots=True)
class _Value:
    value: float | str | None = None
    display: str | None = None
    code_system: str | None = None
    unit: str | None = None
    comparator: str | None = None
    status: ItemStatus = ItemStatus.MEASURED


# -- small helpers -----------------------------------------------------------------------


def _nfc(text: str | None) -> str | None:
    return unicodedata.normalize("NFC", text) if text is not None else None


def _int(text: str | None) -> int | None:
    try:
        return int(text) if text is not None else None
    except ValueError:
        return None


def _attrs(element: Any, *names: str) -> dict[str, str]:
    return {n: element.get(n) for n in names if element.get(n) is not None}


def _ts_date(element: Any) -> dt.date | None:
    """A ``TS``/``IVL_TS`` element's date (``@value`` or ``low/@value``, yyyyMMdd…)."""
    if element is None:
        return None
    value = element.get("value")
    if value is None:
        low = element.find(f"{H}low")
        value = low.get("value") if low is not None else None
    if value is None or not re.fullmatch(r"\d{8}\d*([+-]\d{4})?", value.strip()):
        return None
    text = value.strip()
    try:
        return dt.date(int(text[:4]), int(text[4:6]), int(text[6:8]))
    except ValueError:
        return None


def _organization(element: Any) -> dict[str, str]:
    if element is None:
        return {}
    out: dict[str, str] = {}
    ids = element.findall(f"{H}id")
    chosen = next((i for i in ids if i.get("root") == codes.INSTITUTION_ROOT
                   and i.get("extension")), None)
    chosen = chosen if chosen is not None else next((i for i in ids if i.get("extension")),
                                                    None)
    if chosen is not None:
        out["id"] = chosen.get("extension").strip()
        if chosen.get("root") and chosen.get("root") != codes.INSTITUTION_ROOT:
            out["id_root"] = chosen.get("root")
    name = element.find(f"{H}name")
    if name is not None:
        text = _name_text(name)
        if text:
            out["name"] = text
    return out


def _address(element: Any) -> dict[str, str]:
    if element is None:
        return {}
    out: dict[str, str] = {}
    postal = element.find(f"{H}postalCode")
    if postal is not None and (postal.text or "").strip():
        out["postal_code"] = postal.text.strip()
    parts = [element.text or ""]
    for child in element:
        if child is not postal:
            parts.append("".join(child.itertext()))
        parts.append(child.tail or "")
    text = " ".join(" ".join(parts).split())
    if text:
        out["text"] = unicodedata.normalize("NFC", text)
    return out


def _name_text(element: Any) -> str:
    if len(element):
        parts = [" ".join("".join(child.itertext()).split()) for child in element]
        text = " ".join(p for p in parts if p)
    else:
        text = (element.text or "").strip()
    return unicodedata.normalize("NFC", text)


def _is_kana(text: str) -> bool:
    letters = [ch for ch in text if not ch.isspace()]
    return bool(letters) and all("\u30a0" <= ch <= "\u30ff" or "\uff65" <= ch <= "\uff9f"
                                 for ch in letters)


def _code_of(observation: Any) -> str:
    code = observation.find(f"{H}code")
    return (code.get("code") or "") if code is not None else ""


def _xsi_type(element: Any) -> str | None:
    value = element.get(XSI_TYPE)
    return value.rpartition(":")[2].strip() if value else None


def _infer_type(element: Any) -> str:
    if element.get("code") is not None:
        return "CD"
    if element.get("value") is not None:
        return "PQ"
    return "ST"


def _raw_value(element: Any) -> dict[str, str]:
    out = {k.rpartition("}")[2]: v for k, v in element.attrib.items()}
    text = "".join(element.itertext())
    if text:
        out["text"] = text
    return out


def _decimal(text: str) -> Decimal | None:
    """A finite number that also fits a float (``1e999`` does not), else None."""
    stripped = text.strip()
    if not _NUMBER.match(stripped):
        return None
    try:
        number = Decimal(stripped)
    except InvalidOperation:
        return None
    return number if number.is_finite() and math.isfinite(float(number)) else None


def _outside_format(number: Decimal, table_format: str) -> bool:
    """True when ``number`` is negative or has more digits than e.g. ``NNN.N`` allows."""
    match = _NUMERIC_FORMAT.fullmatch(table_format)
    if match is None:
        return False
    if number < 0:
        return True
    whole_digits = len(str(int(number))) if number >= 1 else 0
    exponent = number.as_tuple().exponent
    decimals = -exponent if isinstance(exponent, int) and exponent < 0 else 0
    return whole_digits > len(match.group(1)) or decimals > len(match.group(2) or "")


def _period_hint(system: str) -> str:
    if system in codes.FOURTH_PERIOD_SYSTEMS:
        return " (第4期 answers)"
    if system == codes.OID + "2003":
        return " (the 第1〜3期 はい/いいえ answers)"
    return ""


def _reference_range(obs: Any) -> dict[str, Any]:
    element = obs.find(f"{H}referenceRange/{H}observationRange/{H}value")
    if element is None:
        return {}
    out: dict[str, Any] = {}
    xsi_type = _xsi_type(element)
    if xsi_type:
        out["xsi_type"] = xsi_type
    for bound in ("low", "high"):
        limit = element.find(f"{H}{bound}")
        if limit is not None:
            values = _attrs(limit, "value", "unit", "inclusive")
            if values:
                out[bound] = values
    return out


def _author(element: Any) -> dict[str, str]:
    if element is None:
        return {}
    out: dict[str, str] = {}
    time = element.find(f"{H}time")
    if time is not None and time.get("value"):
        out["time"] = time.get("value")
    assigned = element.find(f"{H}assignedAuthor")
    if assigned is not None:
        ident = assigned.find(f"{H}id")
        if ident is not None and ident.get("extension"):
            out["id"] = ident.get("extension")
        name = assigned.find(f"{H}assignedPerson/{H}name")
        if name is not None and _name_text(name):
            out["name"] = _name_text(name)
    return out


def _item_dict(entry: CheckupItem) -> dict[str, Any]:
    return {"code": entry.code, "name": entry.name, "value": entry.value,
            "value_display": entry.value_display, "code_system": entry.code_system,
            "unit": entry.unit, "comparator": entry.comparator, "flag": entry.flag,
            "status": entry.status.value, "detail": entry.detail}


__all__ = ["SLUG", "TokuteiCdaImporter", "root_element", "sniff_cda"]
