-- Förvaltningar som tar emot synpunkter och klagomål: det id som står i
-- utfallets complaint_to och det namn handläggaren säger.
-- local forvaltning = require "lib/forvaltning"
--
-- De 13 stadsdelsförvaltningarna finns i data/stadsdelsforvaltningar.csv
-- (id som "farsta"); fackförvaltningarna står här tills de får en egen tabell.

local M = {}

M.fackforvaltningar = {
  utbildningsforvaltningen = "utbildningsförvaltningen",
  trafikkontoret = "trafikkontoret",
  stadsbyggnadskontoret = "stadsbyggnadskontoret",
  overformyndarforvaltningen = "överförmyndarförvaltningen",
  kontaktcenter = "Stockholm Direkt (kontaktcentret)",
}

-- Namnet på förvaltningen med id, eller nil om den är okänd.
function M.namn (id)
  local rad = lookup ("stadsdelsforvaltningar", id)
  if rad ~= nil then return rad.namn end
  return M.fackforvaltningar[id]
end

return M
