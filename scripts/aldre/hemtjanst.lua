-- Hemtjänst: ansöka, ändra, byta utförare, avboka besök, uteblivet besök
-- och klagomål. Hemtjänst är bistånd: biståndshandläggaren i den
-- stadsdel där personen är folkbokförd utreder och beslutar. Kontaktcentret
-- tar inte emot ansökan och kan inte säga om hjälpen beviljas.
-- Artiklar: aldre/ansoka-hemtjanst, aldre/hemtjanst-andra-avboka,
-- aldre/byta-hemtjanstutforare, aldre/klagomal-hemtjanst.

local stadsdel = require "lib/stadsdel"
local oppet = require "lib/oppet"

guide {
  id = "aldre/hemtjanst",
  title = "Hemtjänst",
  area = "aldre",
  start = "vad_galler",
  description = "Ansöka om hemtjänst, ändra eller avboka, byta utförare, uteblivet besök och klagomål.",
  keywords = { "hemtjänst", "biståndshandläggare", "utförare", "avboka", "hemhjälp", "klagomål" },
}

step "vad_galler" {
  say = "Fråga vad det gäller, och om personen ringer för egen del eller för en anhörig. Den enskilde måste själv vilja ha hjälpen.",
  save = "arende",
  choices = {
    { "Ansöka om hemtjänst", go = "klarar_sig",
      outcome = { category = "ansöka hemtjänst" } },
    { "Mer, mindre eller annan hjälp", go = "postnummer", value = "andra",
      outcome = { category = "ändra hemtjänst" } },
    { "Byta hemtjänstutförare", go = "postnummer", value = "byta",
      outcome = { category = "byta utförare" } },
    { "Avboka eller flytta ett besök", go = "avboka",
      outcome = { category = "avboka besök" } },
    { "Hemtjänsten har inte kommit", go = "uteblivet",
      outcome = { category = "uteblivet besök" } },
    { "Klagomål på hemtjänsten", go = "far_illa",
      outcome = { category = "klagomål hemtjänst" } },
  },
}

step "klarar_sig" {
  say = "Fråga: ”Klarar personen sig hemma i dag och i natt?” Vid fara för liv eller hälsa: 112. Är personen inlagd på sjukhus planerar sjukhuset oftast hemgången tillsammans med stadsdelen.",
  save = "arende",
  choices = {
    { "Ja, det kan vänta", go = "postnummer", value = "ansoka" },
    { "Nej, behöver hjälp i dag", go = "postnummer", value = "akut" },
  },
}

step "uteblivet" {
  say = "Be personen ringa utförarens telefon, som är bemannad även kvällar och helger. Har personen fallit eller mår dåligt: 112.",
  save = "arende",
  choices = {
    { "Utföraren svarar och ordnar det", finish = { resolved = true } },
    { "Utföraren går inte att nå", go = "postnummer", value = "akut" },
  },
}

step "far_illa" {
  say = "Fråga vad som har hänt och när, och om personen redan har pratat med utförarens enhetschef. Fråga: ”Finns det risk att personen far illa just nu – utan läkemedel, mat eller tillsyn, eller utsatt för våld eller stöld?”",
  save = "arende",
  choices = {
    { "Ja, far illa just nu", go = "postnummer", value = "akut" },
    { "Nej", go = "postnummer", value = "klagomal" },
  },
}

step "avboka" {
  say = "Säg: ”Ring din hemtjänst direkt, så avbokar eller flyttar de besöket. Gör det så tidigt som möjligt.” Numret står i beslutet eller i utförarens välkomstbrev. Uppehåll vid resa eller sjukhusvistelse meddelas också utföraren.",
  article = "aldre/hemtjanst-andra-avboka",
  finish = { resolved = true },
}

step "postnummer" {
  ask = "Vilket postnummer är personen folkbokförd på?",
  input = "postcode",
  save = "postnummer",
  next = function (s)
    if stadsdel.hitta (s) == nil then
      if s.arende == "akut" then return "akut" end
      return "okant_postnummer"
    end
    return s.arende     -- ansoka, akut, andra, byta eller klagomal: stegen nedan
  end,
  leads_to = { "ansoka", "akut", "andra", "byta", "klagomal", "okant_postnummer" },
}

step "okant_postnummer" {
  say = "Postnumret {postnummer} finns inte i Stockholms stad. Är personen folkbokförd i en annan kommun ansöker hen där. Är du osäker: kontrollera adressen på stadens karta.",
  article = "allmant/hitta-stadsdelsforvaltning",
  finish = { resolved = false },
}

step "ansoka" {
  compute = function (s) s.bistand = oppet.enhet ("bistand-aldre-" .. s.forvaltning.id) end,
  say = "Ansökan görs hos biståndshandläggaren i {forvaltning.namn}: i e-tjänsten, skriftligt eller per telefon. {bistand.namn}: {bistand.telefon}, {bistand.lage}. Är det stängt: skicka en kontaktbegäran enligt rutin. Säg: ”Handläggaren kontaktar dig och gör oftast ett hembesök. Sedan får du ett skriftligt beslut.”",
  refer = function (s) return s.bistand.id end,
  article = "aldre/ansoka-hemtjanst",
  finish = { resolved = false },
}

-- Personen behöver hjälp i dag: under kontorstid biståndshandläggaren i
-- stadsdelen (via växeln när telefontiden är slut), annars – och när
-- stadsdelen är okänd – Socialjouren.
step "akut" {
  compute = function (s)
    if s.forvaltning ~= nil and oppet.kontorstid () then
      s.mottagare = oppet.enhet ("bistand-aldre-" .. s.forvaltning.id)
      if s.mottagare.open_now then
        s.hur = "Koppla direkt till " .. s.mottagare.namn .. ", telefon " .. s.mottagare.telefon .. "."
      else
        s.hur = "Biståndshandläggarnas telefontid är slut, men ärendet är akut: ring växeln hos "
             .. s.forvaltning.namn .. ", " .. s.forvaltning.telefon .. ", och be att få en biståndshandläggare direkt."
      end
    else
      s.mottagare = oppet.enhet ("socialjouren")
      s.hur = "Koppla direkt till " .. s.mottagare.namn .. ", telefon " .. s.mottagare.telefon .. "."
    end
  end,
  say = "{hur} Säg att det är akut: personen behöver hjälp i dag. Stanna kvar tills någon svarar. Vid fara för liv eller hälsa: 112.",
  acute = "Äldre person behöver hjälp i dag",
  refer = function (s) return s.mottagare.id end,
  article = "aldre/ansoka-hemtjanst",
  finish = { resolved = false },
}

step "andra" {
  compute = function (s) s.bistand = oppet.enhet ("bistand-aldre-" .. s.forvaltning.id) end,
  say = "Mer, mindre eller annan hjälp kräver ett nytt beslut. Hänvisa till biståndshandläggaren i {forvaltning.namn}: {bistand.telefon}, {bistand.lage}. Enstaka besök avbokas hos utföraren.",
  refer = function (s) return s.bistand.id end,
  article = "aldre/hemtjanst-andra-avboka",
  finish = { resolved = false },
}

step "byta" {
  compute = function (s) s.bistand = oppet.enhet ("bistand-aldre-" .. s.forvaltning.id) end,
  say = "Personen väljer själv utförare och behöver inte ange skäl; jämförelsetjänsten finns på stadens webbplats. Rekommendera ingen utförare. Bytet görs via biståndshandläggaren i {forvaltning.namn}: {bistand.telefon}, {bistand.lage}. Den gamla utföraren fortsätter tills den nya tar över.",
  refer = function (s) return s.bistand.id end,
  article = "aldre/byta-hemtjanstutforare",
  finish = { resolved = false },
}

step "klagomal" {
  say = "Skriv ner klagomålet sakligt och skicka det till {forvaltning.namn} enligt rutinen för synpunkter. Fråga om personen vill bli kontaktad. Tipsa också om att prata med utförarens enhetschef; det går ofta snabbast. Du tar inte ställning till vem som har rätt.",
  article = "aldre/klagomal-hemtjanst",
  outcome = function (s) return { complaint_to = s.forvaltning.id } end,
  finish = { resolved = true },
}
