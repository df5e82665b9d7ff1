"""The editor's Streamlit edge: the key at the door, import and in-place correction, the preview
as a diff, apply, and the history with restore. Reading, checking and writing live in
``workbook``, ``changes`` and ``data_store``; this module only wires them to widgets."""

from __future__ import annotations

import hmac
import logging
import math
import os
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

import pandas as pd
import streamlit as st

from components import changes, data_store, ui, workbook
from components.changes import Origin, Rows
from components.dataset import Dataset, Problem, data_dir_from_env
from components.i18n import format_date, t
from components.schema import TABLES_BY_NAME, Column

KEY_ENV = "ATLAS_EDITOR_KEY"
SECRET_NAME = "editor_key"
GRID_TABLES = ("localities", "priorities", "programme", "sources")
_UNLOCKED = "atlas_editor_unlocked"
_PROPOSAL = "atlas_editor_proposal"
_DONE = "atlas_editor_done"
_UPLOADS = "atlas_editor_uploads"  # a counter in the uploader's key: a new one after an apply
_GIVEN = "atlas_editor_given"
_WRONG = "atlas_editor_wrong"
_FAILED = "atlas_editor_failed"
_REASON = "atlas_editor_reason"
#: The longest a wrong key holds the door, and the quiet time after which wrong keys are forgotten.
MAX_WAIT_S = 30.0
FORGET_AFTER_S = 900.0
_LOG = logging.getLogger(__name__)


def _configured_key() -> str:
    """The editor key from the environment or .streamlit/secrets.toml; empty means no editor."""
    key = os.environ.get(KEY_ENV, "")
    if key:
        return key
    try:
        return str(st.secrets.get(SECRET_NAME, ""))
    except FileNotFoundError:  # no secrets file: no key
        return ""
    except Exception:  # a malformed secrets file must not open the editor
        return ""


def enabled() -> bool:
    """Whether this server was started with an editor key; without one the page does not exist."""
    return bool(_configured_key())


def unlocked() -> bool:
    return enabled() and st.session_state.get(_UNLOCKED) is True


def door(lang: str) -> bool:
    """Ask for the key until this session has given it; compared in constant time. The button's
    work is done in its callback, before the run, so no rerun on the way can lose the click."""
    if unlocked():
        return True
    st.title(t("edit.title", lang))
    with st.form("editor_key"):
        st.text_input(t("edit.key_label", lang), type="password", max_chars=200, key=_GIVEN)
        st.form_submit_button(t("edit.key_submit", lang), icon=":material/key:", on_click=_try_key)
    if st.session_state.pop(_WRONG, False):
        st.error(t("edit.key_wrong", lang), icon=":material/lock:")
    return False


class Door:
    """Wrong keys counted for the whole server, not per session: keys are tried one at a time, and
    each wrong one holds the door longer than the last (1, 2, 4 … 30 s), so ten sessions guess no
    faster than one. Each is noted in the server log; a quarter of an hour without one forgets them."""

    def __init__(self, sleep: Callable[[float], None] = time.sleep, clock: Callable[[], float] = time.monotonic):
        self._lock = threading.Lock()
        self._sleep, self._clock = sleep, clock
        self.wrong = 0
        self._last = -math.inf

    def open(self, given: str, key: str) -> bool:
        with self._lock:
            if self._clock() - self._last > FORGET_AFTER_S:
                self.wrong = 0
            if hmac.compare_digest(given.encode("utf-8"), key.encode("utf-8")):
                self.wrong = 0
                return True
            self.wrong += 1
            self._last = self._clock()
            wait = min(2.0 ** (self.wrong - 1), MAX_WAIT_S)
            _LOG.warning("Editor: wrong key (%d in a row on this server); the door is held %.0f s", self.wrong, wait)
            self._sleep(wait)
            return False


DOOR = Door()


def _try_key() -> None:
    given = str(st.session_state.pop(_GIVEN, ""))
    if DOOR.open(given, _configured_key()):
        st.session_state[_UNLOCKED] = True
    else:
        st.session_state[_WRONG] = True


# --- a proposal: checked, shown as a diff, applied -------------------------------------------


@dataclass(frozen=True)
class Proposal:
    """A change checked against the data of ``fingerprint``; applying it insists on that data."""

    label: str  # what it came from, for the reason line ("upload: list.xlsx")
    signature: str  # which input it was made from, so a new input makes a new proposal
    rows: dict[str, Rows]
    problems: tuple[Problem, ...]
    diffs: tuple[changes.TableDiff, ...]
    fingerprint: str


def _propose(label: str, signature: str, incoming: dict[str, list[tuple[Origin, dict[str, str]]]],
             replace: bool, problems: list[Problem]) -> Proposal:
    folder = data_dir_from_env()
    with data_store.reading(folder):
        fingerprint = data_store.fingerprint(folder)
        current = changes.read(folder, incoming)
        merge = changes.replace_all if replace else changes.upsert
        proposed = {name: merge(current[name], rows) for name, rows in incoming.items()}
        found = problems or changes.check(folder, proposed)
    diffs = tuple(d for d in (changes.diff(current[n], proposed[n]) for n in proposed) if not d.empty)
    return Proposal(label, signature, proposed, tuple(found), diffs, fingerprint)


def _proposal(signature: str, make: Callable[[], Proposal]) -> Proposal:
    """The proposal the user is looking at while its input stays the same (checked against the
    data of its time, and not checked again on every rerun); ``make`` one for a new input."""
    kept = st.session_state.get(_PROPOSAL)
    if not (isinstance(kept, Proposal) and kept.signature == signature):
        kept = st.session_state[_PROPOSAL] = make()
    return kept


def preview(proposal: Proposal, lang: str) -> None:
    """Problems (nothing can be applied), or the change per table, then the reason and Apply."""
    if proposal.problems:
        st.error(t("edit.problems", lang, n=len(proposal.problems)), icon=":material/error:")
        st.code("\n".join(p.text(lang) for p in proposal.problems), language=None, wrap_lines=True)
        return
    if not proposal.diffs:
        st.info(t("edit.no_change", lang), icon=":material/check:")
        return
    st.subheader(t("edit.preview", lang))
    for found in proposal.diffs:
        name = t(f"edit.table.{found.table}", lang)
        st.markdown(t("edit.counts", lang, table=name, added=len(found.added), changed=len(found.changed),
                      removed=len(found.removed)))
        with st.expander(t("edit.details", lang, table=name)):
            _diff_tables(found, lang)
    st.caption(t("edit.as_of", lang, date=format_date(date.today(), lang)))
    with st.form(f"apply_{proposal.signature}"):
        st.text_input(t("edit.reason", lang), max_chars=200, placeholder=t("edit.reason_hint", lang), key=_REASON)
        st.form_submit_button(t("edit.apply", lang), type="primary", icon=":material/save:", on_click=_apply,
                              args=(proposal, lang))


def _diff_tables(found: changes.TableDiff, lang: str) -> None:
    table = TABLES_BY_NAME[found.table]
    if found.added:
        st.caption(t("edit.added", lang))
        st.dataframe(pd.DataFrame(list(found.added), dtype=str), hide_index=True)
    if found.changed:
        st.caption(t("edit.changed", lang))
        st.dataframe(pd.DataFrame([
            {t("edit.col.row", lang): " / ".join(key), t("edit.col.column", lang): cell.column,
             t("edit.col.old", lang): cell.old, t("edit.col.new", lang): cell.new}
            for key, cells in found.changed for cell in cells], dtype=str), hide_index=True)
    if found.removed:
        st.caption(t("edit.removed", lang))
        st.dataframe(pd.DataFrame(list(found.removed), dtype=str)[list(table.column_names)], hide_index=True)


def _apply(proposal: Proposal, lang: str) -> None:
    """The Apply button's callback: write, or say why not (shown by ``outcome`` in this run)."""
    reason = str(st.session_state.get(_REASON, "")).strip()
    if not reason:
        st.session_state[_FAILED] = t("edit.reason_needed", lang)
        return
    folder = data_dir_from_env()
    texts = {proposal.rows[d.table].table.file: proposal.rows[d.table].render() for d in proposal.diffs}
    texts |= changes.dated(folder, date.today())
    st.session_state.pop(_PROPOSAL, None)
    try:
        data_store.apply(folder, texts, f"{reason} ({proposal.label})", proposal.fingerprint)
    except data_store.Conflict:
        st.session_state[_FAILED] = t("edit.conflict", lang)
        return
    st.session_state.pop(_REASON, None)
    st.session_state[_UPLOADS] = st.session_state.get(_UPLOADS, 0) + 1  # a fresh uploader
    st.session_state[_DONE] = t("edit.applied", lang, n=sum(len(d.added) + len(d.changed) + len(d.removed)
                                                             for d in proposal.diffs))


def outcome() -> None:
    """What the last apply or restore did, shown once."""
    message = st.session_state.pop(_DONE, None)
    if message:
        st.success(message, icon=":material/task_alt:")
    failed = st.session_state.pop(_FAILED, None)
    if failed:
        st.error(failed, icon=":material/sync_problem:")


# --- the three panels ------------------------------------------------------------------------


def import_panel(data: Dataset, lang: str) -> None:
    st.write(t("edit.import_intro", lang))
    left, right = st.columns(2)
    left.download_button(t("edit.template_xlsx", lang), lambda: workbook.template_xlsx(data),
                         file_name="friendship-atlas-template.xlsx", on_click="ignore",
                         mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                         icon=":material/table_view:", key="template_xlsx")
    right.download_button(t("edit.template_csv", lang), lambda: workbook.template_csv_zip(data),
                          file_name="friendship-atlas-template-csv.zip", mime="application/zip", on_click="ignore",
                          icon=":material/folder_zip:", key="template_csv")
    files = st.file_uploader(t("edit.upload", lang), type=["xlsx", "csv"], accept_multiple_files=True,
                             help=t("edit.upload_help", lang, limit=workbook.MAX_UPLOAD_BYTES // 1024 // 1024),
                             key=f"upload_{st.session_state.get(_UPLOADS, 0)}")
    if not files:
        return
    signature = "upload:" + ";".join(f"{f.file_id}" for f in files)

    def make() -> Proposal:
        upload = workbook.read_upload((f.name, f.getvalue()) for f in files)
        return _propose(", ".join(f.name for f in files), signature, upload.rows, False, upload.problems)

    preview(_proposal(signature, make), lang)


def grid_panel(data: Dataset, lang: str) -> None:
    st.write(t("edit.grid_intro", lang))
    name = st.selectbox(t("edit.grid_table", lang), GRID_TABLES, format_func=lambda n: t(f"edit.table.{n}", lang))
    table = TABLES_BY_NAME[name]
    folder = data_dir_from_env()
    with data_store.reading(folder):
        current = changes.read(folder, [name])[name]
    frame = pd.DataFrame([current.cells(r) for r in current.rows], columns=list(current.header), dtype=str)
    edited = st.data_editor(frame, num_rows="dynamic", hide_index=True, width="stretch", height=420,
                            column_config={c.name: _grid_column(data, c) for c in table.columns},
                            key=f"grid_{name}_{data_store.fingerprint(folder)[:12]}")
    if not st.toggle(t("edit.grid_check", lang), key=f"grid_check_{name}"):
        return
    place = t(f"edit.table.{name}", lang)
    rows = [(Origin(place, number), {c: ("" if pd.isna(v) else str(v)).strip() for c, v in record.items()})
            for number, record in enumerate(edited.to_dict("records"), start=1)]
    signature = f"grid:{name}:{hash(tuple(tuple(r.values()) for _, r in rows))}"

    def make() -> Proposal:
        problems = [p for p in (workbook.cell_problem(o.place, o.row, c, v) for o, r in rows for c, v in r.items())
                    if p]
        return _propose(place, signature, {name: rows}, True, problems)

    preview(_proposal(signature, make), lang)


def _grid_column(data: Dataset, column: Column) -> object:
    choices = workbook.choices(data, column)
    label = column.name
    if choices:
        return st.column_config.SelectboxColumn(label, options=list(choices), required=column.required)
    return st.column_config.TextColumn(label, required=column.required)


def history_panel(lang: str) -> None:
    folder = data_dir_from_env()
    kept = data_store.versions(folder)
    st.write(t("edit.history_intro", lang))
    if not kept:
        st.info(t("edit.history_empty", lang), icon=":material/history:")
        return
    for version in kept:
        left, right = st.columns([4, 1])
        left.markdown(t("edit.version_line", lang, when=f"{version.saved:%Y-%m-%d %H:%M:%S}",
                        reason=ui.escape_md(version.reason)))
        right.button(t("edit.restore", lang), key=f"restore_{version.id}", icon=":material/restore:",
                     on_click=_restore, args=(version, lang))


def _restore(version: data_store.Version, lang: str) -> None:
    folder = data_dir_from_env()
    with data_store.reading(folder):
        expected = data_store.fingerprint(folder)
    data_store.restore(folder, version.id, t("edit.restore_reason", "en", version=version.id), expected)
    st.session_state.pop(_PROPOSAL, None)
    st.session_state[_DONE] = t("edit.restored", lang, when=f"{version.saved:%Y-%m-%d %H:%M:%S}")


