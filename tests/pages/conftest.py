"""AppTest helpers: run the real entry point, optionally on another page or another data folder."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

APP = str(Path(__file__).resolve().parents[2] / "app.py")


@pytest.fixture
def run_app():
    def run(page: str | None = None, **params: str) -> AppTest:
        app = AppTest.from_file(APP, default_timeout=60)
        for key, value in params.items():
            app.query_params[key] = value
        if page is not None:  # opened directly, as a pasted link would be
            app.switch_page(f"pages/{page}.py")
        return app.run()

    return run
