"""Export timings in one fresh process: the first briefing pack (PPTX + PDF, as a fresh server
makes it: Chromium starts, fonts load), first PNG, warm PNG/SVG/PDF, the warm pack (PPTX and PDF,
pictures included) and the who's who, for the shipped data and for 300 synthetic delegations.
Targets: first pack ≤ 15 s; warm PNG ≤ 0.5 s; warm PPTX + PDF pack ≤ 5 s shipped, ≤ 60 s for 300."""

from __future__ import annotations

import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from bench.synthetic import generate
from components import briefing, briefing_files, charts, export, whos_who
from components.dataset import load_dataset
from components.filters import Filters, apply


def seconds(action: Callable[[], object]) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def pack_seconds(data, view, lang: str) -> float:
    """The whole pack as the sidebar makes it: plan and pictures, then the PPTX and the PDF."""
    start = time.perf_counter()
    pack = briefing.build(data, view, lang)
    briefing_files.pptx_bytes(pack)
    briefing_files.pdf_bytes(pack)
    return time.perf_counter() - start


def main() -> None:
    data = load_dataset()
    view = apply(data, Filters())
    first_pack = pack_seconds(data, view, "en")
    warm_pack = statistics.median(pack_seconds(data, view, lang) for lang in ("en", "vi", "en"))
    figure = charts.theme_counts(data, view, "en").figure
    cold = seconds(lambda: export.slide_png(figure))
    warm = {fmt: statistics.median(seconds(lambda f=fmt: export.figure_bytes(figure, f, 1280, 720)) for _ in range(5))
            for fmt in ("png", "svg", "pdf")}
    slide = statistics.median(seconds(lambda: export.slide_png(figure)) for _ in range(5))
    print(f"{'export':<52}{'seconds':>10}")
    print(f"{'first PPTX + PDF pack, fresh process (target ≤ 15)':<52}{first_pack:>10.2f}")
    print(f"{'warm PPTX + PDF pack, shipped (median of 3; ≤ 5)':<52}{warm_pack:>10.2f}")
    print(f"{'first PNG (starts Chromium)':<52}{cold:>10.2f}")
    for fmt, value in warm.items():
        print(f"{'warm ' + fmt.upper() + ' 1280×720 (median of 5)':<52}{value:>10.2f}")
    print(f"{'warm slide PNG 1920×1080 (target ≤ 0.5)':<52}{slide:>10.2f}")
    with tempfile.TemporaryDirectory() as folder:
        many = load_dataset(generate(Path(folder) / "data", localities=300, statements_each=4, events=40))
        for label, dataset, target in (("shipped", data, 5), ("300 delegations", many, 60)):
            shown = apply(dataset, Filters())
            built = seconds(lambda d=dataset, v=shown: packs.update(pack=briefing.build(d, v, "en")))
            pptx = seconds(lambda: briefing_files.pptx_bytes(packs["pack"]))
            pdf = seconds(lambda: briefing_files.pdf_bytes(packs["pack"]))
            who = seconds(lambda d=dataset, v=shown: whos_who.pdf_bytes(d, v, "en"))
            name = f"{label}, {len(shown.ids)} shown, {len(packs['pack'].slides)} slides"
            print(f"{'pack plan + pictures, ' + name:<52}{built:>10.2f}")
            print(f"{'whole PPTX pack (target ≤ ' + str(target) + ')':<52}{built + pptx:>10.2f}")
            print(f"{'whole PDF pack (target ≤ ' + str(target) + ')':<52}{built + pdf:>10.2f}")
            print(f"{'who' + chr(39) + 's who PDF':<52}{who:>10.2f}")


packs: dict[str, briefing.Pack] = {}


if __name__ == "__main__":
    main()
