"""MkDocs hook: stop the build with a plain message when a card of the deck would overflow.

The `card_deck` macro would fail as well, but mkdocs-macros reports errors with a traceback;
content editors need only the message that names the card and what to shorten.
"""

from __future__ import annotations

import sys
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # make the `macros` package importable
from macros import cards, dataset  # noqa: E402


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    data = dataset.load_cached()
    try:
        cards.build_deck(data, config.site_url)
    except cards.DeckError as err:
        raise PluginError(str(err)) from None
    return config
