// Package lsp is avm's language server: it tells editors, while the user
// types, what in an Erlang module will not work on the project's AtomVM
// target, from the VM's own API registry (vm/api), so that the editor and
// the VM never disagree.
//
// Architecture:
//   - internal/transport: JSON-RPC over a byte stream (go.lsp.dev), messages
//     handled one at a time and in order.
//   - erlscan, erlparse: a hand-written scanner and light parser of Erlang.
//   - analysis: the diagnostics, as plain functions over a parsed module.
//   - workspace: the index of the project's modules (exports, definitions).
//   - settings: the AtomVM target and per-diagnostic settings from rebar.config.
//   - this package: the LSP server. Handlers only record the change and wake
//     the document's worker, which analyses the newest text off the read
//     loop (cancelling a run the next change supersedes) and publishes
//     diagnostics when they differ from what it last published. On save, if
//     erlc is installed, the compiler's errors and warnings join them until
//     the next edit.
package lsp

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"time"

	"go.lsp.dev/jsonrpc2"
	"go.lsp.dev/protocol"
	"go.lsp.dev/uri"

	"github.com/avmtool/avm/lsp/internal/transport"
	"github.com/avmtool/avm/lsp/settings"
	"github.com/avmtool/avm/lsp/workspace"
)

// Options configure a server.
type Options struct {
	// Override, if set, replaces the release and platform read from the
	// project (the command line's --atomvm and --target).
	Release, Platform string
	// Log receives the server's own messages (stderr for avm lsp).
	Log io.Writer
	// Version is reported to the client in serverInfo.
	Version string
}

// Serve runs a language server over rwc until the client sends exit or
// closes the stream. It returns the exit status LSP prescribes: 0 when a
// shutdown request came before exit, 1 otherwise.
func Serve(ctx context.Context, rwc io.ReadWriteCloser, opts Options) int {
	if opts.Log == nil {
		opts.Log = io.Discard
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	s := &server{
		ctx:        ctx,
		opts:       opts,
		exit:       make(chan struct{}),
		docs:       map[uri.URI]*document{},
		index:      workspace.New(),
		indexReady: make(chan struct{}),
		cfg:        settings.Default(),
	}
	if erlc, err := exec.LookPath("erlc"); err == nil {
		s.erlc = erlc
	}
	conn := transport.Start(ctx, rwc, s.logf, func(c protocol.Client) protocol.Server {
		s.client = c
		return s
	})
	select {
	case <-s.exit:
	case <-conn.Done():
		if err := conn.Err(); err != nil {
			s.logf("avm lsp: connection ended: %v", err)
		}
	case <-ctx.Done():
	}
	cancel()
	// Closing waits for the read loop, which a blocking read of standard
	// input may hold forever: give it a moment, not more.
	closed := make(chan struct{})
	go func() {
		conn.Close()
		close(closed)
	}()
	select {
	case <-closed:
	case <-time.After(100 * time.Millisecond):
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.shutdown {
		return 0
	}
	return 1
}

type server struct {
	protocol.UnimplementedServer
	ctx    context.Context // the server's lifetime
	opts   Options
	client protocol.Client
	logMu  sync.Mutex

	mu          sync.Mutex
	initialized bool
	shutdown    bool
	exitOnce    sync.Once
	exit        chan struct{}
	utf8        bool
	watchFiles  bool // the client can watch files for us
	root        string
	cfg         settings.Config
	docs        map[uri.URI]*document

	index      *workspace.Index
	indexReady chan struct{} // closed when the workspace is indexed
	erlc       string        // the compiler run on save, "" if not installed

	watchOnce  sync.Once
	fileEvents chan []protocol.FileEvent // to followFiles
}

func (s *server) logf(format string, args ...any) {
	s.logMu.Lock()
	defer s.logMu.Unlock()
	fmt.Fprintf(s.opts.Log, format+"\n", args...)
}

var (
	errNotInitialized = jsonrpc2.NewError(jsonrpc2.ServerNotInitialized, "the server is not initialized: send initialize first")
	errShutDown       = jsonrpc2.NewError(jsonrpc2.InvalidRequest, "the server is shut down: only exit is accepted")
)

// ready checks that requests may be served now.
func (s *server) ready() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	switch {
	case s.shutdown:
		return errShutDown
	case !s.initialized:
		return errNotInitialized
	}
	return nil
}

// initOptions are the initializationOptions the server reads.
type initOptions struct {
	Target      string            `json:"target"`
	AtomVM      string            `json:"atomvm"`
	Diagnostics map[string]string `json:"diagnostics"`
}

func (s *server) Initialize(ctx context.Context, p *protocol.InitializeParams) (*protocol.InitializeResult, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.initialized {
		return nil, jsonrpc2.NewError(jsonrpc2.InvalidRequest, "initialize was already sent")
	}
	if w := p.Capabilities.Workspace; w != nil && w.DidChangeWatchedFiles != nil && w.DidChangeWatchedFiles.DynamicRegistration != nil {
		s.watchFiles = *w.DidChangeWatchedFiles.DynamicRegistration
	}
	if g := p.Capabilities.General; g != nil {
		for _, enc := range g.PositionEncodings {
			if enc == protocol.PositionEncodingKindUTF8 {
				s.utf8 = true
			}
		}
	}
	if folders, ok := p.WorkspaceFolders.Get(); ok && len(folders) > 0 {
		s.root = filePath(folders[0].URI)
	} else if p.RootURI != nil {
		s.root = filePath(*p.RootURI)
	} else if path, ok := p.RootPath.Get(); ok {
		s.root = path
	}
	if s.root != "" {
		cfg, err := settings.Load(s.root)
		if err != nil {
			s.logf("avm lsp: %v (using %s)", err, cfg.Target())
		}
		s.cfg = cfg
	}
	if len(p.InitializationOptions) > 0 {
		var o initOptions
		if err := json.Unmarshal(p.InitializationOptions, &o); err != nil {
			return nil, jsonrpc2.Errorf(jsonrpc2.InvalidParams, "initializationOptions: %v", err)
		}
		if o.Target != "" {
			s.cfg.Platform = settings.NormPlatform(o.Target)
		}
		if o.AtomVM != "" {
			s.cfg.Release = settings.NormRelease(o.AtomVM)
		}
		for code, sev := range o.Diagnostics {
			s.cfg.Diagnostics[code] = sev
		}
	}
	if s.opts.Release != "" {
		s.cfg.Release = settings.NormRelease(s.opts.Release)
	}
	if s.opts.Platform != "" {
		s.cfg.Platform = settings.NormPlatform(s.opts.Platform)
	}
	if err := s.cfg.Validate(); err != nil {
		return nil, jsonrpc2.Errorf(jsonrpc2.InvalidParams, "%v", err)
	}
	s.initialized = true
	go s.loadIndex(s.root)
	from := "defaults"
	if s.cfg.Source != "" {
		from = s.cfg.Source
	}
	s.logf("avm lsp: checking against %s (settings: %s); project %q", s.cfg.Target(), from, s.root)

	enc := protocol.PositionEncodingKindUTF16
	if s.utf8 {
		enc = protocol.PositionEncodingKindUTF8
	}
	openClose, incremental := true, protocol.TextDocumentSyncKindIncremental
	res := &protocol.InitializeResult{
		Capabilities: protocol.ServerCapabilities{
			PositionEncoding: enc,
			TextDocumentSync: &protocol.TextDocumentSyncOptions{OpenClose: &openClose, Change: &incremental, Save: protocol.Boolean(true)},
			HoverProvider:    protocol.Boolean(true),
			CompletionProvider: &protocol.CompletionOptions{
				TriggerCharacters: []string{":"},
			},
			DefinitionProvider:     protocol.Boolean(true),
			DocumentSymbolProvider: protocol.Boolean(true),
			CodeActionProvider: &protocol.CodeActionOptions{
				CodeActionKinds: []protocol.CodeActionKind{protocol.CodeActionKindQuickFix},
			},
		},
		ServerInfo: protocol.ServerInfo{Name: "avm"},
	}
	if s.opts.Version != "" {
		res.ServerInfo.Version = protocol.NewOptional(s.opts.Version)
	}
	return res, nil
}

func (s *server) Initialized(ctx context.Context, p *protocol.InitializedParams) error {
	s.mu.Lock()
	watch := s.watchFiles && s.root != ""
	s.mu.Unlock()
	if !watch {
		return nil
	}
	// Ask the client to tell us about files changed outside the editor. A
	// request to the client: never from the read loop, which must read
	// its answer.
	go func() {
		opts, err := protocol.Marshal(&protocol.DidChangeWatchedFilesRegistrationOptions{Watchers: []protocol.FileSystemWatcher{
			{GlobPattern: protocol.Pattern("**/*.erl")},
			{GlobPattern: protocol.Pattern("**/*.hrl")},
			{GlobPattern: protocol.Pattern("**/rebar.config")},
		}})
		if err == nil {
			err = s.client.RegisterCapability(s.ctx, &protocol.RegistrationParams{Registrations: []protocol.Registration{{
				ID: "avm-watched-files", Method: protocol.MethodWorkspaceDidChangeWatchedFiles, RegisterOptions: opts,
			}}})
		}
		if err != nil && s.ctx.Err() == nil {
			s.logf("avm lsp: registering file watchers: %v", err)
		}
	}()
	return nil
}

// loadIndex indexes the project's modules; it runs off the read loop, and
// documents wait for it before their first analysis.
func (s *server) loadIndex(root string) {
	defer close(s.indexReady)
	if root == "" {
		return
	}
	if err := s.index.Load(root); err != nil {
		s.logf("avm lsp: indexing %s: %v", root, err)
	}
}

func (s *server) Shutdown(ctx context.Context) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if !s.initialized {
		return errNotInitialized
	}
	s.shutdown = true
	for _, d := range s.docs {
		d.stop()
	}
	return nil
}

func (s *server) Exit(ctx context.Context) error {
	s.exitOnce.Do(func() { close(s.exit) })
	return nil
}

// config returns the current settings.
func (s *server) config() (settings.Config, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.cfg, s.utf8
}

// filePath returns the file system path of a file: URI, or "".
func filePath(u uri.URI) string {
	if u.Scheme() != "file" {
		return ""
	}
	return filepath.FromSlash(u.Path())
}

// Stdio is the server's end of standard input and output, for Serve.
func Stdio() io.ReadWriteCloser { return stdio{} }

type stdio struct{}

func (stdio) Read(p []byte) (int, error)  { return os.Stdin.Read(p) }
func (stdio) Write(p []byte) (int, error) { return os.Stdout.Write(p) }
func (stdio) Close() error {
	err := os.Stdin.Close()
	if err2 := os.Stdout.Close(); err == nil {
		err = err2
	}
	return err
}
