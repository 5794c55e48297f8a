package lsp

import (
	"context"
	"fmt"
	"hash/fnv"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"sync"

	"go.lsp.dev/jsonrpc2"
	"go.lsp.dev/protocol"
	"go.lsp.dev/uri"

	"github.com/avmtool/avm/lsp/analysis"
	"github.com/avmtool/avm/lsp/erlparse"
	"github.com/avmtool/avm/lsp/settings"
	"github.com/avmtool/avm/lsp/workspace"
)

// document is an open text document and the worker that analyses it.
type document struct {
	uri  uri.URI
	path string // file path, "" for other URI schemes
	// erlang is false for documents the client opened that are not Erlang
	// source (an Elixir file, say): they get no diagnostics.
	erlang bool
	// include finds the files the document includes.
	include erlparse.IncludeFunc

	mu      sync.Mutex
	text    string
	version int32
	// parsed caches the parse of text at parsedVersion for requests.
	parsed        *erlparse.Module
	parsedVersion int32
	parsedValid   bool
	cancel        context.CancelFunc // cancels the running analysis
	published     uint64             // hash of the diagnostics last published
	hasPublished  bool
	closed        bool
	// compiled are erlc's diagnostics of the text saved as compiledVersion.
	compiled        []analysis.Diagnostic
	compiledVersion int32
	cancelCompile   context.CancelFunc

	wake chan struct{} // capacity 1: a pending analysis
	done chan struct{} // closed to stop the worker
	once sync.Once
}

func (d *document) stop() {
	d.once.Do(func() { close(d.done) })
}

// schedule asks the worker for an analysis of the newest text, cancelling
// the one in progress.
func (d *document) schedule() {
	d.mu.Lock()
	if d.cancel != nil {
		d.cancel()
	}
	d.mu.Unlock()
	select {
	case d.wake <- struct{}{}:
	default: // one is already pending; it will read the newest text
	}
}

// snapshot returns the current text, its version and its parse. It parses
// outside the lock, so that a change arriving meanwhile is not held up.
func (d *document) snapshot() (string, int32, *erlparse.Module) {
	d.mu.Lock()
	text, version := d.text, d.version
	if d.parsedValid && d.parsedVersion == version {
		defer d.mu.Unlock()
		return text, version, d.parsed
	}
	d.mu.Unlock()
	m := erlparse.ParseWith(text, d.include)
	d.mu.Lock()
	if d.version == version {
		d.parsed, d.parsedVersion, d.parsedValid = m, version, true
	}
	d.mu.Unlock()
	return text, version, m
}

func (s *server) doc(u uri.URI) *document {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.docs[u]
}

func (s *server) DidOpen(ctx context.Context, p *protocol.DidOpenTextDocumentParams) error {
	if err := s.ready(); err != nil {
		return err
	}
	td := p.TextDocument
	d := &document{
		uri: td.URI, path: filePath(td.URI), text: td.Text, version: td.Version,
		wake: make(chan struct{}, 1), done: make(chan struct{}),
	}
	s.mu.Lock()
	d.include = includer(d.path, s.root)
	s.mu.Unlock()
	switch ext := filepath.Ext(string(td.URI)); {
	case td.LanguageID == "erlang", ext == ".erl", ext == ".hrl", ext == ".escript":
		d.erlang = true
	}
	s.mu.Lock()
	if old := s.docs[td.URI]; old != nil {
		old.stop()
	}
	s.docs[td.URI] = d
	s.mu.Unlock()
	if d.erlang {
		go s.worker(d)
		d.schedule()
	}
	return nil
}

func (s *server) DidChange(ctx context.Context, p *protocol.DidChangeTextDocumentParams) error {
	if err := s.ready(); err != nil {
		return err
	}
	d := s.doc(p.TextDocument.URI)
	if d == nil {
		return fmt.Errorf("didChange of %s, which is not open", p.TextDocument.URI)
	}
	_, utf8 := s.config()
	d.mu.Lock()
	text := d.text
	for _, ch := range p.ContentChanges {
		switch c := ch.(type) {
		case *protocol.TextDocumentContentChangeWholeDocument:
			text = c.Text
		case *protocol.TextDocumentContentChangePartial:
			l := newLines(text, utf8)
			start, end := l.offset(c.Range.Start), l.offset(c.Range.End)
			if end < start {
				start, end = end, start
			}
			text = text[:start] + c.Text + text[end:]
		}
	}
	d.text, d.version = text, p.TextDocument.Version
	d.mu.Unlock()
	d.schedule()
	return nil
}

func (s *server) DidClose(ctx context.Context, p *protocol.DidCloseTextDocumentParams) error {
	if err := s.ready(); err != nil {
		return err
	}
	s.mu.Lock()
	d := s.docs[p.TextDocument.URI]
	delete(s.docs, p.TextDocument.URI)
	s.mu.Unlock()
	if d == nil {
		return nil
	}
	d.stop()
	d.mu.Lock()
	defer d.mu.Unlock()
	d.closed = true
	if d.cancel != nil {
		d.cancel()
	}
	if d.cancelCompile != nil {
		d.cancelCompile()
	}
	if d.hasPublished && d.published != hashDiagnostics(nil) {
		// Diagnostics of a closed file would stay in the editor.
		return s.client.PublishDiagnostics(s.ctx, &protocol.PublishDiagnosticsParams{URI: d.uri, Diagnostics: []protocol.Diagnostic{}})
	}
	return nil
}

func (s *server) DidSave(ctx context.Context, p *protocol.DidSaveTextDocumentParams) error {
	if err := s.ready(); err != nil {
		return err
	}
	if d := s.doc(p.TextDocument.URI); d != nil {
		s.compileOnSave(d)
	}
	path := filePath(p.TextDocument.URI)
	s.mu.Lock()
	root := s.root
	s.mu.Unlock()
	if root != "" && path == filepath.Join(root, "rebar.config") {
		s.reloadSettings(root)
		s.recheckAll(nil)
	}
	return nil
}

// reloadSettings reads rebar.config again: the target may have changed.
// The command line's settings still win; a bad file keeps the old ones.
func (s *server) reloadSettings(root string) {
	cfg, err := settings.Load(root)
	if err != nil {
		s.logf("avm lsp: %v", err)
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.opts.Release != "" {
		cfg.Release = settings.NormRelease(s.opts.Release)
	}
	if s.opts.Platform != "" {
		cfg.Platform = settings.NormPlatform(s.opts.Platform)
	}
	s.cfg = cfg
}

// DidChangeWatchedFiles follows changes made outside the editor: modules
// are indexed again (open ones excepted: the editor's text wins), and
// rebar.config read again.
func (s *server) DidChangeWatchedFiles(ctx context.Context, p *protocol.DidChangeWatchedFilesParams) error {
	if err := s.ready(); err != nil {
		return err
	}
	// Reading files is slow: off the read loop, by one goroutine that takes
	// the batches in order.
	s.watchOnce.Do(func() {
		s.fileEvents = make(chan []protocol.FileEvent, 64)
		go s.followFiles()
	})
	select {
	case s.fileEvents <- slices.Clone(p.Changes):
	case <-s.ctx.Done():
	}
	return nil
}

func (s *server) followFiles() {
	<-s.indexReady
	s.mu.Lock()
	root := s.root
	s.mu.Unlock()
	for {
		var changes []protocol.FileEvent
		select {
		case changes = <-s.fileEvents:
		case <-s.ctx.Done():
			return
		}
		for _, ch := range changes {
			path := filePath(ch.URI)
			switch {
			case path == "":
			case root != "" && path == filepath.Join(root, "rebar.config"):
				s.reloadSettings(root)
			case strings.HasSuffix(path, ".erl") && s.doc(ch.URI) == nil:
				if ch.Type == protocol.FileChangeTypeDeleted {
					s.index.Remove(path)
					continue
				}
				data, err := os.ReadFile(path)
				if err != nil {
					s.index.Remove(path)
					continue
				}
				s.index.Put(workspace.Summarize(path, false, erlparse.Parse(string(data))))
			}
		}
		s.recheckAll(nil)
	}
}

// recheckAll schedules an analysis of every open document but except.
func (s *server) recheckAll(except *document) {
	s.mu.Lock()
	docs := make([]*document, 0, len(s.docs))
	for _, d := range s.docs {
		if d != except {
			docs = append(docs, d)
		}
	}
	s.mu.Unlock()
	for _, d := range docs {
		d.schedule()
	}
}

// worker analyses the document each time it is woken, until stopped.
func (s *server) worker(d *document) {
	select {
	case <-s.indexReady:
	case <-d.done:
		return
	}
	for {
		select {
		case <-d.done:
			return
		case <-s.ctx.Done():
			return
		case <-d.wake:
		}
		s.analyse(d)
	}
}

// analyse checks the newest text of d and publishes the result if it is
// still current and differs from what was published.
func (s *server) analyse(d *document) {
	ctx, cancel := context.WithCancel(s.ctx)
	defer cancel()
	d.mu.Lock()
	d.cancel = cancel
	d.mu.Unlock()
	text, version, m := d.snapshot()
	cfg, utf8 := s.config()
	diags, err := analysis.Check(ctx, m, analysis.Options{Config: cfg, Workspace: s.index})
	if err != nil {
		return // superseded by a newer change, or shutting down
	}
	if d.path != "" && m.Name != "" && strings.HasSuffix(d.path, ".erl") {
		// What other modules see of this one may have changed.
		if s.index.Put(workspace.Summarize(d.path, false, m)) {
			s.recheckAll(d)
		}
	}
	d.mu.Lock()
	if d.compiledVersion == version && d.compiled != nil {
		diags = append(diags, d.compiled...)
		sort.SliceStable(diags, func(i, j int) bool { return diags[i].Pos < diags[j].Pos })
	}
	d.mu.Unlock()
	lsp := toProtocol(diags, newLines(text, utf8))
	h := hashDiagnostics(lsp)
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.closed || d.version != version || d.hasPublished && d.published == h {
		return
	}
	d.published, d.hasPublished = h, true
	// Published under the lock, so that a later run or didClose cannot
	// overtake it.
	if err := s.client.PublishDiagnostics(s.ctx, &protocol.PublishDiagnosticsParams{
		URI: d.uri, Version: protocol.NewOptional(version), Diagnostics: lsp,
	}); err != nil && s.ctx.Err() == nil && err != jsonrpc2.ErrClientClosing {
		s.logf("avm lsp: publishing diagnostics of %s: %v", d.uri, err)
	}
}

func toProtocol(diags []analysis.Diagnostic, l *lines) []protocol.Diagnostic {
	out := make([]protocol.Diagnostic, 0, len(diags))
	for _, d := range diags {
		source := d.Source
		if source == "" {
			source = "avm"
		}
		out = append(out, protocol.Diagnostic{
			Range:    l.rangeOf(d.Pos, d.End),
			Severity: protocol.DiagnosticSeverity(d.Severity),
			Code:     protocol.String(d.Code),
			Source:   protocol.NewOptional(source),
			Message:  protocol.String(d.Message),
		})
	}
	return out
}

func hashDiagnostics(diags []protocol.Diagnostic) uint64 {
	h := fnv.New64a()
	for _, d := range diags {
		fmt.Fprintf(h, "%d:%d-%d:%d %d %v %v\n", d.Range.Start.Line, d.Range.Start.Character,
			d.Range.End.Line, d.Range.End.Character, d.Severity, d.Code, d.Message)
	}
	return h.Sum64()
}
