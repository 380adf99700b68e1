-- wrk script for bench/serve.sh's paced run: the requests of serve-diagnose.lua, each connection
-- waiting between an answer and its next request, as a person at a help desk or a ticket system
-- does, so that the connections together offer about the rate asked for rather than as many
-- requests as the server can take. The fourth argument is the mean wait in milliseconds; waits
-- are whole milliseconds, drawn so that their mean is the one asked for.
dofile("bench/serve-diagnose.lua")

local base_init = init
local wait_floor, wait_fraction = 0, 0

function init(args)
  base_init(args)
  local mean = tonumber(args[4]) or 0
  wait_floor = math.floor(mean)
  wait_fraction = mean - wait_floor
end

function delay()
  if math.random() < wait_fraction then
    return wait_floor + 1
  end
  return wait_floor
end
