"""The bare counterpart of an atlas page: its recording (bench/replay.py) replayed. The recording
file is $BENCH_RECORDING; the page is ``?page=<name>`` (browser) or $BENCH_PAGE (AppTest)."""

import os
from itertools import count

import streamlit as st

from bench.replay import recordings, replay
from components.memo import remember

st.set_page_config(page_title="Bare page", page_icon="🌏", layout="wide")
page = remember(recordings, os.environ["BENCH_RECORDING"])[st.query_params.get("page") or os.environ["BENCH_PAGE"]]
keys = count()  # one widget key sequence for the whole page
with st.sidebar:
    replay(page["sidebar"].children, keys)
replay(page["main"].children, keys)
