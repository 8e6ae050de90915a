"""Training templates written by other hands: writers who never saw the held-out or blind banks.

Each was written at one sitting on 2026-12-03 by a separate writer (a helper session) shown the label
definitions, the template syntax, the tax lexicon, the seed document and the training bank as it stood
(templates.py, so as to say things it does not) — never heldout_templates.py, blind_templates.py,
blind2_templates.py or the dataset files. A check told them which three words in a row a held-out or
blind bank says too and which of their templates would use up a held-out template's new words, never
the held-out wording itself; they rephrased those.

They are appended after the first writer's templates (templates.py), so the ids before them stay. Writers F
to J (2026-12-05), L and K (2026-12-06) each have a module of their own (templates_writer_f.py …
templates_writer_l.py), appended here after B and C in the order they joined.
The word guard of the first blind bank (tests/dialogue/test_nlu_dataset.py) binds the first writer
only: these writers could not carry its vocabulary over, so everyday words it happens to use too are
theirs to use.
"""

from __future__ import annotations

from dialogue.nlu.grammar import SLOT
from dialogue.nlu.grammar import Template as T
from dialogue.nlu.templates_writer_f import WRITER_F
from dialogue.nlu.templates_writer_g import WRITER_G
from dialogue.nlu.templates_writer_h import WRITER_H
from dialogue.nlu.templates_writer_i import WRITER_I
from dialogue.nlu.templates_writer_j import WRITER_J
from dialogue.nlu.templates_writer_k import WRITER_K
from dialogue.nlu.templates_writer_l import WRITER_L

# Writer B: everyday ways of saying the three account services, and, for contrast, questions of the
# queues that use the same money words (what an overpayment is offset against, what a transfer title says).
ACCOUNT_SERVICES: list[T] = [
    # ---- balance: how much / whether I owe, what stands on my account
    T("balance", SLOT, "ile (mam jeszcze niespłacone|mam nieoddane) z {tax_gen} (w waszym systemie|na dzisiejszy dzień|)"),
    T("balance", SLOT, "czy od {tax_gen} (naliczyły się|narosły) (już|) (jakieś|) odsetki (bo zapłaciłem z poślizgiem|bo zapłaciłam po czasie|)"),
    T("balance", SLOT, "czy (nasza firma|nasza spółka|firma) ma (jakieś|) zaległości (w|z) {tax_gen} (prosimy sprawdzić|chcemy mieć pewność)"),
    T("balance", "general", "(ile|jaka kwota) (się należy|należy się) (urzędowi|skarbowi państwa) (ode mnie|od nas) (na dzisiaj|na dziś|)"),
    T("balance", "general", "(u fiskusa|w urzędzie) (mam|mamy) (czystą kartę|wszystko na czysto) czy (coś zalega|są jakieś długi)"),
    T("balance", SLOT, "chyba za mało (zapłaciłem|wpłaciłam) przy (rozliczeniu|deklaracji) {tax_gen} (ile|jaka kwota) (brakuje|mi brakuje)"),
    T("balance", "general", "(czy|) (zalegam|zalegamy) (jeszcze|) z jakąś (płatnością|ratą|należnością) (wobec urzędu|wobec państwa|)"),
    T("balance", "enforcement", "(suma|kwota) (wpisana|podana) w upomnieniu (obejmuje|zawiera) (już|) (odsetki|koszty) czy (zapłacę więcej|będzie więcej)"),
    T("balance", "enforcement", "(poborca|komornik skarbowy) (ściąga|zabiera) mi (z pensji|z emerytury) ile (tego długu|z długu) zostało (do oddania|do końca)"),
    T("balance", SLOT, "(pani kochana|proszę pani|panie kochany) czy ja czegoś nie (zapłaciłam|zapłaciłem|oddałam) za {tax} (bo się boję|bo nie pamiętam)"),
    T("balance", SLOT, "(prosimy o|poproszę o) (zestawienie|wyliczenie) (naszych|) (zaległości|należności) z tytułu {tax_gen} na dzień dzisiejszy"),
    T("balance", SLOT, "czy rozliczenie {tax_gen} (wyszło|wychodzi) mi na (plus czy na minus|zero czy na minus)"),
    T("balance", "general", "(czy|) (figuruje|jest) na moim koncie (jakaś|) nadpłata (a jeśli tak to ile|i jak duża)"),
    T("balance", SLOT, "(ile|jak dużo) (się uzbierało|narosło) odsetek od (zaległego|niezapłaconego) {tax_gen} (do dziś|do dzisiaj|)"),
    T("balance", "general", "(chcę|chciałbym) wiedzieć czy (mam|mamy) (jakieś|) nieopłacone (raty|należności|rachunki) w skarbówce"),
    T("balance", SLOT, "(spłaciłem|pospłacałam) (już|) całość (z|) {tax_gen} czy (zostało mi|pozostało) (coś|cokolwiek) do (oddania|dopłacenia)"),
    T("balance", "general", "(chcę|chciałabym) (sprawdzić|wiedzieć na pewno) czy (urzędowi|państwu) nie jestem nic (winna|winny|dłużna)"),

    # ---- payments: I paid, did it arrive / how was it booked
    T("payments", SLOT, "(zleciłem|zleciłam) przelew (za|na) {tax} (w aplikacji|przez bankowość) (czy został przyjęty|czy do was trafił)"),
    T("payments", SLOT, "pieniądze (za|na) {tax} (zeszły mi|już zeszły) z konta (czy urząd je dostał|czy je zaksięgowano)"),
    T("payments", SLOT, "pod jaką datą (księgujecie|zapisaliście) (mój przelew|moje pieniądze) (za|na) {tax} (bo to ważne dla odsetek|)"),
    T("payments", SLOT, "(płacę|płaciłem|płacimy) (zaliczki|raty) (na|za) {tax} co miesiąc czy wszystkie (trafiły do was|widać w systemie|są zaksięgowane)"),
    T("payments", "general", "(zapłaciłam|zapłaciłem) gotówką (na poczcie|w placówce banku) (i pytam|chciałbym spytać) czy (urząd je dostał|wpłata jest odnotowana)"),
    T("payments", SLOT, "czy (moja|nasza) (zapłata|płatność) (za|na) {tax} (zdążyła|dotarła) (przed terminem|na czas)"),
    T("payments", SLOT, "(przelałem|wysłałam) (podatek|pieniądze) (za|na) {tax} na (rachunek|konto) (sprzed zmiany|którego już nie ma|starego urzędu) (czy to doszło|czy to przepadło)"),
    T("payments", "general", "(bank|aplikacja banku) (pokazuje|potwierdza) (wykonanie przelewu|przelew jako wykonany) (czy dotarł do urzędu|czy urząd go już ma|czy już go macie)"),
    T("payments", SLOT, "(jako|jestem) (księgowy|księgowa) (firmy|spółki) (sprawdzam|chcę potwierdzić) czy (zaliczki|przelewy|raty) (na|za) {tax} (zostały odnotowane|dotarły)", act="representative"),
    T("payments", "enforcement", "(dałem|dałam|wręczyłem) poborcy (gotówkę|pieniądze) (do ręki|w domu) czy to (jest już zapisane|zostało wpisane) (na moim koncie|u was)"),
    T("payments", SLOT, "(zrobiłem|zrobiłam) (dwa przelewy|przelew dwa razy) (za|na) {tax} (przez pomyłkę|) czy oba (doszły|wpłynęły)"),
    T("payments", "general", "(czy|) (ta|moja) wpłata z (piątku|przedwczoraj|początku miesiąca) (jest już|została) (zarejestrowana|przyjęta) (przez urząd|w urzędzie)"),
    T("payments", SLOT, "(kiedy|którego dnia) (dostaliście|otrzymaliście) (przelew|środki) (ode mnie|z mojego konta) (za|na) {tax}"),
    T("payments", "general", "(czy|) (przypisaliście|zaliczyliście) (moją wpłatę|mój przelew) do (właściwego|dobrego) (okresu|miesiąca|podatku)"),
    T("payments", SLOT, "(wnuczek|syn) przelał za mnie (pieniądze|kasę) (na|za) {tax} przez (telefon|internet) czy (to|wszystko) doszło"),

    # ---- refund: when / whether money comes back to me, why late or smaller
    T("refund", SLOT, "(kiedy|czy wreszcie) (wrócą do mnie|wrócą do nas) (moje pieniądze|nadpłacone środki) z {tax_gen}"),
    T("refund", SLOT, "należą mi się pieniądze z {tax_gen} (a kiedy|tylko kiedy) (je dostanę|je zobaczę na koncie)"),
    T("refund", SLOT, "(czemu|dlaczego) (zwrot|przelew ze zwrotu) (z|) {tax_gen} (przyszedł okrojony|jest uszczuplony|jest o parę stówek chudszy) (w porównaniu z zeznaniem|w stosunku do zeznania)"),
    T("refund", SLOT, "dlaczego (dostałem|przyszło) mniej (pieniędzy|) ze zwrotu (z|) {tax_gen} (czy coś potrąciliście|czy coś zabraliście)"),
    T("refund", SLOT, "(czekam na|wypatruję) (listonosza|przekazu pocztowego) (ze zwrotem|z pieniędzmi) z {tax_gen} (kiedy przyjdzie|ile mam jeszcze czekać)"),
    T("refund", SLOT, "(co|czy coś) (blokuje|wstrzymuje|zatrzymało) (mój|) zwrot (z|) {tax_gen} (że go dalej nie ma|bo go dalej nie widzę)"),
    T("refund", "general", "(proszę pani|panie kochany) (ja|) (wyczekuję|wypatruję) (tych pieniędzy|tych złotówek) (z urzędu|od was) (co to miały przyjść|obiecanych) (kiedy one przyjdą|kiedy wreszcie będą)"),
    T("refund", "vat", "(nasza spółka|firma) (wnioskowała o|złożyła wniosek o) zwrot (różnicy|nadwyżki) (podatku VAT|VAT-u) kiedy (pieniądze|środki) (wpłyną|trafią) na rachunek firmowy"),
    T("refund", SLOT, "(którego dnia|kiedy mniej więcej) (urząd odeśle|skarbówka odeśle) (mi|) (nadwyżkę|nadpłatę) z {tax_gen}"),
    T("refund", "enforcement", "(zajęliście|ściągnęliście) (mi|) z konta (więcej|dwa razy więcej) niż (byłem winien|wynosił dług) (kiedy|czy) (oddacie|zwrócicie) (różnicę|resztę|nadwyżkę)"),
    T("refund", SLOT, "(czy|) (zobaczę|ujrzę) (jeszcze|kiedykolwiek) (moje|swoje) pieniądze z {tax_gen} (czy mam już nie czekać|czy machnąć ręką)"),
    T("refund", "general", "(podałem|podałam) (nowy|inny) numer konta (do zwrotu|) (czy zwrot pójdzie już na niego|czy pieniądze przyjdą na nowe konto)"),
    T("refund", "pit", "(mam dostać|miałem dostać|miałam dostać) (zwrot|pieniądze) za (ulgę na dzieci|ulgę prorodzinną|internet) (kiedy to przyjdzie|kiedy to przelejecie|a dalej nic)"),
    T("refund", SLOT, "(dzwonię|pytam) w imieniu {who} kiedy (przyjdzie|wpłynie) (zwrot|nadpłata) z {tax_gen}", act="representative"),
    T("refund", "general", "(urząd wydał|mam w ręku) decyzję o zwrocie (a|ale) (pieniądze nie wpłynęły|przelewu nie widzę) (do tej pory|dotąd)"),

    # ---- other: the same money words in a tax-law or procedure question
    T("other", SLOT, "(czy|jak) nadpłatę z {tax_gen} (można|da się) (zaliczyć|przeznaczyć) na (przyszłe zaliczki|inny podatek|następny rok)"),
    T("other", "general", "(czy|) urząd (sam|z urzędu|automatycznie) (zalicza|przeksięgowuje) nadpłatę na (zaległości|inne długi) (jak to działa|zgodnie z przepisami|)"),
    T("other", SLOT, "czy przy (spóźnionej wpłacie|opóźnionej płatności|spóźnionym przelewie) (za|na) {tax} (zawsze|z zasady) (nalicza się|są naliczane) odsetki"),
    T("other", "general", "(czy to prawda że|czy) (drobnych|niewielkich) odsetek (urząd nie ściąga|się nie płaci) (do ośmiu złotych|poniżej pewnej kwoty)"),
    T("other", "general", "(jak|jak mam) (poprawić|sprostować|zmienić) (źle wpisany|błędny) (tytuł|opis) przelewu (do urzędu|do skarbówki|)"),
    T("other", SLOT, "jak (przeksięgować|przenieść) wpłatę z {tax_gen} na (inny podatek|właściwy okres) (co należy zrobić|jak to się robi)"),
    T("other", SLOT, "do (którego|jakiego) dnia (trzeba|należy) (zapłacić|opłacić|wpłacić) {tax} (żeby nie było odsetek|bez odsetek|)"),
    T("other", SLOT, "jaka jest (obecnie|teraz|) stawka odsetek (obowiązująca|stosowana) przy (zaległościach|długach) z {tax_gen} (tak ogólnie pytam|ogólnie nie o moje konto)"),
    T("other", "general", "(czy|) (można|da się) zapłacić podatek (kartą|blikiem|gotówką) (w urzędzie|w kasie urzędu|przez aplikację)"),
    T("other", "general", "(czy|jak) (mogę|można) zapłacić podatek za (kogoś|mamę|męża) (z mojego konta|ze swojego rachunku)"),
    T("other", SLOT, "(czy|) zwrot z {tax_gen} (trzeba|muszę) (wykazać w zeznaniu|doliczyć do dochodu) (w następnym roku|)"),
    T("other", SLOT, "(jak|gdzie) (złożyć|napisać) wniosek o stwierdzenie nadpłaty (w|z) {tax_gen} (po korekcie|przy korekcie)", question="forms"),
    T("other", "enforcement", "(ile|jaka część) (pensji|emerytury|wypłaty) (wolno zająć|wolno zabrać) (poborcy skarbowemu|urzędowi skarbowemu|w egzekucji) (według przepisów|)"),
    T("other", "enforcement", "(czy|) (koszty upomnienia|opłatę za upomnienie) (płaci się|trzeba płacić) (zawsze|nawet wtedy) gdy (wpłata|zapłata) (była|przyszła) (dzień|tydzień) po terminie"),
    T("other", SLOT, "(czy|) (trzeba|muszę) (wpłacać|płacić) zaliczki (na|za) {tax} (co miesiąc|kwartalnie) (czy raz w roku|czy można raz na rok)"),
    T("other", "general", "(czy|po ilu latach) nadpłata (przepada|się przedawnia) (jeśli|jak) (nikt się po nią nie zgłosi|się jej nie odbierze)"),
    T("other", "general", "(jakim drukiem|na jakim druku) (zgłasza się|zgłosić) (zmianę|nowy numer) (konta do zwrotów|rachunku do zwrotu podatku)", question="forms"),
    T("other", SLOT, "(czy|) (płacąc|wpłacając) {tax} (trzeba|muszę) (podawać|wpisywać) (okres|symbol formularza) w tytule przelewu"),
    T("other", "vat", "(jak wygląda procedura zwrotu|jak się ubiegać o zwrot) VAT-u (zapłaconego|płaconego) (za granicą|w innym kraju unii)"),
    T("other", "pcc_sd", "(czy|kiedy) (można|mogę) (dostać|odzyskać) z powrotem (PCC|podatek od kupna) (gdy|jeśli) umowa (została rozwiązana|nie doszła do skutku)"),
]

# Writer C: asking for a person, a matter of each of the eight queues told in a caller's words, the
# tier I questions, speaking for someone else, refusing to give numbers, correcting the bot.
ROUTING: list[T] = [
    # ---- agent: asking for a human (impatient, polite, elderly, with a tax)
    T("agent", "general", "(no dobra|dość tego|dobra już) (wołajcie|sprowadźcie) (jakąś panią|prawdziwego pracownika) (bo zaraz się wścieknę|bo nerwy mi puszczają|)"),
    T("agent", "general", "(pani kochana|proszę pani) ja (jestem już starsza|mam osiemdziesiąt lat|słabo słyszę) (niech mnie pani z kimś połączy|wolałabym z kimś pogadać)"),
    T("agent", "general", "(byłbym wdzięczny|byłabym wdzięczna) za (przełączenie|przekierowanie) rozmowy do (któregoś z pracowników|osoby z obsługi|doradcy)"),
    T("agent", "general", "(ile można|ja już nie mam siły) (gadać z komputerem|słuchać tej maszyny) (dajcie mi wreszcie człowieka|niech w końcu ktoś podejdzie do telefonu)"),
    T("agent", "general", "(czy|) (mogę|można) (prosić|poprosić) kogoś (do telefonu|na linię) (z pracowników|z obsługi|)"),
    T("agent", "general", "(czekam|mogę poczekać) (ile trzeba|nawet pół godziny) (byle tylko|aby tylko) (ktoś odebrał|porozmawiać z kimś)"),
    T("agent", "general", "ja (nie radzę sobie z|nie potrafię rozmawiać z) (tym automatem|maszynami|komputerem) (potrzebuję pomocy żywego człowieka|poproszę jakiegoś pracownika do rozmowy)"),
    T("agent", "general", "szkoda mi czasu na (to menu|te pytania|wciskanie klawiszy) (proszę o|dajcie) (żywą osobę|prawdziwego pracownika)"),
    T("agent", SLOT, "(przydałby mi się ktoś|chętnie pogadam z kimś) (kto się zna|kto jest mocny) (w temacie|w sprawach) {tax_gen}"),
    T("agent", SLOT, "(proszę|prosiłbym) żeby ktoś (od|z działu) {tax_gen} (do mnie oddzwonił|się ze mną skontaktował)"),
    T("agent", SLOT, "(uprzejmie proszę|bardzo proszę) o przełączenie do osoby (prowadzącej sprawy|odpowiedzialnej za sprawy) {tax_gen}"),

    # ---- other: matters for a queue, told in a caller's words
    # pit
    T("other", "pit", "(syn|wnuk) (jest studentem|uczy się na uczelni) i (ma wakacyjną pracę|zarabia w weekendy) czy (wciąż mogę go odliczać|mam jeszcze ulgę na niego)"),
    T("other", "pit", "(jestem od maja|od lipca jestem) (emerytem|emerytką|rencistą) i (nie wiem|pytam) czy (muszę coś składać|składam zeznanie samodzielnie|zus mnie rozliczy)"),
    T("other", "pit", "(sprzedałem|zamieniłem|sprzedałam) (bitcoiny|kryptowaluty|kryptowalutę) na złotówki (jak to ująć|czy płacę od tego podatek|gdzie to wpisać w zeznaniu)"),
    # vat
    T("other", "vat", "(otworzyłem|otworzyłam) (warsztat|sklepik|zakład fryzjerski) (i|a) (klienci chcą|klient chce) faktury z vatem (czy muszę się rejestrować|co mam zrobić)"),
    T("other", "vat", "(kupiłem|zamówiłem) (oprogramowanie|reklamę|usługę) od (firmy z Irlandii|zagranicznej firmy) (jak rozliczyć import usług|czy muszę sam naliczyć podatek)"),
    T("other", "vat", "(wystawiłem|wystawiłam) fakturę (ze złą stawką|z błędną stawką podatku|na złego nabywcę) (jak to naprawić|co z tym zrobić)"),
    # cit
    T("other", "cit", "(dopiero co|niedawno) (powstała|wystartowała) nasza (spółka z o o|spółka akcyjna) (od którego miesiąca|od kiedy) (wpłacamy|odprowadzamy) zaliczki na podatek"),
    T("other", "cit", "(nasza spółka|spółka której jestem prezesem) (zapłaciła|płaci) (licencję|odsetki) (firmie z Cypru|kontrahentowi za granicą) (czy pobrać podatek u źródła|co z podatkiem u źródła)"),
    T("other", "cit", "(spółka|nasza spółka) (przez cały rok nie miała|nie wypracowała) (żadnych przychodów|zysku) (czy i tak składamy zeznanie|czy trzeba coś wysyłać)"),
    # pcc_sd
    T("other", "pcc_sd", "(teściowie|ciocia|chrzestna) (dołożyli|dołożyła) nam (sporą sumę|kasę) na (wkład własny|wesele|budowę domu) (czy to trzeba gdzieś zgłaszać|czy fiskus coś z tego chce)"),
    T("other", "pcc_sd", "(dzielimy|robimy dział) (majątek po rodzicach|spadek) z (rodzeństwem|siostrą) i (brat mnie spłaca|spłacam brata) (czy jest od tego podatek|co z opłatami w urzędzie)"),
    T("other", "pcc_sd", "(ustanowiliśmy|podpisaliśmy) (hipotekę|służebność) (u notariusza|na działce) (czy notariusz pobrał podatek|czy mamy coś zapłacić sami)"),
    # excise_customs
    T("other", "excise_customs", "(ściągnąłem|sprowadzam) (pojazd|wóz) (zza oceanu|z Kanady|z Japonii) (statkiem|w kontenerze) (jakie opłaty czekają mnie w porcie|co trzeba zapłacić na granicy)"),
    T("other", "excise_customs", "(produkuję|robię) (nalewki|piwo rzemieślnicze|wino z własnych winogron) (na sprzedaż|dla klientów) (czy muszę płacić od tego|jakie mam obowiązki wobec urzędu)"),
    T("other", "excise_customs", "(kurier|listonosz) (chce|każe) (dopłaty|opłaty) za przesyłkę (z Aliexpress|z Temu|ze Szwajcarii) (za co to|skąd ta opłata)"),
    # enforcement
    T("other", "enforcement", "(skarbówka|urząd) (ściąga mi|potrąca mi) (z renty|z emerytury|z wypłaty) (a zostaje mi za mało na życie|ile mogą zabrać)"),
    T("other", "enforcement", "(zajęli|zabrali) mi (samochód|maszyny) (za długi podatkowe|na poczet zaległości) (jak odebrać swoje rzeczy|czy można się odwołać)"),
    T("other", "enforcement", "(mąż|wspólnik) (ma długi w skarbówce|nie płacił podatków) a (zajęli|blokują) (moje konto|nasze wspólne konto) (czy mogą tak|co robić)"),
    # eus
    T("other", "eus", "(w e-urzędzie|na moim koncie w e-urzędzie) (wyświetlają się|widzę) (cudze dane|nie moje dane|stary adres) (co z tym zrobić|jak to poprawić)"),
    T("other", "eus", "(wysłałem|wysłałam) (pismo|wniosek) przez e-urząd (a|ale) (upo nie przyszło|żadne potwierdzenie nie wróciło) (czy mam wysłać ponownie|skąd mam wiedzieć że dotarło)"),
    T("other", "eus", "(kaspro|asystent w e-urzędzie) (odpowiada bez sensu|milczy|zawiesza się) (co mam zrobić|gdzie to zgłosić)"),
    # general
    T("other", "general", "(nazywam się teraz inaczej|mam nowe nazwisko) (bo wyszłam za mąż|po rozwodzie) (czy mam to zgłaszać fiskusowi|trzeba to gdzieś zaktualizować)"),
    T("other", "general", "(dostałem|przyszedł mi) (list polecony|pismo) (i|a) (nie rozumiem o co w nim chodzi|nie wiem co mam z tym zrobić)"),
    T("other", "general", "(czy|) (mogę|da się) (dostać|załatwić) (kopię|odpis) (mojego zeznania|decyzji|starych deklaracji) (z ubiegłych lat|sprzed paru lat)"),

    # ---- tier I general questions
    T("other", "general", "(dziś|jutro) (do późna|do wieczora) (pracujecie|macie dyżur) (czy krócej|czy tylko do południa)", question="hours"),
    T("other", "general", "(czy|) (w przerwie obiadowej|wieczorem|przed ósmą) (ktoś jest|mogę kogoś złapać) na linii", question="hours"),
    T("other", "eus", "(chcę|chciałbym) (ustanowić|mieć) (ten kod|ten szyfr) (na potrzeby|dla) (rozmów telefonicznych z wami|infolinii) (co muszę kliknąć|od czego zacząć)", question="telepin"),
    T("other", "eus", "(ktoś niepowołany|ktoś z rodziny) (podejrzał|poznał) mój telepin (jak go|czy mogę go) (wyłączyć|zablokować|wymienić)", question="telepin"),
    T("other", "general", "(bank|kontrahent|gmina) (żąda|chce) (ode mnie|) (potwierdzenia|dokumentu) (że jestem rozliczony|że wszystko mam opłacone) z (fiskusem|urzędem) (skąd to wziąć|jak to załatwić)", question="certificate"),
    T("other", "general", "(ile dni|jak długo) (trwa|zajmuje) (wydanie|wystawienie) zaświadczenia o niezaleganiu (i czy coś się płaci|i czy to darmowe)", question="certificate"),
    T("other", "general", "(muszę|chciałbym) (osobiście|na miejscu) (podpisać|oddać) (dokumenty|papiery) w urzędzie (jak dostać termin|jak zarezerwować godzinę)", question="visit"),
    T("other", "general", "(na kiedy|czy w najbliższych dniach) (są|będą) (wolne terminy|miejsca) (w okienku|na sali obsługi|w urzędzie)", question="visit"),
    T("other", "eus", "(dzieci|zięć) (namawiają|namawia) mnie na konto w e-urzędzie (tylko nie wiem z czym to się je|jak się tam zarejestrować)", question="eus"),
    T("other", "eus", "(słyszałem|czytałam) o (jakimś|tym) kaspro (jaka to usługa|do czego to służy|po co to jest)", question="eus"),
    T("other", SLOT, "(na jakim papierze|jakim drukiem|w jakim formularzu) (rozliczam|zgłaszam) {tax} (i komu to zanieść|i gdzie to oddać|)", question="forms"),
    T("other", "general", "(potrzebuję|chcę mieć) (druk|blankiet) (wniosku|zgłoszenia) na papierze (do wypełnienia długopisem|żeby wypełnić ręcznie) (gdzie go dostanę|czy jest do ściągnięcia)", question="forms"),
    T("other", "general", "(przebywam za granicą|mam zagraniczną kartę sim) (jak|którędy) się z wami (skontaktować telefonicznie|połączyć) (jaki jest numer kierunkowy|podajcie pełny numer)", question="hotline"),
    T("other", "general", "(proszę podyktować|proszę podać) (wasz numer|bezpośredni kontakt) (telefoniczny|) (bo chcę oddzwonić później|żebym go zapisał)", question="hotline"),
    T("other", "general", "(mam|chcę) (zapłacić|uregulować) (zaliczkę|ratę) (a nie wiem|i nie wiem) (gdzie to przelać|jaki rachunek wpisać)", question="microaccount"),
    T("other", "general", "(gdzie|jak) (sprawdzę|ustalę) (ten swój|swój) (osobny|własny) numer (rachunku|konta) (do płacenia podatków|do przelewów do skarbówki)", question="microaccount"),

    # ---- representatives
    T("other", "general", "(mówi|tu) (księgowa|pracownica biura|doradca podatkowy) (mam upoważnienie|prowadzę sprawy) (kilku klientów|paru firm|tej firmy)", act="representative"),
    T("other", "general", "(tu|mówi) (prezes|prokurent|wiceprezes) (spółki|naszej firmy) (mam parę kwestii|w sprawach spółki)", act="representative"),
    T("other", "general", "(dzwonię|mówię) (za|w imieniu) (ojca|teściowej|schorowanej mamy) bo (nie daje rady|jest w szpitalu|ma problemy ze słuchem)", act="representative"),
    T("balance", SLOT, "(z upoważnienia|w zastępstwie) {who} (pytam|sprawdzam) ile (jest|zostało) do zapłaty z tytułu {tax_gen}", act="representative"),
    T("refund", "general", "(kiedy|czy już) (przelejecie|wypłacicie) zwrot (dla|na rzecz) {who}", act="representative"),
    T("payments", "general", "(zleciłem|zleciłam) przelew z (konta|rachunku) {who} (czy już go widać|czy trafił do urzędu|czy jest zaksięgowany)", act="representative"),
    T("other", SLOT, "(prowadzę|ogarniam) (sprawy|papiery) {who} i mam pytanie (w kwestii|na temat) {tax_gen}", act="representative"),

    # ---- refusals
    T("other", "general", "(odmawiam|nie chcę) (przekazywania|podawania) (cyfr|danych) (komputerowi|robotowi) (to nie jest bezpieczne|bo to może być oszustwo)", act="refuse"),
    T("other", "general", "(skąd|a skąd) mam wiedzieć (że to naprawdę urząd|że nie jesteście oszustami) (nic wam nie powiem|żadnych danych nie dostaniecie)", act="refuse"),
    T("agent", "general", "żadnych (danych|numerów) nie (podam|dyktuję) (niech mnie pani połączy z kimś|dajcie kogoś na żywo)", act="refuse"),
    T("balance", "general", "(nie mam|nie zakładałem) żadnego kodu i (zakładać go nie zamierzam|szkoda mi na to czasu) (powiedzcie mi|chcę wiedzieć) czy (zalegam z czymś|mam jakiś dług)", act="refuse"),
    T("refund", SLOT, "(peselu|swoich numerów) (nie podaję|nie dyktuję) przez telefon (ale|) (pytam|chcę wiedzieć) kiedy (wróci|przyjdzie) (nadpłata|zwrot) (z|za) {tax_gen}", act="refuse"),

    # ---- corrections
    T("other", SLOT, "(pomyliłem się|przejęzyczyłam się|źle powiedziałem) (sprawa dotyczy|pytanie jest w sprawie) {tax_gen}", act="correction"),
    T("other", SLOT, "(zaraz zaraz|chwila moment|stop) (to nie ten podatek|nie ten temat) (pytam o|chodzi mi o) {tax}", act="correction"),
    T("refund", "general", "(przecież|ale ja) nie pytałem ile (jestem winien|mam długu) tylko kiedy (oddacie mi pieniądze|wróci moja nadpłata)", act="correction"),
    T("balance", "general", "(pomyłka|zła odpowiedź) (nie obchodzi mnie|nie interesuje mnie) (przelew|żadna wpłata) (chcę znać|pytam o) (kwotę długu|sumę zaległości)", act="correction"),
    T("payments", "general", "(to nie tak|źle to pan zrozumiał) ja (nic nie dostaję z powrotem|na nic nie czekam) tylko (sprawdzam czy doszła moja zapłata|pytam czy moja wpłata jest już u was)", act="correction"),
    T("agent", "general", "(nie|nie o to) (żadnego pytania nie mam|ja nie dzwonię z pytaniem) (po prostu|ja tylko) (przekażcie mnie dalej|niech odbierze ktoś z biura)", act="correction"),
]

OTHER_HANDS: list[T] = (ACCOUNT_SERVICES + ROUTING + WRITER_F + WRITER_G + WRITER_H + WRITER_I + WRITER_J
                         + WRITER_L + WRITER_K)
