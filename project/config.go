package project

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"

	"github.com/avmtool/avm/vm/api"
	"github.com/avmtool/avm/vm/device"
)

// Config is what a project's configuration says about where and how its
// app runs: the one set of settings that avm build, run, dev, check and
// lsp read. Empty fields are settings the configuration does not make;
// [Config.Resolve] weighs them against flags and the board file.
type Config struct {
	// File is the configuration file read (DIR/rebar.config,
	// DIR/mix.exs), or "".
	File string
	// Target is a device target (vm/device's names: generic_unix, esp32,
	// esp32s3, esp32c3, stm32, rp2, linux), from the avm section or, when
	// that names none, implied by the one flash task the atomvm_rebar3_plugin
	// section or ExAtomVM's atomvm keyword configures.
	Target string
	// AtomVM is the AtomVM release whose API the target has ("0.6"), or "".
	AtomVM string
	// Board is the board file, relative to the project unless absolute.
	Board string
	// Strict, when not nil, says whether the app may only call what the
	// target's AtomVM has (the default: only on device targets).
	Strict *bool
	// Diagnostics maps a diagnostic code of avm lsp and avm check to off,
	// error, warning, info or hint.
	Diagnostics map[string]string
	// Start is the start module ("" when the configuration gives none).
	// Elixir modules are written as BEAM knows them, "Elixir.Foo".
	Start string
	Prune bool
	// FlashOffset is where the configuration puts the archive in flash
	// (rebar.config's esp32_flash or stm32_flash offset, mix.exs's
	// flash_offset), or 0.
	FlashOffset int64
}

// Default names of what a command falls back on.
const (
	// DefaultTarget is the target when nothing names one.
	DefaultTarget = "generic_unix"
	// BoardFileName is the board file a project directory may hold.
	BoardFileName = "avm.board.json"
)

// LatestRelease is the newest AtomVM release avm knows, the default.
func LatestRelease() string {
	rs := api.Releases()
	return rs[len(rs)-1]
}

// LoadConfig reads the configuration of the project in dir: rebar.config,
// else mix.exs. A directory with neither gives an empty Config; a file that
// cannot be read or holds bad settings gives an error naming it and the
// line.
func LoadConfig(dir string) (Config, error) {
	for _, name := range []string{"rebar.config", "mix.exs"} {
		path := filepath.Join(dir, name)
		src, err := os.ReadFile(path)
		if errors.Is(err, fs.ErrNotExist) {
			continue
		}
		if err != nil {
			return Config{}, err
		}
		c := Config{File: path}
		if name == "rebar.config" {
			terms, err := ParseTerms(path, src)
			if err != nil {
				return Config{}, err
			}
			err = c.readRebar(Term{Kind: List, Elems: terms})
			return c, err
		}
		err = c.readMix(stripElixirComments(string(src)))
		return c, err
	}
	return Config{}, nil
}

// NormTarget reads "unix", the name AtomVM's build gives generic_unix, as
// generic_unix.
func NormTarget(t string) string {
	if t == "unix" {
		return DefaultTarget
	}
	return t
}

// NormRelease reads "0.6.6" or "v0.6" as "0.6".
func NormRelease(r string) string {
	r = strings.TrimPrefix(r, "v")
	if parts := strings.SplitN(r, ".", 3); len(parts) >= 2 {
		return parts[0] + "." + parts[1]
	}
	return r
}

// RegistryPlatform is the AtomVM platform whose API a target has, in the
// vocabulary of vm/api (generic_unix, esp32, stm32, rp2): esp32s3 has
// esp32's, linux generic_unix's. Names that are no target pass unchanged.
func RegistryPlatform(target string) string {
	if p, err := device.Lookup(NormTarget(target)); err == nil {
		return p.RegistryPlatform()
	}
	return target
}

// checkTarget validates a target name; the error lists the known ones.
func checkTarget(t string) error {
	_, err := device.Lookup(NormTarget(t))
	return err
}

func checkRelease(r string) error {
	if !slices.Contains(api.Releases(), NormRelease(r)) {
		return fmt.Errorf("unknown AtomVM release %q (known: %s)", r, strings.Join(api.Releases(), ", "))
	}
	return nil
}

// CheckSeverity validates a diagnostic's severity setting.
func CheckSeverity(code, sev string) error {
	switch sev {
	case "off", "error", "warning", "info", "hint":
		return nil
	}
	return fmt.Errorf("diagnostic %s: severity %q is not off, error, warning, info or hint", code, sev)
}

// avmKeys are the keys of the avm section, for messages.
const avmKeys = "target, atomvm, board, strict, diagnostics"

// flashTasks map atomvm_rebar3_plugin's flash tasks to the targets they
// imply, in a fixed order so that reading is deterministic.
var flashTasks = []struct{ task, target string }{
	{"esp32_flash", "esp32"}, {"stm32_flash", "stm32"}, {"pico_flash", "rp2"}, {"uf2create", "rp2"},
}

// readRebar reads the avm and atomvm_rebar3_plugin sections of
// rebar.config.
func (c *Config) readRebar(config Term) error {
	if plugin, ok := Lookup(config, "atomvm_rebar3_plugin"); ok {
		if err := c.readPlugin(plugin); err != nil {
			return err
		}
	}
	avm, ok := Lookup(config, "avm")
	if !ok {
		return nil
	}
	if avm.Kind != List {
		return c.errorf(avm.Line, "the avm section must be a list such as [{target, esp32}], not %s", avm)
	}
	for _, opt := range avm.Elems {
		if opt.Kind != Tuple || len(opt.Elems) != 2 || opt.Elems[0].Kind != Atom {
			return c.errorf(opt.Line, "avm: %s is not a {Key, Value} setting (keys: %s)", opt, avmKeys)
		}
		key, v := opt.Elems[0].Text, opt.Elems[1]
		switch key {
		case "target":
			s, ok := v.textValue()
			if !ok {
				return c.errorf(v.Line, "avm target: %s is not a target such as esp32", v)
			}
			if err := c.setTarget(s, v.Line); err != nil {
				return err
			}
		case "atomvm":
			s, ok := v.textValue()
			if !ok {
				return c.errorf(v.Line, "avm atomvm: %s is not a release such as \"0.6\"", v)
			}
			if err := c.setRelease(s, v.Line); err != nil {
				return err
			}
		case "board":
			s, ok := v.textValue()
			if !ok || v.Kind == Atom {
				return c.errorf(v.Line, "avm board: %s is not a path such as \"%s\"", v, BoardFileName)
			}
			c.Board = filepath.FromSlash(s)
		case "strict":
			if !v.IsAtom("true") && !v.IsAtom("false") {
				return c.errorf(v.Line, "avm strict: %s is not true or false", v)
			}
			strict := v.IsAtom("true")
			c.Strict = &strict
		case "diagnostics":
			if v.Kind != List {
				return c.errorf(v.Line, "avm diagnostics: %s is not a list such as [{'avm/unknown-module', off}]", v)
			}
			for _, d := range v.Elems {
				var code, sev Term
				okCode := false
				if d.Kind == Tuple && len(d.Elems) == 2 {
					code, sev, okCode = d.Elems[0], d.Elems[1], true
				}
				name, okName := code.textValue()
				level, okLevel := sev.textValue()
				if !okCode || !okName || !okLevel {
					return c.errorf(d.Line, "avm diagnostics: %s is not {Code, Severity} such as {'avm/unknown-module', off}", d)
				}
				if err := c.setSeverity(name, level, d.Line); err != nil {
					return err
				}
			}
		default:
			return c.errorf(opt.Line, "avm: unknown setting %s (keys: %s)", quoteAtom(key), avmKeys)
		}
	}
	return nil
}

// readPlugin reads the start module, pruning, target and flash offset of
// atomvm_rebar3_plugin's section.
func (c *Config) readPlugin(plugin Term) error {
	if pb, ok := Lookup(plugin, "packbeam"); ok {
		if s, ok := Lookup(pb, "start"); ok && s.Kind == Atom {
			c.Start = s.Text
		}
		if v, ok := Lookup(pb, "prune"); ok && v.IsAtom("true") {
			c.Prune = true
		}
	}
	var implied []string
	for _, ft := range flashTasks {
		opts, ok := Lookup(plugin, ft.task)
		if !ok {
			continue
		}
		if !slices.Contains(implied, ft.target) {
			implied = append(implied, ft.target)
		}
		if v, ok := Lookup(opts, "offset"); ok {
			if c.FlashOffset, ok = offsetValue(v); !ok {
				return c.errorf(v.Line, "the %s offset %s is not a number such as \"0x250000\"", ft.task, v)
			}
		}
	}
	// Tasks for two families say nothing about which one the app is for.
	if len(implied) == 1 {
		c.Target = implied[0]
	}
	return nil
}

func (c *Config) setTarget(t string, line int) error {
	if err := checkTarget(t); err != nil {
		return c.errorf(line, "avm target: %v", err)
	}
	c.Target = NormTarget(t)
	return nil
}

func (c *Config) setRelease(r string, line int) error {
	if err := checkRelease(r); err != nil {
		return c.errorf(line, "avm atomvm: %v", err)
	}
	c.AtomVM = NormRelease(r)
	return nil
}

func (c *Config) setSeverity(code, sev string, line int) error {
	if err := CheckSeverity(code, sev); err != nil {
		return c.errorf(line, "avm %v", err)
	}
	if c.Diagnostics == nil {
		c.Diagnostics = map[string]string{}
	}
	c.Diagnostics[code] = sev
	return nil
}

func (c *Config) errorf(line int, format string, args ...any) error {
	return fmt.Errorf("%s:%d: %s", c.File, line, fmt.Sprintf(format, args...))
}

// textValue is the text of an atom, a string or a binary of one string
// (<<"0.6">>).
func (t Term) textValue() (string, bool) {
	switch t.Kind {
	case Atom, String:
		return t.Text, true
	case Binary:
		inner := strings.TrimSpace(t.Text)
		if len(inner) >= 2 && inner[0] == '"' && inner[len(inner)-1] == '"' && !strings.Contains(inner[1:len(inner)-1], `"`) {
			return inner[1 : len(inner)-1], true
		}
	}
	return "", false
}

// mix.exs is Elixir code; these patterns read the literal keyword values
// that mix new and ExAtomVM's documentation write, and avm's own keyword.
var (
	mixAtomVM    = regexp.MustCompile(`(?s)\batomvm:\s*\[(.*?)\]`)
	mixStart     = regexp.MustCompile(`\bstart:\s*([A-Z][A-Za-z0-9_.]*|:[a-z][a-z0-9_]*)`)
	mixOffset    = regexp.MustCompile(`\bflash_offset:\s*(0x[0-9a-fA-F_]+|[0-9_]+)`)
	mixAvm       = regexp.MustCompile(`\bavm:\s*\[`)
	mixKey       = regexp.MustCompile(`^\s*([a-z_]+):\s*`)
	mixAtomValue = regexp.MustCompile(`^:([a-z][a-z0-9_]*)`)
	mixStrValue  = regexp.MustCompile(`^"([^"\\]*)"`)
	mixBoolValue = regexp.MustCompile(`^(true|false)\b`)
	// A diagnostic setting: {"avm/code", :off} or "avm/code": :off.
	mixDiagnostic = regexp.MustCompile(`^\s*(?:\{\s*"([^"]+)"\s*,\s*:([a-z]+)\s*\}|"([^"]+)":\s*:([a-z]+))\s*(?:,|$)`)
)

// readMix reads ExAtomVM's atomvm keyword and avm's avm keyword from the
// text of mix.exs, comments stripped.
func (c *Config) readMix(text string) error {
	if m := mixAtomVM.FindStringSubmatchIndex(text); m != nil {
		block := text[m[2]:m[3]]
		if s := mixStart.FindStringSubmatch(block); s != nil {
			c.Start = elixirModule(s[1])
		}
		switch {
		case strings.Contains(block, "stflash_path"):
			c.Target = "stm32"
		case strings.Contains(block, "pico_path") || strings.Contains(block, "app_start"):
			c.Target = "rp2"
		case strings.Contains(block, "flash_offset"):
			c.Target = "esp32"
		}
		if o := mixOffset.FindStringSubmatchIndex(block); o != nil {
			lit := block[o[2]:o[3]]
			n, ok := offsetValue(Term{Kind: String, Text: strings.ReplaceAll(lit, "_", "")})
			if !ok {
				return c.errorf(lineAt(text, m[2]+o[2]), "flash_offset %s is not a number", lit)
			}
			c.FlashOffset = n
		}
	}
	loc := mixAvm.FindStringIndex(text)
	if loc == nil {
		return nil
	}
	open := loc[1] - 1
	end := closingBracket(text, open)
	if end < 0 {
		return c.errorf(lineAt(text, open), "avm: [ is not closed")
	}
	return c.readMixAvm(text, open+1, end)
}

// readMixAvm reads the keyword list text[from:to] of avm: [...]: literal
// values only (mix itself is needed to compute others).
func (c *Config) readMixAvm(text string, from, to int) error {
	pos := from
	for {
		for pos < to && strings.ContainsRune(" \t\r\n,", rune(text[pos])) {
			pos++
		}
		if pos >= to {
			return nil
		}
		line := lineAt(text, pos)
		k := mixKey.FindStringSubmatch(text[pos:to])
		if k == nil {
			return c.errorf(line, "avm: expected key: value (keys: %s)", avmKeys)
		}
		key := k[1]
		pos += len(k[0])
		rest := text[pos:to]
		var value string
		switch key {
		case "target":
			m := mixAtomValue.FindStringSubmatch(rest)
			if m == nil {
				return c.errorf(line, "avm target: expected an atom such as :esp32")
			}
			value = m[0]
			if err := c.setTarget(m[1], line); err != nil {
				return err
			}
		case "atomvm", "board":
			m := mixStrValue.FindStringSubmatch(rest)
			if m == nil {
				return c.errorf(line, "avm %s: expected a literal string such as %q", key, map[string]string{"atomvm": "0.6", "board": BoardFileName}[key])
			}
			value = m[0]
			if key == "board" {
				c.Board = filepath.FromSlash(m[1])
			} else if err := c.setRelease(m[1], line); err != nil {
				return err
			}
		case "strict":
			m := mixBoolValue.FindStringSubmatch(rest)
			if m == nil {
				return c.errorf(line, "avm strict: expected true or false")
			}
			value = m[0]
			strict := m[1] == "true"
			c.Strict = &strict
		case "diagnostics":
			if !strings.HasPrefix(rest, "[") {
				return c.errorf(line, `avm diagnostics: expected a list such as ["avm/unknown-module": :off]`)
			}
			end := closingBracket(text, pos)
			if end < 0 || end > to {
				return c.errorf(line, "avm diagnostics: [ is not closed")
			}
			value = text[pos : end+1]
			if err := c.readMixDiagnostics(text, pos+1, end); err != nil {
				return err
			}
		default:
			return c.errorf(line, "avm: unknown setting %s (keys: %s)", key, avmKeys)
		}
		pos += len(value)
		if after := strings.TrimLeft(text[pos:to], " \t\r\n"); after != "" && after[0] != ',' {
			return c.errorf(lineAt(text, pos), "avm %s: expected a literal value followed by , or ]", key)
		}
	}
}

func (c *Config) readMixDiagnostics(text string, from, to int) error {
	pos := from
	for {
		for pos < to && strings.ContainsRune(" \t\r\n", rune(text[pos])) {
			pos++
		}
		if pos >= to {
			return nil
		}
		m := mixDiagnostic.FindStringSubmatch(text[pos:to])
		if m == nil {
			return c.errorf(lineAt(text, pos), `avm diagnostics: expected "code": :severity such as "avm/unknown-module": :off`)
		}
		code, sev := m[1]+m[3], m[2]+m[4]
		if err := c.setSeverity(code, sev, lineAt(text, pos)); err != nil {
			return err
		}
		pos += len(m[0])
	}
}

// closingBracket finds the ] that closes the [ at text[open], skipping
// strings; -1 when there is none.
func closingBracket(text string, open int) int {
	depth, inString := 0, false
	for i := open; i < len(text); i++ {
		switch ch := text[i]; {
		case inString && ch == '\\':
			i++
		case ch == '"':
			inString = !inString
		case inString:
		case ch == '[':
			depth++
		case ch == ']':
			depth--
			if depth == 0 {
				return i
			}
		}
	}
	return -1
}

// lineAt is the line number of offset pos in text.
func lineAt(text string, pos int) int { return 1 + strings.Count(text[:pos], "\n") }
