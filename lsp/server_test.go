package lsp

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/textproto"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"go.lsp.dev/jsonrpc2"
	"go.lsp.dev/protocol"
	"go.lsp.dev/uri"
)

const esp32Config = `{avm, [{target, esp32}, {atomvm, "0.6"}]}.` + "\n"

func TestDiagnosticsFollowEdits(t *testing.T) {
	dir := writeProject(t, map[string]string{"rebar.config": esp32Config})
	c := startServer(t, Options{})
	c.initialize(dir, protocol.ClientCapabilities{})
	u := uri.File(filepath.Join(dir, "src", "app.erl"))
	c.open(u, "-module(app).\n-export([start/0]).\nstart() ->\n    ets:new(t, [set]).\n")
	p := c.waitDiagnostics(u, version(1))
	if len(p.Diagnostics) != 1 {
		t.Fatalf("got %d diagnostics, want 1:\n%s", len(p.Diagnostics), messages(p))
	}
	d := p.Diagnostics[0]
	want := protocol.Range{Start: protocol.Position{Line: 3, Character: 4}, End: protocol.Position{Line: 3, Character: 11}}
	if d.Range != want || d.Severity != protocol.DiagnosticSeverityError || d.Code != protocol.String("avm/unavailable-call") {
		t.Errorf("diagnostic = %+v, want ets:new at %v, error, avm/unavailable-call", d, want)
	}
	if msg := messages(p); !strings.Contains(msg, "ets:new/2 is not available on AtomVM 0.6 (esp32)") {
		t.Errorf("message %q does not name the function and the target", msg)
	}

	// Fixing the call clears the diagnostics.
	c.change(u, 2, protocol.Range{Start: protocol.Position{Line: 3, Character: 4}, End: protocol.Position{Line: 3, Character: 11}}, "maps:new")
	c.change(u, 3, protocol.Range{Start: protocol.Position{Line: 3, Character: 12}, End: protocol.Position{Line: 3, Character: 20}}, "")
	p = c.waitDiagnostics(u, version(3))
	if len(p.Diagnostics) != 0 {
		t.Errorf("after the fix: %s", messages(p))
	}

	// Closing the file clears its diagnostics; it had none, so nothing is
	// published.
	before := len(c.publications(u))
	c.notify(protocol.MethodTextDocumentDidClose, &protocol.DidCloseTextDocumentParams{TextDocument: protocol.TextDocumentIdentifier{URI: u}})
	if code := c.shutdown(); code != 0 {
		t.Errorf("exit status %d after shutdown, want 0", code)
	}
	if n := len(c.publications(u)); n != before {
		t.Errorf("%d publications after closing a clean file, want none", n-before)
	}
}

// TestWorkspaceFollowsOpenBuffers: exporting a function in one open module
// clears the diagnostics of another module that calls it.
func TestWorkspaceFollowsOpenBuffers(t *testing.T) {
	dir := writeProject(t, map[string]string{
		"src/helper.erl": "-module(helper).\n-export([a/0]).\na() -> ok.\nb() -> ok.\n",
	})
	c := startServer(t, Options{})
	c.initialize(dir, protocol.ClientCapabilities{})
	app := uri.File(filepath.Join(dir, "src", "app.erl"))
	c.open(app, "-module(app).\nf() -> helper:b().\n")
	p := c.waitDiagnostics(app, version(1))
	if msg := messages(p); !strings.Contains(msg, "helper:b/0: module helper (helper.erl) does not export b/0") {
		t.Fatalf("before: %q", msg)
	}
	helper := uri.File(filepath.Join(dir, "src", "helper.erl"))
	c.open(helper, "-module(helper).\n-export([a/0]).\na() -> ok.\nb() -> ok.\n")
	c.change(helper, 2, protocol.Range{Start: protocol.Position{Line: 1, Character: 13}, End: protocol.Position{Line: 1, Character: 13}}, ", b/0")
	c.waitDiagnostics(app, func(p *protocol.PublishDiagnosticsParams) bool { return len(p.Diagnostics) == 0 })
	c.shutdown()
}

// TestWatchedFiles: the server asks to watch the project's files, and a
// module changed on disk is indexed again.
func TestWatchedFiles(t *testing.T) {
	dir := writeProject(t, map[string]string{
		"src/helper.erl": "-module(helper).\n-export([a/0]).\na() -> ok.\n",
	})
	c := startServer(t, Options{})
	yes := true
	c.initialize(dir, protocol.ClientCapabilities{Workspace: &protocol.WorkspaceClientCapabilities{
		DidChangeWatchedFiles: &protocol.DidChangeWatchedFilesClientCapabilities{DynamicRegistration: &yes}}})
	app := uri.File(filepath.Join(dir, "src", "app.erl"))
	c.open(app, "-module(app).\nf() -> helper:b().\n")
	if p := c.waitDiagnostics(app, version(1)); len(p.Diagnostics) != 1 {
		t.Fatalf("before: %s", messages(p))
	}
	path := filepath.Join(dir, "src", "helper.erl")
	if err := os.WriteFile(path, []byte("-module(helper).\n-export([a/0, b/0]).\na() -> ok.\nb() -> ok.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	c.notify(protocol.MethodWorkspaceDidChangeWatchedFiles, &protocol.DidChangeWatchedFilesParams{
		Changes: []protocol.FileEvent{{URI: uri.File(path), Type: protocol.FileChangeTypeChanged}}})
	c.waitDiagnostics(app, func(p *protocol.PublishDiagnosticsParams) bool { return len(p.Diagnostics) == 0 })
	if regs := c.waitRegistrations(); len(regs) != 1 || regs[0].Method != protocol.MethodWorkspaceDidChangeWatchedFiles {
		t.Errorf("registrations: %+v", regs)
	}
	c.shutdown()
}

func TestCloseClearsDiagnostics(t *testing.T) {
	c := startServer(t, Options{Release: "0.6", Platform: "esp32"})
	c.initialize("", protocol.ClientCapabilities{})
	u := uri.URI("untitled:Untitled-1")
	c.open(u, "-module(x).\nf() -> ets:new(t, []).\n")
	c.waitDiagnostics(u, func(p *protocol.PublishDiagnosticsParams) bool { return len(p.Diagnostics) == 1 })
	c.notify(protocol.MethodTextDocumentDidClose, &protocol.DidCloseTextDocumentParams{TextDocument: protocol.TextDocumentIdentifier{URI: u}})
	c.waitDiagnostics(u, func(p *protocol.PublishDiagnosticsParams) bool { return len(p.Diagnostics) == 0 })
	c.shutdown()
}

// TestRapidChangesInOrder sends 200 incremental changes back to back: the
// server must apply all of them in order (a request after them sees all),
// publish the last version's diagnostics, and never publish an older
// version after a newer one.
func TestRapidChangesInOrder(t *testing.T) {
	c := startServer(t, Options{Release: "0.6", Platform: "esp32"})
	c.initialize("", protocol.ClientCapabilities{})
	u := uri.URI("untitled:rapid")
	c.open(u, "-module(rapid).\n")
	const n = 200
	for i := 1; i <= n; i++ {
		// Each change appends a function at the end of the text.
		line := uint32(i)
		text := fmt.Sprintf("f%d() -> ok.\n", i)
		if i == n {
			text = fmt.Sprintf("f%d() -> ets:new(t, []).\n", i)
		}
		c.change(u, int32(i+1), protocol.Range{Start: protocol.Position{Line: line}, End: protocol.Position{Line: line}}, text)
	}
	var syms []protocol.DocumentSymbol
	c.call(protocol.MethodTextDocumentDocumentSymbol, &protocol.DocumentSymbolParams{TextDocument: protocol.TextDocumentIdentifier{URI: u}}, &syms)
	if len(syms) != n {
		t.Fatalf("document symbols after %d changes: %d", n, len(syms))
	}
	for i, s := range syms {
		if want := fmt.Sprintf("f%d/0", i+1); s.Name != want || s.Range.Start.Line != uint32(i+1) {
			t.Fatalf("symbol %d = %s at line %d, want %s at line %d: changes applied out of order", i, s.Name, s.Range.Start.Line, want, i+1)
		}
	}
	p := c.waitDiagnostics(u, version(n+1))
	if len(p.Diagnostics) != 1 || p.Diagnostics[0].Range.Start.Line != n {
		t.Fatalf("last diagnostics: %+v", p.Diagnostics)
	}
	last := int32(0)
	for _, p := range c.publications(u) {
		v, _ := p.Version.Get()
		if v <= last {
			t.Errorf("version %d published after %d", v, last)
		}
		last = v
	}
	c.shutdown()
}

func TestUTF16AndUTF8Columns(t *testing.T) {
	// é is 2 bytes and 1 UTF-16 unit, 😀 4 bytes and 2 units.
	src := "-module(u).\nf() -> io:format(\"é😀 ~x\", [1, \"0x\"]).\n"
	for _, tc := range []struct {
		name string
		caps protocol.ClientCapabilities
		enc  protocol.PositionEncodingKind
		col  uint32
	}{
		{"utf-16 by default", protocol.ClientCapabilities{}, protocol.PositionEncodingKindUTF16, 22},
		{"utf-8 when offered", protocol.ClientCapabilities{General: &protocol.GeneralClientCapabilities{
			PositionEncodings: []protocol.PositionEncodingKind{protocol.PositionEncodingKindUTF8, protocol.PositionEncodingKindUTF16}}},
			protocol.PositionEncodingKindUTF8, 25},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := startServer(t, Options{Release: "0.6", Platform: "esp32"})
			res := c.initialize("", tc.caps)
			if res.Capabilities.PositionEncoding != tc.enc {
				t.Errorf("positionEncoding = %q, want %q", res.Capabilities.PositionEncoding, tc.enc)
			}
			u := uri.URI("untitled:u")
			c.open(u, src)
			p := c.waitDiagnostics(u, version(1))
			if len(p.Diagnostics) != 1 {
				t.Fatalf("diagnostics: %s", messages(p))
			}
			r := p.Diagnostics[0].Range
			if r.Start.Line != 1 || r.Start.Character != tc.col || r.End.Character != tc.col+2 {
				t.Errorf("~x at %+v, want line 1 characters %d-%d", r, tc.col, tc.col+2)
			}
			// An edit after the emoji, in the negotiated encoding, lands
			// where the client means: replace ~x by ~p and drop "0x".
			c.change(u, 2, protocol.Range{Start: protocol.Position{Line: 1, Character: tc.col}, End: protocol.Position{Line: 1, Character: tc.col + 2}}, "~p")
			p = c.waitDiagnostics(u, version(2))
			if msg := messages(p); !strings.Contains(msg, "needs 1 argument, the list has 2") {
				t.Errorf("after the edit: %q", msg)
			}
			c.shutdown()
		})
	}
}

func TestHoverAndCompletion(t *testing.T) {
	dir := writeProject(t, map[string]string{
		"rebar.config":   esp32Config,
		"src/helper.erl": "-module(helper).\n-export([go/1]).\n-spec go(integer()) -> integer().\ngo(X) -> X + 1.\n",
	})
	c := startServer(t, Options{})
	c.initialize(dir, protocol.ClientCapabilities{})
	u := uri.File(filepath.Join(dir, "src", "app.erl"))
	c.open(u, "-module(app).\nf(L) -> lists:map(fun g/1, L), helper:go(1), ets:new(a, []).\ng(X) -> X.\nh() -> lists:\n")
	c.waitDiagnostics(u, version(1))

	hover := func(line, char uint32) string {
		t.Helper()
		var h protocol.Hover
		c.call(protocol.MethodTextDocumentHover, &protocol.HoverParams{TextDocumentPositionParams: protocol.TextDocumentPositionParams{
			TextDocument: protocol.TextDocumentIdentifier{URI: u}, Position: protocol.Position{Line: line, Character: char}}}, &h)
		mc, ok := h.Contents.(*protocol.MarkupContent)
		if !ok {
			t.Fatalf("hover at %d:%d: contents %T", line, char, h.Contents)
		}
		return mc.Value
	}
	if h := hover(1, 16); !strings.Contains(h, "lists:map/2") || !strings.Contains(h, "AtomVM 0.6") || !strings.Contains(h, "Available on the target") {
		t.Errorf("hover on lists:map: %q", h)
	}
	if h := hover(1, 51); !strings.Contains(h, "ets:new/2") || !strings.Contains(h, "Not available on the target, AtomVM 0.6 (esp32)") {
		t.Errorf("hover on ets:new: %q", h)
	}
	if h := hover(1, 39); !strings.Contains(h, "-spec go(integer()) -> integer().") || !strings.Contains(h, "go(X) -> ...") {
		t.Errorf("hover on helper:go: %q", h)
	}
	if h := hover(1, 22); !strings.Contains(h, "g(X) -> ...") {
		t.Errorf("hover on fun g/1: %q", h)
	}

	var list protocol.CompletionList
	c.call(protocol.MethodTextDocumentCompletion, &protocol.CompletionParams{TextDocumentPositionParams: protocol.TextDocumentPositionParams{
		TextDocument: protocol.TextDocumentIdentifier{URI: u}, Position: protocol.Position{Line: 3, Character: 13}}}, &list)
	labels := map[string]bool{}
	for _, it := range list.Items {
		labels[it.Label] = true
	}
	if !labels["map/2"] || !labels["foldl/3"] {
		t.Errorf("completion after lists: lacks map/2 or foldl/3 (%d items)", len(list.Items))
	}

	// Go to definition of a function of another project module.
	var loc protocol.Location
	c.call(protocol.MethodTextDocumentDefinition, &protocol.DefinitionParams{TextDocumentPositionParams: protocol.TextDocumentPositionParams{
		TextDocument: protocol.TextDocumentIdentifier{URI: u}, Position: protocol.Position{Line: 1, Character: 39}}}, &loc)
	if loc.URI != uri.File(filepath.Join(dir, "src", "helper.erl")) || loc.Range.Start.Line != 3 {
		t.Errorf("definition of helper:go = %+v", loc)
	}
	c.shutdown()
}

func TestCodeActionRewritesDirective(t *testing.T) {
	c := startServer(t, Options{Release: "0.6", Platform: "esp32"})
	c.initialize("", protocol.ClientCapabilities{})
	u := uri.URI("untitled:ca")
	src := "-module(ca).\nf(N) -> io:format(\"~.16x~n\", [N, \"0x\"]).\n"
	c.open(u, src)
	p := c.waitDiagnostics(u, version(1))
	var actions []protocol.CodeAction
	c.call(protocol.MethodTextDocumentCodeAction, &protocol.CodeActionParams{
		TextDocument: protocol.TextDocumentIdentifier{URI: u},
		Range:        p.Diagnostics[0].Range,
		Context:      protocol.CodeActionContext{Diagnostics: p.Diagnostics},
	}, &actions)
	if len(actions) != 1 {
		t.Fatalf("got %d code actions, want 1", len(actions))
	}
	edits := actions[0].Edit.Changes[u]
	got := applyEdits(t, src, edits)
	if want := "-module(ca).\nf(N) -> io:format(\"~s~.16b~n\", [\"0x\", N]).\n"; got != want {
		t.Errorf("after %q:\n%s\nwant\n%s", actions[0].Title, got, want)
	}
	c.shutdown()
}

// applyEdits applies non-overlapping edits of a single-byte-per-unit text.
func applyEdits(t *testing.T, src string, edits []protocol.TextEdit) string {
	l := newLines(src, false)
	type edit struct {
		pos, end int
		text     string
	}
	var es []edit
	for _, e := range edits {
		es = append(es, edit{l.offset(e.Range.Start), l.offset(e.Range.End), e.NewText})
	}
	for i := len(es) - 1; i >= 0; i-- { // apply from the end
		for j := 0; j < i; j++ {
			if es[j].pos > es[j+1].pos {
				es[j], es[j+1] = es[j+1], es[j]
			}
		}
	}
	for i := len(es) - 1; i >= 0; i-- {
		src = src[:es[i].pos] + es[i].text + src[es[i].end:]
	}
	return src
}

func TestLifecycle(t *testing.T) {
	t.Run("exit without shutdown is status 1", func(t *testing.T) {
		c := startServer(t, Options{})
		c.initialize("", protocol.ClientCapabilities{})
		if code := c.exitNow(); code != 1 {
			t.Errorf("exit status %d, want 1", code)
		}
	})
	t.Run("requests before initialize", func(t *testing.T) {
		c := startServer(t, Options{})
		err := c.callErr(protocol.MethodTextDocumentHover, &protocol.HoverParams{}, nil)
		if code := rpcCode(err); code != jsonrpc2.ServerNotInitialized {
			t.Errorf("hover before initialize: %v, want code %d", err, jsonrpc2.ServerNotInitialized)
		}
	})
	t.Run("unknown method", func(t *testing.T) {
		c := startServer(t, Options{})
		c.initialize("", protocol.ClientCapabilities{})
		err := c.callErr("avm/noSuchMethod", map[string]int{"a": 1}, nil)
		if code := rpcCode(err); code != jsonrpc2.MethodNotFound {
			t.Errorf("unknown method: %v, want MethodNotFound", err)
		}
		err = c.callErr(protocol.MethodTextDocumentFormatting, &protocol.DocumentFormattingParams{}, nil)
		if code := rpcCode(err); code != jsonrpc2.MethodNotFound {
			t.Errorf("unimplemented method: %v, want MethodNotFound", err)
		}
		c.shutdown()
	})
	t.Run("requests after shutdown", func(t *testing.T) {
		c := startServer(t, Options{})
		c.initialize("", protocol.ClientCapabilities{})
		c.call(protocol.MethodShutdown, nil, nil)
		err := c.callErr(protocol.MethodTextDocumentHover, &protocol.HoverParams{}, nil)
		if code := rpcCode(err); code != jsonrpc2.InvalidRequest {
			t.Errorf("hover after shutdown: %v, want InvalidRequest", err)
		}
		if code := c.exitNow(); code != 0 {
			t.Errorf("exit status %d, want 0", code)
		}
	})
	t.Run("bad target", func(t *testing.T) {
		c := startServer(t, Options{Platform: "esp8266"})
		err := c.callErr(protocol.MethodInitialize, &protocol.InitializeParams{}, nil)
		if code := rpcCode(err); code != jsonrpc2.InvalidParams || !strings.Contains(err.Error(), "esp8266") {
			t.Errorf("initialize with a bad platform: %v", err)
		}
	})
}

func rpcCode(err error) jsonrpc2.Code {
	var e *jsonrpc2.Error
	if errors.As(err, &e) {
		return e.Code
	}
	return 0
}

// TestMalformedMessages writes raw frames: bad JSON, a message that is not
// JSON-RPC, a notification with bad params. The server answers what it can
// and keeps serving.
func TestMalformedMessages(t *testing.T) {
	srvEnd, cliEnd := net.Pipe()
	exit := make(chan int, 1)
	go func() { exit <- Serve(context.Background(), srvEnd, Options{}) }()
	defer cliEnd.Close()
	r := textproto.NewReader(bufio.NewReader(cliEnd))
	send := func(body string) {
		t.Helper()
		if _, err := fmt.Fprintf(cliEnd, "Content-Length: %d\r\n\r\n%s", len(body), body); err != nil {
			t.Fatal(err)
		}
	}
	recv := func() map[string]any {
		t.Helper()
		h, err := r.ReadMIMEHeader()
		if err != nil {
			t.Fatal(err)
		}
		n, err := strconv.Atoi(h.Get("Content-Length"))
		if err != nil {
			t.Fatal(err)
		}
		body := make([]byte, n)
		if _, err := io.ReadFull(r.R, body); err != nil {
			t.Fatal(err)
		}
		var m map[string]any
		if err := json.Unmarshal(body, &m); err != nil {
			t.Fatalf("%s: %v", body, err)
		}
		return m
	}
	errCode := func(m map[string]any) float64 {
		e, _ := m["error"].(map[string]any)
		code, _ := e["code"].(float64)
		return code
	}

	send(`{"jsonrpc":"2.0","id":1,"method":"initialize",`) // truncated JSON
	if m := recv(); errCode(m) != -32700 {
		t.Errorf("bad JSON: %v, want a parse error", m)
	}
	// Headers without a usable Content-Length are skipped.
	fmt.Fprint(cliEnd, "Content-Length: 0\r\n\r\nX-Junk\r\n\r\n")
	send(`{"jsonrpc":"2.0","id":2,"method":"initialize","params":{"capabilities":{}}}`)
	if m := recv(); m["result"] == nil {
		t.Fatalf("initialize after bad JSON: %v", m)
	}
	send(`{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":42}}`)
	send(`{"jsonrpc":"2.0","id":3,"method":"textDocument/hover","params":"nonsense"}`)
	if m := recv(); m["id"] != 3.0 || errCode(m) == 0 {
		t.Errorf("hover with bad params: %v, want an error answer", m)
	}
	send(`{"jsonrpc":"2.0","id":4,"method":"shutdown"}`)
	if m := recv(); m["id"] != 4.0 || m["error"] != nil {
		t.Errorf("shutdown: %v", m)
	}
	send(`{"jsonrpc":"2.0","method":"exit"}`)
	if code := <-exit; code != 0 {
		t.Errorf("exit status %d, want 0", code)
	}
}

// FuzzMessage sends one arbitrary message body after initialize and checks
// that the server still answers a shutdown request after it.
func FuzzMessage(f *testing.F) {
	for _, s := range []string{
		`{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":"file:///a.erl","languageId":"erlang","version":1,"text":"-module(a)."}}}`,
		`{"jsonrpc":"2.0","method":"textDocument/didChange","params":{"textDocument":{"uri":"file:///a.erl","version":2},"contentChanges":[{"range":{"start":{"line":99,"character":5},"end":{"line":0,"character":0}},"text":"x"}]}}`,
		`{"jsonrpc":"2.0","id":7,"method":"textDocument/hover","params":{"textDocument":{"uri":"file:///a.erl"},"position":{"line":0,"character":3}}}`,
		`{"jsonrpc":"2.0","id":"x","method":"textDocument/completion","params":null}`,
		`[]`, `[{"jsonrpc":"2.0","method":"exit"}]`, `{}`, `null`, `{"jsonrpc":"1.0","id":1,"method":"shutdown"}`,
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, body string) {
		if strings.Contains(body, `"exit"`) {
			return // exit ends the server by design
		}
		srvEnd, cliEnd := net.Pipe()
		exit := make(chan int, 1)
		go func() { exit <- Serve(context.Background(), srvEnd, Options{}) }()
		defer cliEnd.Close()
		send := func(b string) {
			fmt.Fprintf(cliEnd, "Content-Length: %d\r\n\r\n%s", len(b), b)
		}
		// Read everything the server writes, looking for the answer to id 424242.
		answered := make(chan bool, 1)
		go func() {
			r := textproto.NewReader(bufio.NewReader(cliEnd))
			for {
				h, err := r.ReadMIMEHeader()
				if err != nil {
					answered <- false
					return
				}
				n, _ := strconv.Atoi(h.Get("Content-Length"))
				buf := make([]byte, n)
				if _, err := io.ReadFull(r.R, buf); err != nil {
					answered <- false
					return
				}
				if strings.Contains(string(buf), `"id":424242`) {
					answered <- true
					return
				}
			}
		}()
		send(`{"jsonrpc":"2.0","id":424241,"method":"initialize","params":{"capabilities":{}}}`)
		send(body)
		send(`{"jsonrpc":"2.0","id":424242,"method":"shutdown"}`)
		if !<-answered {
			t.Fatalf("no answer to shutdown after %q", body)
		}
		send(`{"jsonrpc":"2.0","method":"exit"}`)
		<-exit
	})
}

func TestCompileOnSave(t *testing.T) {
	if _, err := exec.LookPath("erlc"); err != nil {
		t.Skip("erlc is not installed")
	}
	src := "-module(bad).\n-export([f/0]).\nf() -> X = 1, undefined_fn(), ok.\n"
	dir := writeProject(t, map[string]string{"src/bad.erl": src})
	c := startServer(t, Options{})
	c.initialize(dir, protocol.ClientCapabilities{})
	u := uri.File(filepath.Join(dir, "src", "bad.erl"))
	c.open(u, src)
	c.waitDiagnostics(u, version(1))
	c.notify(protocol.MethodTextDocumentDidSave, &protocol.DidSaveTextDocumentParams{TextDocument: protocol.TextDocumentIdentifier{URI: u}})
	p := c.waitDiagnostics(u, func(p *protocol.PublishDiagnosticsParams) bool { return len(p.Diagnostics) == 2 })
	type diag struct {
		line, start, end uint32
		sev              protocol.DiagnosticSeverity
		code, msg        string
	}
	want := []diag{
		{2, 7, 8, protocol.DiagnosticSeverityWarning, "erlc/warning", "variable 'X' is unused"},
		{2, 14, 26, protocol.DiagnosticSeverityError, "erlc/error", "function undefined_fn/0 undefined"},
	}
	for i, d := range p.Diagnostics {
		got := diag{d.Range.Start.Line, d.Range.Start.Character, d.Range.End.Character, d.Severity, string(d.Code.(protocol.String)), string(d.Message.(protocol.String))}
		if src, _ := d.Source.Get(); got != want[i] || src != "erlc" {
			t.Errorf("diagnostic %d = %+v from %q, want %+v from erlc", i, got, src, want[i])
		}
	}
	// An edit makes them stale: they go until the next save.
	c.change(u, 2, protocol.Range{Start: protocol.Position{Line: 3}, End: protocol.Position{Line: 3}}, "g() -> ok.\n")
	c.waitDiagnostics(u, func(p *protocol.PublishDiagnosticsParams) bool { return len(p.Diagnostics) == 0 })
	c.shutdown()
}

// TestIncludes: macros of included files expand where they are used, and
// go to definition reaches them.
func TestIncludes(t *testing.T) {
	src := "-module(m).\n-export([f/0]).\n-include(\"inc.hrl\").\nf() -> ?NEW(t).\n"
	dir := writeProject(t, map[string]string{
		"rebar.config":    esp32Config,
		"include/inc.hrl": "%% tables\n-define(NEW(N), ets:new(N, [])).\n",
		"src/m.erl":       src,
	})
	c := startServer(t, Options{})
	c.initialize(dir, protocol.ClientCapabilities{})
	u := uri.File(filepath.Join(dir, "src", "m.erl"))
	c.open(u, src)
	p := c.waitDiagnostics(u, version(1))
	want := protocol.Range{Start: protocol.Position{Line: 3, Character: 7}, End: protocol.Position{Line: 3, Character: 14}}
	if len(p.Diagnostics) != 1 || p.Diagnostics[0].Range != want || !strings.Contains(messages(p), "ets:new/2") {
		t.Fatalf("diagnostics %+v: %s", p.Diagnostics, messages(p))
	}
	var h protocol.Hover
	c.call(protocol.MethodTextDocumentHover, &protocol.HoverParams{TextDocumentPositionParams: protocol.TextDocumentPositionParams{
		TextDocument: protocol.TextDocumentIdentifier{URI: u}, Position: protocol.Position{Line: 3, Character: 9}}}, &h)
	if mc, ok := h.Contents.(*protocol.MarkupContent); !ok || !strings.Contains(mc.Value, "?NEW(N) -> ets : new ( N , [ ] )") || !strings.Contains(mc.Value, "inc.hrl") {
		t.Errorf("hover on ?NEW: %+v", h.Contents)
	}
	var loc protocol.Location
	c.call(protocol.MethodTextDocumentDefinition, &protocol.DefinitionParams{TextDocumentPositionParams: protocol.TextDocumentPositionParams{
		TextDocument: protocol.TextDocumentIdentifier{URI: u}, Position: protocol.Position{Line: 3, Character: 9}}}, &loc)
	wantLoc := protocol.Location{URI: uri.File(filepath.Join(dir, "include", "inc.hrl")),
		Range: protocol.Range{Start: protocol.Position{Line: 1, Character: 8}, End: protocol.Position{Line: 1, Character: 11}}}
	if loc != wantLoc {
		t.Errorf("definition of ?NEW = %+v, want %+v", loc, wantLoc)
	}
	c.shutdown()
}

// TestImportTableOnSave: a call in a function of an included file is
// found in the compiled module's import table.
func TestImportTableOnSave(t *testing.T) {
	if _, err := exec.LookPath("erlc"); err != nil {
		t.Skip("erlc is not installed")
	}
	src := "-module(m).\n-export([f/0]).\n-include(\"fns.hrl\").\nf() -> helper().\n"
	dir := writeProject(t, map[string]string{
		"rebar.config": esp32Config,
		"src/fns.hrl":  "helper() -> ets:new(t, []).\n",
		"src/m.erl":    src,
	})
	c := startServer(t, Options{})
	c.initialize(dir, protocol.ClientCapabilities{})
	u := uri.File(filepath.Join(dir, "src", "m.erl"))
	c.open(u, src)
	if p := c.waitDiagnostics(u, version(1)); len(p.Diagnostics) != 0 {
		t.Fatalf("before saving: %s", messages(p))
	}
	c.notify(protocol.MethodTextDocumentDidSave, &protocol.DidSaveTextDocumentParams{TextDocument: protocol.TextDocumentIdentifier{URI: u}})
	p := c.waitDiagnostics(u, func(p *protocol.PublishDiagnosticsParams) bool { return len(p.Diagnostics) > 0 })
	if len(p.Diagnostics) != 1 {
		t.Fatalf("after saving: %s", messages(p))
	}
	d := p.Diagnostics[0]
	if d.Range.Start != (protocol.Position{Line: 0, Character: 8}) || !strings.Contains(messages(p), "the compiled module calls ets:new/2") ||
		!strings.Contains(messages(p), "not available on AtomVM 0.6 (esp32)") {
		t.Errorf("diagnostic %+v: %s", d.Range, messages(p))
	}
	c.shutdown()
}
