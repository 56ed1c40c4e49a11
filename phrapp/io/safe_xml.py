"""Hardened XML parsing for every importer (specs/security.md T3).

lxml with entities, DTD loading and network off; any DOCTYPE is refused (CDA, FHIR XML
and the side files never carry one), so billion-laughs, quadratic blow-up, XXE and
external-DTD files are rejected before a single entity is expanded. libxml2 refuses
nesting deeper than 256 without ``huge_tree``; we also cap the size before parsing.
Apple Health (which does carry an internal DTD) streams through its own reader.
"""

from __future__ import annotations

from lxml import etree

from phrapp.errors import HostileInput, MalformedInput, TooLarge

MAX_XML_BYTES = 50 * 1024 * 1024
MAX_DEPTH = 200


def hardened_parser() -> etree.XMLParser:
    """The only XML parser configuration importers may use."""
    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False,
                           dtd_validation=False, huge_tree=False, remove_comments=True,
                           remove_pis=True)


def _looks_hostile(head: bytes) -> bool:
    probe = head[:65536].lower()
    return b"<!doctype" in probe or b"<!entity" in probe


def parse_xml(data: bytes, *, name: str | None = None,
              max_bytes: int = MAX_XML_BYTES) -> etree._Element:
    """Parse ``data`` into an element tree or raise a typed, path-carrying error."""
    if len(data) > max_bytes:
        raise TooLarge(f"the XML file is larger than {max_bytes // 2**20} MB", path=name)
    if _looks_hostile(data):
        raise HostileInput("XML with a DOCTYPE or entity declarations is refused", path=name)
    try:
        root = etree.fromstring(data, parser=hardened_parser())
    except etree.XMLSyntaxError as exc:
        message = str(exc)
        if "depth" in message.lower() or "amplification" in message.lower():
            raise HostileInput("the XML nests too deeply or expands too much",
                               path=name) from None
        raise MalformedInput(f"not well-formed XML ({message.splitlines()[0][:120]})",
                             path=name) from None
    if root.getroottree().docinfo.doctype:
        raise HostileInput("XML with a DOCTYPE is refused", path=name)
    _check_depth(root, name)
    return root


def _check_depth(root: etree._Element, name: str | None) -> None:
    # Iterative walk: a recursive one would itself be the denial of service.
    stack: list[tuple[etree._Element, int]] = [(root, 1)]
    while stack:
        element, depth = stack.pop()
        if depth > MAX_DEPTH:
            raise HostileInput("the XML nests too deeply", path=name)
        stack.extend((child, depth + 1) for child in element)


def local_name(element: etree._Element) -> str:
    """The tag without its namespace (side files are matched on local names)."""
    tag = element.tag
    if not isinstance(tag, str):
        return ""
    return tag.rsplit("}", 1)[-1]
