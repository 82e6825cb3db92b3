-- Förskoleplats, kö och avgift: ansöka, erbjudande och kö, byta, säga upp,
-- avgift och inkomstuppgift, allmän förskola, omsorg på obekväm tid och
-- klagomål. Kontaktcentret kan se köplatsen men inte ge förtur, ändra
-- önskemål eller lova en viss förskola.
-- Artiklar: forskola/ansoka-forskoleplats, forskola/byta-forskola,
-- forskola/saga-upp-forskoleplats, forskola/avgifter-forskola,
-- forskola/inkomstuppgift-barnomsorg, forskola/allman-forskola,
-- forskola/barnomsorg-obekvam-tid.
--
-- Förskoleadministrationen (08-465 004 41) och avgiftsservice för förskola
-- och fritidshem (08-465 004 40) finns inte i data/enheter.csv; numren
-- står här som i artiklarna.

local stadsdel = require "lib/stadsdel"
local datum = require "lib/datum"

guide {
  id = "forskola/forskoleplats",
  title = "Förskoleplats, kö och avgift",
  area = "forskola",
  start = "vad_galler",
  description = "Ansöka om förskoleplats, kö och erbjudande, byta, säga upp, avgift, allmän förskola och klagomål.",
  keywords = { "förskola", "dagis", "förskolekö", "placeringsgaranti", "maxtaxa", "säga upp", "nattis" },
}

step "vad_galler" {
  say = "Fråga vad det gäller och hur gammalt barnet är.",
  choices = {
    { "Ansöka om plats", go = "skyddade", outcome = { category = "ansöka förskoleplats" } },
    { "Kö, erbjudande eller placering", go = "ko", outcome = { category = "förskolekö" } },
    { "Byta förskola", go = "byta", outcome = { category = "byta förskola" } },
    { "Säga upp platsen", go = "saga_upp", outcome = { category = "säga upp förskoleplats" } },
    { "Avgift, faktura eller inkomstuppgift", go = "avgift", outcome = { category = "förskoleavgift" } },
    { "Allmän förskola från tre år", go = "allman", outcome = { category = "allmän förskola" } },
    { "Omsorg på kvällar, nätter eller helger", go = "obekvam", outcome = { category = "obekväm tid" } },
    { "Klagomål på förskolan", go = "klagomal", outcome = { category = "klagomål förskola" } },
  },
}

-- ---- Ansöka ----------------------------------------------------------------

step "skyddade" {
  say = "Fråga: ”Har familjen skyddade personuppgifter?” Fråga i så fall inte efter adressen.",
  choices = {
    { "Nej", go = "ansoka" },
    { "Ja", go = "skyddade_ja" },
  },
}

step "ansoka" {
  compute = function (s) s.garanti = datum.i_ord (datum.plus_manader (now ().date, 4)) end,
  say = "Säg: ”Du ansöker i stadens e-tjänst för förskola och väljer de förskolor du helst vill ha. Barnet kan börja från ett års ålder. Staden ska erbjuda en plats inom fyra månader från ansökan, men inte nödvändigtvis på förstahandsvalet. Svara på erbjudandet i tid.” Ansöker familjen i dag ska erbjudandet komma senast {garanti}. Saknas BankID: stadsdelen skickar en blankett. Fristående förskolor har ofta egen kö.",
  article = "forskola/ansoka-forskoleplats",
  finish = { resolved = true },
}

step "skyddade_ja" {
  say = "Ansökan görs inte i e-tjänsten utan direkt med stadsdelsförvaltningens förskoleadministration, 08-465 004 41, som har rutiner för skyddade personuppgifter. Be inte om adressen.",
  article = "forskola/ansoka-forskoleplats",
  finish = { resolved = false },
}

step "ko" {
  say = "Du kan se köplatsen men inte ge förtur, ändra önskemål eller lova en viss förskola. Placeringsgarantin räknas från ansökningsdagen. Tackar familjen nej till ett erbjudande kan det dröja innan ett nytt kommer. Frågor om kö och erbjudanden: stadsdelens förskoleadministration, 08-465 004 41.",
  article = "forskola/ansoka-forskoleplats",
  choices = {
    { "Svaret räcker", finish = { resolved = true } },
    { "Vill prata med förskoleadministrationen", finish = { resolved = false } },
  },
}

step "byta" {
  say = "Säg: ”Du ansöker om byte i e-tjänsten, precis som vid en ny ansökan. Ditt barn är kvar på sin förskola tills du har tackat ja till en ny plats.” Placeringsgarantin gäller inte byten. Båda vårdnadshavarna ska vara överens. Till en fristående förskola: deras kö, och säg sedan upp den kommunala platsen.",
  article = "forskola/byta-forskola",
  finish = { resolved = true },
}

step "saga_upp" {
  say = "Säg: ”Du säger upp platsen i e-tjänsten för förskola. Uppsägningstiden är två månader, och avgiften betalas under den tiden.” Börjar barnet i förskoleklass avslutas platsen av sig själv. Byte inom staden: ansök om byte i stället för att säga upp.",
  article = "forskola/saga-upp-forskoleplats",
  finish = { resolved = true },
}

-- ---- Avgift ------------------------------------------------------------------

step "avgift" {
  say = "Avgiften är en andel av hushållets inkomst före skatt, upp till maxtaxan: yngsta barnet 3 % (högst 1 800 kr/mån i exemplet), barn 2 2 %, barn 3 1 %, barn 4 ingen avgift. Utan inkomstuppgift blir det högsta avgift; ändrad inkomst lämnas i e-tjänsten. Du kan inte ändra eller kreditera en faktura.",
  article = "forskola/avgifter-forskola",
  choices = {
    { "Svaret räcker", finish = { resolved = true } },
    { "Fel på fakturan, inkomstkontroll eller efterdebitering", go = "avgiftsservice" },
  },
}

step "avgiftsservice" {
  say = "Säg: ”Avgiftsservice för förskola och fritidshem, 08-465 004 40, går igenom fakturan, inkomstkontrollen och efterdebiteringen. Har du svårt att betala kan du be om en avbetalningsplan.”",
  article = "forskola/inkomstuppgift-barnomsorg",
  finish = { resolved = false },
}

step "allman" {
  say = "Säg: ”Från hösten det år barnet fyller tre får det gå i förskolan cirka 15 timmar i veckan utan avgift under läsåret. Går barnet redan i förskola sänks avgiften automatiskt. Vill du bara ha de 15 timmarna ansöker du i e-tjänsten och väljer allmän förskola.”",
  article = "forskola/allman-forskola",
  finish = { resolved = true },
}

step "obekvam" {
  say = "Omsorg på kvällar, nätter och helger söks hos stadsdelsförvaltningen, inte som vanlig förskoleansökan, med vårdnadshavarens arbetsschema. Det är ingen rättighet och platserna är få: lova aldrig plats. Förskoleadministrationen: 08-465 004 41.",
  article = "forskola/barnomsorg-obekvam-tid",
  finish = { resolved = false },
}

-- ---- Klagomål ----------------------------------------------------------------

step "klagomal" {
  say = "Säg: ”Prata gärna med förskolans rektor först.” Vill personen lämna klagomålet till stadsdelen tar du emot det.",
  choices = {
    { "Tar det med rektorn först", finish = { resolved = true } },
    { "Vill lämna klagomålet till stadsdelen", go = "postnummer" },
  },
}

step "postnummer" {
  ask = "Vilket postnummer har förskolan?",
  input = "postcode",
  save = "postnummer",
  next = function (s)
    if stadsdel.hitta (s) == nil then return "okant_postnummer" end
    return "skicka"
  end,
  leads_to = { "skicka", "okant_postnummer" },
}

step "okant_postnummer" {
  say = "Postnumret {postnummer} finns inte i Stockholms stad. Kontrollera adressen. Ligger förskolan i en annan kommun tar den kommunen emot klagomålet.",
  choices = {
    { "Skriv postnumret igen", go = "postnummer" },
    { "Förskolan ligger i en annan kommun", finish = { resolved = false } },
  },
}

step "skicka" {
  say = "Skriv ner klagomålet sakligt och skicka det till {forvaltning.namn} enligt rutinen för synpunkter. Fråga om personen vill ha svar. Du bedömer inte om klagomålet är befogat.",
  article = "allmant/synpunkter-klagomal",
  outcome = function (s) return { complaint_to = s.forvaltning.id } end,
  finish = { resolved = true },
}
