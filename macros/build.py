"""What a build makes from the dataset, as plain Python: generated files, the nav section and the page macros.

macros/hooks.py hands these to MkDocs; another generator (ProperDocs, Zensical) would need only its own thin layer.
To add an output: a generated file goes into `generated_files()`, a macro that a hand-written page calls goes into
`page_macros()` (and that page gets `render_macros: true` in its front matter).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import jinja2

from macros import (
    bibliography,
    cards,
    dialogue,
    downloads,
    feedback,
    opendata,
    pages,
    paperform,
    projector,
    selfcheck,
    sessions,
    survey_pages,
)
from macros.model import Dataset
from macros.render import render


def generated_files(ds: Dataset) -> dict[str, str | bytes]:
    """Path in docs/ -> content of every file the dataset adds to the site, in this order."""
    return {
        **pages.sources(ds),  # one page per dimension
        **opendata.files(ds),  # the dataset as open data, with its schema
        **ds.survey_files,  # the questionnaire for LimeSurvey, KoboToolbox/ODK and Microsoft/Google Forms
        **projector.files(ds),  # the projector view, a slide per dimension
    }


def page_macros(ds: Dataset, docs_dir: Path, offline_edition: bool) -> dict[str, Callable[..., str]]:
    """The macros hand-written pages call (name -> function), each rendering from `ds`."""

    def dimension_overview() -> str:
        """The model at a glance: one card per dimension, in number order."""
        return render("overview.md.j2", dataset=ds)

    def bibliography_list() -> str:
        """Every source in APA 7 style, sorted, each with the cards that recommend it."""
        return render("bibliography.md.j2", entries=bibliography.entries(ds), dataset=ds)

    def feedback_page() -> str:
        """The feedback tool: steps, question bank, request builder and private log."""
        return feedback.page(ds)

    def card_deck() -> str:
        """The printable card deck (A6 and A5), generated from the dataset."""
        return cards.deck_html(ds)

    def dialogue_cards() -> str:
        """The printable dialogue cards: one question per card, eight to a sheet."""
        return dialogue.deck_html(ds)

    @jinja2.pass_context
    def session_plans(context: jinja2.runtime.Context) -> str:
        """The Werkvormen page's session plans, with links to what they print."""
        return sessions.page(ds, context["page"].url)

    def paper_self_check() -> str:
        """The self-check on paper for groups: the compact form and the facilitator's tally sheet."""
        return paperform.paper_html(ds)

    @jinja2.pass_context
    def pdf_downloads(context: jinja2.runtime.Context, *keys: str) -> str:
        """Links to printed products as PDF (keys of downloads.PRINTABLES), only in a build that prints them."""
        return downloads.pdf_links_html(list(keys), context["page"].url)

    @jinja2.pass_context
    def self_check_form(context: jinja2.runtime.Context) -> str:
        """The self-check form, its tools and the data its script needs (links relative to the calling page)."""
        return selfcheck.form(ds, context["page"].url)

    def offline_download() -> str:
        """The zip of the offline edition, when `make offline` has made it."""
        return downloads.offline_download(docs_dir, offline_edition, ds.version)

    @jinja2.pass_context
    def survey_downloads(context: jinja2.runtime.Context) -> str:
        """The questionnaire files for the survey tools, as a table (links relative to the calling page's source)."""
        return survey_pages.downloads(ds, context["page"].file.src_uri)

    def survey_questionnaire() -> str:
        """The questionnaire as it is to be typed into Microsoft Forms or Google Forms, in order."""
        return survey_pages.questionnaire_page(ds)

    return {
        "dimension_overview": dimension_overview,
        "bibliography": bibliography_list,
        "feedback_page": feedback_page,
        "card_deck": card_deck,
        "dialogue_cards": dialogue_cards,
        "paper_self_check": paper_self_check,
        "session_plans": session_plans,
        "pdf_downloads": pdf_downloads,
        "self_check_form": self_check_form,
        "offline_download": offline_download,
        "survey_downloads": survey_downloads,
        "survey_questionnaire": survey_questionnaire,
    }
