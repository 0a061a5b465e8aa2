"""mkdocs-macros entry point: the macros that pages call to show content from the dataset."""

from __future__ import annotations

from pathlib import Path

from macros import dataset
from macros.render import render


def define_env(env) -> None:
    data_file = Path(env.conf["config_file_path"]).parent / "data" / "dimensions.yaml"

    def data() -> dict:
        return dataset.load_cached(data_file)

    @env.macro
    def dimension_page(dimension_id: str) -> str:
        """The full development card of one dimension."""
        content = data()
        by_id = dataset.dimensions_by_id_cached(data_file)
        if dimension_id not in by_id:
            raise KeyError(f"unknown dimension '{dimension_id}'; known: {', '.join(by_id)}")
        dim = by_id[dimension_id]
        return render(
            "dimension.md.j2",
            dim=dim,
            related=[by_id[other] for other in dim["related"]],
            sources={s["key"]: s for s in content["sources"]},
        )

    @env.macro
    def dimension_overview() -> str:
        """The model at a glance: one card per dimension, in number order."""
        return render("overview.md.j2", dimensions=data()["dimensions"])
