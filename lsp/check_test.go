package lsp

import (
	"context"
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/txtar"

	"github.com/avmtool/avm/lsp/settings"
)

var update = flag.Bool("update", false, "rewrite the want sections of testdata/check/*.txtar")

// TestCheck runs the diagnostics over the projects of testdata/check. Each
// archive holds a project's files and a "want" section, one finding per
// line as avm check prints it; the message part of a want line is a regular
// expression. With -update the want sections are rewritten from the output.
func TestCheck(t *testing.T) {
	files, _ := filepath.Glob("testdata/check/*.txtar")
	if len(files) == 0 {
		t.Fatal("no testdata/check/*.txtar")
	}
	for _, file := range files {
		t.Run(strings.TrimSuffix(filepath.Base(file), ".txtar"), func(t *testing.T) {
			ar, err := txtar.ParseFile(file)
			if err != nil {
				t.Fatal(err)
			}
			dir := t.TempDir()
			var want []string
			wantIndex := -1
			for i, f := range ar.Files {
				if f.Name == "want" {
					want = strings.Split(strings.TrimSpace(string(f.Data)), "\n")
					wantIndex = i
					continue
				}
				p := filepath.Join(dir, f.Name)
				if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(p, f.Data, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			cfg, err := settings.Load(dir)
			if err != nil {
				t.Fatal(err)
			}
			findings, _, err := CheckProject(context.Background(), dir, cfg)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, f := range findings {
				got = append(got, filepath.ToSlash(f.String()))
			}
			if *update {
				data := []byte(strings.Join(got, "\n") + "\n")
				if wantIndex < 0 {
					ar.Files = append(ar.Files, txtar.File{Name: "want", Data: data})
				} else {
					ar.Files[wantIndex].Data = data
				}
				if err := os.WriteFile(file, txtar.Format(ar), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			if len(want) == 1 && want[0] == "" {
				want = nil
			}
			for i := 0; i < max(len(got), len(want)); i++ {
				switch {
				case i >= len(got):
					t.Errorf("missing: %s", want[i])
				case i >= len(want):
					t.Errorf("unexpected: %s", got[i])
				case !matchFinding(want[i], got[i]):
					t.Errorf("finding %d\n got: %s\nwant: %s", i+1, got[i], want[i])
				}
			}
		})
	}
}

// matchFinding compares "file:line:col: severity: message [code]" lines:
// everything but the message exactly, the message as a regular expression
// (or literally, when it is not a valid one).
func matchFinding(want, got string) bool {
	if want == got {
		return true
	}
	split := func(s string) (head, msg, code string) {
		i := strings.Index(s, ": ")
		i2 := i + 2 + strings.Index(s[i+2:], ": ")
		j := strings.LastIndex(s, " [")
		if i < 0 || i2 < i+2 || j < i2 {
			return s, "", ""
		}
		return s[:i2], s[i2+2 : j], s[j:]
	}
	wh, wm, wc := split(want)
	gh, gm, gc := split(got)
	if wh != gh || wc != gc {
		return false
	}
	re, err := regexp.Compile(wm)
	return err == nil && re.MatchString(gm)
}
