"""Werkvormen: ready session plans from the `sessions:` block of the dataset, on one page.

A plan names what to print (one of MATERIALS, each a page of this site and, after `make pdf`, a PDF file) and
the cards it works with; the page adds up the minutes of its steps, so the duration is never typed twice.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from macros import downloads
from macros.render import render

if TYPE_CHECKING:
    from macros.model import Dataset

PAGE = "werkvormen.md"
FEEDBACK_SHEET = ("feedback-vragen", "Feedback vragen: stappen en vragenbank (de printversie van de pagina)",
                  "feedback-vragen.md")
# What a plan can ask to print: key -> (label, page's Markdown source). The schema's enum lists the same keys.
MATERIALS = {p.key: (p.label[:1].upper() + p.label[1:], p.page) for p in downloads.PRINTABLES}
MATERIALS[FEEDBACK_SHEET[0]] = FEEDBACK_SHEET[1:]


def duration(minutes: int) -> str:
    """'45 minuten', or in hours from two hours on: '3,5 uur (210 minuten)'."""
    if minutes < 120:
        return f"{minutes} minuten"
    hours = f"{minutes / 60:.1f}".rstrip("0").rstrip(".").replace(".", ",")
    return f"{hours} uur ({minutes} minuten)"


def clock(minutes: int) -> str:
    return f"{minutes // 60}:{minutes % 60:02d}"


def plan(ds: Dataset, session: dict, page_url: str) -> dict:
    """What the page shows of one session: its steps with start and end times, its materials and cards."""
    steps, start = [], 0
    for step in session["steps"]:
        steps.append({**step, "start": clock(start), "end": clock(start + step["minutes"])})
        start += step["minutes"]
    pdfs = {link["key"]: link["href"] for link in downloads.pdf_links(list(downloads.BY_KEY), page_url)}
    materials = [{"label": MATERIALS[m["material"]][0], "page": MATERIALS[m["material"]][1], "copies": m["copies"],
                  "pdf": pdfs.get(m["material"])} for m in session["materials"]]
    cards = [ds.by_id[card] for card in session["cards"]]
    return {**session, "steps": steps, "duration": duration(start), "materials": materials, "cards": cards}


def page(ds: Dataset, page_url: str) -> str:
    plans = [plan(ds, session, page_url) for session in ds.sessions]
    return render("sessions.md.j2", plans=plans, dataset=ds)
