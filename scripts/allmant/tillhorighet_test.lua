-- Scenarier för allmant/tillhorighet.

scenario "Postnummer i Farsta" {
  guide = "allmant/tillhorighet",
  answers = { "Personen kan uppge sin adress", "122 44", "Ja, det stämmer" },
  expect = {
    path = { "adress", "postnummer", "bekrafta", "svar" },
    finished = true,
    says = "Farsta stadsdelsförvaltning: telefon 08-465 004 80",
    outcome = { area = "allmant", category = "tillhörighet", resolved = true, referred_to = false },
  },
}

scenario "Bekräftelsen nämner stadsdelsområdet" {
  guide = "allmant/tillhorighet",
  answers = { 1, "16371" },
  expect = { ends = "bekrafta", finished = false, says = "ligger i Rinkeby, som hör till Rinkeby-Kista stadsdelsförvaltning" },
}

scenario "Osäker på gränsen: kontrollera på kartan" {
  guide = "allmant/tillhorighet",
  answers = { 1, "12140", "Nej, eller adressen ligger nära en gräns" },
  expect = { ends = "karta", finished = true, outcome = { resolved = true } },
}

scenario "Skyddade personuppgifter: fråga inte efter adressen" {
  guide = "allmant/tillhorighet",
  answers = { "Skyddade personuppgifter" },
  expect = { ends = "skyddad", says = "Fråga inte efter adressen", outcome = { resolved = false } },
}

scenario "För kort postnummer vägras" {
  guide = "allmant/tillhorighet",
  answers = { 1, "171 6" },
  expect = { refused = "Ett postnummer har fem siffror", ends = "postnummer" },
}

scenario "Postnummer med bokstäver vägras" {
  guide = "allmant/tillhorighet",
  answers = { 1, "SE-11122" },
  expect = { refused = "fem siffror" },
}

scenario "Annan kommun" {
  guide = "allmant/tillhorighet",
  answers = { 1, "171 65", "Personen bor i en annan kommun" },
  expect = {
    path = { "adress", "postnummer", "okant" },
    finished = true,
    outcome = { category = "annan kommun", resolved = false },
  },
}

scenario "Fel postnummer, skrivs om" {
  guide = "allmant/tillhorighet",
  answers = { 1, "17165", "Skriv postnumret igen", "11426", 1 },
  expect = {
    path = { "adress", "postnummer", "okant", "postnummer", "bekrafta", "svar" },
    says = "Östermalm stadsdelsförvaltning",
  },
}

scenario "Okänt postnummer, kontrollera på kartan" {
  guide = "allmant/tillhorighet",
  answers = { 1, "17165", 3 },
  expect = { ends = "karta" },
}
