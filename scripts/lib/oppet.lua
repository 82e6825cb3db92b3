-- Öppettider: för guider som hänvisar till en enhet som kan vara stängd.
-- local oppet = require "lib/oppet"
--
-- Tiden kommer alltid från Lots (now, open_now, next_open), så att
-- scenariotesterna kan välja tidpunkt med at = "2026-12-24 10:00".

local M = {}

-- Kontorstid är kontaktcentrets öppettid: vardagar 08.00–16.30 (fredag
-- 16.00), maj–augusti 08.00–16.00 (fredag 15.00), stängt helgdagar och
-- helgaftnar. Utanför kontorstid går akuta sociala ärenden till Socialjouren.
function M.kontorstid ()
  return open_now ("kontaktcenter")
end

-- Enheten ur data/enheter.csv (id, namn, telefon, epost …, open_now,
-- opens, hours_today) med ett färdigt fält lage att använda i texten:
--   "öppet nu (i dag 08.00–12.00)"  eller  "stängt nu, öppnar i morgon kl. 08.00"
function M.enhet (id)
  local e = unit (id)
  if e.open_now then
    e.lage = "öppet nu (i dag " .. e.hours_today .. ")"
  elseif e.opens ~= nil then
    e.lage = "stängt nu, öppnar " .. e.opens
  else
    e.lage = "stängt nu"
  end
  return e
end

-- Enheten id om den har öppet nu, annars reservenheten (till exempel
-- Socialjouren, som har öppet dygnet runt). Båda med fältet lage.
function M.oppen_eller (id, reserv)
  if open_now (id) then return M.enhet (id) end
  return M.enhet (reserv)
end

return M
