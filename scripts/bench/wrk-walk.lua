-- wrk-report.lua's report, for a walk through never-rendered pages (scripts/bench/render-cache.ts):
-- the connections ask for the lines of a file (argument: its path) in turn, each once, and the
-- thread stops when they run out. Run it with one thread (-t1): each thread reads the whole file.
local dir = debug.getinfo(1, 'S').source:match('^@(.*/)') or './'
dofile(dir .. 'wrk-report.lua')

local paths, n = {}, 0

init = function(args)
  for line in io.lines(args[1]) do
    if line ~= '' then paths[#paths + 1] = line end
  end
end

request = function()
  n = n + 1
  if n > #paths then wrk.thread:stop() end
  return wrk.format('GET', paths[math.min(n, #paths)])
end
