"""The console's survey page: the distribution of ratings per channel and per queue (a chart drawn
on the server), the latest surveys, and CSV exports — for signed-in agents only.

``GET {prefix}/surveys`` (HTML), ``GET {prefix}/surveys.csv?kind=distribution|responses``. The store
is the app's ``SurveyStore`` (``app.state.surveys``); a console without one says so. Every word shown
is Polish: questions, ratings, channels and queues by their labels, never their keys.
"""

from __future__ import annotations

import asyncio
import csv
import io
from datetime import datetime
from html import escape
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Query
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from starlette.requests import HTTPConnection, Request

from contracts.queues import QUEUE_LABELS, QUEUES, Queue
from contracts.survey import (CHANNEL_LABELS, QUESTION_LABELS, RATING_LABELS, RATINGS, SOURCE_LABELS,
                              SURVEY_QUESTIONS, SurveySource)
from integrations.handoff.hours import WARSAW
from voicebot.console.context import AgentDep, ConsoleDep, SettingsDep
from voicebot.console.sessions import COOKIE_NAME
from voicebot.console.survey_chart import distribution_svg

router = APIRouter()
NO_QUEUE = "Bez przekazania do konsultanta"
# How a rating was given, as the channel offers it: keys or words on the phone, a button or typed words in chat.
GIVEN_BY = {("voice", "keypad"): "klawiatura", ("voice", "voice"): "głosem",
            ("text", "keypad"): "przycisk", ("text", "voice"): "wpisana"}


def given_by_label(channel: str, by: str | None) -> str:
    return GIVEN_BY.get((channel, by or ""), "")


LATEST = 50  # surveys listed on the page (the CSV export has them all)


async def _agent(connection: HTTPConnection, console: Any) -> str | None:
    # Sign-ins live in Redis (any worker serves the console): the look-up is awaited.
    return await console.sessions.agent(connection.cookies.get(COOKIE_NAME))


def get_surveys(connection: HTTPConnection) -> Any:
    store = getattr(connection.app.state, "surveys", None)
    if store is None:
        raise HTTPException(404, "Ankiety nie są zapisywane w tej instalacji.")
    return store


SurveysDep = Annotated[Any, Depends(get_surveys)]


def queue_label(queue: str | None) -> str:
    if not queue:
        return NO_QUEUE
    return QUEUE_LABELS.get(Queue(queue), queue) if queue in QUEUES else queue


def channel_label(channel: str) -> str:
    return CHANNEL_LABELS.get(channel, channel)


def source_label(source: str) -> str:
    return SOURCE_LABELS.get(SurveySource(source), source) if source in set(SurveySource) else source


def _when(t: float) -> str:
    return datetime.fromtimestamp(t, WARSAW).strftime("%Y-%m-%d %H:%M")


@router.get("/surveys", response_class=HTMLResponse, include_in_schema=False)
async def survey_page(request: Request, console: ConsoleDep, settings: SettingsDep) -> Response:
    agent = await _agent(request, console)
    if agent is None:  # the console's own sign-in, then back here
        return RedirectResponse(f"{settings.prefix or ''}/", status_code=303)
    surveys = get_surveys(request)
    by_channel, by_queue, latest = await asyncio.gather(
        asyncio.to_thread(surveys.distribution, "channel"), asyncio.to_thread(surveys.distribution, "queue"),
        asyncio.to_thread(surveys.surveys, LATEST))
    prefix = settings.prefix or ""
    channel_groups = [(channel_label(k), v) for k, v in sorted(by_channel.items())]
    queue_order = {q.value: i for i, q in enumerate(QUEUES)}
    queue_groups = [(queue_label(k), v) for k, v in sorted(by_queue.items(), key=lambda kv: queue_order.get(kv[0], -1))]
    body = [f'<p class="muted">Zalogowano: {escape(agent)} · <a href="{prefix}/">Wróć do kolejek</a></p>',
            '<h1>Ankiety satysfakcji</h1>', _summary(latest, by_channel),
            f'<p class="exports"><a id="csv-distribution" href="{prefix}/surveys.csv?kind=distribution" download>'
            'Pobierz rozkład ocen (CSV)</a> · '
            f'<a id="csv-responses" href="{prefix}/surveys.csv?kind=responses" download>'
            'Pobierz wszystkie ankiety (CSV)</a></p>']
    if not channel_groups:
        body.append('<p id="no-surveys" class="muted">Nie ma jeszcze żadnej ankiety.</p>')
    else:
        body.append(f'<figure id="chart-channel">{distribution_svg(channel_groups, title="Oceny według kanału")}</figure>')
        body.append(f'<figure id="chart-queue">{distribution_svg(queue_groups, title="Oceny według kolejki")}</figure>')
        body.append(_latest_table(latest))
    return HTMLResponse(_page("\n".join(body)), headers={"Cache-Control": "no-store", "X-Frame-Options": "DENY"})


def _summary(latest: list, by_channel: dict) -> str:
    total = sum(max(sum(c.values()) for c in per_q.values()) for per_q in by_channel.values()) if by_channel else 0
    averages = []
    for q in SURVEY_QUESTIONS:
        n = sum(per_q[q][r] for per_q in by_channel.values() for r in RATINGS)
        s = sum(per_q[q][r] * r for per_q in by_channel.values() for r in RATINGS)
        if n:
            averages.append(f"{escape(QUESTION_LABELS[q])}: średnio {s / n:.1f}".replace(".", ","))
    return (f'<p id="summary">Ankiet z odpowiedziami: <strong>{total}</strong>'
            + (" · " + " · ".join(averages) if averages else "") + "</p>")


def _latest_table(latest: list) -> str:
    head = "".join(f"<th>{escape(QUESTION_LABELS[q])}</th>" for q in SURVEY_QUESTIONS)
    rows = []
    for s in latest:
        cells = "".join(
            f"<td>{s.ratings[q.value]} <span class='muted'>({given_by_label(s.channel, s.given_by[q.value])})</span></td>"
            if s.ratings[q.value] else "<td class='muted'>—</td>" for q in SURVEY_QUESTIONS)
        rows.append(f"<tr><td>{_when(s.created_at)}</td><td>{escape(channel_label(s.channel))}</td>"
                    f"<td>{escape(source_label(s.source))}</td><td>{escape(queue_label(s.queue))}</td>{cells}"
                    f"<td>{escape(s.comment or '')}</td><td>{'tak' if s.complete else 'nie'}</td></tr>")
    return ('<h2>Ostatnie ankiety</h2><table id="latest"><thead><tr><th>Data</th><th>Kanał</th><th>Rodzaj</th>'
            f'<th>Kolejka</th>{head}<th>Komentarz</th><th>Pełna</th></tr></thead><tbody>{"".join(rows)}</tbody></table>')


def _page(body: str) -> str:
    return ('<!doctype html><html lang="pl"><head><meta charset="utf-8"><title>Ankiety satysfakcji — konsola KAS</title>'
            '<meta name="viewport" content="width=device-width, initial-scale=1">'
            '<style>body{font-family:system-ui,sans-serif;margin:1.5rem auto;max-width:60rem;padding:0 1rem;color:#1b1b1b}'
            'h1{font-size:1.4rem}h2{font-size:1.1rem;margin-top:1.5rem}.muted{color:#666}figure{margin:1rem 0}svg{max-width:100%;height:auto}'
            'table{border-collapse:collapse;width:100%;font-size:.9rem}th,td{border-bottom:1px solid #ddd;'
            'padding:.3rem .4rem;text-align:left;vertical-align:top}.exports a{margin-right:.3rem}</style>'
            f'</head><body>{body}</body></html>')


@router.get("/surveys.csv", include_in_schema=False)
async def survey_csv(agent: AgentDep, surveys: SurveysDep,
                     kind: str = Query("distribution", pattern="^(distribution|responses)$")) -> Response:
    if kind == "distribution":
        text = await asyncio.to_thread(_distribution_csv, surveys)
        name = "ankiety-rozklad-ocen.csv"
    else:
        text = await asyncio.to_thread(_responses_csv, surveys)
        name = "ankiety-odpowiedzi.csv"
    # A byte-order mark so that a spreadsheet opens the Polish letters as UTF-8.
    return Response("\ufeff" + text, media_type="text/csv; charset=utf-8",
                    headers={"Content-Disposition": f'attachment; filename="{name}"', "Cache-Control": "no-store"})


def _distribution_csv(surveys: Any) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["Podział", "Grupa", "Pytanie", "Ocena", "Ocena słownie", "Liczba odpowiedzi"])
    for by, label, name in (("channel", "Kanał", channel_label), ("queue", "Kolejka", queue_label)):
        for group, per_question in sorted(surveys.distribution(by).items()):
            for q in SURVEY_QUESTIONS:
                for rating in RATINGS:
                    writer.writerow([label, name(group), QUESTION_LABELS[q], rating, RATING_LABELS[rating],
                                     per_question[q][rating]])
    return out.getvalue()


def _responses_csv(surveys: Any) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["Identyfikator rozmowy", "Data", "Kanał", "Rodzaj", "Kolejka",
                     *[h for q in SURVEY_QUESTIONS for h in (QUESTION_LABELS[q], f"{QUESTION_LABELS[q]} — sposób")],
                     "Komentarz", "Pełna"])
    for s in surveys.surveys():
        writer.writerow([s.call_id, _when(s.created_at), channel_label(s.channel), source_label(s.source),
                         queue_label(s.queue),
                         *[v for q in SURVEY_QUESTIONS for v in (s.ratings[q.value] or "",
                                                                   given_by_label(s.channel, s.given_by[q.value]))],
                         _cell(s.comment or ""), "tak" if s.complete else "nie"])
    return out.getvalue()


def _cell(text: str) -> str:
    """A comment opening with = + - @ would be a formula to a spreadsheet: kept as text."""
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text
