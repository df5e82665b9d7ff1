"""`make bench`: every benchmark in one go, each printing its own table."""

from bench import exports, map_paint

if __name__ == "__main__":
    print("== Exports ==")
    exports.main()
    print("\n== Map page ==")
    map_paint.main()
