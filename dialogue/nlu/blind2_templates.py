"""The second blind bank: callers written by another hand, to measure what nobody tuned for.

Written at one sitting on 2026-12-03 by a separate writer (a helper session) who was shown the label
definitions, the template syntax, the tax lexicon and the seed document — never the training, held-out
or blind bank — and committed with its rows before any model was measured on it. Like the first blind
bank (blind_templates.py) it is checked to share no three words in a row with any other bank and to
bring in every template a content word no other bank uses (tests/dialogue/test_nlu_dataset.py); the
writer says that check pushed about 60 of its first wordings towards rarer words and idioms.

Its rows are only measured (``voicebot nlu eval --split blind2``), never used for a decision. Template
ids start with "c" (the first blind bank's with "b").
"""

from __future__ import annotations

from dialogue.nlu.grammar import SLOT, Bank
from dialogue.nlu.grammar import Template as T

TEMPLATES: list[T] = [
    # ---------------- balance (15) ----------------
    T("balance", SLOT, "czy pod moim nazwiskiem (wisi|figuruje) coś niespłaconego (z tytułu|z) {tax_gen}"),
    T("balance", SLOT, "(chciałabym|chciałbym) poznać (aktualny|bieżący) (bilans|stan) (swoich|moich) rozrachunków (w zakresie|odnośnie) {tax_gen}"),
    T("balance", SLOT, "(ile mi jeszcze|ile jeszcze) do (wyzerowania|wyczyszczenia) (zaległości|zadłużenia) (z tytułu|z) {tax_gen}"),
    T("balance", SLOT, "(proszę pana|pani kochana|) (emerytka jestem|jestem już wiekowa) (i|to) niech mi (pani|pan) powie czy skarbówce (coś się ode mnie należy|coś jeszcze płacić muszę) za {tax}"),
    T("balance", SLOT, "czy (narosły|urosły|doszły) mi (jakieś|) odsetki (z tytułu|na zaległości z) {tax_gen} (bo zapłaciłem po terminie|bo się spóźniłem z zapłatą|)"),
    T("balance", SLOT, "(jak wygląda|jak się przedstawia) moje saldo (na koncie|w rozliczeniach) (z tytułu|odnośnie) {tax_gen}"),
    T("balance", SLOT, "(czy|chciałem zapytać czy) (z rozliczenia|w rozliczeniu) {tax_gen} (wynikła|zrobiła się) (jakaś|) niedopłata"),
    T("balance", "general", "czy (figuruję|jestem zapisany) u was jako dłużnik (skarbu państwa|fiskusa|)"),
    T("balance", SLOT, "(podajcie mi|proszę podać) (łączną|całkowitą) kwotę (zaległości|zadłużenia) (z tytułu|z) {tax_gen} (razem z odsetkami|z odsetkami włącznie|)"),
    T("balance", SLOT, "czy (mam|posiadam) nadpłatę na (koncie|swoim koncie) (z tytułu|z) {tax_gen} i (w jakiej wysokości|ile ona wynosi)"),
    T("balance", "enforcement", "(przyszło mi|dostałam pocztą) upomnienie (więc|to) ile (tak naprawdę|ostatecznie) (zalegam|mam uregulować)"),
    T("balance", SLOT, "(jestem przedsiębiorcą|mam warsztat|prowadzę sklepik) (i|więc) (potrzebuję pewności|muszę mieć pewność) że (mam czyste konto|mam wszystko pospłacane) (z tytułu|odnośnie) {tax_gen}"),
    T("balance", SLOT, "(eee|yyy) (nie jestem pewny|nie pamiętam) czy (wciąż|nadal) (zalegam|wiszę) (jakieś grosze|jakąś kwotę) (urzędowi|państwu) za {tax}"),
    T("balance", SLOT, "(saldo|bilans) (dla|z tytułu) {tax_gen} (poproszę|proszę) (na dziś|na bieżąco|)"),
    T("balance", SLOT, "czy (ciągnie się|wlecze się) za mną (jakieś|) (zadłużenie|zaległe zobowiązanie) (z|z tytułu) {tax_gen}"),
    # ---------------- payments (12) ----------------
    T("payments", SLOT, "posłałem pieniądze (na|za) {tax} (w poniedziałek|przedwczoraj|tydzień temu) (i|no i) (ciekawi mnie|interesuje mnie) czy (już|w ogóle) (dotarły|doszły)"),
    T("payments", SLOT, "czy (odnotowano|zarejestrowano) u was (ostatnią|wczorajszą|) (wpłatę|płatność) (na poczet|tytułem) {tax_gen}"),
    T("payments", SLOT, "(płaciłam|opłaciłam) (na poczcie|w okienku bankowym) {tax} (tylko że|ale) (mam wątpliwości|niepokoję się) czy (te pieniądze|pieniądze) do was (trafiły|wpłynęły)"),
    T("payments", SLOT, "(jakie|które) (moje|) (wpłaty|przelewy) (figurują|widnieją) u was za {tax} (za ostatni rok|od stycznia|)"),
    T("payments", SLOT, "(którego dnia|z jaką datą) (wpłynęła do was|została zaewidencjonowana) (ostatnia|moja) (rata|zaliczka) na {tax}"),
    T("payments", SLOT, "czy (moja|ta) (forsa|kasa) (za|na) {tax} (już|w ogóle) (doszła|wpłynęła|dotarła)"),
    T("payments", SLOT, "nasza (księgowa|kadrowa) (twierdzi|mówi) że (przelew|transfer) (za|na) {tax} (poszedł|wyszedł) (piątego|dwudziestego) (prosimy o weryfikację|proszę zweryfikować) czy go widzicie"),
    T("payments", SLOT, "(zapłaciłem|uiściłem) {tax} (przez blika|przez aplikację bankową|w e-urzędzie) (ale|a) (nie dostałem|nie widzę) (żadnego|) potwierdzenia że to do was (doszło|trafiło)"),
    T("payments", SLOT, "(syn|wnuk|zięć) (wpłacał|płacił) za mnie {tax} (a ja|) (nie mam jak|nie umiem) (tego sprawdzić|sprawdzić) czy (dotarło|się zaksięgowało)"),
    T("payments", SLOT, "(proszę o|poproszę) (spis|wyliczenie) (wszystkich|) przelewów (które wpłynęły|które dostaliście) (na poczet|tytułem) {tax_gen} (w tym półroczu|od nowego roku|)"),
    T("payments", SLOT, "(płacąc|opłacając) {tax} (pomyliłem|pokręciłem) (tytuł przelewu|symbol formularza) (to|więc) na co (zaliczyliście|zarachowaliście) te pieniądze"),
    T("payments", SLOT, "(potrzebuję|oczekuję) potwierdzenia wpływu (mojej|) (wpłaty|należności) (za|na) {tax}"),
    # ---------------- refund (12) ----------------
    T("refund", SLOT, "(kiedy|kiedy wreszcie) (przekażecie|przelejecie) mi (na rachunek|na konto bankowe) nadwyżkę z {tax_gen}"),
    T("refund", SLOT, "(minęło|upłynęło) (już|) (ponad|prawie) (trzy miesiące|dwa miesiące|sześćdziesiąt dni) (od wysłania|od złożenia) zeznania a (po zwrocie|po pieniądzach) z {tax_gen} (ani śladu|ani widu ani słychu)"),
    T("refund", SLOT, "dlaczego (zwrot|zwrot pieniędzy) z {tax_gen} (przyszedł|wpłynął) (niższy|mniejszy|uszczuplony) (niż wyliczyłem|niż wynikało z zeznania|niż się spodziewałam)"),
    T("refund", SLOT, "(co z|jak idzie) rozpatrywanie (mojego|) (wniosku o zwrot|zwrotu) (z tytułu|z) {tax_gen}"),
    T("refund", SLOT, "(od kwartału|od dwóch miesięcy) czekamy na zwrot (nadwyżki|różnicy) z {tax_gen} (kiedy on wpłynie|do kiedy mamy czekać|jak długo jeszcze)"),
    T("refund", SLOT, "(ja|) (czekam i czekam|ciągle czekam) na te pieniądze co mi się należą z {tax_gen} (a tu cisza|a konto puste|tymczasem cisza)"),
    T("refund", SLOT, "czy (zlecono|zlecili już) (wypłatę|przekazanie) (mojego zwrotu|mojej nadpłaty) (z tytułu|z) {tax_gen} (na konto|na rachunek|)"),
    T("refund", SLOT, "zwrot z {tax_gen} miał (przyjść|być) (tydzień temu|przed świętami|w ciągu czterdziestu pięciu dni) a (nadal|wciąż) (nie dotarł|nie wpłynął)"),
    T("refund", SLOT, "(jakie są dalsze losy|jakie są losy) (mojego|) zwrotu z {tax_gen}"),
    T("refund", SLOT, "(kiedy|czy w ogóle) (odzyskam|dostanę z powrotem) nadpłacone pieniądze za {tax}"),
    T("refund", SLOT, "(podałem|wpisałem) (stary|nieaktualny|zły) numer konta (w zeznaniu|przy rozliczeniu) (czy|jak) teraz (dostanę|odbiorę) zwrot z {tax_gen}"),
    T("refund", SLOT, "(status|etap) zwrotu z {tax_gen} (proszę sprawdzić|poproszę|) (na szybko|w skrócie|)"),
    # ---------------- agent (8) ----------------
    T("agent", "general", "(wolałbym|wolałabym) to (obgadać|wyjaśnić) z (człowiekiem|osobą) (bo ta maszyna|bo automat) (nic nie łapie|gada od rzeczy)"),
    T("agent", "general", "(proszę|czy można) (skierować|przerzucić) mnie do (fachowca|osoby kompetentnej|kogoś kumatego) (bo sprawa jest zawiła|)"),
    T("agent", "general", "(nie będę|nie zamierzam) (gawędzić|dyskutować) z (maszyną|komputerem) (proszę o|domagam się) (kogoś|człowieka)"),
    T("agent", "general", "czy jest tam jakaś żywa dusza (która|co) (może|mogłaby) ze mną (normalnie|po ludzku) porozmawiać"),
    T("agent", SLOT, "(chciałbym prosić|prosiłbym) o przekazanie rozmowy (specjaliście|urzędnikowi) (od|z zakresu) {tax_gen}"),
    T("agent", "general", "(dosyć mam|dość już) tego (menu|gadania z maszyną) (chcę|żądam) (człowieka|kogoś żywego)"),
    T("agent", "general", "(ja|) nie (rozumiem|ogarniam) tych (automatów|maszyn) (proszę dać mi|dajcie mi|niech mi ktoś da) (jakąś panią|kogoś żywego) do telefonu"),
    T("agent", SLOT, "(potrzebuję|szukam) (specjalisty|fachowca|kogoś kompetentnego) od {tax_gen} (na linii|przy telefonie|)"),
    # ---------------- other: tax law / procedure for a queue (16) ----------------
    T("other", "pit", "(czy|na jakiej zasadzie) (przysługuje|należy się) ulga (termomodernizacyjna|na pompę ciepła|za fotowoltaikę) (w|przy) (zeznaniu|rozliczeniu rocznym)"),
    T("other", "pit", "(czy|jak) małżonkowie (rozliczają się|mogą się rozliczyć) razem (jeżeli|gdy) (mąż|jedno z nich) (zarabia|ma etat) (w Holandii|w Norwegii|poza Polską)"),
    T("other", "vat", "(przy jakich obrotach|po przekroczeniu jakiego limitu) (stanę się|muszę zostać) vatowcem"),
    T("other", "vat", "(jaką stawkę|jaki procent) (doliczyć|naliczyć) na fakturze za (usługi remontowe|remont łazienki|catering)"),
    T("other", "cit", "(jakie warunki|co) musi spełnić (spółka|nasza spółeczka|nasza spółka kapitałowa) (żeby|aby) przejść na (ryczałt od dochodów spółek|estoński model)"),
    T("other", "cit", "(jaki jest termin na|do kiedy jest czas na|ile jest czasu na) (złożenie|wysłanie) (zeznania|rocznego zeznania) spółki (jeśli|gdy) rok obrotowy (nie pokrywa się z kalendarzowym|kończy się w czerwcu)"),
    T("other", "pcc_sd", "(dostałem|dostałam) od (babci|wujka|ojca chrzestnego) (działkę|mieszkanie|pieniądze na wkład) (czy fiskus się o to upomni|czy urząd trzeba o tym zawiadomić)"),
    T("other", "pcc_sd", "(odkupiłem|kupiłam) od (kolegi|szwagra) (motocykl|używaną skodę|starego passata) (ile mam czasu|jaki mam termin) na (zapłatę|uregulowanie) (podatku|daniny) od tej umowy"),
    T("other", "excise_customs", "(sprowadzam|chcę sprowadzić) (osobówkę|samochód) (zza Odry|z Belgii|z Francji) (i|to) (ile|jak dużo) (przyjdzie mi zapłacić|wyniesie opłata) od pojemności silnika"),
    T("other", "excise_customs", "(zatrzymali|przytrzymali) mi (przesyłkę|paczuszkę) (z Chin|ze Stanów) na (granicy|odprawie) (co dalej|jak ją odzyskać)"),
    T("other", "enforcement", "(zajęto|zamrożono) mi (oszczędności|pieniądze) na koncie (i|a) (nie mam za co żyć|zostałem bez grosza) (jak z tego wybrnąć|co się da zrobić)"),
    T("other", "enforcement", "(był u mnie|zjawił się u mnie) poborca (skarbowy|z urzędu) (i|a) (zajął|spisał) (samochód|ruchomości|telewizor) (gdzie to można zaskarżyć|da się to jakoś zaskarżyć)"),
    T("other", "eus", "(zgłosiłem|wysłałem) pełnomocnictwo (PPO-1|ogólne) przez e-urząd (a|i) (nie widać go|nie pojawia się) (na liście|w systemie)"),
    T("other", "general", "(gdzie|do kogo) (kierować|napisać) (skargę|zażalenie) na (niegrzeczną urzędniczkę|opieszałość urzędu|opryskliwego urzędnika)"),
    T("other", SLOT, "(walnąłem się|machnęłam się) (w rozliczeniu|w deklaracji) {tax_gen} (jak to|co zrobić żeby to) (naprostować|sprostować)"),
    T("other", SLOT, "(przysługują mi|mogą mi przysługiwać) jakieś (ulgi|zwolnienia|preferencje) (w zakresie|odnośnie) {tax_gen}"),
    # ---------------- other: tier-I general questions (11) ----------------
    T("other", "general", "(od której do której|o jakich porach) (odbieracie telefony|jesteście dostępni|czynny jest telefon)", question="hours"),
    T("other", "general", "(czy|a czy) (w soboty|w weekend|po szesnastej) (ktoś tam siedzi|ktoś podnosi słuchawkę|czat też działa)", question="hours"),
    T("other", "eus", "(zapomniałem|nie pamiętam) (swojego|) (telepinu|kodu telepin) (jak|gdzie) (wygenerować|ustanowić) (nowy|kolejny)", question="telepin"),
    T("other", "eus", "(telepin mi się zablokował|zablokowałem telepin) po (trzech|kilku) (błędnych|nieudanych) próbach (jak go|co zrobić żeby go) odblokować", question="telepin"),
    T("other", "general", "(muszę mieć|muszę zdobyć|muszę dostarczyć) (na przetarg|do banku|do kredytu) zaświadczenie o niezaleganiu (jak je|gdzie je) (uzyskać|zamówić) (szybko|na cito|)", question="certificate"),
    T("other", "general", "(chcę|chciałabym) (zarezerwować|umówić) (spotkanie|wizytę) (u doradcy w urzędzie|w swojej skarbówce|stacjonarnie) (na przyszły tydzień|na czwartek|)", question="visit"),
    T("other", "eus", "(słyszałem|przeczytałam) o (czymś takim jak|) kaspro (co to takiego|na czym to polega)", question="eus"),
    T("other", "eus", "(jak|czym) (wejść|dostać się) na (swoje konto|swój profil) w e-urzędzie (jeśli nie mam|bez) (profilu zaufanego|bankowości internetowej)", question="eus"),
    T("other", SLOT, "(który druk|jaki blankiet) (jest właściwy|obowiązuje) (dla|do rozliczenia) {tax_gen} (i gdzie go|a gdzie to) (wysłać|złożyć)", question="forms"),
    T("other", "general", "(jaki|który) (formularz|druk) (mam przesłać|składa się) (przy zmianie|po zmianie) (adresu|rachunku bankowego|nazwiska)", question="forms"),
    T("other", "general", "(jaki numer|który numer) (wykręcić|wybrać) (żeby|aby) (się dodzwonić|trafić) do (krajowej informacji skarbowej|was) (z zagranicy|z komórki|)", question="hotline"),
    T("other", "general", "(skąd wziąć|jak wygenerować|jak ustalić) (swój|mój) (mikrorachunek|indywidualny rachunek podatkowy) (na podatki|pod zaliczki|)", question="microaccount"),
    # ---------------- representatives (6) ----------------
    T("other", "general", "(dzwonię|telefonuję) (jako pełnomocnik|z upoważnienia) {who}", act="representative"),
    T("other", "general", "(prowadzę księgowość|prowadzę sprawy podatkowe|zajmuję się rozliczeniami) {who} (i mam do was sprawę|i mam kilka pytań|)", act="representative"),
    T("balance", SLOT, "(sprawdzam|weryfikuję) (w imieniu|na prośbę) {who} czy (figurują|widnieją) (jakieś|) zaległości (z tytułu|z) {tax_gen}", act="representative"),
    T("refund", SLOT, "(interesuje mnie|dopytuję o|martwi mnie) zwrot {who} z {tax_gen} (który się przeciąga|który nie wpłynął|)", act="representative"),
    T("payments", SLOT, "(jako biuro rachunkowe|tu biuro księgowe) (chcemy|chcielibyśmy) (potwierdzić|sprawdzić) czy (wpłynął|doszedł) przelew {who} (na|za) {tax}", act="representative"),
    T("other", "general", "(mam|posiadam) pełnomocnictwo ogólne od {who} (i|a) (chciałbym|chciałabym) (coś załatwić|o coś dopytać)", act="representative"),
    # ---------------- refusals (5) ----------------
    T("other", "general", "(peselu|numeru pesel) (nie dam|nie podyktuję|nie zdradzę) (przez telefon|automatowi|maszynie)", act="refuse"),
    T("other", "general", "(telepinu|kodu) (nie mam|nie pamiętam) i (nie chcę|nie będę) go (zakładać|ustawiać)", act="refuse"),
    T("balance", SLOT, "(wstrzymam się z podawaniem|nie chcę ujawniać) (peselu|swoich danych) (ale|a) (niech mi pan powie|chętnie usłyszę) ile zalegam z {tax_gen}", act="refuse"),
    T("refund", SLOT, "(numeru identyfikacyjnego|swoich namiarów) (nie ujawnię|nie zdradzę) (ale|tylko) powiedzcie czy (zwrot|przelew zwrotu) z {tax_gen} (już wyszedł|został wysłany)", act="refuse"),
    T("agent", "general", "(nie dyktuję|nie będę dyktować) (numerów|żadnych numerów) (robotowi|automatowi) (niech się odezwie człowiek|poproszę żywego rozmówcę)", act="refuse"),
    # ---------------- corrections (5) ----------------
    T("other", SLOT, "(to pomyłka|coś się pokręciło|źle mnie zrozumiano) (moja sprawa dotyczy|pytanie dotyczy) {tax_gen}", act="correction"),
    T("balance", SLOT, "(nie zwrot|wcale nie zwrot) (tylko|ale) ile (zalegam|wiszę) (z tytułu|z) {tax_gen}", act="correction"),
    T("refund", SLOT, "(pomyliło mi się|przejęzyczyłem się) (nie wpłata|nie przelew) (tylko|lecz) zwrot z {tax_gen} mnie interesuje", act="correction"),
    T("payments", SLOT, "(zaraz|moment) (poprawię się|sprostuję) (interesuje mnie tylko|obchodzi mnie tylko) czy (wpłata|moja należność) (za|na) {tax} (już doszła|w ogóle dotarła)", act="correction"),
    T("other", SLOT, "(przekręciłem|pomieszałem) (nazwę|podatki) (właściwie|tak naprawdę) (dotyczy to|rzecz dotyczy) {tax_gen}", act="correction"),
    # ---------------- small talk (3) ----------------
    T("other", "general", "(dobrze|dobra|w porządku) (zaczekam|poczekam) (na linii|przy telefonie|)"),
    T("other", "general", "(halo|słychać mnie|czy pani mnie słyszy) (coś przerywa|coś trzeszczy|)"),
    T("other", "general", "(zaraz|moment) muszę (znaleźć|wyciągnąć|odszukać) (okulary|papiery|tę kartkę)"),
]

BLIND2_BANK = Bank(
    id_prefix="c",
    templates=TEMPLATES,
    prefixes=["", "", "", "", "dzień dobry", "witam serdecznie", "dobry wieczór panie", "halo tak",
              "szczęść boże", "no to tak", "przepraszam że zawracam głowę", "uszanowanie"],
    suffixes=["", "", "", "", "bardzo dziękuję", "z góry dziękuję", "to wszystko", "będę wdzięczna",
              "pozdrawiam", "i tyle", "bo naprawdę się martwię"],
    contexts={
        "": ["wydzwaniam do was od poniedziałku", "siedzę nad papierami od rana",
             "sąsiadka mi poradziła żeby tu zadzwonić"],
        "pit": ["w lutym pracodawca przysłał mi PIT-11", "rozliczałem się sam przez internet w marcu"],
        "vat": ["prowadzę mały warsztat samochodowy", "wystawiam faktury od stycznia"],
        "cit": ["jestem prezesem niewielkiej spółki", "zarząd właśnie zatwierdził sprawozdanie"],
        "pcc_sd": ["tata zostawił mi w spadku mieszkanie", "podpisałem umowę pożyczki z bratem"],
        "excise_customs": ["ściągnąłem sobie używaną toyotę z Holandii", "zamówiłam ubrania ze sklepu w Chinach"],
        "enforcement": ["dostałem polecony z tytułem wykonawczym", "bank zajął mi część pensji"],
        "eus": ["próbowałem wejść na stronę podatki gov pl", "mam konto w e-urzędzie od zeszłego roku"],
        "general": ["rzadko mam do czynienia z urzędami", "przeprowadziłem się niedawno do innego miasta"],
    },
    tails=["bo już się pogubiłem", "i nie mam pojęcia co dalej", "a w internecie każdy pisze co innego",
           "bo to dla mnie czarna magia"],
    connectors=["przy sposobności", "a jeszcze jedna rzecz", "oprócz tego", "a druga sprawa"],
    refusals=["nie ufam takim automatom i numeru nie podam", "peselu przez telefon nie dyktuję",
              "telepinu nie ustawiałem i nie będę", "wolę nie zdradzać swoich danych"],
    refusal_joiners=["ale mimo to", "jednakże", "tylko", "lecz"],
    who=["mojej teściowej", "naszej fundacji", "wspólnika", "starszego sąsiada", "mojego ojczyma",
         "spółdzielni mieszkaniowej", "mojej podopiecznej", "stowarzyszenia"],
    name="blind2",
)
