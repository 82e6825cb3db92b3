-- Boendeparkering: ansöka, avgift och områden, byta bil eller flytta,
-- parkeringsanmärkning. Tillståndet söks i trafikkontorets e-tjänst;
-- kontaktcentret beviljar inget och gör inga undantag.
-- Artiklar: samhallsbyggnad/boendeparkering-ansoka,
-- samhallsbyggnad/boendeparkering-avgift-zoner.

local oppet = require "lib/oppet"

guide {
  id = "samhallsbyggnad/boendeparkering",
  title = "Boendeparkering",
  area = "samhallsbyggnad",
  start = "vad_galler",
  description = "Ansöka om boendeparkering, avgift och områden, byta bil eller flytta, parkeringsanmärkning.",
  keywords = { "boendeparkering", "boende-p", "parkering", "zon", "parkeringsanmärkning" },
}

step "vad_galler" {
  say = "Fråga vad det gäller.",
  choices = {
    { "Ansöka om boendeparkering", go = "folkbokford", outcome = { category = "boendeparkering ansökan" } },
    { "Avgift och områden", go = "avgift", outcome = { category = "boendeparkering avgift" } },
    { "Byta bil eller flytta", go = "byta", outcome = { category = "boendeparkering ändring" } },
    { "Har fått en parkeringsanmärkning", go = "anmarkning", outcome = { category = "parkeringsanmärkning" } },
    { "Kan inte logga in i e-tjänsten", go = "inloggning" },
    { "Fråga om mitt tillstånd eller min ansökan", go = "trafikkontoret", outcome = { category = "boendeparkering ärende" } },
    { "Parkeringstillstånd för rörelsehindrade", go = "rorelsehindrad" },
  },
}

step "folkbokford" {
  say = "Fråga: ”Är du folkbokförd på adressen i området?” Nyinflyttade får vänta tills flytten är registrerad hos Skatteverket.",
  choices = {
    { "Ja", go = "ansoka" },
    { "Nej, inte än", go = "vanta" },
  },
}

step "ansoka" {
  say = "Säg: ”Du ansöker i trafikkontorets e-tjänst med e-legitimation.” Bilen ska vara registrerad på den som söker (eller vara en leasing- eller förmånsbil, med intyg), väga högst 3,5 ton och sakna körförbud. Ett tillstånd per person. Tillståndet är digitalt och ger ingen egen plats. Saknas e-legitimation: blankett.",
  article = "samhallsbyggnad/boendeparkering-ansoka",
  finish = { resolved = true },
}

step "vanta" {
  say = "Tillståndet kräver folkbokföring på en adress i området. Säg: ”Sök när flytten är registrerad hos Skatteverket.” Du kan inte göra undantag.",
  article = "samhallsbyggnad/boendeparkering-ansoka",
  finish = { resolved = true },
}

step "avgift" {
  say = "Avgiften betalas per dygn, vecka eller månad för den tid bilen står på gatan, i en parkeringsapp eller automat, innan bilen ställs. I exemplet: innerstaden 60 kr/dygn eller 1 100 kr/mån, ytterstaden 20 kr/dygn eller 400 kr/mån – kontrollera gällande taxa på webbplatsen. Tillståndet gäller bara i området där personen är folkbokförd.",
  article = "samhallsbyggnad/boendeparkering-avgift-zoner",
  finish = { resolved = true },
}

step "byta" {
  say = "Ny bil: ändra registreringsnumret i e-tjänsten innan bilen parkeras. Flytt till ett annat område: sök nytt tillstånd när den nya adressen är folkbokförd.",
  article = "samhallsbyggnad/boendeparkering-ansoka",
  finish = { resolved = true },
}

step "anmarkning" {
  say = "Du bedömer inte om anmärkningen var rätt. Den som vill bestrida den följer anvisningen på anmärkningen. Vanlig orsak: gatorna vid en områdesgräns – be personen kontrollera parkeringskartan.",
  article = "samhallsbyggnad/boendeparkering-avgift-zoner",
  finish = { resolved = true },
}

step "inloggning" {
  say = "Öppna guiden ”Inloggning i e-tjänster” (etjanster/inloggning).",
  finish = { area = "etjanster", category = "inloggning", resolved = true },
}

step "trafikkontoret" {
  compute = function (s) s.bp = oppet.enhet ("boendeparkering") end,
  say = "Hänvisa till {bp.namn}: {bp.telefon}, {bp.lage}.",
  refer = "boendeparkering",
  article = "samhallsbyggnad/boendeparkering-ansoka",
  finish = { resolved = false },
}

step "rorelsehindrad" {
  say = "Parkeringstillstånd för rörelsehindrade är något annat: öppna guiden ”Parkeringstillstånd för rörelsehindrade” (parkering/parkeringstillstand).",
  finish = { area = "parkering", category = "parkeringstillstånd", resolved = true },
}
