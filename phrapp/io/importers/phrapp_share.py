"""``phrapp-share``: import an encrypted share package (a move to a new PC, or records a
family member sent).

The package (:mod:`phrapp.io.share_package`) is decrypted and verified in memory — its
integrity, the KDF bounds and the manifest hashes are checked before anything is read —
and its FHIR Bundle is imported through the ``fhir`` importer, which carries every kind
phrapp exports (checkups included, with their item details). The package's CDA, JAHIS and
CSV copies are the same records in other formats and are not imported a second time.

The passphrase comes from a provider (the app asks in a dialog); by default from
``PHRAPP_SHARE_PASSPHRASE`` (the CLI asks on a terminal and sets it). Without it the import
stops with ``missing-secret`` (exit 2) before the file is read.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from typing import ClassVar

from phrapp.domain.records import RecordKind
from phrapp.errors import MissingSecret
from phrapp.io.importers.base import (
    Importer,
    ImportSource,
    MemorySource,
    ParseContext,
    ParseItem,
    ParseSkip,
)
from phrapp.io.importers.fhir import FhirImporter
from phrapp.io.share_package import MAX_ENVELOPE_BYTES, looks_like_package, open_package_file

SLUG = "phrapp-share"
SHARE_PASSPHRASE = "PHRAPP_SHARE_PASSPHRASE"

PassphraseProvider = Callable[[], str]


def passphrase_from_environment() -> str:
    value = os.environ.get(SHARE_PASSPHRASE)
    if not value:
        raise MissingSecret(f"set {SHARE_PASSPHRASE} to import a share package")
    return value


class PhrappShareImporter(Importer):
    slug = SLUG
    kinds: ClassVar[tuple[RecordKind, ...]] = FhirImporter.kinds
    max_bytes: ClassVar[int] = MAX_ENVELOPE_BYTES

    def __init__(self, passphrase: PassphraseProvider | None = None) -> None:
        self.passphrase = passphrase or passphrase_from_environment

    def sniff(self, source: ImportSource) -> float:
        return 0.99 if looks_like_package(source.head) else 0.0

    def parse(self, source: ImportSource, ctx: ParseContext) -> Iterator[ParseItem]:
        package = open_package_file(source.path, self.passphrase())
        bundles = sorted(name for name in package.members
                         if name.startswith("fhir/") and name.endswith(".json"))
        others = len(package.members) - len(bundles)
        if not bundles:
            # Only CDA/JAHIS/CSV inside (not a package phrapp writes): read those members
            # with their own importers.
            yield from self._without_fhir(package.members, ctx)
            return
        fhir = FhirImporter()
        for name in bundles:
            yield from fhir.parse(MemorySource.of(name, package.members[name]), ctx)
        if others:
            yield ParseSkip("copy-in-another-format", others)

    def _without_fhir(self, members: dict[str, bytes], ctx: ParseContext
                      ) -> Iterator[ParseItem]:
        from phrapp.io.importers.jahis_tc import JahisTcImporter
        from phrapp.io.importers.tokutei_cda import TokuteiCdaImporter

        importers: list[Importer] = [TokuteiCdaImporter(), JahisTcImporter()]
        for name, data in sorted(members.items()):
            member = MemorySource.of(name, data)
            for importer in importers:
                if importer.sniff(member) >= 0.5:
                    yield from importer.parse(member, ctx)
                    break
            else:
                yield ParseSkip("unsupported-member")
