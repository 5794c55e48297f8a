package templates

import (
	"strings"
	"testing"
)

func TestExpand(t *testing.T) {
	for _, tmpl := range All {
		files, err := tmpl.Expand("my_app")
		if err != nil {
			t.Fatalf("%s: %v", tmpl.Name, err)
		}
		paths := map[string]bool{}
		for _, f := range files {
			paths[f.Path] = true
			if s := f.Path + string(f.Data); strings.Contains(s, "__name__") || strings.Contains(s, "__Module__") {
				t.Errorf("%s: %s keeps a placeholder", tmpl.Name, f.Path)
			}
			if strings.HasSuffix(f.Path, ".tmpl") || strings.Contains(f.Path, "dot-") {
				t.Errorf("%s: file name %s not expanded", tmpl.Name, f.Path)
			}
		}
		want := []string{".gitignore", "README.md", "rebar.config", "src/my_app.app.src", "src/my_app.erl"}
		if tmpl.Elixir {
			want = []string{".gitignore", ".formatter.exs", "README.md", "mix.exs", "lib/my_app.ex"}
		}
		for _, w := range want {
			if !paths[w] {
				t.Errorf("%s: no %s among %v", tmpl.Name, w, paths)
			}
		}
	}
	files, _ := All[1].Expand("my_app")
	for _, f := range files {
		if f.Path == "lib/my_app.ex" && !strings.HasPrefix(string(f.Data), "defmodule MyApp do\n") {
			t.Errorf("lib/my_app.ex starts %.30q", f.Data)
		}
	}
}

func TestValidateName(t *testing.T) {
	for _, ok := range []string{"a", "hello", "my_app2", "x_"} {
		if err := ValidateName(ok); err != nil {
			t.Errorf("%s: %v", ok, err)
		}
	}
	for name, want := range map[string]string{
		"":                       "empty",
		"Hello":                  "hello would do",
		"my-app":                 "my_app would do",
		"2fast":                  "not a valid name",
		"_x":                     "not a valid name",
		"héllo":                  "not a valid name",
		"end":                    "Erlang keyword",
		"gen_server":             "would shadow",
		strings.Repeat("a", 256): "at most 255",
	} {
		err := ValidateName(name)
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%q: got %v, want …%s…", name, err, want)
		}
	}
	if _, err := All[0].Expand("Bad"); err == nil {
		t.Error("Expand accepts a bad name")
	}
}

func TestFind(t *testing.T) {
	if tmpl, err := Find("gen_server"); err != nil || tmpl.Name != "gen_server" {
		t.Errorf("Find(gen_server) = %v, %v", tmpl, err)
	}
	if _, err := Find("nosuch"); err == nil || !strings.Contains(err.Error(), "erlang, elixir, gen_server, blinky") {
		t.Errorf("Find(nosuch): %v", err)
	}
}
