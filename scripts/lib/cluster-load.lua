-- Load for the several-instance front (e2e/cluster.spec.ts): every request asks for an article
-- with a query string of its own, a miss in nginx's cache (a key of its own, so no request waits
-- on another's proxy_cache_lock) that an instance answers from the shared render cache. A URL
-- nginx never stores (/robots.txt: max-age=0) is no good here: its concurrent requests queue
-- behind the cache lock one at a time, up to proxy_cache_lock_timeout (10 s) each. Ends with one
-- line, LOAD_JSON {...}, counting the answers by status class and wrk's errors by kind: connect,
-- read (the connection closed or reset before a whole answer), write, timeout (no answer within
-- --timeout); latencies in µs.
-- Runs for -d, or until wrk gets SIGINT (it still reports).
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
  return wrk.format("GET", article .. "?load=" .. id .. "-" .. sent, { ["Accept-Encoding"] = "gzip" })
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
    '"errors":{"connect":%d,"read":%d,"write":%d,"timeout":%d},' ..
    '"p50_us":%d,"p99_us":%d,"max_us":%d}\n',
    summary.requests, summary.duration, o, c, s,
    e.connect, e.read, e.write, e.timeout,
    latency:percentile(50), latency:percentile(99), latency.max))
end
