"""Tables that keep each document as its JSON bytes and decode it only when it is read.

A workspace of 40,000 records parsed into Python dicts takes about seven times the size of
its file and half a second to parse; kept as bytes it takes about the file's size, opens in a
few tens of milliseconds, and a save re-encodes only the documents that changed.
"""

from __future__ import annotations

import contextlib
import os
import re
import threading
from collections.abc import Callable, Iterator, MutableMapping
from typing import Any

import orjson

from checkin.storage.platform import read_at

Doc = dict[str, Any]


class DocumentError(ValueError):
    """A stored document is not valid JSON (found when it is first read)."""


class DocTable(MutableMapping[str, Doc]):
    """One table: document id -> document, stored as bytes until someone changes it.

    TinyDB's update functions change documents in place through ``table[doc_id]``; such a
    document stays decoded ("live") until :meth:`freeze` encodes it again at the next save.
    ``get`` and ``items`` hand out fresh copies that are never kept.

    Every key changed since the last commit is remembered with the bytes it had before
    (``None``: it did not exist): :meth:`take_changes` hands the changes to the journal,
    :meth:`undo` puts the old bytes back (a transaction that failed).
    """

    __slots__ = ("_block", "_changed", "_loaded", "name")

    def __init__(
        self,
        docs: dict[str, bytes | Doc] | None = None,
        name: str = "",
        *,
        block: bytes | Pending | None = None,
    ) -> None:
        self.name = name
        # The table's lines as last written: a save re-joins only the tables that changed.
        # Pending: still in the file, read when first used (see FileBlocks).
        self._block: bytes | Pending | None = block
        # Split from the block on first use: opening a workspace reads only the tables the
        # first screen needs.
        self._loaded: dict[str, bytes | Doc] | None = (
            docs if docs is not None else ({} if block is None else None)
        )
        self._changed: dict[str, bytes | None] = {}

    @property
    def loaded(self) -> bool:
        return self._loaded is not None

    def _lines_read(self) -> bytes:
        """The table's lines as last written, read from the file first if they are still
        there."""
        block = self._block
        if isinstance(block, Pending):
            block = self._block = block.read()
        return block or b""

    def load(self) -> DocTable:
        """Split the table's lines now (raises DocumentError on a line that is not one)."""
        _ = self._docs
        return self

    @property
    def _docs(self) -> dict[str, bytes | Doc]:
        if self._loaded is None:
            assert self._block is not None
            self._loaded = _split_block(self._lines_read(), self.name)
            # The documents hold the same bytes: keeping both doubled a big table's memory.
            # The next fold joins them again, off the event loop.
            self._block = None
        return self._loaded

    # -- reading ---------------------------------------------------------------------------

    def _decode(self, key: str, value: bytes) -> Doc:
        try:
            doc = orjson.loads(value)
        except orjson.JSONDecodeError as error:
            raise DocumentError(
                f"document {key!r} of table {self.name!r} is not valid JSON ({error.msg})"
            ) from None
        if not isinstance(doc, dict):
            raise DocumentError(f"document {key!r} of table {self.name!r} is not an object")
        return doc

    def get(self, key: str, default: Any = None) -> Any:
        """A copy of the document (never kept: reading does not grow memory)."""
        value = self._docs.get(key)
        if value is None:
            return default
        return self._decode(key, value) if isinstance(value, bytes) else value

    def items(self) -> Iterator[tuple[str, Doc]]:  # type: ignore[override]
        """Every (id, document) in insertion order, decoded one at a time."""
        for key, value in list(self._docs.items()):
            yield key, self._decode(key, value) if isinstance(value, bytes) else value

    def values(self) -> Iterator[Doc]:  # type: ignore[override]
        for _key, doc in self.items():
            yield doc

    def field(self, key: str, name: str) -> Any:
        """One top-level string field of a document, read without decoding the rest.

        Only for fields whose values are plain ids (no quotes or escapes); others decode.
        """
        value = self._docs[key]
        if not isinstance(value, bytes):
            return value.get(name)
        marker = b'"' + name.encode() + b'":'
        start = value.find(marker)
        if start < 0:
            return None
        start += len(marker)
        if value.startswith(b"null", start):
            return None
        if value[start : start + 1] == b'"':
            end = value.find(b'"', start + 1)
            text = value[start + 1 : end]
            if b"\\" not in text:
                return text.decode()
        return self._decode(key, value).get(name)

    def raw(self, key: str) -> bytes:
        """The encoded document."""
        value = self._docs[key]
        return value if isinstance(value, bytes) else orjson.dumps(value)

    # -- the mapping protocol (used by TinyDB's updaters) ------------------------------------

    def __getitem__(self, key: str) -> Doc:
        value = self._docs[key]
        self._remember(key)  # handed out to be changed in place
        if isinstance(value, bytes):
            value = self._decode(key, value)
            self._docs[key] = value
        self._block = None
        return value

    def __setitem__(self, key: str, doc: Doc) -> None:
        key = str(key)  # TinyDB numbers documents inserted without an id
        self._remember(key)
        self._docs[key] = doc
        self._block = None

    def __delitem__(self, key: str) -> None:
        self._remember(key)
        del self._docs[key]
        self._block = None

    def _remember(self, key: str) -> None:
        """Keep the committed bytes of ``key`` before its first change since the commit."""
        if key not in self._changed:
            value = self._docs.get(key)
            if value is not None and not isinstance(value, bytes):
                value = orjson.dumps(value)
            self._changed[key] = value

    def __contains__(self, key: object) -> bool:
        return key in self._docs

    def __iter__(self) -> Iterator[str]:
        return iter(list(self._docs))

    def __len__(self) -> int:
        return len(self._docs)

    # -- changes since the last commit -------------------------------------------------------

    @property
    def changed(self) -> bool:
        return bool(self._changed)

    def take_changes(self) -> list[tuple[str, bytes | None]]:
        """Every changed document as it is now (``None``: deleted), encoded; the table then
        counts as committed."""
        if not self._changed:
            return []
        docs = self._docs
        out: list[tuple[str, bytes | None]] = []
        for key in self._changed:
            value = docs.get(key)
            if value is not None and not isinstance(value, bytes):
                value = orjson.dumps(value)
                docs[key] = value
            out.append((key, value))
        self._changed = {}
        return out

    def undo(self) -> None:
        """Put back every changed document as it was at the last commit."""
        if not self._changed:
            return
        docs = self._docs
        for key, old in self._changed.items():
            if old is None:
                docs.pop(key, None)
            else:
                docs[key] = old
        self._changed = {}
        self._block = None

    def apply(self, key: str, raw: bytes | None) -> None:
        """Replay one journalled change (not itself a change to journal again)."""
        if raw is None:
            self._docs.pop(key, None)
        else:
            self._docs[key] = raw
        self._block = None

    def snapshot(self) -> DocTable:
        """A copy of the committed table for writing the file from another thread (call it
        at a commit boundary: every document is bytes then, or never handed out)."""
        if self._loaded is None:
            return DocTable(name=self.name, block=self._block)
        return DocTable(dict(self._loaded), self.name, block=self._block)

    # -- saving ----------------------------------------------------------------------------

    def freeze(self) -> None:
        """Encode every live document again, so the table is all bytes."""
        for key, value in self._docs.items():
            if not isinstance(value, bytes):
                self._docs[key] = orjson.dumps(value)

    def lines(self) -> Iterator[bytes]:
        """The table's documents as ``"id":{...}`` lines of the workspace file."""
        self.freeze()
        for key, value in self._docs.items():
            yield orjson.dumps(key) + b":" + value  # type: ignore[operator]

    def block(self) -> bytes:
        """Every line of the table joined, kept until the table changes."""
        if self._block is None:
            self._block = b",\n".join(self.lines())
        return self._lines_read()

    def content_hash(self) -> str | None:
        """A SHA-256 of the table's lines as :meth:`block` joins them (the bytes the file
        has for the table), without splitting or joining it; None while a document is
        decoded for a change."""
        import hashlib

        digest = hashlib.sha256()
        if self._loaded is None:
            digest.update(self._lines_read())
            return digest.hexdigest()
        for index, (key, value) in enumerate(list(self._loaded.items())):
            if not isinstance(value, bytes):
                return None
            digest.update(b",\n" if index else b"")
            digest.update(orjson.dumps(key) + b":")
            digest.update(value)
        return digest.hexdigest()

    def copy(self) -> DocTable:
        self.freeze()
        return DocTable(dict(self._docs), self.name)


Tables = dict[str, DocTable]


class FileBlocks:
    """Tables' lines left in the open workspace file until a table is first used.

    Opening a workspace reads only what its first screen uses (the accounts home: the accounts
    table), not every table's lines; the others are read when something first uses them
    (the home's figures, worked out off the event loop), or all at once when the file is
    written again. The file is read through a descriptor of its own, so the file as opened is
    read even after a save replaced it; the descriptor is closed once every table is read, or
    by :meth:`close` (the store's close). Only where ``os.pread`` exists: a read that moves the
    file's position could not be shared by threads.
    """

    def __init__(self, fd: int) -> None:
        self._fd = os.dup(fd)
        self._lock = threading.RLock()
        self._left = 0

    def later(self, at: int, size: int) -> Pending:
        """The ``size`` bytes at ``at``, to read when first needed."""
        self._left += 1
        return Pending(self, at, size)

    def _read(self, pending: Pending) -> bytes:
        with self._lock:
            if pending.data is None:
                if self._fd < 0:
                    raise DocumentError("the workspace file was closed before its tables were read")
                data = _read_fully(self._fd, pending.at, pending.size)
                if len(data) < pending.size:
                    raise DocumentError("the workspace file ended before a table's end")
                pending.data = data
                self._left -= 1
                if self._left == 0:
                    self.close()
            return pending.data

    def close(self) -> None:
        """Close the descriptor (tables not read by now cannot be read any more)."""
        with self._lock:
            if self._fd >= 0:
                os.close(self._fd)
                self._fd = -1

    def __del__(self) -> None:
        # A store dropped without its close (an error on the way): the descriptor goes with
        # it, quietly, even at interpreter exit.
        if getattr(self, "_fd", -1) >= 0:
            with contextlib.suppress(Exception):
                os.close(self._fd)
            self._fd = -1


def release_file(tables: Tables) -> None:
    """Close the file the tables' unread lines are in (the workspace is closed: nothing
    reads them any more)."""
    for table in tables.values():
        block = table._block
        if isinstance(block, Pending):
            block._blocks.close()


class Pending:
    """One table's lines, still in the file (see :class:`FileBlocks`)."""

    __slots__ = ("_blocks", "at", "data", "size")

    def __init__(self, blocks: FileBlocks, at: int, size: int) -> None:
        self._blocks = blocks
        self.at = at
        self.size = size
        self.data: bytes | None = None

    def read(self) -> bytes:
        return self.data if self.data is not None else self._blocks._read(self)


LAYOUT_TABLE = "_layout"  # the file's first table: where each other table's lines are
_LAYOUT_NAME = LAYOUT_TABLE.encode()
_LAYOUT_HEADER = b'"%s":{' % _LAYOUT_NAME


def dump_tables(tables: Tables) -> bytes:
    """The workspace file: valid JSON with one table header or document per line.

    TinyDB's own JSONStorage reads it; :func:`load_tables` reads it back without parsing
    every document. The first table, ``_layout``, holds one document: for each other table
    where its header line starts and where its closing line does, so that opening the file
    finds every table without searching 20 MB of lines for their ends (a file without it, or
    whose layout does not match, is searched as before). It is derived data: never a table
    of :data:`Tables`.
    """
    names = sorted(name for name in tables if name != LAYOUT_TABLE)
    headers = [orjson.dumps(name) + b":{" for name in names]
    blocks = [tables[name].block() for name in names]
    layout = b""
    while True:  # the positions depend on the layout line's length: settle it
        at = 2 + len(_LAYOUT_HEADER) + 1 + len(layout) + 1 + 3
        where = []
        for header, block in zip(headers, blocks, strict=True):
            newline = at + len(header)
            close = newline + 1 + len(block) if block else newline
            where.append([at, close])
            at = close + 4  # "\n}" and ",\n"
        line = b'"1":' + orjson.dumps({"tables": dict(zip(names, where, strict=True))})
        settled = len(line) == len(layout)
        layout = line
        if settled:
            break
    parts = [b"{", _LAYOUT_HEADER, layout, b"},"]
    for index, (header, block) in enumerate(zip(headers, blocks, strict=True)):
        parts.append(header)
        parts.append(block)
        parts.append(b"}," if index < len(names) - 1 else b"}")
    parts.append(b"}\n")
    return b"\n".join(part for part in parts if part)


def _split_doc_line(line: bytes) -> tuple[str, bytes] | None:
    """``"id":{...}`` (with or without the trailing comma) -> (id, document bytes)."""
    if not line.startswith(b'"'):
        return None
    end = line.find(b'":{', 1)
    if end < 0:
        return None
    key = line[1:end]
    if b"\\" in key or b'"' in key:
        return None
    doc = line[end + 2 :]
    if doc.endswith(b","):
        doc = doc[:-1]
    if not doc.endswith(b"}"):
        return None
    return key.decode(), doc


def _split_block(block: bytes, name: str) -> dict[str, bytes | Doc]:
    """The documents of a table's lines; DocumentError names a line that is not one.

    Each document is cut from the block once (no list of lines in between: splitting the
    biggest table of a workspace held three copies of it for a moment)."""
    docs: dict[str, bytes | Doc] = {}
    if not block:
        return docs
    size = len(block)
    start, number = 0, 0
    while True:
        number += 1
        end = block.find(b"\n", start)
        if end < 0:
            end = size
        # A line ``"id":{...}`` with or without its trailing comma (see _split_doc_line).
        sep = block.find(b'":{', start + 1, end) if block.startswith(b'"', start) else -1
        doc_end = end - 1 if block.startswith(b",", end - 1) else end
        if sep < 0 or not block.startswith(b"}", doc_end - 1) or doc_end - 1 <= sep + 1:
            raise DocumentError(f"line {number} of table {name!r} is not a document")
        key = block[start + 1 : sep]
        if b"\\" in key or b'"' in key:
            raise DocumentError(f"line {number} of table {name!r} is not a document")
        docs[key.decode()] = block[sep + 2 : doc_end]
        if end == size:
            return docs
        start = end + 1


def load_tables(raw: bytes) -> Tables:
    """Parse a workspace file; raises ValueError when it is not a workspace.

    Files in the line-per-document layout :func:`dump_tables` writes are split, not parsed;
    any other valid JSON object of tables (a hand-edited file, stock TinyDB) is parsed whole.
    """
    tables = _load_lines(raw)
    if tables is not None:
        return tables
    try:
        data = orjson.loads(raw)
    except orjson.JSONDecodeError as error:
        raise ValueError(
            f"invalid JSON at line {error.lineno} column {error.colno}: {error.msg}"
        ) from None
    if not isinstance(data, dict):
        raise ValueError(f"the top level is a JSON {type(data).__name__}, not an object of tables")
    data.pop(LAYOUT_TABLE, None)
    return from_plain(data)


def to_plain(tables: Tables) -> dict[str, dict[str, Doc]]:
    """Every table decoded into plain dicts (for migrations, which change documents freely)."""
    return {name: dict(table.items()) for name, table in tables.items()}


def from_plain(data: dict[str, Any]) -> Tables:
    """Tables of plain dicts -> DocTables; raises ValueError on a wrong shape."""
    loaded: Tables = {}
    for name, table in data.items():
        if not isinstance(table, dict):
            raise ValueError(f"table {name!r} is not an object of documents")
        docs: dict[str, bytes | Doc] = {}
        for doc_id, doc in table.items():
            if not isinstance(doc, dict):
                raise ValueError(f"document {doc_id!r} of table {name!r} is not an object")
            docs[doc_id] = orjson.dumps(doc)
        loaded[name] = DocTable(docs, name)
    return loaded


def _load_lines(raw: bytes) -> Tables | None:
    """The fast path: find each table's lines, split them later; None when ``raw`` is not
    exactly in the layout :func:`dump_tables` writes (a truncated file never is)."""
    if not (raw.startswith(b"{\n") and raw.endswith(b"\n}\n")):
        return None

    def read(at: int, count: int) -> bytes:
        return raw[at : at + count]

    def find_end(at: int) -> int:
        found = _TABLE_END.search(raw, at)
        return -1 if found is None else found.start()

    return _find_tables(len(raw), read, _ends_by_layout(len(raw), read) or find_end)


def read_tables(fd: int, size: int) -> Tables | None:
    """:func:`load_tables`' fast path, reading the open file ``fd`` of ``size`` bytes one
    table at a time, so the file is never held whole next to its tables (opening a big
    workspace held both: twice its size); None when the file is not in the layout
    :func:`dump_tables` writes (read it whole and :func:`load_tables` it then)."""

    def read(at: int, count: int) -> bytes:
        return _read_fully(fd, at, count)

    def find_end(at: int) -> int:
        while at < size:
            chunk = read(at, _SCAN_BYTES)
            found = _TABLE_END.search(chunk)
            if found is not None:
                return at + found.start()
            if len(chunk) < _SCAN_BYTES:
                return -1
            at += len(chunk) - 1  # "\n}" may straddle two pieces
        return -1

    if size < 5 or read(0, 2) != b"{\n" or read(size - 3, 3) != b"\n}\n":
        return None
    by_layout = _ends_by_layout(size, read)
    if by_layout is None or not hasattr(os, "pread"):
        return _find_tables(size, read, by_layout or find_end)
    blocks = FileBlocks(fd)
    tables = _find_tables(size, read, by_layout, later=blocks.later)
    if tables is None:
        blocks.close()
    return tables


def _ends_by_layout(size: int, read: Callable[[int, int], bytes]) -> Callable[[int], int] | None:
    """``_find_tables``' ``find_end`` from the file's ``_layout`` table: where each table's
    closing line starts, by the position of its header line's end, without searching; None
    when the file has no layout or one that does not describe it (then the file is searched).
    Only what is cheap to check is checked here, each header and closing line where the layout
    says; ``_find_tables`` checks every header and separator again as it reads."""
    head = read(2, _HEADER_BYTES)
    if not head.startswith(_LAYOUT_HEADER + b"\n"):
        return None
    start = len(_LAYOUT_HEADER) + 1
    end = head.find(b"\n", start)
    if end < 0 or not head.startswith(b'"1":', start):
        return None
    try:
        where = orjson.loads(head[start + 4 : end]).get("tables")
        ends = {2 + len(_LAYOUT_HEADER): 2 + end}  # the layout's own line
        at = 2 + end + 4  # the first table's header, after the layout's "\n}," and "\n"
        for name, (header_at, close) in where.items():
            header = orjson.dumps(name) + b":{\n"
            if header_at != at or not 0 < close < size or read(at, len(header)) != header:
                return None
            if read(close, 2) != b"\n}":
                return None
            ends[at + len(header) - 1] = close
            at = close + 4
    except (AttributeError, TypeError, ValueError):
        return None
    if at != size - 1:  # the last table closes the file: "\n}\n}\n"
        return None
    return lambda header_end: ends.get(header_end, -1)


def _read_fully(fd: int, at: int, count: int) -> bytes:
    """``count`` bytes of the open file ``fd`` from ``at`` (fewer only at its end)."""
    parts = []
    while count > 0:
        part = read_at(fd, min(count, 1 << 30), at)
        if not part:
            break
        parts.append(part)
        at += len(part)
        count -= len(part)
    return parts[0] if len(parts) == 1 else b"".join(parts)


_SCAN_BYTES = 1 << 20  # read_tables looks for the end of a table this much at a time
_HEADER_BYTES = 4096  # a table's header line ("name":{) is read this much at a time
# Documents never start a line with "}": the first such line closes the table. (A regular
# expression finds it in a third of the time bytes.find takes: "}" is everywhere in JSON.)
_TABLE_END = re.compile(rb"\n}")


def _find_tables(
    size: int,
    read: Callable[[int, int], bytes],
    find_end: Callable[[int], int],
    later: Callable[[int, int], Pending] | None = None,
) -> Tables | None:
    """Each table's block of lines, from a file in the layout :func:`dump_tables` writes
    (``read(at, count)`` reads it, ``find_end(at)`` finds the next "\n}" from ``at``,
    ``later(at, count)`` leaves a table's lines to read when it is used); None when it is
    not."""
    tables: Tables = {}
    pos = 2
    last = size - 3  # where the final "\n}\n" starts
    while True:
        head = read(pos, _HEADER_BYTES)
        newline = head.find(b"\n")
        header = head[:newline]
        if newline < 0 or not (header.startswith(b'"') and header.endswith(b'":{')):
            return None
        newline += pos
        name = header[1:-3]
        if b"\\" in name or b'"' in name:
            return None
        close = find_end(newline)
        if close < 0:
            return None
        if name != _LAYOUT_NAME:
            block: bytes | Pending = b""
            if close > newline:
                length = close - newline - 1
                block = (read if later is None else later)(newline + 1, length)
            tables[name.decode()] = DocTable(name=name.decode(), block=block)
        after = close + 2
        if after == last:
            break
        if read(after, 2) != b",\n":
            return None
        pos = after + 2
    return tables
