-- Scenarier för etjanster/inloggning. E-tjänstsupporten har öppet
-- mån–fre 08.00–17.00, maj–augusti 08.00–16.00.

scenario "BankID fungerar efter felsökning" {
  guide = "etjanster/inloggning",
  answers = { "BankID fungerar inte", "Nej, inte heller där", "Det fungerar nu" },
  expect = {
    path = { "vad_galler", "bankid_annat", "bankid_fel" },
    finished = true,
    outcome = { area = "etjanster", category = "bankid", resolved = true },
  },
}

scenario "BankID har gått ut: banken" {
  guide = "etjanster/inloggning",
  answers = { 1, 1, "Fungerar inte: kan ha gått ut eller spärrats" },
  expect = { ends = "banken", outcome = { category = "bankid", resolved = false, referred_to = false } },
}

scenario "BankID fungerar hos banken men inte hos oss: felsökning löser det" {
  guide = "etjanster/inloggning",
  answers = { 1, "Ja, bara hos oss", "Det fungerar nu" },
  expect = { path = { "vad_galler", "bankid_annat", "drift" }, finished = true, outcome = { resolved = true } },
}

scenario "Känd störning" {
  guide = "etjanster/inloggning",
  answers = { "E-tjänsten krånglar (inte inloggningen)", "Känd störning" },
  expect = { ends = "drift", finished = true, outcome = { category = "fel i e-tjänst", resolved = true } },
}

scenario "Felet kvarstår en vardag: e-tjänstsupporten" {
  guide = "etjanster/inloggning",
  at = "2026-11-24 10:00",
  answers = { 4, "Felet kvarstår" },
  expect = {
    ends = "support",
    refer = "e-tjanstsupport",
    says = "08-465 004 01, öppet nu (i dag 08.00–17.00)",
    outcome = { category = "fel i e-tjänst", resolved = false, referred_to = "e-tjanstsupport" },
  },
}

scenario "Felet kvarstår på kvällen" {
  guide = "etjanster/inloggning",
  at = "2026-11-24 19:30",
  answers = { 4, 3 },
  expect = { says = "stängt nu, öppnar i morgon kl. 08.00" },
}

scenario "Sommarfredag 15.30: supporten har sommaröppet till 16" {
  guide = "etjanster/inloggning",
  at = "2026-07-03 15:30",
  answers = { 4, 3 },
  expect = { says = "öppet nu (i dag 08.00–16.00)" },
}

scenario "Felet kvarstår på julafton" {
  guide = "etjanster/inloggning",
  at = "2026-12-24 10:00",
  answers = { 4, 3 },
  expect = { says = "öppnar måndag 28 december kl. 08.00" },
}

scenario "Ingen e-legitimation" {
  guide = "etjanster/inloggning",
  answers = { "Har ingen e-legitimation" },
  expect = { ends = "utan", says = "blanketten", outcome = { category = "utan e-legitimation", resolved = true } },
}

scenario "Freja eID" {
  guide = "etjanster/inloggning",
  answers = { "Freja eID" },
  expect = { ends = "freja", says = "Freja+", outcome = { resolved = true } },
}

scenario "God man loggar in med eget BankID" {
  guide = "etjanster/inloggning",
  answers = { "Vill göra ärendet åt någon annan", "God man eller förvaltare", "Svaret räcker" },
  expect = { ends = "stallforetradare", finished = true, outcome = { category = "ombud", resolved = true } },
}

scenario "Huvudmannen visas inte: överförmyndarförvaltningen" {
  guide = "etjanster/inloggning",
  at = "2026-11-24 10:00",
  answers = { 3, 1, "Huvudmannen visas inte i e-tjänsten" },
  expect = {
    ends = "registrering",
    refer = "overformyndarforvaltningen",
    outcome = { resolved = false, referred_to = "overformyndarforvaltningen" },
  },
}

scenario "Vårdnadshavare" {
  guide = "etjanster/inloggning",
  answers = { 3, "Vårdnadshavare för ett barn" },
  expect = { ends = "vardnadshavare", outcome = { resolved = true } },
}

scenario "Anhörig som vill hjälpa till" {
  guide = "etjanster/inloggning",
  answers = { 3, "Anhörig eller annan" },
  expect = { ends = "ombud", says = "aldrig logga in med den andres e-legitimation", outcome = { resolved = true } },
}

scenario "Bedrägeriförsök" {
  guide = "etjanster/inloggning",
  answers = { "Någon har bett mig legitimera mig i telefon" },
  expect = { ends = "bedrageri", says = "spärra BankID", outcome = { category = "bedrägeriförsök", resolved = false } },
}
