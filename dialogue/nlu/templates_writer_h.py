"""Training templates by writer H (a helper session, 2026-12-05), in the training bank since the same day.

110 templates (836 realisations, at most 12 each): 82 "other" templates: 57 matters of the eight queues (6-9 per queue,
told as callers' stories: a sold studio flat, building work in Scandinavia, a teenager's streaming income,
a wedding and a joint return, royalties in officialese, an EU VAT number for a programmer, turnover passing
the VAT limit, intra-EU purchases, a "słup" invoice, a company's June year-end, a subsidiary's dividend, a
CFC in Cyprus, liquidation, a farm given by a mother-in-law, a loan on a slip of paper, a bank holding an
inherited deposit, a six-month deadline missed, an auction car shipped from Canada, a distillery, a camper
van, diesel in a jerrycan, an export to Britain, a salary seizure learnt from HR, an old debt's limitation,
goods listed by the bailiff, a complaint about a bailiff, a tax auction, a new phone paired to e-US, a
confusing letter, a missed reply deadline, a notice slip, an emigrant coming home, identity theft, "czynny
żal") and 25 tier I questions (hours 3, telepin 3, certificate 3, visit 3, eus 4, forms 4,
hotline 2, microaccount 3); and 28 with acts: 9 refusals (with and without a matter), 10 representatives
(a son for a father after a stroke, an accounting office, a payroll clerk, a housing cooperative, a
brother abroad, a foundation's treasurer, a carer), 9 corrections. Registers: elderly, teenage,
business, officialese, a foreigner's simple Polish ("ja kupić auto od Polaka").

Written at one sitting on 2026-12-05 by writer H, a helper session. Shown: the label definitions
(dialogue/nlu_types.py, contracts/queues.py), the template syntax (grammar.py), the lexicon, the seed
document, the mission glossary, the training bank (templates.py, templates_other_hands.py) and the drafts
of writers E, F and G, so as to say what they do not. Never shown: heldout_templates.py,
dev2_templates.py, the blind banks, the dataset files, docs/nlu.md or the tests.

Four wordings changed after the sitting (by the lead, before any model read the draft): with the drafts of
writers E, F and G, "tysięcy" and "pożyczył" used up a dev2 template's only new words (the test over all
drafts together), so those three templates say "kafli", "sporą sumę", "wziął pożyczkę", "dał mi … jako
pożyczkę"; and with writer E's "zarząd", "na stronie" did the same, so Kaspro is "coś w przeglądarce".

The check (python -m eval.nlu_draft_check) ran seven times: the first three came back NOT CLEAN and caused 63
rewordings (49, 12, 2: shared word trigrams with a protected bank or its used-up words); it flagged no
phrase the training bank already says. Besides these I made about 25 edits of my own (cutting templates
to at most 12 realisations, fixing grammar: gender agreement, "w likwidację"). Final result: CLEAN.
"""

from __future__ import annotations

from dialogue.nlu.grammar import SLOT
from dialogue.nlu.grammar import Template as T

WRITER_H: list[T] = [
    # ---- other: matters for a queue's consultant, told in the callers' own words
    # pit
    T("other", "pit", "(pozbyłem się|sprzedałem) kawalerki (kupionej trzy lata temu|odziedziczonej po ciotce) i szwagier upiera się że fiskus weźmie daninę (czy to prawda|ile by to wyszło)"),
    T("other", "pit", "od (października|wiosny) jeżdżę na budowy do (Szwecji|Norwegii) a rodzina została w kraju (czy tutaj również płacę|gdzie mam płacić podatek)"),
    T("other", "pit", "(mam siedemnaście lat|chodzę do liceum) i zarabiam na (streamach|montowaniu filmików) (czy to się opodatkowuje|jak to jest z podatkiem)"),
    T("other", "pit", "(spłacam|opłacam) (kredyt na mieszkanie|składki na IKZE) czy (wolno to odjąć|można to odpisać) od dochodu"),
    T("other", "pit", "w związku z (uzyskaniem|otrzymaniem) tantiem (z praw autorskich|za utwory) proszę o wskazanie (sposobu opodatkowania|kosztów uzyskania przychodu)"),
    T("other", "pit", "(jesienią|w październiku) wzięliśmy ślub czy (za ten rok|już teraz) możemy się rozliczyć we dwoje"),
    T("other", "pit", "ja (jestem z Ukrainy|przyjechałem z Gruzji) i pracuję w Polsce (pierwszy rok|od roku) jak ja (mam zrobić|robię) rozliczenie"),
    T("other", "pit", "(pracodawca wpisał|w firmie wpisali) (złe kwoty|zły przychód) w informacji od zakładu pracy (czekać na poprawioną|co mam teraz zrobić)"),
    # vat
    T("other", "vat", "(otworzyłem|rejestruję) firmę programistyczną i zleceniodawca z (Niemiec|Austrii) prosi o mój unijny numer (gdzie się o niego starać|skąd taki numer)"),
    T("other", "vat", "obroty (mi rosną|skoczyły w górę) i (we wrześniu|pod koniec roku) przebiję dwieście tysięcy od kiedy (doliczam podatek do cen|muszę doliczać podatek)"),
    T("other", "vat", "(zamawiam|sprowadzam) (części|materiały) u hurtownika z (Litwy|Łotwy) jak ująć takie nabycie wewnątrzwspólnotowe"),
    T("other", "vat", "(zawieszam|wieszam) działalność na (zimę|pół roku) czy przez ten czas (dalej wysyłam|nadal muszę słać) jpk co miesiąc"),
    T("other", "vat", "(wynajmuję|oddaję w najem) lokal (pod sklep|innej firmie) czy do czynszu (doliczam|mam doliczać) dwadzieścia trzy procent"),
    T("other", "vat", "urząd (zakwestionował|podważa) mi odliczenie z faktur od firmy która (zniknęła|okazała się słupem) (co teraz|czy mam jakąś obronę)"),
    T("other", "vat", "(uprzejmie pytam|proszę o wyjaśnienie) czy montaż (fotowoltaiki|pompy ciepła) w domu (korzysta|może korzystać) z obniżonej stawki"),
    # cit
    T("other", "cit", "(w spółce|u nas) rok podatkowy (trwa do|zamyka się z końcem) czerwca w jakim terminie (spółka rozlicza|musimy rozliczyć) dochód"),
    T("other", "cit", "spółka (dostała|otrzymała) dywidendę od (spółki zależnej|spółki córki w Holandii) czy (jest z niej zwolniona|musi od niej płacić)"),
    T("other", "cit", "(spółka kupiła|kupiliśmy) auto osobowe do floty (za grubo ponad limit|za ponad dwieście kafli) jaką część odpisów (wolno|można) wrzucić w koszty"),
    T("other", "cit", "spółka (ma|odkupiła) udziały w firmie (na Cyprze|na Malcie) czy (musimy|trzeba) ją wykazać jako zagraniczną spółkę kontrolowaną"),
    T("other", "cit", "spółka (przechodzi|właśnie weszła) w likwidację (jakie rozliczenie|jakie zeznanie) (składa się|składamy) na dzień zamknięcia"),
    T("other", "cit", "(prezes|wspólnik) wziął pożyczkę od (własnej spółki|swojej spółki) czy przy estońskim to (ukryty zysk|ukryta wypłata zysku)"),
    T("other", "cit", "przychody spółki za (ubiegły|zeszły) rok (nie przekroczyły|były poniżej) dwóch milionów euro czy (łapiemy się|kwalifikujemy się) na niższą stawkę"),
    # pcc_sd
    T("other", "pcc_sd", "teściowa przepisała na (nas|mnie) (gospodarstwo|ziemię rolną) (czy płaci się za to daninę|czy fiskus coś na tym zarobi)"),
    T("other", "pcc_sd", "(kuzyn|znajomy) dał mi na remont (sporą sumę|dwadzieścia kafli) jako pożyczkę i (spisaliśmy umowę na kartce|mamy umowę na piśmie) czy (taką pożyczkę gdzieś się zgłasza|urząd trzeba powiadamiać)"),
    T("other", "pcc_sd", "wuj zapisał mi (lokatę|oszczędności z banku) a bank (nie wypłaci|wstrzymuje wypłatę) bez zaświadczenia z urzędu (co mam złożyć|o co wystąpić)"),
    T("other", "pcc_sd", "minęło (pół roku|ponad sześć miesięcy) od śmierci taty a nikt (nie zgłosił spadku|nic nie zgłosił) czy (przepadło zwolnienie|jest już za późno)"),
    T("other", "pcc_sd", "ja (kupić|kupiłem) auto od (Polaka|sąsiada) mam umowę (gdzie ja płacę podatek|czy ja płacić podatek)"),
    T("other", "pcc_sd", "dziadkowie (sfinansowali|opłacili) mi kawalerkę wpłacając pieniądze prosto (deweloperowi|sprzedającemu) czy to (liczy się jako darowizna|podpada pod darowiznę)"),
    T("other", "pcc_sd", "(partner|konkubent) (podarował|przekazał) mi udział w domu a nie mamy ślubu (ile od tego zapłacę|jak wysoki będzie podatek)"),
    # excise_customs
    T("other", "excise_customs", "wylicytowałem samochód na aukcji w (Kanadzie|Stanach) i przypłynie do (Gdyni|Bremerhaven) (gdzie go odprawić|jak wygląda odprawa)"),
    T("other", "excise_customs", "na (lotnisku|granicy) zabrali mi (papierosy|wódkę) ponad limit (co mi teraz grozi|czy dostanę karę)"),
    T("other", "excise_customs", "(zakładam|chcę otworzyć) małą gorzelnię co muszę (załatwić|uzgodnić) z (urzędem celnym|celnikami)"),
    T("other", "excise_customs", "(sprowadzam|przywożę) (kampera|przyczepę kempingową) z Włoch czy taki pojazd (również podlega|podlega) akcyzie"),
    T("other", "excise_customs", "(ile litrów ropy|ile paliwa) w kanistrze (wolno wwieźć|mogę mieć) przy wjeździe z (Ukrainy|Białorusi)"),
    T("other", "excise_customs", "(kupiłem|zamówiłem) zegarek ze (Szwajcarii|Stanów) dla żony (jak policzycie|ile wyniosą) opłaty przy odbiorze"),
    T("other", "excise_customs", "chcemy (wysyłać|eksportować) meble do klientów (w Wielkiej Brytanii|poza Unią) od czego zacząć z (formalnościami celnymi|dokumentami celnymi)"),
    # enforcement
    T("other", "enforcement", "w kadrach (usłyszałem|mi powiedzieli) że do firmy przyszło pismo żeby mi (potrącać|obcinać) z pensji (nic z tego nie rozumiem|o co tu chodzi)"),
    T("other", "enforcement", "dług (sprzed dziesięciu lat|z dawnej firmy) (czy on się już przedawnił|czy mogą go jeszcze ściągać)"),
    T("other", "enforcement", "(poborca spisał|urzędnik z egzekucji spisał) telewizor i meble a to (należy do żony|nie są moje rzeczy) (jak je wyłączyć z zajęcia|czy mogę to zakwestionować)"),
    T("other", "enforcement", "z zajętego rachunku (zeszło mi|zabrano mi) (osiemset plus|alimenty na dzieci) czy (wolno tak robić|to jest legalne)"),
    T("other", "enforcement", "(złożyłem|wniosłem) skargę na czynność poborcy (kto ją rozpatrzy|ile się czeka na odpowiedź)"),
    T("other", "enforcement", "(chcę|chciałbym) kupić (auto|koparkę) na licytacji skarbowej (gdzie są ogłoszenia|jak wziąć w niej udział)"),
    T("other", "enforcement", "(zapomniałem zapłacić raty|nie zdążyłem z ratą) (w układzie ratalnym|rozłożonego długu) czy teraz (ruszy|wróci) ściąganie"),
    # eus
    T("other", "eus", "(zmieniłem telefon|mam nowy telefon) i aplikacja e-urzędu (każe|chce) od nowa sparować urządzenie (nie wiem gdzie kliknąć|od czego zacząć)"),
    T("other", "eus", "przy logowaniu przez bank (strona|e-urząd) (wyrzuca|odsyła) mnie z powrotem (w kółko|bez końca)"),
    T("other", "eus", "(wnuk|syn) zarejestrował mnie w e-urzędzie na swój (numer komórki|adres mailowy) jak (to przepisać na mój|podpiąć tam moje dane)"),
    T("other", "eus", "wysłane przez e-urząd zeznanie (ma status|wisi jako) w przetwarzaniu (od tygodnia|od kilku dni) czy (coś jest nie tak|to normalne)"),
    T("other", "eus", "(pismo|zawiadomienie) (wpadło|przyszło) do e-korespondencji a (plik się nie otwiera|nie umiem go otworzyć)"),
    T("other", "eus", "po zalogowaniu w e-urzędzie (nie widzę zakładki|brakuje zakładki) z (rozliczeniami|raportem podatnika) (czy ją wyłączono|gdzie ona zniknęła)"),
    T("other", "eus", "(sesja|strona e-urzędu) (wygasa|zamyka się) zanim (zdążę podpisać|skończę wypełniać) wniosek"),
    # general
    T("other", "general", "pismo z urzędu jest (tak zawiłe|pełne paragrafów) że (nie wiem czego ode mnie chcą|ni w ząb go nie rozumiem) (kto mi to wytłumaczy|co mam z tym zrobić)"),
    T("other", "general", "(przeoczyłem|umknął mi) termin odpowiedzi na wezwanie bo (byłem w sanatorium|przechodziłem operację) (czy da się go przywrócić|można to jeszcze naprawić)"),
    T("other", "general", "na awizo był urząd skarbowy tylko że przez (wyjazd|urlop) (przegapiłem odbiór|nie odebrałem) (jak to teraz dostać|co mi przepadło)"),
    T("other", "general", "(wróciłem|wracam) do Polski po (kilku|dziesięciu) latach emigracji czy (muszę się gdzieś zgłosić|mam coś załatwić) w skarbówce"),
    T("other", "general", "(ktoś wyłudził|oszust wziął) moje dane i (założył na nie firmę|zarejestrował działalność) (jak to zgłosić|co mam robić) w urzędzie"),
    T("other", "general", "(zapomniałem złożyć|nie złożyłem) (deklaracji|zeznania) na czas (czy ratuje mnie|pomoże mi) czynny żal"),
    T("other", "pit", "pracodawca za granicą (chce|żąda) (zaświadczenia o rezydencji|papieru że mieszkam w Polsce) (gdzie mogę o to wystąpić|jak to zdobyć)"),

    # ---- other: tier I questions
    T("other", "general", "(w wigilię|w sylwestra) do której (siedzicie przy telefonach|da się was złapać)", question="hours"),
    T("other", "general", "(pracuję do piętnastej|kończę pracę o szesnastej) czy (zdążę jeszcze zadzwonić|ktoś jeszcze odbierze) (po pracy|potem)", question="hours"),
    T("other", "general", "(od samego rana|od świtu) o której (ruszacie|zaczynacie odbierać)", question="hours"),
    T("other", "eus", "(ten kod|numerek) sześciocyfrowy (co się go ustawia|do ustawienia) w internecie (od czego zacząć|którędy tam wejść)", question="telepin"),
    T("other", "eus", "po kilku (pomyłkach|złych próbach) (infolinia odrzuca|system odrzuca) mój kod jak go (odwiesić|znowu uruchomić)", question="telepin"),
    T("other", "eus", "(czy telepin|czy ten kod do infolinii) (ma termin ważności|wygasa po jakimś czasie) (czy jest na zawsze|czy trzeba go odnawiać)", question="telepin"),
    T("other", "general", "(leasingodawca|bank przy kredycie) wymaga (papieru|dokumentu) o niezaleganiu (jak szybko go dostanę|gdzie o niego wystąpić)", question="certificate"),
    T("other", "general", "(składam wniosek o dotację|zgłaszam się do konkursu grantowego) i (wymagają|potrzebny jest) dokument że (nie mam długów|jestem rozliczony) w skarbówce", question="certificate"),
    T("other", "general", "(czy|) zaświadczenie o niezaleganiu dla (fundacji|spółki) (zamówię|da się zamówić) z konta organizacji", question="certificate"),
    T("other", "general", "(wolę|wolałabym) (załatwić to osobiście|przyjść z papierami) (czy mogę|da się) ustalić dogodną godzinę w urzędzie", question="visit"),
    T("other", "general", "(zarezerwowałem|umówiłam) wizytę a potwierdzenie nie (przyszło|dotarło) na maila (czy to się udało|czy termin jest aktualny)", question="visit"),
    T("other", "general", "(spotkanie z urzędnikiem|spotkanie z pracownikiem urzędu) twarzą w twarz (da się umówić|można zarezerwować) (przez telefon|telefonicznie)", question="visit"),
    T("other", "eus", "(jakie usługi|co ciekawego) (oferuje|ma) e-urząd (dla emeryta|dla zwykłego człowieka)", question="eus"),
    T("other", "eus", "w której zakładce e-urzędu (widać|znajdę) (zapłacone zaliczki|historię deklaracji)", question="eus"),
    T("other", "eus", "kaspro to (aplikacja na telefon|program do ściągnięcia) czy (coś w przeglądarce|okienko w przeglądarce)", question="eus"),
    T("other", "eus", "(jestem cudzoziemcem|jestem obcokrajowcem) (bez peselu|z samym nipem) czy (mogę mieć|założę) konto w e-urzędzie", question="eus"),
    T("other", "pcc_sd", "(jaki papier|jaki formularz) (wypełnić|złożyć) po (zakupie motocykla od znajomego|nabyciu auta od sąsiada)", question="forms"),
    T("other", "pit", "(zyski z giełdy|sprzedaż akcji) na jakim (druku|formularzu) to (wykazuję|rozliczam)", question="forms"),
    T("other", "pcc_sd", "(do jakiego urzędu|gdzie) zgłaszam spadek (gdy|jeśli) odziedziczony dom (znajduje się|leży) w innym mieście", question="forms"),
    T("other", "excise_customs", "(deklarację akcyzową|zgłoszenie akcyzowe) za sprowadzone auto (wysyłam elektronicznie|składam przez internet) czy (na papierze|w okienku)", question="forms"),
    T("other", "general", "(zgubiłem|zapodziałem) (kartkę z waszym numerem|numer do was) (proszę mi go podać|jaki on był)", question="hotline"),
    T("other", "general", "(czy macie|czy jest) (linię|numer) dla osób (niesłyszących|głuchych)", question="hotline"),
    T("other", "pcc_sd", "(na jakie konto|gdzie) (przelać|wysłać) podatek od kupna auta bo nie znam numeru rachunku", question="microaccount"),
    T("other", "general", "(ten osobny|ten własny) numer konta (wygeneruję|dostanę) (z peselu|po nipie) gdzie jest generator", question="microaccount"),
    T("other", "vat", "(vat|podatek vat) (przelewam|odprowadzam) na mikrorachunek czy (na inne konto|na rachunek urzędu)", question="microaccount"),

    # ---- acts: refusals
    T("other", "pcc_sd", "(dyktować peselu|podawać numeru) maszynie nie będę a pytanie mam o (darowiznę od syna|podatek po zmarłej mamie)", act="refuse"),
    T("other", "excise_customs", "(boję się|mam obawy przed) (oszustów|wyłudzeń) więc kodu nie wpiszę a chodzi mi o (akcyzę za busa|cło za paczkę)", act="refuse"),
    T("other", "general", "(telepinu|żadnego pinu) nigdy nie ustawiałam i (zakładać nie będę|zamiaru nie mam) (da się bez tego|pomożecie bez tego)", act="refuse"),
    T("other", "pit", "(na co wam|po co komu) mój numer ewidencyjny skoro pytam (ogólnie|tylko ogólnie) o (ulgę na dzieci|rozliczenie z żoną)", act="refuse"),
    T("balance", "general", "(wstukiwać|wpisywać) cyfr w telefon nie będę (proszę po prostu powiedzieć|wystarczy mi odpowiedź) (jaki mam dług|czy mam dług)", act="refuse"),
    T("payments", SLOT, "(peselu nie wyjawię|numerów nie wyjawię) a (chcę wiedzieć|pytam) czy przelew za {tax} (dotarł|już doszedł)", act="refuse"),
    T("refund", SLOT, "(kod|pin) zostawię dla siebie (kiedy|w jakim terminie) (wpłynie|przyjdzie) zwrot z {tax_gen}", act="refuse"),
    T("agent", "general", "(prywatnych numerów|numerów z dowodu) nie przekazuję (w rozmowie telefonicznej|na odległość) (poproszę od razu pracownika|dawajcie człowieka)", act="refuse"),
    T("other", "enforcement", "(nie mam zaufania do takich systemów|nie wierzę automatom) więc (peselu nie usłyszycie|numerów nie podam) a chodzi o zajęcie (emerytury|renty)", act="refuse"),

    # ---- acts: speaking for someone
    T("other", "enforcement", "(dzwonię za tatę|pytam za dziadka) bo (miał wylew|dostał zawału) i (ledwo mówi|nie da rady) a dostał upomnienie nie wiemy co dalej", act="representative"),
    T("other", "excise_customs", "(z biura rachunkowego dzwonię|odzywam się z kancelarii) prowadzimy klienta który (sprowadza|importuje) busy (jak to jest z akcyzą|czy płaci akcyzę)", act="representative"),
    T("other", "enforcement", "(jestem z działu płac|pracuję w kadrach) i przyszło nam zajęcie pensji (pracownika|pracownicy) ile (mamy|wolno) potrącać co miesiąc", act="representative"),
    T("other", SLOT, "(w imieniu|z ramienia) (naszej spółdzielni|wspólnoty mieszkaniowej) (pytam|mam pytanie) w sprawie {tax_gen}", act="representative"),
    T("other", "pit", "(mam pełnomocnictwo od brata który|zastępuję siostrę która) mieszka w Irlandii i (sprzedaje|chce sprzedać) dom po rodzicach co z podatkiem", act="representative"),
    T("other", "cit", "jako skarbnik (prowadzę|ogarniam) finanse (fundacji|parafialnego stowarzyszenia) czy (składamy|musimy składać) roczne zeznanie podatkowe", act="representative"),
    T("other", "vat", "(mówi|tu) (pracownica|pracownik) księgowości (spółki budowlanej|hurtowni) mamy pytanie o odwrotne obciążenie", act="representative"),
    T("refund", SLOT, "(zięć|mąż) prosił żebym (zadzwoniła|zapytała) w jego sprawie bo jest w trasie kiedy (przyjdzie|wpłynie) jego zwrot za {tax}", act="representative"),
    T("balance", "general", "(opiekuję się starszą panią|jestem opiekunką starszej pani) i (ona pyta|chciałaby wiedzieć) czy (coś zalega w urzędzie|ma jakieś zaległości)", act="representative"),
    T("payments", SLOT, "(księgowa|księgowy) z biura (sprawdzam|pytam) czy (wpłaty|przelewy) {who} za {tax} doszły", act="representative"),

    # ---- acts: corrections
    T("other", "pcc_sd", "(nie|nie nie) (pokręciłem|namieszałem) chodzi o (darowiznę|spadek) a nie o podatek dochodowy", act="correction"),
    T("other", "excise_customs", "(ojej|zaraz) pomieszało mi się to nie (spadek|pożyczka) tylko (akcyza za auto|cło za samochód)", act="correction"),
    T("other", "enforcement", "(pomyłka|nie tak) pytam o (zajęcie konta|blokadę pensji) przez (skarbówkę|poborcę)", act="correction"),
    T("other", "cit", "(chyba zaszło nieporozumienie|coś się pomieszało) nie vat (tylko|ale) cit (spółki|dla spółki)", act="correction"),
    T("other", "eus", "(poprawię się|inaczej to ujmę) to nie (sprawa podatku|sprawa rozliczenia) tylko (problem z logowaniem|kłopot z e-urzędem)", act="correction"),
    T("balance", SLOT, "(cofam|biorę z powrotem) moje słowa nie pytam o zwrot tylko ile (jeszcze zalegam|mam niespłacone) z {tax_gen}", act="correction"),
    T("payments", "general", "chwila to pomyłka ja (już zapłaciłem|już zapłaciłam) i (tylko sprawdzam|jedynie weryfikuję) czy (pieniądze doszły|przelew dotarł)", act="correction"),
    T("refund", "general", "nie nie (nie potrzebuję|nie chcę) ogólnych informacji tylko (chcę wiedzieć|pytam) kiedy wróci (moja nadpłata|mój zwrot)", act="correction"),
    T("other", SLOT, "(nie|no nie) ja (źle mówić|źle powiedzieć) ja (pytam|pytać) o {tax}", act="correction"),
]
