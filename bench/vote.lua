-- wrk script for the vote write path: every request is one reader (tokens from TOKENS_FILE, one per line)
-- voting on one of the demo tools (VOTE_SLUGS, comma-separated), flipping between SHIP and SKIP. Each wrk
-- thread walks its own half of the readers, so concurrent requests are mostly different readers.
local tokens = {}
for line in io.lines(os.getenv("TOKENS_FILE")) do tokens[#tokens + 1] = line end
local slugs = {}
for slug in string.gmatch(os.getenv("VOTE_SLUGS"), "[^,]+") do slugs[#slugs + 1] = slug end
local threads = 0

function setup(thread)
  threads = threads + 1
  thread:set("id", threads)
end

function init(args)
  n = 0
end

function request()
  n = n + 1
  -- thread 1 takes readers 1, 3, 5…, thread 2 takes 2, 4, 6… (with the default two threads)
  local reader = ((n * 2 + id - 1) % #tokens) + 1
  local slug = slugs[(math.floor(n / #tokens) % #slugs) + 1]
  local body = (n % 2 == 0) and '{"decision":"SHIP"}' or '{"decision":"SKIP"}'
  return wrk.format("PUT", "/api/tools/" .. slug .. "/vote",
    { ["Authorization"] = "Bearer " .. tokens[reader], ["Content-Type"] = "application/json" }, body)
end
