"""`make check`: validate data/dimensions.yaml and print every problem in plain Dutch.

It loads the dataset the way the build does (macros/model.py), so what passes here also builds: the schema and
cross-field checks, and whether every printed card fits.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from macros import dataset, model
from macros.errors import DataError

SITE_URL = re.compile(r"^site_url:\s*(\S+)", re.MULTILINE)


def main(argv: list[str]) -> int:
    path = Path(argv[0]) if argv else dataset.DATA_FILE
    try:
        ds = model.load(site_url(), path=path)
    except DataError as err:
        print(err, file=sys.stderr)
        return 1
    print(f"{dataset.label(path)}: in orde "
          f"({len(ds.dimensions)} dimensies, {len(ds.sources)} bronnen, versie {ds.version})")
    return 0


def site_url() -> str | None:
    """The site's address in mkdocs.yml, which the cards' QR codes need, as in the build."""
    match = SITE_URL.search((dataset.ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    return match.group(1) if match else None


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
