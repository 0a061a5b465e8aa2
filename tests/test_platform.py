"""The site builds the same with ProperDocs, the maintained successor of MkDocs 1.x (see ARCHITECTURE.md)."""

from __future__ import annotations

import os
import re
import subprocess
import sys

from conftest import ROOT, read_yaml, write_yaml

from macros import dataset
from scripts import benchmark_build

GENERATOR = re.compile(r'\s*<meta name="generator" content="[^"]*">')


def test_properdocs_builds_every_page_with_the_same_text_as_mkdocs(site, tmp_path):
    other = tmp_path / "properdocs"
    result = subprocess.run(
        [sys.executable, "-m", "properdocs", "build", "--strict", "-f", str(ROOT / "mkdocs.yml"), "-d", str(other)],
        capture_output=True, text=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    assert result.returncode == 0, result.stderr
    files = sorted(p.relative_to(site) for p in site.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(other) for p in other.rglob("*") if p.is_file())
    assert len([f for f in files if f.suffix == ".html"]) >= 20
    for name in files:
        ours, theirs = (site / name).read_bytes(), (other / name).read_bytes()
        if name.suffix == ".html":  # only the generator's name differs
            ours, theirs = (GENERATOR.sub("", page.decode()) for page in (ours, theirs))
        assert ours == theirs, name


def test_benchmark_runs_and_reports_the_ratio(tmp_path):
    """`make benchmark` on the real site alone (SIZES empty: three builds, not six), so the script cannot fall behind
    the build again; its larger datasets are checked below without building them."""
    report = tmp_path / "benchmark.md"
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "benchmark_build.py")], cwd=ROOT,
                            capture_output=True, text=True, env={**os.environ, "SIZES": "", "RUNS": "1",
                                                                 "OUT": str(report)})
    assert result.returncode == 0, result.stderr
    rows = re.findall(r"^\| (echte site|\d+ dimensies) \| (\d+) \| ([\d.]+) \| ([\d.]+) \| ([\d.]+) \|$",
                      report.read_text(encoding="utf-8"), re.M)
    assert [(name, int(n)) for name, n, *_ in rows] == [("echte site", 8)]
    for _, _, ours, plain, ratio in rows:
        assert float(ours) > 0 and float(plain) > 0 and float(ratio) > 0


def test_benchmark_datasets_are_valid_at_any_size(tmp_path):
    """The benchmark's larger datasets pass the same check as data/dimensions.yaml, which every build runs first."""
    real = read_yaml(ROOT / "data" / "dimensions.yaml")
    for size in (9, 12, 20):
        data = benchmark_build.synthetic(real, size)
        write_yaml(tmp_path / "dimensions.yaml", data)
        loaded = dataset.load(tmp_path / "dimensions.yaml")  # raises DatasetError, naming every problem
        assert [dim["number"] for dim in loaded["dimensions"]] == list(range(1, size + 1))
