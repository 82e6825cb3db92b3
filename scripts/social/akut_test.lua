scenario "Oro för ett barn dagtid går till stadsdelens socialtjänst" {
  guide = "social/akut",
  at = "2026-11-23 10:00",
  answers = { "Oro för ett barn", "111 22" },
  expect = {
    path = { "vad_har_hant", "postnummer", "hanvisa" },
    acute = true,
    refer = "socialtjanst-barn-unga-norrmalm",
    outcome = { category = "orosanmälan", resolved = false, referred_to = "socialtjanst-barn-unga-norrmalm" },
  },
}

scenario "Oro för ett barn på kvällen går till Socialjouren" {
  guide = "social/akut",
  at = "2026-11-23 19:30",
  answers = { "Oro för ett barn", "11122" },
  expect = { ends = "hanvisa", refer = "socialjouren", says = "Socialjouren" },
}

scenario "Fel postnummer" {
  guide = "social/akut",
  answers = { 2, "1234" },
  expect = { refused = "fem siffror" },
}

scenario "Postnummer utanför staden" {
  guide = "social/akut",
  answers = { 3, "99999" },
  expect = { ends = "okant_postnummer", refer = "socialjouren", finished = true },
}

scenario "Fara" {
  guide = "social/akut",
  answers = { "Någon är i fara just nu" },
  expect = { ends = "ring_112", outcome = { category = "hänvisad till 112" } },
}
