-- Scenarier för overformyndare/god-man. Överförmyndarförvaltningen har
-- öppet mån–tor 09.00–15.00, fre 09.00–12.00, sommar mån–fre 09.00–12.00,
-- lunch 12.00–13.00.

scenario "Ansöka om god man en vardag" {
  guide = "overformyndare/god-man",
  at = "2026-11-24 10:00",
  answers = { "Ansöka om eller anmäla behov av god man", "Nej", "Nej, god man behövs" },
  expect = {
    path = { "vad_galler", "far_illa", "alternativ", "ansokan" },
    finished = true,
    acute = false,
    refer = "overformyndarforvaltningen",
    says = "08-465 004 96, öppet nu (i dag 09.00–12.00, 13.00–15.00)",
    outcome = { area = "overformyndare", category = "god man ansökan", resolved = false,
                referred_to = "overformyndarforvaltningen" },
  },
}

scenario "Ansöka om god man under lunchen" {
  guide = "overformyndare/god-man",
  at = "2026-11-24 12:30",
  answers = { 1, 2, 2 },
  expect = { ends = "ansokan", says = "stängt nu, öppnar i dag kl. 13.00" },
}

scenario "Ansöka om god man en sommarfredag eftermiddag" {
  guide = "overformyndare/god-man",
  at = "2026-07-03 15:30",
  answers = { 1, 2, 2 },
  expect = { ends = "ansokan", says = "öppnar måndag 6 juli kl. 09.00" },
}

scenario "Fullmakt räcker" {
  guide = "overformyndare/god-man",
  answers = { 1, 2, "Fullmakt eller anhörigbehörighet räcker" },
  expect = { ends = "alternativ", finished = true, outcome = { category = "fullmakt", resolved = true } },
}

scenario "Personen far illa: akut" {
  guide = "overformyndare/god-man",
  answers = { 1, "Ja, far illa just nu" },
  expect = { ends = "akut", acute = true, says = "social/akut", outcome = { resolved = false, acute = true } },
}

scenario "Förvaltare, svaret räcker" {
  guide = "overformyndare/god-man",
  answers = { "Förvaltare", "Svaret räcker" },
  expect = { ends = "forvaltare", finished = true, outcome = { category = "förvaltare", resolved = true } },
}

scenario "Förvaltare, vill ansöka" {
  guide = "overformyndare/god-man",
  answers = { 2, "Vill ansöka eller anmäla" },
  expect = { ends = "ansokan", outcome = { category = "förvaltare", referred_to = "overformyndarforvaltningen" } },
}

scenario "Förvaltarfrihetsbevis för den som bor i Stockholm" {
  guide = "overformyndare/god-man",
  answers = { "Förvaltarfrihetsbevis", "Ja" },
  expect = { ends = "bevis", says = "folkbokföringsadress", outcome = { category = "förvaltarfrihetsbevis", resolved = true } },
}

scenario "Förvaltarfrihetsbevis, folkbokförd i annan kommun" {
  guide = "overformyndare/god-man",
  answers = { 3, "Nej" },
  expect = { ends = "bevis_annan_kommun", outcome = { resolved = false } },
}

scenario "Årsräkning i februari: fristen är den 1 mars i år" {
  guide = "overformyndare/god-man",
  at = "2026-02-10 10:00",
  answers = { "Årsräkning eller redovisning", "Svaret räcker" },
  expect = {
    ends = "arsrakning",
    says = "I år ska årsräkningen för 2025 vara inne senast den 1 mars 2026.",
    outcome = { category = "årsräkning", resolved = true },
  },
}

scenario "Årsräkning i november: nästa frist" {
  guide = "overformyndare/god-man",
  at = "2026-11-24 10:00",
  answers = { 4, 1 },
  expect = { says = "Nästa årsräkning, för 2026, ska vara inne senast den 1 mars 2027." },
}

scenario "Årsräkning: fråga om komplettering" {
  guide = "overformyndare/god-man",
  at = "2026-11-24 19:30",
  answers = { 4, "Komplettering, granskning eller arvode" },
  expect = {
    ends = "handlaggare",
    refer = "overformyndarforvaltningen",
    says = "stängt nu, öppnar i morgon kl. 09.00",
    outcome = { category = "årsräkning", resolved = false },
  },
}

scenario "Årsräkning: kan inte logga in" {
  guide = "overformyndare/god-man",
  answers = { 4, "Kan inte logga in i e-tjänsten" },
  expect = { ends = "inloggning", outcome = { area = "etjanster", resolved = true } },
}

scenario "Bli god man" {
  guide = "overformyndare/god-man",
  answers = { "Bli god man, arvode", "Svaret räcker" },
  expect = { ends = "bli_god_man", finished = true, outcome = { category = "bli god man", resolved = true } },
}

scenario "Fråga om ett arvodesbeslut" {
  guide = "overformyndare/god-man",
  answers = { 5, "Fråga om ett visst arvodesbeslut" },
  expect = { ends = "handlaggare", outcome = { category = "bli god man", resolved = false } },
}

scenario "Klagomål på en förvaltare" {
  guide = "overformyndare/god-man",
  answers = { "Klagomål på en god man eller förvaltare" },
  expect = {
    ends = "klagomal",
    outcome = { category = "klagomål ställföreträdare", resolved = true,
                complaint_to = "overformyndarforvaltningen", referred_to = false },
  },
}

scenario "Ensamkommande barn utan sovplats: akut" {
  guide = "overformyndare/god-man",
  answers = { "God man för ensamkommande barn", "Ja, far illa eller saknar sovplats" },
  expect = { ends = "akut", acute = true, outcome = { category = "ensamkommande barn" } },
}

scenario "Ensamkommande barn: byte av god man" {
  guide = "overformyndare/god-man",
  answers = { 7, 2 },
  expect = { ends = "handlaggare", refer = "overformyndarforvaltningen" },
}
