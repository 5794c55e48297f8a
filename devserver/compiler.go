package devserver

import (
	"bufio"
	"bytes"
	"context"
	"crypto/sha256"
	_ "embed"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/avmtool/avm/project"
)

// The compile server's Erlang source, compiled with erlc into the cache the
// first time a given erl runs it.
//
//go:embed avm_dev_compile_server.erl
var compileServerSource []byte

const compileServerModule = "avm_dev_compile_server"

// Diagnostic is one message of the compiler about a source.
type Diagnostic struct {
	File     string `json:"file"`
	Line     int    `json:"line"`
	Col      int    `json:"col"`
	Severity string `json:"severity"` // "error" or "warning"
	Message  string `json:"message"`
}

// String formats the diagnostic as compilers do: file:line:col: message.
func (d Diagnostic) String() string {
	if d.File == "" {
		return d.Message // a tool's message that names no file
	}
	loc := d.File
	if d.Line > 0 {
		loc += fmt.Sprintf(":%d", d.Line)
		if d.Col > 0 {
			loc += fmt.Sprintf(":%d", d.Col)
		}
	}
	if d.Severity == "warning" {
		return loc + ": warning: " + d.Message
	}
	return loc + ": " + d.Message
}

// Compiled is the outcome of compiling one source: a module, or errors.
type Compiled struct {
	Module      string
	BEAM        []byte // nil when the source has errors
	Diagnostics []Diagnostic
}

// CompileServer is one long-lived erl node that compiles Erlang sources on
// request, so that compiling a module costs tens of milliseconds instead of
// a BEAM boot per erlc call. It is started on first use and started again
// when it dies. Its methods are safe for concurrent use; requests are
// served one at a time.
type CompileServer struct {
	// CacheDir holds the compiled compile server, one directory per
	// version of its source and of erl.
	CacheDir string

	mu       sync.Mutex
	proc     *exec.Cmd
	stdin    io.WriteCloser
	stdout   *bufio.Reader
	stderr   *tailBuffer
	restarts int
	// afterSend, when set (tests), runs once a request is written and
	// before its reply is read.
	afterSend func(proc *os.Process)
}

// NewCompileServer returns a compile server that caches its own compiled
// code under cacheDir. It starts nothing yet.
func NewCompileServer(cacheDir string) *CompileServer {
	return &CompileServer{CacheDir: cacheDir}
}

// Restarts tells how many times the server was started again after dying.
func (s *CompileServer) Restarts() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.restarts
}

// Compile compiles the Erlang source file with the include directories and
// erlc-style flags (+Term, -DName, -DName=Value, -IDir) given. An error
// means the compile server could not be run; errors in the source are in
// the Compiled's Diagnostics.
func (s *CompileServer) Compile(ctx context.Context, file string, includes, flags []string) (*Compiled, error) {
	reply, err := s.request(ctx, compileRequest(file, includes, flags))
	if err != nil {
		return nil, err
	}
	return parseReply(file, reply)
}

// request sends a request and returns its reply. When the node died
// (killed, out of memory) it starts a fresh one and asks again, once.
func (s *CompileServer) request(ctx context.Context, req []byte) ([]byte, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	reply, err := s.roundTrip(ctx, req)
	if err != nil && ctx.Err() == nil {
		s.stopLocked()
		s.restarts++
		reply, err = s.roundTrip(ctx, req)
	}
	if err != nil {
		s.stopLocked()
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		return nil, err
	}
	return reply, nil
}

// CompileElixir compiles Elixir sources together into outDir (which it
// empties first), as elixirc does. An error means the compile server could
// not be run; errors in the sources are in the Compiled's Diagnostics, and
// its Module and BEAM are empty: the modules are the .beam files of
// outDir.
func (s *CompileServer) CompileElixir(ctx context.Context, files []string, outDir string) (*Compiled, error) {
	if _, err := elixirEbins(); err != nil {
		return nil, err
	}
	if err := os.RemoveAll(outDir); err != nil {
		return nil, err
	}
	if err := os.MkdirAll(outDir, 0o755); err != nil {
		return nil, err
	}
	var b bytes.Buffer
	b.WriteString("{elixir, [")
	for i, f := range files {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(erlString(f))
	}
	b.WriteString("], " + erlString(outDir) + "}.")
	reply, err := s.request(ctx, b.Bytes())
	if err != nil {
		return nil, err
	}
	c, err := parseReply(strings.Join(files, " "), reply)
	if err != nil {
		return nil, err
	}
	c.BEAM = nil
	return c, nil
}

// elixirEbins finds the code of the Elixir installation whose elixirc
// is on PATH (or $ELIXIRC): the ebin directories of BIN/../lib/*.
func elixirEbins() ([]string, error) {
	elixirc, err := project.Elixirc.Path()
	if err != nil {
		return nil, err
	}
	real, err := filepath.EvalSymlinks(elixirc)
	if err != nil {
		return nil, err
	}
	ebins, _ := filepath.Glob(filepath.Join(filepath.Dir(filepath.Dir(real)), "lib", "*", "ebin"))
	if len(ebins) == 0 {
		return nil, fmt.Errorf("no Elixir libraries (lib/*/ebin) beside %s", real)
	}
	return ebins, nil
}

// maxReply bounds a reply: a module's BEAM file and its diagnostics.
const maxReply = 256 << 20

// roundTrip sends one request and reads its reply, starting the node if
// needed; the caller holds s.mu.
func (s *CompileServer) roundTrip(ctx context.Context, req []byte) ([]byte, error) {
	if s.proc == nil {
		if err := s.startLocked(); err != nil {
			return nil, err
		}
	}
	proc := s.proc.Process
	stop := context.AfterFunc(ctx, func() { proc.Kill() })
	defer stop()
	frame := binary.BigEndian.AppendUint32(nil, uint32(len(req)))
	if _, err := s.stdin.Write(append(frame, req...)); err != nil {
		return nil, s.died(err)
	}
	if s.afterSend != nil {
		s.afterSend(proc)
	}
	var size [4]byte
	if _, err := io.ReadFull(s.stdout, size[:]); err != nil {
		return nil, s.died(err)
	}
	n := binary.BigEndian.Uint32(size[:])
	if n > maxReply {
		// Not a length: something printed on stdout.
		return nil, fmt.Errorf("compile server (erl) wrote %q on stdout where a reply belongs", size[:])
	}
	reply := make([]byte, n)
	if _, err := io.ReadFull(s.stdout, reply); err != nil {
		return nil, s.died(err)
	}
	return reply, nil
}

// died describes a compile server that stopped answering.
func (s *CompileServer) died(err error) error {
	msg := strings.TrimSpace(s.stderr.String())
	if msg != "" {
		return fmt.Errorf("compile server (erl) stopped: %v: %s", err, msg)
	}
	return fmt.Errorf("compile server (erl) stopped: %v", err)
}

func (s *CompileServer) startLocked() error {
	erl, err := erlTool.Path()
	if err != nil {
		return err
	}
	dir, err := s.ensureCompiled(erl)
	if err != nil {
		return err
	}
	args := []string{"-noshell", "-noinput", "-pa", dir}
	if ebins, err := elixirEbins(); err == nil {
		// Elixir is installed: the node compiles Elixir too.
		args = append(args, "-pa")
		args = append(args, ebins...)
	}
	cmd := exec.Command(erl, append(args, "-s", compileServerModule, "main")...)
	stdin, err := cmd.StdinPipe()
	if err != nil {
		return err
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		return err
	}
	s.stderr = &tailBuffer{max: 4096}
	cmd.Stderr = s.stderr
	if err := cmd.Start(); err != nil {
		return fmt.Errorf("starting the compile server: %w", err)
	}
	s.proc, s.stdin, s.stdout = cmd, stdin, bufio.NewReaderSize(stdout, 64<<10)
	return nil
}

// erlTool is erl, found as project.Erlc finds erlc.
var erlTool = project.Tool{Name: "erl", Env: "ERL", Purpose: "to run the compile server of avm dev", Install: project.Erlc.Install}

// ensureCompiled compiles the compile server for this erl into the cache,
// once, and returns the directory of its .beam.
func (s *CompileServer) ensureCompiled(erl string) (string, error) {
	h := sha256.New()
	h.Write(compileServerSource)
	real, err := filepath.EvalSymlinks(erl)
	if err != nil {
		real = erl
	}
	fmt.Fprintf(h, "\x00%s", real)
	if info, err := os.Stat(real); err == nil {
		fmt.Fprintf(h, " %d %d", info.Size(), info.ModTime().UnixNano())
	}
	dir := filepath.Join(s.CacheDir, "compile-server-"+hex.EncodeToString(h.Sum(nil))[:16])
	if _, err := os.Stat(filepath.Join(dir, compileServerModule+".beam")); err == nil {
		return dir, nil
	}
	erlc, err := project.Erlc.Path()
	if err != nil {
		return "", err
	}
	if err := os.MkdirAll(s.CacheDir, 0o755); err != nil {
		return "", err
	}
	tmp, err := os.MkdirTemp(s.CacheDir, ".build-")
	if err != nil {
		return "", err
	}
	defer os.RemoveAll(tmp)
	src := filepath.Join(tmp, compileServerModule+".erl")
	if err := os.WriteFile(src, compileServerSource, 0o644); err != nil {
		return "", err
	}
	out, err := exec.Command(erlc, "-o", tmp, src).CombinedOutput()
	if err != nil {
		return "", fmt.Errorf("compiling the compile server with %s: %v: %s", erlc, err, bytes.TrimSpace(out))
	}
	os.Remove(src)
	// Another devserver may have won the race: its copy is as good.
	if err := os.Rename(tmp, dir); err != nil {
		if _, statErr := os.Stat(filepath.Join(dir, compileServerModule+".beam")); statErr != nil {
			return "", err
		}
	}
	return dir, nil
}

// Close stops the node: it halts when its stdin closes.
func (s *CompileServer) Close() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.stopLocked()
	return nil
}

func (s *CompileServer) stopLocked() {
	if s.proc == nil {
		return
	}
	s.stdin.Close()
	done := make(chan struct{})
	go func() {
		s.proc.Wait()
		close(done)
	}()
	select {
	case <-done:
	case <-time.After(2 * time.Second):
		s.proc.Process.Kill()
		<-done
	}
	s.proc, s.stdin, s.stdout = nil, nil, nil
}

// compileRequest writes a request as the Erlang term the server parses:
// {compile, File, IncludeDirs, Flags}.
func compileRequest(file string, includes, flags []string) []byte {
	var b bytes.Buffer
	b.WriteString("{compile, ")
	b.WriteString(erlString(file))
	b.WriteString(", [")
	for i, d := range includes {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(erlString(d))
	}
	b.WriteString("], [")
	for i, f := range flags {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(erlString(f))
	}
	b.WriteString("]}.")
	return b.Bytes()
}

// erlString quotes s as an Erlang string literal.
func erlString(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"' || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r < 0x20 || r == 0x7f:
			fmt.Fprintf(&b, "\\x{%x}", r)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

// parseReply decodes a reply frame:
//
//	status:8 (0 compiled, 1 errors, 2 server failure), count:32, diagnostics,
//	module-length:16 module, beam-length:32 beam
//
// with each diagnostic severity:8 (0 error, 1 warning), line:32, col:32,
// file-length:16 file, message-length:32 message.
func parseReply(file string, b []byte) (*Compiled, error) {
	r := replyReader{b: b}
	status := r.uint(1)
	n := r.uint(4)
	c := &Compiled{}
	for i := 0; i < n && r.err == nil; i++ {
		d := Diagnostic{Severity: "error"}
		if r.uint(1) == 1 {
			d.Severity = "warning"
		}
		d.Line, d.Col = r.uint(4), r.uint(4)
		d.File = string(r.bytes(r.uint(2)))
		d.Message = string(r.bytes(r.uint(4)))
		if d.File == "" {
			d.File = file
		}
		c.Diagnostics = append(c.Diagnostics, d)
	}
	c.Module = string(r.bytes(r.uint(2)))
	beam := r.bytes(r.uint(4))
	if r.err != nil {
		return nil, fmt.Errorf("compile server: malformed reply for %s: %w", file, r.err)
	}
	switch status {
	case 0:
		c.BEAM = beam
	case 1:
	default:
		msg := "unknown failure"
		if len(c.Diagnostics) > 0 {
			msg = c.Diagnostics[0].Message
		}
		return nil, fmt.Errorf("compiling %s: %s", file, msg)
	}
	return c, nil
}

type replyReader struct {
	b   []byte
	err error
}

func (r *replyReader) bytes(n int) []byte {
	if r.err != nil {
		return nil
	}
	if n > len(r.b) {
		r.err = errors.New("truncated")
		return nil
	}
	out := r.b[:n]
	r.b = r.b[n:]
	return out
}

func (r *replyReader) uint(size int) int {
	b := r.bytes(size)
	if b == nil {
		return 0
	}
	v := 0
	for _, c := range b {
		v = v<<8 | int(c)
	}
	return v
}

// tailBuffer keeps the last bytes written to it (a process's stderr).
type tailBuffer struct {
	mu  sync.Mutex
	max int
	b   []byte
}

func (t *tailBuffer) Write(p []byte) (int, error) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.b = append(t.b, p...)
	if len(t.b) > t.max {
		t.b = append(t.b[:0], t.b[len(t.b)-t.max:]...)
	}
	return len(p), nil
}

func (t *tailBuffer) String() string {
	t.mu.Lock()
	defer t.mu.Unlock()
	return string(t.b)
}
