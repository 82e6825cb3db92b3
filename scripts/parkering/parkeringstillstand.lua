-- Parkeringstillstånd för rörelsehindrade: ansöka, förnya, borttappat
-- kort, regler och avgift, pågående ansökan och avslag. Kontaktcentret
-- fattar inga beslut om tillstånd och tolkar inte läkarintyg.
-- Artiklar: parkering/parkeringstillstand-ansoka, parkering/fornya-tillstand,
-- parkering/borttappat-stulet-tillstand, parkering/parkera-med-tillstand,
-- parkering/lakarintyg-handlaggning.

local oppet = require "lib/oppet"

guide {
  id = "parkering/parkeringstillstand",
  title = "Parkeringstillstånd för rörelsehindrade",
  area = "parkering",
  start = "vad_galler",
  description = "Ansöka, förnya, borttappat kort, var man får parkera, pågående ansökan och avslag.",
  keywords = { "parkeringstillstånd", "handikapptillstånd", "p-kort", "rörelsehindrad", "läkarintyg" },
}

step "vad_galler" {
  say = "Fråga vad det gäller.",
  choices = {
    { "Ansöka första gången", go = "folkbokford", outcome = { category = "parkeringstillstånd ansökan" } },
    { "Förnya ett tillstånd", go = "fornya", outcome = { category = "parkeringstillstånd förnya" } },
    { "Borttappat, stulet eller skadat kort", go = "ersattning", outcome = { category = "ersättningskort" } },
    { "Var och hur länge man får parkera, avgift", go = "regler", outcome = { category = "parkeringsregler" } },
    { "Fråga om en ansökan som handläggs", go = "handlaggning", outcome = { category = "pågående ansökan" } },
    { "Har fått avslag", go = "avslag", outcome = { category = "avslag" } },
    { "Boendeparkering", go = "boendeparkering" },
  },
}

step "folkbokford" {
  say = "Fråga: ”Är du folkbokförd i Stockholms stad?”",
  choices = {
    { "Ja", go = "ansoka" },
    { "Nej", go = "annan_kommun" },
  },
}

step "ansoka" {
  say = "Tillståndet ges som förare eller, om det finns särskilda skäl, som passagerare: då ska personen också behöva förarens hjälp utanför bilen. Många passagerare får avslag för att det behovet inte framgår. Till ansökan: blanketten, ett aktuellt passfoto, kopia av id-handling och läkarintyg på stadens formulär. Handläggningen tar ofta fyra till sex veckor. Du bedömer inte om någon har rätt till tillstånd.",
  article = "parkering/parkeringstillstand-ansoka",
  finish = { resolved = true },
}

step "annan_kommun" {
  say = "Tillståndet söks i den kommun där personen är folkbokförd.",
  article = "parkering/parkeringstillstand-ansoka",
  finish = { resolved = false },
}

step "fornya" {
  say = "Tillståndet förnyas inte automatiskt. Personen gör en ny ansökan med nytt läkarintyg, foto och namnteckning, gärna två månader innan tillståndet går ut. Det gamla gäller till och med datumet på kortet; ett utgånget tillstånd får inte användas.",
  article = "parkering/fornya-tillstand",
  finish = { resolved = true },
}

step "ersattning" {
  say = "Stulet kort: polisanmäl (polisen.se eller 114 14) och skicka kopia med begäran om ersättningskort. Borttappat: skriftlig försäkran. Skadat: skicka in kortet. Bifoga nytt passfoto och namnteckning. Det gamla kortet spärras. Du spärrar inget själv.",
  article = "parkering/borttappat-stulet-tillstand",
  finish = { resolved = true },
}

step "regler" {
  say = "Kortet ska ligga i original, synligt framtill, och gäller bara när innehavaren kör eller åker med. Där parkering annars är förbjuden: högst 3 timmar; där det är tillåtet kortare tid än 3 timmar: 3 timmar; mellan 3 och 24 timmar: högst 24 timmar. I Stockholm betalas avgift enligt skyltningen, men den som har tillstånd kan söka reducerad avgift.",
  article = "parkering/parkera-med-tillstand",
  finish = { resolved = true },
}

step "handlaggning" {
  compute = function (s) s.pt = oppet.enhet ("parkeringstillstand") end,
  say = "Du kan säga om ansökan är registrerad, men inte hur den bedöms. Handläggningen tar ofta fyra till sex veckor, längre om kompletteringar behövs. {pt.namn}: {pt.telefon}, {pt.lage}. Har det gått längre tid än normalt: skicka en kontaktbegäran. Ta aldrig emot medicinska uppgifter.",
  refer = "parkeringstillstand",
  article = "parkering/lakarintyg-handlaggning",
  finish = { resolved = false },
}

step "avslag" {
  say = "Säg: ”Du kan överklaga till Länsstyrelsen. Skriv ditt överklagande och skicka det till den som fattade beslutet, så att det har kommit in inom tre veckor från att du fick beslutet. Hur står i beslutet.”",
  article = "parkering/lakarintyg-handlaggning",
  finish = { resolved = true },
}

step "boendeparkering" {
  say = "Boendeparkering är något annat: öppna guiden ”Boendeparkering” (samhallsbyggnad/boendeparkering).",
  finish = { area = "samhallsbyggnad", category = "boendeparkering", resolved = true },
}
