"""mkdocs-macros entry point: the macros that pages call to show content from the dataset."""

from __future__ import annotations

from macros import cards, dataset, dialogue, downloads, feedback, selfcheck
from macros.bibliography import entries as bibliography_entries
from macros.render import render


def define_env(env) -> None:
    def data() -> dict:
        return dataset.load_cached()

    @env.macro
    def dimension_page(dimension_id: str) -> str:
        """The full development card of one dimension."""
        content = data()
        by_id = dataset.dimensions_by_id_cached()
        if dimension_id not in by_id:
            raise KeyError(f"unknown dimension '{dimension_id}'; known: {', '.join(by_id)}")
        dim = by_id[dimension_id]
        return render(
            "dimension.md.j2",
            dim=dim,
            related=[by_id[other] for other in dim["related"]],
            sources={s["key"]: s for s in content["sources"]},
            feedback_tool=feedback.serves(content, dimension_id),
        )

    @env.macro
    def dimension_overview() -> str:
        """The model at a glance: one card per dimension, in number order."""
        return render("overview.md.j2", dimensions=data()["dimensions"])

    @env.macro
    def bibliography() -> str:
        """Every source in APA 7 style, sorted, each with the cards that recommend it."""
        return render("bibliography.md.j2", entries=bibliography_entries(data()))

    @env.macro
    def feedback_page() -> str:
        """The feedback tool: steps, question bank, request builder and private log."""
        return feedback.page(data(), env.conf["site_url"] or "")

    @env.macro
    def card_deck() -> str:
        """The printable card deck (A6 and A5), generated from the dataset."""
        return cards.deck_html(data(), env.conf["site_url"])

    @env.macro
    def dialogue_cards() -> str:
        """The printable dialogue cards: one question per card, eight to a sheet."""
        return dialogue.deck_html(data(), env.conf["site_url"] or "")

    @env.macro
    def pdf_downloads(*keys: str) -> str:
        """Links to printed products as PDF (keys of downloads.PRINTABLES), only in a build that prints them."""
        return downloads.pdf_links_html(list(keys), env.page.url)

    @env.macro
    def self_check_form() -> str:
        """The self-check form, its tools and the data its script needs."""
        return selfcheck.form(data(), env.page.url, env.conf["use_directory_urls"])

    @env.macro
    def offline_download() -> str:
        """The zip of the offline edition, when `make offline` has made it."""
        offline = env.conf["plugins"].get("material/offline")
        return downloads.offline_download(env.conf["docs_dir"], bool(offline and offline.config.enabled),
                                          data()["version"])
