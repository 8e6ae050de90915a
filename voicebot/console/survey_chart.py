"""The survey chart, drawn here as SVG on the server: no script library, no CDN (the console runs
offline). One block per group (a channel or a queue), one bar per question, split into the shares
of ratings 1–5 with their counts; the legend names the ratings in words."""

from __future__ import annotations

from html import escape

from contracts.survey import QUESTION_LABELS, RATING_LABELS, RATINGS, SURVEY_QUESTIONS, SurveyQuestion

# Ratings from red (1) to green (5); dark text where the fill is light.
COLOURS = {1: "#b83227", 2: "#e07b24", 3: "#e8c547", 4: "#8dbb4c", 5: "#2f8a4f"}
TEXT_ON = {1: "#fff", 2: "#fff", 3: "#222", 4: "#222", 5: "#fff"}
WIDTH, LABEL_W, COUNT_W, BAR_H, ROW_GAP, TITLE_H = 860, 190, 110, 22, 8, 26

Distribution = dict[SurveyQuestion, dict[int, int]]


def distribution_svg(groups: list[tuple[str, Distribution]], *, title: str) -> str:
    """``groups``: (label shown, counts per question and rating)."""
    bar_w = WIDTH - LABEL_W - COUNT_W
    y = 34
    parts: list[str] = []
    for label, per_question in groups:
        parts.append(f'<text x="0" y="{y + 16}" class="group">{escape(label)}</text>')
        y += TITLE_H
        for question in SURVEY_QUESTIONS:
            counts = per_question.get(question, {})
            total = sum(counts.get(r, 0) for r in RATINGS)
            parts.append(f'<text x="0" y="{y + 16}" class="question">{escape(QUESTION_LABELS[question])}</text>')
            x = float(LABEL_W)
            if total == 0:
                parts.append(f'<rect x="{LABEL_W}" y="{y}" width="{bar_w}" height="{BAR_H}" fill="#eee"/>')
            for rating in RATINGS:
                n = counts.get(rating, 0)
                if not n:
                    continue
                w = bar_w * n / total
                tip = f"{QUESTION_LABELS[question]}: ocena {rating} ({RATING_LABELS[rating]}) – {n}"
                parts.append(f'<rect x="{x:.1f}" y="{y}" width="{w:.1f}" height="{BAR_H}" fill="{COLOURS[rating]}">'
                             f'<title>{escape(tip)}</title></rect>')
                if w >= 22:
                    parts.append(f'<text x="{x + w / 2:.1f}" y="{y + 15}" class="count" fill="{TEXT_ON[rating]}">'
                                 f'{n}</text>')
                x += w
            parts.append(f'<text x="{WIDTH - COUNT_W + 8}" y="{y + 16}" class="total">'
                         f'{_answers(total)}</text>')
            y += BAR_H + ROW_GAP
        y += 10
    legend = []
    lx = 0
    for rating in RATINGS:
        legend.append(f'<rect x="{lx}" y="{y + 6}" width="14" height="14" fill="{COLOURS[rating]}"/>'
                      f'<text x="{lx + 20}" y="{y + 18}" class="legend">{rating} – {escape(RATING_LABELS[rating])}</text>')
        lx += 150
    height = y + 30
    return (f'<svg xmlns="http://www.w3.org/2000/svg" role="img" viewBox="0 0 {WIDTH} {height}" width="{WIDTH}" '
            f'height="{height}" aria-label="{escape(title)}">'
            '<style>text{font-family:system-ui,sans-serif;font-size:13px;fill:#222}.group{font-weight:600;font-size:14px}'
            '.count{text-anchor:middle;font-size:12px}.total{fill:#555}.heading{font-size:15px;font-weight:600}</style>'
            f'<text x="0" y="18" class="heading">{escape(title)}</text>'
            + "".join(parts) + "".join(legend) + "</svg>")


def _answers(n: int) -> str:
    """"1 odpowiedź", else "n odpowiedzi" (2–4 and 5+ share the form for this noun)."""
    return "1 odpowiedź" if n == 1 else f"{n} odpowiedzi"
