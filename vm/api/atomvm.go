package api

import (
	_ "embed"
	"fmt"
	"slices"
	"strconv"
	"strings"
)

//go:embed atomvm.tsv
var atomvmTSV string

var (
	releases  = []string{"0.6", "0.7"}
	platforms = []string{"generic_unix", "esp32", "stm32", "rp2"}
)

// Releases returns the AtomVM releases the registry knows, oldest first.
func Releases() []string { return slices.Clone(releases) }

// Platforms returns the AtomVM platforms the registry knows.
func Platforms() []string { return slices.Clone(platforms) }

// atomvmRow is one line of atomvm.tsv.
type atomvmRow struct {
	key
	avail  []Availability
	origin string // bif, nif, platform-nif or an Erlang library
}

func (r atomvmRow) originText() string {
	switch r.origin {
	case "bif":
		return "BIF"
	case "nif":
		return "NIF"
	case "platform-nif":
		return "platform NIF"
	}
	return r.origin + " library function"
}

// atomvmTable parses the embedded atomvm.tsv.
func atomvmTable() ([]atomvmRow, error) { return parseAtomVM("atomvm.tsv", atomvmTSV) }

func parseAtomVM(name, text string) ([]atomvmRow, error) {
	var rows []atomvmRow
	seen := map[key]bool{}
	for n, line := range strings.Split(text, "\n") {
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		errorf := func(format string, args ...any) error {
			return fmt.Errorf("%s:%d: %s", name, n+1, fmt.Sprintf(format, args...))
		}
		f := strings.Split(line, "\t")
		if len(f) != 4+len(releases) {
			return nil, errorf("%d fields, want %d (module, function, arity, %s, origin)",
				len(f), 4+len(releases), strings.Join(releases, ", "))
		}
		a, err := strconv.Atoi(f[2])
		if err != nil || a < 0 || a > 255 || f[0] == "" || f[1] == "" {
			return nil, errorf("bad function %s:%s/%s", f[0], f[1], f[2])
		}
		row := atomvmRow{key: key{f[0], f[1], a}, origin: f[len(f)-1]}
		if seen[row.key] {
			return nil, errorf("%s listed twice", mfaString(f[0], f[1], a))
		}
		seen[row.key] = true
		for i, rel := range releases {
			ps, err := parsePlatforms(f[3+i])
			if err != nil {
				return nil, errorf("release %s: %v", rel, err)
			}
			if len(ps) > 0 {
				row.avail = append(row.avail, Availability{Release: rel, Platforms: ps})
			}
		}
		if len(row.avail) == 0 {
			return nil, errorf("%s is on no release", mfaString(f[0], f[1], a))
		}
		rows = append(rows, row)
	}
	return rows, nil
}

// parsePlatforms reads "all", "-" or a comma list of platforms.
func parsePlatforms(s string) ([]string, error) {
	switch s {
	case "-":
		return nil, nil
	case "all":
		return Platforms(), nil
	}
	ps := strings.Split(s, ",")
	for _, p := range ps {
		if !slices.Contains(platforms, p) {
			return nil, fmt.Errorf("unknown platform %q", p)
		}
	}
	return ps, nil
}

// normRelease maps "0.6.6" or "v0.6" to "0.6".
func normRelease(r string) string {
	r = strings.TrimPrefix(r, "v")
	if parts := strings.SplitN(r, ".", 3); len(parts) >= 2 {
		return parts[0] + "." + parts[1]
	}
	return r
}

// Available reports whether module:function/arity exists on a real AtomVM
// release ("0.6", "0.7"; "0.6.6" is read as "0.6") and platform.
// module_info/0,1 exists in every module the target has.
func Available(module, function string, arity int, release, platform string) bool {
	release = normRelease(release)
	if function == "module_info" && (arity == 0 || arity == 1) {
		for _, e := range reg().byModule[module] {
			if onTarget(e, release, platform) {
				return true
			}
		}
		return false
	}
	e, ok := Lookup(module, function, arity)
	return ok && onTarget(e, release, platform)
}

func onTarget(e Entry, release, platform string) bool {
	for _, a := range e.AtomVM {
		if a.Release == release && slices.Contains(a.Platforms, platform) {
			return true
		}
	}
	return false
}

// replacements name what to call instead of a function a target lacks;
// Alternative offers one only when the target has it.
var replacements = map[key][]string{
	{"gpio", "set_level", 3}:        {"gpio:digital_write/2"},
	{"gpio", "read", 2}:             {"gpio:digital_read/1"},
	{"gpio", "set_direction", 3}:    {"gpio:set_pin_mode/2"},
	{"io", "fwrite", 1}:             {"io:format/1"},
	{"io", "fwrite", 2}:             {"io:format/2"},
	{"io_lib", "fwrite", 2}:         {"io_lib:format/2"},
	{"json_encoder", "encode", 1}:   {"json:encode/1"},
	{"crypto", "hash", 2}:           {"erlang:md5/1 (for md5)"},
	{"erlang", "display_string", 1}: {"console:print/1", "io:put_chars/1"},
	{"lists", "keysort", 2}:         {"lists:sort/2 (with a key comparator)"},
	{"lists", "ukeysort", 2}:        {"lists:usort/2 (with a key comparator)"},
	{"timer", "send_after", 3}:      {"erlang:send_after/3"},
	{"timer", "send_after", 2}:      {"erlang:send_after/3"},
	{"timer", "apply_after", 4}:     {"erlang:send_after/3 and a receive"},
	{"os", "system_time", 1}:        {"erlang:system_time/1"},
	{"os", "system_time", 0}:        {"erlang:system_time/1"},
	{"string", "length", 1}:         {"erlang:length/1 (on a list of code points)"},
}

// Alternative returns a hint for a function the AtomVM target lacks: what to
// call instead, another arity, or where it does exist. It returns "" when
// the target has the function or nothing is known.
func Alternative(module, function string, arity int, release, platform string) string {
	release = normRelease(release)
	if Available(module, function, arity, release, platform) {
		return ""
	}
	mfa := mfaString(module, function, arity)
	for _, alt := range replacements[key{module, function, arity}] {
		target := alt
		if i := strings.IndexByte(alt, ' '); i > 0 {
			target = alt[:i]
		}
		if k, err := parseMFA(target); err == nil && Available(k.module, k.function, k.arity, release, platform) {
			return fmt.Sprintf("use %s: AtomVM %s on %s has no %s", alt, release, platform, mfa)
		}
	}
	var arities []string
	for _, e := range reg().byModule[module] {
		if e.Function == function && e.Arity != arity && onTarget(e, release, platform) {
			arities = append(arities, mfaString(module, function, e.Arity))
		}
	}
	if len(arities) > 0 {
		return fmt.Sprintf("AtomVM %s on %s has %s, not /%d", release, platform, strings.Join(arities, ", "), arity)
	}
	e, ok := Lookup(module, function, arity)
	if !ok || len(e.AtomVM) == 0 {
		return ""
	}
	for _, a := range e.AtomVM {
		if a.Release != release && slices.Contains(a.Platforms, platform) {
			return fmt.Sprintf("%s is in AtomVM %s on %s, not in %s", mfa, a.Release, platform, release)
		}
	}
	for _, a := range e.AtomVM {
		if a.Release == release {
			return fmt.Sprintf("%s exists on AtomVM %s only on %s", mfa, release, strings.Join(a.Platforms, ", "))
		}
	}
	a := e.AtomVM[len(e.AtomVM)-1]
	return fmt.Sprintf("%s exists only on AtomVM %s on %s", mfa, a.Release, strings.Join(a.Platforms, ", "))
}
