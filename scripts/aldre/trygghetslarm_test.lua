-- Scenarier för aldre/trygghetslarm.

scenario "Ansöka om larm under telefontid" {
  guide = "aldre/trygghetslarm",
  at = "2026-11-24 10:00",
  answers = { "Ansöka om trygghetslarm", "11122" },
  expect = {
    path = { "vad_galler", "postnummer", "ansoka" },
    finished = true,
    acute = false,
    refer = "bistand-aldre-norrmalm",
    says = "08-465 004 75 (öppet nu",
    outcome = { area = "aldre", category = "trygghetslarm ansökan", resolved = false,
                referred_to = "bistand-aldre-norrmalm" },
  },
}

scenario "Ansöka om larm på kvällen: telefontiden öppnar i morgon" {
  guide = "aldre/trygghetslarm",
  at = "2026-11-24 19:30",
  answers = { 1, "11122" },
  expect = { ends = "ansoka", says = "stängt nu, öppnar i morgon kl. 08.00" },
}

scenario "Ansöka, postnummer i annan kommun" {
  guide = "aldre/trygghetslarm",
  answers = { 1, "18130" },
  expect = { ends = "okant_postnummer", outcome = { resolved = false } },
}

scenario "Fel postnummer vägras" {
  guide = "aldre/trygghetslarm",
  answers = { 1, "1 2 3" },
  expect = { refused = "fem siffror" },
}

scenario "Larmet fungerar inte och personen behöver hjälp nu: 112, akut" {
  guide = "aldre/trygghetslarm",
  answers = { "Larmet fungerar inte", "Ja, behöver hjälp nu" },
  expect = {
    ends = "ring_112",
    acute = true,
    outcome = { category = "larmfel", resolved = false, acute = true },
  },
}

scenario "Provlarmet fungerar efter felsökning" {
  guide = "aldre/trygghetslarm",
  answers = { 2, "Nej, inte just nu", "Provlarmet fungerar nu" },
  expect = { ends = "felsok", finished = true, acute = false, outcome = { category = "larmfel", resolved = true } },
}

scenario "Larmet fungerar inte, någon finns hos personen: supporten" {
  guide = "aldre/trygghetslarm",
  answers = { 2, 2, "Larmet fungerar fortfarande inte", "Nej, någon finns hos personen" },
  expect = {
    ends = "support",
    acute = false,
    says = "08-465 004 15",
    outcome = { resolved = false, acute = false },
  },
}

scenario "Bor ensam, dagtid: tillsyn via hemtjänsten" {
  guide = "aldre/trygghetslarm",
  at = "2026-11-24 10:00",
  answers = { 2, 2, 2, "Ja, bor ensam" },
  expect = {
    path = { "vad_galler", "hjalp_nu", "felsok", "ensam", "support_ensam", "tillsyn_dag" },
    acute = true,
    outcome = { category = "larmfel", resolved = false, acute = true },
  },
}

scenario "Bor ensam, på kvällen: Socialjouren" {
  guide = "aldre/trygghetslarm",
  at = "2026-11-24 19:30",
  answers = { 2, 2, 2, 2 },
  expect = { ends = "tillsyn_jour", acute = true, refer = "socialjouren", outcome = { referred_to = "socialjouren" } },
}

scenario "Bor ensam, julafton: Socialjouren" {
  guide = "aldre/trygghetslarm",
  at = "2026-12-24 10:00",
  answers = { 2, 2, 2, 2 },
  expect = { ends = "tillsyn_jour", refer = "socialjouren" },
}

scenario "Bor ensam, sommarfredag 15.30: kontorstiden är slut" {
  guide = "aldre/trygghetslarm",
  at = "2026-07-03 15:30",
  answers = { 2, 2, 2, 2 },
  expect = { ends = "tillsyn_jour" },
}

scenario "Avgiften" {
  guide = "aldre/trygghetslarm",
  answers = { "Avgiften för larmet" },
  expect = { ends = "avgift", says = "maxtaxan", outcome = { category = "trygghetslarm avgift", resolved = true } },
}
