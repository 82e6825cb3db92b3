-- Scenarier för aldre/faktura.

scenario "Fel antal timmar på fakturan" {
  guide = "aldre/faktura",
  answers = { "Egen faktura, eller har fullmakt eller är ställföreträdare", "Fel belopp eller fel antal timmar" },
  expect = {
    path = { "vem", "vad_galler", "fel_belopp" },
    finished = true,
    says = "08-465 004 30",
    outcome = { area = "aldre", category = "faktura fel", resolved = false },
  },
}

scenario "Anhörig utan fullmakt får allmän information först" {
  guide = "aldre/faktura",
  answers = { "Anhörig utan fullmakt", "Hur avgiften räknas, avgiftsbeslut", "Svaret räcker" },
  expect = {
    path = { "vem", "utan_fullmakt", "vad_galler", "avgift" },
    finished = true,
    outcome = { category = "avgift", resolved = true },
  },
}

scenario "Höjt förbehållsbelopp" {
  guide = "aldre/faktura",
  answers = { 1, 2, "Ändrad inkomst eller höjt förbehållsbelopp" },
  expect = { ends = "avgiftshandlaggare", outcome = { category = "avgift", resolved = false } },
}

scenario "Överklaga avgiftsbeslutet" {
  guide = "aldre/faktura",
  answers = { 1, 2, "Vill överklaga avgiftsbeslutet" },
  expect = { ends = "overklaga", says = "inom tre veckor", outcome = { resolved = true } },
}

scenario "Svårt att betala" {
  guide = "aldre/faktura",
  answers = { 1, "Svårt att betala, påminnelse eller inkasso" },
  expect = { ends = "betala", says = "avbetalningsplan", outcome = { category = "faktura betalning", resolved = false } },
}

scenario "Autogiro" {
  guide = "aldre/faktura",
  answers = { 1, 4 },
  expect = { ends = "kundfakturering", says = "08-465 004 31", outcome = { category = "faktura betalsätt" } },
}

scenario "Dödsbo" {
  guide = "aldre/faktura",
  answers = { 1, "Personen har avlidit" },
  expect = { ends = "dodsbo", outcome = { category = "faktura dödsbo", resolved = false } },
}
