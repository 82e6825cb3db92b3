-- Tillhörighet: vilken stadsdelsförvaltning ett postnummer hör till.
-- Används av flera guider: local stadsdel = require "lib/stadsdel"
--
-- Tabellerna finns i data/postnummer.csv (postnummer, postort,
-- stadsdelsomrade, forvaltning) och data/stadsdelsforvaltningar.csv
-- (id, namn, telefon, epost, besoksadress).

local M = {}

-- Raden ur stadsdelsforvaltningar.csv för postnumret, eller nil när
-- postnumret inte finns i Stockholms stad.
function M.for_postnummer (postnummer)
  local rad = lookup ("postnummer", postnummer)
  if rad == nil then return nil end
  return lookup ("stadsdelsforvaltningar", rad.forvaltning)
end

-- Slår upp s.postnummer och sparar det som guiden behöver:
--   s.omrade      raden ur postnummer.csv ({omrade.stadsdelsomrade}, {omrade.postort})
--   s.forvaltning raden ur stadsdelsforvaltningar.csv ({forvaltning.namn},
--                 {forvaltning.telefon}, {forvaltning.id} …)
-- Ger förvaltningen, eller nil (och rensar båda) när postnumret är okänt.
function M.hitta (s)
  s.omrade = lookup ("postnummer", s.postnummer)
  if s.omrade == nil then
    s.forvaltning = nil
    return nil
  end
  s.forvaltning = lookup ("stadsdelsforvaltningar", s.omrade.forvaltning)
  return s.forvaltning
end

return M
