"""Where Chromium is and how to start it headless: shared by `make pdf`, the tests and `make lighthouse`."""

from __future__ import annotations

import os
from pathlib import Path

# Debian's chromium package by default; elsewhere (GitHub's runners: /usr/bin/google-chrome) set CHROMIUM_PATH.
PATH = Path(os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium"))
# No sandbox (CI runs as root); no calls to Google's services, which a closed network refuses.
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]
