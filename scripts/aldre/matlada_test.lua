-- Scenarier för aldre/matlada (exemplet i scripts/README.md).

scenario "Ansöka en vardag förmiddag" {
  guide = "aldre/matlada",
  at = "2026-11-24 10:00",
  answers = { "Ansöka om matlådor", "123 45" },
  expect = {
    path = { "vad_galler", "postnummer", "ansoka" },
    finished = true,
    refer = "bistand-aldre-farsta",
    says = "Farsta stadsdelsförvaltning: 08-465 004 80, öppet nu",
    outcome = { area = "aldre", category = "matlåda ansökan", resolved = false,
                referred_to = "bistand-aldre-farsta" },
  },
}

scenario "Ansöka på julafton" {
  guide = "aldre/matlada",
  at = "2026-12-24 10:00",
  answers = { 1, "12345" },
  expect = { says = "stängt nu, öppnar måndag 28 december kl. 09.00" },
}

scenario "Fel postnummer" {
  guide = "aldre/matlada",
  answers = { 1, "1234" },
  expect = { refused = "fem siffror" },
}

scenario "Postnummer i en annan kommun" {
  guide = "aldre/matlada",
  answers = { 1, "171 65" },
  expect = { ends = "annan_kommun", outcome = { resolved = false } },
}

scenario "Pausa leveranserna" {
  guide = "aldre/matlada",
  answers = { "Ändra, pausa eller avbeställa leveranser" },
  expect = { ends = "leverantor", outcome = { category = "matlåda leverans", resolved = true } },
}

scenario "Pris, svaret räcker" {
  guide = "aldre/matlada",
  answers = { "Vad kostar det?", "Svaret räcker" },
  expect = { ends = "pris", finished = true, outcome = { category = "matlåda pris", resolved = true } },
}

scenario "Pris, fråga om en faktura" {
  guide = "aldre/matlada",
  answers = { 3, 2 },
  expect = { ends = "faktura", says = "aldre/faktura", outcome = { category = "faktura" } },
}
