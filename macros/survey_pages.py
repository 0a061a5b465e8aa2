"""The pages around the survey files: the download table and the questionnaire to type over."""

from __future__ import annotations

from pathlib import PurePosixPath
from typing import TYPE_CHECKING

from mkdocs.utils import get_relative_url

from macros import questionnaire, survey_files
from macros.render import render

if TYPE_CHECKING:
    from macros.model import Dataset


def downloads(ds: Dataset, page_source: str) -> str:
    """Markdown: a table with each survey file, its tool, size and what to do with it.

    Links are relative to the page's source file (`page_source`), as Markdown links in MkDocs are."""
    files = [
        {"tool": f.tool, "kind": f.kind, "use": f.use, "name": PurePosixPath(f.path).name,
         "href": get_relative_url(f.path, page_source), "size_kb": max(1, round(len(ds.survey_files[f.path]) / 1000))}
        for f in survey_files.FILES
    ]
    return render("survey_downloads.md.j2", files=files, version=ds.version)


def questionnaire_page(ds: Dataset) -> str:
    """Markdown: every question with its title, description, rows and answers, as they are to be typed."""
    return render("survey_questionnaire.md.j2", survey=questionnaire.build(ds), prompt=questionnaire.PROMPT)
