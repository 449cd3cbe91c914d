-- Drives Neovim's built-in LSP client (0.7 and later) against the UnitGuard
-- language server and writes what the client saw to a JSON file.
--
--   nvim --headless --clean -n -i NONE -u init.lua FILE
--
-- with env UNITGUARD_NVIM_PLAN naming a JSON plan:
--   cmd        the server command, e.g. { "node", ".../bin/unitguard-language-server.js", "--stdio" }
--   rootDir    the workspace folder
--   output     where the results go (JSON)
--   timeoutMs  a hard limit for the whole run; past it the run fails with cquit 1
--   steps      run in order, each { name = ..., kind = ... }:
--     diagnostics  wait for the diagnostics of the current buffer version
--     request      buf_request_sync(method, params); params are merged over
--                  { textDocument = <the buffer> }; with withDiagnostics, the
--                  buffer's diagnostics go into params.context.diagnostics
--                  (for textDocument/codeAction)
--     resolve      completionItem/resolve of the item labelled `label` in the
--                  completion result of the earlier step `from`, sent as the
--                  client received it
--     omni         the completion result of the earlier step `from` turned
--                  into Vim complete-items the way 0.7's omnifunc does
--                  (vim.lsp.util.text_document_completion_list_to_complete_items
--                  with `prefix`): word, abbr, kind, menu and info, in order
--     edit         nvim_buf_set_lines(start, end, lines) (0-based, end exclusive)
--     stop         stop the client and record the server's exit code
-- The result file holds { ok, error, filetype, initializeResult, steps = { [name] = result } }.

local plan_path = os.getenv('UNITGUARD_NVIM_PLAN')
local plan
local results = { ok = false, steps = {} }
local finished = false

local function write_results()
  local path = plan and plan.output or os.getenv('UNITGUARD_NVIM_OUTPUT')
  if not path then
    io.stderr:write(vim.json.encode(results) .. '\n')
    return
  end
  local file = assert(io.open(path, 'w'))
  file:write(vim.json.encode(results))
  file:close()
end

local function finish(ok, err)
  if finished then return end
  finished = true
  results.ok = ok
  if err then results.error = tostring(err) end
  write_results()
  if ok then
    vim.cmd('qall!')
  else
    vim.cmd('cquit 1')
  end
end

local function read_json(path)
  local file = assert(io.open(path, 'r'), 'cannot read the plan ' .. tostring(path))
  local text = file:read('*a')
  file:close()
  return vim.json.decode(text)
end

local ok_plan, plan_or_error = pcall(read_json, plan_path)
if not ok_plan then
  results.error = 'bad plan: ' .. tostring(plan_or_error)
  write_results()
  vim.cmd('cquit 1')
  return
end
plan = plan_or_error
local timeout = plan.timeoutMs or 20000

-- A hard limit: a hung server or a missed notification fails the run.
vim.defer_fn(function()
  finish(false, 'timed out after ' .. timeout .. ' ms')
end, timeout)

-- Neovim maps *.service to the systemd filetype only under */systemd/*.
local suffixes = { 'service', 'socket', 'timer', 'path', 'mount', 'automount', 'swap', 'target', 'device', 'slice', 'scope' }
local patterns = {}
for _, suffix in ipairs(suffixes) do
  table.insert(patterns, '*.' .. suffix)
  table.insert(patterns, '*.' .. suffix .. '.in')
  table.insert(patterns, '*.' .. suffix .. '.d/*.conf')
end
vim.api.nvim_create_autocmd({ 'BufRead', 'BufNewFile' }, {
  pattern = patterns,
  callback = function() vim.bo.filetype = 'systemd' end,
})

local client_id
local published = {} -- the last publishDiagnostics params per URI
local server_exit

local function on_publish(err, result, ctx, config)
  if result and result.uri then published[result.uri] = result end
  return vim.lsp.diagnostic.on_publish_diagnostics(err, result, ctx, config)
end

vim.api.nvim_create_autocmd('FileType', {
  pattern = 'systemd',
  callback = function(args)
    if not client_id then
      client_id = vim.lsp.start_client({
        name = 'unitguard',
        cmd = plan.cmd,
        root_dir = plan.rootDir,
        flags = { debounce_text_changes = 10 },
        handlers = { ['textDocument/publishDiagnostics'] = on_publish },
        on_init = function(_, initialize_result) results.initializeResult = initialize_result end,
        on_exit = function(code, signal) server_exit = { code = code, signal = signal } end,
      })
      if not client_id then finish(false, 'vim.lsp.start_client failed') return end
    end
    vim.lsp.buf_attach_client(args.buf, client_id)
  end,
})

local function wait_for(what, condition)
  if not vim.wait(timeout, condition, 10) then error('gave up waiting for ' .. what) end
end

local steps = {}

-- The document version the client last sent: Neovim opens with version 0
-- and numbers each change with the buffer's changedtick.
local sent_version = 0

function steps.diagnostics(_, uri)
  wait_for('the diagnostics of version ' .. sent_version, function()
    local p = published[uri]
    return p ~= nil and (p.version == nil or p.version >= sent_version)
  end)
  local diagnostics = {}
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    table.insert(diagnostics, {
      lnum = d.lnum, col = d.col, end_lnum = d.end_lnum, end_col = d.end_col,
      severity = d.severity, code = d.code, source = d.source, message = d.message,
    })
  end
  return { version = published[uri].version, published = published[uri].diagnostics, diagnostics = diagnostics }
end

function steps.request(bufnr, uri, step)
  local params = vim.tbl_deep_extend('force', { textDocument = { uri = uri } }, step.params or {})
  if step.withDiagnostics then
    params.context = params.context or {}
    params.context.diagnostics = published[uri] and published[uri].diagnostics or {}
  end
  local responses, err = vim.lsp.buf_request_sync(bufnr, step.method, params, timeout)
  if not responses then error(step.method .. ' failed: ' .. tostring(err)) end
  local response = responses[client_id]
  if not response then error(step.method .. ': no response from the server') end
  if response.err then return { error = response.err } end
  return { result = response.result == nil and vim.NIL or response.result }
end

function steps.resolve(bufnr, _, step)
  local from = results.steps[step.from]
  local list = from and from.result
  if type(list) ~= 'table' then error('no completion result in step ' .. tostring(step.from)) end
  for _, item in ipairs(list.items or list) do
    if item.label == step.label then
      local responses, err = vim.lsp.buf_request_sync(bufnr, 'completionItem/resolve', item, timeout)
      if not responses then error('completionItem/resolve failed: ' .. tostring(err)) end
      local response = responses[client_id]
      if not response then error('completionItem/resolve: no response from the server') end
      if response.err then return { error = response.err } end
      return { result = response.result == nil and vim.NIL or response.result }
    end
  end
  error('no item labelled ' .. tostring(step.label) .. ' in step ' .. tostring(step.from))
end

function steps.omni(_, _, step)
  local from = results.steps[step.from]
  local list = from and from.result
  if type(list) ~= 'table' then error('no completion result in step ' .. tostring(step.from)) end
  local matches = {}
  for _, m in ipairs(vim.lsp.util.text_document_completion_list_to_complete_items(list, step.prefix)) do
    table.insert(matches, { word = m.word, abbr = m.abbr, kind = m.kind, menu = m.menu, info = m.info })
  end
  return matches
end

function steps.edit(bufnr, _, step)
  vim.api.nvim_buf_set_lines(bufnr, step.start, step['end'], false, step.lines)
  sent_version = vim.api.nvim_buf_get_changedtick(bufnr)
  return { changedtick = sent_version }
end

function steps.stop()
  vim.lsp.stop_client(client_id)
  wait_for('the server to exit', function() return server_exit ~= nil end)
  return server_exit
end

local function run()
  local bufnr = vim.api.nvim_get_current_buf()
  local uri = vim.uri_from_bufnr(bufnr)
  results.filetype = vim.bo[bufnr].filetype
  results.uri = uri
  if not client_id then error('no client started: filetype is "' .. results.filetype .. '"') end
  wait_for('the client to initialize', function()
    local client = vim.lsp.get_client_by_id(client_id)
    return client ~= nil and client.initialized
  end)
  for _, step in ipairs(plan.steps or {}) do
    local handler = steps[step.kind]
    if not handler then error('unknown step kind ' .. tostring(step.kind)) end
    results.steps[step.name or step.kind] = handler(bufnr, uri, step)
  end
end

-- After startup has loaded the file (and so started the client).
vim.api.nvim_create_autocmd('VimEnter', {
  once = true,
  callback = function()
    vim.schedule(function()
      local ok, err = xpcall(run, debug.traceback)
      finish(ok, err)
    end)
  end,
})
