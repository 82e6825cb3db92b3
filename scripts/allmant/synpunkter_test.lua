-- Scenarier för allmant/synpunkter.

scenario "Klagomål på hemtjänsten går till stadsdelen" {
  guide = "allmant/synpunkter",
  answers = { "Nej", "Lämna en synpunkt, ett klagomål eller beröm",
              "Stadsdelen: hemtjänst, äldreboende, förskola, socialtjänst, LSS, park", "123 45" },
  expect = {
    path = { "fara", "vad_vill", "verksamhet", "postnummer", "skicka_stadsdel" },
    finished = true,
    says = "skicka den till Farsta stadsdelsförvaltning",
    outcome = { area = "allmant", category = "synpunkt", resolved = true, complaint_to = "farsta",
                referred_to = false },
  },
}

scenario "Klagomål på en skola går till utbildningsförvaltningen" {
  guide = "allmant/synpunkter",
  answers = { 2, 1, "Grundskola, gymnasium eller fritidshem" },
  expect = {
    ends = "skicka",
    says = "skicka den till utbildningsförvaltningen",
    outcome = { complaint_to = "utbildningsforvaltningen", resolved = true },
  },
}

scenario "Synpunkt på en park på Östermalm" {
  guide = "allmant/synpunkter",
  answers = { 2, 1, 1, "11426" },
  expect = { outcome = { complaint_to = "ostermalm" } },
}

scenario "Synpunkt på gatan går till trafikkontoret" {
  guide = "allmant/synpunkter",
  answers = { 2, 1, 3 },
  expect = { outcome = { complaint_to = "trafikkontoret" } },
}

scenario "Synpunkt på en god man går till överförmyndarförvaltningen" {
  guide = "allmant/synpunkter",
  answers = { 2, 1, 5 },
  expect = { says = "överförmyndarförvaltningen", outcome = { complaint_to = "overformyndarforvaltningen" } },
}

scenario "Färdtjänst hänvisas till Region Stockholm" {
  guide = "allmant/synpunkter",
  at = "2026-11-24 10:00",
  answers = { 2, 1, "Färdtjänst" },
  expect = {
    ends = "fardtjanst",
    refer = "fardtjanst",
    says = "08-465 004 20, öppet nu",
    outcome = { resolved = false, referred_to = "fardtjanst", complaint_to = false },
  },
}

scenario "Färdtjänst på kvällen: kundtjänsten öppnar i morgon" {
  guide = "allmant/synpunkter",
  at = "2026-11-24 19:30",
  answers = { 2, 1, 7 },
  expect = { says = "stängt nu, öppnar i morgon kl. 08.00" },
}

scenario "Någon far illa: akut" {
  guide = "allmant/synpunkter",
  answers = { "Ja, någon far illa just nu" },
  expect = { ends = "akut", acute = true, outcome = { resolved = false, acute = true } },
}

scenario "Vill få ett beslut ändrat" {
  guide = "allmant/synpunkter",
  answers = { 2, "Få ett beslut ändrat" },
  expect = { ends = "overklaga", outcome = { category = "överklagande", resolved = true } },
}

scenario "Allvarliga brister: IVO, JO, DO" {
  guide = "allmant/synpunkter",
  answers = { 2, 3 },
  expect = { ends = "annan_instans", says = "IVO", outcome = { resolved = false } },
}

scenario "Felaktigt postnummer vägras" {
  guide = "allmant/synpunkter",
  answers = { 2, 1, 1, "0123 4" },
  expect = { refused = "fem siffror" },
}

scenario "Verksamhet i en annan kommun" {
  guide = "allmant/synpunkter",
  answers = { 2, 1, 1, "17165", "Verksamheten finns i en annan kommun" },
  expect = { ends = "okant_postnummer", finished = true, outcome = { resolved = false, complaint_to = false } },
}

scenario "Postnumret skrivs om" {
  guide = "allmant/synpunkter",
  answers = { 2, 1, 1, "17165", 1, "12730" },
  expect = { ends = "skicka_stadsdel", outcome = { complaint_to = "skarholmen" } },
}

scenario "Färdtjänst på julafton" {
  guide = "allmant/synpunkter",
  at = "2026-12-24 10:00",
  answers = { 2, 1, 7 },
  expect = { says = "öppnar måndag 28 december kl. 08.00" },
}
