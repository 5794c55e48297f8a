// End-to-end test of avm lsp driven by vscode-languageserver-protocol, the
// JSON-RPC and protocol layer of VS Code's language client.
//
// Usage: node e2e.mjs SERVER PROJECT_DIR
// SERVER is started with AVM_LSP_SERVE=1 in its environment (the Go test
// binary then serves; `avm lsp` ignores it). Prints "e2e: ok" and exits 0
// when every check passes.
import { spawn } from 'node:child_process';
import assert from 'node:assert/strict';
import { pathToFileURL } from 'node:url';
import * as rpc from 'vscode-languageserver-protocol/node.js';

const [server, dir] = process.argv.slice(2);
const child = spawn(server, process.argv.slice(4), {
  env: { ...process.env, AVM_LSP_SERVE: '1' },
  stdio: ['pipe', 'pipe', 'inherit'],
});
const exited = new Promise((resolve) => child.on('exit', (code) => resolve(code)));
const conn = rpc.createMessageConnection(
  new rpc.StreamMessageReader(child.stdout),
  new rpc.StreamMessageWriter(child.stdin),
);

// Diagnostics by URI, and waiters for a condition on them.
const published = new Map();
let waiters = [];
conn.onNotification(rpc.PublishDiagnosticsNotification.type, (p) => {
  published.set(p.uri, p);
  waiters = waiters.filter((w) => !w(p));
});
function diagnostics(uri, test, what) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`timed out waiting for ${what}`)), 10000);
    const check = (p) => {
      if (p.uri === uri && test(p)) {
        clearTimeout(timer);
        resolve(p);
        return true;
      }
      return false;
    };
    const last = published.get(uri);
    if (!(last && check(last))) waiters.push(check);
  });
}
conn.listen();

const init = await conn.sendRequest(rpc.InitializeRequest.type, {
  processId: process.pid,
  rootUri: pathToFileURL(dir).href,
  capabilities: {},
  workspaceFolders: null,
});
assert.equal(init.capabilities.positionEncoding, 'utf-16');
assert.equal(init.capabilities.textDocumentSync.change, rpc.TextDocumentSyncKind.Incremental);
assert.equal(init.serverInfo.name, 'avm');
await conn.sendNotification(rpc.InitializedNotification.type, {});

// A call the esp32 0.6 target lacks, after characters that take one and two
// UTF-16 units.
const uri = pathToFileURL(`${dir}/src/app.erl`).href;
const text = '-module(app).\n-export([start/0]).\nstart() -> "é😀", ets:new(t, []).\n';
await conn.sendNotification(rpc.DidOpenTextDocumentNotification.type, {
  textDocument: { uri, languageId: 'erlang', version: 1, text },
});
let p = await diagnostics(uri, (p) => p.version === 1, 'diagnostics of version 1');
assert.equal(p.diagnostics.length, 1, JSON.stringify(p.diagnostics));
const d = p.diagnostics[0];
assert.deepEqual(d.range, { start: { line: 2, character: 18 }, end: { line: 2, character: 25 } });
assert.equal(d.severity, rpc.DiagnosticSeverity.Error);
assert.equal(d.code, 'avm/unavailable-call');
assert.equal(d.source, 'avm');
assert.match(d.message, /ets:new\/2 is not available on AtomVM 0\.6 \(esp32\)/);

// Hover and completion.
const hover = await conn.sendRequest(rpc.HoverRequest.type, {
  textDocument: { uri }, position: { line: 2, character: 23 },
});
assert.match(hover.contents.value, /ets:new\/2/);
const completion = await conn.sendRequest(rpc.CompletionRequest.type, {
  textDocument: { uri }, position: { line: 2, character: 23 },
});
assert.ok(completion.items.some((i) => i.label === 'new/2'), 'completion after ets: offers new/2');

// An incremental edit in UTF-16 columns fixes the call.
await conn.sendNotification(rpc.DidChangeTextDocumentNotification.type, {
  textDocument: { uri, version: 2 },
  contentChanges: [{ range: { start: { line: 2, character: 18 }, end: { line: 2, character: 32 } }, text: 'maps:new()' }],
});
p = await diagnostics(uri, (p) => p.version === 2, 'diagnostics of version 2');
assert.deepEqual(p.diagnostics, []);

// Unknown requests are MethodNotFound.
await assert.rejects(conn.sendRequest('avm/noSuchRequest', {}), (e) => e.code === rpc.ErrorCodes.MethodNotFound);

await conn.sendRequest(rpc.ShutdownRequest.type);
await conn.sendNotification(rpc.ExitNotification.type);
assert.equal(await exited, 0);
conn.dispose();
console.log('e2e: ok');
