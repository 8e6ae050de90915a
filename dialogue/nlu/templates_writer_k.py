"""Training templates by writer K (a helper session, one sitting): contrastive sets.

144 templates (970 realisations, at most 8 each) in 49 small groups of 2-6 templates. The templates of a
group share their story and most of their words but ask different things, so the intent (and sometimes
the topic) differs; a comment line above each group names the contrast. Examples: how much I have paid
(payments) / still have to pay (balance) / you will give back (refund); a refund asked as a status
(refund) / how to apply (other, forms) / what the law allows (other); a transfer to a wrong account, with
a wrong title or amount (payments) / a request for instalments or a deferral (other); a consultant only
mentioned in the story (the matter decides) / a consultant asked for (agent); a reminder letter: where the
debt comes from (balance) / how to contest it (other, enforcement); a seized account: what is owed
(balance) / what the law leaves free (other) / the seized money booked (payments) / taken after paying
(refund) / a person (agent); the same stories for a tender, a bank loan, a plot, an inheritance, a death in
the family, a double payment, a foundation's accountant, a VAT surplus, duty charged too high, excise on
an imported van, a shareholders' meeting, Twój e-PIT, a closed bank account, mum calling through me.
Refund verbs vary (oddacie, przelejecie, odeślecie, wypłacicie, wrócą do mnie, odzyskam, dostanę), and
persons (ja, my, nasza firma, spółka, fundacja, mama, babcia, teść).

Intents: balance 24, payments 25, refund 26, agent 18, other 51 (tier I questions: telepin 2, forms 2,
hours 2, certificate 2, microaccount 2, eus 1, visit 1, hotline 1). Topics: SLOT 56, general 34,
enforcement 15, pcc_sd 8, vat 7, excise_customs 7, pit 7, eus 5, cit 5. Acts: representative 20 (a
company's, a foundation's, mum's, a late father's own account or matter), correction 4. A law or how-to
question about a company or an heir carries no act; asking about someone else's account does.

Shown: the label definitions, grammar, lexicon, seed, mission glossary, the training bank and the drafts
of writers E, H, I, J. Never shown: the held-out, dev2 or blind banks, the dataset, docs/nlu.md, the tests.
But the lead's brief named the contrasts to write (paid / still to pay / given back; a status / how to
apply; a wrong transfer / a deferral; a reminder; a seized account; refund verbs such as "oddacie"), and
chose them after reading where the model CI trains misreads dev2: dev2 is not unseen for this draft, so a
gain there would overstate it; the blind banks judge it.

The check (python -m eval.nlu_draft_check) ran six times. Round 1 NOT CLEAN: 71 templates reworded
(shared trigrams such as "ile w sumie", "w zeszłym roku", "skarbówka zajęła mi", "puściłem przelew za",
"startujemy w przetargu", "był u mnie", "klient z Czech", "ciągnie się za mną", "procent od tego", "skąd go
wziąć", "co zrobić żeby"; used-up words "kwartale", "stoi", "jakiej", "południu", "właściwie",
"przelewem", "ludzi", "spłacić", "udźwignę", "wpisałam", "czerwony", "skorygować"), three of them also cut
to at most 10 realisations. Round 2: 14 more ("nadpłacone pieniądze", "poszły", "zapłatę", "kiedy mija
termin", "jak daleko jest", "obowiązuje", "przez roztargnienie opłaciłam", "to obgadać z"). Round 3: 3 more
("i zostałem bez", "spóźniłem się z", "wchodzi w grę"). Round 4 CLEAN; then four edits of my own (grammar
of two templates, "w ciągu ilu dni", the forms question on a new refund account); rounds 5 and 6 CLEAN.
Changed after the sitting (by the lead, before any model read the draft): with all the other drafts,
"weryfikuję" used up a blind2 template's only new words, so it says "kontroluję".

Joined the bank on 2026-12-06, appended after writer L (docs/nlu.md, "Writer K joins…"): template
cross-validation rose on every figure with it, and on two training seeds no dev figure fell by more than the
bound; dev's heard topic fell by exactly the bound (0.71 point: four rows of 560 averaged over the seeds, and
it fell on both), and dev2, which this draft is not blind to, could only have vetoed it.
"""

from __future__ import annotations

from dialogue.nlu.grammar import SLOT
from dialogue.nlu.grammar import Template as T

WRITER_K: list[T] = [
    # how much I have paid (payments) vs how much I still have to pay (balance) vs how much comes back (refund)
    T("payments", SLOT, "ile (łącznie|ogółem) (wpłaciłem|przelałam) do was za {tax} (od początku roku|do tej pory)"),
    T("balance", SLOT, "ile (łącznie|ogółem) (muszę|mam) wam jeszcze (wpłacić|oddać) za {tax}"),
    T("refund", SLOT, "ile (łącznie|ogółem) (oddacie|przelejecie) mi z {tax_gen}"),

    # the same three asked for my company
    T("payments", "general", "(jaką kwotę|ile pieniędzy) nasza firma (przelała|odprowadziła) do urzędu (od wiosny|od ostatniej deklaracji)", act="representative"),
    T("balance", "general", "(jaką kwotę|ile pieniędzy) nasza firma (jest jeszcze winna|musi jeszcze dopłacić) (urzędowi|fiskusowi)", act="representative"),
    T("refund", "general", "(jaką kwotę|ile pieniędzy) nasza firma (dostanie|odzyska) z powrotem (od urzędu|z nadpłaty)", act="representative"),

    # mum asks through me: her payment (payments) / her debt (balance) / her refund (refund) / a person (agent) / her telePIN (other)
    T("payments", "general", "mama (pyta|chce wiedzieć) czy urząd (dostał|odnotował) jej (przelew z poczty|pieniądze wysłane w zeszłym tygodniu)", act="representative"),
    T("balance", "general", "mama (pyta|chce wiedzieć) czy (urzędowi|skarbówce) (jest coś jeszcze winna|nie zalega z niczym)", act="representative"),
    T("refund", "general", "mama (pyta|chce wiedzieć) kiedy (urząd jej odda|wypłacicie jej) (tę nadpłatę|pieniądze z rozliczenia)", act="representative"),
    T("agent", "general", "mama (pyta|chce wiedzieć) czy może (pomówić z urzędniczką|dostać do telefonu kogoś z urzędu)", act="representative"),
    T("other", "eus", "mama (pyta|chce wiedzieć) (gdzie się zakłada|skąd wziąć) ten (kod do infolinii|telepin)", question="telepin", act="representative"),

    # a refund as a status (refund) vs how to apply (other, forms) vs what the law allows (other)
    T("refund", SLOT, "(złożyłem|złożyłam) wniosek o zwrot nadpłaty z {tax_gen} (czy już go załatwiono|czy coś w nim drgnęło)"),
    T("other", SLOT, "(jak napisać|co wpisać we) wniosek o zwrot nadpłaty z {tax_gen} (żeby nie było braków|żeby go przyjęli)", question="forms"),
    T("other", SLOT, "czy (przysługuje mi zwrot|mam prawo do zwrotu) {tax_gen} (wpłaconego dwa razy|zapłaconego nienależnie)"),

    # getting back what I overpaid: when (refund) vs how (other)
    T("refund", SLOT, "kiedy (odeślecie|wypłacicie) mi (należne|moje) pieniądze z {tax_gen}"),
    T("refund", "general", "kiedy (wrócą do mnie|dostanę) pieniądze nadpłacone w (ubiegłorocznym zeznaniu|poprzednim rozliczeniu)"),
    T("other", "general", "(jak|jaką drogą) (odzyskać|odebrać) nadpłacone pieniądze z (ubiegłorocznego zeznania|poprzedniego rozliczenia)"),

    # the deadline the law gives the office (other) vs my own money that is late (refund)
    T("other", SLOT, "(w jakim terminie|w ciągu ilu dni) (urząd musi|skarbówka musi) odesłać nadpłatę z {tax_gen} według ustawy"),
    T("refund", SLOT, "(urząd miał|skarbówka miała) odesłać moją nadpłatę z {tax_gen} (do końca maja|w ustawowym terminie) a (nic nie wpłynęło|dalej czekam)"),

    # a transfer gone wrong, where did it land (payments) vs asking to spread or defer the tax (other)
    T("payments", SLOT, "(zapłaciłem|zapłaciłam) {tax} na rachunek (innego urzędu|sprzed przeprowadzki) (czy pieniądze i tak dotarły|gdzie wylądowały te pieniądze)"),
    T("payments", SLOT, "w tytule przelewu za {tax} (wpisałem|podałam) (zły okres|nie ten miesiąc) (pod jaki okres to poszło|jak to zostało zaksięgowane)"),
    T("payments", SLOT, "(przelałem|przelałam) za {tax} (dziesięć razy za dużo|o połowę za mało) (jak to teraz wygląda u was|co z tą wpłatą)"),
    T("other", SLOT, "(nie mam|brakuje mi) pieniędzy żeby zapłacić {tax} (naraz|jednorazowo) (czy mogę płacić w ratach|jak wnioskować o spłatę w ratach)"),
    T("other", SLOT, "(zachorowałem|straciłam pracę) i (nie zapłacę|nie zdążę zapłacić) {tax_gen} na czas (czy da się przesunąć płatność|jak prosić o odroczenie)"),

    # booked on the wrong month: why (payments) vs how to have it moved (other)
    T("payments", SLOT, "(zapłaciłem|wpłaciłam) {tax} za marzec a (zaksięgowało się|poszło) na inny miesiąc (czy tak jest|dlaczego)"),
    T("other", SLOT, "(zapłaciłem|wpłaciłam) {tax} za marzec a (zaksięgowało się|poszło) na inny miesiąc (jak złożyć wniosek o przeksięgowanie|co napisać żeby to przenieśli)"),

    # a consultant only in the story (the matter decides) vs a consultant asked for (agent)
    T("refund", SLOT, "(konsultantka zapewniała mnie|pani z infolinii mówiła) że zwrot z {tax_gen} już (wyszedł|poszedł) ale w banku (pusto|ani grosza)"),
    T("payments", SLOT, "(konsultant powiedział|pan z infolinii twierdził) że wpłatę za {tax} (zobaczycie|będzie widać) po trzech dniach czy już ją macie"),
    T("balance", SLOT, "(konsultant polecił|konsultantka poleciła) mi zadzwonić ponownie więc pytam ile (zostało mi do spłaty|jeszcze zalegam) z {tax_gen}"),
    T("agent", "general", "(proszę jeszcze raz|chcę znowu) z (tą samą konsultantką|tym samym panem) bo (rozmowa się urwała|mnie rozłączyło)"),
    T("agent", SLOT, "niech (odezwie się|podejdzie) (któryś konsultant|jakiś konsultant) od {tax_gen} (od ręki|bez czekania)"),
    T("other", "general", "(czy|) konsultanci (odbierają|są osiągalni) (przed ósmą rano|w piątki po piętnastej)", question="hours"),

    # yesterday's consultant: the refund he told me to wait for (refund) vs his promised call-back (agent) vs what he mentioned (other)
    T("refund", "general", "(wczoraj|w poniedziałek) konsultant kazał mi czekać na zwrot (jeszcze tydzień|parę dni) (a tu nic|a pieniędzy dalej nie ma)"),
    T("agent", "general", "(wczoraj|w poniedziałek) konsultant miał do mnie oddzwonić i (cisza|nic) (połączcie mnie z nim|dajcie mi innego pracownika)"),
    T("other", "general", "(wczoraj|w poniedziałek) konsultant (wspomniał|powiedział) o czynnym żalu (co to dokładnie jest|jak go złożyć)"),

    # a reminder letter: where the debt comes from (balance) vs how to contest it (other)
    T("balance", "enforcement", "w upomnieniu (jest|figuruje) kwota której nie (rozumiem|kojarzę) (za jaki okres to jest|z jakiego podatku to się wzięło)"),
    T("balance", "enforcement", "(przyszło mi|dostałam) upomnienie (skąd mi się wziął ten dług|za co niby mam płacić)"),
    T("other", "enforcement", "w upomnieniu (jest|figuruje) kwota której nie (uznaję|kojarzę) (jak to zakwestionować|gdzie wnieść sprzeciw)"),
    T("other", "enforcement", "(przyszło mi|dostałam) upomnienie (czy da się od niego odwołać|do kogo pisać zarzuty)"),

    # reminder costs: did I pay them (payments) vs why charged at all (other)
    T("payments", "enforcement", "(dopłaciłem|przelałam) osobno koszty upomnienia czy (je odnotowaliście|to już jest u was)"),
    T("other", "enforcement", "(za co|dlaczego) każecie płacić za samo upomnienie skoro (zapłaciłem|zapłaciłam) z małym poślizgiem"),

    # a seized bank account: owed (balance) / what the law leaves (other) / taken and booked (payments) / taken after paying (refund) / a person (agent)
    T("balance", "enforcement", "(fiskus zajął mi rachunek|urząd zajął mi konto) (ile brakuje do spłaty|jaką kwotę muszę jeszcze wpłacić) żeby (odzyskać dostęp do pieniędzy|bank odblokował środki)"),
    T("other", "enforcement", "(fiskus zajął mi rachunek|urząd zajął mi konto) (ile pieniędzy|jaka kwota) (musi mi zostać|zostaje mi) na życie według przepisów"),
    T("other", "enforcement", "(fiskus zajął mi rachunek|urząd zajął mi konto) a (wpływa tam tylko renta|przychodzi tam zasiłek na dzieci) czy (wolno to zabierać|tak można)"),
    T("payments", "enforcement", "(fiskus zajął mi rachunek|urząd zajął mi konto) i bank (odprowadził|przekazał) wam pieniądze czy (zaliczyliście je na dług|są już zaksięgowane)"),
    T("refund", "enforcement", "(fiskus zajął mi rachunek|urząd zajął mi konto) choć dług był (spłacony|zapłacony) (kiedy odeślecie mi te pieniądze|kiedy wrócą do mnie te pieniądze)"),
    T("agent", "enforcement", "(fiskus zajął mi rachunek|urząd zajął mi konto) (a czynsz trzeba zapłacić|a mam dzieci na utrzymaniu) (połączcie mnie z kimś z egzekucji|dajcie mi poborcę do telefonu)"),

    # a collector at the door: what I owe (balance) vs my rights (other) vs talk to him (agent)
    T("balance", "enforcement", "poborca (zostawił mi kartkę w drzwiach|zapukał dziś rano) (na jaką kwotę jest ten dług|ile mam oddać żeby to zamknąć)"),
    T("other", "enforcement", "poborca (zostawił mi kartkę w drzwiach|zapukał dziś rano) (czy muszę go wpuścić|czy może coś zabrać bez uprzedzenia)"),
    T("agent", "enforcement", "poborca (zostawił mi kartkę w drzwiach|zapukał dziś rano) (chcę z nim porozmawiać|połączcie mnie z tym poborcą)"),

    # an overpayment: how big (balance) vs when it comes back (refund) vs keeping it for later (other)
    T("balance", SLOT, "(czy|) (wisi|leży) na moim koncie nadpłata z {tax_gen} (i na jaką kwotę|i ile jej jest)"),
    T("refund", SLOT, "nadpłatę z {tax_gen} (wykazałem|wpisałem) w zeznaniu (kiedy ją wypłacicie|a kiedy ją wyślecie)"),
    T("other", SLOT, "(czy mogę|da się) zostawić nadpłatę z {tax_gen} na (przyszły rok|kolejne zaliczki) zamiast ją wypłacać"),

    # interest: how much (balance) vs paid on its own (payments) vs how it is counted (other)
    T("balance", SLOT, "(zapłaciłem|zapłaciłam) {tax} (parę dni|tydzień) po terminie (ile doszło odsetek|czy naliczyliście mi odsetki)"),
    T("payments", SLOT, "(wysłałem|zapłaciłam) odsetki od {tax_gen} (osobno|oddzielnie) czy (dotarły|zostały zaksięgowane)"),
    T("other", SLOT, "(jak mam|jak można) samodzielnie wyliczyć odsetki (od spóźnionej wpłaty|od opóźnionej płatności) {tax_gen}"),

    # instalments: did this one arrive (payments) vs how many are left (balance) vs may I have them (other)
    T("payments", SLOT, "(zapłaciłem|przelałam) (kolejną|czwartą) ratę {tax_gen} z harmonogramu czy (wpłynęła|jest odnotowana)"),
    T("balance", SLOT, "ile rat {tax_gen} (zostało mi|mam jeszcze) do (spłacenia|oddania) według harmonogramu"),
    T("other", SLOT, "(czy|jak) (mogę dostać|można uzyskać) zgodę na spłatę {tax_gen} w ratach"),

    # an old debt: is it still there (balance) vs when does it lapse (other)
    T("balance", SLOT, "(czy|) (na moim koncie|w systemie) nadal widnieje (jakaś|ta) stara zaległość z {tax_gen} sprzed kilku lat"),
    T("other", SLOT, "(po ilu latach|kiedy) (przedawnia się|wygasa) (stara|niezapłacona) zaległość z {tax_gen}"),

    # before a tender: check our debts (balance) vs get the paper (other, certificate) vs a person now (agent)
    T("balance", "general", "(bierzemy udział w przetargu|składamy ofertę w przetargu) (więc najpierw sprawdźcie|i chcemy najpierw wiedzieć) czy (coś zalegamy|mamy jakieś długi) u was", act="representative"),
    T("other", "general", "(bierzemy udział w przetargu|składamy ofertę w przetargu) i (potrzebujemy papieru|wymagają od nas dokumentu) że nic nie zalegamy (jak go zamówić|ile się na niego czeka)", question="certificate"),
    T("agent", "general", "(bierzemy udział w przetargu|składamy ofertę w przetargu) i (terminy nas gonią|zostało nam mało czasu) (dajcie kogoś żywego|proszę od razu konsultanta)"),

    # a bank asks before a loan: proof of a payment (payments) vs the certificate (other) vs my debts (balance)
    T("payments", SLOT, "bank do kredytu chce (dowodu|potwierdzenia) że (zapłaciłem|uregulowałam) {tax} (czy możecie potwierdzić że wpłynęło|czy widzicie tę wpłatę)"),
    T("other", "general", "bank do kredytu (wymaga|chce) zaświadczenia o niezaleganiu (jak je najszybciej zdobyć|którędy o nie wystąpić)", question="certificate"),
    T("balance", "general", "bank do kredytu (pyta|dopytuje) o moje długi podatkowe (czy jakieś mam|na ile opiewają)"),

    # which account: to pay into (other, microaccount) vs where my payment landed (payments) vs where my refund went (refund)
    T("other", SLOT, "(pod jaki numer|na który rachunek) (mam przelać|wysyła się) {tax} (bo zgubiłem kartkę|bo nie mam numeru)", question="microaccount"),
    T("payments", SLOT, "(pod jaki numer|na który rachunek) (poszedł|trafił) mój przelew za {tax} (bo chyba pomyliłem cyfry|bo mam wątpliwości)"),
    T("refund", SLOT, "(pod jaki numer|na który rachunek) (przelaliście|odesłaliście) mi pieniądze z {tax_gen}"),

    # paying from abroad: did it arrive (payments) vs what bank data to use (other, microaccount)
    T("payments", SLOT, "(płaciłem|zapłaciłam) {tax} z (konta w Niemczech|banku w Irlandii) czy (pieniądze dotarły|wszystko przeszło mimo przewalutowania)"),
    T("other", SLOT, "(jak|skąd wziąć dane żeby) zapłacić {tax} z (konta w Niemczech|banku w Irlandii) (jaki swift|jaki numer IBAN podać)", question="microaccount"),

    # paid by my husband: was it credited to me (payments) vs is it allowed (other)
    T("payments", SLOT, "mąż (przelał|zapłacił) za mnie {tax} ze swojego konta czy (przypisaliście to do mnie|zaliczyło się na moje konto)"),
    T("other", SLOT, "czy mąż (może|ma prawo) (zapłacić|przelać) za mnie {tax} ze swojego konta"),

    # the deadline: when must I pay (other) vs did I make it (payments)
    T("other", SLOT, "(kiedy upływa termin|do którego dnia trzeba dokonać) (wpłaty|zapłaty) {tax_gen} (za ten rok|w tym roku)"),
    T("payments", SLOT, "(mój przelew za {tax} zmieścił się|moja wpłata za {tax} zmieściła się) w terminie (bo płaciłem na ostatnią chwilę|bo to był ostatni dzień)"),

    # closing a business: anything left to pay (balance) vs how to settle at the end (other)
    T("balance", SLOT, "zamykam działalność czy (zostało mi coś|nie zostało nic) do (dopłacenia|uregulowania) z {tax_gen}"),
    T("other", SLOT, "zamykam działalność jak (po raz ostatni|na koniec) rozliczyć {tax}"),

    # a broken telePIN: how to fix it (other) vs a person to fix it with (agent)
    T("other", "eus", "(po zmianie telefonu|odkąd mam nową komórkę) telepin (przestał działać|nie przechodzi) (i nie wiem jak go odnowić|co mam z tym zrobić)", question="telepin"),
    T("agent", "eus", "(po zmianie telefonu|odkąd mam nową komórkę) telepin (przestał działać|nie przechodzi) (niech ktoś żywy mi pomoże|przełączcie do człowieka od e-urzędu)"),

    # something shows in e-Urząd: a debt (balance) vs a missing payment (payments) vs an error (other, eus)
    T("balance", SLOT, "w e-urzędzie (świeci się|wyskakuje) zaległość z {tax_gen} (ile naprawdę mam do zapłaty|czy to się zgadza)"),
    T("payments", SLOT, "w e-urzędzie (nie świeci się|nie pokazuje się) moja wpłata za {tax} (choć bank ją wysłał|a w banku już zeszła)"),
    T("other", "eus", "w e-urzędzie (świeci się|wyskakuje) komunikat o błędzie (gdy podpisuję pismo|przy wysyłce pisma) (co to znaczy|jak to obejść)"),

    # where is my refund: I look it up myself (other, eus) vs you tell me (refund)
    T("other", "eus", "(w której zakładce|gdzie) w e-urzędzie (sam sprawdzę|podejrzę) (etap zwrotu|status zwrotu)", question="eus"),
    T("refund", "general", "(nie mogę|nie potrafię) tego znaleźć w e-urzędzie więc (pytam was|sprawdźcie mi) (na jakim etapie jest mój zwrot|co się dzieje z moim zwrotem)"),

    # talking to someone: in the office (other, visit) vs on this line now (agent)
    T("other", "general", "(wolę|wolałabym) (porozmawiać|załatwić to) z urzędnikiem w cztery oczy (jak zarezerwować termin|czy trzeba się zapisać)", question="visit"),
    T("agent", "general", "(wolę|wolałabym) porozmawiać z urzędnikiem (teraz przez telefon|tu i teraz) (proszę mnie przełączyć|niech ktoś odbierze)"),

    # a consultant: when can I reach one (other, hours) vs is one free now (agent)
    T("other", "general", "(od której|do której) (jutro|pojutrze) (odbierają|są dostępni) konsultanci", question="hours"),
    T("agent", "general", "(czy jest|jest może) (teraz|w tej chwili) wolny konsultant (bo chcę z nim rozmawiać|połączcie mnie)"),

    # a number to call (other, hotline) vs put me through (agent)
    T("other", "vat", "(pod jaki numer|na jaki numer) (mam dzwonić|zadzwonić) żeby trafić prosto do (specjalistów od VAT-u|działu VAT)", question="hotline"),
    T("agent", "vat", "(przełączcie mnie|proszę mnie przekierować) (bezpośrednio|prosto) do (specjalistów od VAT-u|działu VAT)"),

    # a plot bought: the rate (other) vs what is unpaid (balance) vs did it arrive (payments) vs money back (refund)
    T("other", "pcc_sd", "(kupiłem|kupiliśmy) (działkę budowlaną|garaż) (jaka stawka podatku|jaki podatek) przypada od takiej umowy"),
    T("balance", "pcc_sd", "(złożyłem|złożyliśmy) PCC-3 od (działki|garażu) (jaka kwota pozostaje|ile wynosi reszta) do zapłaty"),
    T("payments", "pcc_sd", "(zapłaciłem|zapłaciliśmy) PCC od (działki|garażu) zaraz po umowie czy (przelew dotarł|wpłata jest u was)"),
    T("refund", "pcc_sd", "(zapłaciłem|zapłaciliśmy) PCC od (działki|garażu) a sprzedający się wycofał (kiedy ten podatek wróci|czy już go odesłaliście)"),

    # an inheritance: what the law charges (other) vs what the decision left unpaid (balance) vs paid (payments) vs a person (agent)
    T("other", "pcc_sd", "(dostałem|dostałam) spadek po (bracie|ciotce) (ile podatku mnie czeka|jaka stawka mnie dotyczy)"),
    T("balance", "pcc_sd", "(przyszła|przyszła mi) decyzja o podatku od spadku po (bracie|ciotce) ile z tego (jeszcze mam do zapłaty|zostało niezapłacone)"),
    T("payments", "pcc_sd", "(zapłaciłem|zapłaciłam) podatek od spadku po (bracie|ciotce) zgodnie z decyzją czy (to się zaksięgowało|wszystko doszło)"),
    T("agent", "pcc_sd", "(dostałem|dostałam) spadek po (bracie|ciotce) i (wolę to przegadać z człowiekiem|dajcie kogoś od spadków)"),

    # after a death in the family: his debts (balance) vs must heirs pay them (other) vs his refund (refund) vs a person (agent)
    T("balance", "general", "po śmierci (taty|teścia) (porządkuję|załatwiam) jego sprawy (czy zostawił jakieś długi|czy nie zostały po nim długi) w skarbówce", act="representative"),
    T("other", "general", "po śmierci (taty|teścia) (porządkuję|załatwiam) jego sprawy czy (spadkobiercy odpowiadają|jako spadkobierca odpowiadam) za jego podatkowe długi"),
    T("refund", SLOT, "po śmierci (taty|teścia) (porządkuję|załatwiam) jego sprawy (czy jego zwrot z {tax_gen} już wyszedł|na czyje konto poszedł jego zwrot z {tax_gen})", act="representative"),
    T("agent", "general", "po śmierci (taty|teścia) (porządkuję|załatwiam) jego sprawy (i wolę rozmawiać z człowiekiem|potrzebuję kogoś cierpliwego)", act="representative"),

    # paid twice: did both arrive (payments) vs when does the second come back (refund) vs how to claim it (other) vs a person (agent)
    T("payments", SLOT, "(niechcący|w pośpiechu) (zapłaciłem|uregulowałam) {tax} dwukrotnie (widać u was obie wpłaty|obie wpłaty się zaksięgowały)"),
    T("refund", SLOT, "(niechcący|w pośpiechu) (zapłaciłem|uregulowałam) {tax} dwukrotnie (kiedy odeślecie tę drugą kwotę|kiedy wróci nadmiar)"),
    T("other", SLOT, "(niechcący|w pośpiechu) (zapłaciłem|uregulowałam) {tax} dwukrotnie (jak odzyskać tę nadwyżkę|jakie pismo złożyć o zwrot)"),
    T("agent", SLOT, "(niechcący|w pośpiechu) (zapłaciłem|uregulowałam) {tax} dwukrotnie (wolę pogadać o tym z człowiekiem|połączcie z kimś kto to odkręci)"),

    # an accountant for a foundation: payment arrived (payments) vs what is owed (balance) vs how to be authorised (other)
    T("payments", SLOT, "jako (księgowa|pełnomocnik) fundacji (sprawdzam|chcę potwierdzić) czy (wpłynęła|doszła) zaliczka na {tax}", act="representative"),
    T("balance", SLOT, "jako (księgowa|pełnomocnik) fundacji (sprawdzam|muszę ustalić) ile (fundacja zalega|brakuje do dopłaty) z {tax_gen}", act="representative"),
    T("other", "general", "jako (księgowa|pełnomocnik) fundacji (jak mam|gdzie mam) zgłosić swoje upoważnienie żeby (dostawać informacje|móc ją reprezentować)", act="representative"),

    # a VAT surplus: when it comes (refund) vs carry it forward (other) vs a person (agent)
    T("refund", "vat", "(w deklaracji za luty|w JPK za ostatni kwartał) wykazaliśmy nadwyżkę do zwrotu (kiedy ją przelejecie|czy już wyszła z urzędu)"),
    T("other", "vat", "(w deklaracji za luty|w JPK za ostatni kwartał) wykazaliśmy nadwyżkę (czy lepiej przenieść ją na następny okres|czy opłaca się ją przenieść zamiast brać zwrot)"),
    T("agent", "vat", "(w deklaracji za luty|w JPK za ostatni kwartał) wykazaliśmy nadwyżkę (i chcę to omówić z kimś od VAT-u|poproszę konsultanta od vatu)"),

    # a foreign client without a VAT-UE number: how to invoice (other) vs a person (agent)
    T("other", "vat", "(klient|kontrahent) ze (Słowacji|Szwecji) nie ma numeru VAT-UE (jak wystawić mu fakturę|jaką stawkę dać na fakturze)"),
    T("agent", "vat", "(klient|kontrahent) ze (Słowacji|Szwecji) nie ma numeru VAT-UE (chcę o tym pogadać z konsultantem|dajcie kogoś od vatu)"),

    # duty charged too high: the difference back (refund) vs contest it (other) vs a person (agent)
    T("refund", "excise_customs", "(naliczyli mi|policzyliście mi) za wysokie cło za (rower z Japonii|aparat z Kanady) (kiedy oddacie różnicę|kiedy wróci nadpłacona część)"),
    T("other", "excise_customs", "(naliczyli mi|policzyliście mi) za wysokie cło za (rower z Japonii|aparat z Kanady) (jak to zakwestionować|gdzie złożyć reklamację)"),
    T("agent", "excise_customs", "(naliczyli mi|policzyliście mi) za wysokie cło za (rower z Japonii|aparat z Kanady) (potrzebuję rozmowy z celnikiem|dajcie kogoś od cła)"),

    # excise on an imported van: what is left to pay (balance) vs what the law charges (other)
    T("balance", "excise_customs", "ile akcyzy za sprowadzonego (busa|kampera) (mam jeszcze do dopłaty|zostało mi do zapłaty)"),
    T("other", "excise_customs", "(ile|jaką stawkę) akcyzy za sprowadzonego (busa|kampera) (się płaci|trzeba zapłacić) przy dużym silniku"),

    # excise paid before registering a car: did it arrive (payments) vs where to get the proof (other)
    T("payments", "excise_customs", "(zapłaciłem|opłaciłam) akcyzę za (auto z Belgii|sprowadzoną toyotę) przed rejestracją czy (już wpłynęła|macie ją zaksięgowaną)"),
    T("other", "excise_customs", "(jak|gdzie) (zdobyć|dostać) potwierdzenie zapłaty akcyzy dla wydziału komunikacji (za auto z Belgii|za sprowadzoną toyotę)"),

    # before the shareholders' meeting: the company's debt (balance) vs its payments (payments) vs a cost question (other) vs a person (agent)
    T("balance", "cit", "przed zgromadzeniem wspólników (muszę podać|muszę wiedzieć) (ile spółka jest winna|jaki dług ma spółka) z tytułu CIT-u", act="representative"),
    T("payments", "cit", "przed zgromadzeniem wspólników (sprawdzam|kontroluję) czy (zaliczki na CIT|wszystkie zaliczki spółki) (dotarły do was|są zaksięgowane)", act="representative"),
    T("other", "cit", "przed zgromadzeniem wspólników pytam czy spółka może (wrzucić w koszty|zaliczyć do kosztów) (odsetki od pożyczki wspólnika|pensję zarządu)"),
    T("agent", "cit", "przed zgromadzeniem wspólników (potrzebuję|chcę) pilnie (konsultanta od CIT-u|kogoś od podatków spółek)"),
    T("refund", "cit", "moja spółka ma (odzyskać|dostać z powrotem) nadpłacony CIT (za ubiegły rok|z korekty) (kiedy pieniądze wpłyną|kiedy pójdzie przelew)", act="representative"),

    # Twój e-PIT: the refund it promised (refund) vs the extra it asks (balance) vs why it came out so (other)
    T("refund", "pit", "(twój e-pit|e-pit w e-urzędzie) (wyliczył|pokazał) mi zwrot (a przelewu dalej brak|kiedy go dostanę)"),
    T("balance", "pit", "(twój e-pit|e-pit w e-urzędzie) (wyliczył|pokazał) mi dopłatę (czy ona już wisi na koncie|ile dokładnie muszę wpłacić)"),
    T("other", "pit", "(twój e-pit|e-pit w e-urzędzie) (wyliczył|pokazał) mi dopłatę zamiast zwrotu (gdzie mogłem zrobić błąd|co trzeba poprawić)"),

    # a relief for children: how much it lowers the tax (other) vs the refund it should bring (refund)
    T("other", "pit", "(na ile|o ile) (obniży|zmniejszy) mi podatek ulga na (trzecie dziecko|dwoje dzieci)"),
    T("refund", "pit", "za ulgę na (trzecie dziecko|dwoje dzieci) (miałem|miałam) dostać zwrot (kiedy go przelejecie|a nic nie wpłynęło)"),

    # a joint return: the money back (refund) vs may we still file jointly (other)
    T("refund", "pit", "kiedy (przelejecie|odeślecie) nam (z żoną|z mężem) pieniądze ze wspólnego rozliczenia"),
    T("other", "pit", "czy (możemy|mamy prawo) (z żoną|z mężem) złożyć wspólne rozliczenie skoro (pobraliśmy się w grudniu|wzięliśmy ślub pod koniec roku)"),

    # a correction filed: the overpayment it made (refund) vs how to correct so as to get it (other)
    T("refund", SLOT, "po korekcie {tax_gen} (wyszła mi|powstała) nadpłata (czy już ją przelaliście|kiedy ją zobaczę)"),
    T("other", SLOT, "jak (poprawić|zmienić) {tax} (żeby odzyskać nadpłatę|by dostać zwrot nadpłaty)"),

    # a closed bank account: where the refund went (refund) vs how to give a new one (other)
    T("refund", "general", "(zamknąłem|zlikwidowałam) stare konto (w kwietniu|zanim przyszły pieniądze) (gdzie teraz jest mój zwrot|czy zwrot się cofnął do was)"),
    T("other", "general", "(zamknąłem|zlikwidowałam) stare konto (jakim pismem podać|gdzie zgłosić) nowy rachunek do (zwrotów|przyszłych zwrotów)", question="forms"),

    # a parent with no bank account: when her refund comes (refund) vs can it come by post (other)
    T("refund", "general", "(babcia|mama) nie ma rachunku bankowego (czy przekaz z jej zwrotem już wyszedł|kiedy listonosz przyniesie jej zwrot)", act="representative"),
    T("other", "general", "(babcia|mama) nie ma rachunku bankowego (czy zwrot może dostać na poczcie|jak odebrać zwrot bez rachunku)", act="representative"),

    # correcting the bot: how to apply (other) vs when it comes (refund) vs did it arrive (payments) vs how much is left (balance)
    T("other", "general", "(nie nie|źle mnie pan zrozumiał) nie pytam (kiedy wróci|gdzie jest) zwrot tylko jak (o niego wystąpić|złożyć o niego wniosek)", act="correction"),
    T("refund", "general", "(nie nie|źle mnie pani zrozumiała) nie pytam jak (wystąpić o zwrot|złożyć wniosek o zwrot) tylko kiedy (wrócą|przyjdą) moje pieniądze", act="correction"),
    T("payments", SLOT, "(nie nie|to nie to) nie pytam ile mam zapłacić za {tax} tylko czy to co (wpłaciłem|przelałam) (już dotarło|jest zaksięgowane)", act="correction"),
    T("balance", SLOT, "(nie nie|to nie to) nie pytam o przelew za {tax} tylko ile (mi brakuje do spłaty|mam do dopłaty)", act="correction"),
]
