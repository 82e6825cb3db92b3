-- Scenarier för social/akut. Tiderna: tisdag 2026-11-24 är en vanlig
-- vardag, 2026-12-24 är julafton (stängt), fredag 2026-07-03 har
-- sommartider. Postnummer: 111 22 Norrmalm, 112 20 Kungsholmen,
-- 163 71 Rinkeby-Kista (mottagningen har lunchstängt 12–13).

scenario "Oro för ett barn dagtid går till stadsdelens socialtjänst" {
  guide = "social/akut",
  at = "2026-11-24 10:00",
  answers = { "Oro för ett barn", "111 22" },
  expect = {
    path = { "vad_har_hant", "postnummer", "hanvisa" },
    finished = true,
    acute = true,
    refer = "socialtjanst-barn-unga-norrmalm",
    says = "Socialtjänst mottagning barn och unga, Norrmalm, telefon 08-465 004 88",
    outcome = { area = "social", category = "orosanmälan", resolved = false,
                referred_to = "socialtjanst-barn-unga-norrmalm", acute = true },
  },
}

scenario "Oro för ett barn på kvällen går till Socialjouren" {
  guide = "social/akut",
  at = "2026-11-24 19:30",
  answers = { "Oro för ett barn", "11122" },
  expect = {
    ends = "hanvisa",
    refer = "socialjouren",
    says = "Stadsdelens mottagning: stängt nu, öppnar i morgon kl. 08.30.",
    outcome = { category = "orosanmälan", referred_to = "socialjouren", acute = true },
  },
}

scenario "Julafton: stadsdelen är stängd, Socialjouren tar emot" {
  guide = "social/akut",
  at = "2026-12-24 10:00",
  answers = { 1, "111 22" },
  expect = { refer = "socialjouren", says = "öppnar måndag 28 december kl. 08.30" },
}

scenario "Sommarfredag 15.30: Kungsholmen har fortfarande öppet" {
  guide = "social/akut",
  at = "2026-07-03 15:30",
  answers = { "Oro för ett barn", "112 20" },
  expect = { refer = "socialtjanst-barn-unga-kungsholmen" },
}

scenario "Sommarfredag 15.30: Norrmalm har stängt, Socialjouren tar emot" {
  guide = "social/akut",
  at = "2026-07-03 15:30",
  answers = { "Oro för ett barn", "111 22" },
  expect = { refer = "socialjouren", says = "öppnar måndag 6 juli kl. 08.30" },
}

scenario "Lunchstängt i Rinkeby-Kista: Socialjouren tar emot" {
  guide = "social/akut",
  at = "2026-11-24 12:30",
  answers = { "Oro för ett barn", "163 71" },
  expect = { refer = "socialjouren", says = "öppnar i dag kl. 13.00" },
}

scenario "Våld i nära relation dagtid går till mottagningen för vuxna" {
  guide = "social/akut",
  at = "2026-11-24 10:00",
  answers = { "Våld i nära relation", "111 22" },
  expect = {
    refer = "socialtjanst-vuxna-norrmalm",
    says = "Kvinnofridslinjen 020-50 50 50",
    outcome = { category = "våld i nära relation", resolved = false, acute = true },
  },
}

scenario "Akut ekonomisk nöd dagtid" {
  guide = "social/akut",
  at = "2026-11-24 10:00",
  answers = { "Akut ekonomisk nöd", "112 20" },
  expect = {
    refer = "socialtjanst-vuxna-kungsholmen",
    says = "Lova inte att personen får pengar",
    outcome = { category = "akut ekonomisk nöd", referred_to = "socialtjanst-vuxna-kungsholmen" },
  },
}

scenario "Ingen sovplats, folkbokförd i Stockholm" {
  guide = "social/akut",
  at = "2026-11-24 10:00",
  answers = { "Ingenstans att sova i natt", "Folkbokförd i Stockholm, inga barn", "111 22" },
  expect = {
    path = { "vad_har_hant", "anknytning", "postnummer", "hanvisa" },
    refer = "socialtjanst-vuxna-norrmalm",
    outcome = { category = "akut hemlöshet", resolved = false },
  },
}

scenario "Familj med barn utan boende går till barn och unga" {
  guide = "social/akut",
  at = "2026-11-24 10:00",
  answers = { "Ingenstans att sova i natt", "Familj med barn", "111 22" },
  expect = { refer = "socialtjanst-barn-unga-norrmalm" },
}

scenario "Ingen anknytning till en stadsdel, dagtid: Enheten för hemlösa" {
  guide = "social/akut",
  at = "2026-11-24 10:00",
  answers = { "Ingenstans att sova i natt", "Ingen anknytning till en stadsdel" },
  expect = {
    ends = "hemlosa",
    finished = true,
    acute = true,
    refer = "enheten-for-hemlosa",
    outcome = { category = "akut hemlöshet", referred_to = "enheten-for-hemlosa" },
  },
}

scenario "Ingen anknytning till en stadsdel, på kvällen: Socialjouren" {
  guide = "social/akut",
  at = "2026-11-24 19:30",
  answers = { 5, 3 },
  expect = { ends = "hemlosa", refer = "socialjouren" },
}

scenario "Fel postnummer" {
  guide = "social/akut",
  answers = { 2, "1234" },
  expect = { refused = "fem siffror", ends = "postnummer", finished = false },
}

scenario "Postnummer utanför staden" {
  guide = "social/akut",
  answers = { 3, "99999" },
  expect = { ends = "okant_postnummer", refer = "socialjouren", finished = true, says = "08-508 40 000" },
}

scenario "Fara" {
  guide = "social/akut",
  answers = { "Någon är i fara just nu" },
  expect = {
    ends = "ring_112",
    acute = true,
    outcome = { category = "hänvisad till 112", resolved = false, referred_to = false },
  },
}
