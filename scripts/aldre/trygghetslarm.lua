-- Trygghetslarm: ansöka om nytt larm, larm som inte fungerar, avgiften.
-- Ett larm som inte fungerar är alltid brådskande: personen kan stå utan
-- möjlighet att kalla på hjälp. Behöver personen hjälp nu: 112.
-- Artiklar: aldre/trygghetslarm, aldre/trygghetslarm-fungerar-inte.
--
-- Larmleverantörens support (08-465 004 15, dygnet runt) finns ännu inte i
-- data/enheter.csv; numret står därför här som i artikeln, och guiden kan
-- inte sätta refer till den.

local stadsdel = require "lib/stadsdel"
local oppet = require "lib/oppet"

guide {
  id = "aldre/trygghetslarm",
  title = "Trygghetslarm",
  area = "aldre",
  start = "vad_galler",
  description = "Ansöka om trygghetslarm, larm som inte fungerar och avgiften.",
  keywords = { "trygghetslarm", "larm", "larmknapp", "armbandslarm", "larmet fungerar inte" },
}

step "vad_galler" {
  say = "Fråga om det gäller ett nytt larm, ett larm som inte fungerar eller avgiften, och om personen ringer för egen del eller för en anhörig.",
  choices = {
    { "Ansöka om trygghetslarm", go = "postnummer", outcome = { category = "trygghetslarm ansökan" } },
    { "Larmet fungerar inte", go = "hjalp_nu", outcome = { category = "larmfel" } },
    { "Avgiften för larmet", go = "avgift", outcome = { category = "trygghetslarm avgift" } },
  },
}

-- ---- Nytt larm -------------------------------------------------------------

step "postnummer" {
  ask = "Vilket postnummer är personen folkbokförd på?",
  input = "postcode",
  save = "postnummer",
  next = function (s)
    if stadsdel.hitta (s) == nil then return "okant_postnummer" end
    return "ansoka"
  end,
  leads_to = { "ansoka", "okant_postnummer" },
}

step "okant_postnummer" {
  say = "Postnumret {postnummer} finns inte i Stockholms stad. Är personen folkbokförd i en annan kommun ansöker hen där.",
  article = "allmant/hitta-stadsdelsforvaltning",
  finish = { resolved = false },
}

step "ansoka" {
  compute = function (s) s.bistand = oppet.enhet ("bistand-aldre-" .. s.forvaltning.id) end,
  say = "Trygghetslarm är bistånd: personen ansöker hos biståndshandläggaren i {forvaltning.namn}, {bistand.telefon} ({bistand.lage}), eller i e-tjänsten. Har personen hemtjänst går utredningen ofta snabbt. Larmet kräver att hemtjänsten får en nyckel eller ett digitalt lås.",
  refer = function (s) return s.bistand.id end,
  article = "aldre/trygghetslarm",
  finish = { resolved = false },
}

-- ---- Larmet fungerar inte --------------------------------------------

step "hjalp_nu" {
  say = "Fråga först: ”Behöver du, eller den det gäller, hjälp just nu?”",
  choices = {
    { "Ja, behöver hjälp nu", go = "ring_112" },
    { "Nej, inte just nu", go = "felsok" },
  },
}

step "ring_112" {
  say = "Be personen lägga på och ringa 112 direkt. Ett trygghetslarm ersätter inte 112. Bryts samtalet: ring 112 själv.",
  acute = "Behöver hjälp nu och larmet fungerar inte",
  article = "aldre/trygghetslarm-fungerar-inte",
  finish = { resolved = false },
}

step "felsok" {
  say = "Be personen kontrollera att larmdosan sitter i eluttaget och att lampan lyser, och sedan trycka på larmknappen för ett provlarm. Har personen bytt telefonabonnemang eller flyttat nyligen?",
  article = "aldre/trygghetslarm-fungerar-inte",
  choices = {
    { "Provlarmet fungerar nu", finish = { resolved = true } },
    { "Larmet fungerar fortfarande inte", go = "ensam" },
  },
}

step "ensam" {
  say = "Fråga: ”Bor du ensam, så att du inte kan kalla på hjälp i natt om larmet inte blir lagat?”",
  choices = {
    { "Nej, någon finns hos personen", go = "support" },
    { "Ja, bor ensam", go = "support_ensam" },
  },
}

step "support" {
  say = "Säg: ”Ring larmets tekniska support, 08-465 004 15. De har öppet dygnet runt.” Tips: en anhörig eller granne kan höra av sig extra ofta tills larmet fungerar.",
  article = "aldre/trygghetslarm-fungerar-inte",
  finish = { resolved = false },
}

-- Bor ensam: ge supportnumret och se till att tillsyn kan ordnas, under
-- kontorstid via hemtjänsten, annars via Socialjouren.
step "support_ensam" {
  say = "Ge först numret till larmets tekniska support: 08-465 004 15, dygnet runt. Ordna sedan tillsyn tills larmet är lagat.",
  acute = "Bor ensam och larmet fungerar inte",
  next = function (s)
    if oppet.kontorstid () then return "tillsyn_dag" end
    return "tillsyn_jour"
  end,
  leads_to = { "tillsyn_dag", "tillsyn_jour" },
}

step "tillsyn_dag" {
  say = "Har personen hemtjänst: be hen, eller en anhörig, ringa utföraren nu så att tillsyn kan ordnas tills larmet är lagat. Har personen ingen hemtjänst: ta fram stadsdelen (guiden ”Vilken stadsdelsförvaltning?”) och koppla till biståndshandläggaren.",
  article = "aldre/trygghetslarm-fungerar-inte",
  finish = { resolved = false },
}

step "tillsyn_jour" {
  compute = function (s) s.jour = unit ("socialjouren") end,
  say = "Kontorstiden är slut. Koppla till {jour.namn}, {jour.telefon}, så att de kan se om tillsyn kan ordnas i natt.",
  refer = "socialjouren",
  article = "aldre/trygghetslarm-fungerar-inte",
  finish = { resolved = false },
}

-- ---- Avgift -------------------------------------------------------------------

step "avgift" {
  say = "Larmet kostar en månadsavgift (i exemplet 250 kr/mån) som ingår i maxtaxan för äldreomsorgen; installationen ingår. Avgiften kan bli lägre om avgiftsutrymmet är litet, och påverkas inte av att larmet varit ur funktion en kort tid. Gäller det en faktura: guiden ”Faktura och avgift i äldreomsorgen” (aldre/faktura).",
  article = "aldre/avgifter-aldreomsorg",
  finish = { resolved = true },
}
