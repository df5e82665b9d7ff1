"""Writing data/: all or nothing even when the process dies mid-apply, the previous version kept
and restored byte for byte, and a second editor stopped when the data changed under it."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from components import data_store
from components.dataset import load_dataset
from tests.support.data_files import tree

ROOT = Path(__file__).resolve().parents[2]


def tables(folder: Path) -> dict[str, bytes]:
    return {name: (folder / name).read_bytes() for name in data_store.TABLE_FILES}




def new_texts(folder: Path) -> dict[str, str]:
    """A change to three tables: one more source, delegation and priority (valid data)."""
    def added(name: str, line: str) -> str:
        return (folder / name).read_text(encoding="utf-8") + line + "\n"
    return {
        "sources.csv": added("sources.csv",
                             "org-list,Danh sách các đoàn,,,,2024-09-20,vi,organisers_list,Test office,,"),
        "localities.csv": added("localities.csv", "test-town,Test Town,Thị trấn Thử,JP,city,35.0,135.0,,,,unknown,,L,"
                                                  "org-list,,On the list.,Có trong danh sách."),
        "priorities.csv": added("priorities.csv", "test-town,education,Exchanges.,Trao đổi.,org-list"),
    }


def test_apply_writes_the_change_and_keeps_the_previous_version(data_copy):
    old = tables(data_copy)
    kept = data_store.apply(data_copy, new_texts(data_copy), "organisers' list\nof 20 Sept",
                            data_store.fingerprint(data_copy))
    assert kept.reason == "organisers' list of 20 Sept"  # one line
    assert data_store.versions(data_copy) == [kept]
    assert data_store.version_bytes(data_copy, kept.id) == old
    assert "test-town" in set(load_dataset(data_copy).localities["id"])
    assert not list(data_copy.glob(".atlas-*"))


def test_restore_returns_the_exact_earlier_bytes(data_copy):
    original = tables(data_copy)
    first = data_store.apply(data_copy, new_texts(data_copy), "import", data_store.fingerprint(data_copy))
    changed = tables(data_copy)
    data_store.restore(data_copy, first.id, "undo", data_store.fingerprint(data_copy))
    assert tables(data_copy) == original
    newest = data_store.versions(data_copy)[0]  # the restore kept what it replaced
    assert newest.reason == "undo" and data_store.version_bytes(data_copy, newest.id) == changed


def test_an_apply_against_changed_data_is_refused_and_writes_nothing(data_copy):
    seen = data_store.fingerprint(data_copy)  # two editors preview the same data
    data_store.apply(data_copy, new_texts(data_copy), "first editor", seen)
    after_first = tree(data_copy)
    with pytest.raises(data_store.Conflict):
        data_store.apply(data_copy, {"meta.csv": "key,value\n"}, "second editor", seen)
    assert tree(data_copy) == after_first


def test_a_reader_waits_for_an_apply_in_progress(data_copy):
    """The apply holds the folder's lock; a page load in the meantime waits, then sees all of it."""
    order: list[str] = []

    def read() -> None:
        with data_store.reading(data_copy):
            order.append("read")

    with data_store._locked(data_copy, exclusive=True):
        reader = threading.Thread(target=read)
        reader.start()
        time.sleep(0.3)
        order.append("applied")
    reader.join(5)
    assert order == ["applied", "read"]


def _crash_at(folder: Path, step: int) -> int:
    """Run an apply in another process that dies at ``step``; returns its exit code."""
    script = ("import sys; from pathlib import Path; from components import data_store; "
              "from tests.components.test_data_store import new_texts; f = Path(sys.argv[1]); "
              "data_store.apply(f, new_texts(f), 'crash test', data_store.fingerprint(f))")
    env = {**os.environ, data_store.CRASH_ENV: str(step), "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, "-c", script, str(folder)], env=env, cwd=ROOT, timeout=60).returncode


def test_a_process_killed_at_any_step_of_an_apply_leaves_the_old_or_the_new_data(data_copy, tmp_path):
    old = tables(data_copy)
    expected_new = {**old, **{k: v.encode() for k, v in new_texts(data_copy).items()}}
    outcomes = []
    for step in range(0, 10):  # kept, 3 temporary files, journal, 4 renames: every point between
        folder = tmp_path / f"step{step}"
        subprocess.run(["cp", "-r", str(data_copy), str(folder)], check=True)
        code = _crash_at(folder, step)
        with data_store.reading(folder):  # the next page load settles the folder
            now = tables(folder)
        assert now in (old, expected_new), f"a mix after a crash at step {step}"
        assert not list(folder.glob(".atlas-*")) and not list(folder.glob("history/.*"))  # nothing half left
        load_dataset(folder)  # and it is valid either way
        outcomes.append((code, "new" if now == expected_new else "old", len(data_store.versions(folder))))
    # the journal is the point of no return; history lists an apply only once it happened
    assert outcomes[:5] == [(86, "old", 0)] * 4 + [(86, "new", 1)]
    assert outcomes[-1] == (0, "new", 1)  # the last step is past the end: the apply completed


def test_check_data_finishes_an_apply_cut_short_before_it_reads(data_copy):
    """Between a crash and the next start of the app, `make check-data` reads the folder as the
    app does: it finishes the journal rather than reporting half of an apply."""
    texts = new_texts(data_copy)
    assert _crash_at(data_copy, 6) == 86  # journal written, one table renamed of three
    result = subprocess.run([sys.executable, "-m", "components.check_data", str(data_copy)], capture_output=True,
                            text=True, cwd=ROOT, check=False)
    assert result.returncode == 0, result.stderr
    assert {name: (data_copy / name).read_text(encoding="utf-8") for name in texts} == texts
    assert not list(data_copy.glob(".atlas-*"))


def test_a_journal_cut_short_is_not_left_behind(data_copy):
    """A crash while the journal itself is written leaves its part file; settling removes it, so
    it never ends up in a backup."""
    before = tables(data_copy)
    (data_copy / (data_store.JOURNAL_FILE + ".part")).write_text('[[".atlas-new-0-x', encoding="utf-8")
    (data_copy / "history").mkdir(exist_ok=True)
    (data_copy / "history" / ".20240101-000000-000000.part").mkdir()
    with data_store.reading(data_copy):
        assert tables(data_copy) == before
    assert not list(data_copy.glob(".atlas-*")) and not list((data_copy / "history").iterdir())
