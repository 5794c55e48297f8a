// Package settings reads what avm needs to know about an Erlang project from
// its rebar.config: the AtomVM target (release and platform) that code is
// judged against, and per-diagnostic settings.
//
// Keys read, all optional (rebar3 ignores sections it does not know):
//
//	{avm, [
//	    {target, esp32},               % generic_unix (or unix) | esp32 | stm32 | rp2
//	    {atomvm, "0.6"},               % AtomVM release: "0.6", "0.7" ("0.6.6" reads as "0.6")
//	    {diagnostics, [                % per diagnostic code: off | error | warning | info | hint
//	        {'avm/unknown-module', off}
//	    ]}
//	]}.
//	{atomvm_rebar3_plugin, [{esp32_flash, [...]}]}.
//
// Without {avm, [{target, ...}]}, the platform follows the flash task of the
// atomvm_rebar3_plugin section when there is exactly one (esp32_flash →
// esp32, stm32_flash → stm32, pico_flash or uf2create → rp2); otherwise it
// is generic_unix. The release defaults to the newest AtomVM release.
package settings

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/avmtool/avm/lsp/erlscan"
	"github.com/avmtool/avm/vm/api"
)

// Config is a project's avm settings.
type Config struct {
	Release  string // AtomVM release, e.g. "0.7"
	Platform string // generic_unix, esp32, stm32 or rp2
	// Diagnostics maps a diagnostic code to off, error, warning, info or hint.
	Diagnostics map[string]string
	// Source is the file the settings came from, empty for defaults.
	Source string
}

// Default is the configuration of a project that says nothing: the newest
// AtomVM release on generic_unix.
func Default() Config {
	rels := api.Releases()
	return Config{Release: rels[len(rels)-1], Platform: "generic_unix", Diagnostics: map[string]string{}}
}

// Target describes the target for messages: "AtomVM 0.6 (esp32)".
func (c Config) Target() string { return "AtomVM " + c.Release + " (" + c.Platform + ")" }

// Validate checks the release and platform against those the registry knows.
func (c Config) Validate() error {
	if !slices.Contains(api.Releases(), c.Release) {
		return fmt.Errorf("unknown AtomVM release %q (known: %s)", c.Release, strings.Join(api.Releases(), ", "))
	}
	if !slices.Contains(api.Platforms(), c.Platform) {
		return fmt.Errorf("unknown platform %q (known: %s)", c.Platform, strings.Join(api.Platforms(), ", "))
	}
	for code, sev := range c.Diagnostics {
		switch sev {
		case "off", "error", "warning", "info", "hint":
		default:
			return fmt.Errorf("diagnostic %s: severity %q is not off, error, warning, info or hint", code, sev)
		}
	}
	return nil
}

// NormPlatform reads "unix", the name avm build gives the target, as
// AtomVM's "generic_unix".
func NormPlatform(p string) string {
	if p == "unix" {
		return "generic_unix"
	}
	return p
}

// NormRelease reads "0.6.6" or "v0.6" as "0.6".
func NormRelease(r string) string {
	r = strings.TrimPrefix(r, "v")
	if parts := strings.SplitN(r, ".", 3); len(parts) >= 2 {
		return parts[0] + "." + parts[1]
	}
	return r
}

// Load reads dir/rebar.config. A missing file gives Default; a file that
// cannot be read or has invalid settings gives an error naming it.
func Load(dir string) (Config, error) {
	c := Default()
	path := filepath.Join(dir, "rebar.config")
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return c, nil
	}
	if err != nil {
		return c, err
	}
	terms, err := parseTerms(string(data))
	if err != nil {
		return c, fmt.Errorf("%s: %v", path, err)
	}
	c.Source = path
	var flashPlatforms []string
	for _, t := range terms {
		key, val, ok := pair(t)
		if !ok {
			continue
		}
		switch key {
		case "avm":
			for _, opt := range list(val) {
				k, v, ok := pair(opt)
				if !ok {
					continue
				}
				switch k {
				case "target":
					c.Platform = NormPlatform(text(v))
				case "atomvm":
					c.Release = NormRelease(text(v))
				case "diagnostics":
					for _, d := range list(v) {
						if code, sev, ok := pair(d); ok {
							c.Diagnostics[code] = text(sev)
						}
					}
				}
			}
		case "atomvm_rebar3_plugin":
			for _, task := range list(val) {
				k, _, _ := pair(task)
				p := map[string]string{"esp32_flash": "esp32", "stm32_flash": "stm32", "pico_flash": "rp2", "uf2create": "rp2"}[k]
				if p != "" && !slices.Contains(flashPlatforms, p) {
					flashPlatforms = append(flashPlatforms, p)
				}
			}
		}
	}
	if !hasTarget(terms) && len(flashPlatforms) == 1 {
		c.Platform = flashPlatforms[0]
	}
	if err := c.Validate(); err != nil {
		return c, fmt.Errorf("%s: %v", path, err)
	}
	return c, nil
}

func hasTarget(terms []term) bool {
	for _, t := range terms {
		if k, v, ok := pair(t); ok && k == "avm" {
			for _, opt := range list(v) {
				if k, _, ok := pair(opt); ok && k == "target" {
					return true
				}
			}
		}
	}
	return false
}

// term is an Erlang term of a config file: an atom or string (string), an
// integer (the token text), a tuple (tuple) or a list ([]term).
type term any

type tuple []term

func pair(t term) (string, term, bool) {
	tp, ok := t.(tuple)
	if !ok || len(tp) != 2 {
		return "", nil, false
	}
	k, ok := tp[0].(string)
	return k, tp[1], ok
}

func list(t term) []term {
	l, _ := t.([]term)
	return l
}

func text(t term) string {
	s, _ := t.(string)
	return s
}

// parseTerms reads a file of consult-style terms, each ended by a dot.
func parseTerms(src string) ([]term, error) {
	var toks []erlscan.Token
	for _, t := range erlscan.Scan(src) {
		switch t.Kind {
		case erlscan.Comment:
		case erlscan.Error:
			return nil, fmt.Errorf("line %d: %s", line(src, t.Pos), t.Msg)
		default:
			toks = append(toks, t)
		}
	}
	p := termParser{src: src, toks: toks}
	var out []term
	for p.i < len(p.toks) {
		t, err := p.term()
		if err != nil {
			return nil, err
		}
		if p.i >= len(p.toks) || p.toks[p.i].Kind != erlscan.Dot {
			return nil, p.errorf("expected a dot after a term")
		}
		p.i++
		out = append(out, t)
	}
	return out, nil
}

func line(src string, pos int) int { return 1 + strings.Count(src[:pos], "\n") }

type termParser struct {
	src  string
	toks []erlscan.Token
	i    int
}

func (p *termParser) errorf(format string, args ...any) error {
	pos := len(p.src)
	if p.i < len(p.toks) {
		pos = p.toks[p.i].Pos
	}
	return fmt.Errorf("line %d: %s", line(p.src, pos), fmt.Sprintf(format, args...))
}

// maxDepth bounds nesting so that a hostile file cannot exhaust the stack.
const maxDepth = 100

func (p *termParser) term() (term, error) { return p.termDepth(0) }

func (p *termParser) termDepth(depth int) (term, error) {
	if depth > maxDepth {
		return nil, p.errorf("terms nested too deeply")
	}
	if p.i >= len(p.toks) {
		return nil, p.errorf("unexpected end of file")
	}
	t := p.toks[p.i]
	p.i++
	switch {
	case t.Kind == erlscan.Atom || t.Kind == erlscan.String:
		s := t.Value
		// Adjacent strings concatenate.
		for t.Kind == erlscan.String && p.i < len(p.toks) && p.toks[p.i].Kind == erlscan.String {
			s += p.toks[p.i].Value
			p.i++
		}
		return s, nil
	case t.Kind == erlscan.Integer || t.Kind == erlscan.Float || t.Kind == erlscan.Char || t.Kind == erlscan.Var:
		return t.Text, nil
	case t.Is("-") && p.i < len(p.toks) && (p.toks[p.i].Kind == erlscan.Integer || p.toks[p.i].Kind == erlscan.Float):
		p.i++
		return "-" + p.toks[p.i-1].Text, nil
	case t.Is("#") && p.i < len(p.toks) && p.toks[p.i].Is("{"):
		// A map reads as a list of {Key, Value} pairs.
		p.i++
		var pairs []term
		for p.i < len(p.toks) && !p.toks[p.i].Is("}") {
			k, err := p.termDepth(depth + 1)
			if err != nil {
				return nil, err
			}
			if p.i >= len(p.toks) || !(p.toks[p.i].Is("=>") || p.toks[p.i].Is(":=")) {
				return nil, p.errorf("expected => in a map")
			}
			p.i++
			v, err := p.termDepth(depth + 1)
			if err != nil {
				return nil, err
			}
			pairs = append(pairs, tuple{k, v})
			if p.i < len(p.toks) && p.toks[p.i].Is(",") {
				p.i++
			}
		}
		if p.i >= len(p.toks) {
			return nil, p.errorf("unterminated map")
		}
		p.i++
		return pairs, nil
	case t.Is("{"), t.Is("["), t.Is("<<"):
		closer := map[string]string{"{": "}", "[": "]", "<<": ">>"}[t.Text]
		var elems []term
		for {
			if p.i < len(p.toks) && p.toks[p.i].Is(closer) {
				p.i++
				break
			}
			e, err := p.termDepth(depth + 1)
			if err != nil {
				return nil, err
			}
			elems = append(elems, e)
			if p.i < len(p.toks) && (p.toks[p.i].Is(",") || t.Text == "[" && p.toks[p.i].Is("|")) {
				p.i++
				continue
			}
			if p.i < len(p.toks) && p.toks[p.i].Is(closer) {
				p.i++
				break
			}
			if p.i >= len(p.toks) {
				return nil, p.errorf("unexpected end of file: %s is not closed", t.Text)
			}
			return nil, p.errorf("expected , or %s", closer)
		}
		switch t.Text {
		case "{":
			return tuple(elems), nil
		case "<<":
			var b strings.Builder
			for _, e := range elems {
				s, _ := e.(string)
				b.WriteString(s)
			}
			return b.String(), nil
		}
		if elems == nil {
			elems = []term{}
		}
		return elems, nil
	}
	return nil, p.errorf("unexpected %q", t.Text)
}
