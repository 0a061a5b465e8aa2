"""The offline edition: opens from file:// in Chromium with working search, no network, offered as a zip."""

from __future__ import annotations

import re
import shutil
import zipfile
from pathlib import Path

import pytest
from conftest import ROOT, make_build, make_twice_at_once, shared_build
from htmlpage import read, resource_urls
from mkdocs.config import load_config
from playwright.sync_api import expect

from macros import dataset, downloads

DATA = dataset.load()


@pytest.fixture(scope="session")
def offline_site(tmp_path_factory) -> Path:
    return shared_build(tmp_path_factory, "offline", "lerende-organisatie", config="mkdocs-offline.yml", OFFLINE="true")


def test_offline_pages_link_files_load_nothing_remote_and_have_no_edit_button(offline_site):
    pages = list(offline_site.rglob("*.html"))
    assert len(pages) >= 1 + len(DATA["dimensions"])
    for path in pages:
        page = read(path)
        assert not [u for u in resource_urls(page) if re.match(r"^(https?:)?//", u)], path
        assert not [a for a in page.all("a") if a.get("rel") == "edit"], path
        internal = [a["href"] for a in page.all("a") if a.get("href") and not re.match(r"^[a-z]+:|#", a["href"])]
        assert all(re.search(r"\.(html|json|zip|txt|xlsx|csv)(#.*)?$", href) for href in internal), (path, internal)
    home = read(offline_site / "index.html")
    assert "assets/vendor/iframe-worker/shim.js" in [s.get("src") for s in home.all("script")]
    assert (offline_site / "search" / "search_index.js").read_text().startswith("var __index = ")
    assert "Je gebruikt de offline-versie" in read(offline_site / "offline.html").text


def test_offline_edition_works_from_file_urls_with_search(offline_site, page):
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto((offline_site / "index.html").as_uri())
    dim = next(d for d in DATA["dimensions"] if d["id"] == "feedbackprocessen")
    page.keyboard.press("/")  # Material's shortcut to open the search dialog
    page.keyboard.type("feedbak")  # one letter off: our search worker must also run through the shim
    first = page.locator(".md-search-result__item > a").first
    # Waits past the results for a part of the query ("feedba"), which show first on a busy machine
    expect(first).to_have_attribute("href", re.compile(rf"dimensies/{dim['id']}\.html"), timeout=15000)
    first.click()
    page.wait_for_url(re.compile(rf"dimensies/{dim['id']}\.html"))
    assert page.locator("h1").first.inner_text().startswith(f"{dim['number']}. ")
    assert requests and all(url.startswith(("file://", "data:", "about:", "blob:")) for url in requests), requests


def test_both_tools_run_and_keep_answers_from_file_urls(offline_site, page):
    """The tools are classic scripts (no ES modules), so they start from file:// too, and keep what is entered."""
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto((offline_site / "zelfscan.html").as_uri())
    page.wait_for_selector(".lo-zs-toolbar:not([hidden])")
    first = f'input[name="zs-{DATA["dimensions"][0]["id"]}-0"][value="3"]'
    page.check(first)
    page.reload()
    assert page.is_checked(first)
    page.goto((offline_site / "feedback-vragen.html").as_uri())
    page.wait_for_selector("#lo-fb-builder:not([hidden])")
    assert page.locator("#lo-fb-log").is_visible()
    assert errors == []


def test_make_offline_zips_the_edition_and_the_site_offers_it(project, browser):
    """`browser` because make offline prints the PDFs with Chromium: skipped locally without it, failed in CI.

    `make offline` runs twice at once here (as `make build` does in test_build.py), so the PDFs are printed once
    per test run for both checks."""
    site_page = project / "site" / "offline" / "index.html"
    shutil.rmtree(project / "docs" / "downloads", ignore_errors=True)
    assert make_build(project).returncode == 0  # without the zip the strict build passes, with a note
    assert "niet gemaakt" in read(site_page).text and "lerende-organisatie-offline.zip" not in site_page.read_text()

    make_twice_at_once(project, "offline")  # two at once (two terminals): the second waits, all stays whole
    edition = project / "build" / "offline" / "lerende-organisatie"
    for part in ["index.html", "404.html", "assets/javascripts", "search/search_index.js"]:
        assert (edition / part).exists(), f"{part} is missing"
    assert [p.name for p in edition.parent.iterdir() if p.name.startswith(edition.name)] == [edition.name]
    zip_path = project / "docs" / downloads.OFFLINE_ZIP
    assert [p.name for p in zip_path.parent.iterdir()] == [zip_path.name]  # no partial zip left
    names = zipfile.ZipFile(zip_path).namelist()
    assert "lerende-organisatie/index.html" in names and "lerende-organisatie/search/search_index.js" in names
    assert "lerende-organisatie/404.html" in names
    assert f"lerende-organisatie/dimensies/{DATA['dimensions'][0]['id']}.html" in names
    assert not [n for n in names if n.endswith(".zip")]  # the edition does not contain an older zip
    for printable in downloads.PRINTABLES:  # the card decks, dialogue cards and paper forms, as PDF
        assert f"lerende-organisatie/{printable.path}" in names, printable.key
    with zipfile.ZipFile(zip_path) as edition:
        deck_page = edition.read("lerende-organisatie/kaartenset.html").decode()
        assert 'href="pdf/kaartenset-a6.pdf"' in deck_page
        assert edition.read("lerende-organisatie/pdf/zelfscan-formulier.pdf").startswith(b"%PDF")

    assert make_build(project).returncode == 0
    assert (project / "site" / downloads.OFFLINE_ZIP).read_bytes() == zip_path.read_bytes()
    links = [a for a in read(site_page).all("a") if a.get("href") == f"../{downloads.OFFLINE_ZIP}"]
    assert len(links) == 1


def test_offline_configuration_keeps_what_breaks_file_urls_out():
    """navigation.instant fetches pages with XHR and repo_url calls the GitHub API: neither works from file://."""
    config = load_config(str(ROOT / "mkdocs-offline.yml"))
    assert "navigation.instant" not in config.theme.get("features", [])
    assert not config.repo_url and not config.edit_uri


def test_projector_view_works_from_file_urls(offline_site, page):
    """Arrow keys and Escape from file://: a workshop room without internet, the offline edition on a laptop."""
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    first, second = DATA["dimensions"][0], DATA["dimensions"][1]
    page.goto((offline_site / "presenteren.html").as_uri() + f"#{first['id']}")
    page.keyboard.press("ArrowRight")
    assert page.locator(f"#{second['id']}").is_visible() and not page.locator(f"#{first['id']}").is_visible()
    page.keyboard.press("Escape")
    page.wait_for_url(re.compile(rf"dimensies/{second['id']}\.html$"))
    assert all(url.startswith(("file://", "data:", "about:", "blob:")) for url in requests), requests
