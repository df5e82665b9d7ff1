"""The floor of the side-by-side report: an atlas page recorded as the elements it drew, replayed
by a bare Streamlit script (bench/bare_page.py) with the same Streamlit calls — the same widgets,
figures, maps and tables, in the same layout — and none of the atlas's own work (URL state,
dataset, filtering, builders, caches).

``record(app)`` reads a finished AppTest run; ``replay(nodes)`` draws the recording."""

from __future__ import annotations

import json
import pickle
from dataclasses import dataclass, field
from itertools import count
from typing import Any

import plotly.graph_objects as go
import streamlit as st
from streamlit.testing.v1 import AppTest
from streamlit.testing.v1.element_tree import Block

#: A flag stands in for the profile's flag image (the recording keeps no media files).
_FLAG = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 3 2"><rect width="3" height="2" fill="#c00"/></svg>'


@dataclass
class Node:
    kind: str
    args: dict[str, Any] = field(default_factory=dict)
    children: list[Node] = field(default_factory=list)


def _element(node: Any) -> Node | None:
    proto, kind = node.proto, node.type
    if kind in ("markdown", "caption", "divider", "html", "title", "subheader", "info"):
        return Node(kind, {"body": proto.body})
    if kind == "metric":
        return Node(kind, {"label": proto.label, "value": proto.body})
    if kind in ("button", "download_button"):
        return Node(kind, {"label": proto.label})
    if kind == "page_link":
        return Node(kind, {"label": proto.label, "icon": proto.icon or None})
    if kind in ("multiselect", "selectbox", "button_group"):
        return Node(kind, {"label": proto.label, "options": list(node.options)})
    if kind == "text_input":
        return Node(kind, {"label": proto.label, "value": proto.value if proto.HasField("value") else ""})
    if kind == "dataframe":
        return Node(kind, {"frame": node.value})
    if kind == "image":
        return Node(kind)
    if kind == "plotly_chart":
        return Node(kind, {"spec": json.loads(proto.spec), "select": bool(proto.selection_mode)})
    if kind == "deck_gl_json_chart":
        return Node(kind, {"json": proto.json, "tooltip": json.loads(proto.tooltip) if proto.tooltip else None})
    raise ValueError(f"the bare page cannot replay a {kind!r} element yet")


def _block(node: Block) -> Node | None:
    kind, proto = node.type, node.proto
    children = [n for n in (_node(c) for c in node.children.values()) if n is not None]
    if kind == "flex_container" and children and all(c.kind == "column" for c in children):
        return Node("columns", children=children)
    if kind == "column":
        return Node(kind, {"weight": proto.weight}, children)
    if kind == "tab_container":
        return Node(kind, children=children)
    if kind == "tab":
        return Node(kind, {"label": node.label}, children)  # type: ignore[attr-defined]
    if kind == "expander":
        return Node(kind, {"label": node.label, "expanded": proto.expanded}, children)  # type: ignore[attr-defined]
    if kind == "popover":
        return Node(kind, {"label": proto.popover.label}, children)
    if kind in ("flex_container", "main", "sidebar"):
        return Node("container", children=children)
    return None  # the event block (dialogs and toasts): nothing drawn


def _node(node: Any) -> Node | None:
    return _block(node) if isinstance(node, Block) else _element(node)


def recordings(path: str) -> dict[str, dict[str, Node]]:
    """The recorded pages in a file (bench/bare_page.py keeps them with ``memo.remember``)."""
    with open(path, "rb") as file:
        return pickle.load(file)


def record(app: AppTest) -> dict[str, Node]:
    """The main area and the sidebar of a finished run."""
    return {"main": _block(app.main), "sidebar": _block(app.sidebar)}


def shown(node: Node) -> dict[str, int]:
    """How many charts, maps and tables a browser shows on first load: the first tab of each tab
    set, open expanders, no popover contents."""
    counts = {"plotly_chart": 0, "dataframe": 0, "deck_gl_json_chart": 0}

    def visit(n: Node) -> None:
        if n.kind in counts:
            counts[n.kind] += 1
        if n.kind == "popover" or (n.kind == "expander" and not n.args["expanded"]):
            return
        for child in n.children[:1] if n.kind == "tab_container" else n.children:
            visit(child)

    visit(node)
    return counts


class _RecordedDeck:
    """Enough of a pydeck Deck for st.pydeck_chart: its JSON and tooltip, as recorded."""

    def __init__(self, spec: str, tooltip: dict | None):
        self._json, self._tooltip, self.layers = spec, tooltip, []

    def to_json(self) -> str:
        return self._json


def replay(nodes: list[Node], keys: count | None = None) -> None:
    """Draw the nodes in the current container with the Streamlit call that made each."""
    keys = keys if keys is not None else count()
    for node in nodes:
        args, key = node.args, f"w{next(keys)}"
        match node.kind:
            case "container":
                with st.container():
                    replay(node.children, keys)
            case "columns":
                for column, child in zip(st.columns([c.args["weight"] for c in node.children]), node.children,
                                         strict=True):
                    with column:
                        replay(child.children, keys)
            case "tab_container":
                for tab, child in zip(st.tabs([c.args["label"] for c in node.children]), node.children,
                                      strict=True):
                    with tab:
                        replay(child.children, keys)
            case "popover":
                with st.popover(args["label"]):
                    replay(node.children, keys)
            case "expander":
                with st.expander(args["label"], expanded=args["expanded"]):
                    replay(node.children, keys)
            case "markdown":
                st.markdown(args["body"])
            case "caption":
                st.caption(args["body"])
            case "divider":
                st.divider()
            case "html":
                st.html(args["body"])
            case "title":
                st.title(args["body"], anchor=False)
            case "subheader":
                st.subheader(args["body"], anchor=False)
            case "info":
                st.info(args["body"])
            case "metric":
                st.metric(args["label"], args["value"])
            case "button":
                st.button(args["label"], key=key)
            case "download_button":
                st.download_button(args["label"], lambda: b"", key=key, on_click="ignore")
            case "page_link":
                st.page_link(st.Page(_page_self), label=args["label"], icon=args["icon"])
            case "multiselect":
                st.multiselect(args["label"], args["options"], key=key)
            case "selectbox":
                st.selectbox(args["label"], args["options"], key=key, index=None)
            case "button_group":
                st.segmented_control(args["label"], args["options"], key=key)
            case "text_input":
                st.text_input(args["label"], args["value"], key=key)
            case "dataframe":
                st.dataframe(args["frame"], hide_index=True, width="stretch", key=key)
            case "image":
                st.image(_FLAG, width="stretch")
            case "plotly_chart":
                if "figure" not in args:  # built on the first replay, as the atlas caches its figures
                    args["figure"] = go.Figure(args["spec"])
                st.plotly_chart(args["figure"], theme=None, key=key, width="stretch",
                                on_select="rerun" if args["select"] else "ignore", selection_mode="points")
            case "deck_gl_json_chart":
                st.pydeck_chart(_RecordedDeck(args["json"], args["tooltip"]), key=key)  # type: ignore[arg-type]


def _page_self() -> None:
    """The target of the replayed page links (the atlas's links lead to its other pages)."""
