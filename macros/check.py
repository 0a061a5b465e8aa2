"""`make check`: validate data/dimensions.yaml and print every problem in plain Dutch."""

from __future__ import annotations

import sys
from pathlib import Path

from macros import dataset


def main(argv: list[str]) -> int:
    path = Path(argv[0]) if argv else dataset.DATA_FILE
    try:
        data = dataset.load(path)
    except dataset.DatasetError as err:
        print(err, file=sys.stderr)
        return 1
    print(f"{dataset.label(path)}: in orde "
          f"({len(data['dimensions'])} dimensies, {len(data['sources'])} bronnen, versie {data['version']})")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
