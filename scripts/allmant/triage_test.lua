-- Scenarier för allmant/triage: varje slut, och tider där svaret beror på klockan.

scenario "Akut: öppna guiden Akut socialt ärende" {
  guide = "allmant/triage",
  answers = { "Någon är i fara eller far illa just nu" },
  expect = {
    ends = "akut",
    finished = true,
    acute = true,
    says = "social/akut",
    outcome = { area = "social", resolved = false },
  },
}

scenario "Äldre: hemtjänst" {
  guide = "allmant/triage",
  answers = { "Äldre: hemtjänst, larm, färdtjänst, avgift", "Hemtjänst" },
  expect = {
    ends = "hemtjanst",
    finished = true,
    says = "aldre/hemtjanst",
    outcome = { area = "aldre", category = "hemtjänst", resolved = true },
  },
}

scenario "Äldre: trygghetslarm" {
  guide = "allmant/triage",
  answers = { 2, 2 },
  expect = {
    ends = "trygghetslarm",
    finished = true,
    says = "aldre/trygghetslarm",
    outcome = { area = "aldre" },
  },
}

scenario "Äldre: färdtjänst" {
  guide = "allmant/triage",
  answers = { 2, 3 },
  expect = {
    ends = "fardtjanst",
    finished = true,
    says = "aldre/fardtjanst",
    outcome = { area = "aldre" },
  },
}

scenario "Äldre: faktura" {
  guide = "allmant/triage",
  answers = { 2, 4 },
  expect = {
    ends = "faktura",
    finished = true,
    says = "aldre/faktura",
    outcome = { area = "aldre", category = "faktura" },
  },
}

scenario "Förskola" {
  guide = "allmant/triage",
  answers = { "Förskola, skola eller fritidshem", "Förskola: plats, kö, avgift" },
  expect = {
    ends = "forskola",
    finished = true,
    says = "forskola/forskoleplats",
    outcome = { area = "forskola" },
  },
}

scenario "Skola" {
  guide = "allmant/triage",
  answers = { 3, 2 },
  expect = {
    ends = "skola",
    finished = true,
    says = "skola/skolval",
    outcome = { area = "skola" },
  },
}

scenario "Funktionsnedsättning" {
  guide = "allmant/triage",
  answers = { 4 },
  expect = {
    ends = "funktionsnedsattning",
    finished = true,
    says = "funktionsnedsattning/lss",
    outcome = { area = "funktionsnedsattning" },
  },
}

scenario "Överförmyndare" {
  guide = "allmant/triage",
  answers = { 5 },
  expect = {
    ends = "overformyndare",
    finished = true,
    says = "overformyndare/god-man",
    outcome = { area = "overformyndare" },
  },
}

scenario "Socialtjänst som inte är akut" {
  guide = "allmant/triage",
  answers = { 6 },
  expect = {
    ends = "social",
    finished = true,
    says = "Gå tillbaka och välj akut",
    outcome = { area = "social", category = "socialtjänst", resolved = true },
  },
}

scenario "Parkeringstillstånd" {
  guide = "allmant/triage",
  answers = { 7, "Parkeringstillstånd för rörelsehindrade" },
  expect = {
    ends = "parkering",
    finished = true,
    says = "parkering/parkeringstillstand",
    outcome = { area = "parkering" },
  },
}

scenario "Boendeparkering" {
  guide = "allmant/triage",
  answers = { 7, 2 },
  expect = {
    ends = "boendeparkering",
    finished = true,
    says = "samhallsbyggnad/boendeparkering",
    outcome = { area = "samhallsbyggnad" },
  },
}

scenario "Bygglov" {
  guide = "allmant/triage",
  answers = { 7, 3 },
  expect = {
    ends = "bygglov",
    finished = true,
    says = "samhallsbyggnad/bygglov",
    outcome = { area = "samhallsbyggnad", category = "bygglov" },
  },
}

scenario "Fel på gatan som inte är farligt" {
  guide = "allmant/triage",
  answers = { 7, 4, "Inte farligt" },
  expect = {
    ends = "gata_felanmalan",
    finished = true,
    says = "Registrera felanmälan",
    outcome = { area = "samhallsbyggnad", category = "felanmälan", resolved = true },
  },
}

scenario "E-tjänster" {
  guide = "allmant/triage",
  answers = { 8 },
  expect = {
    ends = "etjanster",
    finished = true,
    says = "etjanster/inloggning",
    outcome = { area = "etjanster" },
  },
}

scenario "Synpunkt" {
  guide = "allmant/triage",
  answers = { 9, 1 },
  expect = {
    ends = "synpunkter",
    finished = true,
    says = "allmant/synpunkter",
    outcome = { area = "allmant", category = "synpunkt" },
  },
}

scenario "Vilken stadsdel" {
  guide = "allmant/triage",
  answers = { 9, 2 },
  expect = {
    ends = "tillhorighet",
    finished = true,
    says = "allmant/tillhorighet",
    outcome = { area = "allmant" },
  },
}

scenario "Fråga som inte är kommunens" {
  guide = "allmant/triage",
  answers = { 9, "Fråga som inte är kommunens" },
  expect = {
    ends = "andra_myndigheter",
    finished = true,
    says = "Säg vilken myndighet",
    outcome = { area = "allmant", category = "annan myndighet", resolved = false },
  },
}

scenario "Äldre, annat: Äldre direkt har öppet en vardag" {
  guide = "allmant/triage",
  at = "2026-11-24 10:00",
  answers = { 2, "Annat om äldre: boende, anhörigstöd, oro" },
  expect = {
    ends = "aldre_annat",
    says = "Äldre direkt: 08-465 004 10, öppet nu (i dag 08.00–16.30)",
    outcome = { area = "aldre", category = "äldre övrigt", resolved = true },
  },
}

scenario "Äldre, annat: på julafton är Äldre direkt stängt" {
  guide = "allmant/triage",
  at = "2026-12-24 10:00",
  answers = { 2, 5 },
  expect = { ends = "aldre_annat", says = "stängt nu, öppnar måndag 28 december kl. 08.00" },
}

scenario "Farligt fel på gatan går till felanmälan dygnet runt" {
  guide = "allmant/triage",
  at = "2026-11-24 23:00",
  answers = { 7, 4, "Farligt just nu, men ingen skadad" },
  expect = {
    ends = "gata_farligt",
    refer = "felanmalan-gata-park",
    acute = false,
    outcome = { area = "samhallsbyggnad", resolved = false, referred_to = "felanmalan-gata-park" },
  },
}

scenario "Öppettider en vanlig vardag" {
  guide = "allmant/triage",
  at = "2026-11-24 10:00",
  answers = { 9, "Öppettider" },
  expect = {
    ends = "oppettider",
    says = "Stockholm Direkt – kontaktcenter, 08-508 00 508: öppet nu (i dag 08.00–16.30)",
    outcome = { area = "allmant", category = "öppettider", resolved = true },
  },
}

scenario "Öppettider på en sommarfredag efter stängning" {
  guide = "allmant/triage",
  at = "2026-07-03 15:30",
  answers = { 9, 4 },
  expect = { says = "stängt nu, öppnar måndag 6 juli kl. 08.00" },
}

scenario "Öppettider på julafton" {
  guide = "allmant/triage",
  at = "2026-12-24 10:00",
  answers = { 9, 4 },
  expect = { says = "Socialjouren 08-508 40 000, dygnet runt" },
}

scenario "Allmänna handlingar går till registratorn" {
  guide = "allmant/triage",
  answers = { 9, "Begära ut allmänna handlingar" },
  expect = {
    ends = "handlingar",
    refer = "registrator",
    outcome = { category = "allmänna handlingar", resolved = false, referred_to = "registrator" },
  },
}

scenario "Tolk dagtid: sedan börjar frågan om" {
  guide = "allmant/triage",
  at = "2026-11-24 10:00",
  answers = { 9, "Behöver tolk", 2, 1 },
  expect = {
    path = { "fraga", "annat", "tolk", "fraga", "aldre", "hemtjanst" },
    ends = "hemtjanst",
    finished = true,
  },
}

scenario "Tolk på kvällen: tolkförmedlingen har stängt" {
  guide = "allmant/triage",
  at = "2026-11-24 19:30",
  answers = { 9, 3 },
  expect = { ends = "fraga", finished = false, visits = { "tolk" } },
}
