package vm

import (
	"crypto/md5"

	"github.com/avmtool/avm/vm/etf"
	"github.com/avmtool/avm/vm/term"
)

// External term format natives.

func init() {
	register("erlang",
		Native{Function: "term_to_binary", Arity: 1, Fn: bifTermToBinary,
			Doc: "the external term format of a term, as OTP 25 writes it"},
		Native{Function: "term_to_binary", Arity: 2, Fn: bifTermToBinary,
			Doc: "term_to_binary with options: compressed, {compressed, L}, {minor_version, N}, deterministic"},
		Native{Function: "term_to_iovec", Arity: 1, Fn: bifTermToIovec,
			Doc: "term_to_binary/1 as a list of binaries"},
		Native{Function: "binary_to_term", Arity: 1, Fn: bifBinaryToTerm,
			Doc: "decode a term from the external term format"},
		Native{Function: "binary_to_term", Arity: 2, Fn: bifBinaryToTerm,
			Doc: "binary_to_term with options: safe, used"},
		Native{Function: "module_loaded", Arity: 1, Fn: bifModuleLoaded, Doc: "true if the module is loaded"},
	)
	etf.FunInfo = func(ref uint64) (etf.FunIdentity, bool) {
		mod := moduleByID(uint32(ref >> 32))
		i := int(uint32(ref))
		if i >= len(mod.lambdas) {
			return etf.FunIdentity{}, false
		}
		lam := mod.lambdas[i]
		return etf.FunIdentity{Module: mod.Name(), Arity: lam.arity, Index: i, Uniq: mod.digest(),
			OldIndex: lam.index, OldUniq: lam.uniq}, true
	}
}

// digest is the module's MD5 as module_info(md5) reports it.
func (m *Module) digest() [16]byte {
	if m.md5 != nil {
		return *m.md5
	}
	return md5.Sum([]byte(m.Name()))
}

var (
	atomCompressed    = term.Atom("compressed")
	atomMinorVersion  = term.Atom("minor_version")
	atomDeterministic = term.Atom("deterministic")
	atomSafe          = term.Atom("safe")
	atomUsed          = term.Atom("used")
)

func bifTermToBinary(p *Process, args []term.Term) term.Term {
	h := p.heap
	var opts etf.EncodeOptions
	if len(args) == 2 {
		list, ok := h.ListToSlice(args[1])
		if !ok {
			return p.Badarg()
		}
		for _, o := range list {
			switch {
			case o == atomCompressed:
				opts.Compressed = 6
			case o == atomDeterministic:
			case h.IsTuple(o) && h.TupleSize(o) == 2:
				kv := h.TupleElems(o)
				n, isSmall := smallArg(kv[1])
				switch {
				case kv[0] == atomCompressed && isSmall && n >= 0 && n <= 9:
					opts.Compressed = int(n)
				case kv[0] == atomMinorVersion && isSmall:
					mv, ok := etf.MinorVersionOption(int(n))
					if !ok {
						return p.Badarg()
					}
					opts.MinorVersion = mv
				default:
					return p.Badarg()
				}
			default:
				return p.Badarg()
			}
		}
	}
	data, err := etf.Encode(nil, h, args[0], opts)
	if err != nil {
		return p.Badarg()
	}
	return h.MakeBinary(data)
}

func bifTermToIovec(p *Process, args []term.Term) term.Term {
	b := bifTermToBinary(p, args)
	if b == term.NoValue {
		return b
	}
	return p.heap.List(b)
}

func bifBinaryToTerm(p *Process, args []term.Term) term.Term {
	h := p.heap
	if !h.IsBitstring(args[0]) {
		return p.Badarg()
	}
	data, ok := h.BinaryBytes(args[0])
	if !ok {
		return p.Badarg()
	}
	var opts etf.DecodeOptions
	used := false
	if len(args) == 2 {
		list, ok := h.ListToSlice(args[1])
		if !ok {
			return p.Badarg()
		}
		for _, o := range list {
			switch o {
			case atomSafe:
				opts.Safe = true
			case atomUsed:
				used = true
			default:
				return p.Badarg()
			}
		}
	}
	t, n, err := etf.Decode(h, data, opts)
	if err != nil {
		return p.Badarg()
	}
	if used {
		return h.Tuple(t, term.MakeSmall(int64(n)))
	}
	return t
}

func bifModuleLoaded(p *Process, args []term.Term) term.Term {
	if !args[0].IsAtom() {
		return p.Badarg()
	}
	return term.Bool(p.loadedModule(args[0]) != nil || p.m.preloaded(args[0]))
}
