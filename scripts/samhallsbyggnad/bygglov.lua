-- Bygglov: om något kräver bygglov, attefall och friggebod, pågående
-- ärenden, startbesked, tips om bygge utan lov och överklagande.
-- Besked i det enskilda fallet ger stadsbyggnadskontorets
-- bygglovsrådgivning: du säger aldrig att något är lovfritt.
-- Artiklar: samhallsbyggnad/bygglov-nar-behovs, samhallsbyggnad/attefall-friggebod,
-- samhallsbyggnad/bygglov-handlaggningstid-avgift,
-- samhallsbyggnad/anmalan-startbesked-kontrollansvarig.

local oppet = require "lib/oppet"

guide {
  id = "samhallsbyggnad/bygglov",
  title = "Bygglov",
  area = "samhallsbyggnad",
  start = "vad_galler",
  description = "Behövs bygglov, attefall och friggebod, pågående ärende, startbesked, tips och överklagande.",
  keywords = { "bygglov", "attefall", "friggebod", "startbesked", "detaljplan", "bygga" },
}

step "vad_galler" {
  say = "Fråga vad som ska göras, på vilken adress eller fastighet, och vilken sorts hus det är.",
  choices = {
    { "Behöver jag bygglov?", go = "behovs", outcome = { category = "bygglov fråga" } },
    { "Attefall eller friggebod", go = "attefall", outcome = { category = "attefall" } },
    { "Pågående ärende, handläggningstid eller avgift", go = "pagaende", outcome = { category = "bygglov pågående" } },
    { "Startbesked, slutbesked, kontrollansvarig", go = "startbesked", outcome = { category = "startbesked" } },
    { "Tips om ett bygge utan lov", go = "tillsyn", outcome = { category = "tillsyn" } },
    { "Överklaga ett bygglov", go = "overklaga", outcome = { category = "överklaga bygglov" } },
  },
}

step "behovs" {
  say = "Om det behövs bygglov beror på åtgärden, huset och detaljplanen. Stora delar av Stockholm är kulturhistoriskt värdefulla, där även små ändringar kan kräva lov. Säg: ”Det beror på detaljplanen och platsen – bygglovsrådgivningen kan ge dig besked.” Bostadsrättshavare behöver också föreningens tillstånd.",
  article = "samhallsbyggnad/bygglov-nar-behovs",
  next = "radgivning",
}

step "attefall" {
  say = "Sedan den 1 december 2025 finns en gemensam ram per tomt för lovfria komplementbyggnader och tillbyggnader, i stället för separata regler för friggebod och attefallshus. En del kräver ändå anmälan och startbesked. Lovfritt är inte kravfritt.",
  article = "samhallsbyggnad/attefall-friggebod",
  choices = {
    { "Svaret räcker", finish = { resolved = true } },
    { "Vill ha besked för sitt eget fall", go = "radgivning" },
  },
}

step "pagaende" {
  say = "Beslut ska komma inom tio veckor från att ansökan är komplett, och tiden kan förlängas en gång med tio veckor. Avgiften följer taxan och tas ut även vid avslag; du uppskattar inte avgiften. Be personen ha ärendenumret redo.",
  article = "samhallsbyggnad/bygglov-handlaggningstid-avgift",
  choices = {
    { "Svaret räcker", finish = { resolved = true } },
    { "Vill prata med handläggaren", go = "radgivning" },
  },
}

step "radgivning" {
  compute = function (s) s.sbk = oppet.enhet ("stadsbyggnadskontoret") end,
  say = "Hänvisa till {sbk.namn}: {sbk.telefon}, {sbk.lage}. Detaljplanerna finns på kartan på stadens webbplats.",
  refer = "stadsbyggnadskontoret",
  article = "samhallsbyggnad/bygglov-nar-behovs",
  finish = { resolved = false },
}

step "startbesked" {
  say = "Säg: ”Bygglovet ger rätt att bygga, men startbeskedet ger lov att börja. När bygget är klart krävs slutbesked innan det får användas.” Börja aldrig bygga utan startbesked.",
  article = "samhallsbyggnad/anmalan-startbesked-kontrollansvarig",
  finish = { resolved = true },
}

step "tillsyn" {
  compute = function (s) s.sbk = oppet.enhet ("stadsbyggnadskontoret") end,
  say = "Tips om ett bygge som saknar lov tar stadsbyggnadskontorets tillsyn emot. Hänvisa till {sbk.namn}: {sbk.telefon}, {sbk.lage}.",
  refer = "stadsbyggnadskontoret",
  article = "samhallsbyggnad/bygglov-nar-behovs",
  finish = { resolved = false },
}

step "overklaga" {
  say = "Överklaganden prövas av Länsstyrelsen. Grannar och andra berörda har fyra veckor efter att beslutet kungjorts i Post- och Inrikes Tidningar. Hur står i beslutet. Bygglovet vinner laga kraft när tiden har gått ut.",
  article = "samhallsbyggnad/bygglov-handlaggningstid-avgift",
  finish = { resolved = true },
}
