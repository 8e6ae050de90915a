"""Training templates by writer G (a helper session, 2026-12-05), in the training bank since the same day.

101 templates (678 realisations, at most 12 each): 45 refund, 36 agent, 20 other. Written at one sitting
on 2026-12-05. The check (eval.nlu_draft_check) was run seven times; it caused 68 rewordings in all
(49, then 16, 2 and 1 more: shared word trigrams or used-up words of a protected bank), besides 13 of
my own edits for grammar and to cap realisations. Final result: CLEAN.

Shown: the label definitions (dialogue/nlu_types.py, contracts/queues.py), the template syntax
(grammar.py), the tax lexicon, the seed document, the mission glossary and the training bank
(templates.py, templates_other_hands.py, drafts/writer_e.py), so as to say what they do not.
Never shown: the held-out, dev2 or blind banks, the dataset files, docs/nlu.md or the tests. The check
``python -m eval.nlu_draft_check`` named only this draft's own phrases that collide with a protected bank.

Share: refunds (when, why late, where the money went, why smaller), asking for a person (impatient,
elderly, professional, young, for a queue's expert), and "other" questions that use the same words
(how to apply for a refund, the law on refunds, the consultants' hours and channels).

Joined the bank with writer F's templates after two seeds of the bot's model (docs/nlu.md, "Writers F and G
join the bank").
"""

from __future__ import annotations

from dialogue.nlu.grammar import SLOT
from dialogue.nlu.grammar import Template as T

WRITER_G: list[T] = [
    # ---- refund: when / whether / where / why smaller
    T("refund", SLOT, "(sprawdzam|dopytuję) czy skarbówka (puściła|wypuściła) już przelew z nadpłatą za {tax}"),
    T("refund", SLOT, "(kiedy|no kiedy w końcu) (wpadnie|wleci) mi (hajs|kasa) z {tax_gen}"),
    T("refund", SLOT, "(pani droga|panie kochany) (córka|wnuczka) wysłała mi ten formularz od {tax_gen} a z pieniążków nici"),
    T("refund", SLOT, "(reprezentuję|obsługuję) (spółkę|klienta) a pytam o termin realizacji zwrotu nadpłaty z tytułu {tax_gen}", act="representative"),
    T("refund", SLOT, "(uprzejmie proszę o|wnoszę o) udzielenie informacji o (stanie|przebiegu) postępowania w przedmiocie zwrotu {tax_gen}"),
    T("refund", SLOT, "dlaczego urząd (przedłużył|wydłużył) termin zwrotu {tax_gen} (czy trwa jeszcze weryfikacja|czy brakuje dokumentów)"),
    T("refund", SLOT, "czemu moje pieniądze z {tax_gen} (utknęły|zawisły) (gdzieś po drodze|w urzędzie)"),
    T("refund", "general", "pod jaki rachunek (poszła|trafiła) moja nadpłata bo (zmieniałem bank|zamknąłem stare konto w międzyczasie)"),
    T("refund", SLOT, "zwrot z {tax_gen} (przyszedł|wpłynął) (pomniejszony o kilkaset złotych|okrojony względem zeznania) (z jakiego powodu|dlaczego tak)"),
    T("refund", SLOT, "czy (dyspozycja wypłaty|dyspozycja przelewu) zwrotu z {tax_gen} (poszła już do banku|wyszła już z urzędu)"),
    T("refund", "vat", "(firma wyczekuje|od tygodni wypatrujemy) zwrotu różnicy podatku na rachunek vat a (termin już minął|płynność nam siada)"),
    T("refund", "vat", "czy (zwrot przyspieszony|ten szybki zwrot) VAT dla (naszego klienta|klienta biura) został już (uruchomiony|zlecony)", act="representative"),
    T("refund", "cit", "spółka (wykazała|ma) nadpłatę (w zeznaniu CIT-8|z podatku dochodowego spółki) po korekcie kiedy (środki wrócą|pieniądze zostaną przekazane) na jej rachunek"),
    T("refund", "cit", "(przepłaciliśmy zaliczki na CIT|zaliczki spółki były za wysokie) i (chcemy wiedzieć|pytamy) czy nadwyżka (została już zwrócona|jest w drodze)"),
    T("refund", "pcc_sd", "pcc za (auto|mieszkanie) (zapłaciłem podwójnie|poszło podwójnie) więc kiedy (oddacie|zwrócicie) tę drugą wpłatę"),
    T("refund", "pcc_sd", "po uchyleniu decyzji w sprawie podatku od spadku (przysługuje mi różnica|mam dostać różnicę) (kiedy przyjdzie|czy już ją wysłaliście)"),
    T("refund", "excise_customs", "(nasza hurtownia|firma) czeka na zwrot akcyzy za wyroby (wywiezione za granicę|dostarczone do innego kraju) kiedy (urząd celno-skarbowy|izba) go wypłaci"),
    T("refund", "excise_customs", "(odesłałem|zwróciłam) towar do sprzedawcy z Chin a zapłacone cło (do dziś mi nie wróciło|wciąż nie wróciło) kiedy je odzyskam"),
    T("refund", "enforcement", "(zabraliście|ściągnęliście) mi (z wypłaty|z emerytury|z konta) już po spłacie długu (kiedy oddacie|kiedy zwrócicie) te pieniądze"),
    T("refund", "enforcement", "bank (przelał|odprowadził) wam środki z zajęcia a dług był już zapłacony (gdzie jest ta nadwyżka|kiedy wróci ta nadwyżka)"),
    T("refund", "general", "(wyszedł|poszedł) przekaz pocztowy z nadpłatą tylko że (leżałem w szpitalu|awizo przepadło) (gdzie teraz są te pieniądze|przepadła mi ta kwota)"),
    T("refund", SLOT, "czy (część|całość) mojego zwrotu z {tax_gen} poszła na pokrycie (jakiejś|starej) zaległości (i stąd mniej|bo wpłynęło mniej)"),
    T("refund", SLOT, "czy zwrot z {tax_gen} zmarłego (taty|męża) został już (wypłacony|przelany) i na czyje konto", act="representative"),
    T("refund", SLOT, "rozliczamy się (wspólnie|razem) z (mężem|żoną) na które z naszych kont (trafił|poszedł) zwrot z {tax_gen}"),
    T("refund", SLOT, "cała ekipa z roboty (dostała już|ma już) kasę z {tax_gen} a ja (zero|nic) (co jest grane|coś jest nie tak)"),
    T("refund", "pit", "(pit|zeznanie) (ma status|pokazuje status) przyjęte a przelewu (od tygodni|od dawna) nie widać"),
    T("refund", SLOT, "(zwrot z {tax_gen} dotarł|nadpłata z {tax_gen} dotarła) po terminie czy (doliczycie|dopłacicie) mi oprocentowanie"),
    T("refund", SLOT, "(przyszło pismo|dostałem pismo) o przedłużeniu terminu zwrotu z {tax_gen} (do kiedy to się przeciągnie|kiedy w końcu wypłacicie)"),
    T("refund", SLOT, "potrzebuję tych pieniędzy (na czynsz|na leki) (da się zobaczyć|można sprawdzić) kiedy (wpłynie|przyjdzie) zwrot z {tax_gen}"),
    T("refund", SLOT, "(jako księgowa|z ramienia biura) (ustalam|chcę ustalić) termin wypłaty nadpłaty z {tax_gen} dla (naszego klienta|klientki)", act="representative"),
    T("refund", SLOT, "(proszę o potwierdzenie|potrzebuję potwierdzenia) czy kwota do zwrotu z {tax_gen} została (przekazana|przelana) na wskazany rachunek"),
    T("refund", SLOT, "(ile można|do kiedy mam) wyczekiwać (moich|własnych) pieniędzy z {tax_gen} (to jest skandal|to już przesada)"),
    T("refund", SLOT, "(kpina jakaś|bezczelność) (trzymacie|przetrzymujecie) moje pieniądze z {tax_gen} (od lutego|już czwarty miesiąc)"),
    T("refund", "general", "pieniądze ze zwrotu (odbiły się|wróciły do nadawcy) bo (konto było zamknięte|pomyliłem cyfrę w numerze) (gdzie one teraz są|kiedy je dostanę)"),
    T("refund", SLOT, "czy urząd (rozstrzygnął|rozpatrzył) już mój zwrot z {tax_gen} czy (wniosek|sprawa) jeszcze (leży|czeka)"),
    T("refund", SLOT, "pracuję za granicą a zwrot z {tax_gen} miał wpłynąć na (polskie konto|rachunek w polskim banku) (czy już wyszedł|czy coś wiadomo)"),
    T("refund", SLOT, "po korekcie {tax_gen} (wyszło|wychodzi) mi więcej zwrotu czy (ta różnica|brakująca kwota) (już poszła|została dopłacona)"),
    T("refund", SLOT, "(jaką kwotę|ile pieniędzy) finalnie (zatwierdziliście|uznaliście) do zwrotu z {tax_gen}"),
    T("refund", SLOT, "czy zwrot z {tax_gen} (mojego klienta|mocodawcy) (trafi|poszedł) na (jego konto|rachunek pełnomocnika)", act="representative"),
    T("refund", SLOT, "(nachodzą mnie wątpliwości|mam obawy) czy zwrot z {tax_gen} (kiedykolwiek|jeszcze) do mnie (trafi|dotrze)"),
    T("refund", "enforcement", "po umorzeniu egzekucji (mam odzyskać|powinienem odzyskać) (pobrane koszty|ściągnięte kwoty) (na kiedy to przewidujecie|kiedy mogę się ich spodziewać)"),
    T("refund", "vat", "w JPK (wyszła nam|pokazała się) nadwyżka naliczonego do zwrotu a przelewu (z urzędu|od was) (brak|nie ma)"),
    T("refund", SLOT, "czy czynności sprawdzające (opóźniają|blokują) mój zwrot z {tax_gen}"),
    T("refund", SLOT, "(syn|córka) (studiuje za granicą|jest na wyjeździe) więc (dopytuję za dziecko|pytam w zastępstwie) czy zwrot z {tax_gen} już wyszedł", act="representative"),
    T("refund", "general", "w e-urzędzie (wisi|pokazuje się) zwrot w realizacji od (miesiąca|kilku tygodni) kiedy to się zmieni"),

    # ---- agent: a human, a person, being put through
    T("agent", SLOT, "(proszę|poproszę) o przekierowanie do (doradcy|znawcy) w zakresie {tax_gen}"),
    T("agent", "general", "czy (mógłbym|mogłabym) (zamienić parę zdań|pogadać chwilę) z (kimś z urzędu|którymś z pracowników)"),
    T("agent", "general", "wnoszę o (przekazanie|skierowanie) mojego zgłoszenia do (właściwego|kompetentnego) pracownika"),
    T("agent", "general", "(haloo|hej) (czy mnie ktoś słucha|podejdzie ktoś do aparatu) (bo gadam ze ścianą|bo potrzebuję człowieka)"),
    T("agent", "general", "(dobra|spoko) przepnij (to|połączenie) na kogoś (żywego|normalnego)"),
    T("agent", "general", "(synku|kochana) z tymi przyciskami sobie nie poradzę (daj|poproszę) (jakiegoś pana|jakąś panią) z urzędu"),
    T("agent", "general", "(chciałbym|chciałabym) zwrócić się (bezpośrednio|osobiście) do (konsultanta|pracownika) krajowej informacji skarbowej"),
    T("agent", "vat", "mam (sprawę|kłopot) z (białą listą|JPK|podzieloną płatnością) (potrzebny mi specjalista|przydałby się spec) od VAT-u"),
    T("agent", "cit", "(jestem główną księgową|dzwonię jako dyrektor finansowy) spółki i (proszę|potrzebuję) od razu eksperta od (CIT-u|podatku od osób prawnych)"),
    T("agent", "pit", "poproszę (panią|pana) od rozliczeń rocznych (pit|) (bo sam nie ogarnę|bo się pogubiłem)"),
    T("agent", "pcc_sd", "(w sprawie|odnośnie) (spadku po tacie|darowizny od rodziców) chciałbym pomówić z kimś (obcykanym w tym temacie|kto się na tym zna)"),
    T("agent", "excise_customs", "(kupiłem|sprowadziłem) (auto|busa) we Francji (więc dajcie celnika|więc poproszę eksperta od akcyzy)"),
    T("agent", "enforcement", "(komornik skarbowy|poborca) (zajął|zablokował) mi konto (muszę to omówić z człowiekiem|chcę z kimś o tym porozmawiać)"),
    T("agent", "enforcement", "w sprawie (licytacji|zajęcia pensji) (potrzebny mi ktoś z|przekażcie mnie komuś z) (egzekucji|działu egzekucyjnego)"),
    T("agent", "eus", "nie umiem (dodać|nadać) uprawnień w e-urzędzie (połączcie mnie z kimś technicznym|potrzebuję pomocy technicznej)"),
    T("agent", "eus", "(nie działa mi|mam problem z) kaspro (czy jest|poproszę) ktoś (od e-urzędu|z obsługi technicznej)"),
    T("agent", "general", "(trzeci raz|po raz enty) powtarzam to samo (maszynie|automatowi) (proszę człowieka|niech odbierze pracownik)"),
    T("agent", "general", "nie (będę|zamierzam) gadać z (botem|sztuczną inteligencją) przekażcie mnie (pracownikowi|konsultantce)"),
    T("agent", "general", "(przełącz|przekaż) połączenie do (konsultanta|operatora) (proszę|)"),
    T("agent", "general", "(spieszę się|jestem w biegu) więc (od razu|natychmiast) (człowieka|konsultanta) poproszę"),
    T("agent", "general", "(mam pytanie|taka sprawa) czy (dałoby się|jest szansa) dostać się do (konsultanta|kogoś z infolinii)"),
    T("agent", "general", "(czy byłoby możliwe przekierowanie|czy istnieje możliwość przekierowania) mnie do (żywego konsultanta|pracownika obsługi)"),
    T("agent", SLOT, "(poproszę o|chcę zamówić) (oddzwonienie|telefon zwrotny) od konsultanta (w sprawie|w temacie) {tax_gen}"),
    T("agent", SLOT, "(poproszę|chcę) (linię|kolejkę) od {tax_gen} (z żywym konsultantem|z pracownikiem)"),
    T("agent", SLOT, "jako pełnomocnik (klienta|spółki) (chcę|muszę) omówić sprawę {tax_gen} z konsultantem", act="representative"),
    T("agent", "general", "dzwonię za (mamę|tatę) bo (nie słyszy dobrze|niedomaga) (niech przejmie pracownik|poproszę konsultanta)", act="representative"),
    T("agent", "general", "szybciutko (poproszę|dajcie) (jakąś panią|jakiegoś pana) z (infolinii|obsługi)"),
    T("agent", SLOT, "(sytuacja|historia) jest (nietypowa|złożona) i (maszyna tego nie ogarnie|automat tego nie rozwiąże) proszę kogoś od {tax_gen}"),
    T("agent", "general", "nie potrzebuję (informacji z automatu|nagranych komunikatów) (tylko rozmowy z pracownikiem|chcę porozmawiać z kimś)"),
    T("agent", "enforcement", "muszę ustalić (raty|spłatę) z (kimś|pracownikiem) z egzekucji (połączcie mnie|przełączcie mnie)"),
    T("agent", "pcc_sd", "(potrzebuję|poproszę) porady (specjalisty|konsultanta) od (darowizn|pcc)"),
    T("agent", "cit", "(łączcie mnie|proszę połączyć) z (działem|zespołem) obsługującym (spółki|osoby prawne)"),
    T("agent", "excise_customs", "(jestem agentem celnym|dzwonię jako spedytor) i (potrzebny mi ekspert celny|przydałby się specjalista od cła)"),
    T("agent", "vat", "w sprawie zwrotu VAT-u wolę (rozmawiać|porozmawiać) z (człowiekiem|konsultantem)"),
    T("agent", SLOT, "o (ten zwrot|tę nadpłatę) z {tax_gen} wolę zapytać (konsultanta|kogoś żywego)"),
    T("agent", "general", "(zlitujcie się|miejcie litość) i (dajcie|podstawcie) do telefonu (żywą duszę|prawdziwego urzędnika)"),

    # ---- other: the same words, another question
    T("other", SLOT, "(jak|jaką drogą) (wystąpić|się ubiegać) o zwrot nadpłaty z {tax_gen} (jaki wniosek złożyć|co trzeba złożyć)", question="forms"),
    T("other", SLOT, "(ile dni|jaki czas) (urząd ma|przepisy dają urzędowi) na zwrot z {tax_gen} (według przepisów|zgodnie z ordynacją)"),
    T("other", SLOT, "czy zwrot z {tax_gen} (można dostać|da się odebrać) (gotówką w kasie|przekazem zamiast na konto)"),
    T("other", "excise_customs", "(który urząd|jaki urząd) (rozpatruje|załatwia) zwrot akcyzy za (auto wywiezione za granicę|samochód sprzedany za granicę)"),
    T("other", "pcc_sd", "(jakie dokumenty|co trzeba) (dołączyć|załączyć) do wniosku o zwrot (podatku od czynności cywilnoprawnych|pcc) gdy umowa została rozwiązana", question="forms"),
    T("other", "vat", "(na jakim formularzu|w której części deklaracji) (zaznaczyć|wnioskować o) zwrot na (rachunek vat|rachunek rozliczeniowy)", question="forms"),
    T("other", "cit", "czy (spółka|fundacja) (może|ma prawo) wystąpić o zwrot przepłaconego CIT-u (po pięciu latach|po terminie)"),
    T("other", "enforcement", "(kiedy|na jakich zasadach) (przysługuje|można żądać) zwrot kosztów egzekucyjnych (po umorzeniu postępowania|gdy egzekucja była niesłuszna)"),
    T("other", "general", "(kiedy najłatwiej|w jakich godzinach) zastanę (żywego konsultanta|pracownika) na infolinii", question="hours"),
    T("other", "general", "czy (konsultanci|pracownicy infolinii) (pracują też|są dostępni) (w soboty|wieczorami)", question="hours"),
    T("other", "general", "(jak długo|ile mniej więcej) (czeka się|trzeba czekać) na połączenie z konsultantem (w poniedziałki|w sezonie zeznań)"),
    T("other", "eus", "czy konsultant (może|da radę) (sprawdzić|powiedzieć) mi stan konta (bez telepinu|gdy telepinu nie ustawiłem)", question="telepin"),
    T("other", "general", "czy (rozmowa z konsultantem|rozmowy z konsultantami) (jest nagrywana|są nagrywane)"),
    T("other", "general", "czy zamiast dzwonić do konsultanta mogę (umówić się|zapisać się) na wizytę w (urzędzie|najbliższym urzędzie)", question="visit"),
    T("other", "enforcement", "czy (komornik skarbowy|poborca) (może|ma prawo) zająć (mój zwrot podatku|nadpłatę z zeznania)"),
    T("other", "pit", "komu (przypada|należy się) zwrot z zeznania (zmarłego ojca|osoby zmarłej) (i jak go odebrać|i co trzeba złożyć)"),
    T("other", "pit", "(gdzie|w której rubryce) zeznania (wpisuje się|podaje się) (konto do zwrotu|numer konta na nadpłatę)", question="forms"),
    T("other", "excise_customs", "(jestem rolnikiem|jako rolnik) (do kogo mam złożyć|gdzie złożyć) wniosek o zwrot akcyzy (za olej napędowy|za paliwo rolnicze)"),
    T("other", "vat", "(jak|gdzie) (odzyskać|dostać) VAT w systemie tax free (jako podróżny|przy wyjeździe z kraju)"),
    T("other", "general", "czy (jest|macie) czat z konsultantem (i jak tam trafić|i jak do niego wejść)"),
]
