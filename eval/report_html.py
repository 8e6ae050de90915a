"""A self-contained HTML report: tables, inline SVG plots drawn here (no CDN, no script library),
and each call's two audio tracks embedded as a base64 WAV data URI. Opens offline."""

from __future__ import annotations

import base64
import html
from pathlib import Path

from eval.report_labels import (AUTH_LABELS, PESEL_ENTRY_LABELS, PESEL_RESULT_LABELS, RUN_LABELS, STATUS_LABELS,
                                TURN_KIND_LABELS, check_label, check_value, end_reason_label, intent_label,
                                mark_label, queue_label, state_label)

STATUS_COLOUR = {"pass": "#1a7f37", "fail": "#cf222e", "error": "#9a6700", "interrupted": "#6e7781",
                 "not_run": "#6e7781"}

CSS = """
body{font:14px/1.45 system-ui,-apple-system,'Segoe UI',sans-serif;margin:0;color:#1f2328;background:#f6f8fa}
header{background:#0b3d6e;color:#fff;padding:16px 28px}header h1{margin:0;font-size:22px}
header p{margin:4px 0 0;opacity:.85}main{padding:18px 28px;max-width:1400px}
section{background:#fff;border:1px solid #d0d7de;border-radius:8px;padding:14px 18px;margin:0 0 18px}
h2{font-size:17px;margin:0 0 10px}.cards{display:flex;flex-wrap:wrap;gap:10px}
.card{border:1px solid #d0d7de;border-radius:6px;padding:8px 12px;min-width:120px;background:#fbfcfd}
.card b{display:block;font-size:19px}.card span{color:#57606a;font-size:12px}
table{border-collapse:collapse;width:100%}th,td{border-bottom:1px solid #eaeef2;padding:4px 8px;text-align:left;
vertical-align:top}th{background:#f6f8fa;font-weight:600}.pill{display:inline-block;border-radius:10px;padding:0 8px;
color:#fff;font-size:12px}.bad{color:#cf222e}.ok{color:#1a7f37}.plots{display:flex;flex-wrap:wrap;gap:24px}
details{border-top:1px solid #eaeef2;padding:6px 0}summary{cursor:pointer}summary b{margin-right:8px}
.banner{background:#fff8c5;border:1px solid #d4a72c;padding:8px 12px;border-radius:6px;margin-bottom:14px}
audio{width:100%;max-width:900px}.small{color:#57606a;font-size:12px}
"""


def _e(value) -> str:
    return html.escape("" if value is None else str(value))


def _refused(count: int) -> str:
    """Wrong read-backs the caller said no to, when there were any."""
    return f", odrzucone odczyty innego numeru: {count}" if count else ""


def _pct(value) -> str:
    return "—" if value is None else _decimal(100 * value, 1) + " %"


def _decimal(value: float, digits: int = 2) -> str:
    """A number as Polish writes it: "0,31"."""
    return f"{value:.{digits}f}".replace(".", ",")


def _s(value, digits: int = 2) -> str:
    return "—" if value is None else _decimal(value, digits)


def histogram_svg(values: list[float], *, width: int = 460, height: int = 236, bins: int = 12,
                  limit: float | None = 1.2, label: str = "s") -> str:
    if not values:
        return "<p class=small>brak pomiarów czasu odpowiedzi</p>"
    lo, hi = 0.0, max(max(values), (limit or 0) * 1.1, 0.1)
    step = (hi - lo) / bins
    counts = [0] * bins
    for v in values:
        counts[min(bins - 1, int((v - lo) / step))] += 1
    top = max(counts)
    pad_l, pad_b, pad_t = 36, 46, 12
    w, h = width - pad_l - 10, height - pad_b - pad_t
    bar = w / bins
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" role="img" '
             f'aria-label="histogram czasu odpowiedzi"><rect width="100%" height="100%" fill="#fff"/>']
    for i, c in enumerate(counts):
        bh = h * c / top
        parts.append(f'<rect x="{pad_l + i * bar + 1:.1f}" y="{pad_t + h - bh:.1f}" width="{bar - 2:.1f}" '
                     f'height="{bh:.1f}" fill="#0969da"><title>{lo + i * step:.2f}–{lo + (i + 1) * step:.2f} {label}: '
                     f'{c}</title></rect>')
        if c:
            parts.append(f'<text x="{pad_l + (i + .5) * bar:.1f}" y="{pad_t + h - bh - 2:.1f}" font-size="10" '
                         f'text-anchor="middle">{c}</text>')
    for k in range(0, 5):
        x_val = lo + (hi - lo) * k / 4
        x = pad_l + w * k / 4
        parts.append(f'<text x="{x:.1f}" y="{pad_t + h + 14}" font-size="11" text-anchor="middle">'
                     f'{_decimal(x_val)}</text>')
    if limit is not None and limit <= hi:
        x = pad_l + w * (limit - lo) / (hi - lo)
        parts.append(f'<line x1="{x:.1f}" x2="{x:.1f}" y1="{pad_t}" y2="{pad_t + h}" stroke="#cf222e" '
                     f'stroke-dasharray="4 3"/><text x="{x + 3:.1f}" y="{pad_t + 10}" font-size="10" '
                     f'fill="#cf222e">{f"{limit:g}".replace(".", ",")} {label}</text>')
    parts.append(f'<line x1="{pad_l}" x2="{pad_l + w}" y1="{pad_t + h}" y2="{pad_t + h}" stroke="#57606a"/>')
    parts.append(f'<text x="{pad_l + w / 2:.0f}" y="{height - 6}" font-size="11" text-anchor="middle">'
                 f'koniec wypowiedzi rozmówcy → pierwszy dźwięk bota ({label})</text></svg>')
    return "".join(parts)


def confusion_svg(confusion: dict[str, dict[str, int]]) -> str:
    if not confusion:
        return "<p class=small>brak oczekiwanych intencji</p>"
    expected = sorted(confusion)
    actual = sorted({a for row in confusion.values() for a in row} | set(expected))
    # Room for the longest label (about 6 px a character at 11 px), across on the left, at 45° on top.
    longest = max(len(intent_label(i)) for i in actual)
    cell, pad_l, pad_t = 46, 24 + 6 * longest, 24 + int(4.3 * longest)
    width = max(260, pad_l + cell * len(actual) + int(4.3 * len(intent_label(actual[-1]))) + 10)
    height = pad_t + cell * len(expected) + 10
    top = max(v for row in confusion.values() for v in row.values()) or 1
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" role="img" '
             f'aria-label="macierz pomyłek intencji"><rect width="100%" height="100%" fill="#fff"/>',
             f'<text x="{pad_l}" y="12" font-size="11">rozpoznana intencja →</text>']
    for j, a in enumerate(actual):
        x = pad_l + j * cell + cell / 2
        parts.append(f'<text transform="translate({x:.0f},{pad_t - 6}) rotate(-45)" font-size="11">'
                     f'{_e(intent_label(a))}</text>')
    for i, e in enumerate(expected):
        y = pad_t + i * cell
        parts.append(f'<text x="{pad_l - 6}" y="{y + cell / 2 + 4:.0f}" font-size="11" text-anchor="end">'
                     f'{_e(intent_label(e))}</text>')
        for j, a in enumerate(actual):
            n = confusion[e].get(a, 0)
            shade = 0.08 + 0.85 * n / top if n else 0
            colour = "26,127,55" if a == e else "207,34,46"
            parts.append(f'<rect x="{pad_l + j * cell}" y="{y}" width="{cell - 2}" height="{cell - 2}" '
                         f'fill="rgba({colour},{shade:.2f})" stroke="#d0d7de"><title>oczekiwana: '
                         f'{_e(intent_label(e))}, rozpoznana: {_e(intent_label(a))}: '
                         f'{n}</title></rect>')
            if n:
                parts.append(f'<text x="{pad_l + j * cell + cell / 2 - 1:.0f}" y="{y + cell / 2 + 4:.0f}" '
                             f'font-size="12" text-anchor="middle">{n}</text>')
    parts.append(f'<text transform="translate(14,{pad_t + cell * len(expected) / 2:.0f}) rotate(-90)" font-size="11" '
                 f'text-anchor="middle">oczekiwana</text></svg>')
    return "".join(parts)


def timeline_svg(timeline: dict, *, width: int = 900) -> str:
    duration = max(timeline.get("duration") or 1.0, 1.0)
    pad_l, row = 56, 22
    scale = (width - pad_l - 10) / duration
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{row * 3 + 26}" role="img" '
             f'aria-label="przebieg rozmowy"><rect width="100%" height="100%" fill="#fff"/>',
             f'<text x="4" y="{row - 6}" font-size="11">rozmówca</text>',
             f'<text x="4" y="{2 * row - 6}" font-size="11">bot</text>',
             f'<text x="4" y="{3 * row - 6}" font-size="11">zdarzenia</text>']
    for t, dur, sensitive in timeline.get("caller", []):
        parts.append(f'<rect x="{pad_l + t * scale:.1f}" y="4" width="{max(1.5, dur * scale):.1f}" height="{row - 8}" '
                     f'fill="{"#8250df" if sensitive else "#0969da"}"><title>rozmówca {t:.1f} s, {dur:.1f} s'
                     f'{" (wyciszone: dane osobowe)" if sensitive else ""}</title></rect>')
    for t, count in timeline.get("keys", []):
        parts.append(f'<rect x="{pad_l + t * scale:.1f}" y="4" width="4" height="{row - 8}" fill="#bf8700">'
                     f'<title>klawisze ({count}) w {t:.1f} s</title></rect>')
    for t, dur in timeline.get("bot", []):
        parts.append(f'<rect x="{pad_l + t * scale:.1f}" y="{row + 4}" width="{max(1.5, dur * scale):.1f}" '
                     f'height="{row - 8}" fill="#1a7f37"><title>bot {t:.1f} s, {dur:.1f} s</title></rect>')
    for t, label in timeline.get("marks", []):
        x = pad_l + t * scale
        parts.append(f'<line x1="{x:.1f}" x2="{x:.1f}" y1="{2 * row + 2}" y2="{3 * row - 2}" stroke="#cf222e" '
                     f'stroke-width="2"><title>{_e(mark_label(label))} w {t:.1f} s</title></line>')
    ticks = max(1, int(duration // 10) + 1)
    for k in range(ticks):
        t = k * 10
        parts.append(f'<text x="{pad_l + t * scale:.1f}" y="{3 * row + 16}" font-size="10">{t} s</text>')
    parts.append("</svg>")
    return "".join(parts)


def _cards(summary: dict) -> str:
    lat = summary["latency_s"]
    items = [
        ("zaliczone rozmowy", _pct(summary.get("pass_rate"))),
        (f"WER (błędy słów; bez wypowiedzi z ukrytymi cyframi: {summary.get('wer_turns_unscored', 0)})",
         _pct(summary.get("wer"))),
        ("CER (błędy znaków)", _pct(summary.get("cer"))), ("PESEL poprawny", _pct(summary["pesel"].get("right_rate"))),
        ("odczyty innego numeru odrzucone", str(summary["pesel"].get("read_backs_refused", 0))),
        ("uwierzytelnienie zgodne", _pct(summary["auth"].get("rate"))),
        ("intencja rozpoznana", _pct(summary["intent"].get("rate"))),
        ("temat rozpoznany", _pct(summary["topic"].get("rate"))), ("fakty powiedziane", _pct(summary["facts"].get("rate"))),
        ("kolejka zgodna", _pct(summary["handoff_queue"].get("rate"))),
        ("załatwione bez konsultanta", _pct(summary.get("containment"))),
        ("wypowiedzi rozmówcy na rozmowę", _s(summary["turns_per_call"].get("caller"), 1)),
        ("wejścia w słowo", str(summary.get("barge_ins"))),
        ("czas odpowiedzi — mediana", f"{_s(lat['p50'])} s"), ("czas odpowiedzi — p95", f"{_s(lat['p95'])} s"),
        ("czas odpowiedzi — najdłuższy", f"{_s(lat['max'])} s"),
        ("rozpoznawanie mowy — mediana", f"{_s(summary['asr_ms']['p50'], 0)} ms"),
        ("synteza: pierwszy dźwięk — mediana", f"{_s(summary['tts_first_audio_s']['p50'])} s"),
    ]
    return "<div class=cards>" + "".join(f"<div class=card><b>{_e(v)}</b><span>{_e(k)}</span></div>"
                                         for k, v in items) + "</div>"


def _pill(status: str) -> str:
    return (f'<span class=pill style="background:{STATUS_COLOUR.get(status, "#57606a")}">'
            f'{_e(STATUS_LABELS.get(status, status))}</span>')


def _call_rows(calls: list[dict]) -> str:
    rows = []
    for c in calls:
        failed = ", ".join(check_label(ch["name"]) for ch in c["checks"] if not ch["passed"])
        rows.append(
            f"<tr><td><a href='#call-{_e(c['id'])}'>{_e(c['id'])}</a></td><td>{_pill(c['status'])}</td>"
            f"<td class=bad>{_e(failed or c.get('error') or '')}</td><td>{_pct(c['wer'])}</td>"
            f"<td>{_e(AUTH_LABELS.get(c['auth'], c['auth']))}</td>"
            f"<td>{_e(PESEL_RESULT_LABELS.get(c['pesel']['result'], c['pesel']['result']))} ({c['pesel']['attempts']})</td>"
            f"<td>{_e(intent_label(c['intent']))}</td><td>{_e(queue_label(c['handoff_queue']))}</td>"
            f"<td>{c['barge_ins']}</td><td>{_s(c['latency']['max'])}</td></tr>")
    return ("<table><tr><th>rozmowa</th><th>wynik</th><th>niespełnione warunki</th><th>WER</th>"
            "<th>uwierzytelnienie</th><th>PESEL (próby)</th><th>intencja</th><th>przekazanie</th>"
            "<th>wejścia w słowo</th><th>najdłuższa odpowiedź (s)</th></tr>"
            + "".join(rows) + "</table>")


def _call_detail(c: dict, audio: bytes | None) -> str:
    checks = "".join(f"<tr><td>{_e(check_label(ch['name']))}</td><td>{_e(check_value(ch['name'], ch['expected']))}</td>"
                     f"<td>{_e(check_value(ch['name'], ch['actual']))}</td>"
                     f"<td class={'ok' if ch['passed'] else 'bad'}>{'✔' if ch['passed'] else '✘'}</td></tr>"
                     for ch in c["checks"]) or "<tr><td colspan=4 class=small>bez oczekiwań (nagranie nieopisane)</td></tr>"
    turns = "".join(
        f"<tr><td>{t['index']}</td><td>{_e(TURN_KIND_LABELS.get(t['kind'], t['kind']))}</td>"
        f"<td>{_e(state_label(t.get('state')))}</td>"
        f"<td>{_e(t.get('reference', ''))}</td><td>{_e(t.get('hypothesis', '') if t['sent'] else t.get('note'))}</td>"
        f"<td>{_pct(t.get('wer'))}</td><td>{_s(t.get('latency_s'))}</td></tr>" for t in c["turns"])
    said = "".join(f"<li>{_e(s)}</li>" for s in c["bot_said"])
    heard = "".join(f"<li>{_e(s)}</li>" for s in c.get("bot_heard", []))
    player = ""
    if audio:
        player = (f"<p class=small>lewy kanał: rozmówca, prawy: bot; dane osobowe wyciszone</p><audio controls preload=none "
                  f"src='data:audio/wav;base64,{base64.b64encode(audio).decode()}'></audio>")
    return (f"<details id='call-{_e(c['id'])}'><summary><b>{_e(c['id'])}</b>{_pill(c['status'])} "
            f"<span class=small>{_e(c['description'])}</span></summary>"
            f"<p class=small>osoba z danych testowych: {_e(c.get('person') or '—')}; PESEL "
            f"{_e(PESEL_RESULT_LABELS.get(c['pesel']['result'], c['pesel']['result']))} "
            f"(podany {_e(PESEL_ENTRY_LABELS.get(c['pesel']['entry'] or '', '—'))}, odczytany {_e(c['pesel']['captured'] or '—')}"
            f"{_refused(c['pesel'].get('read_backs_refused', 0))}); koniec: {_e(end_reason_label(c['end_reason']))}"
            f"{'; błąd: ' + _e(c['error']) if c.get('error') else ''}</p>"
            f"{timeline_svg(c.get('timeline') or {})}{player}"
            f"<h3>warunki</h3><table><tr><th>warunek</th><th>oczekiwano</th><th>jest</th><th></th></tr>{checks}</table>"
            f"<h3>wypowiedzi rozmówcy</h3><table><tr><th>#</th><th>rodzaj</th><th>stan bota</th><th>wzorzec</th>"
            f"<th>rozpoznano</th><th>WER</th><th>czas odpowiedzi (s)</th></tr>{turns}</table>"
            f"<h3>co bot powiedział (zapis rozmowy)</h3><ul>{said}</ul>"
            + (f"<h3>co słychać na linii (rozpoznanie mowy bota)</h3><ul>{heard}</ul>" if heard else "")
            + "</details>")


def render_html(report: dict, audio: dict[str, bytes] | None = None) -> str:
    summary, calls, run = report["summary"], report["calls"], report["run"]
    banner = ("<div class=banner>Raport częściowy: przebieg przerwano; rozmowy niedokończone mają wynik "
              "„przerwana” albo „nieuruchomiona”.</div>" if run.get("partial") else "")
    amounts = "widoczne (zabezpieczone środowisko QA)" if run.get("show_amounts") else "ukryte"
    status = ", ".join(f"{STATUS_LABELS.get(k, k)}: {v}" for k, v in sorted(summary["status"].items()))
    nlu, bot = (RUN_LABELS.get(run.get(k) or "", run.get(k)) for k in ("nlu", "bot"))
    return (
        f"<!doctype html><html lang=pl><head><meta charset=utf-8><title>Ewaluacja: {_e(report['suite']['name'])}</title>"
        f"<style>{CSS}</style></head><body><header><h1>Ewaluacja voicebota — {_e(report['suite']['name'])}</h1>"
        f"<p>{_e(report['suite'].get('description'))}</p><p>{_e(run.get('started'))} · rozmowy: {summary['calls']} "
        f"({_e(status)}) · bot {_e(bot)}"
        f"{' · rozumienie: ' + _e(nlu) if nlu else ''} · {'w czasie rzeczywistym' if run.get('realtime') else 'przyspieszone'} · "
        f"równolegle: {run.get('concurrency')} · kwoty {amounts}</p></header><main>{banner}"
        f"<section><h2>Podsumowanie</h2>{_cards(summary)}</section>"
        f"<section><h2>Wykresy</h2><div class=plots><div><h3>Czas odpowiedzi</h3>"
        f"{histogram_svg([v for c in calls for v in c['latencies_s']])}</div>"
        f"<div><h3>Intencje (oczekiwana × rozpoznana)</h3>{confusion_svg(summary['intent']['confusion'])}</div></div></section>"
        f"<section><h2>Rozmowy</h2>{_call_rows(calls)}</section>"
        f"<section><h2>Szczegóły rozmów</h2>"
        + "".join(_call_detail(c, (audio or {}).get(c["id"])) for c in calls)
        + "</section><p class=small>PESEL pokazany jako 820***17; cyfr telePIN-u nigdy się nie zapisuje; "
          "raport: voicebot eval.</p></main></body></html>")


def write_html(report: dict, out_dir: Path, audio: dict[str, bytes] | None = None) -> Path:
    path = Path(out_dir) / "report.html"
    path.write_text(render_html(report, audio), encoding="utf-8")
    return path


