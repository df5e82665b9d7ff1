"""Builders' results for the page: through the one cache (components/memo.py), keyed on the call."""

from __future__ import annotations

from collections.abc import Callable

from components import filters as flt
from components.dataset import Dataset
from components.memo import remember
from components.ui.state import context


def _built(builder: Callable[..., object], data: Dataset, filters: flt.Filters, lang: str,
           **options: object) -> object:
    return builder(data, remember(flt.apply, data, filters), lang=lang, **options)


def cached(builder: Callable[..., object], data: Dataset, **options: object) -> object:
    """``builder(data, view, lang=lang, **options)`` for this run's filter and language, built
    once and reused while the data, the filter, the language and the options stay the same."""
    ctx = context()
    return remember(_built, builder, data, ctx.filters, ctx.lang, **options)


def cached_call(builder: Callable[..., object], data: Dataset, *args: object) -> object:
    """``builder(data, *args)`` built once per data and (hashable) arguments."""
    return remember(builder, data, *args)


def view(data: Dataset) -> flt.View:
    """The filtered delegations for this run (the one filter every output reads)."""
    return cached_call(flt.apply, data, context().filters)
