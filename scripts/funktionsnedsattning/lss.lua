-- Stöd vid funktionsnedsättning: ansöka om insatser enligt LSS eller
-- socialtjänstlagen, vilka LSS-insatser som finns, överklaga ett beslut,
-- och stöd som har uteblivit i dag. Stadsdelen där personen är folkbokförd
-- utreder och beslutar; assistansersättning över 20 timmar i veckan söks
-- hos Försäkringskassan. Du bedömer aldrig om någon tillhör personkretsen.
-- Artiklar: funktionsnedsattning/ansoka-insats, funktionsnedsattning/lss-insatser,
-- funktionsnedsattning/personlig-assistans, funktionsnedsattning/overklaga-beslut.
--
-- LSS-handläggarna finns inte som enheter i data/enheter.csv: guiden ger
-- stadsdelens växel från data/stadsdelsforvaltningar.csv.

local stadsdel = require "lib/stadsdel"
local oppet = require "lib/oppet"
local datum = require "lib/datum"

guide {
  id = "funktionsnedsattning/lss",
  title = "LSS-insatser och överklagande",
  area = "funktionsnedsattning",
  start = "vad_galler",
  description = "Ansöka om LSS eller stöd enligt SoL, vilka insatser som finns, överklaga ett beslut, uteblivet stöd.",
  keywords = { "LSS", "personlig assistans", "insats", "överklaga", "LSS-handläggare", "funktionsnedsättning" },
}

step "vad_galler" {
  say = "Fråga vad det gäller, vem det gäller och hur gammal personen är. Ringer en vårdnadshavare, god man eller förvaltare?",
  save = "arende",
  choices = {
    { "Ansöka om stöd", go = "alder", value = "ansoka", outcome = { category = "ansöka insats" } },
    { "Vilka LSS-insatser finns", go = "insatser", outcome = { category = "LSS information" } },
    { "Överklaga ett beslut", go = "vem_beslutade", outcome = { category = "överklagande" } },
    { "Assistansen eller stödet har uteblivit i dag", go = "uteblivet", value = "akut",
      outcome = { category = "uteblivet stöd" } },
  },
}

-- ---- Ansöka -------------------------------------------------------------------

step "alder" {
  say = "Fråga: ”Hur gammal är personen?”",
  choices = {
    { "Under 65 år", go = "assistans" },
    { "65 år eller äldre", go = "aldre" },
  },
}

step "aldre" {
  say = "Nya ansökningar för den som är 65 år eller äldre handläggs oftast av äldreomsorgen: öppna guiden ”Hemtjänst” (aldre/hemtjanst). Personlig assistans som beviljats före 65 kan fortsätta.",
  article = "funktionsnedsattning/ansoka-insats",
  finish = { area = "aldre", resolved = true },
}

step "assistans" {
  say = "Fråga: ”Behöver personen hjälp med de grundläggande behoven – hygien, måltider, påklädning, kommunikation – mer än 20 timmar i veckan?”",
  choices = {
    { "Ja, mer än 20 timmar", go = "forsakringskassan" },
    { "Nej, eller annat stöd", go = "postnummer" },
  },
}

step "forsakringskassan" {
  say = "Säg: ”Assistansersättning söker du hos Försäkringskassan. Behöver du hjälp medan de utreder kan du samtidigt söka hos LSS-handläggaren i din stadsdel.” Personen väljer själv anordnare.",
  article = "funktionsnedsattning/personlig-assistans",
  finish = { resolved = false },
}

step "postnummer" {
  ask = "Vilket postnummer är personen folkbokförd på?",
  input = "postcode",
  save = "postnummer",
  next = function (s)
    if stadsdel.hitta (s) == nil then return "okant_postnummer" end
    if s.arende == "akut" then return "uteblivet_dag" end
    return "handlaggare"
  end,
  leads_to = { "handlaggare", "uteblivet_dag", "okant_postnummer" },
}

step "okant_postnummer" {
  say = "Postnumret {postnummer} finns inte i Stockholms stad. Ansökan görs i den kommun där personen är folkbokförd. Den som ska flytta till Stockholm kan ansöka om förhandsbesked om LSS-insatser här.",
  choices = {
    { "Skriv postnumret igen", go = "postnummer" },
    { "Personen bor i en annan kommun", finish = { resolved = false } },
  },
}

step "handlaggare" {
  say = "Ansökan görs till {forvaltning.namn}: LSS-handläggaren för LSS-insatser, biståndshandläggaren inom funktionsnedsättning eller socialpsykiatri för stöd enligt socialtjänstlagen. Nås via stadsdelens växel, {forvaltning.telefon}. Ansökan kan göras i e-tjänst, skriftligt eller muntligt, och kostar inget. Du kan inte säga om personen tillhör personkretsen.",
  article = "funktionsnedsattning/ansoka-insats",
  finish = { resolved = false },
}

step "insatser" {
  say = "LSS ger personer i lagens personkrets rätt till tio insatser, till exempel personlig assistans, ledsagarservice, kontaktperson, avlösarservice, korttidsvistelse, bostad med särskild service och daglig verksamhet. De söks hos LSS-handläggaren i stadsdelen och är avgiftsfria; hyra och mat betalar man själv.",
  article = "funktionsnedsattning/lss-insatser",
  choices = {
    { "Svaret räcker", finish = { resolved = true } },
    { "Vill ansöka", go = "alder" },
  },
}

-- ---- Överklaga --------------------------------------------------------------

step "vem_beslutade" {
  say = "Fråga vem som fattade beslutet. Hur man överklagar står alltid sist i beslutet.",
  choices = {
    { "Stadsdelen (LSS, bistånd, avgift)", go = "beslutsdatum" },
    { "Försäkringskassan (assistansersättning)", go = "fk" },
    { "Region Stockholm (färdtjänst)", go = "region" },
    { "Skolan (anpassad grundskola, åtgärdsprogram)", go = "skola" },
  },
}

step "beslutsdatum" {
  ask = "Vilket datum fick personen beslutet? (år-månad-dag)",
  input = "date",
  save = "beslutsdatum",
  check = function (value, s)
    if value > now ().date then return false, "Datumet ligger efter i dag." end
    return true
  end,
  next = "overklaga_stadsdel",
}

-- Tre veckor från den dag personen fick beslutet. Infaller sista dagen på
-- en lördag, söndag eller helgdag räcker det att överklagandet kommer in
-- nästa vardag; stadsdelen prövar om det har kommit in i tid.
step "overklaga_stadsdel" {
  compute = function (s)
    s.sista_dag = datum.i_ord (datum.plus_dagar (s.beslutsdatum, 21))
    if datum.dagar_mellan (now ().date, datum.plus_dagar (s.beslutsdatum, 21)) >= 0 then
      s.frist = "Tre veckor från den dagen är " .. s.sista_dag .. "."
    else
      s.frist = "Tre veckor från den dagen var " .. s.sista_dag .. ", så tiden har gått ut. Ett överklagande som kommer in för sent avvisas, men det är stadsdelen som prövar det."
    end
  end,
  say = "Överklagandet ska vara skriftligt och ha kommit in till stadsdelsförvaltningen som fattade beslutet, inte till domstolen, inom tre veckor. {frist} Säg: ”Skriv vilket beslut du överklagar, vad du vill ha ändrat och varför, och skriv under. Det kostar inget.” Handläggaren är skyldig att hjälpa till. Du tar inte ställning till om beslutet är rätt.",
  article = "funktionsnedsattning/overklaga-beslut",
  finish = { resolved = true },
}

step "fk" {
  say = "Säg: ”Försäkringskassans beslut omprövas hos Försäkringskassan. Hur står i beslutet.”",
  article = "funktionsnedsattning/overklaga-beslut",
  finish = { resolved = true },
}

step "region" {
  say = "Säg: ”Region Stockholms beslut om färdtjänst överklagar du till förvaltningsrätten, men du skickar överklagandet till Region Stockholm.”",
  article = "funktionsnedsattning/overklaga-beslut",
  finish = { resolved = true },
}

step "skola" {
  say = "Beslut om anpassad grundskola och vissa andra skolbeslut överklagas till Skolväsendets överklagandenämnd. Hur står i beslutet.",
  article = "funktionsnedsattning/overklaga-beslut",
  finish = { resolved = true },
}

-- ---- Uteblivet stöd -------------------------------------------------------------

step "uteblivet" {
  say = "Fråga: ”Står personen utan hjälp med andning, mat eller hygien?” Vid fara för liv: 112. Be först personen kontakta anordnaren direkt. Går den inte att nå:",
  acute = "Personen står utan hjälp med grundläggande behov",
  next = function (s)
    if oppet.kontorstid () then return "postnummer" end
    return "uteblivet_jour"
  end,
  leads_to = { "postnummer", "uteblivet_jour" },
}

step "uteblivet_dag" {
  say = "Koppla till LSS-handläggaren i {forvaltning.namn} via stadsdelens växel, {forvaltning.telefon}, och säg att det är akut: personen står utan hjälp i dag.",
  article = "funktionsnedsattning/personlig-assistans",
  finish = { resolved = false },
}

step "uteblivet_jour" {
  compute = function (s) s.jour = unit ("socialjouren") end,
  say = "Kontorstiden är slut. Koppla till {jour.namn}, {jour.telefon}, och stanna kvar tills någon svarar.",
  refer = "socialjouren",
  article = "funktionsnedsattning/personlig-assistans",
  finish = { resolved = false },
}
