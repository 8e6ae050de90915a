"""Every sentence the bot says, in one place: short, Polish, written for the ear.

The bot speaks to the caller with "Ty" like the KAS materials do, and avoids gendered past
tenses of its own ("nie udało mi się zrozumieć" rather than "nie zrozumiałam"). Web addresses are
written as they are said.
"""

from __future__ import annotations

GREETING = "Dzień dobry, tu infolinia Krajowej Administracji Skarbowej. W czym mogę pomóc?"
HOW_CAN_I_HELP = "W czym mogę pomóc?"
ANYTHING_ELSE = "Czy mogę pomóc w czymś jeszcze?"
GOODBYE = "Dziękuję za rozmowę. Do widzenia."

NOT_UNDERSTOOD = ("Przepraszam, nie udało mi się zrozumieć. Powiedz krótko, w jakiej sprawie dzwonisz, "
                  "na przykład: saldo, wpłata albo zwrot podatku.")
REPHRASE = "Powiem inaczej."
OFFER_AGENT = "Widzę, że trudno nam się porozumieć. Czy połączyć Cię z konsultantem?"
OFFER_AGENT_YES_NO = "Czy połączyć Cię z konsultantem? Powiedz tak albo nie."
SILENCE = "Nic nie słyszę."
SILENCE_GOODBYE = "Nie słyszę odpowiedzi, więc kończę rozmowę. Zapraszamy ponownie. Do widzenia."
YES_OR_NO = "Proszę odpowiedzieć tak albo nie."

NEED_AUTH = "Żeby podać informacje o Twoich rozliczeniach, muszę potwierdzić Twoją tożsamość."
ASK_PESEL = "Proszę podać numer PESEL."
ASK_PESEL_AGAIN = "Nie udało mi się zapisać numeru PESEL. Powiedz go jeszcze raz, powoli, cyfra po cyfrze."
# Only the first groups were certain: confirm them and ask for the rest, as an agent does.
PESEL_PARTIAL = "Mam: {digits}."
PESEL_REST = "Proszę powtórzyć {rest}."
CONFIRM_PESEL = "Zapisany numer PESEL to: {digits}. Czy się zgadza?"
PESEL_REJECTED = "Dobrze, spróbujmy jeszcze raz."
PESEL_KEYPAD = ("Spróbujmy inaczej. Wpisz numer PESEL na klawiaturze telefonu i zakończ krzyżykiem.")
PESEL_KEYPAD_INVALID = "Ten numer PESEL jest nieprawidłowy. Wpisz go jeszcze raz i zakończ krzyżykiem."
PESEL_KEYPAD_RESTART = "Dobrze, od początku. Wpisz numer PESEL i zakończ krzyżykiem."
PESEL_GAVE_UP = "Nie udało się zapisać numeru PESEL."

ASK_TELEPIN = ("Dziękuję. Teraz wpisz na klawiaturze telefonu sześciocyfrowy telePIN i zakończ krzyżykiem. "
               "Nie wypowiadaj go na głos.")
TELEPIN_AGAIN = "Wpisz telePIN jeszcze raz i zakończ krzyżykiem."
TELEPIN_RESTART = "Dobrze, od początku. Wpisz telePIN i zakończ krzyżykiem."
TELEPIN_LENGTH = "TelePIN ma sześć cyfr. Wpisz go jeszcze raz i zakończ krzyżykiem."
TELEPIN_TIMEOUT = "Nie dotarł cały telePIN. Wpisz sześć cyfr i zakończ krzyżykiem."
TELEPIN_SPOKEN = ("Ze względów bezpieczeństwa nie wypowiadaj telePINu. "
                  "Wpisz go na klawiaturze telefonu i zakończ krzyżykiem.")
VERIFY_FAILED = "Nie udało się potwierdzić tożsamości. Numer PESEL lub telePIN jest nieprawidłowy."
# After the last try: the same words whoever the PESEL belongs to (the identity service tells a
# blocked telePIN only to its holder), with what a caller who forgot the PIN can do.
VERIFY_FAILED_LAST = ("Nie udało się potwierdzić tożsamości. Po trzech błędnych próbach telePIN zostaje "
                      "zablokowany. Nowy telePIN ustawisz w e-Urzędzie Skarbowym, na stronie podatki kropka "
                      "gov kropka pe el.")
TELEPIN_BLOCKED = ("Twój telePIN został zablokowany po kilku nieudanych próbach. Nowy telePIN ustawisz "
                   "w e-Urzędzie Skarbowym, na stronie podatki kropka gov kropka pe el.")
TELEPIN_INACTIVE = ("Twój telePIN jest nieaktywny. Aktywny telePIN ustawisz w e-Urzędzie Skarbowym, "
                    "na stronie podatki kropka gov kropka pe el.")
AUTH_FAILED_OFFER = "Mogę połączyć Cię z konsultantem w sprawie ogólnej. Czy połączyć?"
AUTH_OK = "Dziękuję, tożsamość potwierdzona."
# Said by the voice channel when a back-end answer takes longer than a second or so.
HOLD_ON = "Chwileczkę, sprawdzam."

ASK_PRINCIPAL = ("Możesz działać w imieniu mocodawców. Czy dzwonisz we własnej sprawie? "
                 "Jeśli w sprawie mocodawcy, podaj jego nazwę albo NIP.")
PRINCIPAL_REFUSED = ("Nie widzę takiego mocodawcy w pełnomocnictwach zapisanych dla Ciebie, "
                     "więc nie mogę podać o nim informacji. Podaj inną nazwę albo NIP, "
                     "albo powiedz: we własnej sprawie.")
PRINCIPAL_NOT_LISTED = "Nie widzę takiego mocodawcy w pełnomocnictwach zapisanych dla Ciebie."
PRINCIPAL_AMBIGUOUS = "Pasuje kilku mocodawców. Podaj, proszę, NIP."
PRINCIPAL_CHOSEN = "Dobrze, sprawa: {name}."
OWN_CHOSEN = "Dobrze, we własnej sprawie."
TAX_NOT_IN_SCOPE = "Pełnomocnictwo nie obejmuje {tax}, więc nie mogę podać tych informacji."

ASK_QUERY = "Co chcesz sprawdzić: saldo, wpłaty czy zwrot podatku?"
ASK_TAX = "Którego podatku dotyczy pytanie: {options}?"

BACKEND_DOWN = ("Przepraszam, system jest chwilowo niedostępny i nie mogę teraz sprawdzić tych danych. "
                "Czy połączyć Cię z konsultantem?")
FORBIDDEN = "Nie mogę podać informacji o tym podmiocie."
NOT_FOUND = "Nie ma danych o rozliczeniach dla tego podmiotu."

HANDOFF = "Łączę z konsultantem{queue}. Proszę pozostać na linii."
HANDOFF_DELAYED = ("Zgłoszenie jest zapisane, ale z powodu chwilowych trudności technicznych połączenie "
                   "z konsultantem może potrwać dłużej. Proszę pozostać na linii.")
HANDOFF_UNAVAILABLE = ("Przepraszam, nie mogę teraz połączyć z konsultantem. Proszę zadzwonić ponownie później "
                       "albo skorzystać z e-Urzędu Skarbowego, na stronie podatki kropka gov kropka pe el. Do widzenia.")
CLOSED_HOURS = "Konsultanci pracują od poniedziałku do piątku, od ósmej do szesnastej."
CLOSED_HOURS_NEXT = "Najbliżej będą dostępni {when}."
CALLBACK_QUESTION = "Czy zapisać prośbę o kontakt? Konsultant odezwie się, gdy tylko zacznie pracę."
TRANSFER_FAILED = "Przepraszam, nie udało się połączyć z konsultantem."
TRANSFER_CALLBACK_QUESTION = "Czy zapisać prośbę o kontakt? Konsultant oddzwoni, gdy tylko będzie wolny."
CALLBACK_CONNECTING = "Dobrze, zapisuję prośbę o kontakt."
CALLBACK_SAVED = "Prośba o kontakt jest zapisana, razem z tym, o co pytasz. Dziękuję za rozmowę. Do widzenia."
CALLBACK_DECLINED = ("Dobrze. Wiele spraw załatwisz też w e-Urzędzie Skarbowym, na stronie podatki kropka gov "
                     "kropka pe el. Dziękuję za rozmowę. Do widzenia.")
HANDOFF_QUEUE = " do spraw {name}"
BARGE_IN_NOTE = "[przerwanie]"

# Answers from the settlements API (amounts and dates come in already spoken).
AS_OF = "Stan na dzień: {date}."  # the head before the colon is cached (tts.sentences)
BALANCE_ARREARS = "W {tax} jest zaległość: {amount}."
BALANCE_OVERPAYMENT = "W {tax} jest nadpłata: {amount}."
BALANCE_CLEAR = "W {tax} nie ma zaległości ani nadpłaty."
BALANCE_NONE = "Nie ma zaległości ani nadpłat."
PAYMENTS_NONE = "Nie widzę żadnych wpłat{tax}."
PAYMENT_ONE = "Wpłata z {date}: {amount}, na {tax}{period}{extras}."
PAYMENTS_LAST = "Ostatnie wpłaty."
REFUND_NONE = "Nie widzę żadnego zwrotu{tax}."
REFUND_PENDING = "Zwrot {tax}{period}, {amount}: wniosek z {requested} jest w trakcie rozpatrywania."
REFUND_APPROVED = "Zwrot {tax}{period}, {amount}: przyznany {decided}, czeka na wypłatę."
REFUND_PAID = "Zwrot {tax}{period}, {amount}: wypłacony {paid}{account}."

# Interest paid with payments (dialogue/services/interest.py).
INTEREST_NONE = "W zaksięgowanych wpłatach{tax} nie ma odsetek za zwłokę ani kosztów upomnienia."
INTEREST_ONE = "Przy wpłacie z {date} na {tax}{period} pobrano {costs}."
INTEREST_AMOUNT = "odsetki za zwłokę {amount}"
REMINDER_COSTS_AMOUNT = "koszty upomnienia {amount}"

# Tier I: general information for anyone, without a PESEL (facts from the KAS materials, seed/000_…).
GENERAL_ANSWERS = {
    "hours": ("Konsultanci infolinii i czat z konsultantem Krajowej Informacji Skarbowej są dostępni "
              "od poniedziałku do piątku, od ósmej do szesnastej. e-Urząd Skarbowy działa całą dobę, "
              "siedem dni w tygodniu."),
    "telepin": ("TelePIN ustawisz sam w e-Urzędzie Skarbowym, na stronie podatki kropka gov kropka pe el. "
                "Po zalogowaniu nadasz tam sześciocyfrowy kod, a później w tym samym miejscu go zmienisz "
                "albo usuniesz. Zablokowany telePIN zastąpisz nowym tak samo."),
    "microaccount": ("Numer swojego mikrorachunku podatkowego sprawdzisz w generatorze na stronie "
                     "podatki kropka gov kropka pe el, po podaniu numeru PESEL albo NIP. "
                     "Na mikrorachunek wpłacasz pit, cit i wat."),
    "visit": ("Wizytę w urzędzie skarbowym umówisz przez formularz Umów wizytę na stronie podatki kropka gov "
              "kropka pe el albo telefonicznie z pracownikiem urzędu. Wybierasz urząd, rodzaj sprawy i termin, "
              "a potwierdzenie dostaniesz e-mailem."),
    "certificate": ("Zaświadczenie o niezaleganiu w podatkach zamówisz bezpłatnie w e-Urzędzie Skarbowym, "
                    "bez wizyty w urzędzie. Kreator wniosku pomoże wpisać wszystkie dane, także gdy "
                    "zaświadczenie jest dla firmy, na przykład do przetargu."),
    "eus": ("e-Urząd Skarbowy, na stronie podatki kropka gov kropka pe el, działa całą dobę: zobaczysz w nim "
            "swoje rozliczenia, wpłaty i zwroty, złożysz wnioski i zamówisz zaświadczenia. Kaspro to czatbot "
            "na tej samej stronie, w części Skontaktuj się z nami: odpowiada na proste pytania o pit, wat, "
            "pe ce ce i podatek od spadków i darowizn, a w dni robocze od ósmej do szesnastej przełączy Cię "
            "do konsultanta na czacie."),
    "forms": ("Deklaracje, zeznania i wnioski najprościej złożysz w e-Urzędzie Skarbowym, na stronie podatki "
              "kropka gov kropka pe el: kreator podpowie właściwy formularz i wyśle go do Twojego urzędu "
              "skarbowego. Możesz też złożyć formularz na papierze w urzędzie skarbowym albo wysłać go pocztą."),
    "hotline": ("Dzwonisz na infolinię Krajowej Administracji Skarbowej. Numery infolinii znajdziesz też na "
                "stronie podatki kropka gov kropka pe el, w części Skontaktuj się z nami."),
}

# The satisfaction survey (dialogue/states/survey.py).
SURVEY_OFFER = "Czy zechcesz ocenić rozmowę? To trzy krótkie pytania."
SURVEY_AFTER_HANDOFF = "Konsultant zakończył rozmowę."
SURVEY_OFFER_YES_NO = "Czy zechcesz ocenić rozmowę? Powiedz tak albo nie."
SURVEY_SCALE = ("Na każde pytanie odpowiedz cyfrą od jednego do pięciu, na klawiaturze telefonu albo głosem. "
                "Jeden znaczy bardzo źle, a pięć bardzo dobrze.")
SURVEY_QUESTIONS = {
    "resolved": "Pierwsze pytanie: jak oceniasz załatwienie swojej sprawy?",
    "clarity": "Drugie pytanie: jak oceniasz jasność przekazanych informacji?",
    "overall": "Trzecie pytanie: jak oceniasz całą rozmowę z infolinią?",
}
# In chat the same survey is answered with buttons or typed words.
SURVEY_SCALE_TEXT = ("Na każde pytanie odpowiedz oceną od 1 do 5: wybierz przycisk albo ją napisz. "
                     "Jeden znaczy bardzo źle, a pięć bardzo dobrze.")
SURVEY_COMMENT_TEXT = "Na koniec możesz napisać krótki komentarz. Jeśli nie chcesz, wybierz: bez komentarza."
SURVEY_NOT_A_RATING = "Proszę o ocenę od jednego do pięciu: jeden znaczy bardzo źle, a pięć bardzo dobrze."
SURVEY_COMMENT = ("Na koniec możesz powiedzieć krótki komentarz. Jeśli nie chcesz, naciśnij krzyżyk "
                  "albo powiedz: bez komentarza.")
SURVEY_THANKS = "Dziękuję za ocenę. Do widzenia."
SURVEY_STOPPED = "Dziękuję, zapisuję oceny, które już padły. Do widzenia."

# The caller will not give a PESEL: why it is asked, and what needs none.
REFUSAL = ("Rozumiem. Informacje o Twoich rozliczeniach chroni tajemnica skarbowa, dlatego podam je tylko po "
           "potwierdzeniu tożsamości numerem PESEL i telePINem. Bez tego odpowiem na pytania ogólne albo "
           "połączę Cię z konsultantem. Możesz też sprawdzić swoje rozliczenia w e-Urzędzie Skarbowym.")
# A representative (pełnomocnik, biuro rachunkowe, "w imieniu firmy / mamy") opens the call.
REPRESENTATIVE = ("Dobrze, w sprawie mocodawcy. Najpierw potwierdzę Twoją tożsamość, Twoim numerem PESEL "
                  "i telePINem, a potem wybierzesz, kogo dotyczy sprawa.")
ASK_MATTER = "Co chcesz sprawdzić: saldo, wpłaty czy zwrot podatku? Możesz też poprosić o konsultanta."
# Two queues fit what the caller said: one short question instead of a guess.
ASK_TOPIC = "Czy chodzi o {first} czy o {second}?"
TOPIC_NAMES = {"pit": "pit", "vat": "wat", "cit": "cit", "pcc_sd": "podatek od czynności cywilnoprawnych",
               "excise_customs": "akcyzę albo cło"}
