"""One browser context reused by many tests, emptied between them, so Chromium need not start a new one per test."""

from __future__ import annotations

import re
from urllib.parse import urlparse

KEEPER_ORIGIN = "http://127.0.0.1:8999"  # answered by Playwright (`route`); test servers get ports above 32767
KEEPER_URL = KEEPER_ORIGIN + "/lo-test-keeper"


class ReusedContext:
    """One browser context for all the tests of a worker, emptied after each test as if it were new.

    A new context per test made Chromium start a renderer process for every test: about half a second of CPU each,
    on machines where the suite waits for the CPU. Pages of one site share a renderer while one of them is open, so
    one page (`keeper`, empty, on 127.0.0.1) stays open. After a test every other page is closed, and what it stored
    in each origin it visited (localStorage and the rest), its cookies and its permissions are removed. The test
    servers tell the browser not to cache (tests/conftest.py).
    """

    def __init__(self, browser, **options):
        self.context = browser.new_context(**options)
        self.visited: set[str] = set()
        self.context.on("page", lambda page: page.on("framenavigated", lambda frame: self.visit(frame.url)))
        self.keeper = self.context.new_page()
        empty_page = {"body": "<title>-</title>", "content_type": "text/html"}
        self.keeper.route(re.compile("^https?://"), lambda route: route.fulfill(**empty_page))
        self.keeper.goto(KEEPER_URL)

    def visit(self, url: str) -> None:
        parts = urlparse(url)
        if parts.scheme in ("http", "https", "file"):
            self.visited.add(f"{parts.scheme}://{parts.netloc}")

    def empty(self) -> None:
        for page in self.context.pages:
            if page != self.keeper:
                page.close()
        devtools = self.context.new_cdp_session(self.keeper)
        for origin in self.visited - {KEEPER_ORIGIN}:
            devtools.send("Storage.clearDataForOrigin", {"origin": origin, "storageTypes": "all"})
        devtools.detach()
        self.visited.clear()
        self.context.clear_cookies()
        self.context.clear_permissions()
