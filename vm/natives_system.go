package vm

import (
	"encoding/binary"
	"runtime"

	"github.com/avmtool/avm/vm/term"
)

// Natives describing the VM: system_info/1, memory/0,1, system_flag/2.

func init() {
	register("erlang",
		Native{Function: "system_info", Arity: 1, Fn: bifSystemInfo,
			Doc: "process_count, port_count, atom_count, word_size, schedulers, schedulers_online, otp_release, atomvm_version, machine, system_architecture, endian"},
		Native{Function: "memory", Arity: 0, Fn: bifMemory0, Doc: "memory use by kind: total, processes, binary, atom, code, ets"},
		Native{Function: "memory", Arity: 1, Fn: bifMemory1, Doc: "memory use of one kind, in bytes"},
		Native{Function: "system_flag", Arity: 2, Fn: bifSystemFlag, Doc: "schedulers_online (accepted, reported)"},
	)
}

// Version is avm's version, reported as system_info(atomvm_version); the
// CLI sets it at start-up.
var Version = "0.1.0-dev"

// otpRelease is the OTP release whose behaviour avm follows where releases
// differ (see the conformance notes).
const otpRelease = "25"

func bifSystemInfo(p *Process, args []term.Term) term.Term {
	h := p.heap
	m := p.m
	switch args[0] {
	case term.Atom("process_count"):
		m.procMu.RLock()
		n := len(m.procs)
		m.procMu.RUnlock()
		return term.MakeSmall(int64(n))
	case term.Atom("port_count"):
		return term.MakeSmall(0)
	case term.Atom("atom_count"):
		return term.MakeSmall(int64(term.AtomCount()))
	case term.Atom("atom_limit"):
		return term.MakeSmall(1048576)
	case term.Atom("process_limit"):
		return term.MakeSmall(1 << 27)
	case term.Atom("word_size"), term.Atom("wordsize"):
		return term.MakeSmall(8)
	case term.Atom("schedulers"), term.Atom("schedulers_online"):
		return term.MakeSmall(int64(m.schedulers()))
	case term.Atom("otp_release"):
		return charList(h, otpRelease)
	case term.Atom("atomvm_version"):
		return h.MakeBinary([]byte(Version))
	case term.Atom("machine"):
		return charList(h, "ATOM")
	case term.Atom("system_architecture"):
		return h.MakeBinary([]byte(runtime.GOARCH + "-" + runtime.GOOS + "-avm"))
	case term.Atom("version"):
		return charList(h, Version)
	case term.Atom("smp_support"), term.Atom("threads"):
		return term.True
	case term.Atom("emu_flavor"):
		return term.Atom("emu")
	case term.Atom("endian"):
		if binary.NativeEndian.Uint16([]byte{1, 0}) == 1 {
			return term.Atom("little")
		}
		return term.Atom("big")
	}
	if v := deviceSystemInfo(p, args[0]); v != term.NoValue {
		return v
	}
	return p.Badarg()
}

// memoryFigures estimates memory use the way erlang:memory/0 reports it.
// Process figures are the Go heap in use, which is where process heaps,
// stacks and mailboxes live; binaries are not counted apart.
func memoryFigures() []struct {
	key string
	v   uint64
} {
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	total := ms.HeapInuse + ms.StackInuse + ms.MSpanInuse + ms.MCacheInuse
	atoms := uint64(term.AtomCount()) * 32
	return []struct {
		key string
		v   uint64
	}{
		{"total", total}, {"processes", ms.HeapInuse}, {"processes_used", ms.HeapAlloc},
		{"system", total - ms.HeapInuse}, {"atom", atoms}, {"atom_used", atoms},
		{"binary", 0}, {"code", 0}, {"ets", 0},
	}
}

func bifMemory0(p *Process, args []term.Term) term.Term {
	h := p.heap
	var items []term.Term
	for _, f := range memoryFigures() {
		items = append(items, h.Tuple(term.Atom(f.key), h.Uint(f.v)))
	}
	return h.List(items...)
}

func bifMemory1(p *Process, args []term.Term) term.Term {
	figures := memoryFigures()
	value := func(k term.Term) (term.Term, bool) {
		for _, f := range figures {
			if term.Atom(f.key) == k {
				return p.heap.Uint(f.v), true
			}
		}
		return term.NoValue, false
	}
	if args[0].IsAtom() {
		if v, ok := value(args[0]); ok {
			return v
		}
		return p.Badarg()
	}
	keys, ok := p.heap.ListToSlice(args[0])
	if !ok {
		return p.Badarg()
	}
	var items []term.Term
	for _, k := range keys {
		v, ok := value(k)
		if !ok {
			return p.Badarg()
		}
		items = append(items, p.heap.Tuple(k, v))
	}
	return p.heap.List(items...)
}

func bifSystemFlag(p *Process, args []term.Term) term.Term {
	switch args[0] {
	case term.Atom("schedulers_online"):
		if n, ok := p.heap.Int64(args[1]); ok && n >= 1 {
			return term.MakeSmall(int64(p.m.schedulers()))
		}
	case term.Atom("backtrace_depth"):
		if n, ok := p.heap.Int64(args[1]); ok && n >= 0 {
			return term.MakeSmall(stackTraceDepth)
		}
	}
	return p.Badarg()
}
