"""`make bench`: every benchmark in one go, each printing its own table."""

from bench import map_paint

if __name__ == "__main__":
    print("== Map page ==")
    map_paint.main()
