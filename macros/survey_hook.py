"""MkDocs hook: publish the questionnaire files for survey tools (LimeSurvey, XLSForm, Forms), made at build time."""

from __future__ import annotations

import sys
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # make the `macros` package importable
from macros import dataset, survey_files  # noqa: E402


def on_files(files: Files, config: MkDocsConfig) -> Files:
    for path, content in survey_files.files(dataset.load_cached()).items():
        files.append(File.generated(config, path, content=content))
    return files
