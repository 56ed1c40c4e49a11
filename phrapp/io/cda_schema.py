"""The official hc08 XSD (特定健診 CDA R2) as a validator, for the clinic side and tests.

The schema set is vendored unmodified in ``phrapp/resources/xsd/hc08/`` (MIT, see its
README). It is loaded once, from that folder only, with the network off; documents are
parsed with the hardened parser first (:mod:`phrapp.io.safe_xml`), so a hostile file is
refused before any schema work. Messages name the line and what is wrong; libxml2's
text can quote a value, so it is cut short and never logged.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from lxml import etree

from phrapp.io.safe_xml import parse_xml

MAX_ISSUES = 50
_lock = threading.Lock()
_schema: etree.XMLSchema | None = None


@dataclass(frozen=True, slots=True)
class SchemaIssue:
    path: str  # "<file>:<line>"
    message: str


def xsd_path() -> Path:
    """The vendored ``hc08_V08.xsd`` (a real file: lxml resolves its includes by path)."""
    return Path(str(resources.files("phrapp") / "resources" / "xsd" / "hc08" / "hc08_V08.xsd"))


def schema() -> etree.XMLSchema:
    """The compiled hc08 schema (built once; XMLSchema is safe to share for validation)."""
    global _schema
    with _lock:
        if _schema is None:
            # From a file path, not a parsed tree: the coreschemas include each other in a
            # cycle that only resolves with absolute locations.
            parser = etree.XMLParser(no_network=True, resolve_entities=False)
            _schema = etree.XMLSchema(etree.parse(str(xsd_path()), parser))
        return _schema


def validate_cda(data: bytes, name: str = "document.xml") -> list[SchemaIssue]:
    """Schema issues of one CDA document (empty: valid). Hostile input raises as usual."""
    root = parse_xml(data, name=name)
    checker = schema()
    with _lock:  # the error log belongs to the schema object
        ok = checker.validate(root.getroottree())
        errors = [] if ok else list(checker.error_log)[:MAX_ISSUES]
    return [SchemaIssue(f"{name}:{error.line}", _short(error.message)) for error in errors]


def _short(message: str) -> str:
    text = message.replace("{urn:hl7-org:v3}", "")
    return text if len(text) <= 200 else text[:197] + "..."
