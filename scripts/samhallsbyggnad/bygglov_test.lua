-- Scenarier för samhallsbyggnad/bygglov. Bygglovsrådgivningen har öppet
-- mån–tor 10.00–15.00, sommar mån–tor 10.00–12.00, lunch 12–13; stängt fredagar.

scenario "Behöver jag bygglov, en tisdag förmiddag" {
  guide = "samhallsbyggnad/bygglov",
  at = "2026-11-24 10:30",
  answers = { "Behöver jag bygglov?" },
  expect = {
    path = { "vad_galler", "behovs", "radgivning" },
    finished = true,
    refer = "stadsbyggnadskontoret",
    says = "08-465 004 98, öppet nu (i dag 10.00–12.00, 13.00–15.00)",
    outcome = { area = "samhallsbyggnad", category = "bygglov fråga", resolved = false,
                referred_to = "stadsbyggnadskontoret" },
  },
}

scenario "Behöver jag bygglov, en fredag: rådgivningen öppnar måndag" {
  guide = "samhallsbyggnad/bygglov",
  at = "2026-11-27 10:30",
  answers = { 1 },
  expect = { says = "stängt nu, öppnar måndag 30 november kl. 10.00" },
}

scenario "Behöver jag bygglov, under lunchen" {
  guide = "samhallsbyggnad/bygglov",
  at = "2026-11-24 12:15",
  answers = { 1 },
  expect = { says = "stängt nu, öppnar i dag kl. 13.00" },
}

scenario "Behöver jag bygglov, sommareftermiddag" {
  guide = "samhallsbyggnad/bygglov",
  at = "2026-07-01 14:00",
  answers = { 1 },
  expect = { says = "stängt nu, öppnar i morgon kl. 10.00" },
}

scenario "Attefall, svaret räcker" {
  guide = "samhallsbyggnad/bygglov",
  answers = { "Attefall eller friggebod", "Svaret räcker" },
  expect = { ends = "attefall", finished = true, outcome = { category = "attefall", resolved = true } },
}

scenario "Attefall, vill ha besked" {
  guide = "samhallsbyggnad/bygglov",
  answers = { 2, "Vill ha besked för sitt eget fall" },
  expect = { ends = "radgivning", outcome = { category = "attefall", resolved = false } },
}

scenario "Pågående ärende, svaret räcker" {
  guide = "samhallsbyggnad/bygglov",
  answers = { 3, "Svaret räcker" },
  expect = { ends = "pagaende", finished = true, outcome = { resolved = true } },
}

scenario "Pågående ärende, vill prata med handläggaren" {
  guide = "samhallsbyggnad/bygglov",
  answers = { 3, 2 },
  expect = { ends = "radgivning", outcome = { category = "bygglov pågående", referred_to = "stadsbyggnadskontoret" } },
}

scenario "Startbesked" {
  guide = "samhallsbyggnad/bygglov",
  answers = { "Startbesked, slutbesked, kontrollansvarig" },
  expect = { ends = "startbesked", outcome = { resolved = true } },
}

scenario "Tips om bygge utan lov" {
  guide = "samhallsbyggnad/bygglov",
  at = "2026-12-24 10:00",
  answers = { "Tips om ett bygge utan lov" },
  expect = { ends = "tillsyn", refer = "stadsbyggnadskontoret", says = "öppnar måndag 28 december kl. 10.00" },
}

scenario "Överklaga" {
  guide = "samhallsbyggnad/bygglov",
  answers = { 6 },
  expect = { ends = "overklaga", says = "Länsstyrelsen", outcome = { resolved = true } },
}
