"""`make build`: build the site into a folder of its own and put it in place only when the build succeeded.

Two builds at once (two terminals, an editor that builds on save) used to share one `site.partial/`, and both
could succeed while leaving a site without assets or search index. Now a lock next to the site makes a second
build wait for the first, and each build writes into its own temporary folder, so `site/` is always one whole
build, and a failed build leaves the previous one as it was.

    python -m macros.sitebuild SITE_DIR [extra arguments for `mkdocs build`]
"""

from __future__ import annotations

import fcntl
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path


def main(argv: list[str]) -> int:
    site = Path(argv[0] if argv else "site").absolute()
    with open(site.parent / f".{site.name}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # waits while another build holds it; released when the file closes
        partial = Path(tempfile.mkdtemp(prefix=f"{site.name}.partial-", dir=site.parent))
        try:
            partial.chmod(0o755)  # mkdtemp makes it private; the site is published
            build = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(partial),
                                    *argv[1:]], env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
            if build.returncode != 0:
                return build.returncode
            replace(site, partial)
        finally:
            shutil.rmtree(partial, ignore_errors=True)
    return 0


def replace(site: Path, new: Path) -> None:
    """Put `new` where `site` is, with two renames: the site is never half old, half new."""
    previous = site.with_name(f"{site.name}.previous")
    shutil.rmtree(previous, ignore_errors=True)  # left by a build that was killed here
    if site.exists():
        site.rename(previous)
    new.rename(site)
    shutil.rmtree(previous, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
