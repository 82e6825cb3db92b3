-- Tillhörighet: vilken av de 13 stadsdelsförvaltningarna som ansvarar,
-- utifrån postnumret där personen är folkbokförd (eller där barnet bor).
-- Artikel: allmant/hitta-stadsdelsforvaltning. Uppslaget görs i
-- lib/stadsdel.lua med tabellerna postnummer och stadsdelsforvaltningar.

local stadsdel = require "lib/stadsdel"

guide {
  id = "allmant/tillhorighet",
  title = "Vilken stadsdelsförvaltning?",
  area = "allmant",
  start = "adress",
  description = "Ta fram rätt stadsdelsförvaltning från postnumret.",
  keywords = { "tillhörighet", "stadsdel", "stadsdelsförvaltning", "postnummer", "vilken stadsdel" },
}

step "adress" {
  say = "Fråga efter hela adressen där personen är folkbokförd, inte bara postnumret. Har personen skyddade personuppgifter: fråga inte efter adressen.",
  choices = {
    { "Personen kan uppge sin adress", go = "postnummer" },
    { "Skyddade personuppgifter", go = "skyddad" },
  },
}

step "skyddad" {
  say = "Fråga inte efter adressen. Be personen själv säga vilken stadsdel det gäller, eller koppla till mottagningen, som har rutiner för skyddade personuppgifter.",
  article = "allmant/hitta-stadsdelsforvaltning",
  finish = { category = "tillhörighet", resolved = false },
}

step "postnummer" {
  ask = "Vilket postnummer har adressen?",
  input = "postcode",
  save = "postnummer",
  next = function (s)
    if stadsdel.hitta (s) == nil then return "okant" end
    return "bekrafta"
  end,
  leads_to = { "bekrafta", "okant" },
}

step "bekrafta" {
  say = "Postnumret {postnummer} ({omrade.postort}) ligger i {omrade.stadsdelsomrade}, som hör till {forvaltning.namn}. Fråga: ”Det ligger i {omrade.stadsdelsomrade}, stämmer det?”",
  choices = {
    { "Ja, det stämmer", go = "svar" },
    { "Nej, eller adressen ligger nära en gräns", go = "karta" },
  },
}

step "svar" {
  say = "{forvaltning.namn}: telefon {forvaltning.telefon}, besöksadress {forvaltning.besoksadress}. Ange förvaltningen när du kopplar eller loggar ärendet.",
  article = "allmant/hitta-stadsdelsforvaltning",
  finish = { category = "tillhörighet", resolved = true },
}

step "karta" {
  say = "Kontrollera gatuadressen på stadens karta. Gissa inte utifrån postorten: samma postort kan ligga i olika stadsdelsförvaltningar.",
  article = "allmant/hitta-stadsdelsforvaltning",
  finish = { category = "tillhörighet", resolved = true },
}

step "okant" {
  say = "Postnumret {postnummer} finns inte bland Stockholms stads postnummer. Solna, Sundbyberg, Nacka, Huddinge, Lidingö och Järfälla är egna kommuner. Vid akut fara gäller alltid 112.",
  choices = {
    { "Skriv postnumret igen", go = "postnummer" },
    { "Personen bor i en annan kommun", finish = { category = "annan kommun", resolved = false } },
    { "Osäker: kontrollera på kartan", go = "karta" },
  },
}
