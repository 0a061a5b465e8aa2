"""The built site: one page per dimension from the YAML, in number order, escaped, private."""

from __future__ import annotations

import re

import edited
from conftest import build, make_build, make_twice_at_once, read_yaml, write_yaml
from htmlpage import read, resource_urls

from macros import dataset

DATA = dataset.load()
SECTIONS = ["uitdagingen", "ontwikkelsuggesties", "goede-voorbeelden", "leestips", "vragen"]


def test_every_dimension_has_a_page_with_all_sections(site):
    for dim in DATA["dimensions"]:
        page = read(site / "dimensies" / dim["id"] / "index.html")
        h1 = re.search(r"<h1[^>]*>(.*?)<a", page.html).group(1)
        assert h1 == f"{dim['number']}. {dim['title']}"
        assert set(SECTIONS) <= page.ids()
        assert dim["summary"] in page.text
        for challenge in dim["challenges"]:
            assert challenge["title"] in page.text


def test_nav_lists_dimensions_in_number_order(site):
    page = read(site / "index.html")
    expected = [f"{d['number']}. {d['title']}" for d in DATA["dimensions"]]
    nav_titles = [t for t in re.findall(r'<span class="md-ellipsis">\s*(.*?)\s*</span>', page.html) if t in expected]
    assert nav_titles[: len(expected)] == expected


def test_home_shows_a_card_per_dimension_linking_to_its_page(site):
    page = read(site / "index.html")
    links = [a["href"] for a in page.all("a")]
    for dim in DATA["dimensions"]:
        assert f"dimensies/{dim['id']}/" in links
    grid = re.search(r'<div class="grid cards lo-overview" data-search-exclude="">(.*?)</div>', page.html, re.S)
    assert grid and all(d["title"] in grid.group(1) for d in DATA["dimensions"])


def test_edit_button_opens_the_yaml(site):
    page = read(site / "dimensies" / "feedbackprocessen" / "index.html")
    edit = [a["href"] for a in page.all("a") if a.get("rel") == "edit"]
    assert len(edit) == 1 and edit[0].endswith("/edit/main/data/dimensions.yaml")
    assert "/docs/../" not in edit[0]


def test_pages_are_dutch(site):
    page = read(site / "dimensies" / "feedbackprocessen" / "index.html")
    assert '<html lang="nl"' in page.html
    assert "Wijzig deze pagina" in page.html


def test_no_page_loads_anything_from_another_site(site):
    pages = list(site.rglob("*.html"))
    assert len(pages) >= 1 + len(DATA["dimensions"])
    for path in pages:
        page = read(path)
        external = [u for u in resource_urls(page) if re.match(r"^(https?:)?//", u)]
        assert not external, f"{path.relative_to(site)} loads {external}"
        assert "fonts.googleapis" not in page.html and "fonts.gstatic" not in page.html
    for css in site.rglob("*.css"):
        assert not re.search(r"url\(\s*['\"]?(https?:)?//|@import\s+url\(\s*['\"]?https?:", css.read_text()), css


def test_yaml_text_is_escaped_and_never_evaluated(edited_site):
    dim = edited.DATA["dimensions"][0]  # its summary, intro, first challenge and quote are changed
    html = (edited_site / "dimensies" / dim["id"] / "index.html").read_text()
    assert "<script>alert" not in html and "&lt;script&gt;alert(&#39;titel&#39;)&lt;/script&gt;" in html
    assert "*vet*" in html  # Markdown in a plain field stays literal
    assert "{{ 6 * 1111 }}" in html and "6666" not in html
    assert "{{ config.site_name }}" in html and "{% raw %}" in html
    assert "<b>html</b>" not in html and "&lt;b&gt;html&lt;/b&gt;" in html
    assert 'href="https://example.org"' in html  # Markdown links survive in Markdown fields
    assert '<a href="https://example.org/b" title="Uitleg">nog een</a>' in html
    assert "onclick" not in html.replace("{: onclick", "")
    assert "<img src=x" not in html and "<i>citaat</i>" not in html and "{{ 1 + 1 }}" in html


def test_adding_and_removing_a_dimension_changes_page_nav_and_home(edited_site):
    site = edited_site  # a ninth dimension added, one removed
    assert (site / "dimensies" / "negende" / "index.html").exists()
    assert not (site / "dimensies" / edited.REMOVED).exists()
    home = (site / "index.html").read_text()
    assert "9. Negende dimensie" in home and 'href="dimensies/negende/"' in home
    assert next(d["title"] for d in DATA["dimensions"] if d["id"] == edited.REMOVED) not in home


def test_invalid_data_fails_the_build_with_the_message(project, tmp_path):
    path = project / "data" / "dimensions.yaml"
    path.write_text(path.read_text().replace("source: senge1990", "source: senge1991", 1))
    result = build(project, tmp_path / "site")
    assert result.returncode != 0
    assert re.search(r"data/dimensions\.yaml:\d+: \[kaart 1, Gedragen visie en ambitie, eerste leestip, bron\] "
                     r"dimensions\[0\]\.reading\[0\]\.source: onbekende bron 'senge1991'", result.stderr), result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "site").exists()


def test_a_page_calling_an_unknown_macro_fails_the_build(project, tmp_path):
    path = project / "docs" / "kaartenset.md"
    path.write_text(path.read_text().replace("{{ card_deck() }}", "{{ kaartendeck() }}"))
    result = build(project, tmp_path / "site")
    assert result.returncode != 0
    # mkdocs-macros reports a template error in a hand-written page with its traceback (editors change the YAML,
    # not macro calls); what matters is that the build stops and names the unknown macro.
    assert "'kaartendeck' is undefined" in result.stderr, result.stderr


def test_only_pages_that_ask_for_it_are_rendered_as_templates(edited_site):
    text = read(edited_site / "aan-de-slag" / "index.html").text  # edited.TEMPLATE_TEXT added to the page
    assert "Voorbeeld: {{ 7 * 191 }} en {{ card_deck() }}" in text and "1337" not in text


def test_make_build_replaces_the_site_only_when_the_build_succeeds(project):
    """Also when two builds run at once; `make offline` twice at once is tested with the offline edition
    (test_offline.py), so its PDFs are printed once."""
    first = make_build(project)
    assert first.returncode == 0, first.stderr
    site = project / "site"
    (site / "stale.txt").write_text("left from an older build")
    good_home = (site / "index.html").read_text()

    path = project / "data" / "dimensions.yaml"
    path.write_text(path.read_text().replace("source: senge1990", "source: senge1991", 1))
    failed = make_build(project)
    assert failed.returncode != 0
    assert "onbekende bron 'senge1991'" in failed.stderr and "Traceback" not in failed.stderr
    assert (site / "index.html").read_text() == good_home and (site / "stale.txt").exists()
    assert sorted(p.name for p in project.iterdir() if p.name.startswith("site")) == ["site"]

    path.write_text(path.read_text().replace("source: senge1991", "source: senge1990", 1))
    make_twice_at_once(project, "build")  # two terminals, an editor's save hook: the second waits
    assert not (site / "stale.txt").exists()
    for part in ["index.html", "404.html", "assets/javascripts", "search/search_index.json", "data/dimensions.json"]:
        assert (site / part).exists(), f"site/{part} is missing"  # one whole site
    assert [p.name for p in project.iterdir() if p.name.startswith("site")] == ["site"]  # no leftovers


SCRIPT = "<script>window.__pwned=1</script><img src=x onerror=window.__pwned=2>{{ 7*191 }}{% if 1 %}!{% endif %}"
SHORT = "<i>{{ 7*191 }}</i>"


def _poison(value, key=""):
    """Put HTML, a script and Jinja into every free-text field, as long as its limits allow."""
    if isinstance(value, dict):
        return {k: v if k in ("id", "key", "source", "doi", "url", "version", "type", "dimension") else _poison(v, k)
                for k, v in value.items()}
    if isinstance(value, list):
        return [value_ if key == "related" else _poison(value_, key) for value_ in value]
    if isinstance(value, str):
        if key == "title":
            return "*x* &amp; " + value[:30]  # titles refuse < and > and Jinja (the check tests that)
        if key == "short_title":
            return "*x* &amp; " + value[:2]  # the same, in 12 characters
        return SCRIPT if key in ("summary", "intro", "key_question", "text", "note") else SHORT
    return value


def test_hostile_text_in_every_field_stays_inert_on_every_page(project, tmp_path, page):
    data = read_yaml(project / "data" / "dimensions.yaml")
    data["dimensions"] = [_poison(d) for d in data["dimensions"]]
    for i, dim in enumerate(data["dimensions"]):  # a statement is known by its text, so each stays unique
        dim["self_check"] = [f"{text} {i}.{j}" for j, text in enumerate(dim["self_check"])]
    for quote in (q for d in data["dimensions"] for q in d["quotes"]):
        quote["source"] = data["sources"][0]["key"]  # no longer the article's words: a quote from elsewhere
    data["sources"] = [_poison(s) for s in data["sources"]]
    data["feedback"] = _poison(data["feedback"])
    data["scale"] = [dict(s, label=SHORT) for s in data["scale"]]
    write_yaml(project / "data" / "dimensions.yaml", data)
    result = build(project, tmp_path / "site")
    assert result.returncode == 0, result.stderr

    pages = sorted((tmp_path / "site").rglob("*.html"))
    for path in pages:
        html_page = read(path)
        assert "1337" not in html_page.text, path  # no Jinja was evaluated
        assert not any("onerror" in attrs for _, attrs in html_page.tags), path
        assert "__pwned" not in "".join(re.findall(r"<script[^>]*>(.*?)</script>", html_page.html, re.S)), path
    for path in pages:
        page.goto(path.as_uri())
        assert page.evaluate("window.__pwned") is None, path
