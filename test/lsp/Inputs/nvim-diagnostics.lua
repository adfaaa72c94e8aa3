-- Headless Neovim (0.7 or later) as privacy-lsp's client: start the server
-- for the current buffer with the built-in vim.lsp, wait for its
-- diagnostics, and write them to $NVIM_OUT, one a line, then quit.
local out = assert(io.open(os.getenv('NVIM_OUT'), 'w'))
local client_id = vim.lsp.start_client({
  name = 'privacy-lsp',
  cmd = { os.getenv('PRIVACY_LSP') },
  root_dir = vim.fn.getcwd(),
})
vim.lsp.buf_attach_client(0, client_id)
local received = vim.wait(60000, function()
  return #vim.diagnostic.get(0) > 0
end, 50)
if not received then
  out:write('no diagnostics received\n')
end
for _, d in ipairs(vim.diagnostic.get(0)) do
  local lsp = (d.user_data or {}).lsp or {}
  out:write(string.format('%d:%d %s [%s] %s\n', d.lnum + 1, d.col + 1,
    d.source or '-', d.code or lsp.code or '-', d.message))
end
out:close()
vim.lsp.stop_client(client_id)
vim.cmd('qall!')
