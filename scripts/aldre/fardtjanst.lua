-- Färdtjänst: Region Stockholm, inte staden, utreder, beslutar och ordnar
-- resorna. Kontaktcentret kan inte boka resor eller se regionens ärenden:
-- det hjälper personen vidare med rätt nummer.
-- Artiklar: aldre/fardtjanst, aldre/riksfardtjanst.
--
-- Riksfärdtjänsten (08-465 004 22) finns inte i data/enheter.csv; numret
-- står här som i artikeln.

local oppet = require "lib/oppet"

guide {
  id = "aldre/fardtjanst",
  title = "Färdtjänst",
  area = "aldre",
  start = "vad_galler",
  description = "Ansökan och tillstånd, bokning av resor, riksfärdtjänst, sjukresor och avslag.",
  keywords = { "färdtjänst", "riksfärdtjänst", "färdtjänstkort", "boka resa", "sjukresa" },
}

step "vad_galler" {
  say = "Fråga vad det gäller. Färdtjänst är Region Stockholms ansvar; du hjälper personen till rätt ställe.",
  choices = {
    { "Ansöka, förlänga tillstånd eller färdtjänstkort", go = "kundtjanst",
      outcome = { category = "färdtjänst tillstånd" } },
    { "Boka, ändra eller avboka en resa, resan har inte kommit", go = "bestallning",
      outcome = { category = "färdtjänst resa" } },
    { "Klagomål på en resa eller förare", go = "kundtjanst",
      outcome = { category = "färdtjänst klagomål" } },
    { "Resa utanför länet", go = "riks",
      outcome = { category = "riksfärdtjänst" } },
    { "Resa till vården", go = "sjukresa",
      outcome = { category = "sjukresa" } },
    { "Har fått avslag", go = "avslag",
      outcome = { category = "färdtjänst avslag" } },
    { "Parkeringstillstånd", go = "parkering" },
  },
}

step "kundtjanst" {
  compute = function (s) s.kt = oppet.enhet ("fardtjanst") end,
  say = "Säg: ”Färdtjänst söker du hos Region Stockholm, inte hos din stadsdel.” Hänvisa till {kt.namn}: {kt.telefon}, {kt.lage}. Ett tillstånd som snart går ut ska förlängas i god tid.",
  refer = "fardtjanst",
  article = "aldre/fardtjanst",
  finish = { resolved = false },
}

step "bestallning" {
  compute = function (s) s.bc = unit ("fardtjanst-bestallning") end,
  say = "Resor bokas, ändras och avbokas hos {bc.namn}: {bc.telefon}, dygnet runt, eller i appen. Har en bokad resa inte kommit: ring samma nummer nu. Kontaktcentret kan inte boka resor.",
  refer = "fardtjanst-bestallning",
  article = "aldre/fardtjanst",
  finish = { resolved = false },
}

step "riks" {
  say = "Riksfärdtjänst söks inför varje resa hos Region Stockholm, 08-465 004 22 – gärna tre till fyra veckor före resan, särskilt inför storhelger och sommaren. Resor till vård, arbete eller skola omfattas inte.",
  article = "aldre/riksfardtjanst",
  finish = { resolved = false },
}

step "sjukresa" {
  say = "Resor till vården är sjukresor. De beställs genom vården; information finns hos 1177.",
  article = "aldre/fardtjanst",
  finish = { resolved = false },
}

step "avslag" {
  say = "Säg: ”Ett avslag från Region Stockholm överklagar du till förvaltningsrätten, men du skickar överklagandet till Region Stockholm. Hur står sist i beslutet.” Du tar inte ställning till beslutet.",
  article = "funktionsnedsattning/overklaga-beslut",
  finish = { resolved = true },
}

step "parkering" {
  say = "Parkeringstillstånd för rörelsehindrade är en annan fråga: öppna guiden ”Parkeringstillstånd för rörelsehindrade” (parkering/parkeringstillstand).",
  finish = { area = "parkering", category = "parkeringstillstånd", resolved = true },
}
