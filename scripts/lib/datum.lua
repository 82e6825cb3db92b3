-- Datum som text, "2026-03-15" (som input = "date" och now().date ger dem).
-- local datum = require "lib/datum"
--
-- Guider har ingen os.time; här räknas datum om till dagnummer och tillbaka.

local M = {}

-- Dagnummer sedan 1970-01-01 för år, månad, dag (gregoriansk kalender).
local function dagnummer (y, m, d)
  if m <= 2 then y = y - 1 end
  local era = y // 400
  local yoe = y - era * 400
  local mp = (m + 9) % 12
  local doy = (153 * mp + 2) // 5 + d - 1
  local doe = yoe * 365 + yoe // 4 - yoe // 100 + doy
  return era * 146097 + doe - 719468
end

local function fran_dagnummer (z)
  z = z + 719468
  local era = z // 146097
  local doe = z - era * 146097
  local yoe = (doe - doe // 1460 + doe // 36524 - doe // 146096) // 365
  local doy = doe - (365 * yoe + yoe // 4 - yoe // 100)
  local mp = (5 * doy + 2) // 153
  local d = doy - (153 * mp + 2) // 5 + 1
  local m = mp < 10 and mp + 3 or mp - 9
  local y = yoe + era * 400
  if m <= 2 then y = y + 1 end
  return y, m, d
end

local function delar (text)
  local y, m, d = text:match ("^(%d%d%d%d)-(%d%d)-(%d%d)$")
  if y == nil then error ("datum: \"" .. tostring (text) .. "\" är inte ett datum som 2026-03-15") end
  return tonumber (y), tonumber (m), tonumber (d)
end

local function som_text (y, m, d)
  return string.format ("%04d-%02d-%02d", y, m, d)
end

-- Datumet n dagar efter text (n kan vara negativt).
function M.plus_dagar (text, n)
  return som_text (fran_dagnummer (dagnummer (delar (text)) + n))
end

-- Datumet n månader efter text; den 31 blir sista dagen i en kortare månad.
function M.plus_manader (text, n)
  local y, m, d = delar (text)
  local index = y * 12 + (m - 1) + n
  y, m = index // 12, index % 12 + 1
  -- sista dagen i månaden: dagen före den första i nästa månad
  local _, _, sista_dag = fran_dagnummer (dagnummer (y + (m == 12 and 1 or 0), m % 12 + 1, 1) - 1)
  if d > sista_dag then d = sista_dag end
  return som_text (y, m, d)
end

-- Antal dagar från a till b (positivt när b är senare).
function M.dagar_mellan (a, b)
  return dagnummer (delar (b)) - dagnummer (delar (a))
end

local manader = { "januari", "februari", "mars", "april", "maj", "juni", "juli",
                  "augusti", "september", "oktober", "november", "december" }

-- "15 mars 2026"
function M.i_ord (text)
  local y, m, d = delar (text)
  return d .. " " .. manader[m] .. " " .. y
end

return M
