-- Scenarier för aldre/fardtjanst. Kundtjänsten har öppet mån–fre
-- 08.00–17.00; beställningscentralen dygnet runt.

scenario "Förlänga tillstånd en vardag" {
  guide = "aldre/fardtjanst",
  at = "2026-11-24 10:00",
  answers = { "Ansöka, förlänga tillstånd eller färdtjänstkort" },
  expect = {
    ends = "kundtjanst",
    finished = true,
    refer = "fardtjanst",
    says = "08-465 004 20, öppet nu (i dag 08.00–17.00)",
    outcome = { area = "aldre", category = "färdtjänst tillstånd", resolved = false, referred_to = "fardtjanst" },
  },
}

scenario "Förlänga tillstånd på kvällen" {
  guide = "aldre/fardtjanst",
  at = "2026-11-24 19:30",
  answers = { 1 },
  expect = { says = "stängt nu, öppnar i morgon kl. 08.00" },
}

scenario "Förlänga tillstånd på julafton" {
  guide = "aldre/fardtjanst",
  at = "2026-12-24 10:00",
  answers = { 1 },
  expect = { says = "öppnar måndag 28 december kl. 08.00" },
}

scenario "Klagomål på en förare" {
  guide = "aldre/fardtjanst",
  answers = { "Klagomål på en resa eller förare" },
  expect = { ends = "kundtjanst", outcome = { category = "färdtjänst klagomål", referred_to = "fardtjanst" } },
}

scenario "Resan har inte kommit, på natten" {
  guide = "aldre/fardtjanst",
  at = "2026-11-24 23:00",
  answers = { 2 },
  expect = {
    ends = "bestallning",
    refer = "fardtjanst-bestallning",
    says = "08-465 004 21, dygnet runt",
    outcome = { category = "färdtjänst resa", resolved = false },
  },
}

scenario "Riksfärdtjänst" {
  guide = "aldre/fardtjanst",
  answers = { "Resa utanför länet" },
  expect = { ends = "riks", says = "08-465 004 22", outcome = { category = "riksfärdtjänst", resolved = false } },
}

scenario "Sjukresa" {
  guide = "aldre/fardtjanst",
  answers = { "Resa till vården" },
  expect = { ends = "sjukresa", outcome = { category = "sjukresa", resolved = false } },
}

scenario "Avslag" {
  guide = "aldre/fardtjanst",
  answers = { "Har fått avslag" },
  expect = { ends = "avslag", outcome = { category = "färdtjänst avslag", resolved = true } },
}

scenario "Parkeringstillstånd hör till en annan guide" {
  guide = "aldre/fardtjanst",
  answers = { "Parkeringstillstånd" },
  expect = { ends = "parkering", says = "parkering/parkeringstillstand", outcome = { area = "parkering" } },
}

scenario "Sommarfredag 15.30: kundtjänsten har öppet till 17" {
  guide = "aldre/fardtjanst",
  at = "2026-07-03 15:30",
  answers = { 1 },
  expect = { refer = "fardtjanst", says = "öppet nu (i dag 08.00–17.00)" },
}
