package lsp

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestMain lets the test binary serve as the language server of the
// end-to-end test: node starts it with AVM_LSP_SERVE=1.
func TestMain(m *testing.M) {
	if os.Getenv("AVM_LSP_SERVE") == "1" {
		os.Exit(Serve(context.Background(), Stdio(), Options{Log: os.Stderr}))
	}
	os.Exit(m.Run())
}

// TestNodeClient drives the server with vscode-languageserver-protocol, the
// protocol layer of VS Code's client (testdata/e2e/e2e.mjs). It needs node
// and the npm packages: npm ci --prefix lsp/testdata/e2e.
func TestNodeClient(t *testing.T) {
	node, err := exec.LookPath("node")
	if err != nil {
		t.Skip("node is not installed")
	}
	if _, err := os.Stat("testdata/e2e/node_modules/vscode-languageserver-protocol"); err != nil {
		t.Skip("npm packages missing: run npm ci --prefix lsp/testdata/e2e")
	}
	self, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	dir := writeProject(t, map[string]string{"rebar.config": esp32Config})
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, node, filepath.Join("testdata", "e2e", "e2e.mjs"), self, dir)
	out, err := cmd.CombinedOutput()
	if err != nil || !strings.Contains(string(out), "e2e: ok") {
		t.Fatalf("node e2e.mjs: %v\n%s", err, out)
	}
}
