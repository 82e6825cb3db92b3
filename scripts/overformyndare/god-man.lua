-- God man, förvaltare, förvaltarfrihetsbevis och årsräkning. Tingsrätten
-- beslutar om god man och förvaltare; överförmyndarförvaltningen utreder,
-- tar emot anmälningar, har tillsyn och granskar redovisningen.
-- Kontaktcentret informerar och hänvisar: du bedömer aldrig om någon
-- behöver god man och bekräftar aldrig vem som har förvaltare.
-- Artiklar: overformyndare/god-man, overformyndare/forvaltare,
-- overformyndare/forvaltarfrihetsbevis, overformyndare/arsrakning,
-- overformyndare/bli-god-man, overformyndare/fullmakt-framtidsfullmakt,
-- overformyndare/god-man-ensamkommande-barn.

local oppet = require "lib/oppet"

guide {
  id = "overformyndare/god-man",
  title = "God man, förvaltare och redovisning",
  area = "overformyndare",
  start = "vad_galler",
  description = "Ansöka om god man, förvaltare, förvaltarfrihetsbevis, årsräkning, bli god man och klagomål.",
  keywords = { "god man", "förvaltare", "förvaltarfrihetsbevis", "årsräkning", "överförmyndare", "arvode" },
}

step "vad_galler" {
  say = "Fråga vad det gäller, och om det gäller den som ringer eller någon annan.",
  choices = {
    { "Ansöka om eller anmäla behov av god man", go = "far_illa", outcome = { category = "god man ansökan" } },
    { "Förvaltare", go = "forvaltare", outcome = { category = "förvaltare" } },
    { "Förvaltarfrihetsbevis", go = "bevis_folkbokford", outcome = { category = "förvaltarfrihetsbevis" } },
    { "Årsräkning eller redovisning", go = "arsrakning", outcome = { category = "årsräkning" } },
    { "Bli god man, arvode", go = "bli_god_man", outcome = { category = "bli god man" } },
    { "Klagomål på en god man eller förvaltare", go = "klagomal", outcome = { category = "klagomål ställföreträdare" } },
    { "God man för ensamkommande barn", go = "ensamkommande", outcome = { category = "ensamkommande barn" } },
  },
}

-- ---- God man -------------------------------------------------------------

step "far_illa" {
  say = "Fråga: ”Far personen illa just nu – utnyttjas ekonomiskt, saknar mat eller medicin?”",
  choices = {
    { "Ja, far illa just nu", go = "akut" },
    { "Nej", go = "alternativ" },
  },
}

step "akut" {
  say = "Det här är akut och går före godmanskapet. Öppna guiden ”Akut socialt ärende” (social/akut) och slussa till socialtjänsten direkt. Vid fara för liv: 112.",
  acute = "Personen far illa just nu",
  article = "social/akuta-arenden",
  finish = { resolved = false },
}

step "alternativ" {
  say = "En god man ska inte utses om något enklare räcker. Kan personen själv ge en vanlig fullmakt? Finns en framtidsfullmakt? Gäller det vardagsekonomi kan anhöriga sköta den med anhörigbehörighet.",
  article = "overformyndare/fullmakt-framtidsfullmakt",
  choices = {
    { "Fullmakt eller anhörigbehörighet räcker", finish = { category = "fullmakt", resolved = true } },
    { "Nej, god man behövs", go = "ansokan" },
  },
}

step "ansokan" {
  compute = function (s) s.of = oppet.enhet ("overformyndarforvaltningen") end,
  say = "Ansökan görs av personen själv, make, maka, sambo eller närmaste släktingar, till tingsrätten eller till överförmyndarförvaltningen. Andra, till exempel vården eller en granne, gör en anmälan till överförmyndarförvaltningen. Bifoga läkarintyg och personbevis. Det kostar inget. {of.namn}: {of.telefon}, {of.lage}.",
  refer = "overformyndarforvaltningen",
  article = "overformyndare/god-man",
  finish = { resolved = false },
}

step "forvaltare" {
  say = "Tingsrätten utser en förvaltare när en god man inte räcker. Förvaltarskap begränsar huvudmannens rätt att själv ingå avtal inom det som beslutet gäller; rösträtten och personliga frågor som vård behåller hen. Ansökan görs som för god man.",
  article = "overformyndare/forvaltare",
  choices = {
    { "Svaret räcker", finish = { resolved = true } },
    { "Vill ansöka eller anmäla", go = "ansokan" },
  },
}

-- ---- Förvaltarfrihetsbevis ------------------------------------------------

step "bevis_folkbokford" {
  say = "Fråga: ”Är du folkbokförd i Stockholms stad?”",
  choices = {
    { "Ja", go = "bevis" },
    { "Nej", go = "bevis_annan_kommun" },
  },
}

step "bevis" {
  say = "Säg: ”Beställ beviset i stadens e-tjänst med e-legitimation, eller skicka en skriftlig beställning med namn, personnummer och adress till överförmyndarförvaltningen. Det är kostnadsfritt och skickas med post till din folkbokföringsadress.” Ett ombud behöver skriftlig fullmakt. Bekräfta aldrig i telefon om någon har förvaltare.",
  article = "overformyndare/forvaltarfrihetsbevis",
  finish = { resolved = true },
}

step "bevis_annan_kommun" {
  say = "Beviset beställs hos överförmyndaren i den kommun där personen är folkbokförd.",
  article = "overformyndare/forvaltarfrihetsbevis",
  finish = { resolved = false },
}

-- ---- Årsräkning -------------------------------------------------------------

step "arsrakning" {
  compute = function (s)
    local idag = now ()
    if idag.month < 3 then
      s.frist = "I år ska årsräkningen för " .. (idag.year - 1) .. " vara inne senast den 1 mars " .. idag.year .. "."
    else
      s.frist = "Nästa årsräkning, för " .. idag.year .. ", ska vara inne senast den 1 mars " .. (idag.year + 1) .. "."
    end
  end,
  say = "Årsräkningen gäller föregående kalenderår och ska vara inne senast den 1 mars. {frist} Den lämnas i överförmyndarförvaltningens e-tjänst med ställföreträdarens egen e-legitimation, eller på blankett. Du granskar inte redovisningen.",
  article = "overformyndare/arsrakning",
  choices = {
    { "Svaret räcker", finish = { resolved = true } },
    { "Komplettering, granskning eller arvode", go = "handlaggare" },
    { "Kan inte logga in i e-tjänsten", go = "inloggning" },
  },
}

step "inloggning" {
  say = "Öppna guiden ”Inloggning i e-tjänster” (etjanster/inloggning). Ställföreträdaren loggar in med sitt eget BankID, aldrig med huvudmannens.",
  article = "etjanster/god-man-foretradare-inloggning",
  finish = { area = "etjanster", category = "inloggning", resolved = true },
}

step "handlaggare" {
  compute = function (s) s.of = oppet.enhet ("overformyndarforvaltningen") end,
  say = "Hänvisa till handläggaren som står i brevet, via {of.namn}: {of.telefon}, {of.lage}. Du lovar inget om när granskningen är klar eller när arvodet betalas.",
  refer = "overformyndarforvaltningen",
  article = "overformyndare/arsrakning",
  finish = { resolved = false },
}

-- ---- Bli god man, klagomål, ensamkommande barn --------------------------

step "bli_god_man" {
  say = "Säg: ”Gör en intresseanmälan i stadens e-tjänst, eller ring överförmyndarförvaltningen och fråga efter rekryteringen.” Den som blir god man ska vara rättrådig, erfaren och lämplig; förvaltningen kontrollerar belastningsregistret och skulder hos Kronofogden. Arvodet bestäms en gång om året i efterskott.",
  article = "overformyndare/bli-god-man",
  choices = {
    { "Svaret räcker", finish = { resolved = true } },
    { "Fråga om ett visst arvodesbeslut", go = "handlaggare" },
  },
}

step "klagomal" {
  say = "Ta emot synpunkten och skicka den till överförmyndarförvaltningen, som har tillsyn över gode män och förvaltare. Du uttalar dig inte om huruvida ställföreträdaren gör rätt och lämnar inte ut vem som är ställföreträdare.",
  article = "overformyndare/forvaltare",
  outcome = { complaint_to = "overformyndarforvaltningen" },
  finish = { resolved = true },
}

step "ensamkommande" {
  say = "Överförmyndarförvaltningen utser god man för barn som kommer utan vårdnadshavare. Fråga: ”Saknar barnet plats att sova i natt, eller far det illa?” Lämna aldrig ut vem som är god man för ett visst barn.",
  article = "overformyndare/god-man-ensamkommande-barn",
  choices = {
    { "Ja, far illa eller saknar sovplats", go = "akut" },
    { "Nej: god man, byte eller arvode", go = "handlaggare" },
  },
}
