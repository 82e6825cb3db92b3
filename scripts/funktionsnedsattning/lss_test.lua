-- Scenarier för funktionsnedsattning/lss.

scenario "Ansöka om LSS-insats i stadsdelen" {
  guide = "funktionsnedsattning/lss",
  answers = { "Ansöka om stöd", "Under 65 år", "Nej, eller annat stöd", "163 40" },
  expect = {
    path = { "vad_galler", "alder", "assistans", "postnummer", "handlaggare" },
    finished = true,
    says = "Spånga-Tensta stadsdelsförvaltning: LSS-handläggaren",
    outcome = { area = "funktionsnedsattning", category = "ansöka insats", resolved = false },
  },
}

scenario "Över 65: äldreomsorgen" {
  guide = "funktionsnedsattning/lss",
  answers = { 1, "65 år eller äldre" },
  expect = { ends = "aldre", says = "aldre/hemtjanst", outcome = { area = "aldre", resolved = true } },
}

scenario "Mer än 20 timmar: Försäkringskassan" {
  guide = "funktionsnedsattning/lss",
  answers = { 1, 1, "Ja, mer än 20 timmar" },
  expect = { ends = "forsakringskassan", outcome = { resolved = false } },
}

scenario "Fel postnummer vägras" {
  guide = "funktionsnedsattning/lss",
  answers = { 1, 1, 2, "1634" },
  expect = { refused = "fem siffror", ends = "postnummer" },
}

scenario "Postnummer i annan kommun" {
  guide = "funktionsnedsattning/lss",
  answers = { 1, 1, 2, "17165", "Personen bor i en annan kommun" },
  expect = { ends = "okant_postnummer", finished = true, outcome = { resolved = false } },
}

scenario "Vilka insatser finns" {
  guide = "funktionsnedsattning/lss",
  answers = { "Vilka LSS-insatser finns", "Svaret räcker" },
  expect = { ends = "insatser", finished = true, outcome = { category = "LSS information", resolved = true } },
}

scenario "Vilka insatser finns, vill sedan ansöka" {
  guide = "funktionsnedsattning/lss",
  answers = { 2, "Vill ansöka", 1, 2, "16752" },
  expect = { ends = "handlaggare", says = "Bromma stadsdelsförvaltning" },
}

scenario "Överklaga stadsdelens beslut i tid" {
  guide = "funktionsnedsattning/lss",
  at = "2026-03-11 10:00",
  answers = { "Överklaga ett beslut", "Stadsdelen (LSS, bistånd, avgift)", "2026-03-02" },
  expect = {
    path = { "vad_galler", "vem_beslutade", "beslutsdatum", "overklaga_stadsdel" },
    says = "Tre veckor från den dagen är 23 mars 2026.",
    outcome = { category = "överklagande", resolved = true },
  },
}

scenario "Överklaga när tiden har gått ut" {
  guide = "funktionsnedsattning/lss",
  at = "2026-03-11 10:00",
  answers = { 3, 1, "2026-1-5" },
  expect = { says = "var 26 januari 2026, så tiden har gått ut" },
}

scenario "Beslutsdatum i framtiden vägras" {
  guide = "funktionsnedsattning/lss",
  at = "2026-03-11 10:00",
  answers = { 3, 1, "2026-04-01" },
  expect = { refused = "Datumet ligger efter i dag.", ends = "beslutsdatum" },
}

scenario "Beslutsdatum som inte är ett datum vägras" {
  guide = "funktionsnedsattning/lss",
  answers = { 3, 1, "2 mars" },
  expect = { refused = "år-månad-dag" },
}

scenario "Överklaga Försäkringskassans beslut" {
  guide = "funktionsnedsattning/lss",
  answers = { 3, "Försäkringskassan (assistansersättning)" },
  expect = { ends = "fk", outcome = { resolved = true } },
}

scenario "Överklaga färdtjänstbeslut" {
  guide = "funktionsnedsattning/lss",
  answers = { 3, 3 },
  expect = { ends = "region", outcome = { resolved = true } },
}

scenario "Överklaga skolbeslut" {
  guide = "funktionsnedsattning/lss",
  answers = { 3, 4 },
  expect = { ends = "skola", says = "Skolväsendets överklagandenämnd" },
}

scenario "Assistansen uteblev, dagtid: stadsdelen" {
  guide = "funktionsnedsattning/lss",
  at = "2026-11-24 10:00",
  answers = { "Assistansen eller stödet har uteblivit i dag", "16371" },
  expect = {
    path = { "vad_galler", "uteblivet", "postnummer", "uteblivet_dag" },
    acute = true,
    says = "Rinkeby-Kista stadsdelsförvaltning via stadsdelens växel, 08-465 004 70",
    outcome = { category = "uteblivet stöd", resolved = false, acute = true },
  },
}

scenario "Assistansen uteblev på kvällen: Socialjouren" {
  guide = "funktionsnedsattning/lss",
  at = "2026-11-24 19:30",
  answers = { 4 },
  expect = {
    path = { "vad_galler", "uteblivet", "uteblivet_jour" },
    acute = true,
    refer = "socialjouren",
    outcome = { referred_to = "socialjouren", acute = true },
  },
}

scenario "Assistansen uteblev på julafton: Socialjouren" {
  guide = "funktionsnedsattning/lss",
  at = "2026-12-24 10:00",
  answers = { 4 },
  expect = { ends = "uteblivet_jour" },
}
