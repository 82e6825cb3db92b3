-- Scenarier för aldre/hemtjanst. Biståndshandläggningen i Norrmalm
-- (111 22) har telefontid mån–fre 08.00–12.00; i Farsta (123 45)
-- mån–tor 09.00–15.00, fre 09.00–11.30, lunch 12–13.

scenario "Ansöka under telefontid" {
  guide = "aldre/hemtjanst",
  at = "2026-11-24 10:00",
  answers = { "Ansöka om hemtjänst", "Ja, det kan vänta", "111 22" },
  expect = {
    path = { "vad_galler", "klarar_sig", "postnummer", "ansoka" },
    finished = true,
    acute = false,
    refer = "bistand-aldre-norrmalm",
    says = "08-465 004 75, öppet nu (i dag 08.00–12.00)",
    outcome = { area = "aldre", category = "ansöka hemtjänst", resolved = false,
                referred_to = "bistand-aldre-norrmalm", acute = false },
  },
}

scenario "Ansöka efter telefontiden: kontaktbegäran" {
  guide = "aldre/hemtjanst",
  at = "2026-11-24 14:00",
  answers = { 1, 1, "111 22" },
  expect = { ends = "ansoka", says = "stängt nu, öppnar i morgon kl. 08.00" },
}

scenario "Ansöka på julafton" {
  guide = "aldre/hemtjanst",
  at = "2026-12-24 10:00",
  answers = { 1, 1, "123 45" },
  expect = { refer = "bistand-aldre-farsta", says = "öppnar måndag 28 december kl. 09.00" },
}

scenario "Klarar sig inte i dag, under telefontid: biståndshandläggaren direkt" {
  guide = "aldre/hemtjanst",
  at = "2026-11-24 10:00",
  answers = { 1, "Nej, behöver hjälp i dag", "111 22" },
  expect = {
    ends = "akut",
    acute = true,
    refer = "bistand-aldre-norrmalm",
    says = "Koppla direkt till Biståndshandläggning äldre, Norrmalm, telefon 08-465 004 75.",
    outcome = { category = "ansöka hemtjänst", resolved = false, acute = true },
  },
}

scenario "Klarar sig inte i dag, kontorstid men telefontiden slut: via växeln" {
  guide = "aldre/hemtjanst",
  at = "2026-11-24 14:00",
  answers = { 1, 2, "111 22" },
  expect = {
    ends = "akut",
    refer = "bistand-aldre-norrmalm",
    says = "ring växeln hos Norrmalm stadsdelsförvaltning, 08-465 004 75",
  },
}

scenario "Klarar sig inte i natt, kväll: Socialjouren" {
  guide = "aldre/hemtjanst",
  at = "2026-11-24 19:30",
  answers = { 1, 2, "111 22" },
  expect = { ends = "akut", acute = true, refer = "socialjouren", says = "Socialjouren, telefon 08-508 40 000" },
}

scenario "Klarar sig inte, sommarfredag efter 15: Socialjouren" {
  guide = "aldre/hemtjanst",
  at = "2026-07-03 15:30",
  answers = { 1, 2, "123 45" },
  expect = { refer = "socialjouren" },
}

scenario "Klarar sig inte, postnummer utanför staden: Socialjouren" {
  guide = "aldre/hemtjanst",
  at = "2026-11-24 10:00",
  answers = { 1, 2, "171 65" },
  expect = { path = { "vad_galler", "klarar_sig", "postnummer", "akut" }, refer = "socialjouren" },
}

scenario "Hemtjänsten kom inte, utföraren svarar" {
  guide = "aldre/hemtjanst",
  answers = { "Hemtjänsten har inte kommit", "Utföraren svarar och ordnar det" },
  expect = {
    ends = "uteblivet",
    finished = true,
    outcome = { category = "uteblivet besök", resolved = true },
  },
}

scenario "Hemtjänsten kom inte och utföraren nås inte, på julafton" {
  guide = "aldre/hemtjanst",
  at = "2026-12-24 18:00",
  answers = { 5, "Utföraren går inte att nå", "111 22" },
  expect = { ends = "akut", acute = true, refer = "socialjouren", outcome = { category = "uteblivet besök" } },
}

scenario "Mer hjälp: nytt beslut" {
  guide = "aldre/hemtjanst",
  answers = { "Mer, mindre eller annan hjälp", "16243" },
  expect = {
    ends = "andra",
    refer = "bistand-aldre-hasselby-vallingby",
    outcome = { category = "ändra hemtjänst", resolved = false },
  },
}

scenario "Byta utförare" {
  guide = "aldre/hemtjanst",
  answers = { "Byta hemtjänstutförare", "16752" },
  expect = {
    ends = "byta",
    refer = "bistand-aldre-bromma",
    says = "Rekommendera ingen utförare",
    outcome = { category = "byta utförare", resolved = false },
  },
}

scenario "Avboka ett besök" {
  guide = "aldre/hemtjanst",
  answers = { "Avboka eller flytta ett besök" },
  expect = { ends = "avboka", outcome = { category = "avboka besök", resolved = true, referred_to = false } },
}

scenario "Klagomål skickas till stadsdelen" {
  guide = "aldre/hemtjanst",
  answers = { "Klagomål på hemtjänsten", "Nej", "12047" },
  expect = {
    ends = "klagomal",
    says = "skicka det till Enskede-Årsta-Vantör stadsdelsförvaltning",
    outcome = { category = "klagomål hemtjänst", resolved = true, complaint_to = "enskede-arsta-vantor" },
  },
}

scenario "Klagomål där personen far illa nu är akut" {
  guide = "aldre/hemtjanst",
  at = "2026-11-24 10:00",
  answers = { 6, "Ja, far illa just nu", "12047" },
  expect = { ends = "akut", acute = true, refer = "bistand-aldre-enskede-arsta-vantor", outcome = { category = "klagomål hemtjänst" } },
}

scenario "Postnummer utanför staden" {
  guide = "aldre/hemtjanst",
  answers = { 3, "17165" },
  expect = { ends = "okant_postnummer", finished = true, outcome = { resolved = false } },
}

scenario "Fel postnummer vägras" {
  guide = "aldre/hemtjanst",
  answers = { 2, "12 34" },
  expect = { refused = "fem siffror" },
}
