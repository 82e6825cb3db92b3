-- Synpunkter och klagomål: kontaktcentret tar emot, registrerar och
-- skickar vidare till den förvaltning som ansvarar. Förvaltningen utreder
-- och svarar. Utfallet anger mottagaren i complaint_to: stadsdelens id
-- (från postnumret) eller en fackförvaltning (lib/forvaltning.lua).
-- Artikel: allmant/synpunkter-klagomal.

local stadsdel = require "lib/stadsdel"
local forvaltning = require "lib/forvaltning"
local oppet = require "lib/oppet"

guide {
  id = "allmant/synpunkter",
  title = "Synpunkter och klagomål",
  area = "allmant",
  start = "fara",
  description = "Ta emot en synpunkt, ett klagomål eller beröm och skicka det till den förvaltning som ansvarar.",
  keywords = { "synpunkt", "klagomål", "klaga", "beröm", "missnöjd", "förslag" },
}

step "fara" {
  say = "Lyssna klart. Sammanfatta med egna ord och fråga om du har uppfattat rätt. Fråga sedan: ”Är någon i fara eller far illa just nu?”",
  choices = {
    { "Ja, någon far illa just nu", go = "akut" },
    { "Nej", go = "vad_vill" },
  },
}

step "akut" {
  say = "Då är det inte i första hand ett klagomål. Fara för liv eller hälsa: 112. Öppna guiden ”Akut socialt ärende” (social/akut) och slussa direkt.",
  acute = "Någon far illa just nu",
  article = "social/akuta-arenden",
  finish = { category = "akut", resolved = false },
}

step "vad_vill" {
  say = "Fråga vad personen vill uppnå.",
  choices = {
    { "Lämna en synpunkt, ett klagomål eller beröm", go = "verksamhet" },
    { "Få ett beslut ändrat", go = "overklaga" },
    { "Anmäla allvarliga brister, handläggning eller diskriminering", go = "annan_instans" },
  },
}

step "overklaga" {
  say = "Ett klagomål ändrar inte ett beslut. Säg: ”Beslutet överklagar du enligt anvisningen sist i beslutet, oftast inom tre veckor.” Vill personen också klaga på bemötandet: gå tillbaka och lämna en synpunkt.",
  article = "allmant/synpunkter-klagomal",
  finish = { category = "överklagande", resolved = true },
}

step "annan_instans" {
  say = "Ta emot synpunkten till staden om personen vill, och hänvisa dessutom: allvarliga brister i vård och omsorg – IVO; myndighetens handläggning i grunden – JO; diskriminering – DO; en god man – överförmyndarförvaltningen.",
  article = "allmant/synpunkter-klagomal",
  finish = { category = "annan instans", resolved = false },
}

step "verksamhet" {
  say = "Fråga vilken verksamhet det gäller: vad hände, när och var?",
  save = "till",
  choices = {
    { "Stadsdelen: hemtjänst, äldreboende, förskola, socialtjänst, LSS, park", go = "postnummer" },
    { "Grundskola, gymnasium eller fritidshem", go = "skicka", value = "utbildningsforvaltningen" },
    { "Gata, trafik, parkering eller renhållning", go = "skicka", value = "trafikkontoret" },
    { "Bygglov eller stadsbyggnad", go = "skicka", value = "stadsbyggnadskontoret" },
    { "God man, förvaltare eller överförmyndaren", go = "skicka", value = "overformyndarforvaltningen" },
    { "Kontaktcentret, Stockholm Direkt", go = "skicka", value = "kontaktcenter" },
    { "Färdtjänst", go = "fardtjanst" },
  },
}

step "postnummer" {
  ask = "Vilket postnummer gäller? (Bostaden för hemtjänst och socialtjänst, platsen för en förskola eller park.)",
  input = "postcode",
  save = "postnummer",
  next = function (s)
    if stadsdel.hitta (s) == nil then return "okant_postnummer" end
    return "skicka_stadsdel"
  end,
  leads_to = { "skicka_stadsdel", "okant_postnummer" },
}

step "okant_postnummer" {
  say = "Postnumret {postnummer} finns inte i Stockholms stad. Kontrollera adressen. Gäller det en verksamhet i en annan kommun: hänvisa synpunkten dit.",
  choices = {
    { "Skriv postnumret igen", go = "postnummer" },
    { "Verksamheten finns i en annan kommun", finish = { category = "synpunkt annan kommun", resolved = false } },
  },
}

step "skicka_stadsdel" {
  say = "Registrera synpunkten i stadens synpunktshantering och skicka den till {forvaltning.namn}. Säg: ”Jag skickar det här till {forvaltning.namn}, som ansvarar för verksamheten. Vill du ha svar brukar det komma inom tio arbetsdagar.” Fråga om personen vill ha svar, eller vara anonym.",
  article = "allmant/synpunkter-klagomal",
  outcome = function (s) return { complaint_to = s.forvaltning.id } end,
  finish = { category = "synpunkt", resolved = true },
}

step "skicka" {
  compute = function (s) s.mottagare = forvaltning.namn (s.till) end,
  say = "Registrera synpunkten i stadens synpunktshantering och skicka den till {mottagare}. Säg: ”Jag skickar det här till {mottagare}, som ansvarar. Vill du ha svar brukar det komma inom tio arbetsdagar.” Försvara inte verksamheten och bedöm inte om klagomålet är befogat.",
  article = "allmant/synpunkter-klagomal",
  outcome = function (s) return { complaint_to = s.till } end,
  finish = { category = "synpunkt", resolved = true },
}

-- Färdtjänst är Region Stockholms: den som ringer hänvisas dit.
step "fardtjanst" {
  compute = function (s) s.kt = oppet.enhet ("fardtjanst") end,
  say = "Färdtjänst är Region Stockholms ansvar, inte stadens. Klagomål på en resa eller förare tar {kt.namn} emot: {kt.telefon}, {kt.lage}.",
  refer = "fardtjanst",
  article = "aldre/fardtjanst",
  finish = { category = "synpunkt färdtjänst", resolved = false },
}
