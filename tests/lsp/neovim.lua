-- Neovim as a real client of `cloudfront-lint server` (tests/neovim.rs runs it headless):
-- attach the server to each file given on the command line, wait for its diagnostics, ask for a
-- hover and the code actions at the first one, write all of it as JSON to $CFL_OUT, and quit.
-- Written for Neovim 0.7 (Debian 12's) and later: vim.lsp.start_client and buf_attach_client.
local out = assert(os.getenv("CFL_OUT"), "CFL_OUT: where to write the results")
local server = assert(os.getenv("CFL_SERVER"), "CFL_SERVER: the cloudfront-lint binary")

local received = {}
local client_id = vim.lsp.start_client({
  name = "cloudfront-lint",
  cmd = { server, "server" },
  root_dir = vim.fn.getcwd(),
  -- The fixtures are about CF602: leave the security family out (settings as an editor passes them).
  init_options = { ["cloudfront-lint"] = { ignore = { "CF7" } } },
  handlers = {
    ["textDocument/publishDiagnostics"] = function(err, result, ctx, config)
      received[result.uri] = result.diagnostics
      return vim.lsp.handlers["textDocument/publishDiagnostics"](err, result, ctx, config)
    end,
  },
})
assert(client_id, "the server starts")

local files = vim.fn.argv()
local buffers = {}
for _, file in ipairs(files) do
  vim.cmd("edit " .. vim.fn.fnameescape(file))
  local buf = vim.api.nvim_get_current_buf()
  vim.lsp.buf_attach_client(buf, client_id)
  buffers[vim.uri_from_bufnr(buf)] = buf
end

local function count(t)
  local n = 0
  for _ in pairs(t) do
    n = n + 1
  end
  return n
end

-- A guard against a hung server, not a measurement.
local done = vim.wait(120000, function()
  return count(received) == #files
end, 20)

local results = { done = done, files = {} }
for uri, diagnostics in pairs(received) do
  local entry = { uri = uri, diagnostics = diagnostics }
  local first = diagnostics[1]
  if first then
    local buf = buffers[uri]
    local doc = { uri = uri }
    local hover = vim.lsp.buf_request_sync(buf, "textDocument/hover", {
      textDocument = doc,
      position = first.range.start,
    }, 60000)
    local actions = vim.lsp.buf_request_sync(buf, "textDocument/codeAction", {
      textDocument = doc,
      range = first.range,
      context = { diagnostics = { first } },
    }, 60000)
    for _, r in pairs(hover or {}) do
      entry.hover = r.result
    end
    for _, r in pairs(actions or {}) do
      entry.actions = r.result
    end
  end
  table.insert(results.files, entry)
end

local f = assert(io.open(out, "w"))
f:write(vim.fn.json_encode(results))
f:close()
vim.lsp.stop_client(client_id)
vim.cmd("qa!")
