"""Build-time benchmark (not a test: times vary with the machine): what does building from the dataset cost?

For the real site and for synthetic datasets (the real dimensions repeated, default 12) it builds (1) this project
and (2) a plain Material site with exactly the same pages: every page's Markdown and front matter as our build
hands it to Markdown (captured by scripts/capture_pages.py, a hook added for one extra build), the same nav and
the same generated files, built without the YAML, the hook and mkdocs-macros. It reports the CPU time of both and
their ratio in build/benchmark.md. Usage: make benchmark   (SIZES=8 RUNS=1 make benchmark for a quick run;
OUT=path moves the report)
"""

from __future__ import annotations

import base64
import copy
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
PROJECT_PARTS = ["mkdocs.yml", "docs", "data", "macros", "overrides"]
CAPTURE_HOOK = Path(__file__).resolve().parent / "capture_pages.py"
SIZES = [int(n) for n in os.environ.get("SIZES", "12").split(",") if n]
RUNS = int(os.environ.get("RUNS", "5"))
OUT = Path(os.environ.get("OUT", ROOT / "build" / "benchmark.md"))
DATA = Path("data") / "dimensions.yaml"


def main() -> None:
    real = yaml.safe_load((ROOT / DATA).read_text(encoding="utf-8"))
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        cases = [("echte site", real)] + [(f"{n} dimensies", synthetic(real, n)) for n in SIZES]
        for name, data in cases:
            ours = make_ours(Path(tmp) / f"ours-{name}", data)
            plain = make_plain(Path(tmp) / f"plain-{name}", ours)
            rows.append((name, len(data["dimensions"]), best_time(ours), best_time(plain)))
            print(rows[-1], flush=True)
    report = render_report(rows)
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(report, encoding="utf-8")
    print(report)


def synthetic(real: dict, n: int) -> dict:
    """`n` dimensions: the real ones repeated in blocks, each block's `related` pointing inside the block."""
    data = copy.deepcopy(real)
    base = sorted(real["dimensions"], key=lambda d: d["number"])
    data["dimensions"] = []
    for i in range(n):
        block, original = divmod(i, len(base))
        dim = copy.deepcopy(base[original])
        suffix = f"-{block}" if block else ""
        dim.update(id=dim["id"] + suffix, number=i + 1, title=f"{dim['title']}{' ' + str(block) if block else ''}")
        dim["related"] = [r + suffix for r in dim["related"]]
        if block:  # a statement is known by its text, so each appears once; a copy's quotes name a source of
            # their own (an article quote may stand on two cards)
            dim["self_check"] = [f"{text[:190]} ({block})" for text in dim["self_check"]]
            dim["quotes"] = [dict(quote, source=real["sources"][0]["key"]) for quote in dim["quotes"]]
        data["dimensions"].append(dim)
    ids = {dim["id"] for dim in data["dimensions"]}
    for dim in data["dimensions"]:  # the last block may be partial
        dim["related"] = [r for r in dim["related"] if r in ids]
    return data


class _NoAliasDumper(yaml.SafeDumper):
    def ignore_aliases(self, data) -> bool:
        return True


def make_ours(target: Path, data: dict) -> Path:
    copy_project(target)
    text = yaml.dump(data, Dumper=_NoAliasDumper, allow_unicode=True, sort_keys=False)
    (target / DATA).write_text(text, encoding="utf-8")
    return target


def make_plain(target: Path, ours: Path) -> Path:
    """The pages of our build as static Markdown, with its nav and generated files, for Material alone."""
    captured = capture(ours, target.with_name(target.name + "-capture"))
    copy_project(target)  # data/ and macros/ stay only because `watch:` names them
    docs = target / "docs"
    for path, page in captured["pages"].items():
        meta = {k: v for k, v in page["meta"].items() if k != "render_macros"}
        front = f"---\n{yaml.safe_dump(meta, allow_unicode=True)}---\n\n" if meta else ""
        _write(docs / path, front + page["markdown"])
    for path, content in captured["generated"].items():
        (docs / path).parent.mkdir(parents=True, exist_ok=True)
        (docs / path).write_bytes(base64.b64decode(content))
    config = (target / "mkdocs.yml").read_text(encoding="utf-8")
    config = replace_once(config, r"\n  - macros:.*\n(    .*\n)+", "\n")
    config = replace_once(config, r"\nhooks:\n(  - .*\n)+", "\n")
    nav, extra = (json.dumps(captured[key], ensure_ascii=False) for key in ("nav", "extra"))  # JSON is YAML too
    config = replace_once(config, r"\nnav:\n(  .*\n)+", f"\nnav: {nav}\n") + f"\nextra: {extra}\n"
    (target / "mkdocs.yml").write_text(config, encoding="utf-8")
    return target


def capture(project: Path, out: Path) -> dict:
    """Build `project` once with scripts/capture_pages.py as an extra, last hook; return what it recorded."""
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    capture_config = project / "mkdocs-capture.yml"
    shutil.copy2(CAPTURE_HOOK, project / CAPTURE_HOOK.name)
    capture_config.write_text(replace_once(config, r"\nhooks:\n", f"\nhooks:\n  - {CAPTURE_HOOK.name}\n"),
                              encoding="utf-8")
    record = out.with_suffix(".json")
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(capture_config), "-d", str(out)],
                   check=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "CAPTURE_PAGES": str(record)})
    return json.loads(record.read_text(encoding="utf-8"))


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


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


def best_time(project: Path, runs: int = RUNS) -> float:
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
    lines = [f"Laagste van {RUNS} bouwbeurten, CPU-tijd.\n",
             "| build | dimensies | met dataset (s CPU) | gewone Material (s CPU) | verhouding |",
             "|---|---|---|---|---|"]
    for name, n, ours, plain in rows:
        lines.append(f"| {name} | {n} | {ours:.2f} | {plain:.2f} | {ours / plain:.2f} |")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    main()
