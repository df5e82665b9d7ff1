"""Check the dataset: ``python -m components.check_data [FOLDER]``; exit 1 on any problem.

It reads the folder as the app does: an apply cut short by a crash is finished or rolled back
first, so the check never reads half of one."""

from __future__ import annotations

import sys
from pathlib import Path

from components.data_store import reading
from components.dataset import DataError, data_dir_from_env, load_dataset


def main(argv: list[str]) -> int:
    folder = Path(argv[0]) if argv else data_dir_from_env()
    try:
        with reading(folder):  # a folder that is not there or not writable is only read
            data = load_dataset(folder)
    except DataError as error:
        print(f"{len(error.problems)} problem(s) in {folder}:", file=sys.stderr)
        for problem in error.problems:
            print(f"  {problem}", file=sys.stderr)
        return 1
    print(f"{folder}: OK — {len(data.localities)} localities, {len(data.priorities)} priorities, "
          f"{len(data.programme)} events, {len(data.sources)} sources.")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
