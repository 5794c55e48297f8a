package vm

import (
	"math/big"
	"math/rand/v2"

	"github.com/avmtool/avm/vm/term"
)

// rand: uniformly distributed random numbers (Enum.random/1 and
// Enum.shuffle/1 call rand:uniform/1). The numbers come from Go's
// generator, seeded by the OS, so they differ from run to run as they do
// when OTP seeds rand itself; seed/1,2 and the explicit-state functions,
// which promise OTP's exact sequences, are not provided.

func init() {
	register("rand",
		Native{Function: "uniform", Arity: 0, Fn: randUniformFloat, Doc: "uniform(): a random float, 0.0 =< X < 1.0"},
		Native{Function: "uniform", Arity: 1, Fn: randUniformInt, Doc: "uniform(N): a random integer, 1 =< X =< N"},
		Native{Function: "uniform_real", Arity: 0, Fn: randUniformReal, Doc: "uniform_real(): a random float, 0.0 < X < 1.0"},
	)
}

func randUniformFloat(p *Process, _ []term.Term) term.Term {
	return p.heap.Float(rand.Float64())
}

func randUniformReal(p *Process, _ []term.Term) term.Term {
	for {
		if f := rand.Float64(); f > 0 {
			return p.heap.Float(f)
		}
	}
}

func randUniformInt(p *Process, args []term.Term) term.Term {
	h := p.heap
	n := args[0]
	if n.IsSmall() && n.Small() >= 1 {
		return term.MakeSmall(rand.Int64N(n.Small()) + 1)
	}
	if !h.IsBig(n) || h.ToBig(n).Sign() <= 0 {
		return p.Error(term.Atom("function_clause")) // as OTP's guard N >= 1
	}
	// A bignum range: random words, reduced modulo N (the bias is below
	// 2^-64 with the extra word).
	bn := h.ToBig(n)
	words := make([]big.Word, len(bn.Bits())+1)
	for i := range words {
		words[i] = big.Word(rand.Uint64())
	}
	r := new(big.Int).SetBits(words)
	r.Mod(r, bn).Add(r, big.NewInt(1))
	return h.BigInt(r)
}
