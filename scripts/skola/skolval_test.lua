-- Scenarier för skola/skolval.

scenario "Skolval, svaret räcker" {
  guide = "skola/skolval",
  answers = { "Skolval till förskoleklass eller årskurs 7", "Nej", "Svaret räcker" },
  expect = {
    path = { "vad_galler", "skyddade", "skolval" },
    finished = true,
    says = "båda logga in och godkänna",
    outcome = { area = "skola", category = "skolval", resolved = true },
  },
}

scenario "Skolval, problem med e-tjänsten" {
  guide = "skola/skolval",
  answers = { 1, 1, "Problem med e-tjänsten eller fråga om placeringen" },
  expect = { ends = "skolvalssupport", says = "08-465 004 50", outcome = { resolved = false } },
}

scenario "Skolval med skyddade personuppgifter" {
  guide = "skola/skolval",
  answers = { 1, "Ja" },
  expect = { ends = "skolval_skyddade", outcome = { resolved = false } },
}

scenario "Byta skola vid flytt" {
  guide = "skola/skolval",
  answers = { "Byta skola", "Flytt eller annat skäl" },
  expect = { ends = "byta_info", outcome = { category = "byta skola", resolved = true } },
}

scenario "Ansöka om skolskjuts" {
  guide = "skola/skolval",
  answers = { "Skolskjuts", "Ansöka om skolskjuts" },
  expect = { ends = "skjuts_ansoka", outcome = { category = "skolskjuts", resolved = true } },
}

scenario "Fråga om ett skolskjutsbeslut" {
  guide = "skola/skolval",
  answers = { 3, "Fråga om ett beslut" },
  expect = { ends = "skjutsenheten", says = "08-465 004 51", outcome = { resolved = false } },
}

scenario "Borttappat reskort" {
  guide = "skola/skolval",
  answers = { 3, 4 },
  expect = { ends = "skjutsenheten" },
}

scenario "Skoltaxin kom inte" {
  guide = "skola/skolval",
  answers = { 3, "Skoltaxin kom inte i dag" },
  expect = { ends = "taxi", outcome = { resolved = false } },
}

scenario "Fritidshem" {
  guide = "skola/skolval",
  answers = { "Fritidshem" },
  expect = { ends = "fritidshem", outcome = { category = "fritidshem", resolved = true } },
}

scenario "Gymnasieantagning" {
  guide = "skola/skolval",
  answers = { "Gymnasieantagning" },
  expect = { ends = "gymnasium", says = "08-465 004 54", outcome = { resolved = false } },
}

scenario "Mobbning, pågående våld: 112" {
  guide = "skola/skolval",
  answers = { "Kränkningar eller mobbning", "Ja, fara just nu" },
  expect = { ends = "fara", acute = true, outcome = { category = "kränkningar", resolved = false, acute = true } },
}

scenario "Byte för att eleven kränks: barnet far illa även hemma" {
  guide = "skola/skolval",
  answers = { 2, "Eleven kränks eller mår dåligt i skolan", "Barnet far illa även utanför skolan" },
  expect = {
    path = { "vad_galler", "byta", "krankning", "oro" },
    acute = true,
    says = "social/akut",
    outcome = { category = "byta skola", acute = true },
  },
}

scenario "Mobbning: tar kontakt med skolan" {
  guide = "skola/skolval",
  answers = { 6, "Nej", "Tar kontakt med skolan" },
  expect = { ends = "skolans_ansvar", finished = true, acute = false, outcome = { resolved = true } },
}

scenario "Mobbning: klagomål på kommunal skola" {
  guide = "skola/skolval",
  answers = { 6, 3, "Vill klaga på en kommunal skola" },
  expect = {
    ends = "klagomal",
    outcome = { category = "kränkningar", resolved = true, complaint_to = "utbildningsforvaltningen" },
  },
}

scenario "Mobbning: fristående skola" {
  guide = "skola/skolval",
  answers = { 6, 3, 3 },
  expect = { ends = "fristaende", outcome = { resolved = false, complaint_to = false } },
}
