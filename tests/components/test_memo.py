"""The one cache: a result per arguments, the same object back, a bounded number per function."""

from __future__ import annotations

from components import memo


def test_a_result_is_computed_once_per_arguments_and_the_oldest_goes_first():
    calls: list[tuple[int, str]] = []

    def square(n: int, unit: str = "") -> str:
        calls.append((n, unit))
        return f"{n * n}{unit}"

    assert memo.remember(square, 3) == "9" and memo.remember(square, 3) == "9"
    assert memo.remember(square, 3, unit="m") == "9m"
    assert calls == [(3, ""), (3, "m")]
    for n in range(memo.PER_FUNCTION + 1):
        memo.remember(square, 100 + n)
    calls.clear()
    memo.remember(square, 3)  # pushed out by the newer ones: computed again
    memo.remember(square, 100 + memo.PER_FUNCTION)  # the newest: still kept
    assert calls == [(3, "")]
