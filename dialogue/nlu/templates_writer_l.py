"""Training templates by writer L (a helper session, one sitting): professional and business callers.

134 templates (722 realisations, at most 8 each). Intents: balance 26, payments 26, refund 24, agent 18,
other 40 (12 of them tier I: forms 5, hours, telepin, certificate, visit, eus, hotline, microaccount).
Topics: SLOT 24, general 30, vat 24, pit 14, excise_customs 14, cit 8, enforcement 8, pcc_sd 7, eus 5.
Acts: representative 55 (a bookkeeper, tax adviser, payroll clerk, prokurent, board member, the chair of a
housing cooperative or the treasurer of a foundation speaking for a client or an entity; "nasza spółka" counts).

Who calls: accounting offices, payroll clerks (zaliczki od wynagrodzeń, PIT-11, PIT-4R), board members and
proxies (UPL-1, PPS-1, telePIN of a general attorney, art. 116 liability), sole traders, farmers (czynny
vatowiec, land purchase, selling plots, rolniczy handel detaliczny), landlords on ryczałt, e-commerce sellers
(OSS, Amazon, allegro), transport firms (diety, tranzyt, VAT from another EU state), importers (dług celny,
EORI, świadectwo pochodzenia, agencja celna), excise (skład podatkowy, banderole, węgiel), foundations,
associations, housing cooperatives and wspólnoty. Their words: split payment, biała lista, mikrorachunek,
nota korygująca, korekta deklaracji, zobowiązanie, wyciąg z konta podatkowego, postanowienie, przedawnienie,
kompensata, KSeF, kasa fiskalna, VAT-UE, VAT-24/VAT-25, e-Deklaracje/UPO. The matter asked decides the intent,
never who speaks: the same professional asks what is owed, whether a payment arrived, when a refund comes,
for a human, or how the law works.

Shown: the label definitions, grammar, lexicon, seed, mission glossary, the training bank (templates.py,
templates_other_hands.py, writers F and G) and drafts E, H, I, J. Never shown: the held-out, dev2 or blind
banks, the dataset, docs/nlu.md or the tests.

The check (python -m eval.nlu_draft_check) ran six times: round 1 NOT CLEAN (about 50 templates flagged,
shared trigrams such as "razem z odsetkami", "na stary rachunek", "w ostatni dzień", "startujemy w
przetargu", "zasiadam w zarządzie", "poproszę kogoś od", and used-up words such as "należność", "zarząd",
"kwartału", "jakiej", "czekamy", "stronie", "karty", "przerywa") led to 52 rewordings; round 2 to 5 more,
plus three templates cut back to at most 10 realisations; rounds 3 and 4 to one each; round 5 CLEAN; after
five grammar fixes of my own (case after "chodzi o", gender of "PCC ... go"), round 6 CLEAN again.
Changed after the sitting (by the lead, before any model read the draft): with all the other drafts,
eight wordings used up a held-out, dev2, blind2 or blind3 template's only new words, so they say "rozliczam
VAT co miesiąc", "z polecenia prezesa", "czy sprawa drgnęła", "powyżej limitu", "PPO-1", "dał pożyczkę",
"dostawcy" and "limit zwolnienia" instead.

Joined the bank on 2026-12-06 (docs/nlu.md, "The decision rule, settled; writer L…"): template
cross-validation rose on every figure with it, and on two training seeds no dev-set figure fell by more than
the bound (half a point).
"""
from __future__ import annotations

from dialogue.nlu.grammar import SLOT
from dialogue.nlu.grammar import Template as T

WRITER_L: list[T] = [
    # ---- balance: what the firm, the client or the landlord owes; the state of the tax account
    T("balance", SLOT, "(robię uzgodnienie sald|uzgadniam salda) przed zamknięciem miesiąca (ile urząd widzi|jaką kwotę widzicie) jako nasze zobowiązanie z {tax_gen}"),
    T("balance", SLOT, "(nasz klient|zleceniodawca) dostał (wezwanie|pismo) o zaległość z {tax_gen} a my w księgach mamy zero (jaką kwotę pokazuje urząd|ile wam wychodzi)", act="representative"),
    T("balance", "general", "(poproszę|chciałabym dostać) wyciąg z konta podatkowego fundacji bo komisja rewizyjna (dopytuje|chce wiedzieć) ile jesteśmy winni", act="representative"),
    T("balance", "vat", "po korekcie deklaracji (za luty|za drugi kwartał) wyszła (dopłata|różnica) w vacie (ile to wynosi z odsetkami|ile tego jest z odsetkami)"),
    T("balance", "cit", "(prezes|właściciel) (prosi|kazał) mi ustalić czy spółka nie zalega z zaliczkami na CIT za (ostatnie miesiące|ten rok)", act="representative"),
    T("balance", "pit", "prowadzę jednoosobową działalność na liniowym (i chcę wiedzieć|pytam) czy po ostatniej zaliczce (zostaje mi|wychodzi mi) jakaś różnica do dopłaty"),
    T("balance", "pit", "(wynajmuję dwa mieszkania|mam trzy lokale na wynajem) na ryczałcie (czy wszystkie kwartały są pokryte|czy za któryś kwartał nie brakuje) (bo pogubiłem przelewy|bo nie jestem pewien)"),
    T("balance", "excise_customs", "(jesteśmy importerem|sprowadzamy towar z Chin) i agencja celna twierdzi że wisi na nas dług celny (na jaką kwotę|ile to wynosi)", act="representative"),
    T("balance", "excise_customs", "(mamy skład podatkowy|produkujemy wyroby akcyzowe) czy akcyza z deklaracji za (ostatni|poprzedni) miesiąc jest (rozliczona do zera|pokryta w całości)", act="representative"),
    T("balance", "enforcement", "(przyszło|dostaliśmy) upomnienie na spółkę i jako prokurent pytam (ile to wynosi z kosztami|jaka jest łączna kwota)", act="representative"),
    T("balance", "enforcement", "(kontrahent|odbiorca) dostał od urzędu zajęcie naszej wierzytelności (na jaką kwotę to zajęcie|ile tam jest do ściągnięcia)"),
    T("balance", SLOT, "na raporcie podatnika klienta (widzę|mam) starą pozycję z {tax_gen} czy to (realne zobowiązanie|faktycznie do zapłaty)", act="representative"),
    T("balance", "general", "(wspólnota mieszkaniowa|spółdzielnia) ma nowe władze i przejmujemy papiery (czy są|jakie są) zaległości wobec urzędu", act="representative"),
    T("balance", "vat", "(jestem rolnikiem|prowadzę gospodarstwo) i (od dwóch lat|od tej wiosny) rozliczam VAT co miesiąc czy za (któryś miesiąc|jakiś okres) nie zalegam"),
    T("balance", SLOT, "ile wynosi (na dziś|na ten moment) zobowiązanie (firmy|mojej działalności) z {tax_gen} (po kompensacie|po zaliczeniu nadpłaty)"),
    T("balance", "general", "(sklep internetowy|sklep na allegro) prowadzę od niedawna i (wolę wiedzieć|dobrze by było wiedzieć) czy urząd nie naliczył mi (zaległości|odsetek za spóźnienia)"),
    T("balance", "cit", "(jestem członkiem zarządu|pełnię funkcję w zarządzie) i zanim odejdę ze spółki chcę wiedzieć czy (CIT jest popłacony|spółka nic nie zalega z CIT-em)", act="representative"),
    T("balance", SLOT, "(zleceniodawca|klient biura) prosi o (potwierdzenie salda|zestawienie sald) z {tax_gen} do (audytu|badania bilansu)", act="representative"),
    T("balance", "general", "(prowadzę|ogarniam) rozliczenia stowarzyszenia czy nadpłata z poprzedniego okresu (dalej wisi|nadal leży) na koncie (ile jej zostało|ile jej tam jest)", act="representative"),
    T("balance", "pit", "jako płatnik pytam czy za ostatnie miesiące (nie zalegamy|nie mamy braków) z (zaliczkami od pensji pracowników|podatkiem od wynagrodzeń pracowników)", act="representative"),
    T("balance", "enforcement", "(bank zajął nam|zablokowano nam) rachunek firmowy (ile mamy wpłacić|ile trzeba przelać) żeby (zdjęto blokadę|odblokowano konto)"),
    T("balance", SLOT, "przez spóźnioną płatność za (luty|ostatni miesiąc) (doszły|naliczyły się) odsetki od {tax_gen} (i ile|jaka to kwota)"),
    T("balance", "pcc_sd", "(spółka|nasza spółka) podwyższyła kapitał (czy jest|czy został) jeszcze do zapłaty PCC od (zmiany umowy|podwyższenia)", act="representative"),
    T("balance", "general", "robię przegląd (należności publicznoprawnych|zobowiązań) przed sprzedażą firmy (co figuruje|co wisi) na naszym nipie (w waszym systemie|w urzędzie)"),
    T("balance", SLOT, "mam firmę transportową czy po (ostatnich|tegorocznych) rozliczeniach {tax_gen} coś (zostało niedopłacone|jeszcze brakuje)"),
    T("balance", "general", "(w imieniu|z polecenia) prezesa (pytam|sprawdzam) czy spółka ma (zero na koncie|saldo zerowe) wobec skarbówki", act="representative"),

    # ---- payments: the firm's or the client's payment arrived, how it was booked
    T("payments", "vat", "(zapłaciliśmy|zapłaciłem) VAT podzieloną płatnością z rachunku VAT czy (środki trafiły do urzędu|pieniądze są zaksięgowane)"),
    T("payments", SLOT, "(wysłaliśmy|puściliśmy) przelewy za kilkunastu klientów (za|na) {tax} (czy wszystkie doszły|czy każdy trafił na właściwy nip)", act="representative"),
    T("payments", "pit", "(przelałam|odprowadziłam) zaliczki od wynagrodzeń pracowników za (maj|ostatni miesiąc) czy (już wpłynęły|zostały zaksięgowane) na nip firmy", act="representative"),
    T("payments", SLOT, "wpłatę (na|za) {tax} wysłałem na dawny numer konta urzędu (zamiast na mikrorachunek|a nie na mikrorachunek) (czy to doszło|czy to się zaksięgowało)"),
    T("payments", "excise_customs", "agencja celna (opłaciła|zapłaciła) za nas cło i VAT z importu (przy odprawie|przy zgłoszeniu) (czy urząd celno-skarbowy to widzi|czy to jest u was uregulowane)", act="representative"),
    T("payments", "excise_customs", "(mamy skład akcyzowy|jesteśmy pośredniczącym podmiotem) i wpłaciliśmy akcyzę (za wyroby|od wyrobów) (czy wpłata jest zaksięgowana|czy urząd ją dostał)", act="representative"),
    T("payments", SLOT, "(przelew|płatność) za {tax} (poszedł|poszła) z konta wspólnika zamiast ze spółki (czy zaliczyliście to spółce|na czyj nip to poszło)", act="representative"),
    T("payments", "vat", "wpłaciłem VAT za kwartał jako mały podatnik ale w tytule wpisałem (miesiąc|zły okres) (czy dobrze to zaliczyliście|jak to zaksięgowaliście)"),
    T("payments", "pcc_sd", "kancelaria notarialna pobrała PCC przy akcie dla naszej (spółki|firmy) czy (przekazała go już do urzędu|podatek do was wpłynął)"),
    T("payments", SLOT, "mamy rozłożoną zaległość z {tax_gen} na raty (czy bieżąca rata|czy ostatnia rata) (dotarła na czas|jest zaksięgowana)"),
    T("payments", "general", "(zapłaciłem|uregulowałem) wszystko po decyzji o odroczeniu terminu (czy ta wpłata jest odnotowana|czy urząd te pieniądze otrzymał)"),
    T("payments", SLOT, "(omyłkowo|przez pomyłkę) przy płatności za {tax} klienta wpisaliśmy nasz nip zamiast jego (na kogo to zaksięgowano|komu to przypisaliście)", act="representative"),
    T("payments", "vat", "(sprzedaję|handluję) na platformie do klientów z Unii i (zapłaciłem|wpłaciłem) VAT w procedurze OSS (czy ta wpłata doszła|czy macie już te pieniądze)"),
    T("payments", SLOT, "(jesteśmy firmą przewozową|mam firmę przewozową) i (spłaciliśmy|przelaliśmy) zaległość z {tax_gen} przed kontrolą (czy wpłata jest już widoczna|czy już to widać)"),
    T("payments", "cit", "spółka (zapłaciła|przelała) zaliczkę na CIT (dzień po terminie|z jednodniowym poślizgiem) pod jaką datą (to wpłynęło|to zaksięgowaliście)", act="representative"),
    T("payments", "general", "(fundacja dostała|stowarzyszenie dostało) wezwanie do zapłaty a przelew poszedł tydzień wcześniej (czy wpłata się nie zgubiła|czy go macie)", act="representative"),
    T("payments", "general", "sprawdzam na zlecenie klienta czy jego wpłaty (z minionego półrocza|od początku roku) (są rozliczone|zostały zarachowane)", act="representative"),
    T("payments", "enforcement", "(uregulowaliśmy|przelaliśmy) całą kwotę z tytułu wykonawczego wystawionego na spółkę (czy poborca już to widzi|czy egzekucja to odnotowała)", act="representative"),
    T("payments", "vat", "przed rejestracją auta z Niemiec (zapłaciłem|przelałem) VAT-24 (czy wpłata już wpłynęła|czy już ją widzicie) bo czekam na zaświadczenie VAT-25"),
    T("payments", SLOT, "obsługuję kilka firm jako biuro i u jednego klienta przelew za {tax} (wrócił|odbił się) (czy cokolwiek wpłynęło|czy część dotarła)", act="representative"),
    T("payments", "general", "na wyciągu bankowym widnieje przelew do urzędu (tymczasem konto podatnika go nie pokazuje|tymczasem w e-urzędzie nic) (gdzie ta wpłata|czy ją macie)"),
    T("payments", "pit", "wynajmuję mieszkanie na ryczałcie i ryczałt za grudzień zapłaciłem (w lutym|dopiero po świętach) (czy dobrze się zaksięgował|pod który okres go zaliczyliście)"),
    T("payments", "vat", "(jako rolnik|mam gospodarstwo i) pierwszy raz (zapłaciłem|przelałem) VAT z deklaracji (czy ta kwota doszła|czy urząd ją przyjął)"),
    T("payments", "excise_customs", "(importujemy|sprowadzamy) kontenery z Azji i (wpłaciliśmy|przelaliśmy) cło przed zwolnieniem towaru (czy wpłynęło|czy jest już na waszym koncie)", act="representative"),
    T("payments", SLOT, "(zapłaciłem|przelałem) {tax} (z firmowego rachunku|z rachunku firmy) dokładnie w dniu terminu (jaką datę wpływu macie|czy zdążyło wpłynąć)"),
    T("payments", "general", "(zleciliśmy|puściliśmy) przelew z konta (wspólnoty|spółdzielni) na urząd (czy on jest już u was|czy został zaksięgowany)", act="representative"),

    # ---- refund: when the firm's or the client's money comes back
    T("refund", "vat", "(wykazaliśmy|wnioskowaliśmy o) zwrot na rachunek VAT w terminie sześćdziesięciu dni a termin już upłynął (kiedy przelejecie|czemu dalej go nie ma)", act="representative"),
    T("refund", "vat", "urząd (wysłał|wydał) postanowienie o przedłużeniu terminu zwrotu VAT (bo sprawdza kontrahentów|do czasu weryfikacji kontrahentów) kiedy realnie zobaczymy pieniądze", act="representative"),
    T("refund", "vat", "kupiłem kasę fiskalną online i (odliczyłem ulgę|wnioskowałem o zwrot ulgi) na jej zakup (kiedy przyjdą pieniądze|czy już to przelaliście)"),
    T("refund", "cit", "prezes (pyta|chce wiedzieć) kiedy wróci nadpłacony CIT za poprzedni rok bo (planujemy z tego dywidendę|liczymy na te środki)", act="representative"),
    T("refund", "excise_customs", "urząd celno-skarbowy (przyznał nam rację|uznał nasz wniosek) co do wartości celnej (kiedy zwrócicie nadpłacone cło|kiedy wróci różnica w cle)", act="representative"),
    T("refund", "excise_customs", "(oddaliśmy|zwróciliśmy) niewykorzystane banderole (kiedy wróci zapłata za nie|kiedy oddacie za nie pieniądze)", act="representative"),
    T("refund", "vat", "(jeździmy|wozimy towar) po Europie i (wnioskowaliśmy o|wystąpiliśmy o) zwrot VAT-u z innego kraju (na jakim etapie jest wniosek|kiedy przyjdą pieniądze)"),
    T("refund", SLOT, "(klient|zleceniodawca) naciska na mnie w sprawie zwrotu z {tax_gen} (czy zapadła już decyzja|czy pieniądze wyszły)", act="representative"),
    T("refund", SLOT, "(złożyłem|złożyłam) korektę {tax_gen} razem z wnioskiem o stwierdzenie nadpłaty i od trzech miesięcy cisza (kiedy wróci nadpłata|czy sprawa drgnęła)"),
    T("refund", "pit", "jako (płatnik|pracodawca) (nadpłaciliśmy|przelaliśmy za dużo) zaliczek od wynagrodzeń (kiedy oddacie nadwyżkę|czy nadpłata już wyszła)", act="representative"),
    T("refund", "vat", "(jako rolnik|mam gospodarstwo i) kupiłem (kombajn|nową chłodnię) i w deklaracji wyszła nadwyżka VAT do zwrotu (kiedy przyjdzie|czy już ją zlecono)"),
    T("refund", "pcc_sd", "(kupiliśmy|nabyliśmy) lokal do firmy i zapłaciliśmy PCC a potem okazało się że sprzedaż była z VAT-em (kiedy urząd odda ten PCC|czy zwrot już poszedł)"),
    T("refund", "enforcement", "z rachunku spółki (zeszło|zostało ściągnięte) dwa razy to samo zajęcie (kiedy wróci ta druga kwota|kiedy oddacie tę drugą kwotę)", act="representative"),
    T("refund", "general", "(nasza fundacja złożyła|nasze stowarzyszenie złożyło) wniosek o zwrot nadpłaty (w lutym|na początku roku) (i dalej nic|a pieniędzy brak)", act="representative"),
    T("refund", SLOT, "w (deklaracji|zeznaniu) klienta wskazaliśmy rachunek (firmowy|z białej listy) do zwrotu z {tax_gen} (czy to tam poszło|na który rachunek to wysłaliście)", act="representative"),
    T("refund", "vat", "zwrot VAT dla (klienta|naszej spółki) jest wstrzymany bo trwa kontrola (do kiedy to potrwa|kiedy wreszcie wyjdzie)", act="representative"),
    T("refund", SLOT, "po zaliczeniu części nadpłaty z {tax_gen} (na zaległość|na inne zobowiązanie) (kiedy przelejecie resztę|kiedy wróci reszta)"),
    T("refund", "pit", "(wynajmuję|mam) (mieszkania|lokale) na ryczałcie i w zeznaniu PIT-28 wyszła nadpłata (kiedy wróci|kiedy ją przelejecie)"),
    T("refund", "excise_customs", "przy odprawie (zapłaciliśmy|pobrano nam) cło bez preferencji a świadectwo pochodzenia doszło później (kiedy oddacie różnicę|kiedy wróci nadpłacone cło)"),
    T("refund", "general", "zwrot poszedł na rachunek firmowy którego już nie ma na białej liście (i bank go odesłał|i wrócił do urzędu) (kiedy puścicie ponownie|kiedy go dostanę)"),
    T("refund", "cit", "spółka przeszła na estoński CIT i zostały nadpłacone zaliczki sprzed przejścia (kiedy je zwrócicie|czy zwrot już wyszedł)", act="representative"),
    T("refund", SLOT, "(sprzedaję|handluję) online i (dostałem decyzję|przyszła decyzja) o zwrocie z {tax_gen} (a przelewu brak|kiedy pieniądze wpłyną na firmowe konto)"),
    T("refund", "general", "(mamy|jest) postanowienie o zaliczeniu nadpłaty a nadwyżka ponad zaległość (jeszcze nie wróciła|dalej nie przyszła) na rachunek spółki", act="representative"),
    T("refund", "vat", "(sprzedajemy|handlujemy) za granicę ze stawką zero i mamy mieć zwrot w przyspieszonym terminie (czy już zlecony|kiedy wpłynie)", act="representative"),

    # ---- agent: a professional who wants a human
    T("agent", "vat", "mam pięciu klientów z (problemem|kłopotem) na białej liście (tego nie załatwię z automatem|automat tego nie rozplącze) proszę kogoś od VAT-u", act="representative"),
    T("agent", "cit", "(chodzi o ceny transferowe|sprawa dotyczy cen transferowych) w naszej grupie kapitałowej (poproszę|proszę) (doradcę|specjalistę) od CIT-u", act="representative"),
    T("agent", "excise_customs", "kontener utknął w porcie w Gdańsku bo brakuje dokumentów do odprawy (potrzebuję kogoś z cła|połączcie z celnikiem)"),
    T("agent", "enforcement", "(poborca|urząd) zajął pieniądze które winien nam kontrahent (muszę to omówić z kimś z egzekucji|proszę pracownika egzekucji)", act="representative"),
    T("agent", "eus", "zmienił się prezes i (nikt nie ma dostępu|straciliśmy dostęp) do konta organizacji w e-urzędzie (dajcie|proszę) kogoś od e-urzędu", act="representative"),
    T("agent", SLOT, "(jestem doradcą podatkowym|dzwonię z kancelarii doradczej) i sprawa klienta dotycząca {tax_gen} (potrzebuje konsultanta|musi trafić do żywego pracownika)", act="representative"),
    T("agent", "pcc_sd", "(przekształcamy|łączymy) spółki i (nie wiem czy jest PCC|jest pytanie o PCC od umowy spółki) (proszę z kimś od PCC|poproszę specjalistę od czynności cywilnoprawnych)", act="representative"),
    T("agent", "pit", "rozliczam kierowców (z dietami za granicą|z delegacji zagranicznych) i (potrzebuję|chcę) kogoś od PIT-u", act="representative"),
    T("agent", "vat", "KSeF nie przyjmuje nam faktur od rana (dajcie kogoś od vatu|łączcie ze specjalistą od e-faktur)"),
    T("agent", "general", "mam przed sobą listę zagadnień (kilku klientów|od kilku klientów) (poproszę od razu konsultanta|łączcie z pracownikiem)", act="representative"),
    T("agent", "excise_customs", "(produkujemy|rozlewamy) piwo i jest kłopot z ewidencją akcyzową (poproszę eksperta od akcyzy|połączcie z działem akcyzy)"),
    T("agent", "general", "(jako były członek zarządu|jako były prezes) dostałem decyzję o odpowiedzialności za (zaległości|długi) spółki (chcę to omówić z człowiekiem|proszę kogoś żywego)"),
    T("agent", SLOT, "(zleceniodawca|klient) ma pilną sprawę w zakresie {tax_gen} bo (termin mija jutro|termin mija dzisiaj) proszę od razu konsultanta", act="representative"),
    T("agent", "general", "chcę ustalić z pracownikiem (kompensatę|potrącenie) nadpłaty z zaległością w innym podatku (proszę połączyć|łączcie)"),
    T("agent", "vat", "(sprzedaję|handluję) przez Amazona w kilku krajach i procedura OSS mnie przerasta (poproszę|dajcie) specjalistę od VAT-u"),
    T("agent", "pit", "jestem rolnikiem i sprzedałem działki (pod zabudowę|deweloperowi) (chcę z kimś od PIT-u porozmawiać|proszę konsultanta od podatku dochodowego)"),
    T("agent", "general", "(mówi|tu) prezes spółdzielni mieszkaniowej (proszę od razu pracownika|dajcie mi urzędnika)", act="representative"),
    T("agent", "eus", "bramka e-deklaracji nie wydaje UPO (od wczoraj|od rana) a dziś termin (połączcie z pomocą techniczną|chcę z kimś od e-usług)"),

    # ---- other: how-to, the law, forms and tier I questions in a professional's words
    T("other", "vat", "(jak|kiedy) wystawia się notę korygującą (gdy|jeśli) kontrahent (pomylił|przekręcił) nasz nip na fakturze"),
    T("other", "vat", "(klient|kontrahent) nie ma (dostępu do|konta w) KSeF (jak mu przekazać|jak mu dostarczyć) fakturę"),
    T("other", "vat", "(kontrahent|nowy dostawca) podał rachunek spoza białej listy (co nam grozi|czy stracimy koszty) jeśli zapłacimy za fakturę powyżej limitu"),
    T("other", "vat", "(na których fakturach|kiedy) trzeba dopisać adnotację o podzielonej płatności (czy tylko przy towarach z załącznika|czy przy każdej kwocie)"),
    T("other", "vat", "wysyłam towary firmom (w Niemczech|w Czechach) (jak|kiedy) wykazać to w informacji VAT-UE", question="forms"),
    T("other", "excise_customs", "(chcemy sprowadzać|zaczynamy sprowadzać) części z Chin (czy musimy mieć|jak zdobyć) numer EORI przed pierwszą odprawą"),
    T("other", "excise_customs", "sprzedajemy węgiel (firmom|gospodarstwom domowym) (jakie oświadczenia|czy potrzebne są oświadczenia) od odbiorców do zwolnienia z akcyzy"),
    T("other", "excise_customs", "(wozimy|przewozimy) towar tranzytem przez Polskę (jakie dokumenty celne|co trzeba mieć) przy wjeździe"),
    T("other", "pit", "(lokator|najemca) (zalega z czynszem|nie płaci od miesięcy) czy (nadal płacę ryczałt|muszę płacić ryczałt) od niezapłaconego czynszu"),
    T("other", "pit", "(jak|czy) (wykazać|doliczyć) (bony świąteczne|paczki świąteczne) w PIT-11 pracowników"),
    T("other", "pit", "(wysłaliśmy|wysłałam) PIT-11 z błędnym adresem (pracownika|zleceniobiorcy) (jak to poprawić|czy wysyłać korektę)"),
    T("other", "pit", "(do kiedy|w jakim terminie) idzie PIT-4R (i czy razem z PIT-8AR|czy osobno od PIT-8AR)", question="forms"),
    T("other", "cit", "(czy|kiedy) fundacja dołącza CIT-8O do zeznania (i co się tam wpisuje|jakie dochody się tam wykazuje)", question="forms"),
    T("other", "cit", "wspólnota mieszkaniowa wynajmuje dach pod (antenę|maszt) (czy płacimy od tego CIT|czy ten dochód jest zwolniony)"),
    T("other", "general", "jestem członkiem zarządu spółki z o o (czy odpowiadam|czy będę odpowiadać) (prywatnym majątkiem|własnym majątkiem) za jej zaległości podatkowe"),
    T("other", "general", "(po ilu latach|kiedy) przedawnia się zobowiązanie podatkowe i czy (zawiadomienie o wszczęciu postępowania karnego|układ ratalny) zawiesza ten termin"),
    T("other", "general", "(jak|gdzie) złożyć UPL-1 żebym (mógł|mogła) podpisywać deklaracje (za klienta|klientów)", question="forms", act="representative"),
    T("other", "general", "(czym PPS-1 odbiega od|co odróżnia PPS-1 od) PPO-1 (i które wystarczy do jednej kontroli|jeśli prowadzę klientowi jedną sprawę)"),
    T("other", "general", "czy (można|da się) skompensować nadpłatę w jednym podatku z zaległością w (innym|drugim)"),
    T("other", "general", "przyszło postanowienie o (nadaniu rygoru natychmiastowej wykonalności|wszczęciu postępowania) (w jakim terminie|do kiedy) przysługuje zażalenie"),
    T("other", "pcc_sd", "(zakładamy|rejestrujemy) spółkę z o o (czy od umowy spółki|czy od kapitału zakładowego) (płaci się PCC|jest PCC)"),
    T("other", "pcc_sd", "udziałowiec dał pożyczkę (spółce|naszej spółce) (czy to jest zwolnione z PCC|czy płacimy od tego PCC)"),
    T("other", "pcc_sd", "jako rolnik (dokupuję ziemię|kupuję grunt) do gospodarstwa (czy jest zwolnienie z PCC|czy płacę podatek od takiego zakupu)"),
    T("other", "enforcement", "przyszło do nas zajęcie wierzytelności (dostawcy|podwykonawcy) (jak mamy teraz płacić|komu przelewać za faktury)"),
    T("other", "enforcement", "czy (poborca|urząd) (może zająć|ma prawo zająć) środki na rachunku VAT"),
    T("other", "eus", "(jak|gdzie) na koncie organizacji w e-urzędzie dodać (drugiego UKO|nową księgową z uprawnieniami)", question="eus"),
    T("other", "eus", "bramka (odrzuciła|nie przyjęła) plik JPK z błędem (weryfikacji podpisu|danych autoryzujących) (co to znaczy|co z tym zrobić)"),
    T("other", "general", "bierzemy udział w przetargu a zamawiający chce zaświadczenia o niezaleganiu (nie starszego niż trzy miesiące|wystawionego w ostatnich trzech miesiącach) (jak je najszybciej dostać|czy zdążymy)", question="certificate"),
    T("other", "general", "czy macie osobną linię dla (biur rachunkowych|księgowych) czy (dzwonimy na ten sam numer|wszyscy na ten sam numer)", question="hotline"),
    T("other", "general", "(w dniu terminu JPK|dwudziestego piątego) (pracujecie dłużej|infolinia działa dłużej) czy (normalnie|jak zwykle)", question="hours"),
    T("other", "eus", "jako pełnomocnik ogólny (czy muszę mieć|czy potrzebuję) swój telepin (żeby pytać o klientów|do rozmów o mocodawcach)", question="telepin", act="representative"),
    T("other", "general", "(chcę|chciałabym) umówić jedną wizytę w sprawie kilku klientów (czy każdy wymaga osobnego terminu|czy można to połączyć)", question="visit", act="representative"),
    T("other", "general", "(generujemy|wygenerowałam) mikrorachunek dla spółki z nipu czy (CIT i VAT|zaliczki CIT i VAT) idą na ten sam numer", question="microaccount"),
    T("other", "vat", "(sprzedaż|obrót) przekroczy limit zwolnienia w połowie roku (gdzie i kiedy złożyć VAT-R|do kiedy zgłosić VAT-R)", question="forms"),
    T("other", "vat", "kasa fiskalna (się zepsuła|padła) w sklepie (czy mogę sprzedawać do czasu naprawy|jak ewidencjonować sprzedaż bez niej)"),
    T("other", "general", "(ile dni wcześniej|czy z wyprzedzeniem) urząd musi zawiadomić o kontroli podatkowej (w firmie|u przedsiębiorcy)"),
    T("other", "pit", "mam gospodarstwo i sprzedaję przetwory z własnych upraw (na targu|przez internet) (czy płacę od tego podatek dochodowy|czy to rolniczy handel detaliczny)"),
    T("other", "excise_customs", "(zakładamy|chcemy otworzyć) skład podatkowy (jakie zabezpieczenie akcyzowe|ile wynosi zabezpieczenie) trzeba złożyć"),
    T("other", SLOT, "(klient|zleceniodawca) pyta czy korektę {tax_gen} składa się (z pisemnym uzasadnieniem|z uzasadnieniem przyczyn)", act="representative"),
    T("other", SLOT, "(jak|według czego) urząd liczy termin (płatności|zapłaty) {tax_gen} gdy (spółka|firma) ma rok obrotowy inny niż kalendarzowy"),
]
