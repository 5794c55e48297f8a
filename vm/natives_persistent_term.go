package vm

import (
	"sync"

	"github.com/avmtool/avm/vm/etf"
	"github.com/avmtool/avm/vm/term"
)

// persistent_term: terms stored VM-wide under a key. Each value lives in a
// heap of its own, outside every process, and get copies it into the
// caller's heap (OTP shares it instead; the result is the same term).
// Elixir keeps its defaults there (Inspect.Opts' inspect_fun, Logger).

// persistentTerms is the store of one Machine. Keys are compared as
// =:= does, through their external term format.
type persistentTerms struct {
	mu      sync.RWMutex
	entries map[string]*persistentTerm
}

type persistentTerm struct {
	heap       *term.Heap
	key, value term.Term
}

func init() {
	register("persistent_term",
		Native{Function: "put", Arity: 2, Fn: persistentTermPut, Doc: "put(Key, Value): store Value under Key for every process; ok"},
		Native{Function: "get", Arity: 1, Fn: persistentTermGet, Doc: "get(Key): the value stored under Key; badarg when there is none"},
		Native{Function: "get", Arity: 2, Fn: persistentTermGet, Doc: "get(Key, Default): the value stored under Key, or Default"},
		Native{Function: "get", Arity: 0, Fn: persistentTermGetAll, Doc: "get(): every stored {Key, Value}"},
		Native{Function: "erase", Arity: 1, Fn: persistentTermErase, Doc: "erase(Key): remove Key; true if it was stored, else false"},
		Native{Function: "info", Arity: 0, Fn: persistentTermInfo, Doc: "info(): #{count => Keys, memory => Bytes} of the store"},
	)
}

// store copies key and value into a heap of their own and stores them
// under the encoded key.
func (s *persistentTerms) store(encoded string, from *term.Heap, key, value term.Term) {
	h := term.NewHeap(0)
	e := &persistentTerm{heap: h, key: h.CopyFrom(from, key), value: h.CopyFrom(from, value)}
	s.mu.Lock()
	if s.entries == nil {
		s.entries = map[string]*persistentTerm{}
	}
	s.entries[encoded] = e
	s.mu.Unlock()
}

func (s *persistentTerms) lookup(encoded string) *persistentTerm {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.entries[encoded]
}

// remove deletes an entry, reporting whether there was one.
func (s *persistentTerms) remove(encoded string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	_, found := s.entries[encoded]
	delete(s.entries, encoded)
	return found
}

// persistentKey is the map key of term k: its external term format.
func persistentKey(p *Process, k term.Term) (string, bool) {
	data, err := etf.Encode(nil, p.heap, k, etf.EncodeOptions{})
	return string(data), err == nil
}

func persistentTermPut(p *Process, args []term.Term) term.Term {
	key, ok := persistentKey(p, args[0])
	if !ok {
		return p.Badarg()
	}
	p.m.pterms.store(key, p.heap, args[0], args[1])
	return term.AtomOk
}

func persistentTermGet(p *Process, args []term.Term) term.Term {
	key, ok := persistentKey(p, args[0])
	if !ok {
		return p.Badarg()
	}
	e := p.m.pterms.lookup(key)
	if e == nil {
		if len(args) == 2 {
			return args[1]
		}
		return p.Badarg()
	}
	return p.heap.CopyFrom(e.heap, e.value)
}

func persistentTermGetAll(p *Process, _ []term.Term) term.Term {
	s := &p.m.pterms
	s.mu.RLock()
	defer s.mu.RUnlock()
	h := p.heap
	out := term.Nil
	for _, e := range s.entries {
		out = h.Cons(h.Tuple(h.CopyFrom(e.heap, e.key), h.CopyFrom(e.heap, e.value)), out)
	}
	return out
}

func persistentTermErase(p *Process, args []term.Term) term.Term {
	key, ok := persistentKey(p, args[0])
	if !ok {
		return p.Badarg()
	}
	return term.Bool(p.m.pterms.remove(key))
}

func persistentTermInfo(p *Process, _ []term.Term) term.Term {
	s := &p.m.pterms
	s.mu.RLock()
	count, words := len(s.entries), 0
	for _, e := range s.entries {
		words += e.heap.Used()
	}
	s.mu.RUnlock()
	h := p.heap
	return h.MapFromPairs([]term.Term{term.Atom("count"), term.Atom("memory")},
		[]term.Term{term.MakeSmall(int64(count)), term.MakeSmall(int64(words * 8))})
}
