"""Writing the data folder safely: all files of a change or none, the previous version kept,
one writer at a time (a lock on the folder).

An apply copies the current tables to a hidden folder in history/ and writes every new file next
to its target (fsync), then a journal naming the renames, the history entry's first (fsync,
atomic rename), then renames, then deletes the journal. Whoever next opens the folder
(``settle``: the app, ``make check-data``) finishes a journal it finds and deletes what an apply
without one left (temporary files, the hidden history copy, a journal cut short), so a crash at
any point leaves the old version or the new one, never a mix, and history lists only applies
that happened. Readers hold a shared lock
while they read; an apply holds the exclusive lock. No Streamlit here.
"""

from __future__ import annotations

import fcntl
import hashlib
import json
import os
import re
import shutil
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from components.schema import TABLES

HISTORY_DIR = "history"
JOURNAL_FILE = ".atlas-journal.json"
TEMP_PREFIX = ".atlas-new-"
REASON_FILE = "reason.txt"
#: Test hook: the process exits (as if killed) after this many steps of an apply.
CRASH_ENV = "ATLAS_TEST_CRASH_AFTER"
TABLE_FILES = tuple(t.file for t in TABLES)


class Conflict(Exception):
    """The data changed after the preview the user approved; they must preview again."""


@dataclass(frozen=True)
class Version:
    """An earlier version of the tables kept in data/history/."""

    id: str  # folder name: the UTC time it was replaced, sortable
    saved: datetime
    reason: str  # why it was replaced, as the editor wrote it


def fingerprint(folder: Path) -> str:
    """A digest of every table file: a preview records it, an apply insists it is unchanged."""
    digest = hashlib.sha256()
    for name in TABLE_FILES:
        path = folder / name
        digest.update(name.encode() + b"\0" + (path.read_bytes() if path.is_file() else b"\1missing") + b"\0")
    return digest.hexdigest()


@contextmanager
def _locked(folder: Path, exclusive: bool) -> Iterator[None]:
    """A lock on the folder itself: no lock file to leave behind or to lose."""
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        fcntl.flock(descriptor, fcntl.LOCK_EX if exclusive else fcntl.LOCK_SH)
        yield
    finally:
        os.close(descriptor)  # closing releases the lock


@contextmanager
def reading(folder: Path) -> Iterator[None]:
    """Hold while reading the tables: no apply can be half done meanwhile."""
    if not os.access(folder, os.W_OK):  # a read-only copy of the data is never written
        yield
        return
    if _unsettled(folder):
        with _locked(folder, exclusive=True):
            _settle(folder)
    with _locked(folder, exclusive=False):
        yield


def _leftovers(folder: Path) -> list[Path]:
    """What an apply cut short before its journal leaves: new files, the history copy, a journal
    part."""
    return [*folder.glob(TEMP_PREFIX + "*"), *folder.glob(JOURNAL_FILE + ".part"),
            *_history(folder).glob(".*.part")]


def _unsettled(folder: Path) -> bool:
    return (folder / JOURNAL_FILE).exists() or bool(_leftovers(folder))


def _settle(folder: Path) -> None:
    """Finish an apply whose journal was written; forget one that did not get that far."""
    journal = folder / JOURNAL_FILE
    if journal.exists():
        for temp, target in json.loads(journal.read_text(encoding="utf-8")):
            if (folder / temp).exists():
                os.replace(folder / temp, folder / target)
        _sync_dir(folder)
        journal.unlink()
    for leftover in _leftovers(folder):
        if leftover.is_dir():
            shutil.rmtree(leftover)
        else:
            leftover.unlink()
    _sync_dir(folder)


def apply(folder: Path, texts: Mapping[str, str], reason: str, expected: str, now: datetime | None = None) -> Version:
    """Write the new text of some table files, keeping the current version in history first.
    Raises ``Conflict`` when the tables are no longer those of fingerprint ``expected``."""
    steps = _crash_counter()
    with _locked(folder, exclusive=True):
        _settle(folder)
        if fingerprint(folder) != expected:
            raise Conflict(folder)
        kept, part = _keep(folder, reason, now)
        next(steps)
        renames = [(str(part.relative_to(folder)), f"{HISTORY_DIR}/{kept.id}")]
        for number, (name, text) in enumerate(sorted(texts.items())):
            if name not in TABLE_FILES:
                raise ValueError(f"{name} is not a table of the atlas")
            temp = f"{TEMP_PREFIX}{number}-{name}"
            _write_synced(folder / temp, text.encode("utf-8"))
            renames.append((temp, name))
            next(steps)
        _write_synced(folder / (JOURNAL_FILE + ".part"), json.dumps(renames).encode())
        os.replace(folder / (JOURNAL_FILE + ".part"), folder / JOURNAL_FILE)
        _sync_dir(folder)
        next(steps)
        for temp, target in renames:
            os.replace(folder / temp, folder / target)
            next(steps)
        _sync_dir(folder)
        (folder / JOURNAL_FILE).unlink()
        _sync_dir(folder)
    return kept


def restore(folder: Path, version_id: str, reason: str, expected: str) -> Version:
    """Make an earlier version current again (the current one is kept in history too)."""
    saved = _history(folder) / _checked_id(version_id)
    texts = {name: (saved / name).read_bytes().decode("utf-8") for name in TABLE_FILES if (saved / name).is_file()}
    return apply(folder, texts, reason, expected)


def versions(folder: Path) -> list[Version]:
    """Earlier versions, newest first."""
    found = []
    root = _history(folder)
    for entry in sorted(root.iterdir(), reverse=True) if root.is_dir() else ():
        if entry.is_dir() and not entry.name.startswith("."):
            note = entry / REASON_FILE
            reason = note.read_text(encoding="utf-8").strip() if note.is_file() else ""
            found.append(Version(entry.name, _saved_at(entry.name), reason))
    return found


def version_bytes(folder: Path, version_id: str) -> dict[str, bytes]:
    saved = _history(folder) / _checked_id(version_id)
    return {name: (saved / name).read_bytes() for name in TABLE_FILES if (saved / name).is_file()}


def _keep(folder: Path, reason: str, now: datetime | None) -> tuple[Version, Path]:
    """Copy the current tables with the reason to a hidden history/.<time>.part/; the journal
    makes it history/<time>/ together with the new tables, or settling deletes it."""
    moment = now or datetime.now(UTC)
    version_id = moment.strftime("%Y%m%d-%H%M%S-%f")
    root = _history(folder)
    root.mkdir(exist_ok=True)
    part = root / f".{version_id}.part"
    part.mkdir()
    for name in TABLE_FILES:
        if (folder / name).is_file():
            _write_synced(part / name, (folder / name).read_bytes())
    one_line = " ".join(reason.split())
    _write_synced(part / REASON_FILE, (one_line + "\n").encode("utf-8"))
    _sync_dir(root)
    return Version(version_id, moment, one_line), part


def _history(folder: Path) -> Path:
    return folder / HISTORY_DIR


_VERSION_ID = re.compile(r"^\d{8}-\d{6}-\d{6}$")


def _checked_id(version_id: str) -> str:
    if not _VERSION_ID.match(version_id):
        raise ValueError(f"{version_id!r} is not a version")
    return version_id


def _saved_at(version_id: str) -> datetime:
    try:
        return datetime.strptime(version_id, "%Y%m%d-%H%M%S-%f").replace(tzinfo=UTC)
    except ValueError:
        return datetime.fromtimestamp(0, UTC)


def _write_synced(path: Path, content: bytes) -> None:
    with open(path, "wb") as handle:
        handle.write(content)
        handle.flush()
        os.fsync(handle.fileno())


def _sync_dir(folder: Path) -> None:
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def _crash_counter() -> Iterator[None]:
    """Counts an apply's steps; with the test hook set, ends the process at the chosen step."""
    limit = os.environ.get(CRASH_ENV)
    step = 0
    while True:
        step += 1
        if limit is not None and step > int(limit):
            os._exit(86)
        yield
