"""One changed copy of the project, built once per test run (the `edited_site` fixture in conftest.py).

Tests that check that a change in the YAML (or a page) shows in the built site used to build a copy each. Their
changes touch different fields, so they are made together here and one build serves them all; each change names the
test that checks it.
"""

from __future__ import annotations

import copy
from pathlib import Path

from conftest import ROOT, read_yaml, write_yaml

ATTACK = "</script><script>alert(1)</script> & {{ 6 * 7 }}"  # test_zelfscan_form
TEMPLATE_TEXT = "\nVoorbeeld: {{ 7 * 191 }} en {{ card_deck() }}\n"  # test_build: only pages that ask are templates
NEW_QUESTION = "Wat kan ik morgen anders doen bij de overdracht?"  # test_feedback: added to the bank
NEW_SITUATION = {"id": "na-een-presentatie", "title": "Na een presentatie", "intro": "Vraag het direct na afloop.",
                 "questions": ["Welk deel van mijn verhaal kon korter?"]}
NEW_ROLE = {"id": "stagiair", "label": "Een stagiair", "hint": "Kijkt met nieuwe ogen."}
HOSTILE_TAG = '<img src=x onerror="window.__pwned=1">'  # test_search: a tag with markup
WIDEST = ("W" * 19 + " ") * 10  # test_dialogue: the longest question the schema allows, in the widest letters
LONG_STATEMENT = "In ons team zien we dit gedrag terug, en het is een lange uitspraak die twee regels vult. " * 2
REMOVED = "gespreid-leiderschap"  # no other card's text links to it (a link to a removed card fails the build)


def change(data: dict) -> dict:
    """The real dataset with every change; `data` is left as it was."""
    data = copy.deepcopy(data)
    first, second = data["dimensions"][0], data["dimensions"][1]

    # test_build: YAML text is escaped and never evaluated
    first["summary"] = "Visie <script>alert('titel')</script> *vet*"
    first["intro"] = ("Een {{ 6 * 1111 }} test met <b>html</b>, [een link](https://example.org) en "
                      "[nog een](https://example.org/b \"Uitleg\").\n\n{: onclick=\"x()\" }")
    first["challenges"][0]["text"] = "{% raw %}{{ config.site_name }}{% endraw %} en <img src=x onerror=alert(1)>"
    first["quotes"] = [{"text": "<i>citaat</i> {{ 1 + 1 }}", "attribution": "Senge (1990)", "source": "senge1990"}]

    # test_cards: card text is escaped and never evaluated (the second card: the first has the changes above)
    second["summary"] = "Visie <script>alert(1)</script> & *ambitie*"
    second["challenges"][0]["title"] = "Papier {{ 6 * 1111 }} geduldig"
    second["challenges"][1]["card_text"] = "Regel <b onmouseover=alert(1)>vet</b> {% raw %}"
    second["quotes"] = [{"text": "<img src=x onerror=alert(1)>", "attribution": "HRM 1, praktijk",
                         "source": "senge1990"}]

    # test_search: a tag with markup is shown as text in search results
    first["tags"].append(HOSTILE_TAG)
    # test_dialogue: the longest question fits its dialogue card (the first question is on the card deck too)
    first["questions"][1] = WIDEST[:200]
    # test_zelfscan_browser: the largest dimension the schema allows (10 statements of 200) prints on one page
    data["dimensions"][2]["self_check"] = [f"{LONG_STATEMENT[:190]} nummer {i}." for i in range(10)]

    # test_pages: the bibliography follows a changed reading tip
    cited = {tip["source"] for tip in first["reading"]}
    first["reading"][0]["source"] = next(s["key"] for s in data["sources"] if s["key"] not in cited)

    # test_zelfscan_form: a new statement and a new dimension change the form; YAML text stays data
    first["self_check"].append(f"Extra uitspraak {ATTACK}")
    first["suggestions"][0]["title"] = f"Suggestie {ATTACK}"
    # test_build and test_zelfscan_form: a dimension added (page, nav, home, form) and one removed
    ninth = dict(copy.deepcopy(first), id="negende", number=9, title="Negende dimensie", related=[],
                 self_check=["Eerste van negen.", "Tweede van negen."], quotes=[])
    data["dimensions"] = [dim for dim in data["dimensions"] if dim["id"] != REMOVED] + [ninth]
    for dim in data["dimensions"]:
        dim["related"] = [other for other in dim["related"] if other != REMOVED]

    # test_feedback: YAML text in the tool is escaped and never evaluated
    feedback = data["feedback"]
    feedback["situations"][0]["questions"][0] = 'Was ik "duidelijk"? <script>alert(1)</script> {{ 6 * 7 }}'
    feedback["roles"][0]["hint"] = '"><img src=x onerror=alert(2)>'
    # test_dialogue: the longest question fits its dialogue card, also in the feedback bank
    feedback["situations"][0]["questions"][1] = ("Wm " * 67)[:200]
    # test_feedback: a question, situation and role added to the YAML appear on the page
    feedback["situations"][0]["questions"].append(NEW_QUESTION)
    feedback["situations"].append(copy.deepcopy(NEW_SITUATION))
    feedback["roles"].append(dict(NEW_ROLE))
    return data


ORIGINAL = read_yaml(ROOT / "data" / "dimensions.yaml")  # as in the file, before the changes
DATA = change(ORIGINAL)


def apply(project: Path) -> None:
    """Make every change in a project copy."""
    write_yaml(project / "data" / "dimensions.yaml", DATA)
    page = project / "docs" / "aan-de-slag.md"
    page.write_text(page.read_text() + TEMPLATE_TEXT)
