"""Build-time benchmark (not a test: times vary with the machine): is the data pipeline cheap and linear?

For 8, 80 and 800 dimensions it builds (1) this project with a synthetic dataset of that many dimensions
(the real ones repeated) and (2) a plain Material site with the same pages as static Markdown: the same
theme and extensions, without the YAML, the hook and mkdocs-macros. Writes build/benchmark.md.
Usage: make benchmark   (SIZES=8,80 make benchmark for a quick run)
"""

from __future__ import annotations

import copy
import itertools
import json
import os
import re
import resource
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from macros import dataset  # noqa: E402
from macros.render import render  # noqa: E402

PROJECT_PARTS = ["mkdocs.yml", "docs", "data", "macros", "overrides"]
SIZES = [int(n) for n in os.environ.get("SIZES", "8,80,800").split(",")]
OUT = ROOT / "build" / "benchmark.md"


def main() -> None:
    real = dataset.load()
    rows = [("echte site", len(real["dimensions"]), best_time(ROOT, runs=3), None)]
    with tempfile.TemporaryDirectory() as tmp:
        for n in SIZES:
            data = synthetic(real, n)
            ours = make_ours(Path(tmp) / f"ours-{n}", data)
            plain = make_plain(Path(tmp) / f"plain-{n}", data)
            runs = 3 if n < 800 else 2
            rows.append((f"{n} dimensies", n, best_time(ours, runs), best_time(plain, runs)))
            print(rows[-1], flush=True)
    report = render_report(rows)
    OUT.parent.mkdir(exist_ok=True)
    OUT.write_text(report, encoding="utf-8")
    print(report)


def synthetic(real: dict, n: int) -> dict:
    """`n` dimensions: the real ones repeated in blocks, each block's `related` pointing inside the block."""
    data = copy.deepcopy(real)
    base = real["dimensions"]
    data["dimensions"] = []
    for i in range(n):
        block, original = divmod(i, len(base))
        dim = copy.deepcopy(base[original])
        suffix = f"-{block}" if block else ""
        dim.update(id=dim["id"] + suffix, number=i + 1, title=f"{dim['title']}{' ' + str(block) if block else ''}")
        dim["related"] = [r + suffix for r in dim["related"]]
        data["dimensions"].append(dim)
    return data


class _NoAliasDumper(yaml.SafeDumper):
    def ignore_aliases(self, data) -> bool:
        return True


def make_ours(target: Path, data: dict) -> Path:
    copy_project(target)
    text = yaml.dump(data, Dumper=_NoAliasDumper, allow_unicode=True, sort_keys=False)
    (target / "data" / "dimensions.yaml").write_text(text, encoding="utf-8")
    return target


def make_plain(target: Path, data: dict) -> Path:
    """The same pages as static Markdown, built by Material alone."""
    copy_project(target)  # data/ and macros/ stay only because `watch:` names them
    by_id = {d["id"]: d for d in data["dimensions"]}
    sources = {s["key"]: s for s in data["sources"]}
    pages = target / "docs" / "dimensies"
    pages.mkdir(exist_ok=True)
    nav = []
    for dim in data["dimensions"]:
        body = render("dimension.md.j2", dim=dim, related=[by_id[r] for r in dim["related"]], sources=sources)
        (pages / f"{dim['id']}.md").write_text(body, encoding="utf-8")
        title = json.dumps(f"{dim['number']}. {dim['title']}", ensure_ascii=False)  # JSON is valid YAML
        nav.append(f"      - {title}: dimensies/{dim['id']}.md")
    index = target / "docs" / "index.md"
    overview = render("overview.md.j2", dimensions=data["dimensions"])
    index.write_text(index.read_text(encoding="utf-8").replace("{{ dimension_overview() }}", overview))
    config = (target / "mkdocs.yml").read_text(encoding="utf-8")
    config = replace_once(config, r"\n  - macros:\n(    .*\n)+", "\n")
    config = replace_once(config, r"\nhooks:\n(  - .*\n)+", "\n")
    config = replace_once(config, r"  - Dimensies: \[\]\n", "  - Dimensies:\n" + "\n".join(nav) + "\n")
    (target / "mkdocs.yml").write_text(config, encoding="utf-8")
    return target


def replace_once(text: str, pattern: str, replacement: str) -> str:
    new, count = re.subn(pattern, lambda _: replacement, text, count=1)
    if count != 1:
        raise SystemExit(f"mkdocs.yml no longer matches {pattern!r}: update scripts/benchmark_build.py")
    return new


def copy_project(target: Path) -> None:
    for part in PROJECT_PARTS:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, target / part, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            target.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / part)


def best_time(project: Path, runs: int) -> float:
    """The lowest CPU time (user + system) of `runs` full builds, in seconds.

    CPU time, not wall-clock time: on a shared machine the clock also counts other people's work.
    """
    times = []
    for _ in range(runs):
        with tempfile.TemporaryDirectory() as site:
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(project / "mkdocs.yml"),
                            "-d", site], check=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            times.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return min(times)


def render_report(rows: list) -> str:
    lines = ["| build | dimensies | met dataset (s CPU) | gewone Material (s CPU) | verhouding | per dimensie (ms) |",
             "|---|---|---|---|---|---|"]
    for name, n, ours, plain in rows:
        ratio = f"{ours / plain:.2f}" if plain else "–"
        lines.append(f"| {name} | {n} | {ours:.2f} | {plain:.2f} | {ratio} | {1000 * ours / n:.0f} |"
                     if plain else f"| {name} | {n} | {ours:.2f} | – | – | {1000 * ours / n:.0f} |")
    synthetic_rows = [r for r in rows if r[3] is not None]
    for (_, n1, t1, p1), (_, n2, t2, p2) in itertools.pairwise(synthetic_rows):
        lines.append(f"\nVan {n1} naar {n2} dimensies: per extra dimensie {1000 * (t2 - t1) / (n2 - n1):.1f} ms "
                     f"met dataset, {1000 * (p2 - p1) / (n2 - n1):.1f} ms met gewone Material.")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    main()
