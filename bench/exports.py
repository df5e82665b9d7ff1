"""Export timings in one fresh process: first PNG (starts Chromium), warm PNG/SVG/PDF, and the
briefing pack for every identified delegation (PPTX and PDF). Targets: warm PNG ≤ 0.5 s, deck ≤ 5 s."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable

from components import briefing, charts, export
from components.dataset import load_dataset
from components.filters import Filters, apply


def seconds(action: Callable[[], object]) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def main() -> None:
    data = load_dataset()
    view = apply(data, Filters())
    figure = charts.theme_counts(data, view, "en").figure
    cold = seconds(lambda: export.slide_png(figure))
    warm = {fmt: statistics.median(seconds(lambda f=fmt: export.figure_bytes(figure, f, 1280, 720)) for _ in range(5))
            for fmt in ("png", "svg", "pdf")}
    slide = statistics.median(seconds(lambda: export.slide_png(figure)) for _ in range(5))
    pictures: dict[str, bytes] = {}
    plan_and_images = seconds(lambda: pictures.update(briefing.images(data, view, "en")))
    slides = briefing.plan(data, view, "en")
    pptx = seconds(lambda: briefing.pptx_bytes(slides, pictures))
    pdf = seconds(lambda: briefing.pdf_bytes(slides, pictures))
    print(f"{'export':<44}{'seconds':>10}")
    print(f"{'first PNG (starts Chromium)':<44}{cold:>10.2f}")
    for fmt, value in warm.items():
        print(f"{'warm ' + fmt.upper() + ' 1280×720 (median of 5)':<44}{value:>10.2f}")
    print(f"{'warm slide PNG 1920×1080 (target ≤ 0.5)':<44}{slide:>10.2f}")
    print(f"{'deck pictures (4 charts)':<44}{plan_and_images:>10.2f}")
    print(f"{'deck PPTX, ' + str(len(view.ids)) + ' delegations':<44}{pptx:>10.2f}")
    print(f"{'deck PDF':<44}{pdf:>10.2f}")
    print(f"{'whole PPTX pack (target ≤ 5)':<44}{plan_and_images + pptx:>10.2f}")


if __name__ == "__main__":
    main()
