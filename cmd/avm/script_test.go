package main

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"
)

func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"avm": func() { os.Exit(Main(os.Args[1:])) },
	})
}

// TestScripts runs the end-to-end scripts in testdata/script. $BEAMS holds
// the compiled test programs (testdata/erl and the examples).
func TestScripts(t *testing.T) {
	testscript.Run(t, testscript.Params{
		Dir:                 "testdata/script",
		RequireExplicitExec: true,
		Setup: func(env *testscript.Env) error {
			beams := filepath.Join(env.WorkDir, "beams")
			if err := os.MkdirAll(beams, 0o755); err != nil {
				return err
			}
			for _, dir := range []string{"testdata/erl/otp25", "../../examples/hello/otp25"} {
				files, _ := filepath.Glob(filepath.Join(dir, "*.beam"))
				for _, f := range files {
					data, err := os.ReadFile(f)
					if err != nil {
						return err
					}
					if err := os.WriteFile(filepath.Join(beams, filepath.Base(f)), data, 0o644); err != nil {
						return err
					}
				}
			}
			env.Setenv("BEAMS", beams)
			return nil
		},
	})
}
