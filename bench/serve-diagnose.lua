-- wrk script for bench/serve.sh: POST /api/diagnose (or the path given) with the generated cases, one per request,
-- each thread going through them from its own starting point; at the end, the latency
-- percentiles and the rate on one line that serve.sh reads.
local cases = {}
local next_case = 1
local path = "/api/diagnose"

function init(args)
  local file = assert(io.open(args[1], "r"))
  local limit = tonumber(args[2]) or 2000
  path = args[3] or path
  for line in file:lines() do
    cases[#cases + 1] = line
    if #cases >= limit then break end
  end
  file:close()
  next_case = (math.random(#cases))
end

function request()
  local body = cases[next_case]
  next_case = next_case % #cases + 1
  return wrk.format("POST", path, {["Content-Type"] = "application/json"}, body)
end

function done(summary, latency, requests)
  local errors = summary.errors.status + summary.errors.connect + summary.errors.read
    + summary.errors.write + summary.errors.timeout
  io.write(string.format("RESULT requests=%d seconds=%.2f rps=%.0f p50_ms=%.2f p99_ms=%.2f max_ms=%.2f errors=%d\n",
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000, errors))
end
