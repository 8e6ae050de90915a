"""The blind bank: callers neither the model nor the people tuning it have seen.

Written at one sitting, before any model was measured on it, and never used for a decision: the old
held-out bank (heldout_templates.py) was read while the training bank grew, so it is a development
set now, and this bank is what says how the NLU holds on unseen callers. Every template was written
against both other banks: no three words in a row of its frame occur in a training or a held-out
frame, and each one brings at least one word neither of them uses (tests/dialogue/test_nlu_dataset.py
checks both). Do not train on it, and do not tune against it: a change made after reading its
misreadings turns it into one more development set.
"""

from __future__ import annotations

from dialogue.nlu.grammar import SLOT, Bank
from dialogue.nlu.grammar import Template as T

BALANCE = [
    T("balance", SLOT, "na (ile|jaką sumę) opiewa (moje obciążenie|mój debet) (z racji|odnośnie) {tax_gen}"),
    T("balance", SLOT, "(zerknijcie|rzućcie okiem) (proszę|) czy (zostałem|zostałam) (z czymś|z jakimś groszem) w plecy (przy|z) {tax_gen}"),
    T("balance", "general", "przy moim nazwisku (figuruje|widnieje) (jakiś|jakikolwiek) dług do (oddania|spłacenia)"),
    T("balance", SLOT, "jestem do przodu czy (pod kreską|w plecy) (przy|po) {tax_gen}"),
    T("balance", "general", "(potrzebuję|interesuje mnie) wyciąg z (kartoteki|ewidencji) (moich należności|rozrachunków) wobec skarbu państwa"),
    T("balance", "enforcement", "(windykator|egzekutor) (nasłał|wystosował) na mnie nakaz (jaka suma|ile złotych) (wchodzi w grę|jest do oddania)"),
    T("balance", SLOT, "(wyzerowałem|wyczyściłem) (już|wreszcie) (rachunki|sprawy) z (racji|tytułem) {tax_gen} (czy coś jeszcze wisi|czy jeszcze coś zostało)"),
    T("balance", "general", "(ciekawi mnie|nurtuje mnie) ile (pieniędzy|złotych) (muszę oddać|należy się) państwu"),
]

PAYMENTS = [
    T("payments", SLOT, "(onegdaj|przedwczoraj wieczorem) (zleciłem|wykonałam) transfer tytułem {tax_gen} (dojechał|doleciał) (już|) do was"),
    T("payments", SLOT, "(spłaciłem|pokryłem) {tax} (w banku na mieście|stacjonarnie w banku) (czy pieniążki|czy te złotówki) (do was dotarły|są już odnotowane)"),
    T("payments", "general", "(potwierdźcie|potwierdzicie) (mi|) (łaskawie|uprzejmie) że (pieniążki|złotówki) ode mnie (dojechały|spłynęły)"),
    T("payments", SLOT, "(zaległą|październikową) ratę (z racji|tytułem) {tax_gen} (opłaciłam|pokryłem) w środę (czy już się pokazała|czy już widnieje) w kartotece"),
    T("payments", "enforcement", "(uregulowałem|pokryłam) (dług|należność) u windykatora (czy sprawa jest zamknięta|czy temat jest zamknięty)"),
    T("payments", "general", "(spłynęły|dojechały) (do was|) (moje|) środki wysłane z konta firmowego"),
    T("payments", SLOT, "(przez pomyłkę|omyłkowo) (przelałem|zapłaciłam) {tax} (dwukrotnie|podwójnie) czy (obie kwoty|oba transfery) (są u was|dojechały)"),
]

REFUND = [
    T("refund", SLOT, "(jak szybko|w jakim czasie) (odeślecie|wypłacicie) mi (to co|ile) (nadpłaciłem|nadpłaciłam) (z racji|przy) {tax_gen}"),
    T("refund", SLOT, "(należy mi się|przysługuje mi) zwrot (z racji|tytułem) {tax_gen} a (konto dalej puste|na koncie pustki)"),
    T("refund", "general", "(od kwietnia|od maja) (wypatruję|wyglądam) (złotówek|pieniążków) z (rozliczenia|deklaracji) (gdzie one są|co się z nimi dzieje)"),
    T("refund", SLOT, "(państwo|skarb państwa) (jest mi winien|ma u mnie dług) (z racji|przy) {tax_gen} (kiedy to odeślecie|kiedy je wypłacicie)"),
    T("refund", "general", "(oddanie|odesłanie) (nadpłaconych|przepłaconych) złotówek (ile to potrwa|jak długo to trwa)"),
    T("refund", "enforcement", "windykator (zabrał|zgarnął) z (pensji|emerytury) (więcej niż trzeba|ponad miarę) (kiedy to odeślecie|jak to odzyskać)"),
]

AGENT = [
    T("agent", "general", "(chciałabym|pozwólcie mi) zamienić słowo z (referentem|pracownicą)"),
    T("agent", "general", "(skierujcie|odeślijcie) mnie (łaskawie|) do (prawdziwego|normalnego) (człowieka|doradcy)"),
    T("agent", "general", "(mam dość|mam dosyć) tego (bota|komputera) (chcę|dawajcie) (normalnego człowieka|kogoś normalnego)"),
    T("agent", SLOT, "(szukam|potrzebny mi) (znawca|doradca) (tematu|zagadnienia) {tax_gen} (przy słuchawce|na linii)"),
    T("agent", "enforcement", "(muszę|pragnę) (rozmówić się|pomówić) z (referentem|pracownicą) od ściągania długów"),
    T("agent", "general", "(czy|) (siedzi|dyżuruje) tam (jakiś|ktokolwiek) (normalny|prawdziwy) (pracownik|referent)"),
]

OTHER = [
    T("other", "pit", "(wyjechałem|pojechałam) na kontrakt do (Szwecji|Danii) jak (uniknąć|ominąć) podwójnego opodatkowania"),
    T("other", "pit", "(wygrałem|zgarnęłam) (nagrodę|telewizor) w konkursie (trzeba|czy trzeba) od (tego|niej) coś odprowadzić"),
    T("other", "pit", "(otworzyłem|otworzyłam) jednoosobową działalność (jaką|którą) formę opodatkowania wybrać"),
    T("other", "vat", "(dostawca|hurtownik) (zniknął|wypadł) z wykazu vatowców (czy mogę mu zapłacić|co teraz robić)"),
    T("other", "vat", "(handluję|sprzedaję) (rękodziełem|używaną odzieżą) (na targu|przez portal aukcyjny) od (jakiego pułapu|jakiej sumy) (wchodzi|obowiązuje) vat"),
    T("other", "cit", "(zarząd|rada nadzorcza) (pyta|docieka) (jak|czy) (rozliczyć|potrącić) stratę z lat ubiegłych w cit"),
    T("other", "cit", "(spółdzielnia|nasza spółdzielnia mieszkaniowa) (osiąga|uzyskuje) (dochody|zyski) z (reklam|dzierżawy) (czy to idzie pod|czy to objęte) cit"),
    T("other", "pcc_sd", "(teściowie|chrzestna) (sprezentowali|sprezentowała) nam (gotówkę|działkę) na ślub (czy to zgłaszamy|musimy to gdzieś deklarować)"),
    T("other", "pcc_sd", "(nabywam|kupuję) (kamienicę|lokal użytkowy) od (osoby fizycznej|znajomej) jaka stawka (przypada|obowiązuje) od umowy"),
    T("other", "excise_customs", "(na lotnisku|na przejściu granicznym) celnik (zatrzymał|zabrał) mi (bagaż|butelki) (co teraz|jak je odzyskać)"),
    T("other", "excise_customs", "(importuję|sprowadzam) (hulajnogę elektryczną|drona) z (Japonii|Korei) (jakie opłaty|ile zapłacę) na granicy"),
    T("other", "enforcement", "(przyszedł|doręczono mi) nakaz zajęcia (renty|emerytury) (jak się bronić|czy mogę się odwołać)"),
    T("other", "enforcement", "(fiskus wszedł mi na|skarbówka zajęła mi) (wypłatę|rentę) (można to|jak to) (zatrzymać|poluzować)"),
    T("other", "eus", "(nie umiem|nie potrafię) wejść do (portalu|serwisu) podatkowego przez (mobywatela|aplikację banku)"),
    T("other", "eus", "(portal|serwis) podatkowy (wyświetla|wyrzuca) komunikat o (awarii|usterce) (przy wysyłce|przy logowaniu)"),
    T("other", "general", "(zmieniłam|zmieniłem) nazwisko po ślubie (czy muszę|czy trzeba) (zawiadamiać|uprzedzić) fiskusa"),
    T("other", "general", "(pragnę|zamierzam) (poskarżyć się|ponarzekać) na (opryskliwość|zachowanie) (pracownicy|referenta) w (oddziale|placówce)"),
]

TIER_ONE = [
    T("other", "general", "(do ilu|do jakiej pory) (działa|funkcjonuje) (wasza|ta) linia (w dni robocze|w tygodniu)", question="hours"),
    T("other", "general", "o jakiej porze (najłatwiej|najszybciej) (złapię|zastanę) (pracownicę|referenta) (przez czat|na czacie)", question="hours"),
    T("other", "eus", "(jak|jakim sposobem) (nadać|stworzyć) sobie hasło do (rozmów|rozmowy) z infolinią", question="telepin"),
    T("other", "eus", "(skasujcie|usuńcie) mój telepin bo (ktoś obcy|ktoś niepowołany) (mógł go poznać|go podejrzał)", question="telepin"),
    T("other", "eus", "(podmienić|zamienić) telepin na (inny|świeży) (jak to zrobić|co trzeba zrobić)", question="telepin"),
    T("other", "general", "(leasingodawca|bank) (żąda|domaga się) (papierka|kwitu) (potwierdzającego|stwierdzającego) brak długów (jak go uzyskać|skąd go mam mieć)", question="certificate"),
    T("other", "general", "(startuję|startujemy) w (przetargu|konkursie ofert) (jak|skąd) od ręki (uzyskać|zdobyć) zaświadczenie o niezaleganiu", question="certificate"),
    T("other", "general", "(czy|) (przyjmujecie|obsługujecie) petentów bez (umówienia|wcześniejszego zapisu)", question="visit"),
    T("other", "general", "(jak|gdzie) (zarezerwować|zaklepać sobie) (osobiste|stacjonarne) spotkanie w (oddziale|placówce)", question="visit"),
    T("other", "eus", "(opowiedz|powiedz) w skrócie (czym jest|co to za) kaspro", question="eus"),
    T("other", "eus", "(co mi da|do czego przyda mi się) (profil|konto) w e-urzędzie", question="eus"),
    T("other", SLOT, "(który|jaki) blankiet (wypełnić|wybrać) (przy|dla) {tax_gen}", question="forms"),
    T("other", "general", "(dokąd|na jaki adres) (nadać|wysłać) papierowe (zeznanie|oświadczenie) listem", question="forms"),
    T("other", "general", "(podyktuj|podyktujcie) (mi|) telefon (na infolinię podatkową|do waszej centrali)", question="hotline"),
    T("other", "general", "(wygeneruj|ustal) mi (osobisty|indywidualny) rachunek pod (daniny|wpłaty podatku)", question="microaccount"),
]

REPRESENTATIVE = [
    T("other", "general", "(jestem|występuję jako) (kuratorem|opiekunem prawnym) (osoby niepełnosprawnej|mojego wujka)", act="representative"),
    T("balance", SLOT, "(księguję|prowadzę księgi) (kilku firm|paru przedsiębiorców) (jak|czy) (zobaczę|podejrzę) ich (długi|obciążenia) (z racji|przy) {tax_gen}", act="representative"),
    T("refund", SLOT, "(telefonuję|odzywam się) za (mamę|tatę) (leżącą|leżącego) w szpitalu (czy|kiedy) (dostanie|przyjdzie) zwrot (z racji|przy) {tax_gen}", act="representative"),
    T("payments", SLOT, "(mam|posiadam) upoważnienie od (szefa|pracodawcy) czy (firmowa|jego) (zapłata|rata) (tytułem|z racji) {tax_gen} (dojechała|spłynęła)", act="representative"),
    T("other", "general", "z tej strony (kancelaria doradcza|biuro księgowe) (telefonujemy|odzywamy się) za (naszego klienta|naszą klientkę)", act="representative"),
    T("balance", "general", "(mąż leży w szpitalu i prosi|mąż wyjechał i poprosił) (żebym zerknęła|abym zerknęła) na jego obciążenia", act="representative"),
]

REFUSE = [
    T("other", "general", "(nie życzę sobie|wykluczone żebym) (dyktował|podawał) dane osobowe przez (słuchawkę|aparat)", act="refuse"),
    T("balance", "general", "(numer ewidencyjny|pesel) (zachowam dla siebie|zatrzymam dla siebie) (zwyczajnie|po ludzku) (podajcie|wyrecytujcie) sumę do oddania", act="refuse"),
    T("refund", SLOT, "(przedstawiać się|legitymować się) (nie będę|nie muszę) (kiedy|czy) (odeślecie|wypłacicie) nadpłatę (z racji|przy) {tax_gen}", act="refuse"),
    T("agent", "general", "(żadnych cyferek|zero danych) (ode mnie|z mojej strony) (skierujcie|odeślijcie) mnie do (referenta|pracownicy)", act="refuse"),
]

CORRECTION = [
    T("other", SLOT, "(sprostowanie|poprawka) (pytam|chodzi) (jednak|właściwie) o {tax}", act="correction"),
    T("refund", "general", "(pudło|chybiłeś) (mnie|) (interesuje|obchodzi) odesłanie (nadpłaconych|przepłaconych) złotówek", act="correction"),
    T("balance", "general", "(pudło|źle zrozumiałeś) (obchodzi mnie|interesuje mnie) (moje obciążenie|ile muszę oddać państwu)", act="correction"),
    T("payments", "general", "(na odwrót|odwrotnie) (mówiłam|mówię) o transferze (który|jaki) (wysłałam|zleciłem)", act="correction"),
]

SMALL_TALK = [
    T("other", "general", "(aha|acha) (kapuję|załapałem)"),
    T("other", "general", "(ojej|o rany) (coś trzeszczy|zerwało mi)"),
    T("other", "general", "(momencik|sekundkę) (wyjmę|poszukam) (kartkę|długopis)"),
]

TEMPLATES: list[T] = (BALANCE + PAYMENTS + REFUND + AGENT + OTHER + TIER_ONE + REPRESENTATIVE + REFUSE + CORRECTION
                      + SMALL_TALK)

BLIND_BANK = Bank(
    name="blind",
    templates=TEMPLATES,
    prefixes=["", "", "", "", "", "uszanowanie", "kłaniam się", "serwus", "witajcie", "ekhm", "z tej strony Wiśniewski",
              "łaskawa pani"],
    suffixes=["", "", "", "", "", "z góry serdecznie dziękuję", "to tyle", "liczę na waszą pomoc", "serdeczności"],
    contexts={
        "": ["mam kłopot natury urzędowej", "dopiero wróciłem z sanatorium", "sąsiadka dała mi wasz telefon",
             "od rana chodzę z tym po mieście", "wnuczek zwykle mi pomaga ale wyjechał"],
        "pit": ["w zeszłym sezonie pracowałem przy zbiorach truskawek", "mam dwie posady na pół etatu"],
        "vat": ["prowadzę warsztat samochodowy", "kupuję części od dostawcy z Litwy"],
        "cit": ["jestem skarbnikiem spółdzielni", "kieruję finansami niewielkiej spółki"],
        "pcc_sd": ["wujek przepisał na mnie garaż", "nabyłam od szwagierki kawałek lasu"],
        "excise_customs": ["wracałem samolotem z Dubaju", "zamówiłem perfumy z Turcji"],
        "enforcement": ["w skrzynce znalazłem nakaz od windykatora", "zajęli mi część renty"],
        "eus": ["wnuczek założył mi profil w internecie"],
    },
    tails=["bo nie śpię przez to po nocach", "i liczę na konkretną odpowiedź", "bo termin mnie goni"],
    connectors=["a skoro już dzwonię", "plus jeszcze", "a ponadto"],
    refusals=["numeru ewidencyjnego nie wyjawię", "danych osobowych nie zdradzę", "cyferek nie podyktuję"],
    refusal_joiners=["niemniej", "jednakże", "natomiast"],
    who=["mojego ojca", "mamusi", "szwagierki", "wnuczka", "naszej spółdzielni", "szefowej", "kolegi z pracy",
         "pani Zielińskiej"],
)
