-- Scenarier för samhallsbyggnad/boendeparkering. Trafikkontorets
-- boendeparkering har öppet mån–fre 09.00–15.00.

scenario "Ansöka, folkbokförd i området" {
  guide = "samhallsbyggnad/boendeparkering",
  answers = { "Ansöka om boendeparkering", "Ja" },
  expect = {
    path = { "vad_galler", "folkbokford", "ansoka" },
    finished = true,
    outcome = { area = "samhallsbyggnad", category = "boendeparkering ansökan", resolved = true },
  },
}

scenario "Nyinflyttad: vänta på folkbokföringen" {
  guide = "samhallsbyggnad/boendeparkering",
  answers = { 1, "Nej, inte än" },
  expect = { ends = "vanta", says = "Skatteverket", outcome = { resolved = true } },
}

scenario "Avgift" {
  guide = "samhallsbyggnad/boendeparkering",
  answers = { "Avgift och områden" },
  expect = { ends = "avgift", outcome = { category = "boendeparkering avgift", resolved = true } },
}

scenario "Byta bil" {
  guide = "samhallsbyggnad/boendeparkering",
  answers = { "Byta bil eller flytta" },
  expect = { ends = "byta", outcome = { resolved = true } },
}

scenario "Parkeringsanmärkning" {
  guide = "samhallsbyggnad/boendeparkering",
  answers = { 4 },
  expect = { ends = "anmarkning", outcome = { category = "parkeringsanmärkning", resolved = true } },
}

scenario "Kan inte logga in" {
  guide = "samhallsbyggnad/boendeparkering",
  answers = { "Kan inte logga in i e-tjänsten" },
  expect = { ends = "inloggning", outcome = { area = "etjanster" } },
}

scenario "Fråga om tillståndet en vardag" {
  guide = "samhallsbyggnad/boendeparkering",
  at = "2026-11-24 10:00",
  answers = { "Fråga om mitt tillstånd eller min ansökan" },
  expect = {
    ends = "trafikkontoret",
    refer = "boendeparkering",
    says = "08-465 004 99, öppet nu",
    outcome = { resolved = false, referred_to = "boendeparkering" },
  },
}

scenario "Fråga om tillståndet på kvällen" {
  guide = "samhallsbyggnad/boendeparkering",
  at = "2026-11-24 19:30",
  answers = { 6 },
  expect = { says = "stängt nu, öppnar i morgon kl. 09.00" },
}

scenario "Parkeringstillstånd för rörelsehindrade" {
  guide = "samhallsbyggnad/boendeparkering",
  answers = { 7 },
  expect = { ends = "rorelsehindrad", outcome = { area = "parkering" } },
}

scenario "Fråga om tillståndet på julafton" {
  guide = "samhallsbyggnad/boendeparkering",
  at = "2026-12-24 10:00",
  answers = { 6 },
  expect = { says = "öppnar måndag 28 december kl. 09.00" },
}
