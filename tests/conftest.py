"""Shared fixtures: a copy of the project to change safely, a built site, Chromium and Java.

A test that uses the `browser` or `java` fixture (also through another fixture, such as `page`) is marked
`slow` here, and `make test-fast` leaves it out; every other test runs in both `make test` and `make test-fast`.
"""

from __future__ import annotations

import contextlib
import copy
import fcntl
import functools
import http.server
import os
import re
import shutil
import subprocess
import sys
import threading
from pathlib import Path
from urllib.parse import urlparse

import pytest
import yaml
from _pytest.nodeid import NodeId

from macros import chromium

ROOT = Path(__file__).resolve().parent.parent
PROJECT_PARTS = ["mkdocs.yml", "mkdocs-offline.yml", "docs", "data", "macros", "overrides"]
SITE_URL = re.search(r"^site_url:\s*(\S+)", (ROOT / "mkdocs.yml").read_text(), re.MULTILINE).group(1)
SITE_PATH = urlparse(SITE_URL).path.strip("/")  # "ontwikkelkaarten", or "" at a domain's root
SLOW_FIXTURES = {"browser", "java"}
EVERY_WORKER = SLOW_FIXTURES | {"browser_context"}  # session fixtures each worker makes for itself, not a group


@pytest.hookimpl(tryfirst=True)  # before pytest-xdist reads the groups
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Mark every test that needs Chromium or Java, from the fixtures it uses, so none is left out by hand.

    Tests sharing a module- or session-scoped fixture that uses Chromium or Java (a PDF printed once for many
    assertions, the sweep of every page) go to one pytest-xdist worker (`--dist loadgroup` in the Makefile), so it
    runs once, not on every worker.
    """
    for item in items:
        if SLOW_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.slow)
        info = getattr(item, "_fixtureinfo", None)  # pytest's record of the fixtures a test uses
        for name, definitions in info.name2fixturedefs.items() if info else ():
            shared_by = {"module": f"{item.module.__name__}::{name}", "session": name}.get(definitions[-1].scope)
            if shared_by and name not in EVERY_WORKER and SLOW_FIXTURES & set(definitions[-1].argnames):
                item.add_marker(pytest.mark.xdist_group(shared_by))
    if getattr(config.option, "loadgroup", False):  # a pytest-xdist worker under `--dist loadgroup`
        for item in items:
            name_after_group(item)


def name_after_group(item: pytest.Item) -> None:
    """Add the test's xdist group to its id (`<id>@<group>`): that name sends a group to one worker.

    pytest-xdist 3.8 renames the test itself, but where pytest 9 no longer reads it (`_nodeid`): without this,
    `--dist loadgroup` silently spread every group over all workers, and each worker printed the same PDFs.
    """
    groups = sorted({str(mark.args[0]) for mark in item.iter_markers("xdist_group")})
    if groups and not item.nodeid.endswith("@" + "_".join(groups)):
        item._id = NodeId.parse(f"{item.nodeid}@{'_'.join(groups)}")  # pytest's own id type, as pytest-xdist does


def copy_project(target: Path) -> Path:
    """Copy what a build needs, so a test can change the dataset without touching the real one."""
    for part in PROJECT_PARTS:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, target / part, ignore=shutil.ignore_patterns("__pycache__"))
        elif source.exists():
            shutil.copy2(source, target / part)
    return target


def build(project: Path, site_dir: Path, config: str = "mkdocs.yml", **env: str) -> subprocess.CompletedProcess:
    """Run a strict MkDocs build the way `make build` does (`make offline`: config and OFFLINE); never raises."""
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(project / config), "-d", str(site_dir)],
        capture_output=True, text=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **env},
    )


def make_build(project: Path, target: str = "build") -> subprocess.CompletedProcess:
    """`make build` (or another target) in a project copy, with this test run's environment as `.venv`."""
    return subprocess.run(make_command(project, target), capture_output=True, text=True)


def make_twice_at_once(project: Path, target: str) -> None:
    """Two `make <target>` at once (two terminals, an editor's save hook): the second waits; both must succeed."""
    command = make_command(project, target)  # once: it copies the Makefile, which the first make may be reading
    runs = [subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for _ in range(2)]
    for run in runs:
        _, stderr = run.communicate(timeout=300)
        assert run.returncode == 0, stderr[-3000:]


def make_command(project: Path, target: str) -> list[str]:
    for name in ("Makefile", "requirements.txt"):
        shutil.copy2(ROOT / name, project / name)
    venv = Path(sys.prefix)
    return ["make", "--no-print-directory", "-C", str(project), target, f"VENV={venv}", "-o", f"{venv}/.installed"]


def read_yaml(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


class _NoAliasDumper(yaml.SafeDumper):
    def ignore_aliases(self, data) -> bool:
        return True  # the dataset refuses YAML aliases


def write_yaml(path: Path, data: dict) -> None:
    body = yaml.dump(data, Dumper=_NoAliasDumper, allow_unicode=True, sort_keys=False)
    text = "# yaml-language-server: $schema=dimensions.schema.json\n" + body
    path.write_text(text, encoding="utf-8")


def require(available: bool, missing: str) -> None:
    """A tool the tests need but pip cannot install: skip locally without it, fail in CI (CI=true)."""
    if available:
        return
    if os.environ.get("CI"):
        pytest.fail(f"{missing}; .ci/run must install it")
    pytest.skip(f"{missing}; these tests are skipped here and run in CI")


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / "project").mkdir()
    return copy_project(tmp_path / "project")


@contextlib.contextmanager
def shared(tmp_path_factory, name: str):
    """A folder `name` that every pytest-xdist worker of this run shares, held under a lock while in use.

    The first worker to come makes what is in it; the others wait for it and then reuse it, so an expensive build
    runs once per test run, not once per worker.
    """
    root = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        root = root.parent  # the run's folder, above each worker's own
    with open(root / f".{name}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        yield root / name


def shared_build(tmp_path_factory, name: str, site_path: str, config: str = "mkdocs.yml", **env: str) -> Path:
    """The real project built once per test run (`build`'s arguments), into `<shared folder>/<site_path>`."""
    with shared(tmp_path_factory, name) as folder:
        site_dir = folder / site_path
        done = folder.with_name(f".{name}.built")
        if not done.exists():
            shutil.rmtree(folder, ignore_errors=True)
            result = build(ROOT, site_dir, config, **env)
            assert result.returncode == 0, result.stderr
            done.touch()
    return site_dir


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Path:
    """The real site, built once for the whole test run (all workers)."""
    return shared_build(tmp_path_factory, "site", SITE_PATH)  # served_site serves it at its published path


@pytest.fixture(scope="session")
def edited_site(tmp_path_factory) -> Path:
    """The project with every change of tests/edited.py, built once for the whole test run (all workers)."""
    import edited  # a helper module beside this file; imported here because it reads the dataset

    with shared(tmp_path_factory, "edited") as folder:
        done = folder.with_name(".edited.built")
        if not done.exists():
            shutil.rmtree(folder, ignore_errors=True)
            (folder / "project").mkdir(parents=True)
            edited.apply(copy_project(folder / "project"))
            result = build(folder / "project", folder / "site")
            assert result.returncode == 0, result.stderr
            done.touch()
    return folder / "site"


@pytest.fixture(scope="session")
def served_site(site: Path):
    """The built site on http://127.0.0.1:<port>/<path of site_url>/ from a background thread.

    Served at the same path as when published, so pages with absolute links (404.html) load their assets.
    """
    root = site.parents[len(Path(SITE_PATH).parts) - 1] if SITE_PATH else site
    with serve(root) as base_url:
        yield base_url + (f"{SITE_PATH}/" if SITE_PATH else "")


@contextlib.contextmanager
def serve(root: Path):
    """The folder `root` on http://127.0.0.1:<port>/ from a background thread, for a site a test built itself."""
    handler = functools.partial(_QuietHandler, directory=str(root))
    server = _QuietServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()


class _QuietServer(http.server.ThreadingHTTPServer):
    def handle_error(self, request, client_address) -> None:
        if not isinstance(sys.exc_info()[1], ConnectionError):  # the browser left before a file was sent
            super().handle_error(request, client_address)


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass

    def end_headers(self) -> None:
        self.send_header("Cache-Control", "no-store")  # a test that builds again must not be shown the old files
        super().end_headers()


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium through Playwright. Skips locally without it; in CI a missing browser fails."""
    require(chromium.PATH.exists(), f"Chromium is missing at {chromium.PATH} (Debian: apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(chromium.PATH), args=chromium.ARGS)
        yield launched
        launched.close()


@pytest.fixture(scope="session")
def java() -> str:
    """The Java runtime the W3C HTML checker runs on. Skips locally without it; in CI a missing Java fails."""
    path = shutil.which("java")
    require(path is not None, "Java is missing (Debian: apt-get install default-jre-headless)")
    return path


@pytest.fixture(scope="session")
def page_sweep(browser, served_site, site):
    """Every built page visited once, for the privacy and the accessibility tests (tests/sweep.py)."""
    import sweep  # a helper module beside this file, like edited

    return sweep.sweep_pages(browser, served_site, site, sweep.axe_source())


@pytest.fixture(scope="session")
def state_sweep(browser, served_site):
    """Every page state of tests/states.py visited once, for the privacy and the accessibility tests."""
    import sweep

    return sweep.sweep_states(browser, served_site, sweep.axe_source())


@pytest.fixture(scope="session")
def browser_context(browser):
    from reused_context import ReusedContext  # a helper module beside this file, like sweep

    reused = ReusedContext(browser, locale="nl-NL")
    yield reused
    reused.context.close()


@pytest.fixture
def page(browser_context):
    """A new tab in a context as good as new (see ReusedContext): nothing stored, no cookies, no permissions."""
    yield browser_context.context.new_page()
    browser_context.empty()


def second_tab(page, url: str, follow_other_tabs: bool = True):
    """Another tab of the same browser (so the same localStorage) on `url`.

    Without `follow_other_tabs` the tab never hears of other tabs' changes (no `storage` events), as when that
    event has not arrived yet: what it saves must still keep theirs.
    """
    other = page.context.new_page()
    if not follow_other_tabs:
        other.add_init_script("""{
            const add = window.addEventListener;
            window.addEventListener = function (type, ...rest) {
                if (type !== "storage") add.call(this, type, ...rest);
            };
        }""")
    other.goto(url)
    return other


def wait_until_read(page, key: str, text: str) -> None:
    """Wait until `page` reads `text` in localStorage item `key`. Chromium passes another tab's write on a moment
    later; a user who goes to the other tab takes longer. (A tab that acts before that: `stale_storage`.)"""
    page.wait_for_function("([key, text]) => (localStorage.getItem(key) || '').includes(text)", arg=[key, text])


@contextlib.contextmanager
def stale_storage(page):
    """Inside the block, `page` keeps reading localStorage as it is now, while other tabs write to it (its own
    writes it does see). So it is in Chromium, where each tab reads its own copy and hears of another tab's write a
    moment later: a tab can save over a write it has not read yet."""
    page.evaluate("""() => {
        const copy = Object.fromEntries(Object.keys(localStorage).map((key) => [key, localStorage.getItem(key)]));
        const proto = Storage.prototype, real = {get: proto.getItem, set: proto.setItem, remove: proto.removeItem};
        proto.getItem = function (key) { return Object.hasOwn(copy, key) ? copy[key] : null; };
        proto.setItem = function (key, value) { real.set.call(this, key, value); copy[key] = String(value); };
        proto.removeItem = function (key) { real.remove.call(this, key); delete copy[key]; };
        window.loThawStorage = () => {
            proto.getItem = real.get; proto.setItem = real.set; proto.removeItem = real.remove;
        };
    }""")
    try:
        yield page
    finally:
        page.evaluate("() => window.loThawStorage()")


def print_products(browser, url: str, keys: list[str], out: Path) -> dict[str, Path]:
    """Print the products (keys of downloads.PRINTABLES) of the page at `url` to PDF, the way `make pdf` does."""
    from macros import downloads, print_pdf

    page = browser.new_page()
    page.goto(url)
    paths = {key: out / f"{key}.pdf" for key in keys}
    for key, path in paths.items():
        print_pdf.print_printable(page, downloads.BY_KEY[key], path)
    page.close()
    return paths


def many_dimensions(data: dict, count: int, title_length: int | None = None) -> dict:
    """The dataset with `count` dimensions: the real ones repeated, numbered on, titles padded to `title_length`."""
    base, dimensions = data["dimensions"], []
    for i in range(count):
        block, original = divmod(i, len(base))
        dim = copy.deepcopy(base[original])
        suffix = f"-{block}" if block else ""
        title = f"{dim['title']} {block}" if block else dim["title"]
        if title_length:
            title = (title + " en nog een heel lange toevoeging" * 3)[:title_length].strip()
        dim.update(id=dim["id"] + suffix, number=i + 1, title=title)
        dim["related"] = [other + suffix for other in dim["related"]]
        if block:  # each statement appears once; a copied quote names a source of its own (at most two cards)
            dim["self_check"] = [f"{text[:190]} ({block})" for text in dim["self_check"]]
            dim["quotes"] = [dict(quote, source=data["sources"][0]["key"]) for quote in dim["quotes"]]
        dimensions.append(dim)
    ids = {dim["id"] for dim in dimensions}
    for dim in dimensions:  # the last block may be partial
        dim["related"] = [other for other in dim["related"] if other in ids]
    return {**data, "dimensions": dimensions}
