"""Check the dataset: ``python -m components.check_data [FOLDER]``; exit 1 on any problem."""

from __future__ import annotations

import sys

from components.dataset import DataError, data_dir_from_env, load_dataset


def main(argv: list[str]) -> int:
    folder = argv[0] if argv else data_dir_from_env()
    try:
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
