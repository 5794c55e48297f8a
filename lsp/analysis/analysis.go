// Package analysis finds what in an Erlang module will not work on the
// project's AtomVM target, from the source alone: calls to functions the
// target lacks (judged by the VM's API registry, vm/api, by AtomVM release
// and platform — not by what avm implements locally), io:format format
// strings the target's io_lib cannot print, integer literals beyond the
// target's limit, bit syntax it cannot build, and features AtomVM does not
// have (-on_load, hot code loading, distribution).
//
// Diagnostics carry byte offsets into the source and a stable code
// (avm/unavailable-call, avm/format-directive, ...) by which a project can
// turn them off or change their severity, and a line can suppress them with
// a `% avm-ignore` comment.
package analysis

import (
	"context"
	"fmt"
	"path/filepath"
	"sort"
	"strings"

	"github.com/avmtool/avm/lsp/erlparse"
	"github.com/avmtool/avm/lsp/erlscan"
	"github.com/avmtool/avm/lsp/settings"
	"github.com/avmtool/avm/lsp/workspace"
	"github.com/avmtool/avm/vm/api"
)

// Severity follows LSP's numbering.
type Severity int

// Severities.
const (
	Error       Severity = 1
	Warning     Severity = 2
	Information Severity = 3
	Hint        Severity = 4
)

func (s Severity) String() string {
	switch s {
	case Error:
		return "error"
	case Warning:
		return "warning"
	case Information:
		return "info"
	}
	return "hint"
}

// Diagnostic codes.
const (
	CodeSyntax          = "avm/syntax"           // text the scanner cannot read
	CodeUnavailable     = "avm/unavailable-call" // the target lacks the function
	CodeUnknownModule   = "avm/unknown-module"   // neither AtomVM nor the project has the module
	CodeUndefined       = "avm/undefined-function"
	CodeFormatDirective = "avm/format-directive" // a format control the target cannot print
	CodeFormatArgs      = "avm/format-args"      // argument count differs from the format's
	CodeBigInt          = "avm/bigint-literal"
	CodeBitstring       = "avm/bitstring"
	CodeOnLoad          = "avm/on-load"
)

// Diagnostic is one finding.
type Diagnostic struct {
	// Pos and End are byte offsets into the source.
	Pos, End int
	Severity Severity
	Code     string
	Message  string
	// Fixes are edits that resolve the finding, when one is clear.
	Fixes []Fix
	// Source is the tool that found it; empty means avm's own analysis.
	Source string
}

// Fix is a named set of edits.
type Fix struct {
	Title string
	Edits []Edit
}

// Edit replaces the source bytes [Pos, End) by New.
type Edit struct {
	Pos, End int
	New      string
}

// Options are the inputs besides the module itself.
type Options struct {
	Config settings.Config
	// Workspace holds the project's modules; nil means none are known.
	Workspace *workspace.Index
}

// Check returns the diagnostics of a parsed module, sorted by position. It
// gives up with ctx's error when ctx is cancelled.
func Check(ctx context.Context, m *erlparse.Module, opts Options) ([]Diagnostic, error) {
	c := checker{m: m, opts: opts, cfg: opts.Config}
	for _, t := range m.ScanErrors {
		c.report(t.Pos, t.End, Error, CodeSyntax, t.Msg)
	}
	if m.OnLoad != nil {
		c.report(m.OnLoad.Pos, m.OnLoad.End, Error, CodeOnLoad,
			fmt.Sprintf("%s does not run -on_load functions: the module loads but its on_load function is never called; call it from your start function", c.cfg.Target()))
	}
	for i := range m.Calls {
		if i%256 == 0 && ctx.Err() != nil {
			return nil, ctx.Err()
		}
		c.call(&m.Calls[i])
	}
	if ctx.Err() != nil {
		return nil, ctx.Err()
	}
	for _, lit := range m.Integers {
		c.integer(lit)
	}
	for _, b := range m.Binaries {
		c.binary(b)
	}
	return c.finish(), nil
}

type checker struct {
	m     *erlparse.Module
	opts  Options
	cfg   settings.Config
	diags []Diagnostic
}

func (c *checker) report(pos, end int, sev Severity, code, msg string, fixes ...Fix) *Diagnostic {
	c.diags = append(c.diags, Diagnostic{Pos: pos, End: end, Severity: sev, Code: code, Message: msg, Fixes: fixes})
	return &c.diags[len(c.diags)-1]
}

// finish applies configuration and suppression comments, and sorts.
func (c *checker) finish() []Diagnostic {
	ignored := ignoredLines(c.m)
	out := c.diags[:0]
	for _, d := range c.diags {
		switch c.cfg.Diagnostics[d.Code] {
		case "off":
			continue
		case "error":
			d.Severity = Error
		case "warning":
			d.Severity = Warning
		case "info":
			d.Severity = Information
		case "hint":
			d.Severity = Hint
		}
		if codes, ok := ignored[lineOf(c.m.Src, d.Pos)]; ok && (len(codes) == 0 || codes[d.Code]) {
			continue
		}
		out = append(out, d)
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Pos != out[j].Pos {
			return out[i].Pos < out[j].Pos
		}
		return out[i].Code < out[j].Code
	})
	return out
}

func lineOf(src string, pos int) int { return strings.Count(src[:pos], "\n") }

// ignoredLines reads `% avm-ignore` comments. A comment after code
// suppresses diagnostics on its own line; a comment alone on its line
// suppresses them on the next line. `% avm-ignore avm/format-args,
// avm/bigint-literal` limits the suppression to those codes. The result
// maps 0-based lines to the codes suppressed (empty: all).
func ignoredLines(m *erlparse.Module) map[int]map[string]bool {
	out := map[int]map[string]bool{}
	for _, cm := range m.Comments {
		text := strings.TrimLeft(cm.Text, "% \t")
		rest, ok := strings.CutPrefix(text, "avm-ignore")
		if !ok || rest != "" && rest[0] != ' ' && rest[0] != '\t' && rest[0] != ':' {
			continue
		}
		codes := map[string]bool{}
		for _, f := range strings.FieldsFunc(rest, func(r rune) bool { return r == ',' || r == ' ' || r == '\t' || r == ':' }) {
			if strings.HasPrefix(f, "avm/") {
				codes[f] = true
			}
		}
		line := lineOf(m.Src, cm.Pos)
		lineStart := strings.LastIndexByte(m.Src[:cm.Pos], '\n') + 1
		if strings.TrimSpace(m.Src[lineStart:cm.Pos]) == "" {
			line++
		}
		out[line] = codes
	}
	return out
}

// severityIn lowers the severity of findings in code the parser cannot tell
// will be compiled (an undecided -ifdef section).
func severityIn(fn *erlparse.Function, s Severity) Severity {
	if fn != nil && fn.Conditional && s < Information {
		return Information
	}
	return s
}

// call checks one call site.
func (c *checker) call(call *erlparse.Call) {
	mod, fn, arity := call.Module, call.Function, call.Arity
	if call.Kind == erlparse.LocalCall || call.Kind == erlparse.FunRef && mod == "" {
		fa := erlparse.FA{Name: fn, Arity: arity}
		if c.m.Function(fa) != nil {
			return
		}
		if imp, ok := c.m.Imports[fa]; ok {
			mod = imp
		} else if autoImported[fa] && !c.m.NoAutoImport[fa] {
			mod = "erlang"
		} else {
			return // an undefined local function is the compiler's to report
		}
	}
	if call.Kind == erlparse.RemoteCall || call.Kind == erlparse.ApplyCall || call.Kind == erlparse.FunRef {
		c.format(call)
	}
	c.available(call, mod, fn, arity)
}

// available checks mod:fn/arity against the project and the target.
func (c *checker) available(call *erlparse.Call, mod, fn string, arity int) {
	mfa := fmt.Sprintf("%s:%s/%d", mod, fn, arity)
	sev := func(s Severity) Severity { return severityIn(call.In, s) }
	if fn == "module_info" && (arity == 0 || arity == 1) && (mod == c.m.Name || c.opts.Workspace.Lookup(mod) != nil) {
		return // every module has it
	}
	if mod == c.m.Name && mod != "" {
		fa := erlparse.FA{Name: fn, Arity: arity}
		if c.m.Function(fa) == nil {
			c.report(call.Pos, call.End, sev(Error), CodeUndefined, fmt.Sprintf("%s is not defined in this module", mfa))
		} else if call.Kind != erlparse.LocalCall && !c.m.Exported(fa) {
			c.report(call.Pos, call.End, sev(Error), CodeUndefined, fmt.Sprintf("%s is not exported; export it or call it as %s(...)", mfa, fn))
		}
		return
	}
	if pm := c.opts.Workspace.Lookup(mod); pm != nil {
		fa := erlparse.FA{Name: fn, Arity: arity}
		if f, ok := pm.Func(fa); !ok || !f.Exported {
			what := "does not export"
			if !ok {
				what = "does not define"
			}
			msg := fmt.Sprintf("%s: module %s (%s) %s %s", mfa, mod, filepath.Base(pm.Path), what, fa)
			if alts := otherArities(pm, fn, arity); alts != "" {
				msg += "; it exports " + alts
			}
			c.report(call.Pos, call.End, sev(Error), CodeUndefined, msg)
		}
		return
	}
	rel, plat := c.cfg.Release, c.cfg.Platform
	if api.Available(mod, fn, arity, rel, plat) {
		return
	}
	target := c.cfg.Target()
	note := lackingFeature(mod, fn, arity, rel)
	entries := api.Module(mod)
	moduleOnTarget := false
	for _, e := range entries {
		if api.Available(e.Module, e.Function, e.Arity, rel, plat) {
			moduleOnTarget = true
			break
		}
	}
	var msg string
	severity := Error
	switch {
	case moduleOnTarget:
		msg = fmt.Sprintf("%s is not available on %s", mfa, target)
	case len(entries) > 0 || note != "":
		msg = fmt.Sprintf("%s is not available on %s: module %s is not part of it", mfa, target, mod)
	default:
		// Users may pack OTP modules or their own dependencies, so an
		// unknown module is a warning, not an error.
		msg = fmt.Sprintf("module %s is neither part of %s nor of this project: %s is undefined on the device unless you pack %s.beam with the application", mod, target, mfa, mod)
		severity = Warning
		pos, end := call.ModTok.Pos, call.ModTok.End
		if end == 0 { // an imported function: no module written
			pos, end = call.Pos, call.End
		}
		c.report(pos, end, sev(severity), CodeUnknownModule, msg)
		return
	}
	if note != "" {
		msg += " (" + note + ")"
	}
	if alt := api.Alternative(mod, fn, arity, rel, plat); alt != "" {
		msg += "; " + alt
	}
	c.report(call.Pos, call.End, sev(severity), CodeUnavailable, msg)
}

func otherArities(m *workspace.Module, fn string, arity int) string {
	var out []string
	for _, f := range m.Exports() {
		if f.Name == fn && f.Arity != arity {
			out = append(out, f.FA.String())
		}
	}
	return strings.Join(out, ", ")
}

// lackingFeature explains why whole families of functions are missing on
// AtomVM.
func lackingFeature(mod, fn string, arity int, release string) string {
	switch mod {
	case "rpc", "global", "net_adm", "slave", "peer", "pg", "global_group", "erpc", "net_kernel":
		return "AtomVM has no or only partial Erlang distribution"
	case "code":
		switch fn {
		case "purge", "soft_purge", "delete", "load_file", "add_path", "add_patha", "add_pathz", "load_abs":
			return "AtomVM has no hot code loading"
		}
	case "erlang":
		switch fn {
		case "purge_module", "load_module", "check_process_code", "check_old_code", "delete_module", "pre_loaded":
			return "AtomVM has no hot code loading"
		case "monitor_node", "disconnect_node", "nodes", "spawn", "spawn_link", "is_alive", "set_cookie", "get_cookie":
			if fn == "spawn" || fn == "spawn_link" {
				if arity != 2 && arity != 4 {
					return ""
				}
			}
			return "AtomVM has no or only partial Erlang distribution"
		case "get_stacktrace":
			return "removed from OTP 23 and absent on AtomVM; use try ... catch Class:Reason:Stacktrace"
		}
	case "ets":
		if releaseBefore(release, "0.7") {
			return "AtomVM has ETS from 0.7 on"
		}
	case "dets", "mnesia":
		return "AtomVM has no disk or distributed tables"
	}
	return ""
}

// integer checks an integer literal against the target's integer size.
func (c *checker) integer(lit erlparse.IntLit) {
	if len(lit.Tok.Text) < 19 && !strings.ContainsAny(lit.Tok.Text, "#_") {
		return // below 10^18: fits every target
	}
	v := lit.Tok.Int()
	if v == nil {
		return
	}
	if lit.Negative {
		v.Neg(v)
	}
	var ok bool
	var limit string
	if releaseBefore(c.cfg.Release, "0.7") {
		ok, limit = v.IsInt64(), "64-bit signed integers"
	} else {
		ok, limit = v.BitLen() <= 256, "integers of at most 256 bits plus sign"
	}
	if !ok {
		c.report(lit.Pos, lit.End, severityIn(lit.In, Error), CodeBigInt,
			fmt.Sprintf("integer literal does not fit %s: %s has %s", c.cfg.Target(), c.cfg.Target(), limit))
	}
}

// releaseBefore compares "0.6" < "0.7" and the like.
func releaseBefore(r, than string) bool {
	var a1, a2, b1, b2 int
	fmt.Sscanf(r, "%d.%d", &a1, &a2)
	fmt.Sscanf(than, "%d.%d", &b1, &b2)
	return a1 < b1 || a1 == b1 && a2 < b2
}

// binary checks bit syntax the target cannot handle.
func (c *checker) binary(b erlparse.Binary) {
	old := releaseBefore(c.cfg.Release, "0.7")
	target := c.cfg.Target()
	total, known := 0, true
	for _, s := range b.Segments {
		typ, signed, little := "integer", false, false
		for _, t := range s.Types {
			switch t {
			case "integer", "float", "binary", "bytes", "bitstring", "bits", "utf8", "utf16", "utf32":
				typ = t
			case "signed":
				signed = true
			case "little":
				little = true
			}
		}
		if typ == "bits" || typ == "bitstring" {
			if old {
				c.report(s.Pos, s.End, severityIn(b.In, Error), CodeBitstring,
					fmt.Sprintf("%s cannot build or match bitstrings: use binary and byte-aligned sizes", target))
			}
			known = false
			continue
		}
		size := -1
		switch {
		case len(s.Size) == 1 && s.Size[0].Kind == erlscan.Integer:
			if v := s.Size[0].Int(); v != nil && v.IsInt64() && v.Int64() < 1<<20 {
				size = int(v.Int64())
			}
		case s.Size != nil:
		case len(s.Value) == 1 && s.Value[0].Kind == erlscan.String && typ == "integer":
			size = 8 * len([]rune(s.Value[0].Value)) // <<"abc">>
		case typ == "integer":
			size = 8
		case typ == "float":
			size = 64
		}
		unit := s.Unit
		if unit == 0 {
			unit = 1
			if typ == "binary" || typ == "bytes" {
				unit = 8
			}
		}
		if size < 0 {
			known = false
			continue
		}
		bits := size * unit
		total += bits
		if old && typ == "integer" {
			switch {
			case bits%8 != 0:
				c.report(s.Pos, s.End, severityIn(b.In, Error), CodeBitstring,
					fmt.Sprintf("%s packs and unpacks integers only on 8-bit boundaries; this segment has %d bits", target, bits))
			case (little || signed) && bits != 8 && bits != 16 && bits != 32 && !(bits == 64 && !signed):
				c.report(s.Pos, s.End, severityIn(b.In, Error), CodeBitstring,
					fmt.Sprintf("%s handles little-endian and signed integer segments of 8, 16 and 32 bits (64 only unsigned), not %d", target, bits))
			case bits > 64:
				c.report(s.Pos, s.End, severityIn(b.In, Error), CodeBitstring,
					fmt.Sprintf("%s has no integer segments over 64 bits; this one has %d", target, bits))
			}
		}
	}
	if !old && known && total%8 != 0 {
		c.report(b.Pos, b.End, severityIn(b.In, Error), CodeBitstring,
			fmt.Sprintf("this binary has %d bits: %s supports bit syntax only when the result is a whole number of bytes", total, target))
	}
}

// autoImported are the BIFs callable without the erlang: prefix
// (OTP's erl_internal:bif/2).
var autoImported = func() map[erlparse.FA]bool {
	m := map[erlparse.FA]bool{}
	for _, spec := range strings.Fields(`abs/1 apply/2 apply/3 atom_to_binary/1 atom_to_binary/2 atom_to_list/1
		binary_part/2 binary_part/3 binary_to_atom/1 binary_to_atom/2 binary_to_existing_atom/1
		binary_to_existing_atom/2 binary_to_float/1 binary_to_integer/1 binary_to_integer/2
		binary_to_list/1 binary_to_list/3 binary_to_term/1 binary_to_term/2 bit_size/1
		bitstring_to_list/1 byte_size/1 ceil/1 check_old_code/1 check_process_code/2
		check_process_code/3 date/0 delete_module/1 demonitor/1 demonitor/2 disconnect_node/1
		element/2 erase/0 erase/1 error/1 error/2 error/3 exit/1 exit/2 float/1 float_to_binary/1
		float_to_binary/2 float_to_list/1 float_to_list/2 floor/1 garbage_collect/0 garbage_collect/1
		garbage_collect/2 get/0 get/1 get_keys/0 get_keys/1 group_leader/0 group_leader/2 halt/0
		halt/1 halt/2 hd/1 integer_to_binary/1 integer_to_binary/2 integer_to_list/1
		integer_to_list/2 iolist_size/1 iolist_to_binary/1 is_alive/0 is_atom/1 is_binary/1
		is_bitstring/1 is_boolean/1 is_float/1 is_function/1 is_function/2 is_integer/1 is_list/1
		is_map/1 is_map_key/2 is_number/1 is_pid/1 is_port/1 is_process_alive/1 is_record/2
		is_record/3 is_reference/1 is_tuple/1 length/1 link/1 list_to_atom/1 list_to_binary/1
		list_to_bitstring/1 list_to_existing_atom/1 list_to_float/1 list_to_integer/1
		list_to_integer/2 list_to_pid/1 list_to_port/1 list_to_ref/1 list_to_tuple/1 load_module/2
		make_ref/0 map_get/2 map_size/1 max/2 min/2 module_loaded/1 monitor/2 monitor/3
		monitor_node/2 monitor_node/3 node/0 node/1 nodes/0 nodes/1 now/0 open_port/2
		pid_to_list/1 port_close/1 port_command/2 port_command/3 port_connect/2 port_control/3
		port_to_list/1 pre_loaded/0 process_flag/2 process_flag/3 process_info/1 process_info/2
		processes/0 purge_module/1 put/2 ref_to_list/1 register/2 registered/0 round/1 self/0
		setelement/3 size/1 spawn/1 spawn/2 spawn/3 spawn/4 spawn_link/1 spawn_link/2 spawn_link/3
		spawn_link/4 spawn_monitor/1 spawn_monitor/2 spawn_monitor/3 spawn_monitor/4 spawn_opt/2
		spawn_opt/3 spawn_opt/4 spawn_opt/5 split_binary/2 statistics/1 term_to_binary/1
		term_to_binary/2 term_to_iovec/1 term_to_iovec/2 throw/1 time/0 tl/1 trunc/1 tuple_size/1
		tuple_to_list/1 unlink/1 unregister/1 whereis/1`) {
		name, ar, _ := strings.Cut(spec, "/")
		n := 0
		fmt.Sscanf(ar, "%d", &n)
		m[erlparse.FA{Name: name, Arity: n}] = true
	}
	return m
}()
