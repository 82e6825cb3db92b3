-- Scenarier för parkering/parkeringstillstand. Handläggningen har
-- telefontid mån–fre 09.00–12.00.

scenario "Ansöka första gången, folkbokförd i Stockholm" {
  guide = "parkering/parkeringstillstand",
  answers = { "Ansöka första gången", "Ja" },
  expect = {
    path = { "vad_galler", "folkbokford", "ansoka" },
    finished = true,
    says = "läkarintyg på stadens formulär",
    outcome = { area = "parkering", category = "parkeringstillstånd ansökan", resolved = true },
  },
}

scenario "Ansöka, folkbokförd i annan kommun" {
  guide = "parkering/parkeringstillstand",
  answers = { 1, "Nej" },
  expect = { ends = "annan_kommun", outcome = { resolved = false } },
}

scenario "Förnya" {
  guide = "parkering/parkeringstillstand",
  answers = { "Förnya ett tillstånd" },
  expect = { ends = "fornya", outcome = { category = "parkeringstillstånd förnya", resolved = true } },
}

scenario "Stulet kort" {
  guide = "parkering/parkeringstillstand",
  answers = { "Borttappat, stulet eller skadat kort" },
  expect = { ends = "ersattning", says = "114 14", outcome = { category = "ersättningskort", resolved = true } },
}

scenario "Hur länge man får stå" {
  guide = "parkering/parkeringstillstand",
  answers = { 4 },
  expect = { ends = "regler", outcome = { category = "parkeringsregler", resolved = true } },
}

scenario "Pågående ansökan under telefontid" {
  guide = "parkering/parkeringstillstand",
  at = "2026-11-24 10:00",
  answers = { "Fråga om en ansökan som handläggs" },
  expect = {
    ends = "handlaggning",
    refer = "parkeringstillstand",
    says = "08-465 004 97, öppet nu (i dag 09.00–12.00)",
    outcome = { category = "pågående ansökan", resolved = false, referred_to = "parkeringstillstand" },
  },
}

scenario "Pågående ansökan på eftermiddagen" {
  guide = "parkering/parkeringstillstand",
  at = "2026-11-24 14:00",
  answers = { 5 },
  expect = { says = "stängt nu, öppnar i morgon kl. 09.00" },
}

scenario "Pågående ansökan på julafton" {
  guide = "parkering/parkeringstillstand",
  at = "2026-12-24 10:00",
  answers = { 5 },
  expect = { says = "öppnar måndag 28 december kl. 09.00" },
}

scenario "Avslag" {
  guide = "parkering/parkeringstillstand",
  answers = { "Har fått avslag" },
  expect = { ends = "avslag", says = "Länsstyrelsen", outcome = { category = "avslag", resolved = true } },
}

scenario "Boendeparkering hör till en annan guide" {
  guide = "parkering/parkeringstillstand",
  answers = { "Boendeparkering" },
  expect = { ends = "boendeparkering", outcome = { area = "samhallsbyggnad" } },
}
