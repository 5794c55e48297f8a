// Package templates holds the projects `avm new` creates, embedded in the
// binary.
//
// Each template is a directory of files ending in .tmpl. In their names
// and contents, __name__ becomes the application's name and __Module__
// its Elixir module name (my_app → MyApp); a name starting with "dot-"
// becomes a dot file (dot-gitignore → .gitignore), which keeps it visible
// to go:embed.
package templates

import (
	"embed"
	"fmt"
	"io/fs"
	"path"
	"regexp"
	"sort"
	"strings"

	"github.com/avmtool/avm/project"
)

//go:embed all:erlang all:elixir all:gen_server all:blinky
var files embed.FS

// Template describes one project template.
type Template struct {
	Name    string
	Summary string
	// Elixir templates name a module __Module__ after the application.
	Elixir bool
}

// All lists the templates; the first is the default.
var All = []Template{
	{Name: "erlang", Summary: "an Erlang application (rebar3 layout, atomvm_rebar3_plugin)"},
	{Name: "elixir", Summary: "an Elixir application (mix layout, ExAtomVM)", Elixir: true},
	{Name: "gen_server", Summary: "an Erlang application with a supervised gen_server"},
	{Name: "blinky", Summary: "blinks an LED with gpio and timer (runs on a device)"},
}

// Find looks a template up by name.
func Find(name string) (Template, error) {
	for _, t := range All {
		if t.Name == name {
			return t, nil
		}
	}
	names := make([]string, len(All))
	for i, t := range All {
		names[i] = t.Name
	}
	return Template{}, fmt.Errorf("unknown template %q: choose one of %s", name, strings.Join(names, ", "))
}

// File is one file of a project made from a template.
type File struct {
	Path string // slash-separated, relative to the project
	Data []byte
}

// Expand returns the files of template t for the application name, which
// must pass ValidateName.
func (t Template) Expand(name string) ([]File, error) {
	if err := ValidateName(name); err != nil {
		return nil, err
	}
	r := strings.NewReplacer("__name__", name, "__Module__", ModuleName(name))
	var out []File
	err := fs.WalkDir(files, t.Name, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := files.ReadFile(p)
		if err != nil {
			return err
		}
		rel := strings.TrimSuffix(strings.TrimPrefix(p, t.Name+"/"), ".tmpl")
		dir, base := path.Split(rel)
		if after, ok := strings.CutPrefix(base, "dot-"); ok {
			base = "." + after
		}
		out = append(out, File{Path: r.Replace(dir + base), Data: []byte(r.Replace(string(data)))})
		return nil
	})
	sort.Slice(out, func(i, j int) bool { return out[i].Path < out[j].Path })
	return out, err
}

var (
	validName    = regexp.MustCompile(`^[a-z][a-z0-9_]*$`)
	nonNameChars = regexp.MustCompile(`[^A-Za-z0-9_]+`)
)

// ValidateName checks that name can be an application and a module:
// an Erlang atom written bare (lowercase letter first, then lowercase
// letters, digits and _), not a keyword, and not the name of a module the
// application needs from OTP or AtomVM, which it would shadow.
func ValidateName(name string) error {
	switch {
	case name == "":
		return fmt.Errorf("the name is empty")
	case len(name) > 255:
		return fmt.Errorf("%.20s…: names are at most 255 characters (an atom)", name)
	case !validName.MatchString(name):
		hint := ""
		if s := suggestName(name); s != "" {
			hint = fmt.Sprintf("; %s would do", s)
		}
		return fmt.Errorf("%q is not a valid name: it must start with a lowercase letter and have only lowercase letters, digits and _ (an Erlang atom, an Elixir app name)%s", name, hint)
	case project.IsReservedWord(name):
		return fmt.Errorf("%q is an Erlang keyword and cannot name a module", name)
	case systemModules[name]:
		return fmt.Errorf("%q is the name of a module of OTP or AtomVM that the application would shadow; choose another name", name)
	}
	return nil
}

// suggestName offers a valid spelling of a name, or "".
func suggestName(name string) string {
	s := strings.ToLower(nonNameChars.ReplaceAllString(name, "_"))
	s = strings.Trim(s, "_")
	if validName.MatchString(s) && !project.IsReservedWord(s) && !systemModules[s] {
		return s
	}
	return ""
}

// ModuleName is the Elixir module of an application: my_app → MyApp.
func ModuleName(name string) string { return project.CamelCase(name) }

// systemModules are modules (and applications) of OTP, Elixir and
// AtomVM's libraries that programs commonly use.
var systemModules = map[string]bool{
	"application": true, "array": true, "atomvm": true, "base64": true, "binary": true, "calendar": true,
	"code": true, "console": true, "crypto": true, "elixir": true, "erlang": true, "esp": true,
	"ets": true, "file": true, "gen_event": true, "gen_server": true, "gen_statem": true, "gen_tcp": true,
	"gen_udp": true, "gpio": true, "i2c": true, "inet": true, "init": true, "io": true, "io_lib": true,
	"kernel": true, "ledc": true, "lists": true, "logger": true, "maps": true, "math": true, "mix": true,
	"network": true, "os": true, "proc_lib": true, "proplists": true, "queue": true, "sets": true,
	"socket": true, "spi": true, "stdlib": true, "string": true, "supervisor": true, "sys": true,
	"timer": true, "uart": true, "unicode": true,
}
