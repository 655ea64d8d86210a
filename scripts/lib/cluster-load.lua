-- Load for the several-instance front (e2e/cluster.spec.ts): three requests in four go to
-- /robots.txt, which nginx never stores, so they reach an instance (from its render cache); the
-- fourth asks for an article with a query string of its own, a miss in nginx's cache that the
-- instance answers from the shared render cache. Ends with one line, LOAD_JSON {...}, counting
-- the answers by status class and the failed requests (latencies in µs).
local threads = {}

function setup(thread)
  thread:set("id", #threads + 1)
  table.insert(threads, thread)
end

function init(args)
  article = args[1]
  sent = 0
  ok = 0
  client = 0
  server = 0
end

function request()
  sent = sent + 1
  if sent % 4 == 0 then
    return wrk.format("GET", article .. "?load=" .. id .. "-" .. sent, { ["Accept-Encoding"] = "gzip" })
  end
  return wrk.format("GET", "/robots.txt")
end

function response(status, headers, body)
  if status >= 500 then
    server = server + 1
  elseif status >= 400 then
    client = client + 1
  else
    ok = ok + 1
  end
end

function done(summary, latency, requests)
  local o, c, s = 0, 0, 0
  for _, thread in ipairs(threads) do
    o = o + thread:get("ok")
    c = c + thread:get("client")
    s = s + thread:get("server")
  end
  local e = summary.errors
  io.write(string.format(
    'LOAD_JSON {"requests":%d,"duration_us":%d,"ok":%d,"status4xx":%d,"status5xx":%d,' ..
    '"socket_errors":%d,"p50_us":%d,"p99_us":%d}\n',
    summary.requests, summary.duration, o, c, s,
    e.connect + e.read + e.write + e.timeout,
    latency:percentile(50), latency:percentile(99)))
end
