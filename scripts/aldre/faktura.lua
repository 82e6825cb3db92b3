-- Faktura och avgift i äldreomsorgen. Fakturan kommer en gång i månaden i
-- efterskott. Du kan se fakturan men inte kreditera, ändra eller skjuta
-- upp den; avgiftshandläggarna handlägger frågor om fakturan.
-- Artiklar: aldre/faktura-aldreomsorg, aldre/avgifter-aldreomsorg.
--
-- Avgiftshandläggarna (08-465 004 30) och stadens kundfakturering
-- (08-465 004 31) finns inte i data/enheter.csv; numren står här som i
-- artiklarna.

guide {
  id = "aldre/faktura",
  title = "Faktura och avgift i äldreomsorgen",
  area = "aldre",
  start = "vem",
  description = "Fel på fakturan, hur avgiften räknas, svårt att betala, autogiro och dödsbo.",
  keywords = { "faktura", "räkning", "avgift", "maxtaxa", "påminnelse", "dödsbo", "autogiro" },
}

step "vem" {
  say = "Fråga om fakturan gäller den som ringer. För någon annans faktura behövs fullmakt, eller att den som ringer är god man eller förvaltare.",
  choices = {
    { "Egen faktura, eller har fullmakt eller är ställföreträdare", go = "vad_galler" },
    { "Anhörig utan fullmakt", go = "utan_fullmakt" },
  },
}

step "utan_fullmakt" {
  say = "Ge bara allmän information, inga uppgifter om fakturan. En fullmakt kan skickas in; behöver personen god man: överförmyndarförvaltningen.",
  next = "vad_galler",
}

step "vad_galler" {
  say = "Fråga vilken månad fakturan gäller och vad personen undrar över.",
  choices = {
    { "Fel belopp eller fel antal timmar", go = "fel_belopp", outcome = { category = "faktura fel" } },
    { "Hur avgiften räknas, avgiftsbeslut", go = "avgift", outcome = { category = "avgift" } },
    { "Svårt att betala, påminnelse eller inkasso", go = "betala", outcome = { category = "faktura betalning" } },
    { "Autogiro, e-faktura eller ny fakturaadress", go = "kundfakturering", outcome = { category = "faktura betalsätt" } },
    { "Personen har avlidit", go = "dodsbo", outcome = { category = "faktura dödsbo" } },
  },
}

step "fel_belopp" {
  say = "Fakturan gäller förra månaden. Fråga om personen har varit på sjukhus, korttidsboende eller bortrest, och om inkomstförfrågan är inlämnad (annars debiteras maxtaxan). Säg: ”Kontakta avgiftshandläggarna, 08-465 004 30, så går de igenom fakturan. Betala gärna den del du inte ifrågasätter.”",
  article = "aldre/faktura-aldreomsorg",
  finish = { resolved = false },
}

step "avgift" {
  say = "Avgiften beror på inkomst och boendekostnad, med ett tak: maxtaxan (i exemplet 2 660 kr/mån). Mat och hyra ingår inte. Lämnas ingen inkomstförfrågan blir avgiften maxtaxan. Är avgiftsutrymmet noll blir avgiften noll.",
  article = "aldre/avgifter-aldreomsorg",
  choices = {
    { "Svaret räcker", finish = { resolved = true } },
    { "Ändrad inkomst eller höjt förbehållsbelopp", go = "avgiftshandlaggare" },
    { "Vill överklaga avgiftsbeslutet", go = "overklaga" },
  },
}

step "avgiftshandlaggare" {
  say = "Säg: ”Ändrad inkomst eller hyra, och ansökan om höjt förbehållsbelopp, tar avgiftshandläggarna hand om: 08-465 004 30.” Du kan inte ändra beslutet eller bedöma om det är rätt.",
  article = "aldre/avgifter-aldreomsorg",
  finish = { resolved = false },
}

step "overklaga" {
  say = "Säg: ”Avgiftsbeslutet kan du överklaga till förvaltningsrätten. Skicka överklagandet till förvaltningen som fattade beslutet, inom tre veckor från att du fick det. Hur står sist i beslutet.”",
  article = "funktionsnedsattning/overklaga-beslut",
  finish = { resolved = true },
}

step "betala" {
  say = "Säg: ”Hör av dig till avgiftshandläggarna, 08-465 004 30, före förfallodagen. Då kan ni prata om en avbetalningsplan.” Vid påminnelse eller inkasso: så snart som möjligt.",
  article = "aldre/faktura-aldreomsorg",
  finish = { resolved = false },
}

step "kundfakturering" {
  say = "Autogiro, e-faktura och ny adress för fakturan sköter stadens kundfakturering, 08-465 004 31.",
  article = "aldre/faktura-aldreomsorg",
  finish = { resolved = false },
}

step "dodsbo" {
  say = "Beklaga sorgen. Efter ett dödsfall skickas fakturan till dödsboet. Den som gör bouppteckningen kan begära anstånd hos avgiftshandläggarna, 08-465 004 30.",
  article = "aldre/faktura-aldreomsorg",
  finish = { resolved = false },
}
