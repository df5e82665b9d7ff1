"""`make bench`: every benchmark in one go, each printing its own table."""

import tempfile
from pathlib import Path

from bench import exports, load, map_paint, map_pan, page_paint, pages, synthetic

if __name__ == "__main__":
    print("== Page scripts against bare pages with the same elements (shipped data) ==")
    pages.main([])
    with tempfile.TemporaryDirectory() as folder:
        print("\n== Scale: 10,000 delegations, 100,000 priority links, 2,000 events ==")
        pages.main([str(synthetic.generate(Path(folder) / "data"))])
    print("\n== Every page in Chromium against its bare counterpart ==")
    page_paint.main()
    print("\n== Map page in Chromium against a bare pydeck page ==")
    map_paint.main()
    print("\n== Map panning at scale ==")
    map_pan.main()
    print("\n== Exports ==")
    exports.main()
    print("\n== Load: 30 concurrent sessions ==")
    load.main(["30"])
