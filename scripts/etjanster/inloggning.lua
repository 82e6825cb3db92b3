-- Inloggning i stadens e-tjänster: BankID-problem, ingen e-legitimation,
-- att göra ärenden åt någon annan, och när e-tjänsten själv krånglar.
-- Be aldrig om säkerhetskoden och logga aldrig in åt någon.
-- Artiklar: etjanster/bankid-problem, etjanster/e-tjansten-fungerar-inte,
-- etjanster/freja-eid, etjanster/utan-e-legitimation-ombud,
-- etjanster/god-man-foretradare-inloggning.

local oppet = require "lib/oppet"

guide {
  id = "etjanster/inloggning",
  title = "Inloggning i e-tjänster",
  area = "etjanster",
  start = "vad_galler",
  description = "BankID fungerar inte, ingen e-legitimation, ombud och företrädare, fel i e-tjänsten.",
  keywords = { "bankid", "inloggning", "e-legitimation", "freja", "ombud", "kan inte logga in" },
}

step "vad_galler" {
  say = "Fråga vilken e-tjänst det gäller, på dator eller telefon, och be personen läsa upp felmeddelandet ordagrant. Be aldrig om säkerhetskoden.",
  choices = {
    { "BankID fungerar inte", go = "bankid_annat", outcome = { category = "bankid" } },
    { "Har ingen e-legitimation", go = "utan", outcome = { category = "utan e-legitimation" } },
    { "Vill göra ärendet åt någon annan", go = "vem_for", outcome = { category = "ombud" } },
    { "E-tjänsten krånglar (inte inloggningen)", go = "drift", outcome = { category = "fel i e-tjänst" } },
    { "Freja eID", go = "freja", outcome = { category = "freja" } },
    { "Någon har bett mig legitimera mig i telefon", go = "bedrageri", outcome = { category = "bedrägeriförsök" } },
  },
}

-- ---- BankID -------------------------------------------------------------

step "bankid_annat" {
  say = "Fråga: ”Fungerar ditt BankID i andra tjänster, till exempel hos banken?”",
  choices = {
    { "Nej, inte heller där", go = "bankid_fel" },
    { "Ja, bara hos oss", go = "drift" },
  },
}

step "bankid_fel" {
  say = "Gå igenom de vanliga felen. ”Inget giltigt BankID”: förnya hos banken. QR-koden läses inte: börja om och skanna med BankID-appen, inte med kameran. Inget händer i telefonen: välj ”BankID på den här enheten”. Appen kraschar: uppdatera appen, ställ in automatisk tid, starta om telefonen.",
  article = "etjanster/bankid-problem",
  choices = {
    { "Det fungerar nu", finish = { resolved = true } },
    { "Fungerar inte: kan ha gått ut eller spärrats", go = "banken" },
  },
}

step "banken" {
  say = "Bara banken kan förnya eller spärra BankID: hänvisa till banken. Har personen bråttom går ärendet nästan alltid att göra på blankett i stället.",
  article = "etjanster/utan-e-legitimation-ombud",
  finish = { resolved = false },
}

-- ---- E-tjänsten krånglar ------------------------------------------------

step "drift" {
  say = "Titta i driftinformationen på intranätet. Finns en känd störning, säg: ”Vi känner till felet och arbetar med det. Prova igen senare i dag.” Annars: prova en annan webbläsare, tillåt cookies, rensa cache och cookies, prova ett privat fönster eller en annan enhet.",
  article = "etjanster/e-tjansten-fungerar-inte",
  choices = {
    { "Det fungerar nu", finish = { resolved = true } },
    { "Känd störning", finish = { resolved = true } },
    { "Felet kvarstår", go = "support" },
  },
}

step "support" {
  compute = function (s) s.sup = oppet.enhet ("e-tjanstsupport") end,
  say = "Registrera felet hos {sup.namn} ({sup.telefon}, {sup.lage}): vilken e-tjänst, datum och klockslag, webbläsare och enhet, felmeddelandet ordagrant och hur supporten når personen. Inga personnummer. Har personen en tidsfrist: erbjud blankett, så missar hen den inte.",
  refer = "e-tjanstsupport",
  article = "etjanster/e-tjansten-fungerar-inte",
  finish = { resolved = false },
}

-- ---- Utan e-legitimation, Freja -----------------------------------------

step "utan" {
  say = "Säg: ”Du behöver inte e-legitimation för att ansöka. Jag kan skicka blanketten till dig.” Andra vägar: post, besök, BankID från banken eller Freja eID. En anhörig kan hjälpa till som ombud med skriftlig fullmakt, men loggar aldrig in med någon annans e-legitimation.",
  article = "etjanster/utan-e-legitimation-ombud",
  finish = { resolved = true },
}

step "freja" {
  say = "Freja eID fungerar i e-tjänster som har Freja som val på inloggningssidan, och bara på den högre nivån (Freja+), där identiteten är kontrollerad. Grundnivån räcker inte. Frågor om appen och id-kontrollen: Frejas kundtjänst i appen. Rekommendera inte en e-legitimation framför en annan.",
  article = "etjanster/freja-eid",
  finish = { resolved = true },
}

-- ---- Åt någon annan --------------------------------------------------------

step "vem_for" {
  say = "Fråga: ”Vem är du för den du vill hjälpa?”",
  choices = {
    { "God man eller förvaltare", go = "stallforetradare" },
    { "Vårdnadshavare för ett barn", go = "vardnadshavare" },
    { "Anhörig eller annan", go = "ombud" },
  },
}

step "stallforetradare" {
  say = "Säg: ”Du loggar in med ditt eget BankID, aldrig med huvudmannens. I e-tjänster som stöder det väljer du sedan att företräda huvudmannen. Andra e-tjänster: blankett med kopia av förordnandet.” Du bekräftar inte vem som är god man för någon.",
  article = "etjanster/god-man-foretradare-inloggning",
  choices = {
    { "Svaret räcker", finish = { resolved = true } },
    { "Huvudmannen visas inte i e-tjänsten", go = "registrering" },
  },
}

step "registrering" {
  compute = function (s) s.of = oppet.enhet ("overformyndarforvaltningen") end,
  say = "Överförmyndarförvaltningen kontrollerar att förordnandet är registrerat; ett nytt förordnande kan ta några dagar innan det syns. {of.namn}: {of.telefon}, {of.lage}. Du kan inte lägga till en huvudman i e-tjänsten.",
  refer = "overformyndarforvaltningen",
  article = "etjanster/god-man-foretradare-inloggning",
  finish = { resolved = false },
}

step "vardnadshavare" {
  say = "Vårdnadshavare loggar in med sitt eget BankID i e-tjänster som gäller deras barn. Vid gemensam vårdnad behöver ofta båda godkänna, till exempel skolval. En god man för ett ensamkommande barn kan behöva registreras manuellt för förskola och skola.",
  article = "etjanster/god-man-foretradare-inloggning",
  finish = { resolved = true },
}

step "ombud" {
  say = "Säg: ”Du kan hjälpa till som ombud med en skriftlig fullmakt, som skickas med blanketten. Men du får aldrig logga in med den andres e-legitimation, och inte med din egen i hens namn.” Vissa ärenden kräver att personen själv skriver under.",
  article = "etjanster/utan-e-legitimation-ombud",
  finish = { resolved = true },
}

step "bedrageri" {
  say = "Varna: ”Legitimera dig aldrig med BankID för någon som har ringt dig. Det är ett vanligt bedrägeri.” Har personen redan gjort det: ring banken direkt och spärra BankID. Brott anmäls till polisen, 114 14.",
  article = "etjanster/bankid-problem",
  finish = { resolved = false },
}
