-- Akuta sociala ärenden: oro för ett barn, våld i nära relation, akut
-- ekonomisk nöd. Under kontorstid hänvisas till socialtjänsten i den
-- stadsdel där den berörda bor; när den är stängd till Socialjouren.

local stadsdel = require "lib/stadsdel"

guide {
  id = "social/akut",
  title = "Akut socialt ärende",
  area = "social",
  start = "vad_har_hant",
  description = "Orosanmälan om barn, våld i nära relation och akut ekonomisk nöd.",
  keywords = { "orosanmälan", "våld", "akut", "socialjouren", "nödbistånd" },
}

step "vad_har_hant" {
  say = "Fråga lugnt vad som har hänt. Är någon i omedelbar fara: be personen ringa 112.",
  choices = {
    { "Oro för ett barn", go = "postnummer", value = "barn",
      outcome = { category = "orosanmälan" } },
    { "Våld i nära relation", go = "postnummer", value = "vuxna",
      outcome = { category = "våld i nära relation" } },
    { "Akut ekonomisk nöd", go = "postnummer", value = "vuxna",
      outcome = { category = "akut ekonomisk nöd" } },
    { "Någon är i fara just nu", go = "ring_112" },
  },
  save = "galler",
  acute = "Akut socialt ärende",
}

step "ring_112" {
  say = "Be personen lägga på och ringa 112 direkt. Stanna kvar tills du vet att hon eller han har förstått.",
  finish = { category = "hänvisad till 112", resolved = false },
}

step "postnummer" {
  ask = "Vilket postnummer bor barnet eller den som behöver hjälp på?",
  input = "postcode",
  save = "postnummer",
  next = function (s)
    if stadsdel.for_postnummer (s.postnummer) == nil then return "okant_postnummer" end
    return "hanvisa"
  end,
  leads_to = { "hanvisa", "okant_postnummer" },
}

step "okant_postnummer" {
  say = "Postnumret {postnummer} finns inte i Stockholms stad. Hänvisa till Socialjouren, som tar emot akuta ärenden och för dem vidare.",
  refer = "socialjouren",
  article = "social/socialjouren",
  finish = { resolved = false },
}

step "hanvisa" {
  compute = function (s)
    local f = stadsdel.for_postnummer (s.postnummer)
    s.forvaltning = f.namn
    s.enhet = "socialtjanst-" .. (s.galler == "barn" and "barn-unga" or "vuxna") .. "-" .. f.id
    if open_now (s.enhet) then
      s.mottagare = unit (s.enhet)
    else
      s.mottagare = unit ("socialjouren")
    end
  end,
  say = "Koppla eller hänvisa till {mottagare.namn}, telefon {mottagare.telefon}. Ärendet hör till {forvaltning}.",
  refer = function (s) return s.mottagare.id end,
  article = function (s)
    if s.galler == "barn" then return "social/orosanmalan-barn" end
    return "social/akuta-arenden"
  end,
  finish = { resolved = false },
}
