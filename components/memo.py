"""The one cache of the atlas: a function's result kept per arguments, a bounded number of them
per function, for the whole process (every session shares it).

Keys are the arguments themselves, so they must be hashable: a ``Dataset`` counts by identity (a
new load is a new key, and the old results age out), filters and options by value. Looking a
result up costs microseconds, where ``st.cache_data``/``st.cache_resource`` hash every argument
on every call (0.5–2 ms each, a dozen calls a page). Callers must not modify what they get back.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Any, TypeVar

T = TypeVar("T")
#: Results kept per function: enough for the filters and languages of a meeting's sessions.
PER_FUNCTION = 64

_kept: dict[Callable[..., Any], OrderedDict[Hashable, Any]] = {}
_lock = threading.Lock()


def remember(function: Callable[..., T], *args: Hashable, **options: Hashable) -> T:
    """``function(*args, **options)``, computed once while the same arguments keep coming."""
    key = (args, tuple(sorted(options.items())))
    with _lock:
        results = _kept.setdefault(function, OrderedDict())
        if key in results:
            results.move_to_end(key)
            return results[key]
    value = function(*args, **options)  # outside the lock: builders may remember other results
    with _lock:
        results[key] = value
        results.move_to_end(key)
        while len(results) > PER_FUNCTION:
            results.popitem(last=False)
    return value
