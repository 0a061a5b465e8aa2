"""Lighthouse scores (mobile profile) for the main page types; not a test, as scores vary with the machine.

Builds the site, serves it on 127.0.0.1 at its published path, runs the pinned Lighthouse from node_modules
in Debian's Chromium and writes build/lighthouse/report.md plus the JSON report of every run.
Usage: make lighthouse  (exit status 1 when a score misses its target)
"""

from __future__ import annotations

import functools
import gzip
import http.server
import json
import os
import re
import subprocess
import sys
import tempfile
import threading
from pathlib import Path
from urllib.parse import urlparse

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # make the `macros` package importable
from macros import chromium  # noqa: E402

OUT = ROOT / "build" / "lighthouse"
LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"

# Page types to score, by path under the site root.
PAGES = {
    "home": "",
    "dimensiepagina": "dimensies/feedbackprocessen/",
    "zelfscan": "zelfscan/",
}
RUNS = 3
TARGETS = {"performance": 95, "accessibility": 100, "best-practices": 100, "seo": 100}


def main() -> int:
    site_path = urlparse(re.search(r"^site_url:\s*(\S+)", (ROOT / "mkdocs.yml").read_text(), re.M)[1]).path
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        build(Path(tmp) / site_path.strip("/"))
        base = serve(Path(tmp)) + site_path.lstrip("/")
        scores = {name: run(name, base + path) for name, path in PAGES.items()}
    report = render(scores)
    (OUT / "report.md").write_text(report, encoding="utf-8")
    print(report)
    missed = [(n, c) for n, s in scores.items() for c, target in TARGETS.items() if s[c] < target]
    return 1 if missed else 0


def build(site_dir: Path) -> None:
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(site_dir)],
                   cwd=ROOT, check=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})


class GzipHandler(http.server.SimpleHTTPRequestHandler):
    """Serves files gzipped, as the static host does: Lighthouse weighs what goes over the wire."""

    def do_GET(self) -> None:
        path = Path(self.translate_path(self.path))
        if path.is_dir() and self.path.endswith("/"):
            path = path / "index.html"
        if not path.is_file():
            return super().do_GET()  # the redirect to ".../" or a 404
        body = gzip.compress(path.read_bytes())
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args) -> None:
        pass


def serve(directory: Path) -> str:
    handler = functools.partial(GzipHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_address[1]}/"


def run(name: str, url: str) -> dict:
    """The run with the median performance score of RUNS: one run alone swings with the machine's load."""
    runs = sorted((run_once(name, url, i) for i in range(RUNS)), key=lambda s: s["performance"])
    return runs[len(runs) // 2]


def run_once(name: str, url: str, number: int) -> dict:
    """Lighthouse's default profile: a mid-range phone on a slow 4G connection (simulated)."""
    report = OUT / f"{name}-{number + 1}.json"
    subprocess.run(
        [str(LIGHTHOUSE), url, "--quiet", "--output=json", f"--output-path={report}",
         "--only-categories=" + ",".join(TARGETS), "--chrome-flags=--headless=new --no-sandbox"],
        check=True, env={**os.environ, "CHROME_PATH": str(chromium.PATH)},
    )
    result = json.loads(report.read_text(encoding="utf-8"))
    scores = {key: round(cat["score"] * 100) for key, cat in result["categories"].items()}
    scores["failing"] = [f"{audit['id']} ({key})" for key, cat in result["categories"].items() if key != "performance"
                         for ref in cat["auditRefs"] if ref["weight"]
                         for audit in [result["audits"][ref["id"]]]
                         if audit["score"] is not None and audit["score"] < 1]
    scores["metrics"] = {m: result["audits"][m]["displayValue"] for m in
                         ("first-contentful-paint", "largest-contentful-paint", "total-blocking-time",
                          "cumulative-layout-shift")}
    return scores


def render(scores: dict) -> str:
    lines = ["| pagina | " + " | ".join(TARGETS) + " | FCP | LCP | TBT | CLS |",
             "|---" * (len(TARGETS) + 5) + "|"]
    for name, s in scores.items():
        lines.append(f"| {name} | " + " | ".join(str(s[c]) for c in TARGETS) + " | "
                     + " | ".join(s["metrics"].values()) + " |")
    for name, s in scores.items():
        if s["failing"]:
            lines.append(f"\n{name}: audits below 100: {', '.join(s['failing'])}")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    sys.exit(main())
