package lsp

import (
	"context"
	"net"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"go.lsp.dev/jsonrpc2"
	"go.lsp.dev/protocol"
	"go.lsp.dev/uri"

	"github.com/avmtool/avm/lsp/internal/transport"
)

// fakeClient drives a server over an in-memory pipe, as an editor would.
type fakeClient struct {
	t    testing.TB
	conn jsonrpc2.Conn
	raw  net.Conn
	exit chan int // the server's exit status

	mu            sync.Mutex
	diags         map[uri.URI][]*protocol.PublishDiagnosticsParams
	registrations []protocol.Registration
	cond          *sync.Cond
}

// waitTimeout bounds every wait: a server that never answers fails the
// test instead of hanging it.
const waitTimeout = 10 * time.Second

func startServer(t testing.TB, opts Options) *fakeClient {
	t.Helper()
	srvEnd, cliEnd := net.Pipe()
	c := &fakeClient{t: t, raw: cliEnd, exit: make(chan int, 1), diags: map[uri.URI][]*protocol.PublishDiagnosticsParams{}}
	c.cond = sync.NewCond(&c.mu)
	go func() { c.exit <- Serve(context.Background(), srvEnd, opts) }()
	c.conn = jsonrpc2.NewConn(jsonrpc2.NewStream(cliEnd), jsonrpc2.WithCodec(transport.Codec{}))
	c.conn.Go(context.Background(), func(ctx context.Context, r *jsonrpc2.Request) (any, error) {
		if r.Method() == protocol.MethodClientRegisterCapability {
			var p protocol.RegistrationParams
			if err := protocol.Unmarshal(r.Params(), &p); err != nil {
				t.Errorf("registerCapability: %v", err)
			}
			c.mu.Lock()
			c.registrations = append(c.registrations, p.Registrations...)
			c.cond.Broadcast()
			c.mu.Unlock()
			return nil, nil
		}
		if r.Method() != protocol.MethodTextDocumentPublishDiagnostics {
			return jsonrpc2.MethodNotFoundHandler(ctx, r)
		}
		var p protocol.PublishDiagnosticsParams
		if err := protocol.Unmarshal(r.Params(), &p); err != nil {
			t.Errorf("publishDiagnostics: %v", err)
			return nil, nil
		}
		c.mu.Lock()
		c.diags[p.URI] = append(c.diags[p.URI], &p)
		c.cond.Broadcast()
		c.mu.Unlock()
		return nil, nil
	})
	t.Cleanup(func() { c.conn.Close(); cliEnd.Close() })
	return c
}

// initialize sends initialize and initialized for a project at root.
func (c *fakeClient) initialize(root string, caps protocol.ClientCapabilities) *protocol.InitializeResult {
	c.t.Helper()
	p := &protocol.InitializeParams{Capabilities: caps}
	if root != "" {
		u := uri.File(root)
		p.RootURI = &u
	}
	var res protocol.InitializeResult
	c.call(protocol.MethodInitialize, p, &res)
	c.notify(protocol.MethodInitialized, &protocol.InitializedParams{})
	return &res
}

func (c *fakeClient) call(method string, params, result any) {
	c.t.Helper()
	if err := c.callErr(method, params, result); err != nil {
		c.t.Fatalf("%s: %v", method, err)
	}
}

func (c *fakeClient) callErr(method string, params, result any) error {
	ctx, cancel := context.WithTimeout(context.Background(), waitTimeout)
	defer cancel()
	_, err := c.conn.Call(ctx, method, params, result)
	return err
}

func (c *fakeClient) notify(method string, params any) {
	c.t.Helper()
	if err := c.conn.Notify(context.Background(), method, params); err != nil {
		c.t.Fatalf("%s: %v", method, err)
	}
}

func (c *fakeClient) open(u uri.URI, text string) {
	c.t.Helper()
	c.notify(protocol.MethodTextDocumentDidOpen, &protocol.DidOpenTextDocumentParams{
		TextDocument: protocol.TextDocumentItem{URI: u, LanguageID: "erlang", Version: 1, Text: text},
	})
}

// change replaces range r by text, as version v.
func (c *fakeClient) change(u uri.URI, v int32, r protocol.Range, text string) {
	c.t.Helper()
	c.notify(protocol.MethodTextDocumentDidChange, &protocol.DidChangeTextDocumentParams{
		TextDocument:   protocol.VersionedTextDocumentIdentifier{TextDocumentIdentifier: protocol.TextDocumentIdentifier{URI: u}, Version: v},
		ContentChanges: []protocol.TextDocumentContentChangeEvent{&protocol.TextDocumentContentChangePartial{Range: r, Text: text}},
	})
}

// waitDiagnostics waits for a publication for u that satisfies ok and
// returns it.
func (c *fakeClient) waitDiagnostics(u uri.URI, ok func(*protocol.PublishDiagnosticsParams) bool) *protocol.PublishDiagnosticsParams {
	c.t.Helper()
	deadline := time.Now().Add(waitTimeout)
	timer := time.AfterFunc(waitTimeout, func() { c.mu.Lock(); c.cond.Broadcast(); c.mu.Unlock() })
	defer timer.Stop()
	c.mu.Lock()
	defer c.mu.Unlock()
	for {
		for _, p := range c.diags[u] {
			if ok(p) {
				return p
			}
		}
		if time.Now().After(deadline) {
			c.t.Fatalf("no matching diagnostics for %s after %v; got %d publications", u, waitTimeout, len(c.diags[u]))
		}
		c.cond.Wait()
	}
}

// version matches a publication for a document version.
func version(v int32) func(*protocol.PublishDiagnosticsParams) bool {
	return func(p *protocol.PublishDiagnosticsParams) bool {
		got, ok := p.Version.Get()
		return ok && got == v
	}
}

func (c *fakeClient) publications(u uri.URI) []*protocol.PublishDiagnosticsParams {
	c.mu.Lock()
	defer c.mu.Unlock()
	return append([]*protocol.PublishDiagnosticsParams(nil), c.diags[u]...)
}

// shutdown sends shutdown and exit and returns the exit status.
func (c *fakeClient) shutdown() int {
	c.t.Helper()
	c.call(protocol.MethodShutdown, nil, nil)
	return c.exitNow()
}

func (c *fakeClient) exitNow() int {
	c.t.Helper()
	c.notify(protocol.MethodExit, nil)
	select {
	case code := <-c.exit:
		return code
	case <-time.After(waitTimeout):
		c.t.Fatal("the server did not exit")
	}
	return -1
}

// project writes files (path → content) into a temporary directory.
func writeProject(t testing.TB, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, content := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func messages(p *protocol.PublishDiagnosticsParams) string {
	var b strings.Builder
	for _, d := range p.Diagnostics {
		b.WriteString(string(d.Message.(protocol.String)) + "\n")
	}
	return b.String()
}

// waitRegistrations waits for the server to register capabilities.
func (c *fakeClient) waitRegistrations() []protocol.Registration {
	c.t.Helper()
	timer := time.AfterFunc(waitTimeout, func() { c.mu.Lock(); c.cond.Broadcast(); c.mu.Unlock() })
	defer timer.Stop()
	deadline := time.Now().Add(waitTimeout)
	c.mu.Lock()
	defer c.mu.Unlock()
	for len(c.registrations) == 0 {
		if time.Now().After(deadline) {
			c.t.Fatal("the server registered nothing")
		}
		c.cond.Wait()
	}
	return c.registrations
}
