"""The HTML report's words in Polish: QA staff read it, so checks, outcomes, intents, queues and
dialogue states appear as words, never as the keys the JSON report, the JUnit file and the scenario
files use (those stay there; the HTML shows a state's key beside its name, as scenarios are written in
keys: ``only_in_state: [pesel_confirm]``)."""

from __future__ import annotations

from contracts.handoff import HandoffReason, reason_label
from contracts.queues import QUEUE_LABELS, Queue
from dialogue.state import State
from integrations.handoff.card_text import INTENT_LABELS

STATUS_LABELS = {"pass": "zaliczona", "fail": "niezaliczona", "error": "błąd przebiegu", "interrupted": "przerwana",
                 "not_run": "nieuruchomiona"}

AUTH_LABELS = {"verified": "potwierdzona", "failed": "nieudana", "blocked": "telePIN zablokowany",
               "inactive": "telePIN nieaktywny", "identification_failed": "nie ustalono numeru PESEL",
               "not_attempted": "bez uwierzytelniania", "error": "błąd systemu"}

PESEL_RESULT_LABELS = {"right": "poprawny", "wrong": "błędny", "not_captured": "nieodczytany", "captured": "odczytany"}
PESEL_ENTRY_LABELS = {"voice": "głosem", "keypad": "z klawiatury"}
TURN_KIND_LABELS = {"audio": "mowa", "keys": "klawisze", "silence": "cisza"}
BY_LABELS = {"keypad": "klawiatura", "voice": "głos", "text": "wpisana"}
NO_HANDOFF = "bez przekazania"

CHECK_LABELS = {
    "intent": "intencja", "topic": "temat", "auth": "uwierzytelnienie", "pesel": "PESEL",
    "fact": "fakt w odpowiedzi", "handoff_queue": "kolejka konsultantów", "contained": "bez konsultanta",
    "end_reason": "powód zakończenia", "max_latency_s": "najdłuższy czas odpowiedzi (s)",
    "barge_ins": "wejścia w słowo", "survey_ratings": "oceny w ankiecie", "survey_by": "sposób oceniania",
    "survey_complete": "ankieta pełna", "booking": "wizyta w urzędzie", "booking_office": "urząd",
    "booking_matter": "sprawa wizyty", "booking_slot_rank": "termin (który z wolnych)",
    "booking_email": "potwierdzenie e-mailem", "booking_email_content": "treść potwierdzenia",
}

# Why the call ended, beyond a handoff's reasons (contracts.handoff.REASON_LABELS).
END_REASON_LABELS = {
    "caller_goodbye": "rozmówca się pożegnał", "caller_done": "rozmówca nie miał więcej spraw",
    "caller_hung_up": "rozmówca się rozłączył", "silence": "cisza po stronie rozmówcy",
    "closed_hours": "poza godzinami pracy konsultantów", "callback_requested": "zapisano prośbę o oddzwonienie",
    "handoff_unavailable": "przekazanie niemożliwe", "handed_off": "przekazano konsultantowi",
    "survey_done": "ankieta zakończona", "completed": "zakończona", "overflow": "wszyscy asystenci zajęci",
    "transfer_failed": "przełączenie nieudane",
    # how the line ended (voicebot's call_ended), when the dialogue had not ended the call itself
    "stream stopped": "linię zamknięto", "caller hung up": "rozmówca się rozłączył",
    "client disconnected": "połączenie zerwane", "maximum call length": "przekroczony najdłuższy czas rozmowy",
    "session timeout": "sesja wygasła", "relay lost": "utracono połączenie z serwerem rozmowy",
    "stop event": "linię zamknięto", "caller already connected": "rozmówca już połączony",
    "not authenticated": "linia bez uprawnień", "not started": "rozmowa nie wystartowała",
    "no transfer URI": "brak adresu przełączenia", "starting": "rozmowa w trakcie rozpoczynania",
}

STATE_LABELS: dict[State, str] = {
    State.INTENT: "w czym pomóc", State.QUERY_CHOICE: "które dane podać", State.LOOKUP_WAIT: "czeka na dane",
    State.TAX_CHOICE: "który podatek", State.TOPIC_CHOICE: "która kolejka", State.ANYTHING_ELSE: "coś jeszcze?",
    State.PESEL: "PESEL", State.PESEL_REST: "reszta numeru PESEL", State.PESEL_CONFIRM: "odczytany PESEL: tak / nie",
    State.PESEL_KEYS: "PESEL z klawiatury", State.TELEPIN: "telePIN", State.VERIFYING: "sprawdza tożsamość",
    State.PRINCIPALS_WAIT: "czeka na listę mocodawców", State.PRINCIPAL_CHOICE: "w czyim imieniu",
    State.OFFER_AGENT: "propozycja konsultanta", State.HANDING_OFF: "przekazuje konsultantowi",
    State.CALLBACK_OFFER: "propozycja oddzwonienia", State.SURVEY_OFFER: "propozycja ankiety",
    State.SURVEY_QUESTION: "pytanie ankiety", State.SURVEY_COMMENT: "komentarz do ankiety",
    State.HANDED_OFF: "przekazana konsultantowi", State.ENDED: "zakończona",
    State.BOOKING_WAIT: "czeka na system wizyt", State.BOOKING_OFFICE: "który urząd",
    State.BOOKING_MATTER: "jaka sprawa", State.BOOKING_SLOT: "termin wizyty", State.BOOKING_NAME: "imię i nazwisko",
    State.BOOKING_EMAIL: "adres e-mail", State.BOOKING_EMAIL_CONFIRM: "odczytany adres e-mail",
    State.BOOKING_CONFIRM: "potwierdzenie wizyty", State.BOOKING_CANCEL_CODE: "kod wizyty do odwołania",
    State.BOOKING_CANCEL_CONFIRM: "potwierdzenie odwołania",
}

# What eval.evaluate writes into the run's JSON (its "bot" and "nlu"), in words.
RUN_LABELS = {"trained model + keyword rules": "wytrenowany model i reguły słów kluczowych",
              "keyword rules": "reguły słów kluczowych", "started by the runner": "uruchomiony przez ewaluację"}

_YES_NO = {"true": "tak", "false": "nie"}
_BOOKING = {"booked": "zarezerwowana", "cancelled": "odwołana", "none": "brak", "a visit booked": "zarezerwowana"}
_EMAIL_CONTENT = {"code, office, date, time, .ics": "kod, urząd, data, godzina, plik .ics", "complete": "pełna",
                  "incomplete": "niepełna"}


def intent_label(intent: str | None) -> str:
    return "nie ustalono" if intent in (None, "", "None") else INTENT_LABELS.get(intent, intent)


def queue_label(queue: str | None) -> str:
    """A queue's name as agents know it; "none" (no handoff) in words."""
    if queue in (None, "None", "none"):
        return NO_HANDOFF
    return QUEUE_LABELS[Queue(queue)] if queue in set(Queue) else str(queue)


def end_reason_label(reason: str | None) -> str:
    if reason in (None, "None"):
        return "—"
    if reason in END_REASON_LABELS:
        return END_REASON_LABELS[reason]
    return reason_label(reason) if reason in set(HandoffReason) else str(reason).replace("_", " ")


def state_label(state: str | None) -> str:
    """"odczytany PESEL: tak / nie (pesel_confirm)": the name, and the key scenarios use."""
    if not state:
        return "—"
    return f"{STATE_LABELS[State(state)]} ({state})" if state in set(State) else state


def check_label(name: str) -> str:
    if name.startswith("turn ") and name.endswith(" latency"):
        return f"czas odpowiedzi po turze {name.split()[1]} (s)"
    return CHECK_LABELS.get(name, name.replace("_", " "))


def check_value(name: str, value: str | None) -> str:
    """A check's expected or actual value in words (numbers, masked numbers and texts as they are)."""
    if value is None:
        return "—"
    if name == "max_latency_s" or name.endswith(" latency"):
        return value.replace(".", ",")  # seconds, with a Polish decimal comma
    if name == "intent":
        return intent_label(value)
    if name in ("topic", "handoff_queue"):
        return queue_label(value)
    if name == "auth":
        return AUTH_LABELS.get(value, value)
    if name == "pesel":
        return PESEL_RESULT_LABELS.get(value, value)
    if name == "fact":
        return {"said": "powiedziany", "not said": "niepowiedziany"}.get(value, value)
    if name in ("contained", "survey_complete"):
        return _YES_NO.get(value, value)
    if name == "end_reason":
        return end_reason_label(value)
    if name == "survey_by":
        return " ".join(BY_LABELS.get(v, v) for v in value.split())
    if name == "booking":
        return _BOOKING.get(value, value)
    if name == "booking_email":
        return "brak" if value == "none" else "do " + value[3:] if value.startswith("to ") else value
    if name == "booking_email_content":
        return _EMAIL_CONTENT.get(value, value)
    return value


_MARKS = {"barge_in": "wejście w słowo", "silence_timeout": "cisza rozmówcy", "end_call": "koniec rozmowy",
          "error": "błąd"}


def mark_label(mark: str) -> str:
    """A marked event of the timeline ("handoff pit" → "przekazanie: PIT")."""
    if mark.startswith("handoff"):
        return "przekazanie: " + queue_label(mark.partition(" ")[2] or None)
    return _MARKS.get(mark, mark.replace("_", " "))
