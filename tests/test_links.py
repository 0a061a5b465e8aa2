"""No broken internal link or anchor anywhere in the built site."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urljoin, urlparse

from conftest import SITE_URL
from htmlpage import read

SITE_ROOT = urlparse(SITE_URL).path  # "/ontwikkelkaarten/": absolute links (404.html) start with it


def link_targets(page) -> list[str]:
    """Every URL on the page a user follows or the browser loads."""
    urls = [a.get("href") for a in page.all("a") + page.all("link")]
    urls += [a.get("src") for a in page.all("script") + page.all("img") + page.all("iframe") + page.all("source")]
    return [u for u in urls if u]


def broken_links(site: Path) -> list[str]:
    """'page: link (why)' for every internal link whose file or anchor does not exist."""
    ids: dict[Path, set[str]] = {}
    problems = []
    for html in sorted(site.rglob("*.html")):
        page_url = "/" + html.relative_to(site).as_posix()
        for url in link_targets(read(html)):
            target = urlparse(urljoin(page_url, url))
            if target.scheme or target.netloc:
                continue  # another site, mailto:, javascript:
            path = unquote(target.path)
            if path.startswith(SITE_ROOT) and not (site / path.lstrip("/")).exists():
                path = "/" + path[len(SITE_ROOT):]
            file = site / path.lstrip("/")
            if file.is_dir():
                file = file / "index.html"
            where = f"{html.relative_to(site)}: {url}"
            if not file.is_file():
                problems.append(f"{where} (no such file)")
            elif target.fragment and file.suffix == ".html":
                if file not in ids:
                    page = read(file)
                    ids[file] = page.ids() | {a["name"] for a in page.all("a") if a.get("name")}
                if unquote(target.fragment) not in ids[file]:
                    problems.append(f"{where} (no such anchor)")
    return problems


def test_no_broken_internal_links(site):
    assert broken_links(site) == []


def test_the_checker_finds_a_missing_page_and_anchor(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "index.html").write_text('<h2 id="hier">Hier</h2>')
    (tmp_path / "index.html").write_text(
        '<a href="a/">ok</a> <a href="a/#hier">ok</a> <a href="https://example.org/x">extern</a>'
        '<a href="b/">kapot</a> <a href="a/#daar">kapot</a> <link href="style.css" rel="stylesheet">')
    assert broken_links(tmp_path) == ["index.html: b/ (no such file)", "index.html: a/#daar (no such anchor)",
                                      "index.html: style.css (no such file)"]
