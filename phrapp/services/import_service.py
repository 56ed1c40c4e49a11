"""The import pipeline every format goes through: sniff -> parse -> preview -> commit; undo.

Contract (DESIGN "Import pipeline", CONTRACT §3–§5):

* :meth:`ImportService.preview` reads and parses every file completely, applies the
  people rule, and deduplicates against the vault and across the files by natural key
  (``domain.identity``). It writes nothing. The returned :class:`ImportPlan` is what the
  GUI shows and what ``import --dry-run`` prints.
* :meth:`ImportService.commit` writes a plan in **one** transaction (``BEGIN IMMEDIATE``):
  profiles to create, identities adopted, documents, added and replaced records, the
  batch row with each file's SHA-256, and a journal of every row added or replaced.
  A crash at any point leaves all of it or none of it.
* :meth:`ImportService.undo` reverses a batch from its journal in one transaction:
  added rows are deleted, replaced rows are restored from their stored snapshots,
  created profiles removed, adopted identities reverted.

Dedupe rules: the same natural key is a duplicate (the stored record, possibly edited by
the user, is kept) unless the incoming copy has a newer ``version`` (it replaces, counted
in ``replaced``) or an older one (skipped, reason ``older-version``). For BP and weight,
a reading from another source within 60 s with equal values is a probable duplicate
(skipped, reason ``probable-duplicate``).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
import uuid
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol, runtime_checkable

from phrapp.domain.identity import NaturalKey, natural_key
from phrapp.domain.people import Assignment, PersonInfo, resolve
from phrapp.domain.records import (
    BloodPressure,
    Checkup,
    Profile,
    Record,
    RecordKind,
    Source,
    Weight,
    kind_of,
)
from phrapp.domain.time import DEFAULT_ZONE, to_utc_text, utc_now
from phrapp.domain.validation import errors_of, validate, warnings_of
from phrapp.errors import MalformedInput, NotFound, PhrError, Refused, TooLarge, UnsupportedFormat
from phrapp.io.importers.base import (
    Importer,
    ImporterRegistry,
    ImportSource,
    ParseContext,
    ParsedDocument,
    ParsedRecord,
    ParseSkip,
    ParseWarning,
    default_registry,
)
from phrapp.services.csv_mappings import CsvMappingService
from phrapp.services.profiles import ProfileService
from phrapp.services.session import Session
from phrapp.storage import audit
from phrapp.storage.repositories.batches import JournalEntry
from phrapp.storage.repositories.records import RecordRepository

log = logging.getLogger(__name__)

PROBABLE_DUPLICATE_SECONDS = 60
VERSION_KEY = "version"  # where a record's source version (e.g. update_time) is kept in extra
Progress = Callable[[str, str, int, int], None]  # (stage, file name, done, total)


@dataclass(slots=True)
class FilePlan:
    """One file's outcome (the CONTRACT ``import --json`` file entry) and its work list."""

    name: str
    format: str
    sha256: str
    size: int
    persons: int = 0
    profile_ids: list[str] = field(default_factory=list)
    added: Counter[str] = field(default_factory=Counter)
    replaced: Counter[str] = field(default_factory=Counter)
    duplicates: Counter[str] = field(default_factory=Counter)
    skipped: Counter[str] = field(default_factory=Counter)
    warnings: list[str] = field(default_factory=list)
    profiles_created: list[str] = field(default_factory=list)
    seen_before: bool = False
    to_add: list[Record] = field(default_factory=list)
    to_replace: list[tuple[str, Record]] = field(default_factory=list)  # (old id, new record)
    documents: list[tuple[ParsedDocument, str]] = field(default_factory=list)  # (doc, profile ref)
    assignments: dict[str, Assignment] = field(default_factory=dict)


@dataclass(slots=True)
class ImportPlan:
    files: list[FilePlan]
    # Profiles to create, by planned name -> the PersonInfo they come from.
    create: dict[str, PersonInfo] = field(default_factory=dict)
    # Profiles adopting an identity: profile id -> PersonInfo.
    adopt: dict[str, PersonInfo] = field(default_factory=dict)
    names: dict[str, str] = field(default_factory=dict)  # profile id -> name (existing)

    def to_json(self, batch: str | None) -> dict[str, Any]:
        """The CONTRACT ``import --json`` object."""
        return {"batch": batch, "files": [self._file_json(f) for f in self.files]}

    def _file_json(self, f: FilePlan) -> dict[str, Any]:
        names = [self.names.get(pid, pid) for pid in f.profile_ids]
        out: dict[str, Any] = {
            "file": f.name, "format": f.format, "persons": f.persons,
            "added": dict(f.added), "replaced": dict(f.replaced),
            "duplicates": dict(f.duplicates),
            "skipped": [{"reason": r, "count": n} for r, n in sorted(f.skipped.items())],
            "warnings": list(f.warnings), "profiles_created": list(f.profiles_created),
        }
        if len(names) > 1:
            out["profiles"] = names
        else:
            out["profile"] = names[0] if names else None
        return out


def _new_profile_ref(name: str) -> str:
    return f"new:{name}"


@runtime_checkable
class SourceGrouper(Protocol):
    """An importer whose input may arrive in parts (JAHIS split data ``911``, several QR
    photos). :meth:`ImportService.preview` hands it, in order, every source it was
    detected for; it answers with the inputs to parse: each entry names the indexes of
    the sources it covers (every index exactly once) and the source to parse for them (a
    source unchanged, or one that joins the parts). A missing part is reported when the
    joined source is parsed."""

    def group_sources(self, sources: Sequence[ImportSource]
                      ) -> list[tuple[tuple[int, ...], ImportSource]]: ...


class ImportService:
    def __init__(self, session: Session, registry: ImporterRegistry | None = None) -> None:
        self.session = session
        self.repos = session.repos
        if registry is None:
            registry = default_registry()
            # csv-mapped: the vault's saved column mappings first, then the built-ins.
            registry.importers = [CsvMappingService(session).importer()
                                  if i.slug == "csv-mapped" else i for i in registry.importers]
        self.registry = registry
        self.profiles = ProfileService(session)
        self._detected: dict[int, tuple[ImportSource, Importer | None]] = {}

    # -- inputs ------------------------------------------------------------------
    def _importer_for(self, source: ImportSource) -> Importer | None:
        """The importer for ``source``, sniffed once: a sniff may decode an image (QR), and
        expand, grouping and planning all ask."""
        key = id(source)
        if key not in self._detected:
            # The source is kept beside its answer so its id cannot be reused meanwhile.
            self._detected[key] = (source, self.registry.detect(source))
        return self._detected[key][1]

    def expand(self, paths: Iterable[Path]) -> list[ImportSource]:
        """Files, and every importable file of a folder (not recursive), in name order."""
        sources: list[ImportSource] = []
        for path in paths:
            if path.is_dir():
                found = [ImportSource.from_path(p) for p in sorted(path.iterdir())
                         if p.is_file() and not p.name.startswith(".")]
                found = [s for s in found if self._importer_for(s) is not None]
                if not found:
                    raise UnsupportedFormat("the folder holds no file phrapp can import",
                                            path=path.name)
                sources.extend(found)
            elif path.is_file():
                sources.append(ImportSource.from_path(path))
            else:
                raise NotFound("no such file", path=str(path))
        return sources

    # -- preview -----------------------------------------------------------------
    def preview(self, paths: Sequence[Path], *, profile: str | None = None,
                create_profiles: bool = False, progress: Progress | None = None,
                cancelled: Callable[[], bool] | None = None) -> ImportPlan:
        """Parse and plan; writes nothing. Raises a typed PhrError on refused input."""
        requested = self.profiles.get(profile) if profile else None
        active = self.profiles.active_or_none()
        existing = self.repos.profiles.all()
        plan = ImportPlan(files=[], names={p.id: p.name for p in existing})
        planner = _Deduper(self.repos.records)
        self._detected.clear()  # files may have changed since an earlier preview
        for source in self._grouped(self.expand(paths)):
            plan.files.append(self._plan_file(source, plan, planner, existing, active, requested,
                                              create_profiles, progress, cancelled))
        return plan

    def _grouped(self, sources: list[ImportSource]) -> list[ImportSource]:
        """Sources with the parts of a split input joined (see :class:`SourceGrouper`).

        The order is kept; a joined source takes the place of its first part.
        """
        slots: dict[str, list[int]] = defaultdict(list)
        groupers: dict[str, SourceGrouper] = {}
        for index, source in enumerate(sources):
            importer = self._importer_for(source)
            if isinstance(importer, SourceGrouper):
                slots[importer.slug].append(index)
                groupers[importer.slug] = importer
        if not slots:
            return sources
        placed: dict[int, ImportSource | None] = dict(enumerate(sources))
        for slug, indexes in slots.items():
            for index in indexes:
                placed[index] = None
            seen: list[int] = []
            for members, joined in groupers[slug].group_sources([sources[i] for i in indexes]):
                seen.extend(members)
                placed[min(indexes[m] for m in members)] = joined
            if sorted(seen) != list(range(len(indexes))):
                raise RuntimeError(f"importer {slug} did not group each source exactly once")
        return [s for _, s in sorted(placed.items()) if s is not None]

    def _plan_file(self, source: ImportSource, plan: ImportPlan, planner: _Deduper,
                   existing: list[Profile], active: Profile | None, requested: Profile | None,
                   create_profiles: bool, progress: Progress | None,
                   cancelled: Callable[[], bool] | None) -> FilePlan:
        importer = self._importer_for(source)
        if importer is None:
            raise UnsupportedFormat("phrapp does not recognise this file's format",
                                    path=source.name)
        if source.size > importer.max_bytes:
            raise TooLarge(f"the file is larger than {importer.max_bytes // 2**20} MB",
                           path=source.name)
        sha = source.sha256()
        fp = FilePlan(name=source.name, format=importer.slug, sha256=sha, size=source.size)
        if self.repos.batches.file_seen(sha):
            fp.seen_before = True
            fp.warnings.append("this file was imported before; only new records are added")
        target = requested or active
        zone_name = target.home_zone if target else DEFAULT_ZONE

        def on_progress(done: int) -> None:
            if progress:
                progress("parse", source.name, done, source.size)

        ctx = ParseContext(home_zone=zone_name, progress=on_progress,
                           cancelled=cancelled or (lambda: False))
        persons: list[PersonInfo] = []
        parsed: list[ParsedRecord] = []
        try:
            for item in importer.parse(source, ctx):
                if isinstance(item, PersonInfo):
                    persons.append(item)
                elif isinstance(item, ParsedRecord):
                    parsed.append(item)
                elif isinstance(item, ParsedDocument):
                    fp.documents.append((item, item.person or ""))
                elif isinstance(item, ParseWarning):
                    fp.warnings.append(item.text)
                elif isinstance(item, ParseSkip):
                    fp.skipped[item.reason] += item.count
        except PhrError as exc:
            if exc.path is None:
                exc.path = source.name
            raise
        except (ValueError, KeyError, IndexError, TypeError, UnicodeError, RecursionError,
                OverflowError) as exc:
            # An importer bug must not crash on hostile input: refuse the file instead.
            log.warning("importer %s failed: %s", importer.slug, type(exc).__name__)
            raise MalformedInput(f"the file could not be read ({type(exc).__name__})",
                                 path=source.name) from None
        fp.persons = len(persons)
        # People rule: profiles planned by earlier files count as existing ones.
        planned = [Profile(id=_new_profile_ref(n), name=n, sex=p.sex, birth_date=p.birth_date,
                           name_kana=p.name_kana) for n, p in plan.create.items()]
        adopted = [dataclasses.replace(p, sex=plan.adopt[p.id].sex,
                                       birth_date=plan.adopt[p.id].birth_date)
                   if p.id in plan.adopt else p for p in existing]
        active_now = next((p for p in adopted if active and p.id == active.id), None)
        resolution = resolve(persons, adopted + planned, active_now, requested=requested,
                             create_profiles=create_profiles)
        fp.warnings.extend(resolution.warnings)
        by_ref = {p.ref: p for p in persons}
        for ref, assignment in resolution.assignments.items():
            if assignment.create_name is not None:
                plan.create[assignment.create_name] = by_ref[ref]
                fp.profiles_created.append(assignment.create_name)
                plan.names[_new_profile_ref(assignment.create_name)] = assignment.create_name
                assignment = Assignment(ref, _new_profile_ref(assignment.create_name))
            elif assignment.adopt and assignment.profile_id is not None:
                plan.adopt[assignment.profile_id] = by_ref[ref]
            fp.assignments[ref] = assignment
        default_profile = target.id if target else None

        def profile_for(person_ref: str | None) -> str:
            if person_ref is not None and person_ref in fp.assignments:
                pid = fp.assignments[person_ref].profile_id
                assert pid is not None
                return pid
            if default_profile is None:
                raise NotFound("this vault has no profile yet (run `phrapp profile add NAME`)")
            return default_profile

        for index, item in enumerate(parsed):
            if progress and index % 5000 == 0:
                progress("plan", source.name, index, len(parsed))
            profile_id = profile_for(item.person)
            record = dataclasses.replace(item.record, profile_id=profile_id)
            if item.version is not None:
                record = dataclasses.replace(record, extra={**record.extra,
                                                            VERSION_KEY: item.version})
            issues = validate(record)
            errors = errors_of(issues)
            if errors:
                fp.skipped["invalid-value"] += 1
                if len(fp.warnings) < 100:
                    fp.warnings.append(f"skipped a {kind_of(record).value} record: "
                                       f"{errors[0].message}")
                continue
            for warning in warnings_of(issues)[:1]:
                if len(fp.warnings) < 100:
                    fp.warnings.append(warning.message)
            planner.place(record, item.version, fp)
        # A stored original belongs to the records that point at it: when those were all
        # duplicates (the same exam imported again), the document is not stored twice.
        referenced = set().union(*(_document_ids(item.record) for item in parsed))
        kept = set().union(*(_document_ids(r) for r in fp.to_add),
                           *(_document_ids(r) for _, r in fp.to_replace))
        fp.documents = [(doc, ref) for doc, ref in fp.documents
                        if doc.id not in referenced or doc.id in kept]
        for _doc, ref in fp.documents:
            profile_for(ref or None)
        fp.profile_ids = sorted({profile_for(a.ref) for a in fp.assignments.values()}
                                | {r.profile_id for r in fp.to_add}
                                | {r.profile_id for _, r in fp.to_replace}
                                | ({default_profile} if default_profile and not fp.assignments
                                   else set()))
        return fp

    # -- commit ------------------------------------------------------------------
    def commit(self, plan: ImportPlan) -> str:
        """Write ``plan`` in one transaction; returns the batch id."""
        batch_id = str(uuid.uuid4())
        now = utc_now()
        db = self.session.db
        journal: list[JournalEntry] = []

        def note(action: str, kind: str, record_id: str, previous: Any = None) -> None:
            journal.append(JournalEntry(len(journal), action, kind, record_id, previous))

        with db.transaction():
            new_ids: dict[str, str] = {}
            for name, person in plan.create.items():
                if self.repos.profiles.by_name(name) is not None:
                    raise Refused(f"a profile named {name!r} already exists",
                                  code="profile-exists")
                created = Profile(name=name, sex=person.sex, birth_date=person.birth_date,
                                  name_kana=person.name_kana)
                self.repos.profiles.add(created)
                new_ids[_new_profile_ref(name)] = created.id
                plan.names[created.id] = name
                note("added", "profile", created.id)
            for profile_id, person in plan.adopt.items():
                current = self.repos.profiles.by_id(profile_id)
                if current is None:
                    raise NotFound("the profile no longer exists")
                note("replaced", "profile", profile_id, {
                    "sex": current.sex.value if current.sex else None,
                    "birth_date": current.birth_date.isoformat() if current.birth_date else None,
                    "name_kana": current.name_kana})
                self.repos.profiles.update(dataclasses.replace(
                    current, sex=person.sex, birth_date=person.birth_date,
                    name_kana=current.name_kana or person.name_kana))

            def fix(record: Record) -> Record:
                pid = new_ids.get(record.profile_id, record.profile_id)
                src = record.source
                return dataclasses.replace(record, profile_id=pid,
                                           source=Source(src.app, src.device, batch_id),
                                           created_at=now, updated_at=now)

            added: dict[RecordKind, list[Record]] = defaultdict(list)
            for fp in plan.files:
                for doc, ref in fp.documents:
                    pid = (fp.assignments[ref].profile_id if ref in fp.assignments else
                           (fp.profile_ids[0] if fp.profile_ids else None))
                    pid = new_ids.get(pid or "", pid)
                    db.execute(
                        "INSERT INTO documents (id, profile_id, format, name, sha256, content, "
                        "created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                        (doc.id, pid, doc.format, doc.name, _sha(doc.content), doc.content,
                         to_utc_text(now)))
                    note("added", "document", doc.id)
                for record in fp.to_add:
                    fixed = fix(record)
                    added[kind_of(fixed)].append(fixed)
                    note("added", kind_of(fixed).value, fixed.id)
                for old_id, record in fp.to_replace:
                    repo = self.repos.of(record)
                    snapshot = repo.snapshot(old_id)
                    if snapshot is None:
                        raise NotFound("a record to replace no longer exists")
                    old = repo.get(old_id)
                    assert old is not None
                    repo.delete(old_id)
                    fixed = dataclasses.replace(fix(record), id=old_id,
                                                created_at=old.created_at)
                    repo.add(fixed)
                    note("replaced", kind_of(fixed).value, old_id, snapshot)
            for kind, records in added.items():
                self.repos.records(kind).add_many(records)
            profile_ids = sorted({new_ids.get(p, p) for f in plan.files for p in f.profile_ids})
            for fp in plan.files:
                fp.profile_ids = [new_ids.get(p, p) for p in fp.profile_ids]
            self.repos.batches.create(batch_id, to_utc_text(now), profile_ids,
                                      plan.to_json(batch_id))
            for seq, fp in enumerate(plan.files):
                self.repos.batches.add_file(batch_id, seq, fp.name, fp.sha256, fp.size, fp.format)
            self.repos.batches.journal(batch_id, journal)
            audit.record(db, "import", batch=batch_id, files=len(plan.files),
                         formats=sorted({f.format for f in plan.files}),
                         count=sum(len(f.to_add) + len(f.to_replace) for f in plan.files))
        return batch_id

    # -- undo / history ----------------------------------------------------------
    def undo(self, batch_id: str) -> dict[str, int]:
        """Restore the state before ``batch_id``; returns counts removed/restored."""
        batch = self.repos.batches.get(batch_id)
        if batch is None:
            raise NotFound("no such import batch", path=batch_id)
        if batch.undone_at is not None:
            raise Refused("this import was already undone", code="already-undone")
        counts: Counter[str] = Counter()
        db = self.session.db
        with db.transaction():
            for entry in reversed(self.repos.batches.entries(batch_id)):
                if entry.kind == "profile":
                    if entry.action == "added":
                        self.repos.profiles.delete(entry.record_id)
                    else:
                        current = self.repos.profiles.by_id(entry.record_id)
                        prev = entry.previous or {}
                        if current is not None:
                            from phrapp.domain.records import Sex
                            self.repos.profiles.update(dataclasses.replace(
                                current, sex=Sex(prev["sex"]) if prev.get("sex") else None,
                                birth_date=(dt.date.fromisoformat(prev["birth_date"])
                                            if prev.get("birth_date") else None),
                                name_kana=prev.get("name_kana")))
                    counts[f"profile-{entry.action}"] += 1
                elif entry.kind == "document":
                    db.execute("DELETE FROM documents WHERE id = ?", (entry.record_id,))
                else:
                    repo = self.repos.records(RecordKind(entry.kind))
                    if entry.action == "added":
                        repo.delete(entry.record_id)
                        counts["removed"] += 1
                    elif entry.previous is not None:
                        repo.restore(entry.previous)
                        counts["restored"] += 1
            self.repos.batches.mark_undone(batch_id, to_utc_text(utc_now()))
            audit.record(db, "import-undone", batch=batch_id,
                         count=counts["removed"] + counts["restored"])
        return dict(counts)

    def history(self) -> list[dict[str, Any]]:
        """Committed batches, oldest first (no health values)."""
        out = []
        for b in self.repos.batches.history():
            files = b.summary.get("files", [])
            out.append({
                "batch": b.id, "committed_at": b.committed_at.replace(".000000", ""),
                "undone_at": b.undone_at,
                "files": [{"file": f["name"], "format": f["format"], "sha256": f["sha256"],
                           "size": f["size"]} for f in b.files],
                "added": _sum_counts(f.get("added", {}) for f in files),
                "replaced": _sum_counts(f.get("replaced", {}) for f in files),
                # Names as they were at import time (a profile may be renamed later).
                "profiles": sorted({name for f in files
                                    for name in ([f["profile"]] if f.get("profile")
                                                 else f.get("profiles", []))}),
                "profiles_created": sorted({n for f in files
                                            for n in f.get("profiles_created", [])}),
            })
        return out


def _document_ids(record: Record) -> set[str]:
    """The stored originals a record comes from: a checkup's ``document_id``, or the
    ``document_ids`` other formats list in ``extra`` (one JAHIS file, many records)."""
    ids = {getattr(record, "document_id", None), *record.extra.get("document_ids", ())}
    return {i for i in ids if isinstance(i, str)}


def _sum_counts(items: Iterable[dict[str, int]]) -> dict[str, int]:
    total: Counter[str] = Counter()
    for item in items:
        total.update(item)
    return dict(total)


def _sha(data: bytes) -> str:
    import hashlib

    return hashlib.sha256(data).hexdigest()


class _Deduper:
    """Places each incoming record as add / replace / duplicate / skip (see module doc)."""

    def __init__(self, repo_for: Callable[[RecordKind], RecordRepository]) -> None:
        self._repo_for = repo_for
        # (profile, kind) -> natural key -> (record id or None if planned, version)
        self._index: dict[tuple[str, RecordKind], dict[NaturalKey, tuple[str | None,
                                                                        str | None]]] = {}
        # (profile, kind) -> minute -> [(epoch seconds, values, source key)]
        self._near: dict[tuple[str, RecordKind], dict[int, list[tuple[float, tuple[Any, ...],
                                                                      str]]]] = {}

    def _keys(self, profile_id: str, kind: RecordKind) -> dict[NaturalKey,
                                                               tuple[str | None, str | None]]:
        slot = (profile_id, kind)
        if slot not in self._index:
            index: dict[NaturalKey, tuple[str | None, str | None]] = {}
            near: dict[int, list[tuple[float, tuple[Any, ...], str]]] = defaultdict(list)
            if not profile_id.startswith("new:"):
                for record in self._repo_for(kind).list([profile_id]):
                    index[natural_key(record)] = (record.id, record.extra.get(VERSION_KEY))
                    _add_near(near, record)
            self._index[slot] = index
            self._near[slot] = near
        return self._index[slot]

    def place(self, record: Record, version: str | None, fp: FilePlan) -> None:
        kind = kind_of(record)
        keys = self._keys(record.profile_id, kind)
        key = natural_key(record)
        if key in keys:
            stored_id, stored_version = keys[key]
            if version is not None and stored_version is not None and version > stored_version:
                if stored_id is None:
                    # Two copies inside this import: keep the newer one in the plan.
                    for i, planned in enumerate(fp.to_add):
                        if kind_of(planned) is kind and natural_key(planned) == key \
                                and planned.profile_id == record.profile_id:
                            fp.to_add[i] = record
                    fp.duplicates[kind.value] += 1
                else:
                    fp.to_replace.append((stored_id, record))
                    fp.replaced[kind.value] += 1
                keys[key] = (stored_id, version)
            elif version is not None and stored_version is not None and version < stored_version:
                fp.skipped["older-version"] += 1
            else:
                fp.duplicates[kind.value] += 1
            return
        if isinstance(record, BloodPressure | Weight) and self._probable_duplicate(record):
            fp.skipped["probable-duplicate"] += 1
            return
        keys[key] = (None, version)
        _add_near(self._near[(record.profile_id, kind)], record)
        fp.to_add.append(record)
        fp.added[kind.value] += 1

    def _probable_duplicate(self, record: BloodPressure | Weight) -> bool:
        near = self._near[(record.profile_id, kind_of(record))]
        at = record.measured_at.timestamp()
        values = _values(record)
        source = record.source.identity_key()
        minute = int(at // 60)
        for m in (minute - 1, minute, minute + 1):
            for other_at, other_values, other_source in near.get(m, ()):
                if (other_source != source and abs(other_at - at) <= PROBABLE_DUPLICATE_SECONDS
                        and other_values == values):
                    return True
        return False


def _values(record: Record) -> tuple[Any, ...]:
    if isinstance(record, BloodPressure):
        return (record.systolic, record.diastolic, record.pulse)
    if isinstance(record, Weight):
        return (round(record.kg, 1),)
    return ()


def _add_near(near: dict[int, list[tuple[float, tuple[Any, ...], str]]], record: Record) -> None:
    if isinstance(record, BloodPressure | Weight):
        at = record.measured_at.timestamp()
        near[int(at // 60)].append((at, _values(record), record.source.identity_key()))


__all__ = ["Checkup", "FilePlan", "ImportPlan", "ImportService"]
