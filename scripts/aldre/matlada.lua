-- Matlådor hem (matdistribution): ansöka, ändra leveranser och pris.
-- Det här är exemplet i scripts/README.md: en liten guide med alla delar.
-- Artikel: aldre/matdistribution.

local stadsdel = require "lib/stadsdel"
local oppet = require "lib/oppet"

guide {
  id = "aldre/matlada",
  title = "Matlådor hem",
  area = "aldre",
  start = "vad_galler",
  description = "Ansöka om matdistribution, ändra eller pausa leveranser, pris.",
  keywords = { "matlåda", "matdistribution", "mat hem" },
}

step "vad_galler" {
  say = "Fråga vad det gäller.",
  choices = {
    { "Ansöka om matlådor", go = "postnummer",
      outcome = { category = "matlåda ansökan" } },
    { "Ändra, pausa eller avbeställa leveranser", go = "leverantor",
      outcome = { category = "matlåda leverans" } },
    { "Vad kostar det?", go = "pris",
      outcome = { category = "matlåda pris" } },
  },
}

step "postnummer" {
  ask = "Vilket postnummer är personen folkbokförd på?",
  input = "postcode",
  save = "postnummer",
  next = function (s)
    if stadsdel.hitta (s) == nil then return "annan_kommun" end
    return "ansoka"
  end,
  leads_to = { "ansoka", "annan_kommun" },
}

step "ansoka" {
  compute = function (s)
    s.bistand = oppet.enhet ("bistand-aldre-" .. s.forvaltning.id)
  end,
  say = "Matlådor är bistånd. Personen ansöker hos biståndshandläggaren i {forvaltning.namn}: {bistand.telefon}, {bistand.lage}.",
  refer = function (s) return s.bistand.id end,
  article = "aldre/matdistribution",
  finish = { resolved = false },
}

step "annan_kommun" {
  say = "Postnumret {postnummer} finns inte i Stockholms stad. Personen ansöker i den kommun där hen är folkbokförd.",
  finish = { resolved = false },
}

step "leverantor" {
  say = "Säg: ”Ring den som levererar maten. Numret står i välkomstbrevet.” Har personen ingen mat hemma i dag: kontakta också hemtjänsten.",
  article = "aldre/matdistribution",
  finish = { resolved = true },
}

step "pris" {
  say = "Maten betalas per portion, samma pris för alla (i exemplet 65 kr med leverans). Den ingår inte i maxtaxan och syns på fakturan från staden.",
  article = "aldre/matdistribution",
  choices = {
    { "Svaret räcker", finish = { resolved = true } },
    { "Fråga om en faktura", go = "faktura" },
  },
}

step "faktura" {
  say = "Öppna guiden ”Faktura och avgift i äldreomsorgen” (aldre/faktura).",
  finish = { category = "faktura", resolved = true },
}
