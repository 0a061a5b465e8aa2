"""The projector view: from each card page, one dimension per screen in large type; the arrow keys move,
Escape goes back to the card; it works without the site's header and menus, and without JavaScript as a long page."""

from __future__ import annotations

import json

import pytest
from htmlpage import read

from macros import dataset, projector

DATA = dataset.load()
DIMENSIONS = DATA["dimensions"]
VISIBLE = "() => [...document.querySelectorAll('.lo-slide')].filter(s => s.getClientRects().length).map(s => s.id)"


def test_every_card_page_opens_the_view_at_its_own_slide(site):
    for dim in DIMENSIONS:
        links = [a["href"] for a in read(site / "dimensies" / dim["id"] / "index.html").all("a")]
        assert f"../../presenteren/#{dim['id']}" in links
    page = read(site / "presenteren" / "index.html")
    assert {dim["id"] for dim in DIMENSIONS} <= page.ids()
    assert not page.all("header") and not [n for n in page.all("nav") if "md-nav" in n.get("class", "")]


def test_view_is_not_a_search_result_nor_a_menu_entry(site):
    index = json.loads((site / "search" / "search_index.json").read_text())
    assert not [doc for doc in index["docs"] if doc["location"].startswith("presenteren/")]
    home = (site / "index.html").read_text()
    assert 'href="presenteren/"' not in home


def test_slide_quote_is_one_that_fits_a_screen():
    dim = {"quotes": [{"text": "woord " * 60, "attribution": "x"}, {"text": "Kort.", "attribution": "y"}]}
    assert projector.slide_quote(dim)["text"] == "Kort."
    assert projector.slide_quote({"quotes": []}) is None


@pytest.fixture
def screen(browser):
    context = browser.new_context(locale="nl-NL", viewport={"width": 1280, "height": 720})
    page = context.new_page()
    yield page
    context.close()


def test_arrow_keys_move_one_dimension_at_a_time_and_escape_leaves(screen, served_site):
    screen.goto(served_site + f"presenteren/#{DIMENSIONS[3]['id']}")
    assert screen.evaluate(VISIBLE) == [DIMENSIONS[3]["id"]]
    assert screen.locator(".lo-projector__status").inner_text() == f"Dimensie 4 van {len(DIMENSIONS)}"
    screen.keyboard.press("ArrowRight")
    assert screen.evaluate(VISIBLE) == [DIMENSIONS[4]["id"]]
    assert screen.url.endswith(f"#{DIMENSIONS[4]['id']}")
    screen.keyboard.press("ArrowLeft")
    screen.keyboard.press("ArrowLeft")
    assert screen.evaluate(VISIBLE) == [DIMENSIONS[2]["id"]]
    screen.keyboard.press("End")
    assert screen.evaluate(VISIBLE) == [DIMENSIONS[-1]["id"]]
    screen.keyboard.press("ArrowRight")  # the last slide stays
    assert screen.evaluate(VISIBLE) == [DIMENSIONS[-1]["id"]]
    screen.keyboard.press("Home")
    assert screen.evaluate(VISIBLE) == [DIMENSIONS[0]["id"]]
    screen.keyboard.press("Escape")
    screen.wait_for_url(f"**/dimensies/{DIMENSIONS[0]['id']}/")


def test_buttons_move_and_ask_for_full_screen(screen, served_site):
    screen.goto(served_site + "presenteren/")
    screen.evaluate("() => { window.asked = 0; document.documentElement.requestFullscreen = () => "
                    "{ window.asked += 1; return Promise.resolve(); }; }")
    screen.click("button[data-go=next]")
    assert screen.evaluate(VISIBLE) == [DIMENSIONS[1]["id"]]
    screen.click("button[data-go=fullscreen]")
    screen.keyboard.press("f")
    assert screen.evaluate("() => window.asked") == 2
    assert screen.get_attribute("a[data-go=leave]", "href").endswith(f"dimensies/{DIMENSIONS[1]['id']}/")


@pytest.mark.parametrize("size", [(1280, 720), (1024, 768), (1920, 1080)])
def test_every_slide_fits_its_screen_in_large_type(browser, served_site, size):
    context = browser.new_context(locale="nl-NL", viewport={"width": size[0], "height": size[1]})
    page = context.new_page()
    page.goto(served_site + "presenteren/")
    for dim in DIMENSIONS:
        fit = page.evaluate("""() => {
          const slide = [...document.querySelectorAll('.lo-slide')].find(s => s.getClientRects().length);
          const bottom = Math.max(...[...slide.children].map(c => c.getBoundingClientRect().bottom));
          return {id: slide.id, title: parseFloat(getComputedStyle(slide.querySelector('h2')).fontSize),
                  text: parseFloat(getComputedStyle(slide).fontSize), bottom,
                  controls: document.querySelector('.lo-projector__controls').getBoundingClientRect().top};
        }""")
        assert fit["id"] == dim["id"]
        assert fit["bottom"] <= fit["controls"], (size, fit)  # nothing hides under the controls or off screen
        assert fit["text"] >= 16 and fit["title"] >= 2 * fit["text"], (size, fit)  # large type
        page.keyboard.press("ArrowRight")
    context.close()


def test_without_javascript_every_slide_shows_one_after_another(browser, served_site):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(served_site + "presenteren/")
    assert page.evaluate(VISIBLE) == [dim["id"] for dim in DIMENSIONS]
    assert not page.locator(".lo-projector__controls").is_visible()
    context.close()
