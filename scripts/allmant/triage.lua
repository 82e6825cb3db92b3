-- Vad gäller samtalet? Första frågan i ett samtal: hitta området och den
-- guide som passar. Akuta ärenden först. Varje slut säger vilken guide
-- handläggaren ska öppna och föreslår området i utfallet; guiden för
-- området föreslår sedan det riktiga utfallet.

local oppet = require "lib/oppet"

guide {
  id = "allmant/triage",
  title = "Vad gäller samtalet?",
  area = "allmant",
  start = "fraga",
  description = "Hitta område och guide för samtalet. Akuta ärenden först.",
  keywords = { "triage", "vad gäller", "område", "vem ansvarar", "vart ska jag vända mig" },
}

step "fraga" {
  say = "Fråga: ”Vad gäller ditt ärende?” Lyssna först efter om någon är i fara eller far illa just nu. Talar personen dåligt svenska: erbjud tolk (Annat).",
  choices = {
    { "Någon är i fara eller far illa just nu", go = "akut" },
    { "Äldre: hemtjänst, larm, färdtjänst, avgift", go = "aldre" },
    { "Förskola, skola eller fritidshem", go = "barn" },
    { "Funktionsnedsättning, LSS", go = "funktionsnedsattning" },
    { "God man, förvaltare, överförmyndare", go = "overformyndare" },
    { "Socialtjänst, ekonomiskt bistånd", go = "social" },
    { "Parkering, bygglov, gata och park", go = "stad" },
    { "Kan inte logga in i en e-tjänst", go = "etjanster" },
    { "Annat: synpunkt, stadsdel, tolk, annan myndighet", go = "annat" },
  },
}

-- ---- Akut ------------------------------------------------------------------

step "akut" {
  say = "Öppna guiden ”Akut socialt ärende” (social/akut) nu. Vid fara för liv eller hälsa: be personen ringa 112.",
  acute = "Någon är i fara eller far illa",
  article = "social/akuta-arenden",
  finish = { area = "social", category = "akut ärende", resolved = false },
}

-- ---- Äldre ---------------------------------------------------------------

step "aldre" {
  say = "Fråga vad det gäller.",
  choices = {
    { "Hemtjänst", go = "hemtjanst" },
    { "Trygghetslarm", go = "trygghetslarm" },
    { "Färdtjänst", go = "fardtjanst" },
    { "Faktura eller avgift", go = "faktura" },
    { "Annat om äldre: boende, anhörigstöd, oro", go = "aldre_annat" },
  },
}

step "hemtjanst" {
  say = "Öppna guiden ”Hemtjänst” (aldre/hemtjanst).",
  finish = { area = "aldre", category = "hemtjänst", resolved = true },
}

step "trygghetslarm" {
  say = "Öppna guiden ”Trygghetslarm” (aldre/trygghetslarm). Fungerar larmet inte och behöver personen hjälp nu: 112.",
  finish = { area = "aldre", category = "trygghetslarm", resolved = true },
}

step "fardtjanst" {
  say = "Öppna guiden ”Färdtjänst” (aldre/fardtjanst).",
  finish = { area = "aldre", category = "färdtjänst", resolved = true },
}

step "faktura" {
  say = "Öppna guiden ”Faktura och avgift i äldreomsorgen” (aldre/faktura).",
  finish = { area = "aldre", category = "faktura", resolved = true },
}

step "aldre_annat" {
  compute = function (s) s.aldre = oppet.enhet ("aldre-direkt") end,
  say = "Sök i kunskapsbanken, till exempel ”vård- och omsorgsboende”, ”anhörigstöd” eller ”oro för äldre”. Oro för att någon far illa är akut: gå tillbaka och välj det. {aldre.namn}: {aldre.telefon}, {aldre.lage}.",
  article = "aldre/oro-for-aldre",
  finish = { area = "aldre", category = "äldre övrigt", resolved = true },
}

-- ---- Förskola och skola ----------------------------------------------

step "barn" {
  say = "Fråga vad det gäller.",
  choices = {
    { "Förskola: plats, kö, avgift", go = "forskola" },
    { "Skola: skolval, byte, skolskjuts, fritidshem", go = "skola" },
  },
}

step "forskola" {
  say = "Öppna guiden ”Förskoleplats, kö och avgift” (forskola/forskoleplats).",
  finish = { area = "forskola", category = "förskola", resolved = true },
}

step "skola" {
  say = "Öppna guiden ”Skolval, skolbyte och skolskjuts” (skola/skolval).",
  finish = { area = "skola", category = "skola", resolved = true },
}

-- ---- Övriga områden ------------------------------------------------------

step "funktionsnedsattning" {
  say = "Öppna guiden ”LSS-insatser och överklagande” (funktionsnedsattning/lss). Är personen 65 år eller äldre gäller oftast äldreomsorgen.",
  finish = { area = "funktionsnedsattning", category = "funktionsnedsättning", resolved = true },
}

step "overformyndare" {
  say = "Öppna guiden ”God man, förvaltare och redovisning” (overformyndare/god-man).",
  finish = { area = "overformyndare", category = "överförmyndare", resolved = true },
}

step "social" {
  say = "Är det akut – ingen mat eller medicin i dag, ingenstans att sova i natt, oro för ett barn, våld? Gå tillbaka och välj akut. Annars: berätta hur man ansöker och förmedla kontakt med stadsdelens mottagning enligt artikeln.",
  article = "social/ekonomiskt-bistand",
  finish = { area = "social", category = "socialtjänst", resolved = true },
}

step "stad" {
  say = "Fråga vad det gäller.",
  choices = {
    { "Parkeringstillstånd för rörelsehindrade", go = "parkering" },
    { "Boendeparkering", go = "boendeparkering" },
    { "Bygglov", go = "bygglov" },
    { "Fel på gata eller park, klotter", go = "gata_park" },
  },
}

step "parkering" {
  say = "Öppna guiden ”Parkeringstillstånd för rörelsehindrade” (parkering/parkeringstillstand).",
  finish = { area = "parkering", category = "parkeringstillstånd", resolved = true },
}

step "boendeparkering" {
  say = "Öppna guiden ”Boendeparkering” (samhallsbyggnad/boendeparkering).",
  finish = { area = "samhallsbyggnad", category = "boendeparkering", resolved = true },
}

step "bygglov" {
  say = "Öppna guiden ”Bygglov” (samhallsbyggnad/bygglov).",
  finish = { area = "samhallsbyggnad", category = "bygglov", resolved = true },
}

step "gata_park" {
  say = "Fråga exakt var felet är och om det är farligt just nu, till exempel ett öppet brunnslock eller ett träd över vägen. Fara för liv: 112.",
  choices = {
    { "Farligt just nu, men ingen skadad", go = "gata_farligt" },
    { "Inte farligt", go = "gata_felanmalan" },
  },
}

step "gata_farligt" {
  compute = function (s) s.felanmalan = unit ("felanmalan-gata-park") end,
  say = "Koppla till {felanmalan.namn}, {felanmalan.telefon}. De har jour dygnet runt.",
  refer = "felanmalan-gata-park",
  article = "samhallsbyggnad/felanmalan-gata-park",
  finish = { area = "samhallsbyggnad", category = "felanmälan", resolved = false },
}

step "gata_felanmalan" {
  say = "Registrera felanmälan åt den som ringer, eller tipsa om stadens felanmälan på webben och i appen. Säg: ”Felet åtgärdas i turordning efter hur brådskande det är.” Klotter på privata fasader ansvarar fastighetsägaren för.",
  article = "samhallsbyggnad/felanmalan-gata-park",
  finish = { area = "samhallsbyggnad", category = "felanmälan", resolved = true },
}

step "etjanster" {
  say = "Öppna guiden ”Inloggning i e-tjänster” (etjanster/inloggning). Be aldrig om en säkerhetskod.",
  finish = { area = "etjanster", category = "inloggning", resolved = true },
}

-- ---- Annat ------------------------------------------------------------------

step "annat" {
  say = "Fråga vad det gäller.",
  choices = {
    { "Synpunkt, klagomål eller beröm", go = "synpunkter" },
    { "Vilken stadsdel hör jag till?", go = "tillhorighet" },
    { "Behöver tolk", go = "tolk" },
    { "Öppettider", go = "oppettider" },
    { "Fråga som inte är kommunens", go = "andra_myndigheter" },
    { "Begära ut allmänna handlingar", go = "handlingar" },
  },
}

step "synpunkter" {
  say = "Öppna guiden ”Synpunkter och klagomål” (allmant/synpunkter).",
  finish = { area = "allmant", category = "synpunkt", resolved = true },
}

step "tillhorighet" {
  say = "Öppna guiden ”Vilken stadsdelsförvaltning?” (allmant/tillhorighet).",
  finish = { area = "allmant", category = "tillhörighet", resolved = true },
}

-- Tolk kopplas in under samtalet; sedan börjar guiden om med frågan.
step "tolk" {
  compute = function (s) s.tolk = oppet.enhet ("tolkformedling") end,
  say = "Fråga vilket språk (och dialekt). Be personen vänta och ring {tolk.namn}, {tolk.telefon} ({tolk.lage}). Tolken är kostnadsfri. Barn tolkar aldrig. Går det inte att få tolk nu: boka ett nytt samtal med tolk eller förmedla en kontaktbegäran med tolkbehov. Tryck Nästa när tolken är med.",
  article = "allmant/tolk-sprakstod",
  next = "fraga",
}

step "oppettider" {
  compute = function (s)
    s.kc = oppet.enhet ("kontaktcenter")
    s.jour = unit ("socialjouren")
  end,
  say = "{kc.namn}, {kc.telefon}: {kc.lage}. Vardagar 08.00–16.30 (fredag 16.00), maj–augusti 08.00–16.00 (fredag 15.00); stängt helgdagar. Akut när det är stängt: {jour.namn} {jour.telefon}, dygnet runt, eller 112.",
  article = "allmant/oppettider-helgdagar",
  finish = { area = "allmant", category = "öppettider", resolved = true },
}

step "andra_myndigheter" {
  say = "Säg vilken myndighet som ansvarar, med namn och webbplats, enligt tabellen i artikeln. Svara inte på andra myndigheters regler. Gäller det också något akut hos staden: börja med det.",
  article = "allmant/andra-myndigheter",
  finish = { area = "allmant", category = "annan myndighet", resolved = false },
}

step "handlingar" {
  compute = function (s) s.registrator = unit ("registrator") end,
  say = "Registrera begäran och skicka den till registratorn på den förvaltning som har handlingen ({registrator.namn}, {registrator.telefon}). Fråga inte varför personen vill ha handlingen. Du lämnar inte ut något själv.",
  refer = "registrator",
  article = "allmant/allmanna-handlingar",
  finish = { area = "allmant", category = "allmänna handlingar", resolved = false },
}
