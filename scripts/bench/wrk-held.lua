-- wrk-report.lua's report, for a run whose connections are all in place before the load starts.
-- Under full load Node (libuv >= 1.45) accepts one connection per turn of its event loop, so the
-- last of 64 new connections waits a second or more and its first request with it. Here each
-- connection's first request is held back (arguments: <hold ms> <connections per thread>), and
-- the server, idle meanwhile, accepts them all. The reported duration includes the hold, which
-- scripts/bench/wrk.ts takes off when it counts req/s.
local dir = debug.getinfo(1, 'S').source:match('^@(.*/)') or './'
dofile(dir .. 'wrk-report.lua')

local hold_ms, per_thread, held = 0, 0, 0

init = function(args)
  hold_ms = tonumber(args[1]) or 0
  per_thread = tonumber(args[2]) or 0
end

delay = function()
  if held < per_thread then
    held = held + 1
    return hold_ms
  end
  return 0
end
