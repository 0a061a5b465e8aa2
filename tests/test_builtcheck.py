"""The check of what is built: URLs and handlers in every page, markup in the search index, traced to the YAML."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from conftest import build, read_yaml, write_yaml

from macros import builtcheck

FIXTURES = Path(__file__).parent / "fixtures" / "invalid"

# What the issue's fixtures made of a page before the data check knew them (HTML as Material built it).
BUILT_FROM_FIXTURES = {
    "javascript_reference_across_fields": '<li><strong>Lastig</strong>: Het kost tijd, '
                                          '<a href="javascript:alert(document.cookie)">lees verder</a>.</li>',
    "feedback_javascript_reference": '<ol><li><strong>Vraag</strong>: Stel een concrete vraag, '
                                     '<a href="javascript:alert(document.cookie)">lees verder</a>.</li></ol>',
    "javascript_in_admonition": '<div class="admonition tip"><p class="admonition-title">Tip</p>'
                                '<p><a href="javascript:alert(document.cookie)">x</a></p></div>',
}

HOSTILE = [
    '<a href="javascript:alert(1)">x</a>',
    '<a href=" JaVa&#x09;ScRiPt:alert(1)">x</a>',
    '<a href="&#106;avascript:alert(1)">x</a>',
    '<a href="data:text/html,<script>alert(1)</script>">x</a>',
    '<a href="vbscript:msgbox(1)">x</a>',
    '<img src="x.png" srcset="x.png 1x, javascript:alert(1) 2x">',
    '<svg><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>',
    '<form action="javascript:alert(1)"></form>',
    '<button formaction="javascript:alert(1)">x</button>',
    '<div onclick="alert(1)">x</div>',
    '<img src=x onerror=alert(1)>',
    '<body onload="alert(1)">',
    '<svg onload=alert(1)/>',
    '<meta http-equiv="refresh" content="0; url=javascript:alert(1)">',
    '<iframe srcdoc="&lt;script&gt;alert(1)&lt;/script&gt;"></iframe>',
    '<img src="https://tracker.example/pixel.png">',  # no request may leave the site
    '<script src="//cdn.example/x.js"></script>',
    '<link rel="stylesheet" href="https://fonts.googleapis.com/css?family=Roboto">',
    '<img src="a.png" srcset="https://tracker.example/p.png 2x">',
    '<template><p><a href="javascript:alert(1)">x</a></p></template>',  # a script may put it on the page
    '<template><template><img src="https://tracker.example/p.png"></template></template>',
]
HARMLESS = [
    '<a href="../zelfscan/#zs-visie">x</a>', '<a href="#uitdagingen">x</a>', '<a href="https://doi.org/10.1/x">x</a>',
    '<a href="http://example.org">x</a>', '<a href="mailto:a@example.org">x</a>', '<link href="assets/site.css">',
    '<script src="assets/javascripts/bundle.js"></script>', '<img src="a.png" srcset="a.png 1x, b.png 2x">',
    '<p>javascript: is maar een woord, onclick ook</p>', '<a title="onclick" href="x/">x</a>',
    '<link rel="canonical" href="https://lerende-organisatie.github.io/ontwikkelkaarten/">',
]


@pytest.mark.parametrize("fixture", sorted(BUILT_FROM_FIXTURES))
def test_the_issues_links_are_caught_in_the_page_and_traced_to_their_field(fixture):
    findings = builtcheck.page_problems(BUILT_FROM_FIXTURES[fixture])
    assert [f.value for f in findings] == ["javascript:alert(document.cookie)"]
    path = FIXTURES / f"{fixture}.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))  # as written: the data check would refuse it
    message = builtcheck.explain([("dimensies/visie/", findings)], data, path)
    field = "feedback.intro" if fixture.startswith("feedback") else "[kaart 1, Visie, inleiding] dimensions[0].intro"
    line = next(n for n, text in enumerate(path.read_text().splitlines(), 1) if "javascript:" in text and ":" in text
                and not text.startswith("#"))
    assert f"{fixture}.yaml:{line}: {field}: een link met 'javascript:' is niet toegestaan" in message, message
    assert '(in dimensies/visie/: <a href="javascript:alert(document.cookie)">)' in message


@pytest.mark.parametrize("snippet", HOSTILE)
def test_every_way_to_run_code_from_an_attribute_is_found(snippet):
    assert builtcheck.page_problems(f"<main>{snippet}</main>"), snippet


@pytest.mark.parametrize("snippet", HARMLESS)
def test_ordinary_links_and_text_pass(snippet):
    assert builtcheck.page_problems(snippet) == []


def test_every_built_page_and_the_search_index_pass(site):
    """The theme's own output sets the rules: no inline handlers, only relative, http(s) and mailto URLs."""
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 10
    for path in pages:
        assert builtcheck.page_problems(path.read_text(encoding="utf-8")) == [], path
    assert builtcheck.search_index_problems((site / "search" / "search_index.json").read_text()) == []


def test_markup_in_the_search_index_is_found_and_a_tag_traced():
    tag = '<img src=x onerror="alert(1)">'
    index = json.dumps({"docs": [
        {"location": "dimensies/visie/", "title": "<code>Visie</code>", "text": "<p>Een <em>x</em></p>", "tags": [tag]},
        {"location": "javascript:alert(1)", "title": "x", "text": "<p>x</p>"},
    ]})
    findings = builtcheck.search_index_problems(index)
    assert [f.value for f in findings] == ["<p>Een <em>x</em></p>", tag, "javascript:alert(1)"]
    assert findings[1].element == """tags bij 'dimensies/visie/': <img src="x" onerror="alert(1)">"""
    data = {"dimensions": [{"id": "visie", "tags": ["visie", tag]}]}
    assert builtcheck.trace(data, tag) == [["dimensions", 0, "tags", 1]]


def test_the_build_names_every_unsafe_place_at_once_with_field_and_line_or_page(project, tmp_path):
    """A javascript: link on a written page (page and element) and, from the YAML, an image that would load from
    another site (field and line): the per-field check lets the image pass, the built page does not."""
    page = project / "docs" / "aan-de-slag.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n!!! tip\n\n    [klik](javascript:alert(1))\n",
                    encoding="utf-8")
    path = project / "data" / "dimensions.yaml"
    data = read_yaml(path)
    data["dimensions"][0]["intro"] += "\n\n![](https://tracker.example/p.png)\n"
    write_yaml(path, data)
    lines = path.read_text().splitlines()
    line = next(n for n, text in enumerate(lines, 1) if n > lines.index("dimensions:") and "  intro:" in text)

    result = build(project, tmp_path / "site")
    assert result.returncode != 0
    assert "2 onveilige plek(ken) in de gebouwde site" in result.stderr, result.stderr
    assert 'aan-de-slag/: <a href="javascript:alert(1)">: een link met \'javascript:\' is niet toegestaan' \
        in result.stderr
    assert (f"data/dimensions.yaml:{line}: [kaart 1, Gedragen visie en ambitie, inleiding] dimensions[0].intro: "
            "de pagina zou dit van een andere site laden"
            in result.stderr), result.stderr
    assert "Traceback" not in result.stderr
