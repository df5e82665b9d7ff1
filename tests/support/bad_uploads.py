"""Workbooks the reader cannot parse, made from a good one: each must get one plain message
naming the file, and nothing of it may be taken or written."""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Callable

#: The sheet of the first editable table (localities): guide and lists come before it.
SHEET = "xl/worksheets/sheet3.xml"
_CELL = b'<row r="999"><c r="A999" t="inlineStr"><is><t>&x;</t></is></c></row>'


def _rewrite(good: bytes, change: Callable[[bytes], bytes], stored: bool = False) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(good))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name in source.namelist():
            content = source.read(name)
            archive.writestr(name, change(content) if name == SHEET else content,
                             zipfile.ZIP_STORED if stored and name == SHEET else zipfile.ZIP_DEFLATED)
    return out.getvalue()


def _with_doctype(doctype: bytes) -> Callable[[bytes], bytes]:
    def change(xml: bytes) -> bytes:
        body = re.sub(rb"^<\?xml[^>]*\?>", b"", xml)
        return b'<?xml version="1.0"?>' + doctype + body.replace(b"</sheetData>", _CELL + b"</sheetData>", 1)
    return change


def entity_bomb(good: bytes) -> bytes:
    """'Billion laughs': entities that expand to gigabytes."""
    levels = [b'<!ENTITY x0 "laugh">'] + [
        b"<!ENTITY x%d \"%s\">" % (n, b"".join(b"&x%d;" % (n - 1) for _ in range(10))) for n in range(1, 10)]
    return _rewrite(good, _with_doctype(b"<!DOCTYPE d [" + b"".join(levels) + b'<!ENTITY x "&x9;">]>'))


def external_entity(good: bytes) -> bytes:
    """An entity that would read a file of the server."""
    return _rewrite(good, _with_doctype(b'<!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]>'))


def bad_crc(good: bytes) -> bytes:
    """A sheet whose bytes no longer match its checksum (the zip itself opens)."""
    damaged = bytearray(_rewrite(good, lambda xml: xml, stored=True))
    info = zipfile.ZipFile(io.BytesIO(bytes(damaged))).getinfo(SHEET)
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    spot = damaged.index(b"<sheetData>", start) + 3
    damaged[spot] = ord("X")
    return bytes(damaged)


def truncated(good: bytes) -> bytes:
    return good[: len(good) * 2 // 3]


def not_a_workbook(good: bytes) -> bytes:
    """A zip (so it starts like one) holding no workbook."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("notes.txt", "hello")
    return out.getvalue()


BAD_WORKBOOKS: dict[str, Callable[[bytes], bytes]] = {
    "entity bomb": entity_bomb, "external entity": external_entity, "bad CRC": bad_crc,
    "truncated zip": truncated, "zip without a workbook": not_a_workbook,
}
