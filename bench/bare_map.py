"""The floor for the map benchmark: a bare Streamlit page with one pydeck chart of N points
(N from $BENCH_POINTS), no basemap, nothing else."""

import os

import pandas as pd
import pydeck as pdk
import streamlit as st

count = int(os.environ.get("BENCH_POINTS", "13"))
points = pd.DataFrame({"lon": [-120 + 260 * i / max(count, 1) for i in range(count)],
                       "lat": [(-30 + 7 * i) % 60 for i in range(count)]})
st.title("Bare map")
st.pydeck_chart(pdk.Deck(layers=[pdk.Layer("ScatterplotLayer", points, get_position=["lon", "lat"],
                                           get_fill_color=[0, 114, 178], radius_units="'pixels'", get_radius=8)],
                         map_provider=None, initial_view_state=pdk.ViewState(latitude=20, longitude=22, zoom=0.66)),
                height=620)
