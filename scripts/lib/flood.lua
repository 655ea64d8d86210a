-- A flood of distinct search queries for wrk (e2e/front.spec.ts): no two requests ask for the
-- same results, so the front's cache answers none of them and each one would make Next.js render.
-- Ends with one line, FLOOD_JSON {...}, counting the answers by status (latencies in µs).
local threads = {}

function setup(thread)
  thread:set("id", #threads + 1)
  table.insert(threads, thread)
end

function init(args)
  sent = 0
  passed = 0
  limited = 0
  other = 0
end

function request()
  sent = sent + 1
  return wrk.format(nil, "/search?q=flood-" .. id .. "-" .. sent)
end

function response(status, headers, body)
  if status == 429 then
    limited = limited + 1
  elseif status < 400 then
    passed = passed + 1
  else
    other = other + 1
  end
end

function done(summary, latency, requests)
  local l, p, o = 0, 0, 0
  for _, thread in ipairs(threads) do
    l = l + thread:get("limited")
    p = p + thread:get("passed")
    o = o + thread:get("other")
  end
  local e = summary.errors
  io.write(string.format(
    'FLOOD_JSON {"requests":%d,"duration_us":%d,"limited":%d,"passed":%d,"other":%d,' ..
    '"socket_errors":%d,"p50_us":%d,"p99_us":%d}\n',
    summary.requests, summary.duration, l, p, o,
    e.connect + e.read + e.write + e.timeout,
    latency:percentile(50), latency:percentile(99)))
end
