package vm

import (
	"errors"
	"fmt"
	"strings"

	"github.com/avmtool/avm/vm/etf"
	"github.com/avmtool/avm/vm/term"
)

// An Elixir program expects what `elixir` has running when the program
// starts on OTP. Machine.Run gives it the same: the console as the elixir
// application sets it up (standard_io in binary mode with unicode
// encoding, standard_error in unicode, so IO.puts("héllo ✓") writes UTF-8
// and IO.gets returns binaries), and, through avm_elixir:boot/3 of the
// bundled library, the logging service the Logger macros call. The Elixir
// library itself is the user's own, loaded unchanged (legacy_bits.go makes
// its pre-OTP-25 binary construction loadable).

// isElixirModule reports whether a module name is an Elixir module's.
func isElixirModule(name string) bool { return strings.HasPrefix(name, "Elixir.") }

// startElixir configures the console as the elixir application does.
func (m *Machine) startElixir() {
	c := m.streams()
	c.out.unicode.Store(true)
	c.out.binary.Store(true)
	c.err.unicode.Store(true)
}

// elixirBoot returns the entry of a run of an Elixir module's
// function/0: avm_elixir:boot(Module, Function, 'Elixir.Exception') from
// the bundled library, which starts what the Elixir runtime has running
// before it calls it.
func (m *Machine) elixirBoot(module, function string) (*Module, int, []term.Term, error) {
	boot, err := m.ensureLoaded(atomAvmElixir)
	if err != nil {
		return nil, 0, nil, fmt.Errorf("module avm_elixir: %w", err)
	}
	pc, ok := boot.exported(term.Atom("boot"), 3)
	if !ok {
		return nil, 0, nil, errors.New("module avm_elixir does not export boot/3")
	}
	return boot, pc, []term.Term{term.Atom(module), term.Atom(function), term.Atom("Elixir.Exception")}, nil
}

var atomAvmElixir = term.Atom("avm_elixir")

// ElixirBanner returns the line Elixir prints for the exception that ended
// the run of an Elixir program ("** (ArgumentError) argument error"),
// which avm_elixir:boot/3 leaves in persistent_term; ok is false when
// there is none.
func (m *Machine) ElixirBanner() (banner string, ok bool) {
	h := term.NewHeap(0)
	key, err := etf.Encode(nil, h, h.Tuple(atomAvmElixir, term.Atom("banner")), etf.EncodeOptions{})
	if err != nil {
		return "", false
	}
	s := &m.pterms
	s.mu.RLock()
	e := s.entries[string(key)]
	s.mu.RUnlock()
	if e == nil {
		return "", false
	}
	b, ok := e.heap.BinaryBytes(e.value)
	return string(b), ok
}

var (
	atomStructKey    = term.Atom("__struct__")
	atomExceptionKey = term.Atom("__exception__")
	atomMessageKey   = term.Atom("message")
)

// elixirExceptionBanner returns the banner Elixir prints for an error whose
// reason is an Elixir exception carrying its message ("** (RuntimeError)
// boom"), as far as it can be told without running Elixir code: ok is
// false for other reasons, and for exceptions whose message/1 computes the
// text (KeyError, say).
func elixirExceptionBanner(h *term.Heap, class, reason term.Term) (string, bool) {
	if class != term.AtomError || !h.IsMap(reason) {
		return "", false
	}
	isExc, _ := h.MapGet(reason, atomExceptionKey)
	mod, _ := h.MapGet(reason, atomStructKey)
	msg, _ := h.MapGet(reason, atomMessageKey)
	if isExc != term.True || !mod.IsAtom() || !h.IsBinary(msg) {
		return "", false
	}
	text, _ := h.BinaryBytes(msg)
	return fmt.Sprintf("** (%s) %s", strings.TrimPrefix(term.AtomName(mod), "Elixir."), text), true
}
