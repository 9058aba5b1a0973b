-- wrk script for the vote write path: each connection signs in as its own reader (tokens from
-- tokens.txt, one per line) and flips its vote between SHIP and SKIP on every request.
local tokens = {}
for line in io.lines(os.getenv("TOKENS_FILE")) do tokens[#tokens + 1] = line end
local slug = os.getenv("VOTE_SLUG")
local counter = 0

function setup(thread)
  counter = counter + 1
  thread:set("id", counter)
end

function init(args)
  token = tokens[((id - 1) % #tokens) + 1]
  flip = false
end

function request()
  flip = not flip
  local body = flip and '{"decision":"SHIP"}' or '{"decision":"SKIP"}'
  return wrk.format("PUT", "/api/tools/" .. slug .. "/vote",
    { ["Authorization"] = "Bearer " .. token, ["Content-Type"] = "application/json" }, body)
end
