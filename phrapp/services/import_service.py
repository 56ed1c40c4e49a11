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

Cancel: ``preview(cancelled=…)`` is asked between files, while a file is parsed (the
importers stop early) and while it is planned; once it answers True the preview raises
:class:`ImportCancelled` and returns no plan, so nothing is planned or written.

Memory and speed (a 1,000,000-row exchange-protocol CSV, a multi-GB Apple export): the
plan keeps each record as parsed, with its profile id and version
(:data:`PlannedRecord`), instead of rebuilding every record twice; the commit turns
them straight into rows that stream into ``executemany`` (``RecordRepository.
add_imported``) and journal rows that stream the same way. The file's SHA-256 is taken
beside the parse, not in a pass before it.

Dedupe rules: the same natural key is a duplicate (the stored record, possibly edited by
the user, is kept) unless the incoming copy has a newer ``version`` (it replaces, counted
in ``replaced``) or an older one (skipped, reason ``older-version``). For BP and weight,
a reading from another source within 60 s with equal values is a probable duplicate
(skipped, reason ``probable-duplicate``).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import gc
import hashlib
import logging
import threading
import uuid
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
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
    Steps,
    Weight,
    kind_of,
)
from phrapp.domain.time import DEFAULT_ZONE, minute_key, to_utc_text, utc_now
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
from phrapp.storage.database import Database
from phrapp.storage.repositories.batches import JournalEntry
from phrapp.storage.repositories.records import RecordRepository

log = logging.getLogger(__name__)

PROBABLE_DUPLICATE_SECONDS = 60
VERSION_KEY = "version"  # where a record's source version (e.g. update_time) is kept in extra
Progress = Callable[[str, str, int, int], None]  # (stage, file name, done, total)
#: A record in a plan: (the record as parsed, its profile id or ``new:NAME`` ref, its
#: version). The record is not rebuilt in the preview (its ``profile_id`` may still be
#: ""): the commit stores it with that profile and the version in ``extra``
#: (:func:`_stored_extra`). Three references per record, not a second record object.
PlannedRecord = tuple[Record, str, str | None]
PLAN_PROGRESS_EVERY = 5000  # records between plan progress reports and cancel checks


class ImportCancelled(Refused):
    """The person cancelled the preview: nothing was planned, nothing is written."""

    code = "cancelled"


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
    to_add: list[PlannedRecord] = field(default_factory=list)
    to_replace: list[tuple[str, PlannedRecord]] = field(default_factory=list)  # (old id, new)
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
    def __init__(self, session: Session, registry: ImporterRegistry | None = None, *,
                 share_passphrase: Callable[[], str] | None = None) -> None:
        """``share_passphrase``: asked only when a share package is read (the CLI prompts
        or reads ``PHRAPP_SHARE_PASSPHRASE``, the app shows a dialog)."""
        self.session = session
        self.repos = session.repos
        if registry is None:
            registry = default_registry()
            # csv-mapped: the vault's saved column mappings first, then the built-ins.
            replace: dict[str, Importer] = {"csv-mapped": CsvMappingService(session).importer()}
            if share_passphrase is not None:
                # Imported here, like the registry's importers: not at app start-up.
                from phrapp.io.importers.phrapp_share import PhrappShareImporter

                replace["phrapp-share"] = PhrappShareImporter(share_passphrase)
            registry.importers = [replace.get(i.slug, i) for i in registry.importers]
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
        with _quiet_gc():
            return self._preview(paths, profile=profile, create_profiles=create_profiles,
                                 progress=progress, cancelled=cancelled)

    def _preview(self, paths: Sequence[Path], *, profile: str | None,
                 create_profiles: bool, progress: Progress | None,
                 cancelled: Callable[[], bool] | None) -> ImportPlan:
        requested = self.profiles.get(profile) if profile else None
        active = self.profiles.active_or_none()
        existing = self.repos.profiles.all()
        plan = ImportPlan(files=[], names={p.id: p.name for p in existing})
        planner = _Deduper(self.repos.records)
        self._detected.clear()  # files may have changed since an earlier preview
        for source in self._grouped(self.expand(paths)):
            if cancelled is not None and cancelled():
                raise ImportCancelled("the import was cancelled; nothing was imported",
                                      path=source.name)
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
        hashing = _Hashing(source)
        fp = FilePlan(name=source.name, format=importer.slug, sha256="", size=source.size)
        target = requested or active
        zone_name = target.home_zone if target else DEFAULT_ZONE

        def on_progress(done: int) -> None:
            if progress:
                progress("parse", source.name, done, source.size)

        is_cancelled = cancelled or (lambda: False)

        def stop_if_cancelled() -> None:
            if is_cancelled():
                raise ImportCancelled("the import was cancelled; nothing was imported",
                                      path=source.name)

        ctx = ParseContext(home_zone=zone_name, progress=on_progress, cancelled=is_cancelled)
        persons: list[PersonInfo] = []
        parsed: list[ParsedRecord | None] = []
        hashing.start()
        try:
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
        except BaseException:
            hashing.stop()  # refused or cancelled: the hash is not needed any more
            raise
        fp.sha256 = hashing.result()
        if self.repos.batches.file_seen(fp.sha256):
            fp.seen_before = True
            # First, as it always was (it was added before the file was parsed).
            fp.warnings.insert(0, "this file was imported before; only new records are added")
        # An importer stops early when cancelled and returns what it read so far: that
        # partial file must not be planned (and then committed) as if it were whole.
        stop_if_cancelled()
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

        now = utc_now()  # one "now" for the whole file's future-date check
        referenced: set[str] = set()  # stored originals the parsed records point at
        watch_documents = bool(fp.documents)
        total = len(parsed)
        for index in range(total):
            parsed_item = parsed[index]
            assert parsed_item is not None
            parsed[index] = None  # the record is held once: by the plan, if it is added
            if index % PLAN_PROGRESS_EVERY == 0:
                stop_if_cancelled()
                if progress:
                    progress("plan", source.name, index, total)
            record = parsed_item.record
            if watch_documents:
                _add_document_ids(record, referenced)
            profile_id = profile_for(parsed_item.person)
            issues = validate(record, now)
            if issues:
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
            planner.place((record, profile_id, parsed_item.version), fp)
        del parsed
        stop_if_cancelled()  # a cancel while planning: the plan would be partial too
        # A stored original belongs to the records that point at it: when those were all
        # duplicates (the same exam imported again), the document is not stored twice.
        if watch_documents:
            kept: set[str] = set()
            for entry in fp.to_add:
                _add_document_ids(entry[0], kept)
            for _, entry in fp.to_replace:
                _add_document_ids(entry[0], kept)
            fp.documents = [(doc, ref) for doc, ref in fp.documents
                            if doc.id not in referenced or doc.id in kept]
        for _doc, ref in fp.documents:
            profile_for(ref or None)
        fp.profile_ids = sorted({profile_for(a.ref) for a in fp.assignments.values()}
                                | {p[1] for p in fp.to_add}
                                | {p[1] for _, p in fp.to_replace}
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

        rows = sum(len(fp.to_add) + len(fp.to_replace) for fp in plan.files)
        with _bulk_page_cache(db, rows), _quiet_gc(), db.transaction():
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

            def final(planned: PlannedRecord, **changes: Any) -> Record:
                """The record as stored (only for the few replaced ones: added records
                go to the repository as (record, profile id, extra) without a rebuild)."""
                record, profile_id, version = planned
                src = record.source
                values: dict[str, Any] = {
                    "profile_id": new_ids.get(profile_id, profile_id),
                    "extra": _stored_extra(record, version),
                    "source": Source(src.app, src.device, batch_id), "created_at": now,
                    "updated_at": now}
                values.update(changes)
                return dataclasses.replace(record, **values)

            # The journal, in the order the entries always had: profiles, then per file
            # its documents, its added records, its replaced ones. Added records are not
            # copied into it here: their entries stream from the plan when it is written.
            segments: list[list[JournalEntry] | FilePlan] = [journal]
            kinds: dict[RecordKind, None] = {}
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
                segments.append(fp)
                for planned in fp.to_add:
                    kinds.setdefault(kind_of(planned[0]))
                journal = []
                segments.append(journal)
                for old_id, planned in fp.to_replace:
                    repo = self.repos.of(planned[0])
                    snapshot = repo.snapshot(old_id)
                    if snapshot is None:
                        raise NotFound("a record to replace no longer exists")
                    old = repo.get(old_id)
                    assert old is not None
                    repo.delete(old_id)
                    fixed = final(planned, id=old_id, created_at=old.created_at)
                    repo.add(fixed)
                    note("replaced", kind_of(fixed).value, old_id, snapshot)
            # Records grouped by kind (in order of first appearance), each kind's in file
            # order: the same insert order as before.
            for kind in kinds:
                self.repos.records(kind).add_imported(
                    ((record, new_ids.get(pid, pid), _stored_extra(record, version))
                     for fp in plan.files for record, pid, version in fp.to_add
                     if kind_of(record) is kind),
                    batch_id=batch_id, stamped_at=now)
            profile_ids = sorted({new_ids.get(p, p) for f in plan.files for p in f.profile_ids})
            for fp in plan.files:
                fp.profile_ids = [new_ids.get(p, p) for p in fp.profile_ids]
            self.repos.batches.create(batch_id, to_utc_text(now), profile_ids,
                                      plan.to_json(batch_id))
            for seq, fp in enumerate(plan.files):
                self.repos.batches.add_file(batch_id, seq, fp.name, fp.sha256, fp.size, fp.format)
            self.repos.batches.journal(batch_id, _journal_entries(segments))
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


def _add_document_ids(record: Record, into: set[str]) -> None:
    """Add the stored originals a record comes from: a checkup's ``document_id``, or the
    ``document_ids`` other formats list in ``extra`` (one JAHIS file, many records)."""
    document_id = getattr(record, "document_id", None)
    if isinstance(document_id, str):
        into.add(document_id)
    into.update(i for i in record.extra.get("document_ids", ()) if isinstance(i, str))


@contextmanager
def _quiet_gc() -> Iterator[None]:
    """Keep the cyclic GC off the objects that existed before the import.

    An import allocates millions of short-lived containers (lxml proxies, tuples), so
    the collector runs often, and each full collection walked every long-lived object
    of the process (modules, the app) again: 15–20 % of a 400 MB Apple preview here.
    ``gc.freeze()`` parks those in the permanent generation for the duration; the import's
    own garbage is still collected. Nothing is done when someone else froze already.
    """
    if gc.get_freeze_count():
        yield
        return
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


@contextmanager
def _bulk_page_cache(db: Database, rows: int) -> Iterator[None]:
    """A larger SQLite page cache while ``rows`` records are inserted, then the old one.

    Record ids are random UUIDs, so each insert lands on a random page of the primary-key
    index; once that index outgrows the default 2 MB cache every insert reads and
    decrypts pages again (measured: 200k rows into SQLCipher took 22.5 s with the default
    cache, 14.3 s with 64 MB). About 100 bytes of cache per row, capped at 64 MiB: a few
    thousand rows keep the default; memory is only taken as pages are used.
    """
    wanted_kib = min(64 * 1024, rows // 10)
    previous = db.scalar("PRAGMA cache_size")
    if not isinstance(previous, int) or wanted_kib <= _cache_kib(previous):
        yield
        return
    db.execute(f"PRAGMA cache_size = -{int(wanted_kib)}")
    try:
        yield
    finally:
        db.execute(f"PRAGMA cache_size = {int(previous)}")


def _cache_kib(cache_size: int) -> int:
    """``PRAGMA cache_size`` in KiB (negative: KiB; positive: pages of 4 KiB)."""
    return -cache_size if cache_size < 0 else cache_size * 4


class _Hashing:
    """The file's SHA-256, computed beside the parse.

    A large file is hashed on a worker thread while the importer parses it (hashlib
    releases the GIL on big updates, so the two overlap on a second core instead of
    adding a whole extra pass to the import: ~1 s per GB measured here). A
    small file is hashed on the calling thread, as before. The hash is only the
    "imported before" shortcut and the batch's record of the file (DESIGN).
    """

    THREAD_FROM = 8 * 2**20  # bytes

    def __init__(self, source: ImportSource) -> None:
        self._source = source
        self._digest: str | None = None
        self._error: BaseException | None = None
        self._stopped = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        if self._source.size < self.THREAD_FROM:
            self._digest = self._source.sha256()
            return
        self._thread = threading.Thread(target=self._run, name="import-sha256", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        try:
            digest = hashlib.sha256()
            with self._source.open() as handle:
                while not self._stopped.is_set():
                    chunk = handle.read(1 << 20)
                    if not chunk:
                        self._digest = digest.hexdigest()
                        return
                    digest.update(chunk)
        except BaseException as exc:  # handed to the caller in result()
            self._error = exc

    def stop(self) -> None:
        """Stop early: the parse failed, the result is not asked for."""
        self._stopped.set()

    def result(self) -> str:
        if self._thread is not None:
            self._thread.join()
        if self._error is not None:
            raise self._error
        if self._digest is None:  # stopped early, or started without a thread
            self._digest = self._source.sha256()
        return self._digest


def _stored_extra(record: Record, version: str | None) -> dict[str, Any]:
    """``extra`` as stored: the record's, with its source version under VERSION_KEY."""
    if version is None:
        return record.extra
    return {**record.extra, VERSION_KEY: version}


def _journal_entries(segments: list[list[JournalEntry] | FilePlan]) -> Iterator[JournalEntry]:
    """The journal in order, numbered: listed entries as they are, and for a file plan
    one ``added`` entry per planned record (generated here, never held as a list)."""
    seq = 0
    for segment in segments:
        if isinstance(segment, FilePlan):
            for record, _pid, _version in segment.to_add:
                yield JournalEntry(seq, "added", kind_of(record).value, record.id, None)
                seq += 1
        else:
            for entry in segment:
                yield dataclasses.replace(entry, seq=seq) if entry.seq != seq else entry
                seq += 1


def _sum_counts(items: Iterable[dict[str, int]]) -> dict[str, int]:
    total: Counter[str] = Counter()
    for item in items:
        total.update(item)
    return dict(total)


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


_NearEntry = tuple[float, tuple[Any, ...], str]  # (epoch seconds, values, source key)
_NearSlot = _NearEntry | list[_NearEntry]


class _Deduper:
    """Places each incoming record as add / replace / duplicate / skip (see module doc).

    Per record it works with plain tuples and strings: the natural key is computed once
    (for BP and weight without ``strftime``), the source's identity key once per Source
    object, and the probable-duplicate index holds interned value tuples.
    """

    def __init__(self, repo_for: Callable[[RecordKind], RecordRepository]) -> None:
        self._repo_for = repo_for
        # (profile, kind) -> natural key -> (record id or None if planned, version)
        self._index: dict[tuple[str, RecordKind], dict[NaturalKey, tuple[str | None,
                                                                        str | None]]] = {}
        # (profile, kind) -> minute -> (epoch seconds, values, source key), or a list of
        # them when one minute holds several readings (rare: one entry saves a list).
        self._near: dict[tuple[str, RecordKind], dict[int, _NearSlot]] = {}
        self._sources: dict[int, tuple[Source, str]] = {}
        self._values: dict[tuple[Any, ...], tuple[Any, ...]] = {}

    def _source_key(self, source: Source) -> str:
        cached = self._sources.get(id(source))
        if cached is None:  # the Source is kept beside its key so its id stays unique
            cached = self._sources[id(source)] = (source, source.identity_key())
        return cached[1]

    def _key(self, record: Record) -> NaturalKey:
        """``natural_key(record)``, computed faster for the bulk kinds."""
        kind = type(record)
        if kind is BloodPressure or kind is Weight:
            return (_minute_key(record.measured_at),  # type: ignore[attr-defined]
                    self._source_key(record.source))
        if kind is Steps:
            return (record.date.isoformat(),  # type: ignore[attr-defined]
                    self._source_key(record.source))
        return natural_key(record)

    def _keys(self, profile_id: str, kind: RecordKind) -> dict[NaturalKey,
                                                               tuple[str | None, str | None]]:
        slot = (profile_id, kind)
        if slot not in self._index:
            index: dict[NaturalKey, tuple[str | None, str | None]] = {}
            near: dict[int, _NearSlot] = {}
            if not profile_id.startswith("new:"):
                for record in self._repo_for(kind).list([profile_id]):
                    index[natural_key(record)] = (record.id, record.extra.get(VERSION_KEY))
                    entry = self._near_entry(record)
                    if entry is not None:
                        _add_near(near, entry)
            self._index[slot] = index
            self._near[slot] = near
        return self._index[slot]

    def _near_entry(self, record: Record) -> _NearEntry | None:
        if isinstance(record, BloodPressure | Weight):
            values = _values(record)
            values = self._values.setdefault(values, values)
            return (record.measured_at.timestamp(), values, self._source_key(record.source))
        return None

    def place(self, planned: PlannedRecord, fp: FilePlan) -> None:
        record, profile_id, version = planned
        kind = kind_of(record)
        keys = self._keys(profile_id, kind)
        key = self._key(record)
        found = keys.get(key)
        if found is not None:
            stored_id, stored_version = found
            if version is not None and stored_version is not None and version > stored_version:
                if stored_id is None:
                    # Two copies inside this import: keep the newer one in the plan.
                    for i, other in enumerate(fp.to_add):
                        if kind_of(other[0]) is kind and other[1] == profile_id \
                                and self._key(other[0]) == key:
                            fp.to_add[i] = planned
                    fp.duplicates[kind.value] += 1
                else:
                    fp.to_replace.append((stored_id, planned))
                    fp.replaced[kind.value] += 1
                keys[key] = (stored_id, version)
            elif version is not None and stored_version is not None and version < stored_version:
                fp.skipped["older-version"] += 1
            else:
                fp.duplicates[kind.value] += 1
            return
        entry = self._near_entry(record)
        near = self._near[(profile_id, kind)]
        if entry is not None and _probable_duplicate(near, entry):
            fp.skipped["probable-duplicate"] += 1
            return
        keys[key] = (None, version)
        if entry is not None:
            _add_near(near, entry)
        fp.to_add.append(planned)
        fp.added[kind.value] += 1


def _add_near(near: dict[int, _NearSlot], entry: _NearEntry) -> None:
    minute = int(entry[0] // 60)
    slot = near.get(minute)
    if slot is None:
        near[minute] = entry
    elif isinstance(slot, list):
        slot.append(entry)
    else:
        near[minute] = [slot, entry]


def _probable_duplicate(near: dict[int, _NearSlot], entry: _NearEntry) -> bool:
    """Another source's reading within 60 s with equal values (CONTRACT §5)."""
    at, values, source = entry
    minute = int(at // 60)
    for m in (minute - 1, minute, minute + 1):
        slot = near.get(m)
        if slot is None:
            continue
        for other_at, other_values, other_source in (slot if isinstance(slot, list)
                                                     else (slot,)):
            if (other_source != source and abs(other_at - at) <= PROBABLE_DUPLICATE_SECONDS
                    and other_values == values):
                return True
    return False


def _minute_key(at: dt.datetime) -> str:
    """``domain.time.minute_key`` without ``strftime``: the first 16 characters of the
    UTC ``isoformat`` are the same text from year 1000 on (``%Y`` is unpadded below)."""
    utc = at.astimezone(dt.UTC)
    if utc.year >= 1000:
        return utc.isoformat()[:16] + "Z"
    return minute_key(at)


def _values(record: Record) -> tuple[Any, ...]:
    if isinstance(record, BloodPressure):
        return (record.systolic, record.diastolic, record.pulse)
    if isinstance(record, Weight):
        return (round(record.kg, 1),)
    return ()


__all__ = ["Checkup", "FilePlan", "ImportCancelled", "ImportPlan", "ImportService",
           "PlannedRecord"]
