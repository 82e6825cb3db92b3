-- Tillhörighet: vilken stadsdelsförvaltning ett postnummer hör till.
-- Används av flera guider: require "lib/stadsdel".

local M = {}

-- Raden ur stadsdelsforvaltningar.csv för postnumret, eller nil.
function M.for_postnummer (postnummer)
  local rad = lookup ("postnummer", postnummer)
  if rad == nil then return nil end
  return lookup ("stadsdelsforvaltningar", rad.forvaltning)
end

return M
