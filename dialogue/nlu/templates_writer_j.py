"""Training templates by writer J (a helper session, 2026-12-05), in the training bank since the same day.

117 templates (752 realisations, at most 8 each): balance 26, payments 26, refund 25, agent 16, other 24
(of which 9 tier I questions: hours 1, telepin 1, certificate 1, visit 2, eus 1, forms 1, hotline 1,
microaccount 1). Topics: SLOT 44, general 26, pit 18, pcc_sd 14, enforcement 6, vat 4, excise_customs 3,
eus 2. One act (representative: a parent paying a student son's tax).

Long turns: a caller tells one or two clauses of their life (a wedding and a changed surname, a divorce,
a death in the family and an inheritance, selling or buying a flat or a car, emigration and coming back,
retirement, a first job, losing a job, opening or closing a one-person business, renting out a flat, a
child's studies, illness, a blocked bank account, a letter not understood) and then asks, or asks first
and then explains. The matter asked decides the intent, never the story: the same stories end in a debt,
a payment, a refund, a human or a how-to question. SLOT where a tax is named; a queue where the words make
it plain (ryczałt od najmu = pit, PCC / spadek = pcc_sd, akcyza = excise_customs, poborca / zajęcie =
enforcement).

Written at one sitting by writer J, shown the label definitions, grammar, lexicon, seed, glossary, the
training bank and the drafts of writers E-H; never shown the held-out, dev2 or blind banks.

The check (python -m eval.nlu_draft_check) ran nine times: the first three NOT CLEAN caused 82 rewordings
(63, 16, 3) in about 70 templates: shared word trigrams ("w zeszłym roku", "i czekam na", "to w ogóle",
"przeszłam na emeryturę", "o rozmowę z", "ile mam czasu", ...) and used-up words ("stycznia", "ślubie",
"rozmowę", "przelewem", "zakładam", "ogóle", "razu", "ciągnik", ...). Besides these, 19 edits of my own:
two templates cut to at most 10 realisations, and grammar (case after "czy zaksięgowano", "liczę na te
pieniądze", gender of "je"/"go", a pronoun with no antecedent; a widow's "ile z tego spada na mnie", half a
law question, made a plain amount). Final result: CLEAN.

Changed after the sitting, before any model read the draft: with the other drafts, four wordings used up a
protected template's only new words ("czyste konto", "pomóc dziecku", "po kupnie", "zaklepać termin"), so
they say "nie mieć już żadnych długów", "wesprzeć dziecko", "po zakupie", "umówić się na termin"
(tests/dialogue/test_nlu_dataset.py, all drafts together).
"""

from __future__ import annotations

from dialogue.nlu.grammar import SLOT
from dialogue.nlu.grammar import Template as T

WRITER_J: list[T] = [
    # ---- balance: the story first or last, the question is what is owed
    T("balance", SLOT, "(biorę ślub we wrześniu|za miesiąc się żenię) więc nie zamierzam wnosić długów do małżeństwa (czy coś wisi|czy mam coś niezapłaconego) z {tax_gen}"),
    T("balance", "general", "(rozwodzimy się|jesteśmy w trakcie rozwodu) a (mąż zawsze zajmował się papierami|żona sama ogarniała papiery) (chcę wiedzieć|muszę się dowiedzieć) czy na mnie ciąży jakiś dług w skarbówce"),
    T("balance", "pcc_sd", "(po śmierci ojca|po pogrzebie mamy) odziedziczyłam lokal i przyszła decyzja (ile tam jest do zapłaty|jaką kwotę mam wpłacić)"),
    T("balance", SLOT, "(sprzedałem auto|pozbyłem się samochodu) (i chcę|a chciałbym) nie mieć już żadnych długów (ile zostało do uregulowania|co jeszcze jest do spłacenia) z {tax_gen}"),
    T("balance", SLOT, "(wyjeżdżam na stałe do Kanady|przeprowadzam się do Australii) więc (zanim wyjadę|przed wyjazdem) chcę wiedzieć (ile mam do oddania|ile winien jestem) za {tax}"),
    T("balance", "general", "(po ośmiu latach pracy w Dublinie|po powrocie z Holandii) (nie wiem|zachodzę w głowę) czy przez ten czas (pojawiły się|nazbierały się) jakieś długi u fiskusa"),
    T("balance", SLOT, "(od przyszłego miesiąca|od lutego) jestem na emeryturze i (proszę powiedzieć|chętnie usłyszę) czy (cokolwiek zalega|coś wisi) z {tax_gen}"),
    T("balance", SLOT, "to mój pierwszy rok na etacie i (kolega straszy|koleżanka mówi) że wyszła mi niedopłata z {tax_gen} (ile tego jest|jak to u mnie wygląda)"),
    T("balance", "general", "(straciłem pracę|dostałem wypowiedzenie) więc ledwo starcza na rachunki (ile dokładnie mam do oddania|jaki jest mój dług) w skarbówce"),
    T("balance", SLOT, "(zamykam|likwiduję) jednoosobową firmę (z końcem miesiąca|po dziesięciu latach) (ile jeszcze trzeba dopłacić|czy coś zostaje do dopłacenia) z {tax_gen}"),
    T("balance", SLOT, "(dopiero zaczynam działalność|pierwszy rok prowadzę firmę) i (nie ogarniam terminów|gubię się w terminach) czy nie narobiłem sobie zaległości z {tax_gen}"),
    T("balance", "pit", "(wynajmuję mieszkanie po babci|mam lokatorów w drugim mieszkaniu) i płacę ryczałt od najmu (czy nic mi z tego nie zalega|czy niczego tu nie zaniedbałem)"),
    T("balance", "general", "(syn wyjeżdża na studia|córka zaczyna studia w Krakowie) i robimy domowy budżet (proszę sprawdzić|chcę wiedzieć) czy nie wisi na mnie żaden dług w urzędzie"),
    T("balance", SLOT, "(przez chorobę|po operacji) pół roku (nie zaglądałem do papierów|nie ruszałam żadnych papierów) (ile urosły odsetki|ile teraz mam do zapłaty) za {tax}"),
    T("balance", "enforcement", "bank (zablokował|zatrzymał) mi rachunek z powodu zajęcia skarbowego (ile wynosi to zajęcie|na jaką kwotę jest to zajęcie) (bo nikt mi nie powiedział|bo nic nie wiem)"),
    T("balance", SLOT, "przyszedł list ze skarbówki (pełen paragrafów|napisany urzędowym językiem) i tyle zrozumiałem że chodzi o {tax} (czy ja coś jestem winien|czy mam coś zapłacić)"),
    T("balance", "general", "(wyszłam za mąż|wzięłam ślub) i zmieniłam nazwisko (czy zaległości pod panieńskim nazwiskiem|czy długi ze starym nazwiskiem) (dalej na mnie wiszą|nadal są na moim koncie)"),
    T("balance", "pcc_sd", "(kupiliśmy mieszkanie od starszego pana|kupiłam kawalerkę z drugiej ręki) i (boję się|nie jestem pewna) czy urząd (czegoś ode mnie nie chce|nie liczy mi jeszcze czegoś) z tytułu PCC"),
    T("balance", "pcc_sd", "(kupiłem motocykl od kolegi|kupiłam auto od sąsiadki) i podatek (poszedł|wpłynął) z opóźnieniem (ile narosło odsetek|czy zostało coś do dopłaty)"),
    T("balance", SLOT, "(po rozwodzie|po podziale majątku) rozliczam się już osobno (czy z czasów małżeństwa|czy ze wspólnych lat) (została jakaś zaległość|został jakiś dług) z {tax_gen}"),
    T("balance", "vat", "(przejąłem sklep po zmarłym ojcu|po śmierci taty prowadzę jego sklep) (proszę sprawdzić|chcę ustalić) czy (zostały|są) zaległości z podatkiem VAT"),
    T("balance", "general", "(czy ja mam jakieś długi|czy wiszę coś państwu) (bo od lat mieszkam w Norwegii|bo dziesięć lat byłem za granicą) więc wolę uniknąć niespodzianek po powrocie"),
    T("balance", SLOT, "(ile wychodzi mi do dopłaty|ile muszę dorzucić) za {tax} bo w tym roku (zaczęłam pobierać emeryturę|doszła mi emerytura) i były dwa źródła dochodu"),
    T("balance", "general", "(co mam do uregulowania|co na mnie czeka) u fiskusa (bo po udarze|bo po długiej chorobie) (nie pamiętam co płaciłem|wszystko mi się pomieszało)"),
    T("balance", "enforcement", "(po śmierci męża|odkąd owdowiałam) dostaję upomnienia za firmę którą prowadził mąż (na ile opiewają te upomnienia|ile teraz wynosi ten dług)"),
    T("balance", SLOT, "(córka bierze kredyt|syn idzie na studia) i chcemy wesprzeć dziecko finansowo ale najpierw (ile ja mam zaległego|ile jestem dłużna) z {tax_gen}"),

    # ---- payments: did it arrive, how was it booked
    T("payments", SLOT, "(w dniu ślubu|tuż przed weselem) (przelałem|puściłem) {tax} w pośpiechu z telefonu (czy to dotarło|czy ten przelew dotarł do was)"),
    T("payments", "general", "(jesteśmy po rozwodzie|rozstaliśmy się rok temu) a podatek za mnie zapłacił jeszcze (były mąż|mój eks) ze wspólnego konta (czy wpłata poszła na mnie|czy to zaliczono na moje konto)"),
    T("payments", "pcc_sd", "(po śmierci babci|po pogrzebie dziadka) uregulowałam podatek od spadku (na podstawie decyzji|zgodnie z decyzją) (czy pieniądze dotarły|czy urząd ma tę wpłatę)"),
    T("payments", SLOT, "(sprzedałem mieszkanie i|po sprzedaży mieszkania) wpłaciłem {tax} (niezwłocznie|jeszcze w maju) (czy to zostało zaksięgowane|czy ta kwota jest u was)"),
    T("payments", "pcc_sd", "kupiłem auto od sąsiada i (PCC|podatek od umowy) (przelałem|wysłałem) przed upływem czternastu dni (czy to doszło|czy to widać u was)"),
    T("payments", "excise_customs", "(sprowadziłem auto z Belgii|przywiozłem busa z Niemiec) a akcyzę zapłaciłem (tydzień temu|przed rejestracją) czy ją (macie|zaksięgowaliście)"),
    T("payments", SLOT, "(pracuję w Oslo|od roku mieszkam w Dublinie) a {tax} (opłaciłem|uregulowałem) w euro (czy przewalutowanie nie zjadło części|czy doszła pełna kwota)"),
    T("payments", "general", "(wróciłem z emigracji i|po powrocie do kraju) (spłaciłem stare zaległości|uregulowałem wszystko co wisiało) (proszę potwierdzić wpływ|czy to już jest zaksięgowane)"),
    T("payments", SLOT, "(od lutego jestem emerytką|od niedawna pobieram emeryturę) i pierwszy raz samodzielnie (płaciłam|opłaciłam) {tax} (czy wszystko dobrze poszło|czy trafiło do urzędu)"),
    T("payments", SLOT, "to mój pierwszy etat i dopłatę {tax_gen} (zrobiłem|zrobiłam) przez bank (czy ona doszła|czy urząd ją odnotował)"),
    T("payments", SLOT, "(straciłam pracę w marcu|jestem bez pracy od wiosny) ale z ostatnich oszczędności (spłaciłam|uregulowałam) {tax} (czy na pewno dotarło|niech pani sprawdzi czy wpłynęło)"),
    T("payments", SLOT, "(dopiero ruszyła moja firma|mam firmę od miesiąca) i pierwsza zaliczka na {tax} (poszła w poniedziałek|wyszła z konta wczoraj) czy (trafiła do właściwego urzędu|jest poprawnie zapisana)"),
    T("payments", SLOT, "(zamknąłem działalność w grudniu|firma jest już wykreślona z CEIDG) a ostatni przelew za {tax} (poszedł po terminie|wysłałem już po zamknięciu) czy (urząd go przyjął|został zaksięgowany)"),
    T("payments", "pit", "(mam studentów w kawalerce|mam lokatora w mieszkaniu po mamie) i ryczałt od najmu (płacę co miesiąc|przelewam co kwartał) (czy wszystkie wpłaty wpłynęły|czy każda wpłata jest odnotowana)"),
    T("payments", SLOT, "(syn studiuje w Gdańsku|syn jest na studiach daleko) więc jego {tax} zapłaciłem ze swojego konta (czy to się zaliczyło na niego|czy urząd przypisał to synowi)", act="representative"),
    T("payments", SLOT, "(po chemii|w trakcie leczenia) nie miałam siły iść na pocztę więc {tax} (poszedł zleceniem stałym|opłaciłam przez aplikację) (czy to zadziałało|czy trafiło do was)"),
    T("payments", SLOT, "(bank zablokował mi konto|konto miałem zamrożone) (na kilka dni|przez tydzień) akurat w terminie płatności {tax_gen} (czy przelew faktycznie wyszedł|czy moja wpłata przeszła)"),
    T("payments", SLOT, "(przyszło pismo|dostałem list) że (brakuje mojej wpłaty|nie widać mojej płatności) za {tax} a ja mam potwierdzenie z banku (gdzie ona jest|na co ją zaliczyliście)"),
    T("payments", SLOT, "czy (doszły|dotarły) pieniądze za {tax} (bo przed ślubem|bo w zamieszaniu przed weselem) (płaciłam|płaciłem) ze starego konta"),
    T("payments", "general", "(na co poszła moja ostatnia wpłata|jak zaksięgowaliście moją ostatnią wpłatę) (bo sprzedałem auto|bo po sprzedaży samochodu miałem gotówkę) (i zapłaciłem wszystko naraz|i spłaciłem wszystko jedną wpłatą)"),
    T("payments", SLOT, "(czy macie|czy jest u was) mój przelew za {tax} (bo wyjeżdżam na stałe|bo w piątek lecę do Kanady) i (wolę to wiedzieć na sto procent|chcę wyjechać spokojny)"),
    T("payments", "pcc_sd", "(czy zaksięgowano moją wpłatę|czy doszła moja wpłata) za spadek po ciotce (bo z konta zeszło|bo bank pobrał pieniądze) (dwa tygodnie temu|na początku miesiąca)"),
    T("payments", "pcc_sd", "(kupiliśmy mieszkanie na rynku wtórnym|kupiliśmy działkę od rolnika) i PCC zapłaciliśmy sami bo notariusz go nie pobrał (czy wszystko dotarło|czy urząd to odnotował)"),
    T("payments", SLOT, "(proszę sprawdzić|czy możecie zobaczyć) czy zeszła rata za {tax} (bo po zwolnieniu z pracy|bo odkąd straciłem robotę) (mam bałagan na koncie|nie panuję nad przelewami)"),
    T("payments", "enforcement", "(po pogrzebie męża|po śmierci współmałżonka) uregulowałam upomnienie (które przyszło na nas oboje|za wspólne długi) (czy wpłata została odnotowana|czy pieniądze już dotarły)"),
    T("payments", SLOT, "(po weselu zmieniłam nazwisko|przyjęłam nazwisko męża) a przelew za {tax} (zrobiłam|wysłałam) jeszcze ze starymi danymi (czy urząd go przypisał do mnie|czy się zaksięgował)"),

    # ---- refund: when or why my money comes back
    T("refund", SLOT, "(bierzemy ślub w lipcu|w sierpniu mamy wesele) a zwrot z {tax_gen} bardzo by się przydał (kiedy wpłynie na konto|czy zdąży przyjść przed weselem)"),
    T("refund", SLOT, "(zeznanie złożyliśmy jeszcze razem|rozliczaliśmy się jeszcze wspólnie) a teraz jesteśmy po rozwodzie (na czyje konto|na które konto) (pójdzie|trafi) zwrot z {tax_gen}"),
    T("refund", "general", "(po śmierci męża|po pogrzebie ojca) (bardzo potrzebuję tych pieniędzy z nadpłaty|liczę na pieniądze z nadpłaty) (kiedy urząd je odda|czy już wyszły)"),
    T("refund", SLOT, "(sprzedałam mieszkanie i kupiłam nowe|po sprzedaży domu kupiłem mniejszy) więc wyszedł mi zwrot z {tax_gen} (kiedy te pieniądze wrócą|kiedy zobaczę pieniądze)"),
    T("refund", "pcc_sd", "(sprzedający wycofał się z umowy|umowa kupna mieszkania upadła) a PCC już poszło (kiedy przeleją je z powrotem|kiedy mogę się spodziewać tych pieniędzy)"),
    T("refund", "excise_customs", "(sprowadziłem auto z Niemiec|kupiłem auto w Holandii) a potem (wywiozłem je|sprzedałem je) za granicę więc akcyza ma mi wrócić (kiedy przyjdzie|na jakim to jest etapie)"),
    T("refund", SLOT, "(wyjechałem do Holandii w połowie roku|od lipca mieszkam w Niemczech) i zamknąłem polskie konto (gdzie teraz trafi|na które konto pójdzie) zwrot z {tax_gen}"),
    T("refund", "pit", "(po powrocie z Anglii|odkąd wróciłem z Niemiec) rozliczenie z ulgą abolicyjną (poszło w lutym|jest wysłane od dawna) (a zwrotu nie widać|kiedy wreszcie przyjdzie zwrot)"),
    T("refund", "pit", "(od maja jestem na emeryturze|jestem emerytem od wiosny) i ZUS (pobierał|potrącał) za dużo zaliczek (kiedy mi to oddacie|kiedy ta nadpłata wróci)"),
    T("refund", SLOT, "(jestem studentem i pracowałem w wakacje|jako student dorabiałem latem) więc (zwrot z {tax_gen} mi się należy|mam dostać z powrotem cały {tax}) (kiedy wpłynie|kiedy to wyjdzie)"),
    T("refund", SLOT, "(od trzech miesięcy jestem bez pracy|zwolnili mnie w styczniu) i każdy grosz się liczy (czy zwrot z {tax_gen} już wyszedł|kiedy przyjdzie zwrot z {tax_gen})"),
    T("refund", "vat", "(otworzyłam działalność rok temu|zaczynałem firmę od dużych zakupów) i na starcie wyszła nadwyżka VAT do zwrotu (kiedy urząd przeleje|czy już zlecono przelew)"),
    T("refund", SLOT, "(zamknąłem firmę|zlikwidowałem działalność) ale (została mi nadpłata|zostały mi nadpłacone zaliczki) z {tax_gen} (kiedy to wróci|czy to już przelaliście)"),
    T("refund", "pit", "(wynajmuję mieszkanie|oddałem mieszkanie w najem) i omyłkowo zapłaciłem ryczałt podwójnie (kiedy oddacie nadwyżkę|czy zwrot tej drugiej wpłaty już poszedł)"),
    T("refund", "pit", "(odliczyłam ulgę na studiującego syna|córka się uczy i wciąż mam na nią ulgę) (kiedy będą na koncie pieniądze z tej ulgi|kiedy wpłynie zwrot za dziecko)"),
    T("refund", "pit", "(mam rehabilitację po wypadku|choruję na cukrzycę) i odliczyłem ulgę rehabilitacyjną w zeznaniu (kiedy przyjdą pieniądze|a zwrotu wciąż brak)"),
    T("refund", SLOT, "(bank zablokował mi konto|konto było zamrożone przez bank) a na nie miał (wpłynąć|przyjść) zwrot z {tax_gen} (gdzie te pieniądze|gdzie one teraz krążą)"),
    T("refund", "general", "(dostałem|przyszło) pismo o stwierdzeniu nadpłaty (kompletnie go nie rozumiem|nie wiem co znaczy) (czy to znaczy że dostanę zwrot|oddacie mi te pieniądze czy nie)"),
    T("refund", SLOT, "kiedy (wpłynie|przyjdzie) mój zwrot z {tax_gen} (bo po śmierci taty|bo po pogrzebie mamy) (wydałam wszystkie oszczędności|nie zostało nic na koncie)"),
    T("refund", SLOT, "(czy zwrot z {tax_gen} już wyszedł|czy wysłaliście już zwrot z {tax_gen}) bo (za tydzień wyjeżdżam do Norwegii|niedługo wyprowadzam się za granicę) i zamykam polskie konto"),
    T("refund", SLOT, "(czy ruszył już|czy zlecono już) zwrot z {tax_gen} (bo rozliczaliśmy się pierwszy raz jako małżeństwo|bo to nasze pierwsze wspólne zeznanie od wesela)"),
    T("refund", "pcc_sd", "(kupiłem samochód i zapłaciłem PCC|po zakupie auta zapłaciłem podatek) a okazało się że (był zwolniony|nie musiałem) (kiedy te pieniądze wrócą|czy wniosek o zwrot już rozpatrzono)"),
    T("refund", SLOT, "(kiedy zwrócicie|kiedy wreszcie oddacie) nadpłatę z {tax_gen} bo (na emeryturze|z samej emerytury) ciężko wyżyć"),
    T("refund", "enforcement", "(po rozwodzie|po rozstaniu) poborca (zajął|zabrał) pieniądze z mojego konta za długi (byłego męża|byłej żony) kiedy je odzyskam"),
    T("refund", SLOT, "(czy da się przyspieszyć|kiedy będzie) zwrot z {tax_gen} bo (jestem po operacji|czekają mnie drogie leki)"),

    # ---- agent: the story is why a human is wanted
    T("agent", "pcc_sd", "(mam bardzo zagmatwaną sprawę spadkową|chodzi o schedę po dziadku z kilkoma spadkobiercami) (tego automat nie ogarnie|nie chcę tego tłumaczyć maszynie) (proszę z kimś od spadków|połączcie mnie z człowiekiem)"),
    T("agent", "general", "(rozwodzę się|jestem w trakcie rozwodu) i (sprawa jest delikatna|to skomplikowane) (wolę omówić to z człowiekiem|chcę mówić z kimś żywym)"),
    T("agent", "general", "(wracam z emigracji po piętnastu latach|mieszkałem dwadzieścia lat w Ameryce) i (mam mnóstwo wątpliwości|nie wiem od czego zacząć) (niech mnie ktoś poprowadzi|poproszę konsultanta)"),
    T("agent", "pit", "(sprzedaję mieszkanie po rodzicach|sprzedałam dom babci) i (potrzebuję porady kogoś od pitu|proszę o pracownika od PIT-u)"),
    T("agent", "excise_customs", "(sprowadzam auto z Japonii|kupiłem motorówkę w Stanach) i (chcę pogadać z celnikiem|dajcie mi eksperta od cła) (bo to nietypowa sprawa|bo nie wiem jak się za to zabrać)"),
    T("agent", "general", "(po utracie pracy|odkąd mnie zwolnili) mam (mętlik w głowie|totalny mętlik) (wolę pogadać z człowiekiem|niech ktoś żywy mnie wysłucha)"),
    T("agent", "vat", "(rejestruję działalność|startuję z jednoosobową firmą) i (chciałbym kogoś|przydałby się ktoś) kto wytłumaczy mi VAT (od zera|krok po kroku)"),
    T("agent", "general", "(zamykam firmę po trzydziestu latach|likwiduję swój zakład) (a boję się pokręcić|więc obawiam się że coś pominę) (przełączcie do kogoś doświadczonego|poproszę specjalistę)"),
    T("agent", "general", "(po śmierci taty|po odejściu mamy) (nie mam siły na maszynę|automat mnie przerasta) (proszę o żywą osobę|połączcie mnie z kimś)"),
    T("agent", "enforcement", "(bank zablokował mi konto przez skarbówkę|zajęli mi rachunek) więc (brakuje mi na jedzenie|siedzę bez grosza przy duszy) (połączcie mnie z działem egzekucji|chcę rozmawiać z poborcą)"),
    T("agent", "general", "(przyszedł list z urzędu z którego nic nie pojmuję|dostałam wezwanie pisane po urzędowemu) (czy ktoś mi to przeczyta|potrzebuję człowieka który mi to objaśni)"),
    T("agent", "general", "(jestem po udarze|mam problemy ze wzrokiem) i (automat jest dla mnie za szybki|nie zdążam z przyciskami) (proszę natychmiast człowieka|przełączcie do pracownika)"),
    T("agent", "pit", "(wynajmuję trzy mieszkania|mam kilka lokali na wynajem) i (sprawa ryczałtu jest zawiła|w ryczałcie kompletnie się gubię) (proszę eksperta od pitu|chcę rozmawiać z kimś od PIT-u)"),
    T("agent", SLOT, "(chcę mówić z konsultantem|proszę o konsultanta) od {tax_gen} bo (przeszedłem na emeryturę|od niedawna jestem na emeryturze) i wszystko się zmieniło"),
    T("agent", SLOT, "(dajcie kogoś od {tax_gen}|proszę specjalistę od {tax_gen}) bo (córka studiuje w Danii|syn studiuje za granicą) i (nie wiem jak to rozliczyć|sprawa jest nietypowa)"),
    T("agent", SLOT, "(odkąd jesteśmy małżeństwem|od wesela) prowadzimy razem firmę (i chcę porozmawiać|muszę porozmawiać) z kimś od {tax_gen}"),

    # ---- other: how-to, the law, forms and tier I questions, told after a piece of life
    T("other", "general", "(wyszłam za mąż i zmieniłam nazwisko|mam teraz nazwisko męża) (czy muszę to zgłaszać w skarbówce|jak poinformować urząd o zmianie nazwiska)"),
    T("other", "pit", "(jesteśmy po rozwodzie od października|rozwód uprawomocnił się w listopadzie) (czy za ten rok możemy się jeszcze rozliczyć razem|czy wspólne rozliczenie nam przysługuje)"),
    T("other", "pcc_sd", "(odziedziczyłem udziały w firmie po ojcu|dostałam w spadku akcje) (co muszę wypełnić|jaki papier składam) (w urzędzie|żeby to zgłosić)", question="forms"),
    T("other", "pcc_sd", "(sprzedaję samochód|sprzedałem auto znajomemu) (czy to ja płacę podatek|kto płaci PCC kupujący czy ja)"),
    T("other", "pit", "(wyjeżdżam pracować do Emiratów|od przyszłego roku będę mieszkać w Dubaju) (gdzie będę płacić podatek|czy dalej rozliczam się w Polsce)"),
    T("other", "general", "(po latach za granicą|po powrocie z Kanady) (chciałbym przyjść do urzędu i wszystko wyjaśnić|chcę załatwić sprawy osobiście) (jak się zapisać|czy trzeba się umówić)", question="visit"),
    T("other", "general", "(jestem emerytką i popołudniami siedzę u wnuków|popołudniami chodzę na rehabilitację) (od której godziny odbieracie|o której rano rusza infolinia)", question="hours"),
    T("other", "pit", "(zaczynam pierwszą pracę od września|podpisałem pierwszy angaż) (co to jest ten PIT-2|czy mam coś wypełnić dla pracodawcy)"),
    T("other", "pit", "(straciłem pracę|firma mnie zwolniła) i (dostałem odprawę|wypłacili mi odprawę) (czy od odprawy płaci się podatek|jak ją rozliczyć)"),
    T("other", "pit", "(chcę otworzyć sklep internetowy|startuję z małą kwiaciarnią) (ryczałt czy skala|liniowy czy ryczałt) (co się bardziej opłaca|co mi doradzicie)"),
    T("other", "vat", "(zamykam jednoosobową firmę|kończę z działalnością) (co zrobić z rejestracją do VAT|czy muszę się wyrejestrować z VAT)"),
    T("other", "pit", "(chcę wynająć mieszkanie po babci|będę wynajmować kawalerkę) (jak zgłosić najem|czy muszę gdzieś zgłosić najem) (w urzędzie|w skarbówce)"),
    T("other", "pit", "(córka studiuje za granicą|syn studiuje w Holandii) (czy mogę nadal odliczać ulgę na dziecko|czy ulga na dziecko dalej mi przysługuje)"),
    T("other", "pit", "(mam orzeczenie o niepełnosprawności|mama miała udar i ją utrzymuję) (jakie wydatki mogę odliczyć|co wchodzi do ulgi rehabilitacyjnej)"),
    T("other", "enforcement", "(bank zablokował mi konto|mam zajęte konto) a (nikt mnie nie uprzedził|nic nie dostałem z urzędu) (z jakiego powodu to zrobili|jak to wyjaśnić)"),
    T("other", "general", "(dostałam pismo o wszczęciu postępowania|przyszło postanowienie z urzędu) (co to oznacza|o co w tym chodzi) (czy muszę odpowiadać|czy mam na to odpowiedzieć)"),
    T("other", "general", "(refinansuję kredyt i|biorę kredyt hipoteczny i) bank (żąda|chce) zaświadczenia że nie mam długów podatkowych (skąd je wziąć|jak je szybko dostać)", question="certificate"),
    T("other", "eus", "(wróciłem z zagranicy|po latach na emigracji wróciłem) i (żadnego kodu do infolinii nie posiadam|kodu do infolinii nigdy nie miałem) (jak go ustanowić|gdzie się go zakłada)", question="telepin"),
    T("other", "eus", "(zaczęłam pierwszą pracę|to mój pierwszy rok na etacie) (czy warto założyć konto w e-urzędzie|jaki pożytek z e-urzędu dla pracownika)", question="eus"),
    T("other", "pit", "(założyłem jednoosobową działalność|dopiero zarejestrowałam firmę) (gdzie mam przelewać zaliczki|na jaki numer idą zaliczki na podatek)", question="microaccount"),
    T("other", "general", "(po rozwodzie|po śmierci męża) (muszę złożyć sporo papierów|mam stos dokumentów do złożenia) (jak umówić się na termin w urzędzie|czy wizytę da się zarezerwować przez telefon)", question="visit"),
    T("other", "general", "(rodzice nie mają internetu|dziadkowie nie ogarniają komputera) (pod jaki numer mają dzwonić|jaki numer infolinii im podać)", question="hotline"),
    T("other", "pcc_sd", "(wujek zmarł w październiku|od śmierci dziadka minęły trzy miesiące) (do kiedy mam zgłosić spadek|w ciągu ilu miesięcy muszę zawiadomić urząd o spadku)"),
    T("other", "pcc_sd", "(kupujemy mieszkanie od dewelopera|kupiłem pierwsze mieszkanie na rynku pierwotnym) (czy płacimy PCC|czy od tego jest jakiś podatek)"),
]
