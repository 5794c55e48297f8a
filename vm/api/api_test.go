package api

import (
	"cmp"
	"slices"
	"strings"
	"testing"

	"github.com/avmtool/avm/packbeam"
	"github.com/avmtool/avm/vm"
	"github.com/avmtool/avm/vm/beam"
	"github.com/avmtool/avm/vm/stdlib"
)

func TestEveryNativeIsListed(t *testing.T) {
	for _, n := range vm.Natives() {
		e, ok := Lookup(n.Module, n.Function, n.Arity)
		switch {
		case !ok:
			t.Errorf("native %s is not in the registry", mfaString(n.Module, n.Function, n.Arity))
		case !e.Implemented || e.Kind != nativeKind(n) || e.Guard != n.Guard:
			t.Errorf("%s: implemented %v, kind %q, guard %v; want true, %q, %v",
				e.MFA(), e.Implemented, e.Kind, e.Guard, nativeKind(n), n.Guard)
		case strings.TrimSpace(e.Doc) == "":
			t.Errorf("native %s has no Doc (set Doc in its register call)", e.MFA())
		}
	}
}

func TestEveryBundledExportIsListedWithADoc(t *testing.T) {
	exports, err := bundledExports()
	if err != nil {
		t.Fatal(err)
	}
	if len(exports) == 0 {
		t.Fatal("the bundled stdlib exports nothing")
	}
	var undocumented []string
	for _, k := range exports {
		e, ok := Lookup(k.module, k.function, k.arity)
		switch {
		case !ok || !e.Implemented:
			t.Errorf("bundled export %s is not in the registry as implemented", mfaString(k.module, k.function, k.arity))
		case e.Doc == "":
			undocumented = append(undocumented, e.MFA())
		case e.Kind != KindErlang && e.Kind != KindBIF && e.Kind != KindNative:
			t.Errorf("%s: kind %q", e.MFA(), e.Kind)
		}
	}
	if len(undocumented) > 0 {
		slices.Sort(undocumented)
		t.Errorf("%d bundled exports have no doc; add a line per function to vm/api/erlang_docs.tsv:\n%s",
			len(undocumented), strings.Join(undocumented, "\n"))
	}
}

// TestDocTableIsCurrent fails on doc lines for functions the bundled
// library no longer exports, or that a native (with its own Doc) provides.
func TestDocTableIsCurrent(t *testing.T) {
	docs, err := parseDocs("erlang_docs.tsv", erlangDocsTSV)
	if err != nil {
		t.Fatal(err)
	}
	exports, err := bundledExports()
	if err != nil {
		t.Fatal(err)
	}
	for k := range docs {
		m := mfaString(k.module, k.function, k.arity)
		e, _ := Lookup(k.module, k.function, k.arity)
		switch {
		case !slices.Contains(exports, k):
			t.Errorf("erlang_docs.tsv documents %s, which the bundled stdlib does not export", m)
		case e.Kind != KindErlang:
			t.Errorf("erlang_docs.tsv documents %s, which is a %s with its own Doc; remove the line", m, e.Kind)
		}
	}
}

// TestBundledCallsResolve walks the import table of every bundled module:
// each imported function must be a native or a bundled export, which is
// how the VM binds call_ext, bif and gc_bif operands (Machine.exportEntry).
// avm_elixir, which starts Elixir apps, may call into Elixir's library.
func TestBundledCallsResolve(t *testing.T) {
	a, err := packbeam.Read("stdlib.avm", stdlib.Archive())
	if err != nil {
		t.Fatal(err)
	}
	var unresolved []string
	for _, e := range a.Entries {
		if !e.IsBEAM() {
			continue
		}
		f, err := beam.Parse(e.Name, e.Data)
		if err != nil {
			t.Fatal(err)
		}
		for _, imp := range f.Imports {
			m, err1 := atomName(f, imp.Module)
			fn, err2 := atomName(f, imp.Function)
			if err1 != nil || err2 != nil {
				t.Fatalf("%s: import table: %v %v", e.Name, err1, err2)
			}
			if f.Module == "avm_elixir" && (strings.HasPrefix(m, "elixir_") || strings.HasPrefix(m, "Elixir.")) {
				continue // the user's Elixir library, which an Elixir app runs on
			}
			if x, ok := Lookup(m, fn, int(imp.Arity)); !ok || !x.Implemented {
				unresolved = append(unresolved, f.Module+" calls "+mfaString(m, fn, int(imp.Arity)))
			}
		}
	}
	if len(unresolved) > 0 {
		t.Errorf("%d calls in the bundled stdlib resolve to no native or bundled export:\n%s",
			len(unresolved), strings.Join(unresolved, "\n"))
	}
}

func TestAllIsSortedAndIndexed(t *testing.T) {
	all := All()
	if !slices.IsSortedFunc(all, func(a, b Entry) int {
		return cmp.Or(strings.Compare(a.Module, b.Module), strings.Compare(a.Function, b.Function),
			cmp.Compare(a.Arity, b.Arity))
	}) {
		t.Error("All() is not sorted by module, function, arity")
	}
	mods := Modules()
	if !slices.IsSorted(mods) {
		t.Error("Modules() is not sorted")
	}
	n := 0
	for _, m := range mods {
		es := Module(m)
		if len(es) == 0 {
			t.Errorf("Module(%q) is empty", m)
		}
		n += len(es)
	}
	if n != len(all) {
		t.Errorf("modules hold %d entries, All() %d", n, len(all))
	}
	for _, e := range all {
		if strings.Contains(e.Doc, "\n") { // missing docs: TestEveryBundledExportIsListedWithADoc
			t.Errorf("%s: doc %q is not one line", e.MFA(), e.Doc)
		}
		if e.Implemented != (e.Kind != "") {
			t.Errorf("%s: implemented %v with kind %q", e.MFA(), e.Implemented, e.Kind)
		}
		if !e.Implemented && len(e.AtomVM) == 0 {
			t.Errorf("%s: neither avm nor AtomVM has it", e.MFA())
		}
	}
	if Module("no_such_module") != nil {
		t.Error("Module of an unknown module is not nil")
	}
}

// The modules of AtomVM's tables in shared/notes/lsp.md §4 (Erlang side;
// emscripten-only and alisp modules left out, serial_dist* are newer than
// 0.7.0-alpha.1).
var notesModules = []string{
	"ahttp_client", "application", "atomvm", "avm_pubsub", "base64", "binary", "calendar", "code",
	"code_server", "console", "crypto", "dist_util", "epmd", "erl_epmd", "erlang", "erpc", "erts_debug",
	"erts_internal", "esp", "esp32devmode", "esp32init", "esp_adc", "esp_dac", "etest", "ets", "eunit",
	"file", "filename", "gen", "gen_event", "gen_server", "gen_statem", "gen_tcp", "gen_tcp_inet",
	"gen_tcp_socket", "gen_udp", "gen_udp_inet", "gen_udp_socket", "gpio", "http_server", "i2c", "inet",
	"init", "io", "io_lib", "json", "json_encoder", "kernel", "ledc", "lists", "logger", "logger_manager",
	"logger_std_h", "maps", "math", "mdns", "net", "net_kernel", "net_kernel_sup", "network",
	"network_fsm", "os", "pico", "port", "proc_lib", "proplists", "queue", "sets", "socket",
	"socket_dist", "socket_dist_controller", "spi", "ssl", "string", "supervisor", "sys", "timer",
	"timer_manager", "timestamp_util", "uart", "unicode", "zlib",
}

func TestAtomVMTableCoversTheNotes(t *testing.T) {
	rows, err := atomvmTable()
	if err != nil {
		t.Fatal(err)
	}
	have := map[string]bool{}
	count := map[string]int{}
	for _, r := range rows {
		have[r.module] = true
		for _, a := range r.avail {
			for _, p := range a.Platforms {
				count[a.Release+"/"+p]++
			}
		}
	}
	for _, m := range notesModules {
		if !have[m] {
			t.Errorf("atomvm.tsv has no function of module %s", m)
		}
	}
	// Each release has the bulk of its functions on every platform; a
	// regenerated table that lost a platform shows here.
	for _, r := range releases {
		for _, p := range platforms {
			if count[r+"/"+p] < 400 {
				t.Errorf("AtomVM %s on %s has only %d functions", r, p, count[r+"/"+p])
			}
		}
	}
}

func TestAvailable(t *testing.T) {
	type c struct {
		mfa      string
		release  string
		platform string
		want     bool
	}
	cases := []c{
		{"gpio:digital_write/2", "0.7", "esp32", true},
		{"gpio:digital_write/2", "0.7", "generic_unix", false},
		{"gpio:digital_write/2", "0.6", "rp2", true},
		{"gpio:set_level/3", "0.6", "rp2", false}, // port driver API: esp32 and stm32 only
		{"gpio:set_level/3", "0.6", "stm32", true},
		{"esp:restart/0", "0.6", "esp32", true},
		{"esp:restart/0", "0.6", "stm32", false},
		{"pico:rtc_set_datetime/1", "0.7", "rp2", true},
		{"pico:rtc_set_datetime/1", "0.7", "esp32", false},
		{"socket:open/3", "0.7", "stm32", false},
		{"socket:open/3", "0.7", "rp2", true},
		{"atomvm:subprocess/4", "0.7", "generic_unix", true},
		{"atomvm:subprocess/4", "0.7", "esp32", false},
		{"atomvm:posix_open/2", "0.6", "stm32", false},
		{"io:fwrite/2", "0.6", "generic_unix", false},
		{"io:fwrite/2", "0.7", "generic_unix", true},
		{"io:format/2", "0.6.6", "stm32", true}, // a patch release reads as its minor
		{"json_encoder:encode/1", "0.6", "esp32", true},
		{"json_encoder:encode/1", "0.7", "esp32", false},
		{"erlang:list_to_bitstring/1", "0.7", "stm32", true},
		{"erlang:list_to_bitstring/1", "0.6", "stm32", false},
		{"lists:keysort/2", "0.6", "esp32", false},
		{"lists:module_info/0", "0.6", "esp32", true},
		{"no_such_module:module_info/0", "0.6", "esp32", false},
		{"erlang:display/1", "0.5", "esp32", false},
		{"erlang:display/1", "0.7", "emscripten", false},
	}
	for _, p := range platforms {
		for _, r := range releases {
			cases = append(cases, c{"erlang:display/1", r, p, true}, c{"erlang:'+'/2", r, p, false},
				c{"erlang:+/2", r, p, true}, c{"lists:reverse/1", r, p, true})
		}
	}
	for _, tc := range cases {
		k, err := parseMFA(tc.mfa)
		if err != nil {
			t.Fatal(err)
		}
		if got := Available(k.module, k.function, k.arity, tc.release, tc.platform); got != tc.want {
			t.Errorf("Available(%s, %s, %s) = %v, want %v", tc.mfa, tc.release, tc.platform, got, tc.want)
		}
	}
}

func TestAtomVMOnlyEntries(t *testing.T) {
	e, ok := Lookup("esp", "sleep_enable_ext0_wakeup", 2)
	if !ok {
		t.Fatal("esp:sleep_enable_ext0_wakeup/2 is not in the registry")
	}
	if e.Implemented || e.Kind != "" {
		t.Errorf("esp:sleep_enable_ext0_wakeup/2: implemented %v, kind %q; avm has no wakeup sources", e.Implemented, e.Kind)
	}
	if !strings.Contains(e.Doc, "not implemented by avm") {
		t.Errorf("esp:sleep_enable_ext0_wakeup/2: doc %q", e.Doc)
	}
	want := []Availability{{"0.6", []string{"esp32"}}, {"0.7", []string{"esp32"}}}
	if !slices.EqualFunc(e.AtomVM, want, func(a, b Availability) bool {
		return a.Release == b.Release && slices.Equal(a.Platforms, b.Platforms)
	}) {
		t.Errorf("esp:sleep_enable_ext0_wakeup/2 on AtomVM: %v, want %v", e.AtomVM, want)
	}
	g, _ := Lookup("gpio", "digital_write", 2)
	if !g.Implemented || g.Kind != KindNative || len(g.AtomVM) != 2 {
		t.Errorf("gpio:digital_write/2: %+v; want a native that AtomVM 0.6 and 0.7 have", g)
	}
	d, _ := Lookup("erlang", "display", 1)
	if !d.Implemented || d.Kind != KindBIF || len(d.AtomVM) != 2 {
		t.Errorf("erlang:display/1: %+v", d)
	}
}

func TestAlternative(t *testing.T) {
	cases := []struct {
		mfa, release, platform string
		want                   string // substring; "" means no hint
	}{
		{"io:fwrite/2", "0.6", "esp32", "use io:format/2"},
		{"gpio:set_level/3", "0.6", "rp2", "use gpio:digital_write/2"},
		{"gpio:digital_write/2", "0.6", "generic_unix", "only on esp32, stm32, rp2"},
		{"erlang:display/1", "0.6", "esp32", ""}, // available
		{"json_encoder:encode/1", "0.7", "esp32", "use json:encode/1"},
		{"esp:restart/0", "0.7", "stm32", "only on esp32"},
		{"erlang:list_to_bitstring/1", "0.6", "esp32", "in AtomVM 0.7 on esp32"},
		{"io:format/3", "0.6", "esp32", "io:format/1, io:format/2"},
		{"nosuch:f/0", "0.7", "esp32", ""},
		{"gpio:wakeup_enable/2", "0.6", "rp2", "exists only on AtomVM 0.7 on esp32"},
	}
	for _, tc := range cases {
		k, _ := parseMFA(tc.mfa)
		got := Alternative(k.module, k.function, k.arity, tc.release, tc.platform)
		if tc.want == "" && got != "" || !strings.Contains(got, tc.want) {
			t.Errorf("Alternative(%s, %s, %s) = %q, want %q", tc.mfa, tc.release, tc.platform, got, tc.want)
		}
	}
}

// TestReplacementsApply checks that each replacement is offered on some
// AtomVM target, so the table holds no dead entries.
func TestReplacementsApply(t *testing.T) {
	for k, alts := range replacements {
		used := false
		for _, r := range releases {
			for _, p := range platforms {
				h := Alternative(k.module, k.function, k.arity, r, p)
				for _, alt := range alts {
					used = used || strings.HasPrefix(h, "use "+alt+":")
				}
			}
		}
		if !used {
			t.Errorf("replacement of %s is never offered", mfaString(k.module, k.function, k.arity))
		}
	}
}

func TestParseErrors(t *testing.T) {
	atomvm := []struct{ text, want string }{
		{"m\tf\t1\tall\n", "4 fields, want 6"},
		{"m\tf\tx\tall\tall\tnif\n", "bad function m:f/x"},
		{"m\tf\t1\tall\tmars\tnif\n", `release 0.7: unknown platform "mars"`},
		{"m\tf\t1\t-\t-\tnif\n", "m:f/1 is on no release"},
		{"# c\nm\tf\t1\tall\tall\tnif\nm\tf\t1\tall\tall\tnif\n", "t.tsv:3: m:f/1 listed twice"},
	}
	for _, tc := range atomvm {
		if _, err := parseAtomVM("t.tsv", tc.text); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("parseAtomVM(%q): %v, want %q", tc.text, err, tc.want)
		}
	}
	docs := []struct{ text, want string }{
		{"m:f/1\n", `t.tsv:1: want "module:function/arity<TAB>doc"`},
		{"m:f/1\t \n", `want "module:function/arity<TAB>doc"`},
		{"mf/1\tx\n", `"mf/1" is not module:function/arity`},
		{"m:f/x\tx\n", "bad arity"},
		{"m:f/1\tx\nm:f/1\ty\n", "t.tsv:2: m:f/1 documented twice"},
	}
	for _, tc := range docs {
		if _, err := parseDocs("t.tsv", tc.text); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("parseDocs(%q): %v, want %q", tc.text, err, tc.want)
		}
	}
	k, err := parseMFA("erlang://2")
	if err != nil || k != (key{"erlang", "/", 2}) {
		t.Errorf("parseMFA(erlang://2) = %v, %v", k, err)
	}
}

// BenchmarkBuild measures what the first call of any lookup costs (the LSP
// pays it at startup).
func BenchmarkBuild(b *testing.B) {
	for b.Loop() {
		if _, err := build(); err != nil {
			b.Fatal(err)
		}
	}
}
