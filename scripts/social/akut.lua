-- Akuta sociala ärenden: oro för ett barn, våld i nära relation, akut
-- ekonomisk nöd och att inte ha någonstans att sova i natt. Ärendet ska nå
-- rätt instans medan den som ringer är kvar i luren: under mottagningens
-- öppettid socialtjänsten i den stadsdel där den berörda bor, när den är
-- stängd (kvällar, helger, helgdagar, lunch) Socialjouren, dygnet runt.
-- Artiklar: social/akuta-arenden, social/orosanmalan-barn,
-- social/vald-i-nara-relation, social/nodbistand, social/socialjouren.

local stadsdel = require "lib/stadsdel"
local oppet = require "lib/oppet"

guide {
  id = "social/akut",
  title = "Akut socialt ärende",
  area = "social",
  start = "vad_har_hant",
  description = "Orosanmälan om barn, våld i nära relation, akut ekonomisk nöd och ingenstans att sova i natt.",
  keywords = { "orosanmälan", "våld", "akut", "socialjouren", "nödbistånd", "hemlös" },
}

step "vad_har_hant" {
  say = "Fråga lugnt vad som har hänt. Fråga först: ”Är någon i fara just nu?” Vid fara: be personen ringa 112.",
  save = "galler",
  choices = {
    { "Oro för ett barn", go = "postnummer", value = "barn",
      outcome = { category = "orosanmälan" } },
    { "Våld i nära relation", go = "postnummer", value = "vald",
      outcome = { category = "våld i nära relation" } },
    { "Akut ekonomisk nöd", go = "postnummer", value = "nod",
      outcome = { category = "akut ekonomisk nöd" } },
    { "Någon är i fara just nu", go = "ring_112",
      outcome = { category = "hänvisad till 112" } },
    { "Ingenstans att sova i natt", go = "anknytning", value = "bostad",
      outcome = { category = "akut hemlöshet" } },
  },
  acute = "Akut socialt ärende",
}

step "ring_112" {
  say = "Be personen lägga på och ringa 112 direkt. Stanna kvar tills du vet att hon eller han har förstått. Bryts samtalet: ring 112 själv.",
  article = "social/akuta-arenden",
  finish = { resolved = false },
}

step "anknytning" {
  say = "Fråga: ”Är du folkbokförd i Stockholm, och finns det barn med dig?” Lämnar personen bostaden på grund av våld: välj Våld i nära relation i stället (gå tillbaka).",
  save = "galler",
  choices = {
    { "Folkbokförd i Stockholm, inga barn", go = "postnummer", value = "bostad" },
    { "Familj med barn", go = "postnummer", value = "bostad-barn" },
    { "Ingen anknytning till en stadsdel", go = "hemlosa", value = "bostad" },
  },
}

-- Den som saknar anknytning till en stadsdel: Enheten för hemlösa under
-- dess öppettid, annars Socialjouren.
step "hemlosa" {
  compute = function (s)
    s.mottagare = oppet.oppen_eller ("enheten-for-hemlosa", "socialjouren")
  end,
  say = "Koppla till {mottagare.namn}, telefon {mottagare.telefon}, och stanna kvar tills någon svarar. Lova inte en plats: socialtjänsten ordnar boendet för natten.",
  refer = function (s) return s.mottagare.id end,
  article = "social/hemloshet-akut-boende",
  finish = { resolved = false },
}

step "postnummer" {
  ask = "Vilket postnummer bor barnet eller den som behöver hjälp på?",
  input = "postcode",
  save = "postnummer",
  next = function (s)
    if stadsdel.hitta (s) == nil then return "okant_postnummer" end
    return "hanvisa"
  end,
  leads_to = { "hanvisa", "okant_postnummer" },
}

step "okant_postnummer" {
  compute = function (s) s.jour = unit ("socialjouren") end,
  say = "Postnumret {postnummer} finns inte i Stockholms stad. Koppla till {jour.namn}, {jour.telefon}, som tar emot akuta ärenden dygnet runt och för dem vidare till rätt kommun.",
  refer = "socialjouren",
  article = "social/socialjouren",
  finish = { resolved = false },
}

-- Barn (och familjer med barn utan boende) går till mottagningen för barn
-- och unga, allt annat till
-- mottagningen för vuxna, i den stadsdel där personen bor. Är den stängd
-- just nu går ärendet till Socialjouren.
step "hanvisa" {
  compute = function (s)
    local grupp = "vuxna"
    if s.galler == "barn" or s.galler == "bostad-barn" then grupp = "barn-unga" end
    s.stadsdelen = oppet.enhet ("socialtjanst-" .. grupp .. "-" .. s.forvaltning.id)
    s.jour = unit ("socialjouren")
    if s.stadsdelen.open_now then
      s.mottagare = s.stadsdelen
      s.om_stangt = "Svarar inte mottagningen: koppla till " .. s.jour.namn .. ", " .. s.jour.telefon .. "."
    else
      s.mottagare = s.jour
      s.om_stangt = "Stadsdelens mottagning: " .. s.stadsdelen.lage .. "."
    end
    s.dessutom = ""
    if s.galler == "vald" then
      s.dessutom = " Vill personen prata anonymt: Kvinnofridslinjen 020-50 50 50, dygnet runt. Ring aldrig tillbaka utan att personen har sagt att det är säkert."
    elseif s.galler == "nod" then
      s.dessutom = " Lova inte att personen får pengar: socialtjänsten prövar."
    end
  end,
  say = "Koppla till {mottagare.namn}, telefon {mottagare.telefon}, och stanna kvar tills någon svarar. Ärendet hör till {forvaltning.namn}. {om_stangt}{dessutom}",
  refer = function (s) return s.mottagare.id end,
  article = function (s)
    if s.galler == "barn" then return "social/orosanmalan-barn" end
    if s.galler == "vald" then return "social/vald-i-nara-relation" end
    if s.galler == "nod" then return "social/nodbistand" end
    return "social/hemloshet-akut-boende"
  end,
  finish = { resolved = false },
}
