"""`make build` and `make offline`: build into a folder of its own and put it in place only when the build succeeded.

Two builds at once (two terminals, an editor that builds on save) used to share one `site.partial/`, and both
could succeed while leaving a site without assets or search index. Now a lock next to the site makes a second
build wait for the first, and each build writes into its own temporary folder, so the site is always one whole
build, and a failed build leaves the previous one as it was. The offline edition's zip is made under the same
lock and replaced in one step. With --pdf, Chromium prints the printed products into the new build's pdf/ folder
before it is put in place (macros/print_pdf.py), and the pages link to them.

    python -m macros.sitebuild SITE_DIR [--pdf] [--zip ZIP_FILE] [extra arguments for `mkdocs build`]
"""

from __future__ import annotations

import argparse
import fcntl
import os
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

from macros import downloads, print_pdf


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m macros.sitebuild")
    parser.add_argument("site", type=Path, help="the folder the site is built into")
    parser.add_argument("--zip", type=Path, help="also pack the site, its folder at the top, into this zip file")
    parser.add_argument("--pdf", action="store_true", help="print the printed products into the site's pdf/ folder")
    args, mkdocs_args = parser.parse_known_args(argv)
    site = args.site.absolute()
    site.parent.mkdir(parents=True, exist_ok=True)
    with open(site.parent / f".{site.name}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # waits while another build holds it; released when the file closes
        partial = Path(tempfile.mkdtemp(prefix=f"{site.name}.partial-", dir=site.parent))
        try:
            partial.chmod(0o755)  # mkdtemp makes it private; the site is published
            env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"} | ({downloads.PDF_ENV: "1"} if args.pdf else {})
            build = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(partial),
                                    *mkdocs_args], env=env)
            if build.returncode != 0:
                return build.returncode
            if args.pdf and (printed := print_pdf.main([str(partial)])) != 0:
                return printed
            replace(site, partial)
        finally:
            shutil.rmtree(partial, ignore_errors=True)
        if args.zip:
            write_zip(site, args.zip.absolute())
    return 0


def replace(site: Path, new: Path) -> None:
    """Put `new` where `site` is, with two renames: the site is never half old, half new."""
    previous = site.with_name(f"{site.name}.previous")
    shutil.rmtree(previous, ignore_errors=True)  # left by a build that was killed here
    if site.exists():
        site.rename(previous)
    new.rename(site)
    shutil.rmtree(previous, ignore_errors=True)


def write_zip(site: Path, target: Path) -> None:
    """Pack `site` (its folder at the top of the zip) into `target`, which is replaced in one step."""
    target.parent.mkdir(parents=True, exist_ok=True)
    descriptor, partial = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)  # MkDocs skips dotfiles
    try:
        with os.fdopen(descriptor, "wb") as stream, zipfile.ZipFile(stream, "w", zipfile.ZIP_DEFLATED) as archive:
            for path in sorted(site.rglob("*")):
                archive.write(path, path.relative_to(site.parent).as_posix())
        os.chmod(partial, 0o644)
        os.replace(partial, target)
    finally:
        if os.path.exists(partial):
            os.remove(partial)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
