"""A draft of training templates by writer E (2026-12-05): measured, not in the training bank.

105 templates (598 realisations): new situations of the seed (the taxpayer report, e-Korespondencja, ZAW-NR,
PPO-1, a bank refusing a loan over arrears), elderly and business callers, accountants and representatives,
every tier I question, three matters of each queue, a few refusals and corrections. Written at one sitting
by a helper session shown the label definitions, the template syntax, the lexicon, the seed document and
the training bank (templates.py, templates_other_hands.py), never the held-out or blind banks or the
dataset. A check (the two separation tests, run on the draft, printing only the draft's own phrases and the
shared trigrams; now ``python -m eval.nlu_draft_check``) made it reword 53 wordings; it is clean against the
development bank and all three blind banks as they stood on 2026-12-05.

Why it is not in the bank (docs/nlu.md, 2026-12-05): template cross-validation rose with it
(``python -m eval.nlu_template_cv --candidates dialogue/nlu/drafts/writer_e.py:WRITER_E``), but the bot's model
trained on it read the development set two points worse (hybrid written intent 0.980 → 0.961), and the rule
the team set before is that dev intent may not fall by more than half a point. Judged again on two training
seeds per bank (docs/nlu.md, "Writer E again"): written intent falls 1.6 points on average, more than twice
the seeds' spread (0.7). A third time, on the bank grown by writers F to J (docs/nlu.md, "Writer E a third
time"): template CV rose and dev2's topics rose, but dev's heard topic fell 1.1 points on two seeds, twice the
bound. Kept here, in git, so that the next decision can be made on it without writing it again.
"""

from __future__ import annotations

from dialogue.nlu.grammar import SLOT
from dialogue.nlu.grammar import Template as T

WRITER_E: list[T] = [
    # ---- balance: what I owe / the state of my account
    T("balance", SLOT, "zamykam (firmę|działalność) i zanim ją wyrejestruję (muszę ustalić|chcę mieć pewność) czy nie wisi na firmie żadna (niedopłata|zaległość) z {tax_gen}"),
    T("balance", "general", "(biorę|bierzemy) kredyt hipoteczny i przed (wizytą w banku|podpisaniem umowy) chcę wiedzieć na sto procent że żaden dług w skarbówce na mnie nie czeka"),
    T("balance", "general", "(pani złota|kochaniutka) ja już (wszystko zapominam|mam słabą pamięć) niech pani zerknie czy nie chodzi za mną (jakiś dług|jakaś zaległość)"),
    T("balance", SLOT, "(robię|przygotowuję) zamknięcie roku u klienta i muszę uzgodnić (saldo|stan) jego konta z fiskusem (w zakresie|dla) {tax_gen}", act="representative"),
    T("balance", SLOT, "czy po (kontroli|czynnościach sprawdzających) powstała mi (różnica|kwota) do (oddania|uregulowania) w {tax_gen}"),
    T("balance", "general", "jaka (suma|kwota) z doliczonymi odsetkami (zamknie|wyczyści) mój dług gdybym (zapłacił|zapłaciła) ją dzisiaj"),
    T("balance", SLOT, "(mam|czy mam) już {tax} (domknięty|rozliczony) co do grosza czy jakaś (końcówka|resztka) jeszcze wisi"),
    T("balance", "general", "czy po poprzednim (rozliczeniu|zeznaniu) (przetrzymujecie|trzymacie) jeszcze moją nadpłatę do wykorzystania"),
    T("balance", SLOT, "(zarząd|wspólnicy) (pyta|pytają) jakie zadłużenie ma nasza spółka z {tax_gen} (muszę to podać|na zebranie)", act="representative"),
    T("balance", "general", "(dostałem|dostałam) (powiadomienie|maila) z e-urzędu o nieuregulowanej kwocie (jak wysoka ona jest|na ile to opiewa)"),
    T("balance", "general", "bank (odmówił|nie dał) mi (kredytu|leasingu) bo rzekomo mam (długi|zaległości) w urzędzie czy to prawda"),
    T("balance", SLOT, "czy moja niedopłata (za|z) {tax_gen} (nie urosła|nie spuchła) przez odsetki (od ubiegłej jesieni|przez ostatnie miesiące)"),
    T("balance", "general", "cały rok (byłem na kontrakcie i nie pilnowałem|siedziałam za granicą i nie pilnowałam) podatków czy coś się przez ten czas (nazbierało|uzbierało)"),
    T("balance", "enforcement", "poborca (zabrał|zajął) mi (auto|samochód) jaką kwotę (muszę wpłacić|mam oddać) żeby mi je oddali"),
    T("balance", "general", "(peselu mamy|numerów mamy) (maszynie|automatowi) nie przekażę chcę się tylko dowiedzieć czy mama (zalega|ma dług) w urzędzie", act="refuse"),
    T("balance", "general", "(nie|zaraz) pan (źle zrozumiał|źle usłyszał) nie interesuje mnie kiedy wrócą pieniądze tylko (ile jeszcze muszę oddać|ile mi zostało do spłaty)", act="correction"),
    T("balance", SLOT, "wnoszę o (wyliczenie|zestawienie) (należności głównej|zaległości) wraz z odsetkami (z tytułu|w zakresie) {tax_gen}"),
    T("balance", SLOT, "jako (wdowa|wdowiec) przejmuję sprawy domu czy na naszym wspólnym koncie zostały (niespłacone|niezapłacone) raty {tax_gen}"),

    # ---- payments: did my payment arrive, how was it booked
    T("payments", "general", "(zapłaciłem|zapłaciłam) w okienku na poczcie ale (zgubiłem|wyrzuciłem) (dowód wpłaty|potwierdzenie) czy macie to w systemie"),
    T("payments", SLOT, "przelew (za|na) {tax} (wrócił|odbił się) na moje konto czy to znaczy że (nie dotarł|nie dotarło) do urzędu"),
    T("payments", SLOT, "(omyłkowo|niechcący) (opłaciłem|zapłaciłem) {tax} z rachunku firmowego zamiast z prywatnego czy to (się zaliczyło|poszło na mnie)"),
    T("payments", SLOT, "przelew (za|na) {tax} puściłem w (sobotę|niedzielę) a termin mijał w poniedziałek który dzień uznaliście za datę (wpływu|zapłaty)"),
    T("payments", "enforcement", "czy wszystkie raty z (układu ratalnego|rozłożenia długu) są odnotowane (żeby mi nie przepadła ulga|bo boję się że cofniecie raty)"),
    T("payments", SLOT, "biuro rachunkowe (opłaciło|puściło) za mnie {tax} i wolę sprawdzić czy pieniądze (naprawdę|rzeczywiście) wpłynęły"),
    T("payments", "general", "ja się nie znam na tych internetach (córka robiła|zięć robił) mi ten przelew przez komputer niech pani (zobaczy|sprawdzi) czy przyszło"),
    T("payments", "general", "w historii rachunku widzę że pieniądze zeszły a w e-urzędzie tej wpłaty (nie ma|brak) (czy ona jest u was|gdzie się podziała)"),
    T("payments", "general", "(wpisałem|podałem) w przelewie (nip żony|cudzy nip) czy (pieniądze trafiły|wpłata trafiła) na moje konto"),
    T("payments", SLOT, "jako pełnomocnik {who} (potwierdzam|sprawdzam) czy zaliczki na {tax} z ostatniego kwartału (dotarły|zostały zaksięgowane)", act="representative"),
    T("payments", "general", "(numerów|peselu) do automatu nie (wpisuję|podaję) powiedzcie mi wyłącznie czy przelew z poniedziałku (doszedł|dotarł)", act="refuse"),
    T("payments", SLOT, "(zaraz|chwileczkę) nie chodzi mi o żaden dług (tylko|chcę wiedzieć) czy (zapisała się|wpłynęła) moja rata za {tax}", act="correction"),
    T("payments", SLOT, "(komisja przetargowa|kontrahent) wymaga dowodu wpływu (płatności|pieniędzy) za {tax} przed terminem czy możecie to potwierdzić"),
    T("payments", "general", "(wpłaciliśmy|zapłaciliśmy) za dwa miesiące za jednym razem czy (rozbiliście|rozdzieliliście) to na (oba miesiące|poszczególne okresy)"),
    T("payments", SLOT, "(płatność|opłata) kartą za {tax} (przeszła|została pobrana) a czy urząd (ma już te pieniądze|ją odnotował)"),

    # ---- refund: when / how much comes back to me
    T("refund", "pit", "(rozliczyłem się|złożyłam zeznanie) zaraz w lutym a (szwagier|sąsiadka zza ściany) już dawno ma pieniądze a ja (nic|wciąż nic) co jest nie tak"),
    T("refund", "general", "w e-urzędzie (widnieje|jest status) zwrot zrealizowany ale w banku (pusto|nic nie ma) kiedy to (dotrze|dojdzie)"),
    T("refund", SLOT, "ile finalnie (dostanę|przelejecie) zwrotu z {tax_gen} skoro (poprawiałem|poprawiałam) zeznanie"),
    T("refund", SLOT, "(pani|proszę pani) ten zwrot z {tax_gen} to (przyniesie listonosz|przyjdzie pocztą) czy (pójdzie|wpłynie) na książeczkę w banku"),
    T("refund", "vat", "w deklaracji za (marzec|ostatni miesiąc) wykazaliśmy (nadwyżkę|kwotę) do zwrotu w terminie (dwudziestu pięciu|sześćdziesięciu) dni kiedy zostanie przelana"),
    T("refund", "general", "urząd poprosił mnie o (wyjaśnienia|dokumenty) w sprawie zwrotu (dosłałem|wysłałam) wszystko to kiedy (ruszy|pójdzie) przelew"),
    T("refund", SLOT, "(tata|teść) jest po operacji i (poprosił mnie|kazał mi) się dowiedzieć kiedy wpłyną mu pieniądze ze zwrotu z {tax_gen}", act="representative"),
    T("refund", SLOT, "(przyszły|wpłynęły) mi grosze ze zwrotu z {tax_gen} czy (zjedliście|pochłonęliście) resztę na jakiś stary (dług|mandat)"),
    T("refund", "general", "(zaznaczyłem|wybrałam) zwrot na konto a podobno (poszedł przekaz|wysłaliście przekaz) gdzie (odbiorę|mam odebrać) te pieniądze"),
    T("refund", SLOT, "klientka naszego biura od pół roku (dopytuje|pyta) o zwrot z {tax_gen} na jakim etapie jest (jej sprawa|postępowanie)", act="representative"),
    T("refund", "general", "(chwila|nie nie) przecież żadnego długu nie mam to wy macie mi (coś oddać|oddać pieniądze) pytam kiedy", act="correction"),
    T("refund", "general", "z zasady numerów (nie zdradzam|nie udostępniam) wystarczy mi odpowiedź czy wypłata (nadpłaty|zwrotu) ruszyła", act="refuse"),
    T("refund", "general", "(liczyłem|liczyłam) na półtora tysiąca zwrotu a (przyszło|wpłynęło) (dużo mniej|osiemset złotych) czemu tyle ucięliście"),
    T("refund", "excise_customs", "(wywiozłem|sprzedałem) auto (za granicę|do Niemiec) a zwrotu akcyzy wciąż nie widzę kiedy (przyjdzie|go dostanę)"),
    T("refund", "pcc_sd", "umowa (nie doszła do skutku|została unieważniona) i (złożyłem|złożyłam) wniosek o zwrot (PCC|podatku od czynności cywilnoprawnych) kiedy oddacie te pieniądze"),
    T("refund", "enforcement", "po licytacji (auta|mieszkania) została nadwyżka ponad dług kiedy (ją dostanę|mi ją przekażecie)"),

    # ---- agent: asking for a person
    T("agent", "general", "niech (pani|pan) mnie obsłuży jak człowiek a nie ten (komputer|automat) bo ja nie nadążam"),
    T("agent", "general", "(gdzie|jak) tu (jest|znaleźć) opcja (rozmowy z konsultantem|żeby połączyło z człowiekiem)"),
    T("agent", "general", "obsługuję (kilkunastu|paru) klientów jako biuro i z automatem takich kwestii nie załatwię (poproszę|dawajcie) od razu (pracownika|konsultanta)", act="representative"),
    T("agent", "general", "od (pół godziny|kwadransa) błądzę po tym menu (dość|wystarczy) dajcie kogokolwiek z obsługi"),
    T("agent", SLOT, "sprawa {tax_gen} jest zbyt (zawiła|zagmatwana) dla bota (przekażcie|oddajcie) mnie (specjalistce|komuś) od tego"),
    T("agent", SLOT, "(chciałbym|chciałabym) zasięgnąć porady fachowca w materii {tax_gen} (przez telefon|telefonicznie)"),
    T("agent", "enforcement", "(chcę|muszę) (pomówić|porozmawiać) bezpośrednio z (poborcą|poborczynią) który prowadzi moją sprawę"),
    T("agent", "general", "ten (bot|asystent) w kółko pyta o to samo przerwijcie to i niech odezwie się ktoś myślący"),
    T("agent", "eus", "proszę kogoś kto przeprowadzi mnie krok po kroku przez (e-urząd|logowanie) bo (sam|sama) się pogubię"),
    T("agent", "general", "na pytania automatu odpowiadać nie będę (żądam|domagam się) rozmowy z (kierownikiem|przełożonym)"),

    # ---- other, tier I questions
    T("other", "general", "do której najpóźniej (mogę|da się) pisać na czacie z (pracownikiem|człowiekiem)", question="hours"),
    T("other", "general", "(trzeciego maja|jedenastego listopada) infolinia (pracuje|jest otwarta) czy macie wolne", question="hours"),
    T("other", "eus", "(zmieniłem|zmieniłam) numer komórki czy mój telepin (nadal|dalej) działa czy (trzeba|muszę) ustanowić go od nowa", question="telepin"),
    T("other", "eus", "z ilu cyfr składa się telepin i czy może to być (data urodzenia|sześć jedynek)", question="telepin"),
    T("other", "general", "(składamy ofertę|stajemy do zamówienia) w zamówieniu publicznym (gminy|szpitala) z terminem na pojutrze czy zdążę otrzymać zaświadczenie o niezaleganiu", question="certificate"),
    T("other", "general", "czy (bank przyjmie|notariusz uzna) zaświadczenie o niezaleganiu pobrane w e-urzędzie czy muszę mieć papier z pieczątką", question="certificate"),
    T("other", "general", "muszę (odwołać|przełożyć) umówioną wizytę w urzędzie bo się (rozchorowałem|rozchorowałam) (gdzie to zgłosić|jak się wypisać)", question="visit"),
    T("other", "general", "(jakie dokumenty|co) (zabrać|wziąć) ze sobą na zarezerwowaną wizytę w urzędzie", question="visit"),
    T("other", "eus", "(co zawiera|co pokazuje) raport podatnika w e-urzędzie (i skąd go pobrać|i jak go wygenerować)", question="eus"),
    T("other", "eus", "jak (przełączyć się|przelogować się) z konta prywatnego na konto (organizacji|spółki) w e-urzędzie", question="eus"),
    T("other", "eus", "(jak|gdzie) wyrazić zgodę na (e-korespondencję|korespondencję elektroniczną) żeby pisma przychodziły do e-urzędu", question="eus"),
    T("other", SLOT, "czy {tax} składa się wyłącznie (elektronicznie|przez internet) czy wolno jeszcze (na papierze|papierowo)", question="forms"),
    T("other", "general", "skąd (pobrać|wziąć) druk ZAW-NR (i jak go złożyć|i komu go przekazać)", question="forms"),
    T("other", "general", "(jakim drukiem|na jakim formularzu) (cofnąć|odwołać) pełnomocnictwo ogólne", question="forms"),
    T("other", "general", "(z komórki|z telefonu stacjonarnego) jakim numerem uzyskam połączenie z krajową informacją skarbową", question="hotline"),
    T("other", "general", "czy (połączenie z waszym numerem|rozmowa z infolinią) jest (bezpłatne|darmowa) czy płacę jak za zwykłe połączenie", question="hotline"),
    T("other", "general", "czy mikrorachunek (zmienia się co roku|jest inny dla każdego podatku) czy (mam jeden|jest jeden) do wszystkiego", question="microaccount"),
    T("other", SLOT, "na który rachunek spółka (przelewa|płaci) {tax} skoro mikrorachunek jest podobno tylko dla osób fizycznych", question="microaccount"),

    # ---- other, matters of each queue
    # pit
    T("other", "pit", "(latem|jesienią) urodziło mi się dziecko a wcześniej (byłam|byłem) samotnym rodzicem czy ulga (należy się|przysługuje) za część roku"),
    T("other", "pit", "(dostałem|dostałam) (odprawę|odszkodowanie) z zakładu pracy czy taka kwota (podlega opodatkowaniu|jest objęta podatkiem)"),
    T("other", "pit", "(chcę|zamierzam) przejść ze skali na ryczałt od przyszłego roku do kiedy (muszę to zgłosić|mam czas na decyzję)"),
    # vat
    T("other", "vat", "kontrahent z (Czech|Niemiec) podał mi swój numer unijny czy (mogę|wolno mi) (wystawić fakturę|dać fakturę) ze stawką zero procent"),
    T("other", "vat", "od kiedy (wystawianie|odbieranie) faktur przez krajowy system e-faktur (jest obowiązkowe|staje się obowiązkiem) dla jednoosobowej firmy"),
    T("other", "vat", "auto (w leasingu|z leasingu) służy mi (do firmy|w firmie) i prywatnie jaką część podatku naliczonego wolno odliczyć"),
    # cit
    T("other", "cit", "czy wypłata dywidendy (wspólnikom|udziałowcom) (w spółce|ze spółki) na estońskim cit oznacza podatek od razu"),
    T("other", "cit", "nasza spółka (połączyła się|zrobiła fuzję) ze spółką córką czy (możemy|wolno nam) rozliczyć jej straty z poprzednich lat"),
    T("other", "cit", "(fundacja|stowarzyszenie) prowadzi kawiarnię czy zysk przeznaczony na cele statutowe (jest zwolniony|podlega zwolnieniu)"),
    # pcc_sd
    T("other", "pcc_sd", "(siostra przelała|brat przelał) mi w prezencie trzydzieści tysięcy w ciągu ilu (miesięcy|dni) (muszę|trzeba) to zgłosić"),
    T("other", "pcc_sd", "(zamieniamy się|robimy zamianę) (mieszkaniami|działkami) z kuzynem kto z nas (płaci|zapłaci) podatek i jak się go liczy"),
    T("other", "pcc_sd", "zakładamy spółkę (jawną|cywilną) i wnosimy (wkłady|aport) czy od umowy spółki (należy się|płaci się) podatek"),
    # excise_customs
    T("other", "excise_customs", "zamawiam (liquidy|susz tytoniowy) z zagranicy (dla siebie|na własny użytek) czy muszę od tego (płacić|odprowadzić) akcyzę"),
    T("other", "excise_customs", "sprowadzam (towar|odzież) z Turcji kontenerami (jak|gdzie) uzyskać numer EORI do odprawy"),
    T("other", "excise_customs", "(sprowadziłem|kupiłem) (hybrydę|auto elektryczne) z Norwegii czy przy takim aucie akcyza jest (niższa|obniżona)"),
    # enforcement
    T("other", "enforcement", "jako (pracodawca|kadrowa) (dostałem|dostałam) zajęcie pensji pracownika co (muszę|mam) teraz robić"),
    T("other", "enforcement", "jeśli spłacę całą zaległość to (jak szybko|kiedy) (wykreślą|usuną) mnie z rejestru należności"),
    T("other", "enforcement", "z zablokowanego konta nie (mogę|da się) zapłacić (czynszu|za prąd) czy musi mi zostać jakaś suma na życie"),
    # eus
    T("other", "eus", "eksport rozliczeń do (excela|pliku pdf) w e-urzędzie (nie działa|kończy się błędem)"),
    T("other", "eus", "jestem użytkownikiem konta organizacji (fundacji|stowarzyszenia) ale po zalogowaniu widzę tylko swoje prywatne sprawy", act="representative"),
    T("other", "eus", "aplikacja e-urzędu nie wysyła mi powiadomień o nowych pismach i (przegapiłem|przegapiłam) termin"),
    # general
    T("other", "general", "(ktoś|jakiś człowiek) podaje się za pracownika skarbówki (w esemesach|w mailach) gdzie zgłosić takie oszustwo"),
    T("other", "general", "jak przesunąć termin odpowiedzi na wezwanie bo (jestem chory|wyjeżdżam na operację)"),
    T("other", "general", "(wyczytałem|przeczytałam) że (w przyszłym roku|wkrótce) zmieniają się przepisy czy to dotyczy mnie jako (emeryta|rolnika)"),
    # representatives, corrections
    T("other", SLOT, "przy telefonie (doradca podatkowy|radca prawny) reprezentuję (spółkę|klienta) w postępowaniu dotyczącym {tax_gen}", act="representative"),
    T("other", "general", "sąd ustanowił mnie (opiekunem prawnym|kuratorem) niepełnosprawnej (siostry|córki) i załatwiam za nią sprawy podatkowe", act="representative"),
    T("other", SLOT, "(źle się wyraziłem|niefortunnie to ująłem) tak naprawdę pytam w temacie {tax_gen}", act="correction"),
    T("other", "pit", "(poprawka|sprostowanie) nie chodzi o spółkę tylko o moje prywatne (rozliczenie|zeznanie)", act="correction"),
]
