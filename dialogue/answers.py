"""Spoken answers to balance, payment and refund questions, built from back-end results."""

from __future__ import annotations

from dialogue import prompts
from dialogue.backend import BalancesResult, PaymentsResult, RefundsResult
from dialogue.speech import (account_ending, amount_words, date_words, period_code, period_phrase, tax_genitive,
                             tax_locative, tax_nominative, tax_spoken)

MAX_ITEMS = 3


def _in_period(item_period: str | None, item_date, period: str | None) -> bool:
    if not period:
        return True
    if item_period:
        return (period_code(item_period) or "").startswith(period)
    return item_date is not None and str(item_date.year) == period


def _items(result, query: str) -> tuple:
    return {"balance": lambda: result.balances, "payments": lambda: result.payments,
            "refund": lambda: result.refunds}[query]()


def tax_options(query: str, result, tax: str | None) -> list[str]:
    """The taxes to choose from when the answer depends on which (empty: no need to ask)."""
    if tax or query == "balance":
        return []
    seen: list[str] = []
    for item in _items(result, query):
        if item.tax not in seen:
            seen.append(item.tax)
    return seen if len(seen) > 1 else []


def ask_tax_text(options: list[str]) -> str:
    spoken = [tax_spoken(t) for t in options]
    return prompts.ASK_TAX.format(options=", ".join(spoken[:-1]) + " czy " + spoken[-1])


def balance_text(result: BalancesResult, tax: str | None) -> str:
    items = [b for b in result.balances if tax is None or b.tax == tax]
    if not items:
        return prompts.BALANCE_CLEAR.format(tax=tax_locative(tax)) if tax else prompts.BALANCE_NONE
    parts: list[str] = []
    as_of = next((b.as_of for b in items if b.as_of), None)
    if as_of:
        parts.append(prompts.AS_OF.format(date=date_words(as_of)))
    notable = [b for b in items if b.arrears_grosze or b.overpayment_grosze]
    if not notable:
        parts.append(prompts.BALANCE_CLEAR.format(tax=tax_locative(tax)) if tax else prompts.BALANCE_NONE)
    for b in notable[:MAX_ITEMS + 1]:
        if b.arrears_grosze:
            parts.append(prompts.BALANCE_ARREARS.format(tax=tax_locative(b.tax), amount=amount_words(b.arrears_grosze)))
        if b.overpayment_grosze:
            parts.append(prompts.BALANCE_OVERPAYMENT.format(tax=tax_locative(b.tax),
                                                            amount=amount_words(b.overpayment_grosze)))
    return " ".join(parts)


def payments_text(result: PaymentsResult, tax: str | None, period: str | None) -> str:
    items = [p for p in result.payments if (tax is None or p.tax == tax) and _in_period(p.period, p.date, period)]
    if not items:
        return prompts.PAYMENTS_NONE.format(tax=f" na {tax_nominative(tax)}" if tax else "")
    items.sort(key=lambda p: p.date, reverse=True)
    parts = [prompts.PAYMENTS_LAST] if len(items) > 1 else []
    for p in items[:MAX_ITEMS]:
        extras = []
        if p.interest_grosze:
            extras.append(f"odsetki {amount_words(p.interest_grosze)}")
        if p.reminder_costs_grosze:
            extras.append(f"koszty upomnienia {amount_words(p.reminder_costs_grosze)}")
        parts.append(prompts.PAYMENT_ONE.format(
            date=date_words(p.date), amount=amount_words(p.amount_grosze), tax=tax_nominative(p.tax),
            period=period_phrase(p.period),
            extras=(", w tym " + " i ".join(extras)) if extras else ""))
    return " ".join(parts)


def refund_text(result: RefundsResult, tax: str | None, period: str | None) -> str:
    items = [r for r in result.refunds
             if (tax is None or r.tax == tax) and _in_period(r.period, r.requested_on, period)]
    if not items:
        return prompts.REFUND_NONE.format(tax=f" {tax_genitive(tax)}" if tax else "")
    items.sort(key=lambda r: str(r.requested_on or ""), reverse=True)
    parts = []
    for r in items[:MAX_ITEMS]:
        common = dict(tax=tax_genitive(r.tax), period=period_phrase(r.period),
                      amount=amount_words(r.amount_grosze))
        if r.status == "paid":
            ending = account_ending(r.account_masked)
            parts.append(prompts.REFUND_PAID.format(
                **common, paid=date_words(r.paid_on) if r.paid_on else "",
                account=f" na rachunek kończący się cyframi {ending}" if ending else ""))
        elif r.status == "approved":
            parts.append(prompts.REFUND_APPROVED.format(**common, decided=date_words(r.decided_on) if r.decided_on else ""))
        else:
            parts.append(prompts.REFUND_PENDING.format(
                **common, requested=date_words(r.requested_on) if r.requested_on else "nieznanej daty"))
    return " ".join(parts)


def answer_text(query: str, result, tax: str | None, period: str | None) -> str:
    if query == "balance":
        return balance_text(result, tax)
    if query == "payments":
        return payments_text(result, tax, period)
    return refund_text(result, tax, period)
