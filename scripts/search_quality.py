"""How often the site's search puts the right page in its first three results, measured in Chromium.

The queries and the pages that answer them are in tests/search_queries.yaml. Every query is typed into
Material's search box of one open page, as a user would, and the first three result pages are read from the
result list. tests/test_search_quality.py asserts the figure on every test run; this script prints it with
every miss, for the quality page (docs/kwaliteit.md).
Usage: make search-quality  (exit status 1 when the figure is below TARGET)
"""

from __future__ import annotations

import functools
import http.server
import os
import re
import subprocess
import sys
import tempfile
import threading
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlparse

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # make the `macros` package importable
from macros import chromium  # noqa: E402

QUERIES = ROOT / "tests" / "search_queries.yaml"
TOP = 3
TARGET = 0.9

# Material searches on keyup and then rewrites the line above the results ("3 overeenkomende documenten"):
# blank that line first, and the answer has come when it has text again.
ASK = """(value) => {
  document.querySelector(".md-search-result__meta").textContent = "";
  const input = document.querySelector("[data-md-component=search-query]");
  input.value = value;
  input.dispatchEvent(new KeyboardEvent("keyup"));
}"""
ANSWERED = """() => document.querySelector(".md-search-result__meta").textContent.trim() !== ''"""
READY = """(placeholder) => document.querySelector(".md-search-result__meta").textContent.trim() === placeholder"""
# Material shows one item per page: its first link is the page, the others are its best sections.
RESULT_PAGES = """() => [...document.querySelectorAll(".md-search-result__item > a:first-child")].map(a => a.href)"""


@dataclass(frozen=True)
class Outcome:
    query: str
    expect: list[str]
    found: list[str]  # the first result pages, as paths under the site root

    @property
    def hit(self) -> bool:
        return any(page in self.found for page in self.expect)


def load_queries(path: Path = QUERIES) -> list[dict]:
    return yaml.safe_load(path.read_text(encoding="utf-8"))["queries"]


def page_path(key: str, dimension_ids: set[str]) -> str:
    """A dimension id names its card; anything else is the path of a page."""
    return f"dimensies/{key}/" if key in dimension_ids else f"{key.strip('/')}/"


def measure(page, base_url: str, queries: list[dict], dimension_ids: set[str]) -> list[Outcome]:
    """Type every query into the search box of one page and note the first result pages."""
    page.goto(base_url)
    page.keyboard.press("/")  # opens the search dialog, as a user would
    page.wait_for_function(READY, arg=_placeholder(page))  # the index is loaded
    outcomes = []
    for item in queries:
        page.evaluate(ASK, item["query"])
        page.wait_for_function(ANSWERED)
        found = [_relative(href, base_url) for href in page.evaluate(RESULT_PAGES)[:TOP]]
        outcomes.append(Outcome(item["query"], [page_path(k, dimension_ids) for k in item["expect"]], found))
    return outcomes


def hit_rate(outcomes: list[Outcome]) -> float:
    return sum(o.hit for o in outcomes) / len(outcomes)


def report(outcomes: list[Outcome]) -> str:
    misses = [o for o in outcomes if not o.hit]
    lines = [f"{sum(o.hit for o in outcomes)} of {len(outcomes)} queries find an expected page in the first "
             f"{TOP} results: {hit_rate(outcomes):.0%} (target {TARGET:.0%})."]
    if misses:
        lines += ["", "Misses (query: expected -> found):"]
        lines += [f"- {o.query!r}: {', '.join(o.expect)} -> {', '.join(o.found) or 'nothing'}" for o in misses]
    return "\n".join(lines)


def _placeholder(page) -> str:
    """Material's text for an empty search box, in the site's language (read from the page's configuration)."""
    return page.evaluate("() => JSON.parse(document.getElementById('__config').textContent)"
                         ".translations['search.result.placeholder']")


def _relative(href: str, base_url: str) -> str:
    """The page's path under the site root, without the section and the highlighted words (`?h=`)."""
    path = re.split(r"[?#]", href)[0]
    return path[len(base_url):] if path.startswith(base_url) else path


def main() -> int:
    from playwright.sync_api import sync_playwright

    from macros import dataset

    site_path = urlparse(re.search(r"^site_url:\s*(\S+)", (ROOT / "mkdocs.yml").read_text(), re.M)[1]).path
    dimension_ids = {d["id"] for d in dataset.load()["dimensions"]}
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d",
                        str(Path(tmp) / site_path.strip("/"))],
                       cwd=ROOT, check=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
        base = _serve(Path(tmp)) + site_path.lstrip("/")
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=str(chromium.PATH), args=chromium.ARGS)
            outcomes = measure(browser.new_page(locale="nl-NL"), base, load_queries(), dimension_ids)
            browser.close()
    print(report(outcomes))
    return 0 if hit_rate(outcomes) >= TARGET else 1


def _serve(directory: Path) -> str:
    handler = functools.partial(_QuietHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_address[1]}/"


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


if __name__ == "__main__":
    sys.exit(main())
