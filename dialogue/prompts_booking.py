"""What the bot says while booking a visit at a tax office (the rest is in ``dialogue/prompts.py``).

Written for the ear, "Ty" as elsewhere, no gendered past tense of the bot's own. ``{slot}`` is
"wtorek, ósmego grudnia, o dziesiątej trzydzieści" by voice and "wtorek, 8 grudnia 2026 r., godz.
10:30" in the chat (``polish.visits``).
"""

from __future__ import annotations

BOOKING_START = "Dobrze, umówmy wizytę w urzędzie skarbowym."
ASK_OFFICE = "Do którego urzędu skarbowego chcesz się umówić? Powiedz na przykład: urząd w Piasecznie."
ASK_OFFICE_OWN = ("Do którego urzędu skarbowego chcesz się umówić? Powiedz na przykład: mój urząd, "
                  "albo: urząd w Piasecznie.")
OFFICE_NOT_FOUND = "Nie znam urzędu o tej nazwie. Powiedz, w jakiej miejscowości jest urząd."
OWN_OFFICE_UNKNOWN = ("Bez potwierdzenia tożsamości nie wiem, który urząd jest Twój. "
                      "Powiedz, w jakiej miejscowości jest urząd.")
OFFICE_AMBIGUOUS = "Jest tu kilka urzędów: {options}. Który wybierasz?"
OFFICE_CHOSEN = "{name}, {street}."

ASK_MATTER = "W jakiej sprawie chcesz przyjść? Do wyboru: {options}."
ASK_MATTER_SHORT = "W jakiej sprawie chcesz przyjść?"
MATTER_AMBIGUOUS = "Chodzi o: {options}?"
MATTER_NOT_FOUND = "Nie udało mi się dopasować sprawy. Do wyboru: {options}."

FIRST_SLOT = "Najbliższy wolny termin: {slot}. Czy ten termin Ci odpowiada?"
NEXT_SLOT = "Następny wolny termin: {slot}. Czy ten termin Ci odpowiada?"
SLOT_QUESTION = "Czy ten termin Ci odpowiada? Możesz też zapytać o coś później."
NO_SLOTS = "W tym urzędzie nie ma wolnych terminów w najbliższych tygodniach w tej sprawie. Możesz wybrać inny urząd."
NO_LATER_SLOTS = "Nie ma już późniejszych wolnych terminów. Możesz wybrać inny urząd albo zakończyć."
SLOT_TAKEN = "Niestety, ktoś przed chwilą zarezerwował ten termin."

ASK_NAME = "Podaj swoje imię i nazwisko."
ASK_EMAIL = ("Podaj adres e-mail, na który wyślemy potwierdzenie. Przeliteruj go, na przykład: "
             "jan kropka kowalski małpa poczta kropka pe el.")
ASK_EMAIL_TEXT = "Podaj adres e-mail, na który wyślemy potwierdzenie."
EMAIL_AGAIN = ("Nie udało mi się zapisać adresu. Przeliteruj go jeszcze raz, powoli, na przykład: "
               "anna małpa wu pe kropka pe el.")
EMAIL_AGAIN_TEXT = "To nie wygląda na adres e-mail. Wpisz go jeszcze raz, na przykład: anna@wp.pl."
CONFIRM_EMAIL = "Zapisany adres e-mail: {email}. Czy się zgadza?"
EMAIL_REJECTED = "Dobrze, podaj adres jeszcze raz."

CONFIRM_VISIT = ("Podsumujmy: {office}, {street}, sprawa: {matter}, termin: {slot}. Potwierdzenie wyślemy "
                 "na adres {email}. Czy umówić wizytę?")
CONFIRM_VISIT_QUESTION = "Czy umówić wizytę? Powiedz tak albo nie."
VISIT_NOT_BOOKED = "Dobrze, nie umawiam wizyty."
BOOKED = ("Gotowe, wizyta jest umówiona. Kod rezerwacji: {code}. Powtarzam: {code}. "
          "Potwierdzenie z kodem wyślemy e-mailem.")
BOOKING_DOWN = "Przepraszam, system rezerwacji wizyt jest chwilowo niedostępny."

ASK_CANCEL_CODE = ("Podaj kod rezerwacji z e-maila z potwierdzeniem, litera po literze, na przykład: "
                   "ka, te, er, cztery osiem dwa.")
ASK_CANCEL_CODE_TEXT = "Podaj kod rezerwacji z e-maila z potwierdzeniem, na przykład KTR-482."
CANCEL_CODE_AGAIN = "Kod rezerwacji to trzy litery i trzy cyfry. Powiedz go jeszcze raz."
CONFIRM_CANCEL = "Odwołać wizytę o kodzie {code}?"
CANCEL_KEPT = "Dobrze, wizyta pozostaje umówiona."
CANCELLED = "Odwołano wizytę: {office}, {slot}."
CANCEL_NOT_FOUND = "Nie ma umówionej wizyty o kodzie {code}. Sprawdź kod w e-mailu i podaj go jeszcze raz."
CANCEL_TOO_LATE = ("Tej wizyty nie można już odwołać przez infolinię: wizytę można odwołać najpóźniej "
                   "dzień wcześniej.")
