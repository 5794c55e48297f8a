package vm

import (
	"crypto/rand"
	"encoding/binary"
	"os"

	"github.com/avmtool/avm/packbeam"
	"github.com/avmtool/avm/vm/term"
)

// AtomVM's own functions (atomvm module): the platform, random numbers,
// and the .avm archives (the archive list is in archives.go). They behave as
// AtomVM 0.6's, errors included.

func init() {
	register("atomvm",
		Native{Function: "platform", Arity: 0, Fn: nifPlatform,
			Doc: "platform(): the platform the VM runs on: generic_unix (esp32, stm32, rp2 on devices)"},
		Native{Function: "random", Arity: 0, Fn: nifRandom,
			Doc: "random(): a random unsigned 32-bit integer"},
		Native{Function: "rand_bytes", Arity: 1, Fn: nifRandBytes,
			Doc: "rand_bytes(N): a binary of N random bytes"},
		Native{Function: "read_priv", Arity: 2, Fn: nifReadPriv,
			Doc: "read_priv(App, Path): the plain file App/priv/Path of the loaded archives as a binary, or undefined"},
		Native{Function: "add_avm_pack_binary", Arity: 2, Fn: nifAddAVMPackBinary,
			Doc: "add_avm_pack_binary(AVM, [{name, Name}]): search the archive in binary AVM after the others"},
		Native{Function: "add_avm_pack_file", Arity: 2, Fn: nifAddAVMPackFile,
			Doc: "add_avm_pack_file(Path, [{name, Name}]): search the archive in file Path before the others; {error, cannot_open | invalid_avm}"},
		Native{Function: "close_avm_pack", Arity: 2, Fn: nifCloseAVMPack,
			Doc: "close_avm_pack(Name, []): forget the archive Name; error if it is unknown or code or files were read from it"},
		Native{Function: "get_start_beam", Arity: 1, Fn: nifGetStartBeam,
			Doc: "get_start_beam(Name): {ok, <<\"mod.beam\">>} of archive Name's entry point, {error, no_start_beam | avm_pack_not_found}"},
	)
}

// nifPlatform answers as the target device would (Options.Board's profile).
func nifPlatform(p *Process, _ []term.Term) term.Term {
	return term.Atom(p.m.board().Profile().Platform)
}

func nifRandom(*Process, []term.Term) term.Term {
	var b [4]byte
	rand.Read(b[:])
	return term.MakeSmall(int64(binary.BigEndian.Uint32(b[:])))
}

func nifRandBytes(p *Process, args []term.Term) term.Term {
	n, ok := smallArg(args[0])
	if !ok || n < 0 || n > maxBinaryBytes {
		return p.Badarg()
	}
	b := make([]byte, n)
	rand.Read(b)
	return p.heap.MakeBinary(b)
}

func nifReadPriv(p *Process, args []term.Term) term.Term {
	h := p.heap
	if !args[0].IsAtom() {
		return p.Badarg()
	}
	path, ok := stringArg(h, args[1])
	if !ok {
		return p.Badarg()
	}
	l := &p.m.archives
	l.mu.Lock()
	none := len(l.list) == 0
	l.mu.Unlock()
	if none {
		return p.Badarg() // as AtomVM, which has no archive to look in
	}
	priv := term.AtomName(args[0]) + "/priv/" + path
	e, _ := l.find(func(a *packbeam.Archive) *packbeam.Entry {
		if e := a.Find(priv); e != nil && !e.IsBEAM() {
			return e
		}
		return nil
	})
	if e == nil {
		return term.AtomUndefined
	}
	return h.MakeBinary(e.Data) // archive data is never modified
}

func nifAddAVMPackBinary(p *Process, args []term.Term) term.Term {
	h := p.heap
	data, ok := binaryArg(h, args[0])
	if !ok || !packbeam.IsArchive(data) {
		return p.Badarg()
	}
	name, ok := packName(h, args[1])
	if !ok {
		return p.Badarg()
	}
	// The binary's bytes stay as they are, but own a copy as AtomVM does
	// for binaries it does not reference-count.
	a, err := packbeam.Read("avm pack binary", append([]byte(nil), data...))
	if err != nil {
		return h.Tuple(term.AtomError, term.Atom("invalid_avm"))
	}
	p.m.archives.add(&openArchive{file: "avm pack binary", a: a, name: name}, false)
	return term.AtomOk
}

func nifAddAVMPackFile(p *Process, args []term.Term) term.Term {
	h := p.heap
	path, ok := stringArg(h, args[0])
	if !ok {
		return p.Badarg()
	}
	name, ok := packName(h, args[1])
	if !ok {
		return p.Badarg()
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return h.Tuple(term.AtomError, term.Atom("cannot_open"))
	}
	a, err := packbeam.Read(path, data)
	if err != nil {
		return h.Tuple(term.AtomError, term.Atom("invalid_avm"))
	}
	p.m.archives.add(&openArchive{file: path, a: a, name: name}, true) // AtomVM prepends files
	return term.AtomOk
}

func nifCloseAVMPack(p *Process, args []term.Term) term.Term {
	name := args[0]
	if !name.IsAtom() {
		return p.Badarg()
	}
	l := &p.m.archives
	l.mu.Lock()
	defer l.mu.Unlock()
	kept := l.list[:0:0]
	found := false
	for _, o := range l.list {
		if o.name != name {
			kept = append(kept, o)
			continue
		}
		if o.inUse {
			return term.AtomError
		}
		found = true
	}
	if !found {
		return term.AtomError
	}
	l.list = kept
	return term.AtomOk
}

func nifGetStartBeam(p *Process, args []term.Term) term.Term {
	h := p.heap
	name := args[0]
	if !name.IsAtom() {
		return p.Badarg()
	}
	l := &p.m.archives
	l.mu.Lock()
	defer l.mu.Unlock()
	for _, o := range l.list {
		if o.name != name {
			continue
		}
		if e := o.a.Start(); e != nil {
			return h.Tuple(term.AtomOk, h.MakeBinary([]byte(e.Name)))
		}
		return h.Tuple(term.AtomError, term.Atom("no_start_beam"))
	}
	return h.Tuple(term.AtomError, term.Atom("avm_pack_not_found"))
}

// stringArg accepts a character list or a binary (UTF-8), as paths are
// given either way.
func stringArg(h *term.Heap, t term.Term) (string, bool) {
	if h.IsBinary(t) {
		b, ok := h.BinaryBytes(t)
		return string(b), ok
	}
	return charListString(h, t)
}

// packName reads the {name, Atom} option of an option list; NoValue when
// absent.
func packName(h *term.Heap, opts term.Term) (term.Term, bool) {
	elems, ok := h.ListToSlice(opts)
	if !ok {
		return term.NoValue, false
	}
	for _, o := range elems {
		if h.IsTuple(o) && h.TupleSize(o) == 2 && h.TupleElems(o)[0] == term.Atom("name") {
			name := h.TupleElems(o)[1]
			return name, name.IsAtom()
		}
	}
	return term.NoValue, true
}
