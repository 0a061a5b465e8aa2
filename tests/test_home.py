"""The home page on a phone: the four things a leader can do are on the first screen, each card one big target."""

from __future__ import annotations

import pytest

ACTIONS = ["zelfscan/", "feedback-vragen/", "kaartenset/", "aan-de-slag/"]
PHONE = {"width": 390, "height": 844}  # a common phone; the testers used 390 px


@pytest.fixture
def phone(page, served_site):
    page.set_viewport_size(PHONE)
    page.goto(served_site)
    return page


def test_the_four_actions_fit_the_first_screen_of_a_phone(phone):
    for href in ACTIONS:
        card = phone.locator(f'.lo-actions a[href="{href}"]').locator("xpath=ancestor::li[1]").bounding_box()
        assert card["y"] + card["height"] <= PHONE["height"], f"{href} ends at {card['y'] + card['height']:.0f} px"


@pytest.mark.parametrize("href", ACTIONS)
def test_a_tap_anywhere_on_an_action_card_opens_its_page(phone, served_site, href):
    card = phone.locator(f'.lo-actions a[href="{href}"]').locator("xpath=ancestor::li[1]").bounding_box()
    phone.mouse.click(card["x"] + card["width"] - 8, card["y"] + card["height"] - 8)  # far from the link text
    phone.wait_for_url(served_site + href)
