-- Scenarier för forskola/forskoleplats.

scenario "Ansöka om plats: garantin räknas från i dag" {
  guide = "forskola/forskoleplats",
  at = "2026-03-11 10:00",
  answers = { "Ansöka om plats", "Nej" },
  expect = {
    path = { "vad_galler", "skyddade", "ansoka" },
    finished = true,
    says = "erbjudandet komma senast 11 juli 2026",
    outcome = { area = "forskola", category = "ansöka förskoleplats", resolved = true },
  },
}

scenario "Ansöka den 31 oktober: sista februari" {
  guide = "forskola/forskoleplats",
  at = "2026-10-31 10:00",
  answers = { 1, 1 },
  expect = { says = "senast 28 februari 2027" },
}

scenario "Skyddade personuppgifter" {
  guide = "forskola/forskoleplats",
  answers = { 1, "Ja" },
  expect = { ends = "skyddade_ja", says = "Be inte om adressen", outcome = { resolved = false } },
}

scenario "Fråga om kön, svaret räcker" {
  guide = "forskola/forskoleplats",
  answers = { "Kö, erbjudande eller placering", "Svaret räcker" },
  expect = { ends = "ko", finished = true, outcome = { category = "förskolekö", resolved = true } },
}

scenario "Fråga om kön, vill prata med förskoleadministrationen" {
  guide = "forskola/forskoleplats",
  answers = { 2, "Vill prata med förskoleadministrationen" },
  expect = { ends = "ko", finished = true, outcome = { resolved = false } },
}

scenario "Byta förskola" {
  guide = "forskola/forskoleplats",
  answers = { "Byta förskola" },
  expect = { ends = "byta", outcome = { category = "byta förskola", resolved = true } },
}

scenario "Säga upp" {
  guide = "forskola/forskoleplats",
  answers = { "Säga upp platsen" },
  expect = { ends = "saga_upp", says = "två månader", outcome = { resolved = true } },
}

scenario "Hur avgiften räknas" {
  guide = "forskola/forskoleplats",
  answers = { "Avgift, faktura eller inkomstuppgift", "Svaret räcker" },
  expect = { ends = "avgift", finished = true, outcome = { category = "förskoleavgift", resolved = true } },
}

scenario "Efterdebitering: avgiftsservice" {
  guide = "forskola/forskoleplats",
  answers = { 5, 2 },
  expect = { ends = "avgiftsservice", says = "08-465 004 40", outcome = { resolved = false } },
}

scenario "Allmän förskola" {
  guide = "forskola/forskoleplats",
  answers = { "Allmän förskola från tre år" },
  expect = { ends = "allman", outcome = { category = "allmän förskola", resolved = true } },
}

scenario "Nattis" {
  guide = "forskola/forskoleplats",
  answers = { "Omsorg på kvällar, nätter eller helger" },
  expect = { ends = "obekvam", says = "lova aldrig plats", outcome = { resolved = false } },
}

scenario "Klagomål: tar det med rektorn" {
  guide = "forskola/forskoleplats",
  answers = { "Klagomål på förskolan", "Tar det med rektorn först" },
  expect = { ends = "klagomal", finished = true, outcome = { resolved = true, complaint_to = false } },
}

scenario "Klagomål skickas till stadsdelen" {
  guide = "forskola/forskoleplats",
  answers = { 8, "Vill lämna klagomålet till stadsdelen", "127 30" },
  expect = {
    ends = "skicka",
    says = "Skärholmen stadsdelsförvaltning",
    outcome = { category = "klagomål förskola", resolved = true, complaint_to = "skarholmen" },
  },
}

scenario "Klagomål, felskrivet postnummer vägras" {
  guide = "forskola/forskoleplats",
  answers = { 8, 2, "127 3O" },
  expect = { refused = "fem siffror" },
}

scenario "Klagomål, förskola i annan kommun" {
  guide = "forskola/forskoleplats",
  answers = { 8, 2, "171 65", "Förskolan ligger i en annan kommun" },
  expect = { ends = "okant_postnummer", finished = true, outcome = { resolved = false } },
}
