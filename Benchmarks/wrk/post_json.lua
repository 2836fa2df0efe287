-- wrk script: POSTs one JSON body, read from the file named by $WRK_BODY, with
-- Content-Type application/json, to the URL given to wrk; at the end prints one JSON line
-- with the counts and latency percentiles (microseconds), after wrk's own summary.
--
--   WRK_BODY=body.json wrk -t2 -c4 -d15s --latency -s Benchmarks/wrk/post_json.lua URL
--
-- "errors_status" is wrk's "Non-2xx or 3xx responses" count (responses with status > 399).
local path = os.getenv("WRK_BODY")
if not path then
    io.stderr:write("post_json.lua: set WRK_BODY to the file holding the JSON body\n")
    os.exit(64)
end
local file = assert(io.open(path, "rb"))
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = file:read("*a")
file:close()

function done(summary, latency, requests)
    local errors = summary.errors
    io.write(string.format(
        '{"requests":%d,"duration_us":%d,"bytes":%d,"requests_per_s":%.2f,'
        .. '"errors_connect":%d,"errors_read":%d,"errors_write":%d,"errors_timeout":%d,"errors_status":%d,'
        .. '"latency_us":{"mean":%.1f,"stdev":%.1f,"p50":%d,"p90":%d,"p99":%d,"p999":%d,"max":%d}}\n',
        summary.requests, summary.duration, summary.bytes, summary.requests / (summary.duration / 1e6),
        errors.connect, errors.read, errors.write, errors.timeout, errors.status,
        latency.mean, latency.stdev, latency:percentile(50), latency:percentile(90),
        latency:percentile(99), latency:percentile(99.9), latency.max))
end
