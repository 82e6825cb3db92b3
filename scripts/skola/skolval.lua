-- Skolval, skolbyte och skolskjuts, med fritidshem, gymnasieantagning och
-- kränkningar. Utbildningsförvaltningen beslutar om placering och
-- skolskjuts; kontaktcentret kan se om ett skolval är registrerat men inte
-- ändra val, påverka placeringen eller boka skjuts.
-- Artiklar: skola/skolval, skola/byta-skola, skola/skolskjuts,
-- skola/fritidshem, skola/gymnasieantagning, skola/krankningar-mobbning.
--
-- Skolvalssupporten (08-465 004 50), skolskjutsenheten (08-465 004 51) och
-- gymnasieantagningen (08-465 004 54) finns inte i data/enheter.csv;
-- numren står här som i artiklarna.

guide {
  id = "skola/skolval",
  title = "Skolval, skolbyte och skolskjuts",
  area = "skola",
  start = "vad_galler",
  description = "Skolval, byta skola, skolskjuts, fritidshem, gymnasieantagning och kränkningar.",
  keywords = { "skolval", "byta skola", "skolskjuts", "skoltaxi", "fritids", "gymnasiet", "mobbning" },
}

step "vad_galler" {
  say = "Fråga vad det gäller och vilken årskurs eleven går i.",
  choices = {
    { "Skolval till förskoleklass eller årskurs 7", go = "skyddade", outcome = { category = "skolval" } },
    { "Byta skola", go = "byta", outcome = { category = "byta skola" } },
    { "Skolskjuts", go = "skolskjuts", outcome = { category = "skolskjuts" } },
    { "Fritidshem", go = "fritidshem", outcome = { category = "fritidshem" } },
    { "Gymnasieantagning", go = "gymnasium", outcome = { category = "gymnasieantagning" } },
    { "Kränkningar eller mobbning", go = "krankning", outcome = { category = "kränkningar" } },
  },
}

-- ---- Skolval ------------------------------------------------------------------

step "skyddade" {
  say = "Fråga: ”Har familjen skyddade personuppgifter?”",
  choices = {
    { "Nej", go = "skolval" },
    { "Ja", go = "skolval_skyddade" },
  },
}

step "skolval" {
  say = "Säg: ”Du gör skolvalet i e-tjänsten och rangordnar flera skolor. Har ni gemensam vårdnad måste båda logga in och godkänna.” Skolvalet görs vanligen i januari och beskedet kommer i april (kontrollera årets datum på webbplatsen). Den som inte väljer får en skola med ledig plats nära hemmet. Fristående skolor har egna köer.",
  article = "skola/skolval",
  choices = {
    { "Svaret räcker", finish = { resolved = true } },
    { "Problem med e-tjänsten eller fråga om placeringen", go = "skolvalssupport" },
  },
}

step "skolval_skyddade" {
  say = "Skolvalet görs inte i e-tjänsten utan direkt med utbildningsförvaltningen: skolvalssupporten, 08-465 004 50. Be inte om adressen.",
  article = "skola/skolval",
  finish = { resolved = false },
}

step "skolvalssupport" {
  say = "Hänvisa till skolvalssupporten på utbildningsförvaltningen, 08-465 004 50. Du kan se om ett skolval är registrerat, men inte ändra det eller påverka placeringen.",
  article = "skola/skolval",
  finish = { resolved = false },
}

-- ---- Byta skola ------------------------------------------------------------------

step "byta" {
  say = "Fråga varför familjen vill byta.",
  choices = {
    { "Flytt eller annat skäl", go = "byta_info" },
    { "Eleven kränks eller mår dåligt i skolan", go = "krankning" },
  },
}

step "byta_info" {
  say = "Säg: ”Du ansöker om skolbyte i e-tjänsten, när som helst under året. Finns det plats får ni ett erbjudande. Ditt barn går kvar i sin skola tills dess.” Båda vårdnadshavarna ska godkänna. Fritidshemsplatsen följer inte med automatiskt, och rätten till skolskjuts kan ändras. Till fristående skolor söker man direkt hos skolan.",
  article = "skola/byta-skola",
  finish = { resolved = true },
}

-- ---- Skolskjuts -------------------------------------------------------------------

step "skolskjuts" {
  say = "Fråga om det gäller en ansökan, ett beslut eller en skjuts som inte kom i dag.",
  choices = {
    { "Ansöka om skolskjuts", go = "skjuts_ansoka" },
    { "Fråga om ett beslut", go = "skjutsenheten" },
    { "Skoltaxin kom inte i dag", go = "taxi" },
    { "Borttappat reskort", go = "skjutsenheten" },
  },
}

step "skjuts_ansoka" {
  say = "Rätten beror på färdvägens längd, trafiken eller en funktionsnedsättning. Säg: ”Du ansöker hos utbildningsförvaltningen, oftast i e-tjänsten. Har ditt barn en funktionsnedsättning bifogar du ett intyg.” Har familjen själv valt en skola långt bort gäller rätten bara om det kan ordnas utan extra kostnad för kommunen.",
  article = "skola/skolskjuts",
  finish = { resolved = true },
}

step "skjutsenheten" {
  say = "Hänvisa till skolskjutsenheten, 08-465 004 51 (borttappat reskort: också skolan). Beslut om skolskjuts kan överklagas; hur står i beslutet. Kontaktcentret kan inte boka eller ändra skolskjuts.",
  article = "skola/skolskjuts",
  finish = { resolved = false },
}

step "taxi" {
  say = "Be vårdnadshavaren ringa taxibolagets beställningscentral; numret står i informationen med beslutet. Kontaktcentret kan inte boka eller ändra skolskjuts.",
  article = "skola/skolskjuts",
  finish = { resolved = false },
}

-- ---- Fritidshem och gymnasium ---------------------------------------------------------

step "fritidshem" {
  say = "Fritidshem är för elever från förskoleklass till och med våren det år de fyller tretton, när vårdnadshavarna arbetar eller studerar. Ansökan och uppsägning görs i e-tjänsten; uppsägningstiden är två månader. Avgiften följer maxtaxan: yngsta barnet 2 % av inkomsten (högst 1 200 kr/mån i exemplet). Faktura: avgiftsservice, 08-465 004 40.",
  article = "skola/fritidshem",
  finish = { resolved = true },
}

step "gymnasium" {
  say = "Studie- och yrkesvägledaren på elevens skola hjälper i första hand. Ansökan görs i gymnasieantagningens e-tjänst på vintern; omval på våren. Frågor om e-tjänsten, inloggning och besked: gymnasieantagningen, 08-465 004 54. Du kan inte se elevens ansökan.",
  article = "skola/gymnasieantagning",
  finish = { resolved = false },
}

-- ---- Kränkningar ------------------------------------------------------------------------

step "krankning" {
  say = "Fråga vad som har hänt och om skolan vet om det. Fråga: ”Pågår våld eller hot, eller finns risk att eleven skadar sig själv?”",
  choices = {
    { "Ja, fara just nu", go = "fara" },
    { "Barnet far illa även utanför skolan", go = "oro" },
    { "Nej", go = "skolans_ansvar" },
  },
}

step "fara" {
  say = "Be personen ringa 112 nu. Bryts samtalet: ring 112 själv.",
  acute = "Elev i fara",
  article = "skola/krankningar-mobbning",
  finish = { resolved = false },
}

step "oro" {
  say = "Det här är en orosanmälan. Öppna guiden ”Akut socialt ärende” (social/akut) och koppla till socialtjänsten direkt.",
  acute = "Oro för att ett barn far illa",
  article = "social/orosanmalan-barn",
  finish = { resolved = false },
}

step "skolans_ansvar" {
  say = "Säg: ”Kontakta mentorn eller rektorn. Skolan är skyldig att utreda och se till att det slutar. Skriv gärna ner vad som har hänt och när.” Räcker inte det: klagomål till huvudmannen, sedan Skolinspektionen och Barn- och elevombudet.",
  article = "skola/krankningar-mobbning",
  choices = {
    { "Tar kontakt med skolan", finish = { resolved = true } },
    { "Vill klaga på en kommunal skola", go = "klagomal" },
    { "Vill klaga på en fristående skola", go = "fristaende" },
  },
}

step "klagomal" {
  say = "Skriv ner klagomålet sakligt och skicka det till utbildningsförvaltningens klagomålshantering. Fråga om personen vill ha svar. Du bedömer inte om klagomålet är befogat.",
  article = "skola/krankningar-mobbning",
  outcome = { complaint_to = "utbildningsforvaltningen" },
  finish = { resolved = true },
}

step "fristaende" {
  say = "För en fristående skola är huvudmannen skolans ägare: klagomålet går dit. Anmälan kan också göras till Skolinspektionen och Barn- och elevombudet.",
  article = "skola/krankningar-mobbning",
  finish = { resolved = false },
}
