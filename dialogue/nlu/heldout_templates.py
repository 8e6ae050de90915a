"""The held-out bank: callers the model never heard, written in other frames and other words.

Nothing here is trained on. Every template was written against the training bank (templates.py):
no three words in a row of its frame occur in a training frame, and each one brings at least one
word the training bank never uses (tests/dialogue/test_nlu_dataset.py checks both). The taxes are
named from the shared lexicon (lexicon.py) — the domain's own vocabulary.
"""

from __future__ import annotations

from dialogue.nlu.grammar import SLOT, Bank
from dialogue.nlu.grammar import Template as T

BALANCE = [
    T("balance", SLOT, "ile (wiszę|jestem do tyłu) (skarbówce|fiskusowi) (za|z) {tax}"),
    T("balance", SLOT, "czy ciąży na mnie (jakaś należność|coś nieuregulowanego) (z tytułu|za) {tax_gen}"),
    T("balance", "general", "(interesuje mnie|chciałbym poznać) bilans (mojego rachunku|mojej karty) (podatnika|w skarbówce)"),
    T("balance", SLOT, "(czy|) wyszedłem na minus (w|przy) {tax_gen}"),
    T("balance", SLOT, "(jaką sumę|jaka suma) (pozostaje|pozostała) do uiszczenia (z|za) {tax_gen}"),
    T("balance", "general", "(pragnę|chciałabym) się upewnić że nie (zalegam|jestem) fiskusowi ani grosza"),
    T("balance", SLOT, "czy fiskus upomina się o (pieniądze|kasę) (za|z tytułu) {tax_gen}"),
    T("balance", "general", "czy moje konto w skarbówce (jest|wychodzi) na plusie czy na minusie"),
    T("balance", SLOT, "(czy|) (doliczono|dopisano) odsetki za zwłokę (od|w) {tax_gen}"),
    T("balance", "general", "muszę (znać|poznać) kwotę mojego długu żeby go (spłacić|wyrównać)"),
    T("balance", "enforcement", "(przyszło|dostałam) pismo od egzekutora (jaką kwotę|ile) (należy|trzeba) wpłacić"),
    T("balance", "enforcement", "po blokadzie rachunku ile (jeszcze|w sumie) (zostało|brakuje)"),
    T("balance", SLOT, "zwracam się z prośbą o wskazanie wysokości mojego zobowiązania (wobec fiskusa|w zakresie) {tax_gen}"),
    T("balance", "general", "jak (wygląda|przedstawia się) moja sytuacja finansowa w skarbówce"),
]

PAYMENTS = [
    T("payments", SLOT, "(puściłem|przekazałem) (kasę|przelew) (na|za) {tax} (w piątek|przedwczoraj) (czy już są|czy widnieją)"),
    T("payments", SLOT, "(opłaciłam|uregulowałem) {tax} (blikiem|kartą|w okienku pocztowym) (ciekawe|zastanawiam się) czy to przeszło"),
    T("payments", SLOT, "czy u was widać że (uregulowałam|uiściłem) {tax}"),
    T("payments", SLOT, "(potrzebuję|muszę) potwierdzić że (zapłata|opłata) (za|z tytułu) {tax_gen} trafiła na właściwe konto"),
    T("payments", SLOT, "(przekazałem|wysłałam) ratę (za|na) {tax} z (błędnym|niepełnym) opisem czy trafiła (tam gdzie trzeba|na właściwy podatek)"),
    T("payments", "general", "czy (odnotowaliście|odnotowano) przelew sprzed (tygodnia|dziesięciu dni)"),
    T("payments", "general", "kiedy fiskus (zarejestrował|odnotował) moją ostatnią (opłatę|zapłatę)"),
    T("payments", "general", "(proszę|chciałabym) (zestawienie|spis) przelewów jakie (zrobiłem|zrobiłam) w (tym kwartale|ostatnim kwartale)"),
    T("payments", "enforcement", "(oddałem|spłaciłem) (całość|należność) egzekutorowi (widać to już|jest to już odnotowane)"),
    T("payments", SLOT, "(uiściłem|przesłałem) zaliczkę (na|za) {tax} czy (dotarła|doszła) do was na czas"),
]

REFUND = [
    T("refund", SLOT, "(kiedy|czy) (oddadzą|zwrócą) mi (forsę|kasę) (z|za) {tax_gen}"),
    T("refund", "general", "środki z rozliczenia (jeszcze nie|wciąż nie) (zasiliły|dotarły na) mój rachunek bankowy"),
    T("refund", SLOT, "ile jeszcze (mam czekać|poczekam) na (zwrot|oddanie forsy) (z|za) {tax_gen}"),
    T("refund", SLOT, "(oddano|przelano) mi mniej niż (wyliczyłem|powinno być) (z|za) {tax_gen} (dlaczego|czemu tak)"),
    T("refund", SLOT, "jak stoi sprawa z moją nadpłatą (z|za) {tax_gen}"),
    T("refund", "general", "skarbówka (obiecała|zapowiadała) oddanie nadwyżki (do końca miesiąca|w ciągu miesiąca) i (cisza|głucho)"),
    T("refund", "general", "kiedy (mogę spodziewać się|należy oczekiwać) przelewu nadpłaconego podatku"),
    T("refund", SLOT, "(czy|) nadwyżka (z|za) {tax_gen} wróci do mnie (przelewem|na rachunek)"),
    T("refund", "enforcement", "(egzekutor|poborca) (ściągnął|pobrał) (podwójnie|dwa razy) kiedy odzyskam nadwyżkę"),
    T("refund", SLOT, "(wnioskowałem|wnosiłam) o (oddanie|przelanie) nadwyżki (z|za) {tax_gen} (i cisza|i żadnej odpowiedzi)"),
]

AGENT = [
    T("agent", "general", "(potrzebuję|wolałbym) pogadać z (kimś kompetentnym|urzędnikiem na żywo)"),
    T("agent", "general", "(przekaż|przekażcie) mnie (specjaliście|jakiemuś doradcy)"),
    T("agent", "general", "nie (dogadam się|dogaduję się) z maszyną (daj|dajcie) kogoś z obsługi"),
    T("agent", "general", "(zawołaj|dawaj) (konsultantkę|kogoś z ludzi)"),
    T("agent", "general", "(ja chcę|chciałabym) z osobą z krwi i kości"),
    T("agent", "general", "(wolę|wolałabym) rozmowę z (pracownikiem|urzędnikiem) niż z automatem"),
    T("agent", SLOT, "(poproszę|dawaj) (specjalistę|fachowca) do spraw {tax_gen}"),
    T("agent", SLOT, "(z kim|kto) (tu|) (pogada ze mną|mi wytłumaczy) (o|w temacie) {tax_gen}"),
    T("agent", "general", "(operatorka|konsultantka) (proszę|poproszę)"),
    T("agent", "enforcement", "(poproszę|chcę) (rozmowę|kontakt) z windykacją (skarbową|)"),
]

OTHER = [
    T("other", SLOT, "(mam|miałabym) (wątpliwość|zagwozdkę) (co do|w temacie) {tax_gen}"),
    T("other", SLOT, "(nurtuje mnie|zastanawia mnie) (kwestia|temat) {tax_gen}"),
    T("other", "pit", "(wynajmuję|podnajmuję) (pokój|kawalerkę) studentom jak to opodatkować"),
    T("other", "pit", "(syn|córka) (dorabia|pracuje) w wakacje czy (musi|powinien) składać zeznanie"),
    T("other", "pit", "(czy|) łapię się na ulgę (rehabilitacyjną|dla młodych)"),
    T("other", "pit", "(zarabiam|zarobiłem) (w Norwegii|na platformach internetowych) (jak|gdzie) to wykazać"),
    T("other", "vat", "(klient z Czech|kontrahent zagraniczny) chce fakturę bez (podatku|vatu) czy (mogę|wolno)"),
    T("other", "vat", "od jakiego obrotu (trzeba|należy) (doliczać|naliczać) vat"),
    T("other", "vat", "(wolno mi|opłaca się) (odzyskiwać|odliczać) vat (przy leasingu|przy zakupie laptopa)"),
    T("other", "cit", "(nasza|moja) spółka komandytowa (płaci|rozlicza) cit (od kiedy|jak to wygląda)"),
    T("other", "cit", "jak wykazać (dywidendę|wypłatę zysku) (w spółce kapitałowej|wspólnikom) (w cit|dla celów cit)"),
    T("other", "pcc_sd", "(mama przekazała|ojciec podarował) mi (samochód|grunt) czy skarbówka (musi|ma) o tym wiedzieć"),
    T("other", "pcc_sd", "(nabyłem|nabyłam) (motocykl|auto) z ogłoszenia (ile|jaki) procent od tego oddać"),
    T("other", "pcc_sd", "(dziadek|ciocia) (zostawiła|zapisał) mi majątek w testamencie (co dalej|jakie formalności)"),
    T("other", "excise_customs", "(ściągnąłem|przywiozłem) (motocykl|ciągnik) zza granicy (jak|ile) (wynosi|zapłacę) akcyza"),
    T("other", "excise_customs", "przesyłka z AliExpress (czeka|stoi) na odprawie celnej (jak ją odebrać|jak ją wydostać)"),
    T("other", "excise_customs", "jakie są limity (wwozu|przewozu) (wina|tytoniu) spoza Unii"),
    T("other", "enforcement", "(zablokowali|zamrozili) mi rachunek przez skarbówkę (jak to odkręcić|co mogę zrobić)"),
    T("other", "enforcement", "jak (zatrzymać|powstrzymać) licytację (mojego auta|mieszkania)"),
    T("other", "enforcement", "egzekutor zapowiedział się (na jutro|w przyszłym tygodniu) czego się spodziewać"),
    T("other", "eus", "(strona|aplikacja) e-urzędu (się zawiesza|wywala|nie ładuje)"),
    T("other", "eus", "(utknąłem|zatrzymuję się) przy potwierdzeniu tożsamości w e-urzędzie"),
    T("other", "general", "(przeprowadziłem się|zmieniłam miejsce zamieszkania) (czy muszę|jak) (powiadomić|poinformować) skarbówkę"),
    T("other", "general", "(gdzie|jak) (złożyć|wnieść) odwołanie od decyzji (naczelnika|fiskusa)"),
    T("other", "general", "(macie|udostępniacie) (jakiś|) poradnik (dla początkujących|o podatkach)"),
]

TIER_ONE = [
    T("other", "general", "(do jakiej godziny|od jakiej godziny) (da się|mogę) (dodzwonić się|dzwonić) do was", question="hours"),
    T("other", "general", "(czy|) w piątek po południu ktoś (odbiera|odbierze) telefon", question="hours"),
    T("other", "general", "w jakich porach (dyżuruje|odpisuje) (człowiek|pracownik) na czacie", question="hours"),
    T("other", "general", "(czy|) (jutro|w święto) (pracujecie|jesteście dostępni)", question="hours"),
    T("other", "eus", "(wyleciał mi z głowy|zgubiłem) sześciocyfrowy kod do telefonicznej obsługi (co robić|co teraz)", question="telepin"),
    T("other", "eus", "(gdzie|jak) (wygenerować|utworzyć) telepin", question="telepin"),
    T("other", "eus", "(chcę|wolałbym) (pozbyć się|wyłączyć) telepinu (całkiem|na stałe)", question="telepin"),
    T("other", "eus", "(mój|) telepin (wygasł|przestał działać) (jak ustalić|skąd wziąć) (nowy|kolejny)", question="telepin"),
    T("other", "general", "(przetarg|bank) wymaga (papieru|dokumentu) potwierdzającego czystą kartotekę w skarbówce skąd go wziąć", question="certificate"),
    T("other", "general", "(dokument|poświadczenie) o braku zaległości podatkowych (jak długo się czeka|czy to płatne)", question="certificate"),
    T("other", "general", "(ubiegam się|staram się) o (kontrakt|zamówienie publiczne) i (potrzebne jest|wymagają) zaświadczenie o niezaleganiu", question="certificate"),
    T("other", "general", "(muszę|chcę) (stawić się|pojawić się) w urzędzie czy potrzebny jest (termin|zapis)", question="visit"),
    T("other", "general", "(jak|gdzie) (zaklepać|zarezerwuje się) (godzinę|miejsce) w okienku", question="visit"),
    T("other", "eus", "(czym jest|na czym polega) e-urząd", question="eus"),
    T("other", "eus", "(jak|gdzie) (zacząć|zacznę) korzystać z e-urzędu", question="eus"),
    T("other", "eus", "(czym|po co) właściwie jest kaspro", question="eus"),
    T("other", SLOT, "(w jaki sposób|którędy) (przesłać|dostarczyć) {tax}", question="forms"),
    T("other", SLOT, "(potrzebuję|szukam) druku {tax_gen}", question="forms"),
    T("other", "general", "(skąd|gdzie) (pobrać|ściągnąć) wzór (deklaracji|zeznania)", question="forms"),
    T("other", "general", "pod jakim numerem (dodzwonię się|złapię) (was|kogoś z kis)", question="hotline"),
    T("other", "general", "(podaj|podajcie) numer kontaktowy do krajowej informacji skarbowej", question="hotline"),
    T("other", "general", "(gdzie|jak) (znajdę|ustalę) indywidualny numer do przelewu podatku", question="microaccount"),
    T("other", SLOT, "na który numer (przelać|puścić) {tax}", question="microaccount"),
]

REPRESENTATIVE = [
    T("other", "general", "(reprezentuję|obsługuję) (kontrahenta|pewną firmę) na podstawie pełnomocnictwa", act="representative"),
    T("other", "general", "(tu|mówi) kancelaria podatkowa (dzwonię|w sprawie) (podopiecznego|zleceniodawcy)", act="representative"),
    T("other", "general", "(załatwiam|pilnuję) sprawy podatkowe (teściowej|starszego sąsiada)", act="representative"),
    T("balance", "general", "(syn|córka) (poprosił|poprosiła) mnie (żebym|abym) sprawdziła czy (ma|są) długi", act="representative"),
    T("balance", SLOT, "(stan|bilans) rozrachunków {who} (z|za) {tax_gen}", act="representative"),
    T("payments", SLOT, "czy przelew {who} (za|na) {tax} (trafił|przeszedł)", act="representative"),
    T("refund", SLOT, "(w którym miejscu|gdzie) utknęła nadwyżka {who} (z|za) {tax_gen}", act="representative"),
    T("balance", SLOT, "(jestem|jako) (prezes|członek zarządu) (spółki|fundacji) (pytam|chcę zapytać) o (jej|naszą) sytuację (w|z) {tax_gen}", act="representative"),
    T("other", SLOT, "(występuję|działam) (za|w zastępstwie) {who} w (temacie|kwestii) {tax_gen}", act="representative"),
    T("payments", "general", "(sprawdzam|weryfikuję) wpływy (podopiecznego|kontrahenta) na rzecz skarbówki", act="representative"),
]

REFUSE = [
    T("other", "general", "(nie zamierzam|odmawiam) podawać (numeru|identyfikatora) przez telefon", act="refuse"),
    T("other", "general", "nie (ufam|zaufam) automatom więc nie (podam|przekażę) żadnych numerów", act="refuse"),
    T("other", "general", "(na co|komu) potrzebny mój pesel (nie ma mowy|odpada)", act="refuse"),
    T("balance", "general", "(bez podawania|nie dam) numerów (chcę|proszę) usłyszeć ile wiszę", act="refuse"),
    T("refund", "general", "nie (mam ochoty|zamierzam) się (legitymować|identyfikować) (powiedz|proszę powiedzieć) kiedy wróci nadwyżka", act="refuse"),
    T("agent", "general", "(odmawiam|nie zamierzam) (się identyfikować|niczego podawać) (dawaj|proszę) kogoś z ludzi", act="refuse"),
]

CORRECTION = [
    T("other", SLOT, "(nieporozumienie|źle usłyszałeś) (miałem na myśli|myślałem o) {tax}", act="correction"),
    T("other", SLOT, "(ależ|przecież) (mówiłam|powiedziałem) wyraźnie {tax}", act="correction"),
    T("refund", "general", "(zupełnie|kompletnie) (chybione|nietrafione) pytam o oddanie nadwyżki", act="correction"),
    T("balance", "general", "(nie o pieniądze z nadpłaty|nie o przelewy) lecz o to ile wiszę", act="correction"),
    T("other", "general", "(pomyliłeś|pokręciłeś) (coś|wszystko) (zaczniemy|zacznijmy) od nowa", act="correction"),
]

SMALL_TALK = [
    T("other", "general", "(okej|dobra|jasne)"),
    T("other", "general", "(no dobrze|w porządku) (to na razie|dziękuję ślicznie)"),
    T("other", "general", "(sekunda|chwila) (muszę poszukać|szukam okularów)"),
    T("other", "general", "(co|że co) (przerywa|nic nie słyszę)"),
]

TEMPLATES: list[T] = (BALANCE + PAYMENTS + REFUND + AGENT + OTHER + TIER_ONE + REPRESENTATIVE + REFUSE + CORRECTION
                      + SMALL_TALK)

HELDOUT_BANK = Bank(
    name="heldout",
    templates=TEMPLATES,
    prefixes=["", "", "", "", "", "dzień dobry pani", "szanowni państwo", "cześć", "przepraszam bardzo", "mhm",
              "okej więc", "tu Kowalska", "słuchajcie"],
    suffixes=["", "", "", "", "", "z góry dzięki", "będę wdzięczna", "tyle ode mnie", "pozdrawiam"],
    contexts={
        "": ["sprawa jest taka", "mam nadzieję że dobrze trafiłem", "od tygodnia próbuję to ogarnąć",
             "koleżanka z pracy poradziła mi ten numer", "list przyszedł polecony i się przestraszyłam",
             "jestem starszą osobą i nie korzystam z komputera"],
        "pit": ["wróciłem niedawno z Irlandii", "córka studiuje i dorabia na zleceniu",
                "przeszłam na emeryturę w zeszłym roku"],
        "vat": ["otworzyłem sklep internetowy", "sprzedaję usługi informatyczne firmom z zagranicy"],
        "cit": ["zarządzam spółką akcyjną", "nasza fundacja zarabia na wynajmie sali"],
        "pcc_sd": ["ciocia zapisała mi w testamencie oszczędności", "nabyłem od znajomego motocykl"],
        "excise_customs": ["ściągnąłem z Belgii ciągnik", "przyszła do mnie przesyłka z AliExpress"],
        "enforcement": ["zamrozili mi rachunek w banku", "egzekutor zostawił awizo"],
        "eus": ["aplikacja na telefonie mi się zawiesza"],
    },
    tails=["bo głowię się nad tym od rana", "bo nie chcę mieć kłopotów", "i tyle w temacie",
           "bo muszę to szybko załatwić"],
    connectors=["a przy okazji", "i przy okazji zapytam", "a druga rzecz", "no i jeszcze"],
    refusals=["nie zamierzam podawać numeru pesel", "odmawiam podania danych maszynie",
              "nie dam robotowi swoich numerów"],
    refusal_joiners=["mimo to", "lecz", "tylko proszę"],
    who=["mojego syna", "córki", "teściowej", "sąsiadki", "naszej fundacji", "wspólnika", "mojego brata",
         "mojej siostry", "pana Nowaka", "dziadka"],
)
